"""The store: one connection, and the tables by domain that hang off it."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from ..model import Sentence
from .annotations import AnnotationTable
from .connection import Connection
from .documents import DocumentTable
from .index import StoryIndexTable
from .items import StoryItems


class Store(Connection):
    """`docs` (documents), `annotations` (per-document annotations), `index` (the story
    index) and `items` (entities, events, contradictions, commitments) over one
    connection; meta values and full-text search."""

    def __init__(self, path: str | Path = "storyline.db"):
        super().__init__(path)
        self.docs = DocumentTable(self)
        self.annotations = AnnotationTable(self)
        self.index = StoryIndexTable(self)
        self.items = StoryItems(self)

    # -- meta and search ----------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      (key, value))

    def data_version(self) -> int:
        """Changes whenever another connection (any process) commits to the store; read from
        the WAL index, no table is scanned. The web app's cache key."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

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
