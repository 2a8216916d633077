"""Statements: each sentence of an original document with what the judges need of it.

A statement is one sentence with its time expressions, its speaker (when a claim was read
from it), the outlet, date and reference date of its document, where its content comes
from (the outlet it relays, if any), its concepts (folded content words, see lexicon.py)
and its verbs' concepts (the acts it speaks of). Statements are computed once per
document, stored, and indexed by concept, so that a new document is compared only with
the statements that share its rarer concepts.
"""
from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field

import numpy as np

from ..annotate.embeddings import Embedder
from ..clean import lexicons
from ..lexicon import _CANON, concepts, direction, stem, word_groups
from ..model import Claim, DateFlag, Quantity, Sentence, TimeValue
from ..store import Store
from .initiative import initiatives
from .origins import document_origin, sentence_origin

GENERIC_VERBS = {"be", "have", "do", "say", "tell", "make", "take", "go", "come", "get", "give",
                 "state", "add", "claim", "confirm", "note", "report", "quote", "see", "become"}
DATING_SPEECH = {"say", "tell", "add", "state", "note", "report", "write", "be", "have"}  # date a telling or a state
CANDIDATE_CONCEPTS = 4  # how many of a statement's rarest concepts look for company
CANDIDATES_PER_CONCEPT = 30  # the most recent statements per concept: bounds the work per article


@dataclass
class Statement:
    doc_id: str
    sentence: Sentence
    outlet: str | None
    date: str | None  # the reference date of its document: published, inferred or corrected
    published: str | None  # the date its page states, for display
    times: list[TimeValue] = field(default_factory=list)
    speaker: str | None = None
    speaker_entity: str | None = None
    via: str | None = None
    concepts: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    origin: str | None = None
    weak_date: bool = False
    entities: set[str] = field(default_factory=set)
    corrected_date: bool = False  # its page's date was corrected after its content contradicted it
    vector: bytes | None = None  # sentence embedding (float16), for the statements judges compare

    def embedding(self) -> np.ndarray | None:
        return np.frombuffer(self.vector, dtype=np.float16).astype(np.float32) if self.vector else None

    def similarity(self, other: Statement) -> float | None:
        """Cosine similarity of the two sentences' embeddings (None when one has none)."""
        a, b = self.embedding(), other.embedding()
        return float(a @ b) if a is not None and b is not None else None

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.sentence.index)

    @property
    def source(self) -> str:
        """Who stands behind it: the speaker, else the outlet."""
        return self.speaker or self.outlet or self.doc_id

    def to_data(self) -> dict:
        return {"text": self.sentence.text, "outlet": self.outlet, "anchor": self.date,
                "published": self.published, "times": [asdict(t) for t in self.times],
                "speaker": self.speaker, "speaker_entity": self.speaker_entity, "via": self.via,
                "concepts": sorted(self.concepts), "actions": sorted(self.actions),
                "origin": self.origin, "weak_date": self.weak_date, "entities": sorted(self.entities),
                "corrected_date": self.corrected_date,
                "quantities": [q.to_data() for q in self.sentence.quantities],
                "summary": self.sentence.summary}

    @classmethod
    def from_data(cls, key: tuple[str, int], d: dict) -> Statement:
        sentence = Sentence(key[0], key[1], 0, len(d["text"]), d["text"],
                            quantities=[Quantity.from_data(q) for q in d.get("quantities", [])],
                            summary=d.get("summary"))
        return cls(key[0], sentence, d["outlet"],
                   d["anchor"], d["published"], [TimeValue(**t) for t in d["times"]], d["speaker"],
                   d["speaker_entity"], d["via"], set(d["concepts"]), set(d["actions"]),
                   d.get("origin"), d.get("weak_date", False), set(d.get("entities", [])),
                   d.get("corrected_date", False), d.get("vector"))


def action_concepts(verbs: list[str]) -> set[str]:
    out = set()
    for v in verbs:
        if not v or v in GENERIC_VERBS:
            continue
        out.add(_CANON.get(v) or _CANON.get(stem(v)) or v)
    return out


def index_document(store: Store, doc_id: str) -> list[Statement]:
    """Compute, store and index the statements of one document."""
    doc = store.docs.require(doc_id)
    times: dict[int, list[TimeValue]] = {}
    for t in store.annotations.timexes(doc_id):
        times.setdefault(t.sentence, []).append(t)
    claims: dict[int, Claim] = {}
    for claim in store.annotations.claims(doc_id):
        claims.setdefault(claim.sentence, claim)
    entities: dict[int, set[str]] = {}
    for m in store.annotations.mentions(doc_id):
        if m.entity_id:
            entities.setdefault(m.sentence, set()).add(m.entity_id)
    relayed = document_origin(doc.title, doc.text)
    weak = doc.published.weak
    out = []
    for s in store.annotations.sentences(doc_id):
        c = claims.get(s.index)
        st = Statement(doc_id, s, doc.outlet, doc.published.reference_date(), doc.published.value, times.get(s.index, []),
                       c.speaker if c else None, c.speaker_entity if c else None, c.via if c else None,
                       concepts(s.text), action_concepts(s.verbs), None, weak, entities.get(s.index, set()),
                       doc.published.has(DateFlag.REANCHORED))
        st.origin = sentence_origin(s.text, st.via) or relayed or doc.outlet or doc_id
        out.append(st)
    embed = [st for st in out if judgeable(st)]
    if embed:
        vectors = Embedder.load().encode([st.sentence.text for st in embed])
        for st, v in zip(embed, vectors, strict=True):
            st.vector = v.astype(np.float16).tobytes()
    store.index.save(doc_id, [(st.sentence.index, st.to_data(), sorted(st.concepts | slot_features(st)))
                              for st in out], {st.sentence.index: st.vector for st in embed if st.vector})
    return out


def slot_features(s: Statement) -> set[str]:
    """Index keys for what the judges compare, whatever the words: a proposed period, a
    quantity of one unit (and counted thing), a change of direction, a day date, a single
    act's kind ("ordered": who ordered it)."""
    feats = set()
    if any(t.kind == "duration" for t in s.times) and "propose" in s.concepts:
        feats.add("slot:proposed-period")
    for q in s.sentence.quantities:
        feats.add(f"slot:qty:{q.unit}:{q.head}" if q.unit == "count" else f"slot:qty:{q.unit}")
    if s.speaker and direction(s.sentence.text):
        feats.add("slot:direction")
    if any(t.granularity == "day" and t.value for t in s.times):
        feats.add("slot:day")
    feats |= {f"slot:act:{agent_act_forms()[m.group(0).lower()]}" for m in _agent_act().finditer(s.sentence.text)
              if m.group(0).lower() in agent_act_forms()}
    if initiatives(s.sentence.text):
        feats.add("slot:initiative")  # who started an act: imposed or of the doer's own accord
    # the kind of act a past date dates ("was first told in November"): two tellings of one
    # act find each other whatever their other words
    feats |= {f"slot:dated:{act_class(t.verb) or t.verb}" for t in s.times
              if t.kind == "date" and t.value and t.verb and t.tense == "past" and t.verb not in DATING_SPEECH}
    return feats


def document_statements(store: Store, doc_id: str) -> list[Statement]:
    return [Statement.from_data(k, d) for k, d in store.index.of_document(doc_id).items()]


def rarest(store: Store, concepts_: set[str], n: int = CANDIDATE_CONCEPTS) -> list[str]:
    df = store.index.frequencies(sorted(concepts_))
    return sorted(concepts_, key=lambda c: (df.get(c, 0), c))[:n]


def candidates(store: Store, s: Statement) -> list[Statement]:
    """Statements of other documents that share some of this one's rarer concepts, or one
    of the slots the judges compare."""
    keys = store.index.sharing(rarest(store, s.concepts) + sorted(slot_features(s)), s.doc_id,
                                    CANDIDATES_PER_CONCEPT)
    return [Statement.from_data(k, d) for k, d in store.index.data(keys).items()]


def judgeable(s: Statement) -> bool:
    """Whether any judge could use this statement: every slot needs a time expression, a
    count, a change of direction or a single act's agent ("X ordered ...") on both sides, so
    a statement with none needs no company."""
    return bool(s.times) or bool(slot_features(s) - {"slot:day"})


def act_class(verb: str) -> str | None:
    """The class of single acts a verb belongs to (data/lexicons/act_classes.txt), if any."""
    return word_groups("act_classes").get(verb)


@functools.cache
def agent_act_forms() -> dict[str, str]:
    """Past forms of acts done once by one agent, and the act each tells
    (data/lexicons/agent_acts.txt)."""
    out = {}
    for line in lexicons.words("agent_acts"):
        form, act = line.rsplit(" ", 1)
        out[form] = act
    return out


@functools.cache
def _agent_act() -> re.Pattern[str]:
    forms = "|".join(sorted(agent_act_forms(), key=len, reverse=True))
    return re.compile(rf"\b(?:{forms})\b|\b(?:request|behest|orders?|instructions?) of\b", re.I)


def candidate_pools(store: Store, statements: list[Statement]) -> dict[tuple[str, int], list[Statement]]:
    """Candidates of each statement, looked up once and shared by the judges."""
    return {s.key: candidates(store, s) if judgeable(s) else [] for s in statements}


def load_statements(store: Store) -> list[Statement]:
    """Every stored statement (for whole-story views and tests)."""
    out = []
    for doc in store.docs.all(include_duplicates=False):
        out.extend(document_statements(store, doc.id))
    return out
