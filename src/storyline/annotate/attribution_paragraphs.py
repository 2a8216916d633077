"""Paragraph-level reading for attribution: which attribution a quotation takes, the
evidence of a quotation over several sentences, and whether a sentence with no attributing
words of its own continues the reported speech before it (only when it reads as indirect
speech and its subject names nobody else).
"""
from __future__ import annotations

import re

from ..model import Sentence
from . import attribution_words as words
from .attribution_discourse import Discourse
from .attribution_parse import subject_of
from .attribution_speakers import Attribution

BACKSHIFT_MODALS = ("would", "could", "might", "should", "'d")


def quote_owner(quote: tuple[int, int], in_para: list[Sentence], own: dict[int, Attribution],
                unresolved: set[int]) -> Attribution | None:
    """The attribution a quotation takes: of the sentence it ends in, else begins in, else
    another it runs through, else (when none of them tries to attribute it) the sentence
    just before it."""
    qs, qe = quote
    over = [s for s in in_para if s.start < qe and s.end > qs]
    ending = [s for s in over if s.start < qe <= s.end + 1]
    beginning = [s for s in over if s.start <= qs <= s.end]
    for group in (ending, beginning, over):
        for s in group:
            if s.index in own:
                return own[s.index]
    if any(s.index in unresolved for s in over):
        return None  # '"...," one woman said': not the speaker of the sentence before
    before = [s for s in in_para if s.end <= qs and qs - s.end <= 3]
    if before and before[-1].index in own:
        return own[before[-1].index]
    return None


def evidence_text(text: str, sent: Sentence, in_para: list[Sentence], quotes) -> str:
    """The sentence, or, when it lies in a quotation over several sentences, all of them."""
    lo, hi = sent.start, sent.end
    for qs, qe, _ in quotes:
        if qs < sent.end and qe > sent.start:
            over = [s for s in in_para if s.start < qe and s.end > qs]
            if 1 < len(over) <= 8:
                lo, hi = min(lo, over[0].start), max(hi, over[-1].end)
    return text[lo:hi]


PAST_PERFECT = re.compile(r"\b(?:had|'d)\s+(?:\w+ly\s+|not\s+|never\s+|already\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t)\b", re.I)


def reported_form(sdoc, sent: Sentence, before: str = "") -> bool:
    """Whether a sentence without attributing words still reads as reported speech: its
    main verb shifted back as indirect speech is ("It would also close two depots."; "She
    had visited the depot twice."), not refused ("He would not give a date.") and not narration in
    the present or simple past ("Shares rose 3 percent.")."""
    span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is None or root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in root.children):
        return False
    if root.lemma_.lower() in words.word_set("speech_refusals"):
        return False
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in BACKSHIFT_MODALS for a in auxes):
        return True
    # the past perfect reads as reported speech when it goes on of the speaker ("He had
    # warned them twice.") or goes on words reported in the past perfect (`before`: "talks
    # had stalled. The other side had asked for ..."); else, with another subject, it is as
    # often the writer's background ("Crews had aimed to contain it by the end of August.")
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return root.tag_ == "VBN" and any(a.lower_ in ("had", "'d") for a in auxes) \
        and (subj is None or subj.pos_ == "PRON" or bool(PAST_PERFECT.search(before)))


def names_someone_else(sdoc, sent: Sentence, previous: Attribution, discourse: Discourse) -> bool:
    """Whether the subject of a sentence's main clause names a person or organisation other
    than the speaker ("Hale said ... . Zenthe disputes the figure."; "His neighbour, Ana
    Vennard, agreed.")."""
    span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    subj = subject_of(span.root) if span is not None else None
    if subj is None:
        return False
    last = previous.speaker.split()[-1].lower() if previous.speaker.split() else ""
    for e in span.ents:
        if subj.left_edge.i <= e.root.i <= subj.right_edge.i \
                and discourse.label(e.text, e.label_) in ("PERSON", "ORG") and last not in e.text.lower():
            return True
    return False
