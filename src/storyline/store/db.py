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
            # a large story's indexes should stay in memory: 64 MB of page cache, mapped reads
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.execute("PRAGMA mmap_size = 268435456")
            self.conn.execute("PRAGMA temp_store = MEMORY")
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
    def entities(self) -> list[Entity]:
        return [Entity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), r["mentions"])
                for r in self.conn.execute("SELECT * FROM entities ORDER BY mentions DESC, name")]

    def events(self) -> list[tuple[Event, dict]]:
        evidence: dict[str, list[Evidence]] = {}
        for r in self.conn.execute("SELECT event_id, doc_id, sentence, text FROM event_evidence"
                                   " ORDER BY event_id, doc_id, sentence"):
            evidence.setdefault(r[0], []).append(Evidence(r[1], r[2], r[3]))
        out = []
        for r in self.conn.execute("SELECT * FROM events ORDER BY \"when\", id"):
            out.append((Event(r["id"], r["when"], r["summary"], r["status"],
                              json.loads(r["participants"]), evidence.get(r["id"], []),
                              r["granularity"]), json.loads(r["extra"])))
        return out

    def contradictions(self) -> list[tuple[Contradiction, dict]]:
        sides: dict[str, list[list[Evidence]]] = {}
        for r in self.conn.execute(
                "SELECT m.contradiction_id, m.side, m.doc_id, m.sentence, s.text"
                " FROM contradiction_members m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence"
                " ORDER BY m.contradiction_id, m.side, m.doc_id, m.sentence"):
            pair = sides.setdefault(r[0], [[], []])
            pair[r[1]].append(Evidence(r[2], r[3], r[4]))
        return [(Contradiction(r["id"], r["summary"], r["kind"], sides.get(r["id"], [[], []])),
                 json.loads(r["extra"]))
                for r in self.conn.execute("SELECT * FROM contradictions ORDER BY id")]

    def commitments(self, ids: list[str] | None = None) -> list[tuple[Commitment, dict]]:
        sql, args = "SELECT * FROM commitments", ()
        if ids is not None:
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            args = tuple(ids)
        return [(Commitment(r["id"], r["summary"], r["due"], r["status"], r["stated_on"],
                            r["committed_by"], json.loads(r["superseded_by"]), _evidence(r["evidence"])),
                 json.loads(r["data"]))
                for r in self.conn.execute(sql + " ORDER BY due IS NULL, due, id", args)]

    # -- the story index: incremental cross-document state ------------------------------
    def unindexed(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE story_indexed = 0 AND annotated = 1 AND duplicate_of IS NULL"
            " ORDER BY added_at, source, id")]

    def mark_indexed(self, doc_id: str, done: bool = True) -> None:
        with self.transaction() as c:
            c.execute("UPDATE documents SET story_indexed = ? WHERE id = ?", (int(done), doc_id))

    def reset_story(self) -> None:
        """Forget every cross-document item, so the story can be built again from scratch."""
        with self.transaction() as c:
            for table in ("statements", "concept_index", "concept_df", "entity_keys", "entities",
                          "events", "event_evidence", "event_index", "commitments",
                          "commitment_index", "contradictions", "contradiction_members"):
                c.execute(f"DELETE FROM {table}")
            c.execute("UPDATE documents SET story_indexed = 0")
            c.execute("UPDATE mentions SET entity_id = NULL")

    def forget_document(self, doc_id: str) -> None:
        """Take one document's contributions out of the cross-document items."""
        with self.transaction() as c:
            rows = c.execute("SELECT concept FROM concept_index WHERE doc_id = ?", (doc_id,)).fetchall()
            c.executemany("UPDATE concept_df SET n = n - 1 WHERE concept = ?", rows)
            c.execute("DELETE FROM concept_index WHERE doc_id = ?", (doc_id,))
            c.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
            c.execute("DELETE FROM event_evidence WHERE doc_id = ?", (doc_id,))
            c.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_evidence)")
            c.execute("DELETE FROM event_index WHERE event_id NOT IN (SELECT id FROM events)")
            c.execute("DELETE FROM contradiction_members WHERE doc_id = ?", (doc_id,))
            c.execute("DELETE FROM contradictions WHERE id NOT IN (SELECT contradiction_id FROM contradiction_members"
                      " WHERE side = 1) OR id NOT IN (SELECT contradiction_id FROM contradiction_members WHERE side = 0)")
            c.execute("DELETE FROM contradiction_members WHERE contradiction_id NOT IN (SELECT id FROM contradictions)")
            ids = [r[0] for r in c.execute("SELECT id FROM commitments WHERE evidence LIKE ?",
                                           (f'%"doc": "{doc_id}"%',))]
            c.executemany("DELETE FROM commitments WHERE id = ?", [(i,) for i in ids])
            c.executemany("DELETE FROM commitment_index WHERE commitment_id = ?", [(i,) for i in ids])
            c.execute("UPDATE documents SET story_indexed = 0 WHERE id = ?", (doc_id,))

    def save_statements(self, doc_id: str, rows: list[tuple[int, dict, list[str]]]) -> None:
        """(sentence, data, concepts) for each sentence of a document."""
        with self.transaction() as c:
            c.executemany("INSERT OR REPLACE INTO statements (doc_id, sentence, data) VALUES (?,?,?)",
                          [(doc_id, i, json.dumps(d, ensure_ascii=False)) for i, d, _ in rows])
            c.executemany("INSERT INTO concept_index (concept, doc_id, sentence) VALUES (?,?,?)",
                          [(k, doc_id, i) for i, _, ks in rows for k in ks])
            c.executemany("INSERT INTO concept_df (concept, n) VALUES (?, 1)"
                          " ON CONFLICT(concept) DO UPDATE SET n = n + 1",
                          [(k,) for _, _, ks in rows for k in ks])

    def statement_data(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict]:
        out = {}
        for i in range(0, len(keys), 400):
            chunk = keys[i:i + 400]
            where = " OR ".join("(doc_id = ? AND sentence = ?)" for _ in chunk)
            args = [x for k in chunk for x in k]
            for r in self.conn.execute(f"SELECT doc_id, sentence, data FROM statements WHERE {where}", args):
                out[(r[0], r[1])] = json.loads(r[2])
        return out

    def document_statements(self, doc_id: str) -> dict[tuple[str, int], dict]:
        return {(doc_id, r[0]): json.loads(r[1]) for r in self.conn.execute(
            "SELECT sentence, data FROM statements WHERE doc_id = ? ORDER BY sentence", (doc_id,))}

    def concept_frequencies(self, concepts: list[str]) -> dict[str, int]:
        if not concepts:
            return {}
        rows = self.conn.execute(f"SELECT concept, n FROM concept_df WHERE concept IN "
                                 f"({','.join('?' * len(concepts))})", concepts)
        return {r[0]: r[1] for r in rows}

    def statements_sharing(self, concepts: list[str], exclude_doc: str, limit: int) -> list[tuple[str, int]]:
        """The most recent statements of other documents that share any of these concepts."""
        found: dict[tuple[str, int], None] = {}
        for k in concepts:
            for r in self.conn.execute("SELECT doc_id, sentence FROM concept_index WHERE concept = ?"
                                       " AND doc_id != ? ORDER BY rowid DESC LIMIT ?", (k, exclude_doc, limit)):
                found[(r[0], r[1])] = None
        return list(found)

    # entities, one key at a time
    def entity_key(self, key: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM entity_keys WHERE key = ?", (key,)).fetchone()

    def entity_keys_where(self, column: str, value: str, limit: int = 200) -> list[sqlite3.Row]:
        assert column in ("last_token", "initials", "bucket")
        return self.conn.execute(f"SELECT * FROM entity_keys WHERE {column} = ? LIMIT ?", (value, limit)).fetchall()

    def keys_ending_with(self, token: str, limit: int = 200) -> list[sqlite3.Row]:
        return self.entity_keys_where("last_token", token, limit)

    def add_entity_key(self, key: str, entity_id: str, kind: str, last_token: str, initials: str,
                       bucket: str, docs: list[str]) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO entity_keys (key, entity_id, kind, last_token, initials, bucket, docs)"
                      " VALUES (?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET docs = excluded.docs",
                      (key, entity_id, kind, last_token, initials, bucket, json.dumps(docs)))

    def entity(self, entity_id: str) -> Entity | None:
        r = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return Entity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), r["mentions"]) if r else None

    def upsert_entity(self, e: Entity) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO entities (id, name, type, aliases, mentions) VALUES (?,?,?,?,?)"
                      " ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                      " aliases = excluded.aliases, mentions = excluded.mentions",
                      (e.id, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False), e.mentions))

    # events
    def events_sharing(self, concepts: list[str], years: list[str], limit: int) -> list[str]:
        found: dict[str, None] = {}
        for k in concepts:
            for y in years:
                for r in self.conn.execute("SELECT event_id FROM event_index WHERE concept = ? AND year = ?"
                                           " ORDER BY rowid DESC LIMIT ?", (k, y, limit)):
                    found[r[0]] = None
        return list(found)

    def events_in_year(self, year: str, limit: int) -> list[str]:
        """The most recently added events dated in a year."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM events WHERE \"when\" >= ? AND \"when\" < ? ORDER BY rowid DESC LIMIT ?",
            (year, str(int(year) + 1), limit))]

    def event_has_doc(self, event_id: str, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM event_evidence WHERE event_id = ? AND doc_id = ? LIMIT 1",
                                 (event_id, doc_id)).fetchone() is not None

    def event_rows(self, ids: list[str]) -> dict[str, dict]:
        if not ids:
            return {}
        rows = self.conn.execute(f"SELECT id, \"when\", summary, status, data FROM events WHERE id IN "
                                 f"({','.join('?' * len(ids))})", ids)
        return {r[0]: {"when": r[1], "summary": r[2], "status": r[3], **json.loads(r[4])} for r in rows}

    def upsert_event(self, e: Event, data: dict, new_concepts: list[str], year: str,
                     evidence: list[Evidence]) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO events (id, \"when\", granularity, summary, status, participants, data)"
                      " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET \"when\" = excluded.\"when\","
                      " granularity = excluded.granularity, status = excluded.status,"
                      " participants = excluded.participants, data = excluded.data",
                      (e.id, e.when, e.granularity, e.summary, e.status,
                       json.dumps(e.participants), json.dumps(data, ensure_ascii=False)))
            c.executemany("INSERT OR IGNORE INTO event_evidence (event_id, doc_id, sentence, text) VALUES (?,?,?,?)",
                          [(e.id, ev.doc, ev.sentence, ev.text) for ev in evidence])
            c.executemany("INSERT INTO event_index (concept, year, event_id) VALUES (?,?,?)",
                          [(k, year, e.id) for k in new_concepts])

    # contradictions
    def contradictions_with(self, keys: list[tuple[str, int]], slot: str) -> dict[str, dict]:
        """Contradictions of a slot that already hold any of these statements: id -> members by side."""
        ids: set[str] = set()
        for doc, idx in keys:
            ids |= {r[0] for r in self.conn.execute(
                "SELECT m.contradiction_id FROM contradiction_members m JOIN contradictions x ON x.id = m.contradiction_id"
                " WHERE m.doc_id = ? AND m.sentence = ? AND json_extract(x.extra, '$.slot') = ?", (doc, idx, slot))}
        out = {}
        for cid in ids:
            members = [[], []]
            for r in self.conn.execute("SELECT doc_id, sentence, side FROM contradiction_members"
                                       " WHERE contradiction_id = ?", (cid,)):
                members[r[2]].append((r[0], r[1]))
            extra = json.loads(self.conn.execute("SELECT extra FROM contradictions WHERE id = ?", (cid,)).fetchone()[0])
            out[cid] = {"members": members, "extra": extra}
        return out

    def upsert_contradiction(self, x: Contradiction, extra: dict, members: list[list[tuple[str, int]]]) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO contradictions (id, summary, kind, extra) VALUES (?,?,?,?)"
                      " ON CONFLICT(id) DO UPDATE SET summary = excluded.summary, kind = excluded.kind,"
                      " extra = excluded.extra", (x.id, x.summary, x.kind, json.dumps(extra, ensure_ascii=False)))
            c.executemany("INSERT OR IGNORE INTO contradiction_members (contradiction_id, doc_id, sentence, side)"
                          " VALUES (?,?,?,?)", [(x.id, d, i, side) for side, keys in enumerate(members)
                                                for d, i in keys])

    # commitments
    def commitments_sharing(self, actions: list[str], limit: int) -> list[str]:
        found: dict[str, None] = {}
        for a in actions:
            for r in self.conn.execute("SELECT commitment_id FROM commitment_index WHERE action = ?"
                                       " ORDER BY rowid DESC LIMIT ?", (a, limit)):
                found[r[0]] = None
        return list(found)

    def upsert_commitment(self, k: Commitment, data: dict, actions: list[str] | None = None) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO commitments (id, summary, due, status, stated_on, committed_by,"
                      " superseded_by, evidence, data) VALUES (?,?,?,?,?,?,?,?,?)"
                      " ON CONFLICT(id) DO UPDATE SET superseded_by = excluded.superseded_by,"
                      " evidence = excluded.evidence, data = excluded.data, status = excluded.status",
                      (k.id, k.summary, k.due, k.status, k.stated_on, k.committed_by,
                       json.dumps(k.superseded_by), _dump_evidence(k.evidence),
                       json.dumps(data, ensure_ascii=False)))
            if actions:
                c.executemany("INSERT INTO commitment_index (action, commitment_id) VALUES (?,?)",
                              [(a, k.id) for a in actions])

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
