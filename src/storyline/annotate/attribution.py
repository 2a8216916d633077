"""Who said what: reported speech, quotations, transcripts and anonymous sources.

Rules, in the order they are tried on each sentence:
- a quotation (which may run over several sentences) takes the speaker named by the
  speech verb next to it ("..., he added"; "X quoted Y as saying");
- a speech verb ("said", "told", "stated", "warned", ...) with its subject as speaker and
  its clausal complement as the claim;
- "according to X, ..." with X as speaker;
- the broadcast-transcript line "Name, role: statement" attributes its paragraph;
- "X also stated, ..." on pages whose punctuation the parser cannot use.
Pronouns take the last speaker; a definite description ("the 71-year-old lawmaker")
takes the person last named before it. Descriptions of unnamed people ("an Italian
official", "a source from the security department") stay descriptions, marked anonymous.
A sentence right after reported speech in the same paragraph, with no attribution of its
own, continues it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = {
    "say", "tell", "state", "add", "claim", "confirm", "warn", "expect", "announce", "stress",
    "note", "explain", "insist", "report", "write", "reveal", "emphasize", "emphasise",
    "conclude", "argue", "deny", "accuse", "urge", "predict", "assert", "declare", "mention",
    "acknowledge", "admit", "suggest", "indicate", "comment", "respond", "reply", "affirm",
    "reiterate", "underline", "underscore", "disclose", "tweet", "believe", "maintain",
    "allege", "contend", "estimate", "quote", "assure", "promise", "pledge", "vow", "threaten",
    "point", "recall", "observe", "remark", "testify", "caution",
}
PRONOUNS = {"he", "she", "they", "i", "we"}
ANONYMOUS_HEADS = {"source", "sources", "official", "officials", "diplomat", "diplomats",
                   "spokesperson", "aide", "insider", "person", "people", "analyst", "expert",
                   "observer", "resident", "witness", "commander", "officer", "member"}
ANONYMOUS_CUES = re.compile(r"\b(unnamed|anonymous|anonymity|not (?:revealing|be named|named)|"
                            r"declined to be named|an?\s|some\s|several\s|one\s)\b", re.I)
PERSON_DESCRIPTION = {"politician", "official", "spokesman", "spokeswoman", "spokesperson",
                      "minister", "leader", "president", "commander", "general", "diplomat",
                      "envoy", "ambassador", "chief", "head", "premier", "adviser", "advisor",
                      "lawmaker", "senator", "officer", "secretary", "analyst", "expert"}
QUOTE_OPEN = "“\"«"
QUOTE_CLOSE = "”\"»"
TRANSCRIPT = re.compile(r"^(?P<lead>[^:\n]{3,160}?):\s*(?=\S)")
LOOSE_SPEECH = re.compile(
    r"^(?P<spk>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:also\s+|further\s+)?"
    r"(?P<verb>said|stated|added|noted|stressed|emphasized|emphasised|explained|insisted|warned)"
    r"\s*[,:]\s*(?P<claim>\S.*)$")


@dataclass
class Attribution:
    speaker: str
    text: str
    cue: str
    anonymous: bool = False
    person: bool = False  # the speaker is a named person
    via: str | None = None


def speech_verb(token) -> bool:
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_.lower() == "point":  # only "point out"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    return True


def subject_of(verb):
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head)
    return None


def phrase(token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative or appositive clauses."""
    left = token.left_edge.i
    right = token.i
    for c in token.rights:
        if c.dep_ in ("relcl", "acl", "appos", "advcl") or c.text in (",", "(", ";", ":", "—", "–"):
            break
        right = c.right_edge.i
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def complement(verb):
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            return c
    for c in verb.children:
        if c.dep_ in ("ccomp",):
            return c
    return None


def describe_speaker(span_text: str, ents, head: str | None = None) -> tuple[str, bool, bool]:
    """(speaker, anonymous, is a named person) from a subject phrase, its entities and head noun."""
    for e in ents:
        if e.label_ == "PERSON":
            return e.text, False, True
    words = span_text.lower().split()
    head_is_person_noun = (head in ANONYMOUS_HEADS or head in PERSON_DESCRIPTION) if head else (
        bool(words) and (words[-1] in ANONYMOUS_HEADS or any(w in ANONYMOUS_HEADS for w in words[:4])))
    if ents and not head_is_person_noun:
        e = ents[0]
        return e.text, False, False
    anonymous = head_is_person_noun or bool(ANONYMOUS_CUES.search(span_text + " "))
    return span_text.strip(" ,"), anonymous, False


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in a paragraph, the marks excluded."""
    spans, start = [], None
    for i, ch in enumerate(text):
        if start is None and ch in QUOTE_OPEN and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            start = i + 1
        elif start is not None and ch in QUOTE_CLOSE and i > start:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


class Attributor:
    """Walks one parsed document in order, remembering the last speaker and person."""

    def __init__(self, sdoc, text: str):
        self.sdoc = sdoc
        self.text = text
        self.last: Attribution | None = None
        self.persons = [(e.start_char, e.text) for e in sdoc.ents if e.label_ == "PERSON"]

    def last_person_before(self, pos: int) -> str | None:
        before = [name for start, name in self.persons if start < pos]
        return before[-1] if before else None

    def ents_in(self, start: int, end: int):
        return [e for e in self.sdoc.ents if e.start_char < end and e.end_char > start
                and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]

    def speaker_from_subject(self, subj) -> Attribution | None:
        start, end = phrase(subj)
        span_text = self.text[start:end]
        lower = subj.lower_
        if lower in PRONOUNS and subj.i == subj.left_edge.i == subj.right_edge.i:
            if self.last is None:
                return None
            return Attribution(self.last.speaker, "", "pronoun", self.last.anonymous, self.last.person)
        ents = [e for e in self.ents_in(start, end) if e.label_ != "NORP"]
        words = span_text.lower().split()
        if (words and words[0] == "the" and not any(e.label_ == "PERSON" for e in ents)
                and subj.lemma_.lower() in PERSON_DESCRIPTION
                and not ANONYMOUS_CUES.search(span_text + " ")):
            person = self.last_person_before(start)
            if person:
                return Attribution(person, "", "description", False, True)
        speaker, anonymous, is_person = describe_speaker(span_text, ents, subj.lemma_.lower())
        return Attribution(speaker, "", "subject", anonymous, is_person)

    def claim_text(self, sent, verb, quotes: list[tuple[int, int]]) -> str:
        inside = [(s, e) for s, e in quotes if s < sent.end_char and e > sent.start_char]
        if inside:
            s, e = inside[0]
            return self.text[max(s, sent.start_char): min(e, sent.end_char)].strip(" ,.“”\"")
        comp = complement(verb) if verb is not None else None
        if comp is not None:
            toks = list(comp.subtree)
            return self.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)].strip(" ,")
        if verb is not None:
            return self.text[verb.idx + len(verb.text): sent.end_char].strip(" ,.:")
        return sent.text.strip()

    def attribute(self, sent, quotes: list[tuple[int, int]]) -> Attribution | None:
        """The attribution a sentence makes itself, if any."""
        def outside_quotes(tok) -> bool:
            return not any(s <= tok.idx < e for s, e in quotes)

        for tok in sent:
            if not speech_verb(tok) or not outside_quotes(tok):
                continue
            if tok.lemma_.lower() == "quote":
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if obj is not None and re.search(r"\bas\s+saying\b", sent.text):
                    found = self.speaker_from_subject(obj)
                    subj = subject_of(tok)
                    if found:
                        found.via = self.text[slice(*phrase(subj))] if subj is not None else None
                        found.text = self.claim_text(sent, None, quotes)
                        found.cue = "quoted as saying"
                        return found
                continue
            subj = subject_of(tok)
            if subj is None or subj.dep_ == "nsubjpass":
                continue
            found = self.speaker_from_subject(subj)
            if found is None:
                continue
            found.text = self.claim_text(sent, tok, quotes)
            found.cue = tok.lemma_.lower()
            for c in tok.children:
                if c.dep_ in ("dobj", "dative") and c.ent_type_ == "ORG":
                    found.via = self.text[slice(*phrase(c))]
            return found
        for tok in sent:
            if tok.lower_ == "according" and outside_quotes(tok):
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if obj is not None:
                    found = self.speaker_from_subject(obj)
                    if found:
                        rest_start = obj.right_edge.idx + len(obj.right_edge.text)
                        found.text = self.text[rest_start: sent.end_char].strip(" ,.")
                        if tok.idx - sent.start_char > 20:
                            found.text = self.text[sent.start_char: tok.idx].strip(" ,.")
                        found.cue = "according to"
                        return found
        m = LOOSE_SPEECH.match(sent.text.strip())
        if m:
            start = sent.start_char + sent.text.index(m.group("spk"))
            ents = self.ents_in(start, start + len(m.group("spk")))
            speaker, anonymous, person = describe_speaker(m.group("spk"), ents)
            return Attribution(speaker, m.group("claim"), m.group("verb").lower(), anonymous, person)
        return None

    def transcript_speaker(self, para_start: int, para_text: str) -> tuple[Attribution, int] | None:
        """"Name, role: statement" (or "role Name: statement") opening a paragraph."""
        m = TRANSCRIPT.match(para_text)
        if not m:
            return None
        lead_end = para_start + m.end("lead")
        if len(m.group("lead").split()) > 25:
            return None
        persons = [e for e in self.ents_in(para_start, lead_end) if e.label_ == "PERSON"]
        if persons:
            return Attribution(persons[0].text, "", "transcript", False, True), para_start + m.end()
        cased = self.sdoc.text[para_start:lead_end]
        name = cased.split(",", 1)[0].strip()
        words = name.split()
        if "," in cased and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return Attribution(self.text[para_start:para_start + len(name)], "", "transcript",
                               False, True), para_start + m.end()
        return None
