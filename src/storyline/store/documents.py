"""Documents: the cleaned pages, their dates, and where each is in the pipeline."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from ..errors import StoreError
from ..model import DateFlag, Document, DocumentDate
from .connection import Connection


class DocumentTable:
    """The `documents` table."""

    def __init__(self, db: Connection):
        self.db = db

    def has(self, doc_id: str) -> bool:
        return self.db.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add(self, doc: Document, minhash: bytes | None = None) -> None:
        p = doc.published
        with self.db.transaction() as c:
            c.execute(
                "INSERT INTO documents (id, source, url, title, outlet, outlet_origin, published,"
                " published_granularity, published_origin, date_flags, date_note, anchor, anchor_origin,"
                " author, kind, text, removed, lowercase, duplicate_of, minhash)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.url, doc.title, doc.outlet, doc.outlet_origin, p.value,
                 p.granularity, p.origin, _flags(p.flags), p.note, p.reference, p.reference_origin,
                 doc.author, doc.kind, doc.text,
                 json.dumps(doc.removed, ensure_ascii=False), int(doc.lowercase),
                 doc.duplicate_of, minhash))

    def set_duplicate(self, doc_id: str, original: str | None, similarity: float | None) -> None:
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET duplicate_of = ?, similarity = ? WHERE id = ?",
                      (original, similarity, doc_id))

    def set_reference(self, doc_id: str, reference: str | None, origin: str | None) -> None:
        """The reference date the stages resolve this document's relative dates against."""
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET anchor = ?, anchor_origin = ? WHERE id = ?",
                      (reference, origin, doc_id))

    def _row(self, r: sqlite3.Row) -> Document:
        return Document(
            id=r["id"], source=r["source"], text=r["text"], title=r["title"], outlet=r["outlet"],
            outlet_origin=r["outlet_origin"],
            published=DocumentDate(
                r["published"], r["published_granularity"], r["published_origin"],
                frozenset(DateFlag(f) for f in json.loads(r["date_flags"])), r["anchor"],
                r["anchor_origin"], r["date_note"]),
            url=r["url"], author=r["author"], kind=r["kind"], removed=json.loads(r["removed"]),
            duplicate_of=r["duplicate_of"], lowercase=bool(r["lowercase"]))

    def all(self, include_duplicates: bool = True) -> list[Document]:
        sql = "SELECT * FROM documents"
        if not include_duplicates:
            sql += " WHERE duplicate_of IS NULL"
        return [self._row(r) for r in self.db.conn.execute(sql + " ORDER BY source, id")]

    def get(self, doc_id: str) -> Document | None:
        r = self.db.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._row(r) if r else None

    def require(self, doc_id: str) -> Document:
        """The document, which must be stored."""
        doc = self.get(doc_id)
        if doc is None:
            raise StoreError(f"no document {doc_id} in {self.db.path}")
        return doc

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        yield from self.db.conn.execute(
            "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL")

    def unannotated(self) -> list[str]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM documents WHERE annotated = 0 AND duplicate_of IS NULL ORDER BY source, id")]

    def count(self) -> int:
        return self.db.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def set_date_flags(self, doc_id: str, flags: frozenset[DateFlag], note: str | None) -> None:
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET date_flags = ?, date_note = ? WHERE id = ?",
                      (_flags(flags), note, doc_id))

    def unindexed(self) -> list[str]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM documents WHERE story_indexed = 0 AND annotated = 1 AND duplicate_of IS NULL"
            " ORDER BY added_at, source, id")]

    def mark_indexed(self, doc_id: str, done: bool = True) -> None:
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET story_indexed = ? WHERE id = ?", (int(done), doc_id))


def _flags(flags: frozenset[DateFlag]) -> str:
    return json.dumps(sorted(f.value for f in flags))
