"""The rules that find the entity a mention names, in the order they are tried.

0. A name key an organisation, facility or event already has.
1. In the same document, a bare surname or an organisation's short name goes with the
   full name it shortens that was mentioned most recently before it (or, when none was,
   first after it): with two people of one surname in a story, each page's "Carter" is
   that page's Carter.
2. A name key already known (spelling variants share a key: names.py; a country's names,
   codes and spellings share the country's key).
3. An acronym whose letters are the initials of a known name, with or without its small
   words, or the same letters in another order (the name's other language).
4. A person's name that shares a surname run and a compatible given name with one known
   person only ("Emeric Brandt" / "Emeric Brandt-Quell", "Dan Tavistrom" / "Daniel R.
   Tavistrom", "Sir Malcolm" / "Sir Malcolm Drennan").
5. An organisation's name that shortens, abbreviates, reorders or re-words one known name
   ("Velta" / "Velta Home Appliances Ltd", "Velta Safety Authority" / "Velta Safety and
   Standards Authority", "Orvell-Quandt JV" / "Quandt-Orvell Joint Venture",
   "finance ministry" / "Ministry of Finance"), or the generic head of one ("the Alliance").
6. A place named with or without its generic head ("Kherson province", "Kherson").
7. A key that differs only slightly from a known key of the same kind and first letter.
A rule that finds several entities gives way to the next; names of unknown kind (NAME)
only ever join an entity, never start one.
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..annotate.truecase import gazetteer_place
from ..lexicon import country_of, word_list
from ..model import Mention
from ..names import PersonName, fold_word, initials, name_key, of_forms, plain, without_generic_head
from ..store import Store
from .entity_index import EntityIndex
from .entity_names import (
    GENERIC,
    abbreviates,
    acronym_like,
    descriptive_tail,
    head_subsequence,
    is_common,
    name_like,
    reads_as_person,
    same_person,
    siblings,
)

log = logging.getLogger(__name__)
FUZZY = 88
ORGLIKE = ("ORG", "FACILITY", "EVENT")


@functools.cache
def _locatives() -> str:
    """The prepositions that put a place after them, as one alternation."""
    return "|".join(sorted(word_list("locative_prepositions")))


@dataclass
class Reading:
    """One mention as the rules read it."""

    mention: Mention
    kind: str  # PERSON, ORG, PLACE, FACILITY, EVENT or NAME (unknown)
    surface: str  # as written, honorific taken off
    honorific: str
    keys: list[str]  # name keys, the main one first
    pos: int  # order in the document
    person: PersonName | None = None
    words: list[str] = field(default_factory=list)  # the name's plain words, no legal forms
    outlet: str | None = None  # the page's own outlet, which this short form names ("the Ledger")

    @property
    def folded(self) -> list[str]:
        return fold(self.words)

    @property
    def bare(self) -> bool:
        """A surname or short name alone (one word, or a surname with its particles)."""
        return self.person is not None and not self.person.given and len(self.words) <= 3

    @property
    def personal(self) -> bool:
        """Read as a person's name: labelled so, a bare surname, or two or three rare words
        the model called an organisation ("Kasia Dobrowolska")."""
        return self.kind == "PERSON" or (self.bare and self.kind in ("ORG", "NAME")) or (
            self.kind in ("ORG", "NAME") and 2 <= len(self.words) <= 3 and name_like(" ".join(self.words)))

    @property
    def orglike(self) -> bool:
        """Read as an organisation's name: labelled so, one word, or a coined word and
        everyday ones the model called a person ("Halda Advisory")."""
        return self.kind in ORGLIKE or (self.kind in ("PERSON", "NAME") and (
            len(self.words) == 1 or descriptive_tail(self.words[1:])))


@dataclass
class Placed:
    """A mention of this document already given its entity."""

    pos: int
    reading: Reading
    entity_id: str


def fold(words: list[str]) -> list[str]:
    return [fold_word(w) for w in words]


def serialize(p: PersonName) -> str:
    return "|".join(" ".join(x) for x in (p.given, p.middle, p.surname))


def deserialize(s: str) -> PersonName:
    given, middle, surname = (tuple(x.split()) for x in s.split("|"))
    return PersonName(given, middle, surname)


class Matcher:
    """The rules above over one story's index, for one document at a time."""

    def __init__(self, store: Store, index: EntityIndex, doc_id: str):
        self.store, self.index, self.doc_id = store, index, doc_id
        self.placed: list[Placed] = []
        # placed names by first word and surname words: one entry per entity and way of
        # writing it, with the positions where the page writes it so
        self.by_word: dict[str, dict[tuple, tuple[Reading, str, list[int]]]] = {}
        self.last_at: dict[str, int] = {}  # entity -> the last position this page mentions it
        self.text: str | None = None  # the page's text, read when first needed

    def add_placed(self, p: Placed) -> None:
        """A mention given its entity, indexed so a later short form finds it in one look-up."""
        self.placed.append(p)
        r = p.reading
        words = set(r.folded[:1]) | (set(r.person.core) if r.person is not None else set())
        form = (p.entity_id, r.kind, tuple(r.words), r.person)
        for w in sorted(words):
            entry = self.by_word.setdefault(w, {}).setdefault(form, (r, p.entity_id, []))
            bisect.insort(entry[2], p.pos)
        self.last_at[p.entity_id] = max(p.pos, self.last_at.get(p.entity_id, p.pos))

    def find(self, r: Reading) -> str | None:
        if r.outlet:  # "the Ledger" on the page of "The City Ledger"
            row = self.index.owner(name_key(r.outlet))
            return row.entity_id if row is not None else None
        row = self.index.owner(r.keys[0]) if r.keys else None
        if row is not None and row.kind not in ("PERSON", "PLACE") and r.kind != "PLACE":
            log.debug("%s %r (%s) -> %s by key", self.doc_id[:6], r.mention.text, r.kind, row.entity_id)
            return row.entity_id  # a known organisation's name: before any surname rule
        for rule in (self.same_document, self.known_key, self.acronym, self.person, self.organisation,
                     self.place_head, self.fuzzy):
            eid = rule(r)
            if eid:
                log.debug("%s %r (%s) -> %s by %s", self.doc_id[:6], r.mention.text, r.kind, eid, rule.__name__)
                return eid
        log.debug("%s %r (%s) -> new", self.doc_id[:6], r.mention.text, r.kind)
        return None

    # -- 1 ---------------------------------------------------------------------------------
    def same_document(self, r: Reading) -> str | None:
        if not (r.bare or len(r.words) <= 2) or r.kind == "PLACE" or self.known_place(r) or self.placed_word(r):
            return None
        words = set(r.folded[:1]) | (set(r.person.core) if r.person is not None else set())
        near = {form: entry for w in sorted(words) for form, entry in self.by_word.get(w, {}).items()}
        before: list[tuple[int, str]] = []
        after: list[tuple[int, str]] = []
        for full, eid, positions in near.values():
            if not self.shortens(r, full):
                continue
            i = bisect.bisect_left(positions, r.pos)
            if i > 0:
                before.append((positions[i - 1], eid))
            j = i + 1 if i < len(positions) and positions[i] == r.pos else i
            if j < len(positions):
                after.append((positions[j], eid))
        if before:
            return max(before)[1]
        return min(after)[1] if after else None

    def known_place(self, r: Reading) -> bool:
        """The story already knows a place by this name ("Brastova" beside "Brastova Coast
        Guard" on one page): the name is the place's, not the body's short name."""
        return any((row := self.index.owner(k)) is not None and row.kind in ("PLACE", "FACILITY") for k in r.keys)

    def placed_word(self, r: Reading) -> bool:
        """A one-word name of a place: a city or country the gazetteer knows, or a name the
        page writes as a place ("in Tessavale", "across Tessavale"), whatever the model
        labelled it; not the short name of a body named after it."""
        if len(r.words) != 1:
            return False
        if gazetteer_place(r.surface.lower()):
            return True  # a city or a country of the gazetteer ("Houston" beside "Houston Water Department")
        if self.text is None:
            doc = self.store.docs.get(self.doc_id)
            self.text = doc.text if doc else ""
        return bool(re.search(rf"\b(?i:{_locatives()})\s+{re.escape(r.surface)}\b(?!['\u2019]s)(?!\s+[A-Z])", self.text))

    def shortens(self, short: Reading, full: Reading) -> bool:
        if short.bare and short.personal and short.person and full.kind == "PERSON" and full.person \
                and full.person.given:
            if same_person(short.person, full.person):
                return True
            # a coined word of unknown kind that begins a two-word "person" ("Ondrell" for
            # "Ondrell Biologics", a company the model took for a person) is its short name
            return short.kind in ("ORG", "NAME") and len(short.words) == 1 and len(full.words) == 2 \
                and short.folded == full.folded[:1] and not country_of(short.surface)
        if short.orglike and full.kind in ORGLIKE and len(full.words) > len(short.words):
            return self.short_name(short.words, full.words)
        return False

    def short_name(self, short: list[str], full: list[str]) -> bool:
        """The first words of a name whose other words only describe it (plain words)."""
        n = len(short)
        if n == 1 and full[-1].lower() in word_list("public_body_heads"):
            return False  # "Orvik" alone names the place "Orvik District Council" serves
        return fold(full[:n]) == fold(short) and descriptive_tail(full[n:])

    # -- 2 ---------------------------------------------------------------------------------
    def known_key(self, r: Reading) -> str | None:
        """A known key; a place's one-word name only joins a place, or a name known by one
        word only (a place the model first took for a person)."""
        for k in r.keys:
            row = self.index.owner(k)
            if row is not None and (r.kind != "PLACE" or row.kind in ("PLACE", "FACILITY")
                                    or len(k.split()) > 1 or self.one_word_only(row.entity_id)):
                return row.entity_id
        return None

    def one_word_only(self, eid: str) -> bool:
        e = self.store.items.entity(eid)
        return e is not None and all(len(plain(a).split()) == 1 for a in e.aliases)

    # -- 3 ---------------------------------------------------------------------------------
    def acronym(self, r: Reading) -> str | None:
        if len(r.words) != 1 or not acronym_like(r.surface):
            return None
        letters = r.surface.replace(".", "").upper()
        exact = {row.entity_id for row in self.index.by_initials(letters)
                 if len(row.key.split()) >= 2 and row.kind in ("ORG", "PLACE", "FACILITY")}
        exact |= {f.entity_id for f in self.index.filed("acr", letters) if f.kind != "EVENT"}
        found = self.pick(exact)
        if found or exact:
            return found
        return self.pick({f.entity_id for f in self.index.filed("acr", "".join(sorted(letters)))
                          if f.kind != "EVENT"})

    # -- 4 ---------------------------------------------------------------------------------
    def person(self, r: Reading) -> str | None:
        if r.person is None or not r.personal:
            return None
        if not r.person.given and r.honorific.lower() in ("sir", "dame", "lord", "lady"):
            given = r.person.surname[0]
            return self.pick({f.entity_id for f in self.index.filed("given", given)
                              if deserialize(f.key).given[:1] == (given,)})
        found: set[str] = set()
        for word in r.person.core:
            for f in self.index.filed("part", word):
                if same_person(r.person, deserialize(f.key)) and self.agrees(f.entity_id, r.person):
                    found.add(f.entity_id)
        return self.pick(found)

    def agrees(self, eid: str, p: PersonName) -> bool:
        """No full name the entity already has contradicts this one (two Carters), and the
        entity is not a place."""
        e = self.store.items.entity(eid)
        if e is None:
            return True
        if e.type in ("GPE", "LOC"):
            return False
        for alias in e.aliases:
            other = reads_as_person(alias)
            if other and other.given and p.given and other.surname and not same_person(other, p):
                return False
        return True

    # -- 5 ---------------------------------------------------------------------------------
    def organisation(self, r: Reading) -> str | None:
        if not r.orglike or not r.words:
            return None
        words, folded = r.words, r.folded
        place = len(words) == 1 and (self.known_place(r) or self.placed_word(r))  # no body's short name
        found = {f.entity_id for f in self.index.filed("first", folded[0])
                 if not place and self.related(words, f.key.split(), r.kind)}
        if len(words) > 1:
            found |= {f.entity_id for f in self.index.filed("bag", " ".join(sorted(folded)))}
        if r.kind in ORGLIKE:  # "District Court of Orvik" / "Orvik District Court" (not "Orvik Commercial Court")
            plain_words = [w.lower() for w in words]
            for form in of_forms(" ".join(folded)):
                found |= {f.entity_id for f in self.index.filed("of", form) if not siblings(plain_words, f.key.split())}
        return self.pick(found) or self.shortened_known(r) or self.generic_head(r)

    def related(self, words: list[str], other: list[str], kind: str) -> bool:
        """Whether two organisations' plain words name one body (one shortens, abbreviates or
        leaves words out of the other)."""
        a, b = fold(words), fold(other)
        if len(words) < len(other):
            return self.short_name(words, other) or head_subsequence(a, b) or abbreviates(a, b)
        return kind in ORGLIKE and (head_subsequence(b, a) or abbreviates(b, a))

    def shortened_known(self, r: Reading) -> str | None:
        """A full name whose short name is already an entity of its own (and nothing else)."""
        if not r.orglike or len(r.words) < 2:
            return None
        for k in range(len(r.words) - 1, 0, -1):
            if not descriptive_tail(r.words[k:]):
                continue
            row = self.index.owner(" ".join(r.folded[:k]))
            if row is None or row.kind in ("PLACE", "FACILITY"):
                continue  # "Port Velling" names the port, not "Port Velling District Court"
            e = self.store.items.entity(row.entity_id)
            if e is not None and all(self.short_name(plain(a).split(), r.words) or fold(plain(a).split())
                                     == r.folded[:k] for a in e.aliases):
                return row.entity_id
        return None

    def generic_head(self, r: Reading) -> str | None:
        """"the Alliance" for the one known name ending in "Alliance" (or "Croatian organising
        committee" for the one ending in "organising committee"); a full name ending in a
        generic word that is an entity alone; a facility's name within a longer one."""
        words = r.folded
        if r.kind == "FACILITY":  # "Hawa" (air base) within "Tal al-Hawa" (air base)
            return self.tail_of_one(words, ("FACILITY",), both_ways=True)
        if len(words) == 1 and is_common(r.words[0], GENERIC):
            return self.tail_of_one(words, ORGLIKE)
        if len(words) > 2 and r.kind in ORGLIKE and country_of(r.words[0]):
            return self.tail_of_one(words[1:], ORGLIKE)
        if len(words) > 1 and r.kind in ORGLIKE and is_common(r.words[-1], GENERIC):
            row = self.index.owner(words[-1])
            if row is not None and row.kind == "ORG":
                e = self.store.items.entity(row.entity_id)
                if e is not None and all(len(plain(a).split()) == 1 for a in e.aliases):
                    return row.entity_id
        return None

    def tail_of_one(self, words: list[str], kinds: tuple[str, ...], both_ways: bool = False) -> str | None:
        tail = " " + " ".join(words)
        owners = {row.entity_id for row in self.index.ending_with(words[-1])
                  if row.key.endswith(tail) and row.kind in kinds}
        for i in range(1, len(words) if both_ways else 0):
            row = self.index.owner(" ".join(words[i:]))
            if row is not None and row.kind in kinds:
                owners.add(row.entity_id)
        return owners.pop() if len(owners) == 1 else None

    # -- 6, 7 ------------------------------------------------------------------------------
    def place_head(self, r: Reading) -> str | None:
        head = without_generic_head(r.keys[0]) if r.keys else None
        if not head or r.kind not in ("PLACE", "NAME"):
            return None
        row = self.index.owner(head)
        if row is None:
            return None
        if row.kind == "PLACE":
            return row.entity_id
        e = self.store.items.entity(row.entity_id)  # a place the model first took for a person
        return row.entity_id if e is not None and (e.type in ("GPE", "LOC") or (
            e.type != "PERSON" or r.kind == "PLACE") and self.one_word_only(row.entity_id)) else None

    def fuzzy(self, r: Reading) -> str | None:
        key = r.keys[0] if r.keys else ""
        if len(key) < 6 or r.kind == "NAME":
            return None
        for row in self.index.fuzzy_bucket(key, r.kind):
            if fuzz.ratio(row.key, key) >= FUZZY:
                return row.entity_id
        return None

    # -- choosing --------------------------------------------------------------------------
    def pick(self, eids: set[str]) -> str | None:
        """The one entity found; of several, the one this document mentioned last."""
        if len(eids) == 1:
            return next(iter(eids))
        here = [(self.last_at[e], e) for e in sorted(eids) if e in self.last_at]
        return max(here)[1] if here else None


def filings(r: Reading) -> list[tuple[str, str, str]]:
    """(index, value, filed key) for the index values a mention's name is filed under; an
    organisation's filed key is its plain words (their frequency tells a short name)."""
    out: list[tuple[str, str, str]] = []
    if r.personal and r.person is not None and r.person.surname and r.kind != "NAME":
        s = serialize(r.person)
        out += [("part", w, s) for w in r.person.core]
        if r.person.given:
            out.append(("given", r.person.given[0], s))
    if r.orglike and len(r.words) > 1 and r.kind != "NAME":
        key, folded = " ".join(r.words), r.folded
        out.append(("first", folded[0], key))
        out.append(("bag", " ".join(sorted(folded)), key))
        out += [("of", form, key) for form in of_forms(" ".join(folded))]
        out += [("bag", " ".join(sorted(folded[:k] + ["".join(w[0] for w in folded[k:])])), key)
                for k in range(1, len(folded) - 1)]  # "Vasa-Lindor JV" for "Lindor-Vasa Joint Venture"
        letters = "".join(w[0] for w in folded).upper()
        out += [("acr", x, key) for x in {letters, "".join(sorted(letters)), "".join(sorted(initials(key)))}]
    return out
