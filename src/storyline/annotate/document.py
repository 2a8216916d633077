"""Annotate one document: sentences, tense, mentions, time expressions and claims.

The spaCy parse runs on the truecased text, which has the same length as the cleaned text,
so every offset stored points into the cleaned text the dossier shows.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Claim, Document, Mention, Sentence, TimeValue
from .attribution import find_claims
from .mentions import find_mentions
from .nlp import text_of, token_starts
from .quantities import MAY_HOLD_NUMBER, find_quantities
from .summary import clause_summary, summarize
from .timex import ABSOLUTE_RULES, Anchor, Tagger, tag_each_line

FUTURE_LEMMAS = {"plan", "schedule", "expect", "intend", "aim", "prepare", "propose", "set"}
ACT_TIME = {"in", "on", "at", "during", "last"}  # a time that dates the act of its verb, not what it plans
PLANNED_WORDS = {"planned", "scheduled", "upcoming", "expected", "proposed", "intended"}
# "is due to begin", "was supposed to reopen", "is set to close": an infinitive after these
# tells a plan, whatever the tense of the copula
PLAN_BEFORE_INFINITIVE = {"due", "set", "slated", "scheduled", "expected", "supposed", "meant", "poised",
                          "likely", "about", "ready", "planned", "intended"}


def plans(verb) -> bool:
    """A verb that tells a plan ("set for June", "expected in May"); with a particle it is
    another verb ("the inquiry was set up on June 19": it was established then)."""
    return verb.lemma_ in FUTURE_LEMMAS and not any(c.dep_ == "prt" for c in verb.children)


@dataclass
class Annotations:
    doc_id: str
    sentences: list[Sentence]
    mentions: list[Mention]
    timexes: list[TimeValue]
    claims: list[Claim]
    tenses: list[str] = field(default_factory=list)  # per sentence


def sentence_spans(sdoc, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences, also cut at line breaks, trimmed of white space."""
    spans = []
    for sent in sdoc.sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", text[sent.start_char: sent.end_char]):
            if piece and not piece.startswith("\n"):
                s = start + len(piece) - len(piece.lstrip())
                e = start + len(piece.rstrip())
                if e > s and re.search(r"\w", text[s:e]):
                    spans.append((s, e))
            start += len(piece)
    return spans


def tense_of(token) -> str:
    """past / present / future for the clause governing a token."""
    node, below = token, token
    for _ in range(8):
        if any(c.lower_ in PLANNED_WORDS and c.dep_ != "conj" for c in node.children) or node.lower_ in PLANNED_WORDS:
            return "future"
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "amod":
            break
        if node.head is node:
            break
        node, below = node.head, node
    verb = node
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "would", "shall", "'ll", "wo") for a in auxes):
        return "future"
    if any(a.lower_ in ("must", "should") for a in auxes) and not any(a.lower_ == "have" for a in auxes):
        return "future"  # "must cover 95 per cent by the end of 2030" (not "should have told")
    if plans(verb) and not auxes and verb.tag_ in ("VBD", "VBN") and below.lower_ in ACT_TIME \
            and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # the day a plan was made, "the date the board set in February", not the plan's day
    if plans(verb) or (verb.dep_ == "xcomp" and plans(verb.head)):
        return "future"
    if verb.dep_ == "ccomp" and plans(verb.head) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "future"  # "expects the plant to reopen ... in October" (parsed as a clause)
    if verb.dep_ == "xcomp" and verb.head.lower_ in PLAN_BEFORE_INFINITIVE and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            not any(c.tag_ == "VBD" for c in [verb.head.head, *verb.head.children]):
        return "future"  # (a plan looked back on, "was due to start in November", stays past)
    if verb.dep_ == "xcomp" and any(c.lower_ in ("will", "would") for c in verb.head.children):
        return "future"
    if any(a.lower_ in ("going",) for a in auxes) or (verb.head.lower_ == "going" and verb.dep_ == "xcomp"):
        return "future"
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("advcl", "xcomp") and verb.head is not verb \
            and verb.head.pos_ in ("VERB", "AUX"):
        return tense_of(verb.head)  # a participle's clause is its head's: "will be handed out starting Thursday"
    if verb.tag_ == "VBG" and not auxes and verb.dep_ == "acl" and verb.head is not verb:
        return tense_of(verb.head)  # and a participle after a noun: "will be invited to a pilot starting November 3"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (
            verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "past"


def token_finder(sdoc):
    """A function from a character offset to the token that holds it."""
    starts = token_starts(sdoc)

    def token_at(pos: int):
        return sdoc[max(0, bisect.bisect_right(starts, pos) - 1)]

    return token_at


def tense_finder(sdoc):
    """A function from a character offset to the tense of its clause."""
    token_at = token_finder(sdoc)
    return lambda pos: tense_of(token_at(pos))


def governing_verb(token) -> str | None:
    """Lemma of the verb a token hangs from ("approved" for "in March 2019")."""
    node = token
    for _ in range(8):
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node.lemma_.lower()
        if node.head is node:
            return None
        node = node.head
    return None


def annotate(doc: Document, sdoc, anchor: Anchor) -> Annotations:
    text = doc.text
    spans = sentence_spans(sdoc, text)
    starts = [s for s, _ in spans]

    def sentence_at(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    sentences = [Sentence(doc.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]
    token_at = token_finder(sdoc)

    mentions = find_mentions(doc, sdoc, text, sentence_at)
    tagger = Tagger(anchor)
    timexes: list[TimeValue] = []
    tenses: list[str] = []
    for sent in sentences:
        root = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
        sent.tense = tense_of(root.root) if root is not None and len(root) else "past"
        sent.verbs = [t.lemma_.lower() for t in root if t.pos_ == "VERB"] if root is not None else []
        sent.quantities = find_quantities(sent.text, list(root) if root is not None else None, sent.start) \
            if MAY_HOLD_NUMBER.search(sent.text) else []
        tenses.append(sent.tense)
        def tense_at(pos: int, s: Sentence = sent) -> str:
            return tense_of(token_at(s.start + pos))

        found = tagger.tag(sent.text, tense_at, lowercase=doc.lowercase)
        for t in found:
            token = token_at(sent.start + t.start)
            own = clause_summary(root, token) if t.kind == "date" and t.value and root is not None \
                and len(root) else None
            timexes.append(TimeValue(doc.id, sent.index, sent.start + t.start, sent.start + t.end,
                                     t.text, t.kind, t.value, t.granularity, anchor.value,
                                     anchor.origin, t.modifier, t.tense, governing_verb(token), own))
        # the headline summary is what an event shows, and events are sentences that date
        # something: the others (most) are not summarised
        dates = any(t.kind == "date" and t.value for t in found)
        sent.summary = summarize(root) if dates and root is not None and len(root) else None
    claims = find_claims(doc, sdoc, sentences)
    return Annotations(doc.id, sentences, mentions, timexes, claims, tenses)


def written_dates(sdoc, tagger: Tagger) -> list[tuple[str, str]]:
    """(value, tense) of each date a parsed text gives in full, line by line: what bounds the
    time it was written in (resolve/anchors.bounds_from). Lines are tagged apart, so most
    lines, with no digit or calendar word, are not scanned at all."""
    return [(t.value, t.tense or "past")
            for t in tag_each_line(tagger, text_of(sdoc), tense_finder(sdoc), only=ABSOLUTE_RULES)
            if t.kind == "date" and t.value and t.modifier not in ("since",)]


def tag_times(text: str, anchor: Anchor, nlp) -> list:
    """Parse one text and tag its time expressions with the parse's tenses (used by the
    temporal tagger's tests and evaluation, exactly as the annotate stage tags)."""
    sdoc = nlp(text)
    return Tagger(anchor).tag(text, tense_finder(sdoc))
