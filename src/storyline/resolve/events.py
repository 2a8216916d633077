"""Events: what happened or is planned, dated, merged across the outlets that tell it.

Every sentence that carries a resolved calendar date yields one candidate per distinct
date: its `when` is the date the sentence gives (not the article's date), its status comes
from the tense of the clause holding the date (planned for the future, conditional under
"if"/"unless", past otherwise). Candidates from different documents are one event when
their dates agree at the coarser precision and their words and entities overlap enough;
the coarser the date, the more overlap it takes.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..dates import granularity_of, parse_iso
from ..model import Event, Evidence, Sentence, TimeValue
from ..store import Store

STOP = frozenset("""a an the of to in on at by for from with and or but is are was were be been being
has have had will would shall that this these those it its as their there they he she his her said
says also not which who whom whose than then into over after before since until during about against
between under more most some any all such other only own same so very can could may might must should
year years month months day days week weeks last next ago earlier later end""".split())
CONDITIONAL = re.compile(r"\b(if|unless|provided that|in case|could|might)\b", re.I)
DATELINE_ONLY = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}\s*\([^)]{1,40}\)\s*(--|—|–|-)?\s*$")
NEEDED = {"day": 0.08, "month": 0.15, "year": 0.2}


@dataclass
class Candidate:
    doc_id: str
    sentence: Sentence
    when: str
    status: str
    words: set[str]
    entities: set[str]
    members: list[Candidate] = field(default_factory=list)


def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOP and len(w) > 2}


def compatible(a: str, b: str) -> bool:
    pa, pb = parse_iso(a), parse_iso(b)
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def similarity(a: Candidate, b: Candidate) -> float:
    w = len(a.words & b.words) / max(1, min(len(a.words), len(b.words)))
    e = len(a.entities & b.entities) / max(1, min(len(a.entities), len(b.entities))) if a.entities and b.entities else 0
    return 0.7 * w + 0.3 * e


def summary_of(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 180 else text[:177].rsplit(" ", 1)[0] + "…"


def candidates(sentences: list[Sentence], timexes: list[TimeValue], tense: dict,
               entities: dict) -> list[Candidate]:
    by_sentence = {(s.doc_id, s.index): s for s in sentences}
    seen: set[tuple[str, int, str]] = set()
    out = []
    for t in timexes:
        if t.kind != "date" or not t.value:
            continue
        key = (t.doc_id, t.sentence, t.value)
        sent = by_sentence.get((t.doc_id, t.sentence))
        if key in seen or sent is None or DATELINE_ONLY.match(sent.text):
            continue
        seen.add(key)
        status = tense.get((t.doc_id, t.start), "past")
        if status != "future" and t.modifier in ("by", "until", "till", "before"):
            status = "future"
        if CONDITIONAL.search(sent.text) and status == "future":
            status = "conditional"
        out.append(Candidate(t.doc_id, sent, t.value, "planned" if status == "future" else
                             ("conditional" if status == "conditional" else "past"),
                             words_of(sent.text), entities.get((t.doc_id, t.sentence), set())))
    return out


def merge(cands: list[Candidate]) -> list[list[Candidate]]:
    """Greedy clustering: each candidate joins the best compatible cluster from other documents."""
    clusters: list[list[Candidate]] = []
    for c in sorted(cands, key=lambda c: (-len(c.when), c.doc_id, c.sentence.index)):
        best, best_sim = None, 0.0
        for cl in clusters:
            if any(m.doc_id == c.doc_id for m in cl):
                continue
            if not all(compatible(m.when, c.when) for m in cl):
                continue
            gran = granularity_of(min((m.when for m in cl + [c]), key=len)) or "year"
            sim = max(similarity(m, c) for m in cl)
            if sim >= NEEDED[gran] and sim > best_sim:
                best, best_sim = cl, sim
        if best is None:
            clusters.append([c])
        else:
            best.append(c)
    return clusters


def to_event(cluster: list[Candidate]) -> Event:
    when = max((c.when for c in cluster), key=len)
    first = min(cluster, key=lambda c: (c.doc_id, c.sentence.index))
    statuses = {c.status for c in cluster}
    status = "past" if "past" in statuses else ("planned" if "planned" in statuses else "conditional")
    eid = "v" + hashlib.sha1(f"{first.doc_id}:{first.sentence.index}:{when}".encode()).hexdigest()[:10]
    participants = sorted(set().union(*(c.entities for c in cluster)))
    evidence = [Evidence(c.doc_id, c.sentence.index, c.sentence.text) for c in cluster]
    return Event(eid, when, summary_of(first.sentence.text), status, participants, evidence,
                 granularity_of(when))


def build_events(sentences, timexes, tense, entities) -> list[Event]:
    events = [to_event(cl) for cl in merge(candidates(sentences, timexes, tense, entities))]
    events.sort(key=lambda e: (e.when or "9999", e.id))
    return events


def resolve_events(store: Store) -> list[Event]:
    timexes = store.timexes()
    tense = {(t.doc_id, t.start): t.tense for t in timexes}
    entities: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in store.mentions():
        if m.entity_id:
            entities[(m.doc_id, m.sentence)].add(m.entity_id)
    events = build_events(store.sentences(), timexes, tense, entities)
    store.replace_events(events)
    return events
