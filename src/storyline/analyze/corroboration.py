"""Corroboration and independence: how many outlets report an item, and how many of
them are independent of each other.

A reprint is never counted (near-duplicates are not annotated at all). An outlet that
relays another's report ("according to Reuters", "X told The Daily Echo", a headline
"Daily Echo: ...", "The Daily Echo writes") confirms
nothing by itself: its evidence is credited to the outlet it relays. Items whose
evidence comes down to one origin are single-source.
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon import concepts
from ..names import name_key
from ..store import Store
from ..story.origins import outlet_key
from ..story.statements import load_statements


def corroboration(keys: list[tuple[str, int]], origin_of: dict, outlet_of: dict) -> dict:
    outlets = sorted({outlet_of.get(doc) or doc for doc, _ in keys})
    independent = sorted({outlet_key(origin_of.get(k) or outlet_of.get(k[0]) or k[0]) for k in keys})
    return {"sources": len(outlets), "source_outlets": outlets,
            "independent_sources": len(independent), "single_source": len(independent) <= 1}


def corroborate(store: Store, dossier: dict) -> None:
    """Add sources / independent_sources / single_source to the dossier's events and claims."""
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
