"""Entities across documents: mentions of one person, place or body, however spelled.

Each new document's mentions are matched against the name keys already known, through
indexed look-ups, so adding a document costs the same however large the story is. A
mention joins an entity when:
- its name key is one already known (spelling variants share a key: names.py; a
  country's names, codes and spellings share the country's key: lexicon.country_of);
- it is an acronym whose letters are the initials of a known name, or the text defined it
  ("North Atlantic Treaty Organization (NATO)");
- it is a place named with or without its generic head ("Kherson province", "Kherson");
- it is the tail of the longer names of exactly one person or facility (a surname; "X Air
  Base" within "Y X Air Base") — when several people share the surname, only the one
  named in the same document; or a longer name whose tail is known alone;
- its key differs only slightly from a known key of the same kind and first letter.
Otherwise it starts a new entity.
"""
from __future__ import annotations

import hashlib

from rapidfuzz import fuzz

from ..lexicon import country_of
from ..model import Entity, Mention
from ..names import facility_name, initials, name_key, split_acronym, without_generic_head
from ..store import EntityKey, Store

KIND = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FACILITY": "FACILITY",
        "EVENT": "EVENT"}
TYPE_OUT = {"PLACE": "GPE"}
FUZZY = 88


def mention_keys(m: Mention) -> list[str]:
    acr = split_acronym(m.text)
    if acr:
        return [name_key(acr[0]), name_key(acr[1])]
    if m.label == "FACILITY":
        return [name_key(facility_name(m.text))]
    if m.label == "GPE":
        country = country_of(m.text)  # "US", "U.S.", "America": one country, one key
        if country:
            return [name_key(country)]
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


def entity_id(name: str) -> str:
    return "e" + hashlib.sha1(name_key(name).encode()).hexdigest()[:8]


def kinds_compatible(short_kind: str, long_kind: str, short_words: int) -> bool:
    """A lone surname is often mislabelled ORG: it may still join a person's full name."""
    if short_kind == long_kind:
        return True
    return short_words == 1 and short_kind in ("ORG", "PERSON") and long_kind == "PERSON"


def find_entity(store: Store, key: str, kind: str, doc_id: str) -> str | None:
    """The entity an unknown key belongs to, by the rules above, or None."""
    words = key.split()
    if len(words) == 1 and 2 <= len(key) <= 8:
        longs = [r for r in store.items.entity_keys_where("initials", key.upper())
                 if len(r.key.split()) >= 2 and r.kind in ("ORG", "PLACE", "FACILITY")]
        if longs:
            return longs[0].entity_id
    if len(words) >= 2 and kind in ("ORG", "PLACE", "FACILITY"):
        short = store.items.entity_key(initials(key).lower())
        if short is not None and short.kind in ("ORG", "PLACE", "FACILITY") and len(initials(key)) >= 2:
            return short.entity_id
    head = without_generic_head(key)
    if head:
        row = store.items.entity_key(head)
        if row is not None and row.kind == kind:
            return row.entity_id
    if kind in ("PERSON", "FACILITY", "ORG"):
        longer = [r for r in store.items.keys_ending_with(words[-1])
                  if len(r.key.split()) > len(words) and r.key.endswith(" " + key)
                  and kinds_compatible(kind, r.kind, len(words))]
        owners = {r.entity_id for r in longer}
        if len(owners) == 1:
            return owners.pop()
        same_doc = {r.entity_id for r in longer if store.items.key_seen_in(r.key, doc_id)}
        if len(same_doc) == 1:
            return same_doc.pop()
        if owners:
            return None
        for i in range(1, len(words)):
            row = store.items.entity_key(" ".join(words[i:]))
            if row is not None and kinds_compatible(row.kind, kind, len(words) - i) \
                    and kind in ("PERSON", "FACILITY"):
                return row.entity_id
    if len(key) >= 6:
        for r in store.items.entity_keys_where("bucket", bucket_of(key, kind)):
            if fuzz.ratio(r.key, key) >= FUZZY:
                return r.entity_id
    return None


def bucket_of(key: str, kind: str) -> str:
    return f"{kind}:{key[:1]}:{len(key.split())}"


def rank(surface: str) -> tuple:
    acr = split_acronym(surface)
    core = acr[0] if acr else surface
    return (len(core.split()) > 1, any(c.isupper() for c in core), len(core))


def register(store: Store, key: str, eid: str, kind: str, doc_id: str) -> None:
    row = store.items.entity_key(key)
    words = key.split()
    store.items.add_entity_key(EntityKey(key, row.entity_id if row is not None else eid, kind, words[-1],
                                         initials(key) if len(words) > 1 else key.upper(),
                                         bucket_of(key, kind)), doc_id)


def resolve_document_entities(store: Store, doc_id: str) -> int:
    """Attach each mention of one document to an entity; returns how many it created."""
    created = 0
    mentions = [m for m in store.annotations.mentions(doc_id) if m.label in KIND]
    assigned = []
    for m in mentions:
        kind = KIND[m.label]
        keys = [k for k in mention_keys(m) if k]
        if not keys:
            continue
        row = store.items.entity_key(keys[0])
        eid = row.entity_id if row is not None else find_entity(store, keys[0], kind, doc_id)
        if eid is None and len(keys) > 1:
            other = store.items.entity_key(keys[1])
            eid = other.entity_id if other is not None else None
        entity = store.items.entity(eid) if eid else None
        if entity is None or eid is None:
            acr = split_acronym(m.text)
            name = acr[0] if acr else m.text
            eid = eid or entity_id(name)
            entity = Entity(eid, name, TYPE_OUT.get(kind, kind), [], 0)
            created += 1
        for k in keys:
            register(store, k, eid, kind, doc_id)
        head = without_generic_head(keys[0])
        if head and store.items.entity_key(head) is None and kind == "PLACE":
            register(store, head, eid, kind, doc_id)
        entity.aliases = sorted(set(entity.aliases) | set(surface_forms(m)))
        entity.mentions += 1
        best = max(entity.aliases, key=rank)
        acr = split_acronym(best)
        entity.name = acr[0] if acr else best
        store.items.upsert_entity(entity)
        assigned.append((eid, m.doc_id, m.sentence, m.start))
    store.annotations.set_mention_entities(assigned)
    updates = []
    for c in store.annotations.claims(doc_id):
        row = store.items.entity_key(name_key(c.speaker))
        if row is not None and not c.anonymous:
            e = store.items.entity(row.entity_id)
            if e is not None:
                updates.append((c.id, e.id, e.name))
    store.annotations.update_claim_speakers(updates)
    return created
