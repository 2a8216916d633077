"""What an article has named so far, for resolving "he said", "the company said", "the person
said" to the speaker they stand for.

The memory holds referents in text order: every person and organisation the named-entity
tagger found (outside quotations), with whether it was a clause subject, and every speaker
attributed so far. Pronouns look back sentence by sentence for the nearest compatible
referent (he/she: a person; it: an organisation; they: an organisation or a group), taking
in one sentence its speaker first, then its first subject, then its last mention. Definite
descriptions look for the organisation whose name holds the noun or that the article called
so ("Fenwright ..., the company said"), or the person last named with that role.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from ..names import GENERIC_HEADS
from . import attribution_words as words
from .nlp import ents, sentences, text_of
from .truecase import gazetteer_forms

SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "du", "del", "della", "di", "la", "le",
                  "al", "el", "bin", "ibn", "abu", "ter", "ten", "y", "dos", "das"}
NAME_PARTS = ("", "PERSON", "ORG", "GPE", "LOC", "NORP")  # the tagger splits names into these
DATELINE = re.compile(r"^[A-Z][A-Z.' ]{2,40}?(?:,\s*[A-Z][\w.' ]{1,30})?\s*(?:\([^)]{1,20}\)\s*)?[-–—]+\s+")
POSSESSIVE = re.compile(r"[’']s?$")
NAMED = re.compile(r"(?<!^)\b[A-Z]")  # a capitalised word after the first: a description with a name


@dataclass
class Speaker:
    """A resolved speaker: a named person or organisation, or a description the article gives."""

    name: str
    kind: str  # "person" | "org" | "people" (described person or group) | "document" | "name"
    anonymous: bool = False
    head: str | None = None  # the head noun of a description ("spokeswoman", "person")
    plural: bool = False
    gender: str | None = None  # "m" | "f" | None


@dataclass
class Referent:
    start: int
    sentence: int
    speaker: Speaker
    subject: bool = False
    said: bool = False
    heads: set[str] = field(default_factory=set)  # what the article called it ("regulator")


def clean_name(name: str, person: bool) -> str | None:
    """A name as a speaker: no dateline, leading "the", possessive, open bracket, and (for a
    person) no titles or lowercase words before it ("Prime Minister Jane Doe" -> "Jane Doe")."""
    name = DATELINE.sub("", name.strip())
    name = re.sub(r"\s*\([^)]*$", "", name)
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = POSSESSIVE.sub("", name).strip(" ,.;:-–—\"“”")
    parts = name.split()
    if not person:  # "house Larkspur Research" -> "Larkspur Research"; a rare word may be the name
        while len(parts) > 1 and parts[0][:1].islower() and zipf_frequency(parts[0], "en") >= 4.5:
            parts = parts[1:]
        return " ".join(parts) or None
    stop = words.titles() | words.person_nouns() | set(words.speech_verbs())
    stop |= {"said", "says", "told", "added", "former", "acting", "deputy", "senior", "vice"}
    cut = 0
    for i, w in enumerate(parts[:-1]):
        if w.lower().strip(",") in stop:
            cut = i + 1
    parts = parts[cut:]
    # lowercase words before a name are descriptions ("regional union chair"); on a page
    # written in lower case a rare word may be the name itself
    while parts and (parts[0][:1].islower() and parts[0].lower() not in NAME_PARTICLES
                     and zipf_frequency(parts[0].lower(), "en") >= 4.5
                     or parts[0].lower().strip(",") in stop):
        parts = parts[1:]
    if not parts or all(w in stop or w in NAME_PARTICLES or w in ("in", "of", "the")
                        for w in re.split(r"[\s-]+", " ".join(parts).lower())):
        return None  # "Commander-in-Chief" is a title, not a name
    return " ".join(parts)


def name_bounds(doc, lo: int, hi: int, lowercase: bool = False) -> tuple[int, int]:
    """Token bounds of a name widened over the parts the tagger split off: glued hyphens
    ("Dirk-" + "Jan Hale"), particles ("van den Berg") and the capitalised words of the same
    name before it (on a page in lower case, rare words)."""
    stop = words.titles() | words.person_nouns() | words.organisation_nouns()

    def glued(i: int) -> bool:  # doc[i] is a hyphen inside a word
        return 0 < i < len(doc) - 1 and doc[i].text in ("-", "–") and not doc[i - 1].whitespace_ \
            and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha

    while lo > 0:
        prev = doc[lo - 1]
        if glued(lo - 1):
            lo -= 1
        elif prev.is_alpha and prev.lower_ not in stop and prev.ent_type_ in NAME_PARTS and (
                prev.lower_ in NAME_PARTICLES or prev.pos_ in ("PROPN", "NOUN") and (
                    prev.text[:1].isupper() and (
                        prev.pos_ == "PROPN" or prev.dep_ == "compound" and not prev.is_sent_start)
                    or lowercase and prev.dep_ in ("compound", "flat")
                    and zipf_frequency(prev.lower_, "en") < 4.5)):
            lo -= 1
        else:
            break
    while hi < len(doc) and doc[hi].ent_type_ in NAME_PARTS and doc[hi].is_alpha and (
            glued(hi - 1) or doc[hi].pos_ == "PROPN" and doc[hi - 1].dep_ in ("compound", "flat")
            and doc[hi - 1].head.i >= hi and doc[hi].lower_ not in stop) or glued(hi):
        hi += 1
    return lo, hi


def last_word(name: str) -> str:
    return re.split(r"[\s-]+", name.lower())[-1]


class NameBook:
    """The people an article names: their fullest form, gender and roles, by surname."""

    def __init__(self) -> None:
        self.full: set[str] = set()
        self.gender: dict[str, str] = {}
        self.roles: dict[str, set[str]] = {}

    def add(self, name: str, gender: str | None = None, roles: set[str] | None = None) -> None:
        if len(re.split(r"[\s-]+", name)) >= 2:
            self.full.add(name)
        key = last_word(name)
        if gender:
            self.gender.setdefault(key, gender)
        if roles:
            self.roles.setdefault(key, set()).update(roles)

    def canonical(self, name: str) -> str:
        """The fullest form of a person's name in the article ("Tavistrom" -> "Daniel Tavistrom",
        "Dirk" -> "Dirk-Jan Hale"), when only one person fits."""
        low = name.lower()
        fits = [f for f in self.full if f.lower() != low and (
            re.search(rf"(?:^|[\s-]){re.escape(low)}$", f.lower())
            or re.match(rf"^{re.escape(low)}(?:[\s-]|$)", f.lower()))]
        if not fits or len({(re.split(r"[\s-]+", f.lower())[0], last_word(f)) for f in fits}) > 1:
            return name  # two people fit ("Ana Hale", "Ruth Hale" for "Hale"): leave it
        # the fullest; of forms as full, the best cased, then any one, the same whatever the hash seed
        return max(fits, key=lambda f: (len(f.split()), len(f), sum(w[:1].isupper() for w in f.split()), f))


class Discourse:
    """The referents of one parsed article, in text order, and the look-ups over them."""

    def __init__(self, sdoc, sentence_starts: list[int], quotes: list[tuple[int, int]]):
        self.sdoc = sdoc
        self.cased = text_of(sdoc)
        self.starts = sentence_starts
        self.quotes = quotes
        self.book = NameBook()
        self.referents: list[Referent] = []
        self.keys: list[int] = []
        self.last: Speaker | None = None
        self._surnames: set[str] | None = None
        self.labels = self._label_votes()
        self.places = self._place_names()
        self._collect()

    # ----- building
    def _label_votes(self) -> dict[str, str]:
        """The label of each name, by majority over its mentions, corrected where the article
        shows it is a person (an apposition "chief executive", an honorific, a surname the
        tagger labels PERSON elsewhere) or an organisation (an apposition "the regulator")."""
        votes: dict[str, Counter[str]] = {}
        evidence: dict[str, str] = {}
        honorifics = set(words.gender_words()) | words.titles()
        for e in ents(self.sdoc):
            key = self.key(e.text)
            votes.setdefault(key, Counter())[e.label_] += 1
            appos = {c.lemma_.lower() for c in e.root.children if c.dep_ == "appos"}
            if e.root.dep_ == "appos":
                appos.add(e.root.head.lemma_.lower())
            before = self.sdoc[e.start - 1].lower_ if e.start > 0 else ""
            owner_of_role = e.root.dep_ == "poss" and e.root.head.lemma_.lower() in words.person_nouns()
            relative = {g.lower_ for c in e.root.children if c.dep_ == "relcl" for g in c.children
                        if g.dep_ in ("nsubj", "nsubjpass")}
            if appos & words.organisation_nouns() or owner_of_role or "which" in relative:
                evidence.setdefault(key, "ORG")  # "X, the regulator"; "X's chief executive"
            elif appos & words.person_nouns() or before in honorifics or (
                    "who" in relative and e.root.dep_ != "pobj"):
                evidence.setdefault(key, "PERSON")  # "X, the minister"; "Ms X"; "X, who heads"
        labels = {k: v.most_common(1)[0][0] for k, v in votes.items()}
        surnames = {last_word(k) for k, v in labels.items() if v == "PERSON" and len(k.split()) > 1}
        for key, label in labels.items():
            if key in evidence:
                labels[key] = evidence[key]
            elif label in ("GPE", "LOC") and len(key.split()) > 1 and last_word(key) in surnames:
                labels[key] = "PERSON"
            elif label == "PERSON" and " " not in key and key not in surnames \
                    and sum(votes[key].values()) > votes[key]["PERSON"]:
                labels[key] = "ORG"  # a one-word "person" never named in full, not always PERSON
        return labels

    @staticmethod
    def key(text: str) -> str:
        return re.sub(r"^the\s+", "", POSSESSIVE.sub("", text.strip().lower()))

    def _place_names(self) -> set[str]:
        """Names that are places here: labelled GPE/LOC after correction, followed by a place
        head somewhere ("Orlovia province"), or a one-word name in the gazetteer that the
        article never shows to be a person."""
        places = {k for k, v in self.labels.items() if v in ("GPE", "LOC")}
        gazetteer = gazetteer_forms()
        for e in ents(self.sdoc):
            key = self.key(e.text)
            after = self.cased[e.end_char:e.end_char + 20].split()
            if after and after[0].lower().strip(",.") in GENERIC_HEADS:
                places.add(key)
            elif " " not in key and key in gazetteer and not self.is_surname(key):
                places.add(key)
        not_places = words.organisation_nouns() | words.word_set("outlet_words")
        return {p for p in places if not set(p.split()) & not_places}

    def is_surname(self, key: str) -> bool:
        """Whether a one-word name ends the full name of a person in the article."""
        if self._surnames is None:
            self._surnames = {last_word(k) for k, v in self.labels.items()
                              if len(k.split()) > 1 and v == "PERSON"}
        return key in self._surnames

    def label(self, text: str, own: str) -> str:
        return self.labels.get(self.key(text), own)

    def is_place(self, name: str) -> bool:
        return self.key(name) in self.places

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _collect(self) -> None:
        genders = words.gender_words()
        for e in ents(self.sdoc):
            label = self.label(e.text, e.label_)
            if label not in ("PERSON", "ORG") or self.is_place(e.text):
                continue
            person = label == "PERSON"
            lo, hi = name_bounds(self.sdoc, e.start, e.end)
            name = clean_name(self.sdoc[lo:hi].text, person)
            if not name:
                continue
            before = self.sdoc[e.start - 1].lower_ if e.start > 0 else ""
            appos = [c for c in e.root.children if c.dep_ == "appos"]
            if e.root.dep_ == "appos":
                appos.append(e.root.head)
            heads = {a.lemma_.lower() for a in appos}
            gender = genders.get(before) or next((genders[h] for h in heads if h in genders), None)
            if person:
                roles = {t.lemma_.lower() for a in appos for t in a.subtree} | {
                    t.lemma_.lower() for t in self.sdoc[max(0, e.start - 3):e.start]}
                self.book.add(name, gender, roles)
            if self.in_quote(e.start_char) or "  " in e.text or "  " in sentences(self.sdoc).text(e.start).strip() \
                    or not sentences(self.sdoc).has_verb(e.start):
                continue  # a name in a quotation, a menu or a heading is nobody's antecedent
            root = e.root
            subject = root.dep_ in SUBJECT_DEPS or (
                root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECT_DEPS)
            speaker = Speaker(name, "person" if person else "org", gender=gender)
            self._insert(Referent(e.start_char, self.sentence_at(e.start_char), speaker, subject,
                                  heads=heads & words.organisation_nouns()))
        self._collect_untagged_subjects()

    def _collect_untagged_subjects(self) -> None:
        """Proper-noun subjects the tagger did not label ("BREKKO has missed ..."), as names
        of the kind the rest of the article gives them."""
        for tok in sentences(self.sdoc).untagged_proper_nouns():
            subject = tok.dep_ in SUBJECT_DEPS or tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS
            if not subject or tok.pos_ != "PROPN" or tok.ent_type_ \
                    or not tok.text[:1].isupper() or self.in_quote(tok.idx):
                continue
            lo, hi = name_bounds(self.sdoc, tok.i, tok.i + 1)
            label = self.label(self.sdoc[lo:hi].text, "")
            if label in ("GPE", "LOC") or self.is_place(self.sdoc[lo:hi].text):
                continue
            name = clean_name(self.sdoc[lo:hi].text, label == "PERSON")
            if name:
                kind = {"PERSON": "person", "ORG": "org"}.get(label, "name")
                self._insert(Referent(tok.idx, self.sentence_at(tok.idx), Speaker(name, kind), True))

    def _insert(self, ref: Referent) -> None:
        i = bisect.bisect_right(self.keys, ref.start)
        self.keys.insert(i, ref.start)
        self.referents.insert(i, ref)

    def add_speaker(self, speaker: Speaker, pos: int, heads: frozenset[str] | None = None) -> None:
        """Remember an attributed speaker at the position of its subject (and what it is, e.g.
        a newspaper when it "reported")."""
        self._insert(Referent(pos, self.sentence_at(pos), speaker, subject=True, said=True,
                              heads=set(heads or ())))
        if speaker.kind == "person":
            self.book.add(speaker.name, speaker.gender)
        self.last = speaker

    # ----- look-ups
    def in_sentence(self, index: int) -> list[Referent]:
        lo = self.starts[index] if index < len(self.starts) else 0
        hi = self.starts[index + 1] if index + 1 < len(self.starts) else 1 << 62
        return self.referents[bisect.bisect_left(self.keys, lo): bisect.bisect_left(self.keys, hi)]

    def search(self, pos: int, ok, back: int = 5) -> Speaker | None:
        """The nearest referent before `pos` that `ok` accepts, sentence by sentence backwards;
        in one sentence its speaker, else its first subject, else its last mention."""
        here = self.sentence_at(pos)
        for index in range(here, max(-1, here - back - 1), -1):
            found = [r for r in self.in_sentence(index) if r.start < pos and ok(r)]
            if not found:
                continue
            said = [r for r in found if r.said]
            subjects = [r for r in found if r.subject]
            return (said[-1] if said else subjects[0] if subjects else found[-1]).speaker
        return None

    def pronoun(self, word: str, pos: int, skip_sentence: bool = False) -> Speaker | None:
        """The referent of a subject pronoun at `pos`; with `skip_sentence`, looked for only
        before the sentence it stands in."""
        if word in ("i", "we"):
            return self.last
        if skip_sentence:
            pos = self.starts[self.sentence_at(pos)]
        if word in ("he", "she"):
            gender = "m" if word == "he" else "f"

            def ok(r: Referent) -> bool:
                sp = r.speaker
                known = sp.gender or (self.book.gender.get(last_word(sp.name))
                                      if sp.kind == "person" else None)
                return (sp.kind in ("person", "name") or (sp.kind == "people" and not sp.plural)
                        or sp.kind == "org" and sp.gender is not None) and known in (None, gender)
        elif word == "it":
            def ok(r: Referent) -> bool:
                return r.speaker.kind == "org"
        elif word == "they":
            def ok(r: Referent) -> bool:
                return r.speaker.kind == "org" or (r.speaker.kind == "people" and r.speaker.plural)
        else:
            return None
        found = self.search(pos, ok)
        if found is None and self.last is not None:
            found = self.search(pos, lambda r: r.said and ok(r), back=12)
        return self.named(found)

    def named(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is not None and speaker.kind == "person":
            return Speaker(self.book.canonical(speaker.name), "person", gender=speaker.gender)
        return speaker

    def described(self, noun: str, pos: int) -> Speaker | None:
        """The earlier described speaker with the same head noun ("a person familiar with the
        talks" for "the person")."""
        for r in reversed(self.referents[: bisect.bisect_left(self.keys, pos)]):
            if r.said and r.speaker.head == noun:
                return r.speaker
        return None

    def person_with_role(self, noun: str, pos: int, nearest: bool = True) -> Speaker | None:
        """"the minister": the person last named with that role, else (with `nearest`) the
        nearest person."""
        before = self.referents[: bisect.bisect_left(self.keys, pos)]
        for r in reversed(before):
            if r.speaker.kind == "person" and noun in self.book.roles.get(last_word(r.speaker.name), ()):
                return self.named(r.speaker)
        if not nearest:
            return None
        return self.named(self.search(pos, lambda r: r.speaker.kind == "person", back=8))

    def organisation(self, noun: str, pos: int) -> Speaker | None:
        """"the company", "the ministry": the nearest named organisation whose name holds a
        word of that kind, or that the article called so; for the first kind (companies),
        else the nearest one whose name holds no such word at all."""
        kind = words.organisation_class(noun)
        if kind is None:
            return None
        before = [r for r in self.referents[: bisect.bisect_left(self.keys, pos)]
                  if (r.speaker.head is None or NAMED.search(r.speaker.name))  # named ("the Hale union")
                  and (r.speaker.kind == "org" or r.speaker.kind == "name" and (r.said or r.subject))]
        for r in reversed(before):
            if words.named_kind(r.speaker.name) in kind or r.heads & kind:
                return r.speaker
        if kind == words.organisation_classes()[0]:
            acting = [r for r in before if (r.subject or r.said) and not set(
                re.findall(r"[a-z]+", r.speaker.name.lower())) & words.organisation_nouns()]
            if acting:  # "X said ... the company said": X, not a project or product named
                return acting[-1].speaker
        return None

    def organisation_speaking(self, pos: int, back: int = 3) -> Speaker | None:
        """The organisation that spoke or acted last, in this or the few sentences before."""
        return self.search(pos, lambda r: (r.said or r.subject) and r.speaker.kind == "org", back=back)
