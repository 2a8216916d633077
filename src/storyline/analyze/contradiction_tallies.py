"""How a vote went, or a match ended: two sources giving different tallies ("voted 9-4" /
"by a vote of 10 to 3"; "won 3-1" / "a 2-1 win") of one vote or game told in sentences alike.

A tally is read only where the sentence speaks of a vote or a result: "9-5 on weekdays",
"the 2030-31 budget" and "3-4 percent" are none. A sentence giving the other's tally too
("9-4, after a 10-3 vote on the first reading") agrees with it.
"""
from __future__ import annotations

import re

from ..dates import compatible
from ..lexicon import concepts
from ..story.statements import Statement
from .contradiction_acts import days_apart
from .contradiction_agents import two_sources
from .contradiction_dates import cached, event_dates

WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUM = r"(?:\d{1,3}|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")"
HYPHEN = re.compile(r"(?<![\d.,/:-])\b(\d{1,3})\s?[-\u2013](\d{1,3})\b(?![\d.,/:-]?\d)(?!\s*(?:%|per\s?cent|percent|"
                    r"pm|am|p\.m|a\.m|years?|months?|weeks?|days?|hours?|minutes?|year-old))", re.I)
SPELLED = re.compile(rf"\b(?:voted|vote of|votes? (?:was|were)|margin of|by)\s+(?:a\s+(?:margin|vote)\s+of\s+)?"
                     rf"(?P<x>{NUM})\s+(?P<votes>votes?\s+)?to\s+(?P<y>{NUM})\b(?!\s*(?:%|per\s?cent|percent))", re.I)
VOTE = re.compile(r"\b(?:vot\w*|ballot\w*|tally|margin|majority|unanimous\w*|split|motion|resolution|"
                  r"approv\w*|reject\w*|passed|overturn\w*|ruling|ruled|decision|confirm\w*|elected)\b", re.I)
SCORE = re.compile(r"\b(?:won|wins?|beat|beats|beaten|defeat\w*|lost|lose|loses|losing|victory|draw|drew|"
                   r"scored?|score|led|leading|trailed|trailing|final|match|game)\b", re.I)
TALLY_SIMILARITY = 0.6  # two sentences tell one vote or game
BODY_SIMILARITY = 0.35  # ... when one body voted on one day in both
SAME_DAY = 3  # pages this close tell the same meeting's vote
BODY = re.compile(r"\b([a-z][\w'-]*)\s+(?:(?:was|were|had|has)\s+)?(?:voted|split|divided)\b", re.I)
PURPOSE = re.compile(r"\bvot(?:ed|e)\s+(?:\S+\s+){0,5}?to\s+([a-z]+)", re.I)
TALLY_SHARED = 2  # content words the two share
TALLY_SAME_MOTION = 3  # ... words enough to tell one motion in sentences otherwise unlike ("councillors backed
TALLY_WORDS_SIMILARITY = 0.2  # the lease 31-12" / "a week after the council approved the lease, 29 votes to 14")
TALLY_DAYS = 31  # pages further apart than this, without dates of their own, tell different votes


def number(word: str) -> int:
    return int(word) if word.isdigit() else WORDS[word.lower()]


def tallies(s: Statement) -> list[tuple[str, tuple[int, int]]]:
    """(vote or score, (larger, smaller)) of each tally the statement gives."""
    return cached(s, "tallies", lambda: _tallies(s.sentence.text))


def _tallies(text: str) -> list[tuple[str, tuple[int, int]]]:
    kind = "vote" if VOTE.search(text) else "score" if SCORE.search(text) else None
    out = []
    for m in SPELLED.finditer(text):
        if not re.search(r"vot|margin", m.group(0), re.I):
            continue  # "by 5 to 10" is a range; "by five votes to two" a tally
        x, y = number(m.group("x")), number(m.group("y"))
        out.append(("vote", (max(x, y), min(x, y))))
    if kind:
        for m in HYPHEN.finditer(text):
            x, y = int(m.group(1)), int(m.group(2))
            if x == 0 and y == 0:
                continue
            out.append((kind, (max(x, y), min(x, y))))
    return sorted(set(out))


def show(t: tuple[int, int]) -> str:
    return f"{t[0]}-{t[1]}"


def tally_findings(a: Statement, b: Statement) -> list[tuple[str, dict]]:
    """The two tallies, when two sources give one vote or game different ones."""
    ta, tb = tallies(a), tallies(b)
    if not ta or not tb or not two_sources(a, b):
        return []
    for kind in sorted({k for k, _ in ta} & {k for k, _ in tb}):
        xa = sorted({t for k, t in ta if k == kind})
        xb = sorted({t for k, t in tb if k == kind})
        if set(xa) & set(xb):
            continue  # one gives the other's tally too
        sim = a.similarity(b)
        if not same_time(a, b):
            continue
        shared = len(a.concepts & b.concepts) >= TALLY_SHARED
        alike = sim is not None and sim >= TALLY_SIMILARITY and shared or \
            len(a.concepts & b.concepts) >= TALLY_SAME_MOTION and (sim or 0.0) >= TALLY_WORDS_SIMILARITY \
            and bool(motion(a) & motion(b))
        if not alike and not ((sim is None and shared or (sim or 0.0) >= BODY_SIMILARITY) and same_meeting(a, b)):
            continue  # without embeddings: one body, one meeting and more words in common
        purposes = purpose(a), purpose(b)
        if all(purposes) and purposes[0] != purposes[1]:
            continue  # "voted 5-2 to approve ..." / "voted 6-1 to reject ...": two motions
        return [("tally", {"values": [show(xa[0]), show(xb[0])], "unit": kind})]
    return []


def motion(s: Statement) -> set[str]:
    """The concepts of a sentence's plain words, not its names ("the Marwen assembly") nor its
    words of voting: what was voted on ("the sale", "the harbour lease")."""
    return cached(s, "motion", lambda: _motion(s.sentence.text))


def _motion(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    return concepts(" ".join(w for i, w in enumerate(words) if w[0].islower() and not VOTE.fullmatch(w)
                             and not (i and words[i - 1][0].isupper())))


def bodies(s: Statement) -> set[str]:
    """The nouns that voted or split ("the council voted", "the board was split")."""
    return {m.group(1).lower() for m in BODY.finditer(s.sentence.text)} - {"it", "they", "who", "which", "that"}


def purpose(s: Statement) -> str | None:
    m = PURPOSE.search(s.sentence.text)
    return m.group(1).lower() if m else None


def same_meeting(a: Statement, b: Statement) -> bool:
    """One body voted, told on pages a few days apart (or dated to one day)."""
    if not bodies(a) & bodies(b):
        return False
    da = [d for d in event_dates(a) if len(d) == 10]
    db = [d for d in event_dates(b) if len(d) == 10]
    if da and db:
        return any(x == y for x in da for y in db)
    gap = days_apart(a.date, b.date) if a.date and b.date else None
    return gap is not None and gap <= SAME_DAY


def same_time(a: Statement, b: Statement) -> bool:
    """The two may tell one vote: their own dates meet, or, undated, their pages lie close."""
    da, db = event_dates(a), event_dates(b)
    if da and db:
        return any(compatible(x, y) for x in da for y in db)
    page = b.date if da else a.date  # "voted 9-4 in May" / "carried by 10 votes to 3" on a page of May 20
    if (da or db) and page:
        return any(compatible(x[:7], page) for x in da or db)
    if a.date and b.date:
        gap = days_apart(a.date, b.date)
        return gap is None or gap <= TALLY_DAYS
    return True


def tally_keys(s: Statement) -> list[str]:
    """Index concepts that find other tallies of one vote: the bodies that voted and the
    words of voting the sentence uses."""
    if not tallies(s):
        return []
    words = " ".join(sorted(bodies(s))) + " " + " ".join(m.group(0) for m in VOTE.finditer(s.sentence.text)) \
        + " " + " ".join(m.group(0) for m in SCORE.finditer(s.sentence.text))
    return sorted(concepts(words))
