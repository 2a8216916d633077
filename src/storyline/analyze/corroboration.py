"""Corroboration and independence: how many outlets report an item, and how many of
them are independent of each other.

A reprint is never counted as a source of its own (near-duplicates are not annotated;
an event cites a reprint that carries its sentence, credited to the original). An outlet that
relays another's report ("according to Merlin Wire", "X told The Daily Echo", a headline
"Daily Echo: ...", "The Daily Echo writes") confirms
nothing by itself: its evidence is credited to the outlet it relays. Items whose
evidence comes down to one origin are single-source.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..lexicon import concepts
from ..names import name_key
from ..store import Store
from ..story.origins import outlet_key
from ..story.statements import load_statements


def corroboration(keys: list[tuple[str, int]], origin_of: dict, outlet_of: dict,
                  key_of: Callable[[str], str] = outlet_key) -> dict:
    outlets = sorted({outlet_of.get(doc) or doc for doc, _ in keys})
    independent = sorted({key_of(origin_of.get(k) or outlet_of.get(k[0]) or k[0]) for k in keys})
    return {"sources": len(outlets), "source_outlets": outlets,
            "independent_sources": len(independent), "single_source": len(independent) <= 1}


def corroborate(store: Store, dossier: dict) -> None:
    """Add sources / independent_sources / single_source to the dossier's events and claims."""
    origin_of = {s.key: s.origin for s in load_statements(store)}
    outlet_of = {d["id"]: d["outlet"] for d in dossier["documents"]}
    copied = {d["id"]: d["duplicate_of"] for d in dossier["documents"] if d.get("duplicate_of")}
    keys_of: dict[str, str] = {}  # outlet_key of each name, computed once

    def key_of(name: str) -> str:
        key = keys_of.get(name)
        if key is None:
            key = keys_of[name] = outlet_key(name)
        return key

    for ev in dossier["events"]:
        ev.update(corroboration([(e["doc"], e["sentence"]) for e in ev["evidence"]], origin_of, outlet_of, key_of))
        # a reprint carries the event but is not an independent source: its original's origin
        originals = [(copied.get(e["doc"], e["doc"]), e["sentence"]) for e in ev["evidence"]]
        ev["independent_sources"] = corroboration(originals, origin_of, outlet_of, key_of)["independent_sources"]
        ev["single_source"] = ev["independent_sources"] <= 1
    for c, keys in zip(dossier["claims"], _claim_keys(dossier["claims"]), strict=True):
        c.update(corroboration(keys, origin_of, outlet_of, key_of))


def _claim_keys(claims: list[dict]) -> list[list[tuple[str, int]]]:
    """For each claim, its own sentence and those of the claims of the same speaker in
    other documents that share at least 60% of the smaller one's concepts. Claims with the
    same concepts are compared once (per speaker, distinct concept sets pairwise)."""
    groups: dict[str, dict[frozenset[str], list[tuple[str, int]]]] = defaultdict(dict)
    own: list[tuple[str, frozenset[str], tuple[str, int]]] = []
    for c in claims:
        speaker = c["speaker_entity"] or name_key(c["speaker"])
        mine = frozenset(concepts(c["text"]))
        key = (c["evidence"][0]["doc"], c["evidence"][0]["sentence"])
        groups[speaker].setdefault(mine, []).append(key)
        own.append((speaker, mine, key))
    matches: dict[tuple[str, frozenset[str]], list[frozenset[str]]] = {}
    for speaker, by_concepts in groups.items():
        sets = [s for s in by_concepts if s]
        for mine in sets:
            matches[speaker, mine] = [theirs for theirs in sets
                                      if len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6]
    out = []
    for speaker, mine, key in own:
        keys = [key]
        for theirs in matches.get((speaker, mine), []):
            keys.extend(k for k in groups[speaker][theirs] if k[0] != key[0])
        out.append(keys)
    return out
