"""Near-duplicate detection: syndicated copies and reprints are linked to their original.

MinHash signatures over word 5-shingles, indexed by LSH (datasketch). A page whose
estimated Jaccard similarity with an earlier page reaches the threshold is a copy of it.
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..clean import content_id
from ..model import Document
from ..story.origins import outlet_key

NUM_PERM = 128
THRESHOLD = 0.7
SHINGLE = 5


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


SCHEME = "affine32"  # fixed, so stored signatures stay comparable across datasketch upgrades


def signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class DuplicateIndex:
    """The originals seen so far; `match` names the original a new text copies, if any."""

    def __init__(self, threshold: float = THRESHOLD):
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.threshold = threshold
        self.sigs: dict[str, MinHash] = {}

    def add(self, doc_id: str, sig: MinHash) -> None:
        if doc_id not in self.sigs:
            self.lsh.insert(doc_id, sig)
            self.sigs[doc_id] = sig

    def match(self, sig: MinHash) -> tuple[str, float] | None:
        best = None
        for cand in self.lsh.query(sig):
            sim = sig.jaccard(self.sigs[cand])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (cand, sim)
        return best


def carried_elsewhere(doc: Document, first: Document | None) -> Document | None:
    """The same article text as a stored page, carried by another outlet (a wire story two
    sites print word for word): a document of its own, linked to the first as its reprint,
    under an id of its text and its outlet. None when it is the stored page again (the same
    outlet, or an outlet unknown): re-ingesting stays a no-op."""
    if first is None or not doc.outlet or (first.outlet and outlet_key(first.outlet) == outlet_key(doc.outlet)):
        return None
    return replace(doc, id=content_id(f"{doc.text}\n{outlet_key(doc.outlet)}"),
                   duplicate_of=first.duplicate_of or first.id)
