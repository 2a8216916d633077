"""Corroboration and independence: how many outlets report an item, and how many of
them are independent of each other.

A reprint is never counted (near-duplicates are not annotated at all). An outlet that
relays another's report ("according to Reuters", "X told The Daily Echo", a headline
"Daily Echo: ...", "The Daily Echo writes") confirms
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


GENERIC_OUTLET_WORDS = {"news", "tv", "television", "radio", "agency", "network", "online", "the",
                        "channel", "media", "service", "wire"}


def outlet_key(name: str) -> str:
    """One key for the names of one outlet ("KBC", "KBC News"; "The Daily Echo")."""
    words = [w for w in name_key(name).split() if w not in GENERIC_OUTLET_WORDS]
    return " ".join(words) or name_key(name)


def corroboration(keys: list[tuple[str, int]], origin_of: dict, outlet_of: dict) -> dict:
    outlets = sorted({outlet_of.get(doc) or doc for doc, _ in keys})
    independent = sorted({outlet_key(origin_of.get(k) or outlet_of.get(k[0]) or k[0]) for k in keys})
    return {"sources": len(outlets), "source_outlets": outlets,
            "independent_sources": len(independent), "single_source": len(independent) <= 1}


def corroborate(store: Store, dossier: dict) -> None:
    """Add sources / independent_sources / single_source to the dossier's events and claims."""
    from ..lexicon import concepts

    origin_of = {s.key: s.origin for s in load_statements(store)}
    outlet_of = {d["id"]: d["outlet"] for d in dossier["documents"]}
    for ev in dossier["events"]:
        ev.update(corroboration([(e["doc"], e["sentence"]) for e in ev["evidence"]], origin_of, outlet_of))
    by_speaker = defaultdict(list)
    for c in dossier["claims"]:
        by_speaker[c["speaker_entity"] or name_key(c["speaker"])].append((c, concepts(c["text"])))
    for c in dossier["claims"]:
        mine = concepts(c["text"])
        doc = c["evidence"][0]["doc"]
        keys = [(doc, c["evidence"][0]["sentence"])]
        for other, theirs in by_speaker[c["speaker_entity"] or name_key(c["speaker"])]:
            o_doc = other["evidence"][0]["doc"]
            if o_doc != doc and mine and theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6:
                keys.append((o_doc, other["evidence"][0]["sentence"]))
        c.update(corroboration(keys, origin_of, outlet_of))
