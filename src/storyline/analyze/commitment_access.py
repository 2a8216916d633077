"""One document's reads and writes of the stored commitments.

Reading a document's commitments looks the same stored commitments up many times (each
deadline, each report of what became of a promise, each earlier statement looked back
on). `Commitments` decodes each stored commitment once per document and hands the same
objects out again until one is written, after which it is read afresh; so every read sees
what is stored, as a read of the store would. The callers keep to that: an object they
change is written before the next read, or put back as it was.
"""
from __future__ import annotations

import numpy as np

from ..model import Commitment
from ..store import Store
from ..story.statements import Statement


class Commitments:
    """The stored commitments as one document's pass reads them, decoded once each."""

    def __init__(self, store: Store):
        self.store = store
        self.decoded: dict[str, tuple[Commitment, dict]] = {}
        self.vectors: dict[tuple, np.ndarray | None] = {}

    def sharing(self, keys: list[str], limit: int) -> list[str]:
        """The commitments filed under any of these index keys (the latest `limit` per key)."""
        return self.store.items.commitments_sharing(keys, limit)

    def get(self, ids: list[str]) -> list[tuple[Commitment, dict]]:
        """These commitments (those stored), in the store's order: by due date (undated
        last), then id."""
        missing = sorted({i for i in ids if i not in self.decoded})
        if missing:
            for k, f in self.store.items.commitments(missing):
                self.decoded[k.id] = (k, f)
        found = [self.decoded[i] for i in dict.fromkeys(ids) if i in self.decoded]
        return sorted(found, key=lambda kf: (kf[0].due is None, kf[0].due or "", kf[0].id))

    def put(self, k: Commitment, f: dict, actions: list[str] | None = None) -> None:
        """Store a commitment; the next read of it decodes what was stored."""
        self.store.items.upsert_commitment(k, f, actions)
        self.decoded.pop(k.id, None)

    def alike(self, f: dict, g: dict) -> float | None:
        """How alike in meaning the sentences that first told two commitments are (sentence
        embeddings, cosine), None when either has no embedding."""
        vectors = []
        for facts in (f, g):
            if not facts.get("keys"):
                return None
            key = tuple(facts["keys"][0])
            if key not in self.vectors:
                data = self.store.index.data([key]).get(key)
                self.vectors[key] = Statement.from_data(key, data).embedding() if data else None
            vectors.append(self.vectors[key])
        a, b = vectors
        if a is None or b is None:
            return None
        return float(a @ b / max(1e-12, float(np.linalg.norm(a) * np.linalg.norm(b))))
