"""Who said what: reported speech, quotations, transcripts and anonymous sources.

Rules, in the order they are tried on each sentence:
- a quotation (which may run over several sentences) takes the speaker named by the
  speech verb next to it ("..., he added"; "X quoted Y as saying");
- a speech verb ("said", "told", "stated", "warned", ...) with its subject as speaker and
  its clausal complement as the claim;
- "according to X, ..." with X as speaker;
- the broadcast-transcript line "Name, role: statement" attributes its paragraph;
- "X also stated, ..." on pages whose punctuation the parser cannot use.
Pronouns take the last speaker; a definite description ("the 78-year-old politician")
takes the person last named before it. Descriptions of unnamed people ("an Iraqi
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
    "point", "recall", "observe", "remark", "testify", "caution", "demand",
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
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head)
    return None


def phrase(token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative or appositive clauses."""
    left = token.left_edge.i
    right = token.i
    for c in token.rights:
        if c.dep_ in ("relcl", "acl", "appos", "punct", "advcl") or c.text in (",", "("):
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


def describe_speaker(span_text: str, ents) -> tuple[str, bool, bool]:
    """(speaker, anonymous, is a named person) from a subject phrase and its entities."""
    for e in ents:
        if e.label_ == "PERSON":
            return e.text, False, True
    words = span_text.lower().split()
    head_is_person_noun = bool(words) and (words[-1] in ANONYMOUS_HEADS or any(
        w in ANONYMOUS_HEADS for w in words[:4]))
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
