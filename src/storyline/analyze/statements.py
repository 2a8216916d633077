"""Statements: each sentence of an original document with what the judges need of it.

A statement is one sentence with its time expressions, its speaker (when a claim was read
from it), the outlet and reference date of its document, its concepts (folded content
words, see lexicon.py) and its verbs' concepts (the actions it speaks of).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..lexicon import _CANON, concepts, stem
from ..model import Sentence, TimeValue
from ..store import Store

GENERIC_VERBS = {"be", "have", "do", "say", "tell", "make", "take", "go", "come", "get", "give",
                 "state", "add", "claim", "confirm", "note", "report", "quote", "see", "become"}


@dataclass
class Statement:
    doc_id: str
    sentence: Sentence
    outlet: str | None
    anchor: str | None
    published: str | None
    times: list[TimeValue] = field(default_factory=list)
    speaker: str | None = None
    speaker_entity: str | None = None
    via: str | None = None
    concepts: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.sentence.index)

    @property
    def source(self) -> str:
        """Who stands behind it: the speaker, else the outlet."""
        return self.speaker or self.outlet or self.doc_id


def action_concepts(verbs: list[str]) -> set[str]:
    out = set()
    for v in verbs:
        if v in GENERIC_VERBS:
            continue
        out.add(_CANON.get(v) or _CANON.get(stem(v)) or v)
    return out


def load_statements(store: Store, doc_ids: set[str] | None = None) -> list[Statement]:
    """Statements of the original (non-duplicate) documents, optionally only some of them."""
    docs = {d.id: d for d in store.documents(include_duplicates=False)
            if doc_ids is None or d.id in doc_ids}
    times: dict[tuple[str, int], list[TimeValue]] = defaultdict(list)
    for t in store.timexes():
        if t.doc_id in docs:
            times[(t.doc_id, t.sentence)].append(t)
    claims = {}
    for c in store.claims():
        if c.doc_id in docs:
            claims.setdefault((c.doc_id, c.sentence), c)
    out = []
    for s in store.sentences():
        doc = docs.get(s.doc_id)
        if doc is None:
            continue
        anchor, _ = store.document_anchor(s.doc_id)
        c = claims.get((s.doc_id, s.index))
        out.append(Statement(
            s.doc_id, s, doc.outlet, anchor, doc.published.value, times.get((s.doc_id, s.index), []),
            c.speaker if c else None, c.speaker_entity if c else None, c.via if c else None,
            concepts(s.text), action_concepts(s.verbs)))
    return out
