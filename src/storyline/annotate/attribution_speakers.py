"""Who is speaking in one sentence: the grammar of reported speech over the spaCy parse.

A speech verb outside quotation marks (the one nearest the root of the sentence, so that in
"X said Y had told him" the speaker is X) gives its subject as the speaker; "according to X"
gives X; "X's analysis finds" gives X. The subject phrase is then read:
- a pronoun or relative pronoun stands for its antecedent ("he", "it", "which");
- a proper name is the speaker, titles stripped ("Prime Minister Jane Doe" -> "Jane Doe"),
  unless it is a place;
- a common noun with a named apposition gives the name ("the contractor, Hale Works, said");
- an unnamed spokesperson speaks for the organisation they are the spokesperson of;
- a document speaks for its author ("the ministry's bulletin");
- "the company", "the regulator" stand for the organisation the article named;
- "the minister" stands for the person last named in that role;
- a description of unnamed people stays the description, marked anonymous;
- anything else (a fragment, an abstract noun) is no speaker at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import attribution_words as words
from .attribution_discourse import Discourse, Speaker, clean_name, name_bounds
from .attribution_parse import complement, phrase
from .nlp import ents, text_of
from .truecase import gazetteer_forms

PRONOUNS = {"he", "she", "it", "they", "i", "we"}
PARTITIVES = {"one", "two", "three", "four", "some", "several", "many", "most"}  # "one of the investors"
RELATIVES = {"who", "which", "that"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
NOT_NAMES = {"it", "its", "all", "both", "neither", "either", "each", "this", "that", "these",
             "those", "some", "many", "most", "several", "one", "none", "another", "other"}


@dataclass
class Attribution:
    speaker: str
    text: str
    cue: str
    anonymous: bool = False
    person: bool = False  # the speaker is a named person
    via: str | None = None
    kind: str = "name"
    start: int = 0  # where the speaker is written (or the attributing words)
    who: Speaker | None = None


def speech_verb(token, quoted: bool = False) -> bool:
    """Whether a token is a verb of reported speech (with the particle or the clause its
    entry in speech_verbs.txt asks for; `quoted`: the sentence holds a quotation)."""
    verbs = words.speech_verbs()
    lemma = token.lemma_.lower()
    if lemma not in verbs or token.pos_ not in ("VERB", "AUX"):
        return False
    need = verbs[lemma]
    if need == "+clause":
        return quoted or complement(token) is not None
    return need is None or any(c.dep_ == "prt" and c.lower_ == need for c in token.children)


class SpeakerFinder:
    """Reads speakers off the parse of one article, resolving them against its discourse."""

    def __init__(self, sdoc, text: str, discourse: Discourse):
        self.sdoc = sdoc
        self.text = text
        self.cased = text_of(sdoc)
        self.discourse = discourse

    # ----- names
    def ent_of(self, tok):
        if not tok.ent_type_:
            return None
        for e in ents(self.sdoc):
            if e.start <= tok.i < e.end:
                return e
        return None

    def name_span(self, tok) -> tuple[int, int, str] | None:
        """(start, end, label) of the proper name `tok` heads: the tagger's entity, joined to
        hyphenated parts it split off, or else the token's chain of proper-noun compounds."""
        ent = self.ent_of(tok)
        doc = self.sdoc
        if ent is not None and ent.label_ not in NAME_LABELS | {"GPE", "LOC"}:
            return None  # a date, a number, an amount
        if ent is not None:
            lo, hi = ent.start, ent.end
            label = self.discourse.label(ent.text, ent.label_)
        elif tok.is_alpha and (tok.pos_ == "PROPN" and (tok.text[:1].isupper() or self.text != self.cased)
                               or tok.text[:1].isupper() and self.discourse.is_surname(tok.lower_)):
            lo, hi = tok.i, tok.i + 1  # a proper noun, or a surname the parser mistagged
            label = self.discourse.labels.get(self.discourse.key(tok.text), "")
            if not label and self.discourse.is_surname(tok.lower_):
                label = "PERSON"
        else:
            return None
        lo, hi = name_bounds(doc, lo, hi, self.text != self.cased)
        personal = words.titles() | words.person_nouns() | set(words.gender_words())
        if not label and lo > 0 and doc[lo - 1].lower_ in personal:
            label = "PERSON"  # "spokesperson Ana Hale", "Ms Hale"
        if label != "ORG":  # "Operations Command Ileana Hale": the person after the last head noun
            heads = words.organisation_nouns() | words.titles() | words.person_nouns()
            cut = max((t.i for t in doc[lo:hi - 1] if t.lower_ in heads), default=None)
            if cut is not None and doc[cut + 1:hi].text[:1].isupper():
                lo, label = cut + 1, label or "PERSON"
        return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), label

    def name_speaker(self, tok, reporting: bool = False) -> Speaker | None | bool:
        """The named speaker `tok` heads; False when it is a place or no name; None if no name.
        With `reporting` (the verb is "report" or "write"), a name the tagger took for a place
        but the gazetteer does not know is an outlet ("the Harbor Islander reported")."""
        span = self.name_span(tok)
        if span is None:
            return None
        start, end, label = span
        raw = self.cased[start:end]
        if label in ("GPE", "LOC") or self.discourse.is_place(raw):
            outlet = reporting and self.discourse.key(raw) not in gazetteer_forms()
            if not outlet and not set(raw.lower().split()) & words.organisation_nouns():
                return False
            return Speaker(clean_name(raw, False) or raw, "org")
        kind = {"PERSON": "person", "ORG": "org"}.get(label) or self.guess_kind(tok, raw)
        name = clean_name(raw, kind == "person")
        if not name or name.lower() in NOT_NAMES or name.lower() in PRONOUNS:
            return False
        if kind == "person":
            name = self.discourse.book.canonical(name)
        return Speaker(name, kind)

    def guess_kind(self, tok, raw: str) -> str:
        """Person or organisation for a name the tagger did not label."""
        low = set(re.findall(r"[a-z]+", raw.lower()))
        if low & words.organisation_nouns():
            return "org"
        appos = [c.lemma_.lower() for c in tok.children if c.dep_ == "appos"]
        if set(appos) & words.person_nouns() or low & words.titles():
            return "person"
        if any(c.lemma_.lower() in words.organisation_nouns() for c in tok.children if c.dep_ == "appos"):
            return "org"
        return "name"

    def title_only(self, tok) -> bool:
        """A capitalised title standing alone as a head ("Spokesman of the Command X said")."""
        lemma = tok.lemma_.lower()
        return (lemma in words.titles() or lemma in words.person_nouns()) and not any(
            c.dep_ in ("compound", "flat") for c in tok.children)

    @staticmethod
    def after_its_complement(tok) -> bool:
        """Whether a subject pronoun follows the clause its verb reports ("X will win, he
        said"): a name in that clause cannot be what the pronoun refers to."""
        comp = complement(tok.head)
        return comp is not None and comp.left_edge.i < tok.i

    # ----- subjects
    def resolve(self, tok, reporting: bool = False) -> Speaker | None:
        """The speaker a subject (or "according to" object) stands for, or None."""
        low = tok.lower_
        if low in RELATIVES and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            return self.resolve(tok.head.head)
        if low in PRONOUNS and tok.pos_ == "PRON":
            return self.discourse.pronoun(low, tok.idx, self.after_its_complement(tok))
        whole = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None) if low in PARTITIVES else None
        if whole is not None:  # "one of the company's top investors said": described by the set
            set_of = self.description(whole)
            text = re.split(r",\s+(?:who|whom|whose|which)\b", self.text[tok.idx:phrase(whole)[1]])[0]
            return replace(set_of, name=text, plural=low != "one") if set_of and set_of.kind == "people" else set_of
        named = None if self.title_only(tok) else self.name_speaker(tok, reporting)
        if named is False:
            return None
        if isinstance(named, Speaker):
            return named
        for c in tok.children:
            if c.dep_ == "appos":
                found = self.name_speaker(c)
                if isinstance(found, Speaker):
                    return found
        if tok.lemma_.lower() in words.titles():
            found = self.person_in_phrase(tok)  # "alderman for sport Ana Hale said"
            if found is not None:
                return found
        if tok.lemma_.lower() in words.organisation_nouns():
            found = self.named_organisation(tok)  # "the Hale Orvell joint venture said"
            if found is not None:
                return found
        return self.description(tok)

    def named_organisation(self, tok) -> Speaker | None:
        """An organisation named by proper nouns before its kind ("the Hale Works joint
        venture"): the name with its head noun."""
        names = [c for c in tok.subtree if c.i < tok.i and c.dep_ in ("compound", "nmod", "amod")
                 and c.pos_ == "PROPN" and c.ent_type_ in ("", "ORG", "PERSON") and c.text[:1].isupper()]
        if not names:
            return None
        lo = min(t.left_edge.i for t in names)
        while lo < tok.i and not self.sdoc[lo].text[:1].isupper():
            lo += 1
        return Speaker(clean_name(self.cased[self.sdoc[lo].idx: tok.idx + len(tok.text)], False)
                       or tok.text, "org")

    def person_in_phrase(self, tok) -> Speaker | None:
        start, end = phrase(tok)
        for e in ents(self.sdoc):
            if start <= e.start_char and e.end_char <= end and e.root.i != tok.i \
                    and self.discourse.label(e.text, e.label_) == "PERSON":
                found = self.name_speaker(e.root)
                if isinstance(found, Speaker) and found.kind == "person":
                    return found
        return None

    def description(self, tok) -> Speaker | None:
        """A speaker described by a common noun: an organisation or person the article named
        (definite descriptions), the author of a document, or the description itself."""
        lemma = tok.lemma_.lower()
        start, end = phrase(tok)
        described = re.sub(r"^[^A-Za-zÀ-ÿ]+", "", self.text[start:end])
        described = re.split(r",\s+(?:who|whom|whose|which)\b", described)[0].strip(" ,")
        if tok.tag_ not in ("NNS", "NNPS") and lemma not in words.collective_nouns() and not any(
                c.dep_ in ("det", "poss", "nummod", "compound", "amod", "predet", "quantmod")
                for c in tok.children):
            return None  # a bare singular noun ("... erodes trust, said X") describes nobody
        whole = self.text[tok.left_edge.idx: tok.right_edge.idx + len(tok.right_edge.text)].lower()
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "nummod", "predet")}
        definite = bool(dets & {"the", "its", "their", "his", "her", "this", "that"}) or any(
            c.dep_ == "poss" for c in tok.children)
        plural = tok.tag_ in ("NNS", "NNPS") or lemma == "people"
        pos = tok.idx
        if lemma in words.spokesperson_nouns():
            return self.spokesperson(tok, described)
        if lemma in words.document_nouns():
            return self.author_of(tok) or Speaker(described, "document", head=lemma)
        if lemma in words.organisation_nouns() and not (lemma in words.person_nouns() and plural):
            if definite and not plural:
                found = self.discourse.organisation(lemma, pos)
                if found is not None:
                    return found
            if not definite and not plural and dets & {"a", "an"}:
                found = self.named_next(lemma, pos)  # "..., a consumer charity warned. The Hale Trust said"
                if found is not None:
                    return found
            return Speaker(described, "org", head=lemma, plural=plural)
        if lemma in words.person_nouns() or lemma in words.informant_nouns():
            anonymous = bool(words.anonymity_cue().search(whole))
            if definite and not anonymous:
                earlier = self.discourse.described(lemma, pos)
                if earlier is not None:
                    return earlier
                if not plural and lemma not in words.informant_nouns():
                    # "the minister": the person last named so, else the nearest person;
                    # "Hale's chief executive": only a person named with that role
                    person = self.discourse.person_with_role(lemma, pos, nearest="the" in dets)
                    if person is not None:
                        return person
            gender = words.gender_words().get(lemma)
            return Speaker(described, "people", anonymous=True, head=lemma, plural=plural, gender=gender)
        return None

    def named_next(self, noun: str, pos: int) -> Speaker | None:
        """The organisation an indefinite description introduces when the next sentence
        names it as its subject: a name holding a word of the same kind ("a consumer charity
        has warned ... . The Hale Consumer Trust said ...")."""
        kind = words.organisation_class(noun)
        here = self.discourse.sentence_at(pos)
        if kind is None or kind == words.organisation_classes()[0]:
            return None  # "a company", "a firm": any company at all may follow
        for r in self.discourse.in_sentence(here + 1):
            named = set(re.findall(r"[a-z]+", r.speaker.name.lower()))
            if r.subject and r.speaker.kind == "org" and r.speaker.head is None and (named & kind or r.heads & kind):
                return r.speaker
        return None

    def spokesperson(self, tok, described: str) -> Speaker | None:
        """An unnamed spokesperson speaks for their organisation: "a Hale spokesman", "a
        spokeswoman for the regulator", "its spokesperson"; a bare one for the organisation
        that spoke just before, or the one the sentence's own subject describes ("The trust
        has not replied, and a spokesperson said ..."). A spokesman or spokeswoman keeps
        their gender, so that "she said" next is still the organisation."""
        gender = words.gender_words().get(tok.lemma_.lower())
        modifiers = False
        for c in tok.children:
            found: Speaker | None = None
            if c.dep_ in ("compound", "amod", "nmod"):
                modifiers = True
                named = self.name_speaker(c)
                if isinstance(named, Speaker):
                    found = named
                elif c.lemma_.lower() in words.organisation_nouns():
                    found = self.discourse.organisation(c.lemma_.lower(), tok.idx)
            elif c.dep_ == "poss":
                modifiers = True
                found = self.resolve(c)
            elif c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                modifiers = True
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                found = self.resolve(obj) if obj is not None else None
            if found is not None and found.kind == "person":
                return found  # a spokesperson "of" a named person, or a misparsed apposition
            if found is not None and found.kind in ("org", "name"):
                return Speaker(found.name, "org", gender=gender)
        if not modifiers:  # "the spokesman said": of the organisation just in view
            found = self.subject_organisation(tok) or self.discourse.organisation_speaking(tok.idx)
            if found is not None:
                return Speaker(found.name, found.kind, found.anonymous, gender=gender)
        return Speaker(described, "people", anonymous=True, head=tok.lemma_.lower(), gender=gender)

    def subject_organisation(self, tok) -> Speaker | None:
        """The organisation a definite subject earlier in the sentence stands for ("the
        foundation" in "The foundation has not replied, and a spokesperson said ...")."""
        for t in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
            lemma = t.lemma_.lower()
            if t.dep_ in ("nsubj", "nsubjpass") and lemma in words.organisation_nouns() \
                    and any(c.lower_ in ("the", "its", "their") for c in t.children):
                return self.discourse.organisation(lemma, t.idx)
        return None

    def author_of(self, tok) -> Speaker | None:
        """The author of a document noun: "the Ledger's analysis", "figures from X", "the
        report, published by X"."""
        for c in tok.children:
            if c.dep_ == "poss":
                return self.resolve(c)
            if c.dep_ == "acl":
                agent = next((g for g in c.children if g.dep_ == "agent"), None)
                obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None:
                    return self.resolve(obj)
        for c in tok.children:
            if c.dep_ == "compound":
                named = self.name_speaker(c)
                if isinstance(named, Speaker):
                    return named
                if c.lemma_.lower() in words.organisation_nouns():
                    found = self.discourse.organisation(c.lemma_.lower(), tok.idx)
                    if found is not None:
                        return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in words.document_nouns():
                    found = self.resolve(obj)
                    if found is not None and found.kind != "document":
                        return found
        return None
