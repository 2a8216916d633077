"""SQLite store (WAL mode): the connection, migrations, transactions, meta and search.

One connection per Store. Writes go through `transaction()` (BEGIN IMMEDIATE), so a
failing batch leaves nothing half-written. Schema changes are numbered SQL files in
migrations/, recorded in `schema_migrations` and applied in order on open.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from ..errors import StoreError
from ..model import Sentence
from .annotations import AnnotationTable
from .documents import DocumentTable
from .index import StoryIndexTable
from .items import StoryItems


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.name, item.read_text("utf-8")))
    return sorted(found)


class Store:
    """One connection and one migration list; the tables by domain hang off it:
    `docs` (documents), `annotations` (per-document annotations), `index` (the story
    index) and `items` (entities, events, contradictions, commitments)."""

    def __init__(self, path: str | Path = "storyline.db"):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # a large story's indexes should stay in memory: 64 MB of page cache, mapped reads
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.execute("PRAGMA mmap_size = 268435456")
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self.migrate()
            self.docs = DocumentTable(self)
            self.annotations = AnnotationTable(self)
            self.index = StoryIndexTable(self)
            self.items = StoryItems(self)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a storyline store or damaged ({exc}). "
                             "Choose another file with --db.") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------
    def migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                          "(version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
        done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in _migrations():
            if version in done:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)",
                                  (version, name))

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:  # nested: the outer one commits
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- meta and search ----------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      (key, value))

    def get_meta(self, key: str) -> str | None:
        r = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return r[0] if r else None

    def search(self, query: str, limit: int = 50) -> list[tuple[Sentence, str]]:
        """FTS5 search over sentences: (sentence, highlighted snippet), best first."""
        try:
            rows = self.conn.execute(
                "SELECT s.doc_id, s.idx, s.start, s.\"end\", s.text,"
                " highlight(sentences_fts, 0, '[', ']') AS hl"
                " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
                " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot search for {query!r}: {exc}. "
                             "Quote phrases with \"...\" and use * only at the end of a word.") from exc
        return [(Sentence(r[0], r[1], r[2], r[3], r[4]), r[5]) for r in rows]


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buf, depth = [], [], 0
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped.startswith("--") or not stripped:
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if depth and upper.startswith("END;"):
            depth -= 1
            statements.append("\n".join(buf))
            buf = []
        elif not depth and stripped.endswith(";"):
            statements.append("\n".join(buf))
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements
