"""Per-document annotations: sentences (with FTS5), mentions, time expressions, claims."""
from __future__ import annotations

import json

from ..model import Claim, Mention, Quantity, Sentence, TimeValue
from .connection import Connection
from .records import dump_evidence, load_evidence


class AnnotationTable:
    """What the annotate stage stored of each document; replaced whole per document."""

    def __init__(self, db: Connection):
        self.db = db

    def save(self, doc_id: str, sentences: list[Sentence], mentions: list[Mention],
                         timexes: list[TimeValue], claims: list[Claim]) -> None:
        """Replace everything annotated on one document, in one transaction."""
        with self.db.transaction() as c:
            for table in ("sentences", "mentions", "timexes", "claims"):
                c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            c.executemany("INSERT INTO sentences (doc_id, idx, start, \"end\", text, verbs, tense, quantities,"
                          " summary) VALUES (?,?,?,?,?,?,?,?,?)",
                          [(s.doc_id, s.index, s.start, s.end, s.text, " ".join(s.verbs), s.tense,
                            json.dumps([q.to_data() for q in s.quantities], ensure_ascii=False), s.summary)
                           for s in sentences])
            c.executemany(
                "INSERT INTO mentions (doc_id, sentence, start, \"end\", text, label, role, entity_id)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(m.doc_id, m.sentence, m.start, m.end, m.text, m.label, m.role, m.entity_id)
                 for m in mentions])
            c.executemany(
                "INSERT INTO timexes (doc_id, sentence, start, \"end\", text, kind, value, granularity,"
                " anchor, anchor_origin, modifier, tense, verb, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(t.doc_id, t.sentence, t.start, t.end, t.text, t.kind, t.value, t.granularity,
                  t.anchor, t.anchor_origin, t.modifier, t.tense, t.verb, t.summary) for t in timexes])
            c.executemany(
                "INSERT INTO claims (id, doc_id, sentence, speaker, speaker_entity, text, cue,"
                " anonymous, via, said_on, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(k.id, k.doc_id, k.sentence, k.speaker, k.speaker_entity, k.text, k.cue,
                  int(k.anonymous), k.via, k.said_on, dump_evidence(k.evidence)) for k in claims])
            c.execute("UPDATE documents SET annotated = 1 WHERE id = ?", (doc_id,))

    def sentences(self, doc_id: str | None = None) -> list[Sentence]:
        sql, args = "SELECT * FROM sentences", tuple[str, ...]()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [Sentence(r["doc_id"], r["idx"], r["start"], r["end"], r["text"],
                         r["verbs"].split(), r["tense"],
                         [Quantity.from_data(q) for q in json.loads(r["quantities"])], r["summary"])
                for r in self.db.conn.execute(sql + " ORDER BY doc_id, idx", args)]

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        sql, args = "SELECT * FROM mentions", tuple[str, ...]()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [Mention(r["doc_id"], r["sentence"], r["start"], r["end"], r["text"], r["label"],
                        r["role"], r["entity_id"])
                for r in self.db.conn.execute(sql + " ORDER BY doc_id, sentence, start", args)]

    def timexes(self, doc_id: str | None = None) -> list[TimeValue]:
        sql, args = "SELECT * FROM timexes", tuple[str, ...]()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [TimeValue(r["doc_id"], r["sentence"], r["start"], r["end"], r["text"], r["kind"],
                          r["value"], r["granularity"], r["anchor"], r["anchor_origin"], r["modifier"],
                          r["tense"], r["verb"], r["summary"])
                for r in self.db.conn.execute(sql + " ORDER BY doc_id, sentence, start", args)]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        sql, args = "SELECT * FROM claims", tuple[str, ...]()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        return [Claim(id=r["id"], doc_id=r["doc_id"], sentence=r["sentence"], speaker=r["speaker"],
                      text=r["text"], cue=r["cue"], speaker_entity=r["speaker_entity"],
                      anonymous=bool(r["anonymous"]), via=r["via"], said_on=r["said_on"],
                      evidence=load_evidence(r["evidence"]))
                for r in self.db.conn.execute(sql + " ORDER BY doc_id, sentence", args)]

    def update_claim_speakers(self, updates: list[tuple[str, str, str]]) -> None:
        """(claim id, entity id, canonical speaker name) after entity resolution."""
        with self.db.transaction() as c:
            c.executemany("UPDATE claims SET speaker_entity = ?, speaker = ? WHERE id = ?",
                          [(e, name, cid) for cid, e, name in updates])

    def set_mention_entities(self, rows: list[tuple[str, str, int, int]]) -> None:
        """(entity id, doc id, sentence, start) for each resolved mention."""
        with self.db.transaction() as c:
            c.executemany("UPDATE mentions SET entity_id = ? WHERE doc_id = ? AND sentence = ? AND start = ?",
                          rows)
