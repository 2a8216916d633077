"""The PostgreSQL store: the SQLite `Store`'s tables over a `PgConnection`.

`PgStore(Store, PgConnection)`: Python's method order puts `PgConnection` between `Store`
and the SQLite `Connection`, so `Store.__init__` wires the same table objects (documents,
annotations, story index, items, and whatever tables are added there later) onto the
PostgreSQL connection. Only what SQLite does outside plain SQL is written again here
(full-text search, the data version); everything else is the table classes' own SQL
through the dialect translation.
"""
from __future__ import annotations

import psycopg

from ...errors import StoreError
from ...model import Sentence
from ..db import Store
from .connection import PgConnection
from .fts import CONFIG, tsquery_sql


class PgStore(Store, PgConnection):
    """The store in a PostgreSQL database (or one schema of it: `?schema=NAME`)."""

    def data_version(self) -> int:
        """Moves whenever a write is committed to the store, by any connection (a counter
        that every committed write transaction moves: `store_version`)."""
        return int(self.sql.scalar("SELECT n FROM store_version"))

    def search(self, query: str, limit: int = 50) -> list[tuple[Sentence, str]]:
        """Full-text search over sentences (tsvector, FTS5-style query syntax): (sentence,
        highlighted text), best first."""
        expr, params = tsquery_sql(query)
        vector = f"to_tsvector('{CONFIG}', s.text)"  # the expression the GIN index is on
        try:
            rows = self.raw.execute(
                f"WITH q AS (SELECT {expr} AS q)"
                f" SELECT s.doc_id, s.idx, s.start, s.\"end\", s.text,"
                f" ts_headline('{CONFIG}', s.text, q.q, 'StartSel=[, StopSel=], HighlightAll=true')"
                f" FROM sentences s, q WHERE {vector} @@ q.q"
                f" ORDER BY ts_rank({vector}, q.q) DESC, s.rowid LIMIT %s", [*params, limit]).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"cannot search for {query!r}: {str(exc).strip()}. "
                             "Quote phrases with \"...\" and use * only at the end of a word.") from exc
        return [(Sentence(r[0], r[1], r[2], r[3], r[4]), r[5]) for r in rows]
