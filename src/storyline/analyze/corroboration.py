"""Corroboration and independence: how many outlets report an item, and how many of
them are independent of each other.

A reprint is never counted (near-duplicates are not annotated at all). An outlet that
relays another's report ("according to the Associated Press", "X told The Associated
Press", a headline "Associated Press: ...", "The Associated Press writes") confirms
nothing by itself: its evidence is credited to the outlet it relays. Items whose
evidence comes down to one origin are single-source.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..resolve.names import name_key
from ..store import Store
from .statements import load_statements

CITES = re.compile(
    r"(?:according to (?:the )?(?:report of |reports? by |a report (?:by|from) )?|"
    r"(?:told|quoted by|cited by|in an interview with) (?:the )?|reported by (?:the )?)"
    r"(?P<o>(?:[A-Z][\w&'.-]*\s+){0,4}?(?:Press|News|Agency|Times|Post|Network|TV|Television|Radio|"
    r"Journal|Herald|Tribune|Wire|Reuters|AFP|AP|BBC|CNN|Xinhua|Service|Channel|Media))\b")
WRITES = re.compile(r"(?:^|\.\s+)(?:The\s+)?(?P<o>(?:[A-Z][\w&'.-]*\s+){0,3}(?:Press|News|Agency|Times|Post|"
                    r"Network|Reuters|AFP|Xinhua|BBC|CNN))\s+(?:writes|reported|reports|says)\b")
HEADLINE = re.compile(r"^(?P<o>[A-Z][\w&'. -]{2,40}):\s")


def document_origin(title: str | None, text: str) -> str | None:
    """The outlet a whole article relays, when its headline or body says so."""
    m = HEADLINE.match(title or "")
    if m and re.search(r"\b(Press|News|Agency|Times|Reuters|AFP|Xinhua|BBC|CNN|Network)\b", m.group("o")):
        return m.group("o").strip()
    m = WRITES.search(text)
    return m.group("o").strip() if m else None


def sentence_origin(text: str, via: str | None) -> str | None:
    m = CITES.search(text)
    if m:
        return m.group("o").strip()
    if via and re.search(r"\b(Press|News|Agency|TV|Times|Wire)\b", via):
        return via
    return None


def origins(store: Store) -> dict[tuple[str, int], str]:
    """(doc, sentence) -> the outlet its content really comes from."""
    docs = {d.id: d for d in store.documents(include_duplicates=False)}
    doc_origin = {d.id: document_origin(d.title, d.text) for d in docs.values()}
    out = {}
    for s in load_statements(store):
        cited = sentence_origin(s.sentence.text, s.via) or doc_origin.get(s.doc_id)
        out[s.key] = cited or s.outlet or s.doc_id
    return out


GENERIC_OUTLET_WORDS = {"news", "tv", "television", "radio", "agency", "network", "online", "the",
                        "news agency", "channel", "media", "service", "wire"}


def outlet_key(name: str) -> str:
    """One key for the names of one outlet ("CCTV", "CCTV News"; "The Associated Press")."""
    words = [w for w in name_key(name).split() if w not in GENERIC_OUTLET_WORDS]
    return " ".join(words) or name_key(name)


def corroboration(keys: list[tuple[str, int]], origin_of: dict, outlet_of: dict) -> dict:
    outlets = sorted({outlet_of.get(doc) or doc for doc, _ in keys})
    independent = sorted({outlet_key(origin_of.get(k, outlet_of.get(k[0]) or k[0])) for k in keys})
    return {"sources": len(outlets), "source_outlets": outlets,
            "independent_sources": len(independent), "single_source": len(independent) <= 1}


def annotate_corroboration(store: Store) -> dict[str, int]:
    origin_of = origins(store)
    outlet_of = {d.id: d.outlet for d in store.documents()}
    event_extra = {}
    for ev, extra in store.events():
        keys = [(e.doc, e.sentence) for e in ev.evidence]
        extra.update(corroboration(keys, origin_of, outlet_of))
        event_extra[ev.id] = extra
    store.set_event_extras(event_extra)
    # a claim is corroborated by claims of the same speaker saying much the same elsewhere
    from ..lexicon import concepts

    claims = store.claims()
    by_speaker = defaultdict(list)
    for c in claims:
        by_speaker[c.speaker_entity or name_key(c.speaker)].append((c, concepts(c.text)))
    claim_extra = {}
    for c in claims:
        mine = concepts(c.text)
        keys = [(c.doc_id, c.sentence)]
        for other, theirs in by_speaker[c.speaker_entity or name_key(c.speaker)]:
            if other.doc_id != c.doc_id and mine and theirs and \
                    len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6:
                keys.append((other.doc_id, other.sentence))
        claim_extra[c.id] = corroboration(keys, origin_of, outlet_of)
    store.set_claim_extras(claim_extra)
    single = sum(e["single_source"] for e in event_extra.values())
    return {"single_source_events": single}
