"""Story items across documents: entities, events, contradictions, commitments."""
from __future__ import annotations

import json
import sqlite3

from ..model import Commitment, Contradiction, Entity, Event, Evidence
from .connection import Connection
from .records import EntityKey, dump_evidence, load_evidence


class StoryItems:
    """The cross-document items and their document membership (relation tables)."""

    def __init__(self, db: Connection):
        self.db = db

    def entities(self) -> list[Entity]:
        return [Entity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), r["mentions"])
                for r in self.db.conn.execute("SELECT * FROM entities ORDER BY mentions DESC, name")]

    def entity_key(self, key: str) -> EntityKey | None:
        r = self.db.conn.execute("SELECT * FROM entity_keys WHERE key = ?", (key,)).fetchone()
        return _entity_key(r) if r else None

    def entity_keys_where(self, column: str, value: str, limit: int = 200) -> list[EntityKey]:
        if column not in ("last_token", "initials", "bucket"):
            raise ValueError(f"entity keys are not indexed by {column}")
        rows = self.db.conn.execute(f"SELECT * FROM entity_keys WHERE {column} = ? LIMIT ?", (value, limit))
        return [_entity_key(r) for r in rows]

    def keys_ending_with(self, token: str, limit: int = 200) -> list[EntityKey]:
        return self.entity_keys_where("last_token", token, limit)

    def add_entity_key(self, k: EntityKey, doc_id: str) -> None:
        """Register a key (the first entity to claim it keeps it) as seen in a document."""
        with self.db.transaction() as c:
            c.execute("INSERT INTO entity_keys (key, entity_id, kind, last_token, initials, bucket)"
                      " VALUES (?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING",
                      (k.key, k.entity_id, k.kind, k.last_token, k.initials, k.bucket))
            c.execute("INSERT OR IGNORE INTO entity_key_documents (key, doc_id) VALUES (?, ?)",
                      (k.key, doc_id))

    def key_seen_in(self, key: str, doc_id: str) -> bool:
        return self.db.conn.execute("SELECT 1 FROM entity_key_documents WHERE key = ? AND doc_id = ?",
                                    (key, doc_id)).fetchone() is not None

    def entity(self, entity_id: str) -> Entity | None:
        r = self.db.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return Entity(r["id"], r["name"], r["type"], json.loads(r["aliases"]), r["mentions"]) if r else None

    def upsert_entity(self, e: Entity) -> None:
        with self.db.transaction() as c:
            c.execute("INSERT INTO entities (id, name, type, aliases, mentions) VALUES (?,?,?,?,?)"
                      " ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                      " aliases = excluded.aliases, mentions = excluded.mentions",
                      (e.id, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False), e.mentions))

    def events(self) -> list[tuple[Event, dict]]:
        evidence: dict[str, list[Evidence]] = {}
        for r in self.db.conn.execute("SELECT event_id, doc_id, sentence, text FROM event_evidence"
                                   " ORDER BY event_id, doc_id, sentence"):
            evidence.setdefault(r[0], []).append(Evidence(r[1], r[2], r[3]))
        out = []
        for r in self.db.conn.execute("SELECT * FROM events ORDER BY \"when\", id"):
            out.append((Event(r["id"], r["when"], r["summary"], r["status"],
                              json.loads(r["participants"]), evidence.get(r["id"], []),
                              r["granularity"]), json.loads(r["extra"])))
        return out

    def events_sharing(self, concepts: list[str], years: list[str], limit: int) -> list[str]:
        found: dict[str, None] = {}
        for k in concepts:
            for y in years:
                for r in self.db.conn.execute("SELECT event_id FROM event_index WHERE concept = ? AND year = ?"
                                           " ORDER BY rowid DESC LIMIT ?", (k, y, limit)):
                    found[r[0]] = None
        return list(found)

    def events_in_year(self, year: str, limit: int) -> list[str]:
        """The most recently added events dated in a year."""
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM events WHERE \"when\" >= ? AND \"when\" < ? ORDER BY rowid DESC LIMIT ?",
            (year, str(int(year) + 1), limit))]

    def event_has_doc(self, event_id: str, doc_id: str) -> bool:
        return self.db.conn.execute("SELECT 1 FROM event_evidence WHERE event_id = ? AND doc_id = ? LIMIT 1",
                                 (event_id, doc_id)).fetchone() is not None

    def event_rows(self, ids: list[str]) -> dict[str, dict]:
        if not ids:
            return {}
        rows = self.db.conn.execute(f"SELECT id, \"when\", summary, status, data FROM events WHERE id IN "
                                 f"({','.join('?' * len(ids))})", ids)
        out = {r[0]: {"when": r[1], "summary": r[2], "status": r[3], **json.loads(r[4])} for r in rows}
        return {i: out[i] for i in dict.fromkeys(ids) if i in out}  # in the order asked, whatever the store

    def upsert_event(self, e: Event, data: dict, new_concepts: list[str], year: str,
                     evidence: list[Evidence]) -> None:
        with self.db.transaction() as c:
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

    def contradictions(self) -> list[tuple[Contradiction, dict]]:
        sides: dict[str, list[list[Evidence]]] = {}
        for r in self.db.conn.execute(
                "SELECT m.contradiction_id, m.side, m.doc_id, m.sentence, s.text"
                " FROM contradiction_members m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence"
                " ORDER BY m.contradiction_id, m.side, m.doc_id, m.sentence"):
            pair = sides.setdefault(r[0], [[], []])
            pair[r[1]].append(Evidence(r[2], r[3], r[4]))
        return [(Contradiction(r["id"], r["summary"], r["kind"], sides.get(r["id"], [[], []])),
                 json.loads(r["extra"]))
                for r in self.db.conn.execute("SELECT * FROM contradictions ORDER BY id")]

    def contradictions_with(self, keys: list[tuple[str, int]], slot: str) -> dict[str, dict]:
        """Contradictions of a slot that already hold any of these statements: id -> members by side."""
        ids: set[str] = set()
        for doc, idx in keys:
            ids |= {r[0] for r in self.db.conn.execute(
                "SELECT m.contradiction_id FROM contradiction_members m JOIN contradictions x ON x.id = m.contradiction_id"
                " WHERE m.doc_id = ? AND m.sentence = ? AND json_extract(x.extra, '$.slot') = ?", (doc, idx, slot))}
        out = {}
        for cid in sorted(ids):
            members: list[list[tuple[str, int]]] = [[], []]
            for r in self.db.conn.execute("SELECT doc_id, sentence, side FROM contradiction_members"
                                       " WHERE contradiction_id = ? ORDER BY side, doc_id, sentence", (cid,)):
                members[r[2]].append((r[0], r[1]))
            extra = json.loads(self.db.conn.execute("SELECT extra FROM contradictions WHERE id = ?", (cid,)).fetchone()[0])
            out[cid] = {"members": members, "extra": extra}
        return out

    def upsert_contradiction(self, x: Contradiction, extra: dict, members: list[list[tuple[str, int]]]) -> None:
        with self.db.transaction() as c:
            c.execute("INSERT INTO contradictions (id, summary, kind, extra) VALUES (?,?,?,?)"
                      " ON CONFLICT(id) DO UPDATE SET summary = excluded.summary, kind = excluded.kind,"
                      " extra = excluded.extra", (x.id, x.summary, x.kind, json.dumps(extra, ensure_ascii=False)))
            c.executemany("INSERT OR IGNORE INTO contradiction_members (contradiction_id, doc_id, sentence, side)"
                          " VALUES (?,?,?,?)", [(x.id, d, i, side) for side, keys in enumerate(members)
                                                for d, i in keys])

    def commitments(self, ids: list[str] | None = None) -> list[tuple[Commitment, dict]]:
        sql, args = "SELECT * FROM commitments", tuple[str, ...]()
        if ids is not None:
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            args = tuple(ids)
        return [(Commitment(r["id"], r["summary"], r["due"], r["stated_on"],
                            r["committed_by"], json.loads(r["superseded_by"]), load_evidence(r["evidence"])),
                 json.loads(r["data"]))
                for r in self.db.conn.execute(sql + " ORDER BY due IS NULL, due, id", args)]

    def commitments_sharing(self, actions: list[str], limit: int) -> list[str]:
        found: dict[str, None] = {}
        for a in actions:
            for r in self.db.conn.execute("SELECT commitment_id FROM commitment_index WHERE action = ?"
                                       " ORDER BY rowid DESC LIMIT ?", (a, limit)):
                found[r[0]] = None
        return list(found)

    def upsert_commitment(self, k: Commitment, data: dict, actions: list[str] | None = None) -> None:
        with self.db.transaction() as c:
            c.execute("INSERT INTO commitments (id, summary, due, stated_on, committed_by,"
                      " superseded_by, evidence, data) VALUES (?,?,?,?,?,?,?,?)"
                      " ON CONFLICT(id) DO UPDATE SET due = excluded.due, stated_on = excluded.stated_on,"
                      " superseded_by = excluded.superseded_by,"
                      " evidence = excluded.evidence, data = excluded.data",
                      (k.id, k.summary, k.due, k.stated_on, k.committed_by,
                       json.dumps(k.superseded_by), dump_evidence(k.evidence),
                       json.dumps(data, ensure_ascii=False)))
            c.executemany("INSERT OR IGNORE INTO commitment_evidence (commitment_id, doc_id, sentence)"
                          " VALUES (?,?,?)", [(k.id, e.doc, e.sentence) for e in k.evidence])
            if actions:
                c.executemany("INSERT INTO commitment_index (action, commitment_id) VALUES (?,?)",
                              [(a, k.id) for a in actions])

    def reset(self) -> None:
        """Forget every cross-document item, so the story can be built again from scratch."""
        with self.db.transaction() as c:
            for table in ("statements", "concept_index", "concept_df", "entity_keys", "entities",
                          "events", "event_evidence", "event_index", "commitments", "commitment_evidence",
                          "commitment_index", "contradictions", "contradiction_members",
                          "entity_key_documents"):
                c.execute(f"DELETE FROM {table}")
            c.execute("UPDATE documents SET story_indexed = 0, story_queue = 0")
            c.execute("UPDATE mentions SET entity_id = NULL")

    def forget_document(self, doc_id: str) -> None:
        """Take one document's contributions out of the cross-document items."""
        with self.db.transaction() as c:
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
            ids = [r[0] for r in c.execute("SELECT DISTINCT commitment_id FROM commitment_evidence"
                                           " WHERE doc_id = ?", (doc_id,))]
            c.executemany("DELETE FROM commitments WHERE id = ?", [(i,) for i in ids])
            c.executemany("DELETE FROM commitment_evidence WHERE commitment_id = ?", [(i,) for i in ids])
            c.executemany("DELETE FROM commitment_index WHERE commitment_id = ?", [(i,) for i in ids])
            for r in c.execute("SELECT id, superseded_by FROM commitments WHERE superseded_by != '[]'").fetchall():
                links = json.loads(r[1])  # no link may point to a commitment that is gone
                if set(links) & set(ids):  # (re-indexing the page links its commitments again)
                    c.execute("UPDATE commitments SET superseded_by = ? WHERE id = ?",
                              (json.dumps([k for k in links if k not in ids]), r[0]))
            c.execute("UPDATE documents SET story_indexed = 0 WHERE id = ?", (doc_id,))

    def remove_document(self, doc_id: str) -> None:
        """Take out of the story everything that came only from one document, before it is
        deleted: its statements and concept index, its evidence for events, its members of
        contradictions, the commitments it alone supports (and its evidence for the others),
        its entity key memberships, and the entities none of the other documents mentions."""
        with self.db.transaction() as c:
            rows = c.execute("SELECT concept FROM concept_index WHERE doc_id = ?", (doc_id,)).fetchall()
            c.executemany("UPDATE concept_df SET n = n - 1 WHERE concept = ?", rows)
            c.execute("DELETE FROM concept_df WHERE n <= 0")
            c.execute("DELETE FROM concept_index WHERE doc_id = ?", (doc_id,))
            c.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
            _remove_events(c, doc_id)
            _remove_contradictions(c, doc_id)
            _remove_commitments(c, doc_id)
            gone = _remove_entities(c, doc_id)
            _forget_entities_in_events(c, gone)


def _ids(c: sqlite3.Connection, sql: str, args: tuple) -> list[str]:
    return [r[0] for r in c.execute(sql, args)]


def _in(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def _remove_events(c: sqlite3.Connection, doc_id: str) -> None:
    touched = _ids(c, "SELECT DISTINCT event_id FROM event_evidence WHERE doc_id = ?", (doc_id,))
    c.execute("DELETE FROM event_evidence WHERE doc_id = ?", (doc_id,))
    kept = set(_ids(c, f"SELECT DISTINCT event_id FROM event_evidence WHERE event_id IN ({_in(touched)})",
                    tuple(touched)))
    empty = [(e,) for e in touched if e not in kept]
    c.executemany("DELETE FROM events WHERE id = ?", empty)
    c.executemany("DELETE FROM event_index WHERE event_id = ?", empty)
    for r in c.execute(f"SELECT id, data FROM events WHERE id IN ({_in(sorted(kept))})", sorted(kept)).fetchall():
        data = json.loads(r[1])
        if isinstance(data.get("members"), list):  # the statements its later matches are compared with
            data["members"] = [m for m in data["members"] if not (isinstance(m, list) and m[:1] == [doc_id])]
            c.execute("UPDATE events SET data = ? WHERE id = ?", (json.dumps(data, ensure_ascii=False), r[0]))


def _remove_contradictions(c: sqlite3.Connection, doc_id: str) -> None:
    touched = _ids(c, "SELECT DISTINCT contradiction_id FROM contradiction_members WHERE doc_id = ?", (doc_id,))
    c.execute("DELETE FROM contradiction_members WHERE doc_id = ?", (doc_id,))
    sides: dict[str, set[int]] = {}
    for r in c.execute(f"SELECT contradiction_id, side FROM contradiction_members WHERE contradiction_id IN"
                       f" ({_in(touched)})", touched):
        sides.setdefault(r[0], set()).add(r[1])
    broken = [(x,) for x in touched if sides.get(x) != {0, 1}]  # a contradiction needs both sides
    c.executemany("DELETE FROM contradictions WHERE id = ?", broken)
    c.executemany("DELETE FROM contradiction_members WHERE contradiction_id = ?", broken)


def _remove_commitments(c: sqlite3.Connection, doc_id: str) -> None:
    touched = _ids(c, "SELECT DISTINCT commitment_id FROM commitment_evidence WHERE doc_id = ?", (doc_id,))
    c.execute("DELETE FROM commitment_evidence WHERE doc_id = ?", (doc_id,))
    kept = set(_ids(c, f"SELECT DISTINCT commitment_id FROM commitment_evidence WHERE commitment_id IN"
                       f" ({_in(touched)})", tuple(touched)))
    alone = [k for k in touched if k not in kept]
    c.executemany("DELETE FROM commitments WHERE id = ?", [(k,) for k in alone])
    c.executemany("DELETE FROM commitment_index WHERE commitment_id = ?", [(k,) for k in alone])
    for r in c.execute(f"SELECT id, evidence, data, superseded_by FROM commitments WHERE id IN ({_in(sorted(kept))})"
                       " OR superseded_by != '[]'", sorted(kept)).fetchall():
        evidence = [e for e in load_evidence(r["evidence"]) if e.doc != doc_id]
        data = json.loads(r["data"])
        keys = data.get("keys")
        if isinstance(keys, list):
            own = [i for i, k in enumerate(keys) if k and k[0] == doc_id]
            for field in ("keys", "clauses"):
                if isinstance(data.get(field), list) and len(data[field]) == len(keys):
                    data[field] = [x for i, x in enumerate(data[field]) if i not in own]
        if isinstance(data.get("outcomes"), list):
            data["outcomes"] = [o for o in data["outcomes"]
                                if not (isinstance(o, list) and o and isinstance(o[-1], list) and o[-1][:1] == [doc_id])]
        superseded = [k for k in json.loads(r["superseded_by"]) if k not in alone]
        c.execute("UPDATE commitments SET evidence = ?, data = ?, superseded_by = ? WHERE id = ?",
                  (dump_evidence(evidence), json.dumps(data, ensure_ascii=False), json.dumps(superseded), r["id"]))


def _remove_entities(c: sqlite3.Connection, doc_id: str) -> list[str]:
    """Its mentions no longer count; entities no other document mentions go. Returns those."""
    counts = c.execute("SELECT entity_id, COUNT(*) FROM mentions WHERE doc_id = ? AND entity_id IS NOT NULL"
                       " GROUP BY entity_id", (doc_id,)).fetchall()
    c.executemany("UPDATE entities SET mentions = MAX(0, mentions - ?) WHERE id = ?", [(n, e) for e, n in counts])
    touched = sorted(e for e, _ in counts)
    elsewhere = set(_ids(c, f"SELECT DISTINCT entity_id FROM mentions WHERE doc_id != ? AND entity_id IN"
                            f" ({_in(touched)})", (doc_id, *touched)))
    gone = [e for e in touched if e not in elsewhere]
    keys = _ids(c, "SELECT key FROM entity_key_documents WHERE doc_id = ?", (doc_id,))
    c.execute("DELETE FROM entity_key_documents WHERE doc_id = ?", (doc_id,))
    c.executemany("DELETE FROM entity_keys WHERE key = ? AND NOT EXISTS"
                  " (SELECT 1 FROM entity_key_documents d WHERE d.key = entity_keys.key)", [(k,) for k in keys])
    for e in gone:
        orphan_keys = _ids(c, "SELECT key FROM entity_keys WHERE entity_id = ?", (e,))
        c.executemany("DELETE FROM entity_key_documents WHERE key = ?", [(k,) for k in orphan_keys])
        c.execute("DELETE FROM entity_keys WHERE entity_id = ?", (e,))
        c.execute("DELETE FROM entities WHERE id = ?", (e,))
        c.execute("UPDATE claims SET speaker_entity = NULL WHERE speaker_entity = ?", (e,))
    c.execute("UPDATE mentions SET entity_id = NULL WHERE doc_id = ?", (doc_id,))
    return gone


def _forget_entities_in_events(c: sqlite3.Connection, gone: list[str]) -> None:
    if not gone:
        return
    dropped = set(gone)
    for r in c.execute("SELECT id, participants, data FROM events").fetchall():
        participants = json.loads(r[1])
        if any(p in dropped for p in participants):
            data = json.loads(r[2])
            if isinstance(data.get("entities"), list):
                data["entities"] = [p for p in data["entities"] if p not in dropped]
            c.execute("UPDATE events SET participants = ?, data = ? WHERE id = ?",
                      (json.dumps([p for p in participants if p not in dropped]),
                       json.dumps(data, ensure_ascii=False), r[0]))


def _entity_key(r: sqlite3.Row) -> EntityKey:
    return EntityKey(r["key"], r["entity_id"], r["kind"], r["last_token"], r["initials"], r["bucket"])
