"""SQLite store (WAL mode): documents, sentences with FTS5, annotations and story items.

One connection per Store. Writes go through `transaction()` (BEGIN IMMEDIATE), so a
failing batch leaves nothing half-written. Schema changes are numbered SQL files in
migrations/, recorded in `schema_migrations` and applied in order on open.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from importlib import resources
from pathlib import Path

from ..errors import StoreError
from ..model import (
    Claim,
    Commitment,
    Contradiction,
    DateInfo,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Sentence,
    TimeValue,
)


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.name, item.read_text("utf-8")))
    return sorted(found)


def _evidence(raw: str) -> list[Evidence]:
    return [Evidence(**e) for e in json.loads(raw or "[]")]


def _dump_evidence(items: list[Evidence]) -> str:
    return json.dumps([asdict(e) for e in items], ensure_ascii=False)


class Store:
    def __init__(self, path: str | Path = "storyline.db"):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
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

    # -- documents ----------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, minhash: bytes | None = None) -> None:
        p = doc.published
        with self.transaction() as c:
            c.execute(
                "INSERT INTO documents (id, source, url, title, outlet, outlet_origin, published,"
                " published_granularity, published_origin, published_flag, author, kind, text,"
                " removed, lowercase, duplicate_of, minhash)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.url, doc.title, doc.outlet, doc.outlet_origin, p.value,
                 p.granularity, p.origin, p.flag, doc.author, doc.kind, doc.text,
                 json.dumps(doc.removed, ensure_ascii=False), int(doc.lowercase),
                 doc.duplicate_of, minhash))

    def set_duplicate(self, doc_id: str, original: str | None, similarity: float | None) -> None:
        with self.transaction() as c:
            c.execute("UPDATE documents SET duplicate_of = ?, similarity = ? WHERE id = ?",
                      (original, similarity, doc_id))

    def set_anchor(self, doc_id: str, anchor: str | None, origin: str | None) -> None:
        with self.transaction() as c:
            c.execute("UPDATE documents SET anchor = ?, anchor_origin = ? WHERE id = ?",
                      (anchor, origin, doc_id))

    def _document(self, r: sqlite3.Row) -> Document:
        return Document(
            id=r["id"], source=r["source"], text=r["text"], title=r["title"], outlet=r["outlet"],
            outlet_origin=r["outlet_origin"],
            published=DateInfo(r["published"], r["published_granularity"], r["published_origin"],
                               r["published_flag"]),
            url=r["url"], author=r["author"], kind=r["kind"], removed=json.loads(r["removed"]),
            duplicate_of=r["duplicate_of"], lowercase=bool(r["lowercase"]))

    def documents(self, include_duplicates: bool = True) -> list[Document]:
        sql = "SELECT * FROM documents"
        if not include_duplicates:
            sql += " WHERE duplicate_of IS NULL"
        return [self._document(r) for r in self.conn.execute(sql + " ORDER BY source, id")]

    def document(self, doc_id: str) -> Document | None:
        r = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._document(r) if r else None

    def document_anchor(self, doc_id: str) -> tuple[str | None, str | None]:
        r = self.conn.execute("SELECT anchor, anchor_origin FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
        return (r[0], r[1]) if r else (None, None)

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        yield from self.conn.execute(
            "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL")

    def unannotated(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE annotated = 0 AND duplicate_of IS NULL ORDER BY source, id")]

    def count_documents(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    # -- per-document annotations -------------------------------------------------------
    def save_annotations(self, doc_id: str, sentences: list[Sentence], mentions: list[Mention],
                         timexes: list[TimeValue], claims: list[Claim]) -> None:
        """Replace everything annotated on one document, in one transaction."""
        with self.transaction() as c:
            for table in ("sentences", "mentions", "timexes", "claims"):
                c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            c.executemany("INSERT INTO sentences (doc_id, idx, start, \"end\", text, verbs, tense)"
                          " VALUES (?,?,?,?,?,?,?)",
                          [(s.doc_id, s.index, s.start, s.end, s.text, " ".join(s.verbs), s.tense)
                           for s in sentences])
            c.executemany(
                "INSERT INTO mentions (doc_id, sentence, start, \"end\", text, label, role, entity_id)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(m.doc_id, m.sentence, m.start, m.end, m.text, m.label, m.role, m.entity_id)
                 for m in mentions])
            c.executemany(
                "INSERT INTO timexes (doc_id, sentence, start, \"end\", text, kind, value, granularity,"
                " anchor, anchor_origin, modifier, tense, verb) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(t.doc_id, t.sentence, t.start, t.end, t.text, t.kind, t.value, t.granularity,
                  t.anchor, t.anchor_origin, t.modifier, t.tense, t.verb) for t in timexes])
            c.executemany(
                "INSERT INTO claims (id, doc_id, sentence, speaker, speaker_entity, text, cue,"
                " anonymous, via, said_on, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(k.id, k.doc_id, k.sentence, k.speaker, k.speaker_entity, k.text, k.cue,
                  int(k.anonymous), k.via, k.said_on, _dump_evidence(k.evidence)) for k in claims])
            c.execute("UPDATE documents SET annotated = 1 WHERE id = ?", (doc_id,))

    def sentences(self, doc_id: str | None = None) -> list[Sentence]:
        sql, args = "SELECT * FROM sentences", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [Sentence(r["doc_id"], r["idx"], r["start"], r["end"], r["text"],
                         r["verbs"].split(), r["tense"])
                for r in self.conn.execute(sql + " ORDER BY doc_id, idx", args)]

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        sql, args = "SELECT * FROM mentions", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [Mention(r["doc_id"], r["sentence"], r["start"], r["end"], r["text"], r["label"],
                        r["role"], r["entity_id"])
                for r in self.conn.execute(sql + " ORDER BY doc_id, sentence, start", args)]

    def timexes(self, doc_id: str | None = None) -> list[TimeValue]:
        sql, args = "SELECT * FROM timexes", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [TimeValue(r["doc_id"], r["sentence"], r["start"], r["end"], r["text"], r["kind"],
                          r["value"], r["granularity"], r["anchor"], r["anchor_origin"], r["modifier"],
                          r["tense"], r["verb"])
                for r in self.conn.execute(sql + " ORDER BY doc_id, sentence, start", args)]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        sql, args = "SELECT * FROM claims", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [Claim(id=r["id"], doc_id=r["doc_id"], sentence=r["sentence"], speaker=r["speaker"],
                      text=r["text"], cue=r["cue"], speaker_entity=r["speaker_entity"],
                      anonymous=bool(r["anonymous"]), via=r["via"], said_on=r["said_on"],
                      evidence=_evidence(r["evidence"]))
                for r in self.conn.execute(sql + " ORDER BY doc_id, sentence", args)]

    def claim_extras(self) -> dict[str, dict]:
        return {r[0]: json.loads(r[1]) for r in self.conn.execute("SELECT id, extra FROM claims")}

    def set_claim_extras(self, extras: dict[str, dict]) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE claims SET extra = ? WHERE id = ?",
                          [(json.dumps(v, ensure_ascii=False), k) for k, v in extras.items()])

    def set_event_extras(self, extras: dict[str, dict]) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE events SET extra = ? WHERE id = ?",
                          [(json.dumps(v, ensure_ascii=False), k) for k, v in extras.items()])

    def set_published_flag(self, doc_id: str, flag: str | None) -> None:
        with self.transaction() as c:
            c.execute("UPDATE documents SET published_flag = ? WHERE id = ?", (flag, doc_id))

    def update_claim_speakers(self, updates: list[tuple[str, str | None, str]]) -> None:
        """(claim id, entity id, canonical speaker name) after entity resolution."""
        with self.transaction() as c:
            c.executemany("UPDATE claims SET speaker_entity = ?, speaker = ? WHERE id = ?",
                          [(e, name, cid) for cid, e, name in updates])

    def set_mention_entities(self, rows: list[tuple[str, str, int, int]]) -> None:
        """(entity id, doc id, sentence, start) for each resolved mention."""
        with self.transaction() as c:
            c.executemany("UPDATE mentions SET entity_id = ? WHERE doc_id = ? AND sentence = ? AND start = ?",
                          rows)

    # -- cross-document items -----------------------------------------------------------
    def replace_entities(self, entities: list[Entity]) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM entities")
            c.executemany("INSERT INTO entities (id, name, type, aliases, mentions) VALUES (?,?,?,?,?)",
                          [(e.id, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False), e.mentions)
                           for e in entities])

    def entities(self) -> list[Entity]:
        return [Entity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), r["mentions"])
                for r in self.conn.execute("SELECT * FROM entities ORDER BY mentions DESC, name")]

    def replace_events(self, events: list[Event], extra: dict[str, dict] | None = None) -> None:
        extra = extra or {}
        with self.transaction() as c:
            c.execute("DELETE FROM events")
            c.executemany(
                "INSERT INTO events (id, \"when\", granularity, summary, status, participants, evidence, extra)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(e.id, e.when, e.granularity, e.summary, e.status,
                  json.dumps(e.participants, ensure_ascii=False), _dump_evidence(e.evidence),
                  json.dumps(extra.get(e.id, {}), ensure_ascii=False)) for e in events])

    def events(self) -> list[tuple[Event, dict]]:
        out = []
        for r in self.conn.execute("SELECT * FROM events"):
            out.append((Event(r["id"], r["when"], r["summary"], r["status"],
                              json.loads(r["participants"]), _evidence(r["evidence"]),
                              r["granularity"]), json.loads(r["extra"])))
        return out

    def replace_contradictions(self, items: list[Contradiction], extra: dict[str, dict] | None = None) -> None:
        extra = extra or {}
        with self.transaction() as c:
            c.execute("DELETE FROM contradictions")
            c.executemany(
                "INSERT INTO contradictions (id, summary, kind, sides, extra) VALUES (?,?,?,?,?)",
                [(x.id, x.summary, x.kind,
                  json.dumps([[asdict(e) for e in side] for side in x.sides], ensure_ascii=False),
                  json.dumps(extra.get(x.id, {}), ensure_ascii=False)) for x in items])

    def contradictions(self) -> list[tuple[Contradiction, dict]]:
        return [(Contradiction(r["id"], r["summary"], r["kind"],
                               [[Evidence(**e) for e in side] for side in json.loads(r["sides"])]),
                 json.loads(r["extra"]))
                for r in self.conn.execute("SELECT * FROM contradictions ORDER BY id")]

    def replace_commitments(self, items: list[Commitment], extra: dict[str, dict] | None = None) -> None:
        extra = extra or {}
        with self.transaction() as c:
            c.execute("DELETE FROM commitments")
            c.executemany(
                "INSERT INTO commitments (id, summary, due, status, stated_on, committed_by,"
                " superseded_by, evidence, extra) VALUES (?,?,?,?,?,?,?,?,?)",
                [(k.id, k.summary, k.due, k.status, k.stated_on, k.committed_by,
                  json.dumps(k.superseded_by), _dump_evidence(k.evidence),
                  json.dumps(extra.get(k.id, {}), ensure_ascii=False)) for k in items])

    def commitments(self) -> list[tuple[Commitment, dict]]:
        return [(Commitment(r["id"], r["summary"], r["due"], r["status"], r["stated_on"],
                            r["committed_by"], json.loads(r["superseded_by"]), _evidence(r["evidence"])),
                 json.loads(r["extra"]))
                for r in self.conn.execute("SELECT * FROM commitments ORDER BY due, id")]

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
