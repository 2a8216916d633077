"""The act a date belongs to, read from the clause around the date: two statements date one
act when the clause that holds each date speaks of the same thing ("the first case was
confirmed on Monday" / "since the first case was confirmed on October 11"), even when the
rest of the two sentences talks about other things.

Also the distance between two partial dates as intervals: "late November" and "19
December" lie 19 days apart (the end of November to the 19th), not 48.
"""
from __future__ import annotations

import functools
import re

import numpy as np

from ..annotate.embeddings import Embedder
from ..dates import WEEKDAY_RE, maybe_date, to_date
from ..lexicon import concepts
from ..story.statements import act_class, action_concepts

# "after", "before" and "since" open a clause, not before a time ("shortly before midnight")
CLAUSE_BREAK = re.compile(r"[;:()\u2014\u2013]|,\s|\s(?:and|but|while|whereas|which|who|when|because|although|though)\s"
                          r"|\s(?:after|before|since)\s(?!(?:midnight|noon|dawn|dusk|daybreak|sunrise|sunset|\d|"
                          r"(?:the\s+)?(?:end|start|beginning|middle)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                          r"[a-z]*\.?\s+\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b))", re.I)
MIN_CLAUSE_WORDS = 4  # a clause shorter than this borrows its neighbour ("On Monday, the ...")
WORDS_ALIKE = 0.55  # embedding cosine of two nouns that name one kind of thing (see words_alike)
CLAUSE_VECTORS = 20000  # clause embeddings kept in memory (each computed once, when first compared)


WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY_RE},?\s+$", re.I)  # "on Monday, March 16": one date
YEAR_AFTER = re.compile(r",?\s+\d{4}\b")  # "March 16, 2026"


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds the span [start, end). The comma of a date written
    with its weekday or year ("on Monday, March 16, 2026") and the "and" between two names
    ("in Orlenmark and Tessavale") part no clauses."""
    before = WEEKDAY_BEFORE.search(text[max(0, start - 16):start])
    if before:
        start = max(0, start - 16) + before.start()
    after = YEAR_AFTER.match(text, end)
    end = after.end() if after else end
    left, right = 0, len(text)
    for m in CLAUSE_BREAK.finditer(text):
        if m.group(0).strip().lower() == "and" and names_around(text, m.start(), m.end()):
            continue
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    clause = text[left:right]
    if len(clause.split()) < MIN_CLAUSE_WORDS:  # too short alone: take the next clause too
        nxt = CLAUSE_BREAK.search(text, right + 1)
        clause = text[left:nxt.start() if nxt else len(text)]
    return clause


def names_around(text: str, start: int, end: int) -> bool:
    """The words either side of an "and" are both capitalised: two names joined, not two
    clauses ("Orlenmark and Tessavale")."""
    prev = re.search(r"(\S+)\s*$", text[:start])
    nxt = re.match(r"\s*(\S+)", text[end:])
    return bool(prev and nxt and prev.group(1)[:1].isupper() and nxt.group(1)[:1].isupper())


def act_of(verb: str) -> set[str]:
    """The kind of act a verb tells: its class (data/lexicons/act_classes.txt: "spotted"
    and "discovered" tell one act), else its concept."""
    head = act_class(verb)
    return {head} if head else (action_concepts([verb]) or {verb})


def clause_text(text: str, phrase: str) -> str:
    """The clause around `phrase` (a time expression as written), the phrase left out."""
    i = text.lower().find(phrase.lower()) if phrase else -1
    if i < 0:
        return ""
    clause = clause_around(text, i, i + len(phrase))
    at = clause.lower().find(phrase.lower())
    return " ".join((clause[:at] + " " + clause[at + len(phrase):]).split()) if at >= 0 else clause


@functools.lru_cache(maxsize=CLAUSE_VECTORS)
def _clause_vector(text: str) -> np.ndarray:
    return Embedder.load().encode([text])[0].astype(np.float16)


def words_alike(a: str, b: str) -> bool:
    """Two nouns name one kind of thing ("vessels" / "ships", "prisoners" / "detainees"):
    the same word, or embeddings of the words alone this close (related things of a story,
    "survivors" / "miners", "cases" / "deaths", lie near 0.3)."""
    if a == b:
        return True
    return max(_cosine(a, b), _cosine(a + "s", b + "s")) >= WORDS_ALIKE  # lemmas read alone are less alike


def _cosine(a: str, b: str) -> float:
    x, y = _clause_vector(a).astype(np.float32), _clause_vector(b).astype(np.float32)
    return float(np.dot(x, y) / max(1e-12, float(np.linalg.norm(x) * np.linalg.norm(y))))


def clause_similarity(a: str, b: str) -> float | None:
    """How alike two clauses are in meaning (sentence embeddings of the clauses alone, so the
    rest of two long sentences does not hide that they date one act); None when either
    clause is too short to tell anything."""
    if len(a.split()) < MIN_CLAUSE_WORDS - 1 or len(b.split()) < MIN_CLAUSE_WORDS - 1:
        return None
    return _cosine(a, b)


def clause_concepts(text: str, phrase: str) -> set[str]:
    """Content concepts of the clause around `phrase` (a time expression as written), the
    date's own words left out."""
    i = text.lower().find(phrase.lower()) if phrase else -1
    if i < 0:
        return set()
    clause = clause_around(text, i, i + len(phrase))
    return concepts(clause.replace(clause[clause.lower().find(phrase.lower()):][:len(phrase)], " ")) \
        - concepts(phrase)


def days_apart(a: str, b: str) -> int | None:
    """Days between two partial dates taken as intervals (0 when they overlap)."""
    if maybe_date(a) is None or maybe_date(b) is None:
        return None
    a0, a1, b0, b1 = to_date(a), to_date(a, end=True), to_date(b), to_date(b, end=True)
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0
