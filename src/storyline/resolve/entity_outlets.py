"""An outlet or wire agency's full name joined to the entity its short form names.

A page's text calls a news organisation by a short form ("economists polled by Meridian",
"LONDON (Meridian) -", "told the Ledger", "CPA reported") while its full name is only in
the outlet, byline and credit lines that cleaning took out (annotate/mention_outlets.py).
Each full name is joined to the one organisation entity whose every name is a short form
of it: the name's first words before a wire agency's generic words ("Meridian" of
"Meridian Press Agency"), its initials ("CPA"), and on the outlet's own page "the" and its
last word ("told the Ledger" on a page of "The City Ledger"). A full name no entity matches yet is filed under its
short forms (`outlet:<short>`), so an entity a later page creates is joined to it then.
A short form that is a country or a place of the gazetteer is never one.
"""
from __future__ import annotations

from ..annotate.mention_outlets import outlet_names
from ..lexicon import country_of, word_list
from ..model import Entity
from ..names import CONNECTORS, name_key, plain
from ..store import Store
from .entity_index import EntityIndex
from .entity_names import GENERIC, is_common, rank

# the generic words of a wire agency's name, after which its first words are its short name
WIRE_WORDS = {"agency", "newswire", "wire", "press", "service", "services", "news"}


def short_forms(name: str) -> set[str]:
    """The name keys a news organisation's full name may be shortened to."""
    words = plain(name).split()
    if len(words) < 2:
        return set()
    out = set()
    outlet_words = word_list("outlet_words")
    for k in range(1, len(words)):
        rest, head = words[k:], words[:k]
        if words[-1] in WIRE_WORDS and all(w in outlet_words or w in WIRE_WORDS for w in rest) \
                and not all(is_common(w) for w in head) and not country_of(" ".join(head)):
            out.add(name_key(" ".join(head)))
    letters = "".join(w[0] for w in words if w not in CONNECTORS)
    if len(letters) >= 2:
        out.add(letters)
    return out - {name_key(name), ""}


def own_outlet_short(outlet: str | None) -> str | None:
    """The key of the last word of a page's own outlet of several words ("ledger" for "The
    City Ledger"), when that is an everyday word: "the Ledger" on that page is the outlet."""
    words = plain(outlet or "").split()
    return name_key(words[-1]) if len(words) > 1 and is_common(words[-1], GENERIC) else None


def fits(e: Entity, name: str, shorts: set[str]) -> bool:
    """Every name of the entity is the full name or one of its short forms, and it is an
    organisation (or one word the model took for a person)."""
    keys = {name_key(a) for a in e.aliases} | {name_key(e.name)}
    one_word = all(len(plain(a).split()) == 1 for a in e.aliases)
    return (e.type == "ORG" or e.type == "PERSON" and one_word) and keys <= shorts | {name_key(name)}


def join_outlets(store: Store, index: EntityIndex, doc_id: str, touched: dict[str, Entity]) -> list[Entity]:
    """Join this page's outlet names to known entities and this page's entities to outlet
    names filed earlier; returns the entities given a new alias."""
    doc = store.docs.get(doc_id)
    if doc is None:
        return []
    changed: dict[str, Entity] = {}

    def join(e: Entity, name: str) -> None:
        if name_key(name) not in {name_key(a) for a in e.aliases}:
            e.aliases = sorted(set(e.aliases) | {name})
            e.name, e.type = max([e.name, name], key=rank), "ORG"
            changed[e.id] = e
        index.register(name_key(name), e.id, "ORG", doc_id)

    for name in outlet_names(doc):
        shorts = short_forms(name)
        if not shorts or index.owner(name_key(name)) is not None:
            continue
        owners = {row.entity_id for s in sorted(shorts) if (row := index.owner(s)) is not None}
        found = [e for eid in sorted(owners) if (e := touched.get(eid) or store.items.entity(eid))
                 and fits(e, name, shorts)]
        if len(found) == 1 and len(owners) == 1:
            join(found[0], name)
            continue
        for s in sorted(shorts):
            index.file("outlet", s, name, "", "ORG", doc_id)
    for eid in sorted(touched):
        e = changed.get(eid) or touched[eid]
        keys = sorted({name_key(a) for a in e.aliases})
        names = {f.key for k in keys for f in index.filed("outlet", k)}
        if len({name_key(n) for n in names}) != 1:
            continue
        name = min(names)
        if index.owner(name_key(name)) is None and fits(e, name, short_forms(name)):
            join(e, name)
    for e in changed.values():
        store.items.upsert_entity(e)
    return list(changed.values())
