"""Reference dates for documents: the publication date, or one inferred from the text.

A page without a date still dates itself: its past-tense absolute dates give a lower
bound, its future-tense ones an upper bound. Within those bounds, the date of the most
similar dated page of the same story is the best guess (at month precision); without
one, the year of the bounds is. Either way the anchor is marked "inferred".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import maybe_date, parse_iso, to_date
from ..model import Document

STOP = frozenset("""a an the of to in on at by for from with and or but is are was were be been
has have had will would that this these those it its as their there said says also not""".split())


@dataclass
class Bounds:
    lower: str | None = None  # latest date the text tells of in the past tense
    upper: str | None = None  # earliest date it tells of in the future tense


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{2,}", text.lower()) if w not in STOP}


def bounds_from(absolutes: list[tuple[str, str]]) -> Bounds:
    """(ISO value, tense) pairs of a text's absolute dates -> the window it was written in."""
    past = [v for v, t in absolutes if t != "future"]
    future = [v for v, t in absolutes if t == "future"]
    lower = max(past, key=lambda v: to_date(v, end=True), default=None)
    upper = min(future, key=lambda v: to_date(v), default=None)
    if lower and upper and to_date(lower) > to_date(upper, end=True):
        upper = None  # the text contradicts itself; trust the past
    return Bounds(lower, upper)


def within(value: str, b: Bounds) -> bool:
    d = maybe_date(value)
    if d is None:
        return False
    if b.lower and d < to_date(b.lower):
        return False
    if b.upper and d > to_date(b.upper, end=True):
        return False
    return True


def infer_anchor(doc: Document, bounds: Bounds, dated: list[Document],
                 min_similarity: float = 0.08) -> tuple[str | None, str]:
    """(anchor, origin) for a document: "published", "inferred" or "none"."""
    if doc.published.value:
        return doc.published.value, "published"
    words = content_words(doc.text)
    best, best_sim = None, 0.0
    for other in dated:
        if other.id == doc.id or not other.published.value or not within(other.published.value, bounds):
            continue
        o_words = content_words(other.text)
        sim = len(words & o_words) / max(1, len(words | o_words))
        if sim > best_sim:
            best, best_sim = other, sim
    if best is not None and best_sim >= min_similarity:
        parts = parse_iso(best.published.value) or ()
        return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts[:2])), "inferred"
    year_of = bounds.upper or bounds.lower
    if year_of:
        return year_of[:4], "inferred"
    return None, "none"
