"""The story index: each sentence's statement data, indexed by concept for look-ups."""
from __future__ import annotations

import json

from .connection import Connection


class StoryIndexTable:
    """Statements and the concept index that bounds every cross-document look-up."""

    def __init__(self, db: Connection):
        self.db = db

    def save(self, doc_id: str, rows: list[tuple[int, dict, list[str]]],
             vectors: dict[int, bytes] | None = None) -> None:
        """(sentence, data, concepts) for each sentence of a document, with the sentence
        vectors of those that have one."""
        vectors = vectors or {}
        with self.db.transaction() as c:
            c.executemany("INSERT OR REPLACE INTO statements (doc_id, sentence, data, vector) VALUES (?,?,?,?)",
                          [(doc_id, i, json.dumps(d, ensure_ascii=False), vectors.get(i)) for i, d, _ in rows])
            c.executemany("INSERT INTO concept_index (concept, doc_id, sentence) VALUES (?,?,?)",
                          [(k, doc_id, i) for i, _, ks in rows for k in ks])
            c.executemany("INSERT INTO concept_df (concept, n) VALUES (?, 1)"
                          " ON CONFLICT(concept) DO UPDATE SET n = n + 1",
                          [(k,) for _, _, ks in rows for k in ks])

    def data(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict]:
        """The statements of these sentences, in the order of `keys` (never the store's row
        order: SQLite and PostgreSQL return unordered rows differently, and the story stages
        must not depend on which store holds the story)."""
        out = {}
        for i in range(0, len(keys), 400):
            chunk = keys[i:i + 400]
            where = " OR ".join("(doc_id = ? AND sentence = ?)" for _ in chunk)
            args = [x for k in chunk for x in k]
            for r in self.db.conn.execute(f"SELECT doc_id, sentence, data, vector FROM statements WHERE {where}",
                                          args):
                out[(r[0], r[1])] = {**json.loads(r[2]), "vector": r[3]}
        return {k: out[k] for k in dict.fromkeys(keys) if k in out}

    def of_document(self, doc_id: str) -> dict[tuple[str, int], dict]:
        return {(doc_id, r[0]): {**json.loads(r[1]), "vector": r[2]} for r in self.db.conn.execute(
            "SELECT sentence, data, vector FROM statements WHERE doc_id = ? ORDER BY sentence", (doc_id,))}

    def frequencies(self, concepts: list[str]) -> dict[str, int]:
        if not concepts:
            return {}
        rows = self.db.conn.execute(f"SELECT concept, n FROM concept_df WHERE concept IN "
                                 f"({','.join('?' * len(concepts))})", concepts)
        return {r[0]: r[1] for r in rows}

    def sharing(self, concepts: list[str], exclude_doc: str, limit: int) -> list[tuple[str, int]]:
        """The most recent statements of other documents that share any of these concepts."""
        found: dict[tuple[str, int], None] = {}
        for k in concepts:
            for r in self.db.conn.execute("SELECT doc_id, sentence FROM concept_index WHERE concept = ?"
                                       " AND doc_id != ? ORDER BY rowid DESC LIMIT ?", (k, exclude_doc, limit)):
                found[(r[0], r[1])] = None
        return list(found)

    def sharing_prefixes(self, prefixes: list[str], exclude_doc: str, limit: int) -> list[tuple[str, int]]:
        """The most recent statements of other documents holding a concept that begins with
        any of these (a range on the concept index: "erupt" finds "eruption" and "erupt")."""
        found: dict[tuple[str, int], None] = {}
        for p in prefixes:
            for r in self.db.conn.execute("SELECT doc_id, sentence FROM concept_index WHERE concept >= ? AND concept < ?"
                                          " AND doc_id != ? ORDER BY rowid DESC LIMIT ?",
                                          (p, p + "\uffff", exclude_doc, limit)):
                found[(r[0], r[1])] = None
        return list(found)
