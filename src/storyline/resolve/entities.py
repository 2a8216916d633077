"""Entities across documents: mentions of one person, place or body, however spelled.

Mentions are joined when their name keys are equal (spelling variants), when one is the
acronym the text defined for the other ("North Atlantic Treaty Organization (NATO)") or
whose letters are the other's initials, when a shorter name is the tail of exactly one
longer name of the same kind (a surname; "X Air Base" within "Y X Air Base"), when a place
is named with and without its generic head ("Anbar province"), or when two names of the
same kind differ only slightly (a fuzzy match on the keys, same first letter). A surname
shared by two different full names is joined only with the one named in the same document.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from ..model import Entity, Mention
from ..store import Store
from .names import facility_name, initials, name_key, split_acronym, without_generic_head

KIND = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FACILITY": "FACILITY",
        "EVENT": "EVENT"}
TYPE_OUT = {"PLACE": "GPE"}


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def mention_keys(m: Mention) -> list[str]:
    acr = split_acronym(m.text)
    if acr:
        return [name_key(acr[0]), name_key(acr[1])]
    if m.label == "FACILITY":
        return [name_key(facility_name(m.text))]
    return [name_key(m.text)]


def surface_forms(m: Mention) -> list[str]:
    """How a mention is written, plus the short forms it implies (acronym, bare facility name)."""
    forms = [m.text]
    acr = split_acronym(m.text)
    if acr:
        forms.append(acr[1])
    if m.label == "FACILITY" and facility_name(m.text) != m.text:
        forms.append(facility_name(m.text))
    return forms


def cluster(mentions: list[Mention]) -> tuple[dict[str, str], dict[str, Counter]]:
    """(key -> cluster root, key -> kinds seen) for the mentions' name keys."""
    uf = UnionFind()
    kinds: dict[str, Counter] = defaultdict(Counter)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        keys = [k for k in mention_keys(m) if k]
        for k in keys:
            uf.find(k)
            kinds[k][KIND.get(m.label, m.label)] += 1
            docs_of[k].add(m.doc_id)
        for k in keys[1:]:
            uf.union(keys[0], k)
    keys = list(kinds)
    kind_of = {k: kinds[k].most_common(1)[0][0] for k in keys}
    by_initials = defaultdict(list)
    for k in keys:
        if len(k.split()) >= 2 and kind_of[k] in ("ORG", "PLACE", "FACILITY"):
            by_initials[initials(k)].append(k)
    for k in keys:
        if len(k.split()) == 1 and 2 <= len(k) <= 8:
            for long in by_initials.get(k.upper(), []):
                uf.union(long, k)
    for k in keys:
        head = without_generic_head(k)
        if head and head in kinds:
            uf.union(head, k)
    # a shorter name that is the tail of longer names of the same kind
    for k in keys:
        words = k.split()
        # a lone surname is often mislabelled ORG: it may still join a person's full name
        kinds_ok = {kind_of[k]} | ({"PERSON"} if len(words) == 1 and "PERSON" in kinds[k] or
                                   len(words) == 1 and kind_of[k] == "ORG" else set())
        longer = [o for o in keys if o != k and kind_of[o] in kinds_ok
                  and o.endswith(" " + k) and len(o.split()) > len(words)]
        if not kinds_ok & {"PERSON", "FACILITY"} or not longer:
            continue
        roots = {uf.find(o) for o in longer}
        if len(roots) == 1:
            uf.union(longer[0], k)
        else:
            same_doc = [o for o in longer if docs_of[o] & docs_of[k]]
            if len({uf.find(o) for o in same_doc}) == 1:
                uf.union(same_doc[0], k)
    # slight spelling differences within one kind
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if kind_of[a] == kind_of[b] and a[0] == b[0] and len(a.split()) == len(b.split()) \
                    and min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 88:
                uf.union(a, b)
    return {k: uf.find(k) for k in keys}, kinds


def entity_id(name: str) -> str:
    return "e" + hashlib.sha1(name_key(name).encode()).hexdigest()[:8]


def build_entities(mentions: list[Mention]) -> tuple[list[Entity], dict[str, str]]:
    """Entities, and the entity id of every name key."""
    useful = [m for m in mentions if m.label in KIND]
    root_of, kinds = cluster(useful)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in useful:
        groups[root_of[mention_keys(m)[0]]].append(m)
    entities, id_of_key = [], {}
    for root, ms in groups.items():
        surfaces = Counter(m.text for m in ms)
        aliases = sorted({f for m in ms for f in surface_forms(m)})
        kind = Counter(KIND.get(m.label, m.label) for m in ms).most_common(1)[0][0]

        def rank(s: str) -> tuple:
            acr = split_acronym(s)
            core = acr[0] if acr else s
            return (len(core.split()) > 1, any(c.isupper() for c in core), surfaces[s], len(core))

        best = max(surfaces, key=rank)
        acr = split_acronym(best)
        name = acr[0] if acr else best
        ent = Entity(entity_id(name), name, TYPE_OUT.get(kind, kind), aliases, len(ms))
        entities.append(ent)
        for m in ms:
            for k in mention_keys(m):
                id_of_key[k] = ent.id
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return entities, id_of_key


def resolve_entities(store: Store) -> list[Entity]:
    mentions = store.mentions()
    entities, id_of_key = build_entities(mentions)
    store.replace_entities(entities)
    store.set_mention_entities([(id_of_key.get(mention_keys(m)[0]), m.doc_id, m.sentence, m.start)
                                for m in mentions if m.label in KIND])
    by_id = {e.id: e for e in entities}
    updates = []
    for c in store.claims():
        eid = id_of_key.get(name_key(c.speaker))
        if eid and not c.anonymous:
            updates.append((c.id, eid, by_id[eid].name))
    store.update_claim_speakers(updates)
    return entities
