"""Entities across documents: mentions of one person, place or body, however spelled.

Each new document's mentions are matched against the names already known, through indexed
look-ups (entity_index.py), so adding a document costs the same however large the story
is. The rules are in entity_match.py; how a name is read (honorifics, legal forms, a
person's parts) in entity_names.py. Full names are placed first, then the bare surnames
and short names of the same page, so each of those can follow the full name it shortens.
A mention that matches nothing starts an entity, except a name of unknown kind (NAME),
which only ever joins one.
"""
from __future__ import annotations

import hashlib
import re

from ..annotate.attribution_words import organisation_nouns
from ..lexicon import country_of
from ..model import Entity, Mention
from ..names import acronym_forms, facility_name, name_key, plain, split_alias, without_generic_head
from ..store import Store
from .entity_index import EntityIndex
from .entity_match import Matcher, Placed, Reading, filings
from .entity_names import name_like, rank, reads_as_person, split_honorific, without_legal_form
from .entity_outlets import join_outlets, own_outlet_short

KIND = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FACILITY": "FACILITY",
        "EVENT": "EVENT", "PRODUCT": "PRODUCT", "NAME": "NAME"}
TYPE_OUT = {"PLACE": "GPE"}
DESIGNATION = re.compile(r"^[A-Z][a-z]+-\d+[A-Za-z]?$")  # a model or craft: "Vireo-2"


def own_alias(m: Mention) -> tuple[str, ...] | None:
    """The names a mention writes for one thing ("Joint Border Council (JBC)"); a person's
    name with an acronym in brackets that is not its initials is the name and an affiliation
    ("Yevka Sorin (NIVS)"): only the name."""
    alias = split_alias(m.text)
    if alias and re.fullmatch(r"[A-Za-z]{2,8}", alias[1]) and (m.label == "PERSON" or name_like(alias[0])) \
            and alias[1].upper() not in acronym_forms(alias[0]):
        return (alias[0],)
    return alias


def mention_keys(m: Mention) -> list[str]:
    """The name keys of a mention, the main one first."""
    alias = own_alias(m)
    if alias:
        return [k for k in dict.fromkeys(name_key(part) for part in alias) if k]
    if m.label == "FACILITY":
        return [k for k in dict.fromkeys([name_key(facility_name(m.text)), name_key(m.text)]) if k]
    if m.label == "GPE":
        country = country_of(m.text)  # "US", "U.S.", "America": one country, one key
        if country:
            return [name_key(country)]
    key = name_key(split_honorific(m.text)[1])
    return [k for k in dict.fromkeys([key, without_legal_form(key)]) if k]


def surface_forms(m: Mention) -> list[str]:
    """How a mention is written, and its parts when it names one thing twice ("Joint Border
    Council (JBC)"), plus the name without its honorific and the bare name of a facility."""
    alias = own_alias(m)
    forms = ([m.text] if ("(" in m.text and len(alias or ()) != 1) or not alias else []) + list(alias or ())
    honorific, rest = split_honorific(m.text)
    if honorific:  # "Professor Vlietstra" is "Vlietstra" too
        forms.append(rest)
    if m.label == "FACILITY" and facility_name(m.text) != m.text:
        forms.append(facility_name(m.text))
    return forms


def read(m: Mention, pos: int) -> Reading:
    alias = own_alias(m)
    main = alias[0] if alias else m.text
    honorific, surface = split_honorific(main)
    kind = "PERSON" if honorific else KIND[m.label]  # "Ms Doe", whatever the model said
    keys = mention_keys(m)
    r = Reading(m, kind, surface, honorific, keys, pos)
    r.words = without_legal_form(plain(surface)).split()
    if kind not in ("PLACE", "FACILITY", "EVENT", "PRODUCT") and len(alias or ()) != 2:
        r.person = reads_as_person(main)
    return r


def entity_id(name: str) -> str:
    return "e" + hashlib.sha1(name_key(name).encode()).hexdigest()[:8]


class DocumentEntities:
    """The entities one document's mentions go to, written to the store at the end."""

    def __init__(self, store: Store, doc_id: str):
        self.store, self.doc_id = store, doc_id
        self.index = EntityIndex(store)
        self.matcher = Matcher(store, self.index, doc_id)
        self.touched: dict[str, Entity] = {}
        self.created = 0

    def entity(self, eid: str) -> Entity | None:
        return self.touched.get(eid) or self.store.items.entity(eid)

    def place(self, r: Reading) -> str | None:
        eid = self.matcher.find(r)
        designation = bool(DESIGNATION.match(r.surface))
        if eid is None and r.kind == "NAME" and not designation and not (
                2 <= len(r.words) <= 4 and name_like(r.surface)):
            return None  # an unknown word alone only joins; several rare words are a name
        entity = self.entity(eid) if eid else None
        if entity is None:
            name = own_alias(r.mention)
            eid = eid or entity_id(r.outlet or (name[0] if name else r.mention.text))
            kind = r.kind if r.kind != "NAME" else (
                "PRODUCT" if designation else "PERSON" if r.personal else "ORG")
            entity = self.entity(eid) or Entity(eid, name[0] if name else r.mention.text,
                                                TYPE_OUT.get(kind, kind), [], 0)
            if entity.mentions == 0:
                self.created += 1
        self.file(r, entity.id)
        if r.outlet:
            entity.aliases = sorted(set(entity.aliases) | {r.outlet})
            self.index.register(name_key(r.outlet), entity.id, "ORG", self.doc_id)
        self.note(entity, r)
        return entity.id

    def file(self, r: Reading, eid: str) -> None:
        kind = r.kind if r.kind != "NAME" else "ORG"
        for k in r.keys:
            self.index.register(k, eid, kind, self.doc_id)
        head = without_generic_head(r.keys[0]) if r.keys else None
        if head and r.kind == "PLACE" and self.index.owner(head) is None:
            self.index.register(head, eid, r.kind, self.doc_id)
        for index, value, key in filings(r):
            self.index.file(index, value, key, eid, r.kind, self.doc_id)

    def note(self, entity: Entity, r: Reading) -> None:
        entity.aliases = sorted(set(entity.aliases) | set(surface_forms(r.mention)))
        entity.mentions += 1
        if r.kind == "PLACE" and all(len(plain(a).split()) == 1 for a in entity.aliases):
            entity.type = "GPE"  # a place the model took for a person once
        best = max([a for a in entity.aliases if not split_alias(a)] or entity.aliases, key=rank)
        if best != entity.name:
            entity.name = best
            if r.kind != "NAME" and best in surface_forms(r.mention):
                entity.type = TYPE_OUT.get(r.kind, r.kind)
        self.touched[entity.id] = entity
        self.store.items.upsert_entity(entity)
        self.matcher.add_placed(Placed(r.pos, r, entity.id))


def is_short(r: Reading) -> bool:
    """A bare surname, a one-word name or a name of unknown kind: placed after the full names."""
    return r.bare or r.kind == "NAME" or len(r.words) == 1


def resolve_document_entities(store: Store, doc_id: str) -> int:
    """Attach each mention of one document to an entity; returns how many it created."""
    mentions = [m for m in store.annotations.mentions(doc_id) if m.label in KIND]
    readings = [read(m, i) for i, m in enumerate(mentions)]
    readings = [r for r in readings if r.keys]
    doc = store.docs.get(doc_id)
    own = own_outlet_short(doc.outlet if doc else None)
    for r in readings:
        if own and r.kind in ("ORG", "NAME") and len(r.words) == 1 and r.keys[0] == own:
            r.outlet = re.sub(r"^(?:The|THE)\s+", "", (doc.outlet or "").strip()) if doc else None
    full = [r for r in readings if not is_short(r)]
    short = [r for r in readings if is_short(r)]
    work = DocumentEntities(store, doc_id)
    assigned = []
    for r in full + short:
        eid = work.place(r)
        if eid is not None:
            assigned.append((eid, r.mention.doc_id, r.mention.sentence, r.mention.start))
    store.annotations.set_mention_entities(assigned)
    join_outlets(store, work.index, doc_id, work.touched)
    update_claim_speakers(store, doc_id)
    return work.created


def update_claim_speakers(store: Store, doc_id: str) -> None:
    """A claim's speaker named as a known entity takes that entity's id and name; one named
    by a body's bare head noun ("the authority told us") the body of that head the page
    named last before it ("the Vardel Audit Authority")."""
    updates = []
    heads: list[Mention] | None = None
    bodies: list[Entity] | None = None  # the story's organisations, read once if needed
    for c in store.annotations.claims(doc_id):
        if c.anonymous:
            continue
        row = store.items.entity_key(name_key(split_honorific(c.speaker)[1]))
        entity_id = row.entity_id if row is not None else None
        if entity_id is None and c.speaker.lower() in organisation_nouns():
            if heads is None:
                heads = [m for m in store.annotations.mentions(doc_id) if m.entity_id and m.label == "ORG"]
            named = [m for m in heads if m.sentence <= c.sentence and len(m.text.split()) > 1
                     and m.text.split()[-1].lower() == c.speaker.lower()]
            if not named and bodies is None:
                bodies = [e for e in store.items.entities() if e.type == "ORG" and len(e.name.split()) > 1]
            entity_id = named[-1].entity_id if named else only_body_named(bodies or [], c.speaker)
        e = store.items.entity(entity_id) if entity_id else None
        if e is not None:
            updates.append((c.id, e.id, e.name))
    store.annotations.update_claim_speakers(updates)


def only_body_named(bodies: list[Entity], head: str) -> str | None:
    """The one organisation of the story (of `bodies`, its organisations of several words)
    whose name ends in this head noun, if there is one ("the authority" on a page that does
    not name it, in a story of one "Audit Authority")."""
    found = [e.id for e in bodies if e.name.split()[-1].lower() == head.lower()]
    return found[0] if len(found) == 1 else None
