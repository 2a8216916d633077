"""Documents: the cleaned pages, their dates, and where each is in the pipeline."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import StoreError
from ..model import DateFlag, Document, DocumentDate
from .connection import Connection


class DocumentTable:
    """The `documents` table."""

    def __init__(self, db: Connection):
        self.db = db

    def has(self, doc_id: str) -> bool:
        return self.db.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add(self, doc: Document, minhash: bytes | None = None, similarity: float | None = None) -> None:
        """Store a cleaned page (a page with its id already there is an IntegrityError)."""
        self._insert(doc, minhash, similarity, "")

    def add_if_new(self, doc: Document, minhash: bytes | None = None, similarity: float | None = None) -> bool:
        """Store a cleaned page in one statement; False when a page with its id is already
        there (another ingest got there first), so concurrent ingests are idempotent."""
        return self._insert(doc, minhash, similarity, " ON CONFLICT(id) DO NOTHING")

    def _insert(self, doc: Document, minhash: bytes | None, similarity: float | None, conflict: str) -> bool:
        p = doc.published
        with self.db.transaction() as c:
            cur = c.execute(
                "INSERT INTO documents (id, source, url, title, outlet, outlet_origin, published,"
                " published_granularity, published_origin, date_flags, date_note, anchor, anchor_origin,"
                " author, kind, text, removed, lowercase, duplicate_of, similarity, minhash)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" + conflict,
                (doc.id, doc.source, doc.url, doc.title, doc.outlet, doc.outlet_origin, p.value,
                 p.granularity, p.origin, _flags(p.flags), p.note, p.reference, p.reference_origin,
                 doc.author, doc.kind, doc.text,
                 json.dumps(doc.removed, ensure_ascii=False), int(doc.lowercase),
                 doc.duplicate_of, similarity if doc.duplicate_of else None, minhash))
            return cur.rowcount > 0

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

    def minhashes(self, ids: list[str] | None = None) -> Iterator[tuple[str, bytes]]:
        """(id, signature) of the originals (pages with a signature that copy no other); with
        `ids`, of those among these, in their order."""
        if ids is None:
            yield from self.db.conn.execute(
                "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL")
            return
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            found = dict(self.db.conn.execute(
                f"SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL"
                f" AND id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
            yield from ((x, found[x]) for x in chunk if x in found)

    def original_ids(self) -> list[str]:
        """The ids `minhashes()` lists, in its order, without reading a signature."""
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL")]

    def unannotated(self) -> list[str]:
        """Documents the annotate stage has still to read (never those set aside)."""
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM documents WHERE annotated = 0 AND duplicate_of IS NULL AND failed_stage IS NULL"
            " ORDER BY source, id")]

    def count(self) -> int:
        return self.db.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def set_date_flags(self, doc_id: str, flags: frozenset[DateFlag], note: str | None) -> None:
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET date_flags = ?, date_note = ? WHERE id = ?",
                      (_flags(flags), note, doc_id))

    def unindexed(self) -> list[str]:
        """The story queue: documents in their first pass in the order they were added, then
        those sent back (`requeue`) in the order they were sent back."""
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM documents WHERE story_indexed = 0 AND annotated = 1 AND duplicate_of IS NULL"
            " AND failed_stage IS NULL ORDER BY story_queue, added_at, source, id")]

    def pending(self, doc_id: str) -> bool:
        """Whether a document still waits for the story stages (read inside the writing
        transaction, so two builds never add one document twice)."""
        r = self.db.conn.execute("SELECT story_indexed = 0 AND annotated = 1 AND failed_stage IS NULL"
                                 " FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return bool(r and r[0])

    def longer_than(self, doc_ids: list[str], chars: int) -> list[str]:
        """Those of these documents whose text is longer than `chars` characters."""
        out: list[str] = []
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            out += [r[0] for r in self.db.conn.execute(
                f"SELECT id FROM documents WHERE length(text) > ? AND id IN ({','.join('?' * len(chunk))})",
                (chars, *chunk))]
        return out

    def mark_indexed(self, doc_id: str, done: bool = True) -> None:
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET story_indexed = ?, story_queue = 0 WHERE id = ?",
                      (int(done), doc_id))

    def requeue(self, doc_id: str) -> None:
        """Send a document back to the end of the story queue (after its date was corrected)."""
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET story_indexed = 0, story_queue ="
                      " (SELECT COALESCE(MAX(story_queue), 0) + 1 FROM documents) WHERE id = ?", (doc_id,))

    # -- quarantine ---------------------------------------------------------------------
    def set_failed(self, doc_id: str, stage: str, reason: str) -> None:
        """Set a document aside: the stage that failed on it and why. Whatever it had stored
        of that stage and the later ones is dropped, so it adds nothing to the story until
        it is retried (`clear_failed`) or forgotten (`remove`)."""
        with self.db.transaction() as c:
            c.execute("UPDATE documents SET failed_stage = ?, failed_reason = ?, story_indexed = 0,"
                      " story_queue = 0, failed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                      (stage, reason, doc_id))
            for table in ("statements", "sentences", "mentions", "timexes", "claims"):
                c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            c.execute("UPDATE documents SET annotated = 0 WHERE id = ?", (doc_id,))

    def clear_failed(self, doc_ids: list[str] | None = None) -> int:
        """Give documents set aside another try at the next build; returns how many."""
        with self.db.transaction() as c:
            if doc_ids is None:
                cur = c.execute("UPDATE documents SET failed_stage = NULL, failed_reason = NULL,"
                                " failed_at = NULL WHERE failed_stage IS NOT NULL")
                return cur.rowcount
            n = 0
            for doc_id in doc_ids:
                n += c.execute("UPDATE documents SET failed_stage = NULL, failed_reason = NULL, failed_at = NULL"
                               " WHERE id = ? AND failed_stage IS NOT NULL", (doc_id,)).rowcount
            return n

    def statuses(self, failed_only: bool = False) -> list[DocumentStatus]:
        """Every document (or those set aside) with where it is in the pipeline."""
        sql = ("SELECT id, source, title, outlet, published, duplicate_of, annotated, story_indexed,"
               " failed_stage, failed_reason, failed_at FROM documents")
        if failed_only:
            sql += " WHERE failed_stage IS NOT NULL"
        out = []
        for r in self.db.conn.execute(sql + " ORDER BY added_at, source, id"):
            if r["failed_stage"]:
                status = "failed"
            elif r["duplicate_of"]:
                status = "duplicate"
            elif r["story_indexed"]:
                status = "in story"
            elif r["annotated"]:
                status = "annotated"
            else:
                status = "new"
            out.append(DocumentStatus(r["id"], r["source"], r["title"], r["outlet"], r["published"],
                                      status, r["duplicate_of"], r["failed_stage"], r["failed_reason"],
                                      r["failed_at"]))
        return out

    def find(self, ref: str) -> list[str]:
        """The documents a user's reference names: an id, a unique id prefix or a source."""
        exact = self.db.conn.execute("SELECT id FROM documents WHERE id = ? OR source = ? ORDER BY id",
                                     (ref, ref)).fetchall()
        if exact or len(ref) < 4:
            return [r[0] for r in exact]
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM documents WHERE substr(id, 1, ?) = ? ORDER BY id", (len(ref), ref))]

    def reprints(self, doc_id: str) -> list[tuple[str, str]]:
        """(id, text) of the near-duplicates that copy this document."""
        return [(r[0], r[1]) for r in self.db.conn.execute(
            "SELECT id, text FROM documents WHERE duplicate_of = ? ORDER BY id", (doc_id,))]

    def remove(self, doc_id: str) -> str | None:
        """Delete a document and its annotations (the story items must be cleaned first:
        `StoryItems.remove_document`). A reprint of it takes its place as the original;
        returns the reprint's id, if any."""
        with self.db.transaction() as c:
            reprints = [r[0] for r in c.execute("SELECT id FROM documents WHERE duplicate_of = ?"
                                                " ORDER BY added_at, source, id", (doc_id,))]
            heir = reprints[0] if reprints else None
            if heir:
                c.execute("UPDATE documents SET duplicate_of = NULL, similarity = NULL, annotated = 0,"
                          " story_indexed = 0 WHERE id = ?", (heir,))
                c.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", (heir, doc_id))
            for table in ("statements", "sentences", "mentions", "timexes", "claims"):
                c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            return heir


@dataclass(frozen=True)
class DocumentStatus:
    """One line of `storyline documents`: a document and where it is in the pipeline."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    status: str  # new | annotated | in story | duplicate | failed
    duplicate_of: str | None = None
    failed_stage: str | None = None  # annotate | story
    failed_reason: str | None = None
    failed_at: str | None = None


def _flags(flags: frozenset[DateFlag]) -> str:
    return json.dumps(sorted(f.value for f in flags))
