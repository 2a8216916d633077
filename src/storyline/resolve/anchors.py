"""Reference dates for documents: the publication date, or one inferred from the text.

A page without a date still dates itself: its past-tense absolute dates give a lower
bound, its future-tense ones an upper bound. Within those bounds, the date of the most
similar dated page of the same story is the best guess (at month precision); without
one, the year of the bounds is. A page whose only date is a site header's display date
(perhaps the day of the visit) is anchored on it when it dates, year and all, something
shortly before it; else it is placed like an undated page, the header's date as its
latest possible one. Either way the anchor is
marked "inferred".
"""
from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ..annotate.tense import FUTURE_CUE
from ..annotate.timex import MONTH_RULES, tag_lines
from ..dates import (
    MONTH_RE,
    MONTHS,
    SHOWN,
    WEEKDAY_RE,
    WEEKDAYS,
    maybe_date,
    near_year,
    parse_iso,
    shown_date,
    to_date,
    valid_day,
)
from ..model import Document, DocumentDate, yearless_day

NAMED = re.compile(rf"\b(?:{MONTH_RE})\b|\b\d{{4}}\b", re.I)
SHOWN_SLACK_DAYS = 45
SHOWN_AGREES_DAYS = 2  # a header's display date this close after the most similar page's date
NEAREST_DAYS = 120
SETTLED_DAYS = 366  # how far after a similar page a day whose weekday settles its year may lie
STALE_STAMP_DAYS = 7  # an "Updated" stamp this long after a date the page tells as ahead is a later edit
STALE_AHEAD_DAYS = 92  # ... up to this long after, for a date told without its year (nearest occurrence)
YEAR_WRITTEN = re.compile(r"\b\d{4}\b")
# a plan told back ("the refit, originally due on July 21") names no day that has passed
PLANNED = re.compile(r"\b(?:due|scheduled|planned|expected|promised|originally|initially|deadline|target|supposed)\b", re.I)
TOLD_BACK = re.compile(r"\b(?:was|were|had|originally|initially|first)\b", re.I)
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
    past = [v for v, t in absolutes if t == "past"]
    # a bare year ahead is as often a plan looked back on ("promised by the end of 2023")
    future = [v for v, t in absolutes if t == "future" and len(v) > 4]
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


def latest_told(text: str, anchor: str, grains: tuple[str, ...] = ("day", "month"),
                settled: bool = False) -> str | None:
    """The latest date a text tells of as past, its relative and yearless dates read
    against `anchor` (the latest the text can have been written); `settled`: only days whose
    weekday is written with them ("Friday, September 11"), which fixes their year."""
    limit = maybe_date(anchor, end=True)
    told = [t.value for t in tag_lines(text, anchor, "inferred", only=MONTH_RULES)  # only named months count
            if t.kind == "date" and t.value and t.granularity in grains and t.tense != "future"
            and t.modifier not in ("by", "until", "till", "before", "after", "since")
            and NAMED.search(t.text)  # "on Monday", "last week" are read against the anchor itself
            and not PLANNED.search(clause_before(text, t.start)[-40:])
            and (not settled or weekday_settled(text[max(0, t.start - 32):t.start], t.value))]
    told = [v for v in told if limit and (d := maybe_date(v)) is not None and d <= limit]
    return max(told, key=lambda v: to_date(v), default=None)


WEEKDAY_WRITTEN = re.compile(rf"\b(?P<wd>{WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:the\s+)?$", re.I)


def weekday_settled(before: str, value: str) -> bool:
    """The day is written after its weekday, and falls on it ("Friday evening, September 11")."""
    m = WEEKDAY_WRITTEN.search(before)
    d = maybe_date(value) if m and len(value) == 10 else None
    return d is not None and d.weekday() == WEEKDAYS[m.group("wd").lower().rstrip(".")]  # type: ignore[union-attr]


def later_told(text: str, month: str, bounds: Bounds) -> str:
    """A similar page's month, or a later one: the page may tell, as past, of a month or day
    after it (a yearless "on 24 October" is read as the occurrence nearest that month, up to
    four months after it)."""
    ahead = to_date(month) + dt.timedelta(days=NEAREST_DAYS)
    latest = latest_told(text, ahead.isoformat())
    # a day written with its weekday ("on Friday, September 11") has its year settled: the
    # page tells it as past, so it was written after it, however far after the similar page
    settled = latest_told(text, (to_date(month) + dt.timedelta(days=SETTLED_DAYS)).isoformat(), settled=True)
    told = [x for x in (latest, settled) if x and to_date(x) > to_date(month, end=True) and within(x, bounds)]
    if told:
        return month_of(max(told, key=lambda v: to_date(v)))
    return month


def before_ahead(text: str, month: str) -> str:
    """A month, or an earlier one: a page that tells as ahead a day whose weekday settles its
    year ("the ballot will close on Friday, May 15") was written before that day."""
    around = (to_date(month) + dt.timedelta(days=15)).isoformat()
    ahead = [t.value for t in tag_lines(text, around, "inferred", only=MONTH_RULES)
             if t.kind == "date" and t.value and t.granularity == "day"
             and (t.tense == "future" or FUTURE_CUE.search(clause_before(text, t.start)))
             and weekday_settled(text[max(0, t.start - 32):t.start], t.value)]
    first = min(ahead, key=lambda v: to_date(v), default=None)
    return month_of(first) if first and to_date(first) < to_date(month) else month


def clause_before(text: str, start: int) -> str:
    """The words of its sentence before a point of a text, within 80 characters: where a cue
    telling what follows as ahead ("will", "expects to") stands."""
    return re.split(r"[.!?][\"'”’]?\s", text[max(0, start - 80):start])[-1]


def month_of(value: str) -> str:
    parts = parse_iso(value) or ()
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts[:2]))


def reference(doc: Document, bounds: Callable[[], Bounds], dated: list[Document]) -> tuple[str | None, str]:
    """(anchor, origin) of a document: its publication date, or one inferred. A page dated
    only by an "Updated" stamp that comes well after a date it still tells as ahead ("will
    reach 60 percent by September 30" under "Last updated: 14 October") was written before
    that edit: it is placed like a page dated by a site header, the stamp its latest day."""
    value = doc.published.value
    if value and doc.published.origin != "updated":
        return value, "published"
    window = bounds()
    ahead = told_ahead_before(doc.text, value) if value else None
    if ahead and not (window.upper and to_date(window.upper) <= to_date(ahead)):
        # written before that day, and after the latest it tells as past
        told = latest_told(doc.text, ahead)
        lower = max((x for x in (window.lower, told) if x and to_date(x) <= to_date(ahead)), key=to_date, default=None)
        window = Bounds(lower, ahead)
    if value and not (window.upper and
                      (to_date(value) - to_date(window.upper, end=True)).days > STALE_STAMP_DAYS):
        return value, "published"
    if value:
        doc = replace(doc, published=DocumentDate(None, None, "updated", note=f"{SHOWN} {value}"))
    return infer_anchor(doc, window, dated)


def told_ahead_before(text: str, stamp: str) -> str | None:
    """The earliest day or month a text tells as ahead without its year ("the works should
    be finished in late October") whose nearest occurrence lies one week to three months
    before a stamp ("Updated 14 November"): the text was written before it."""
    sd = to_date(stamp)
    found = []
    for t in tag_lines(text, stamp, "inferred", only=MONTH_RULES):
        if t.kind != "date" or not t.value or t.granularity not in ("day", "month") or YEAR_WRITTEN.search(t.text) \
                or t.modifier in ("since", "after"):
            continue
        clause = clause_before(text, t.start)
        if not (t.tense == "future" or FUTURE_CUE.search(clause)) or TOLD_BACK.search(clause):
            continue  # ("was first fixed for 4 May, then put back to 9 October": told back)
        near = near_year(t.value, stamp, end=True)
        if STALE_STAMP_DAYS < (sd - to_date(near, end=True)).days <= STALE_AHEAD_DAYS:
            found.append(near)
    return min(found, key=to_date, default=None)


def infer_anchor(doc: Document, bounds: Bounds, dated: list[Document],
                 min_similarity: float = 0.08) -> tuple[str | None, str]:
    """(anchor, origin) for a document: "published", "inferred" or "none". A dateline's
    month and day written without the year ("Sept 30 (Wire) -") get the year that puts
    them nearest the date inferred otherwise, within the text's bounds."""
    if doc.published.value:
        return doc.published.value, "published"
    anchor, origin = _infer(doc, bounds, dated, min_similarity)
    shown = shown_date(doc.published.note)
    today = written_today(doc.text, anchor, bounds, shown) if anchor else None
    if today:
        return today, "inferred"
    month_day = yearless_day(doc.published.note)
    if month_day and anchor:
        return place_day(month_day, anchor, bounds, shown) or anchor, origin
    return anchor, origin


# "by yesterday, August 31", "from today, September 1", "tomorrow (March 3)": the day the
# page was written, told with its month and day
WRITTEN_DAY = re.compile(rf"\b(?P<rel>yesterday|today|tonight|tomorrow)\s*(?:,\s*|\(\s*)(?:{WEEKDAY_RE},?\s+)?"
                         rf"(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|"
                         rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_RE}))\b", re.I)
RELATIVE_DAYS = {"yesterday": 1, "today": 0, "tonight": 0, "tomorrow": -1}


def written_today(text: str, near: str, bounds: Bounds, shown: str | None = None) -> str | None:
    """The day a page was written, when it names "yesterday", "today" or "tomorrow" with its
    month and day ("by yesterday, August 31"), in the year that puts it nearest the date
    inferred otherwise, within the page's bounds; None when such days disagree."""
    found = set()
    for m in WRITTEN_DAY.finditer(text):
        month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        day = int(m.group("d1") or m.group("d2"))
        if not valid_day(2000, month, day):
            continue
        told = to_date(near_year(f"{to_date(near).year:04d}-{month:02d}-{day:02d}", near))
        written = (told + dt.timedelta(days=RELATIVE_DAYS[m.group("rel").lower()])).isoformat()
        if within(written, bounds) and not (shown and to_date(written) > to_date(shown, end=True)):
            found.add(written)
    return found.pop() if len(found) == 1 else None


def place_day(month_day: tuple[int, int], near: str, bounds: Bounds, shown: str | None = None) -> str | None:
    """The month and day in the year (of `near`'s, the one before or the one after) that
    lies within the bounds (and not after a header's display date) nearest `near`."""
    mon, day = month_day
    middle = to_date(near) + (to_date(near, end=True) - to_date(near)) / 2
    options = []
    for year in (middle.year - 1, middle.year, middle.year + 1):
        if not valid_day(year, mon, day):
            continue
        value = f"{year:04d}-{mon:02d}-{day:02d}"
        if within(value, bounds) and not (shown and to_date(value) > to_date(shown, end=True)):
            options.append((abs((to_date(value) - middle).days), value))
    return min(options)[1] if options else None


def _infer(doc: Document, bounds: Bounds, dated: list[Document], min_similarity: float) -> tuple[str | None, str]:
    shown = shown_date(doc.published.note)
    if shown:
        # a site header's date bounds the page from above. A page that dates, year and all,
        # something shortly before it is believed; else it is placed like an undated page
        if bounds.lower and len(bounds.lower) > 4 and 0 <= (to_date(shown) - to_date(bounds.lower, end=True)).days <= SHOWN_SLACK_DAYS:
            return shown, "inferred"
        if not bounds.upper or to_date(shown) < to_date(bounds.upper):
            bounds = Bounds(bounds.lower, shown)
    best, best_sim = most_similar(doc, bounds, dated)
    if best is not None and best_sim >= min_similarity:
        if shown and best.published.value and len(best.published.value) == 10 and \
                0 <= (to_date(shown) - to_date(best.published.value)).days <= SHOWN_AGREES_DAYS:
            return shown, "inferred"  # the header's day is the day of the page most like it: its own
        return before_ahead(doc.text, later_told(doc.text, month_of(best.published.value or ""), bounds)), "inferred"
    if shown:
        latest = latest_told(doc.text, shown)
        return (month_of(latest) if latest else shown), "inferred"
    year_of = bounds.lower or bounds.upper
    if year_of:
        return year_of[:4], "inferred"
    return None, "none"


class DatedWords:
    """The content words of a build's dated pages, read once: for each word, the pages that
    use it. Every undated page of the build is compared with all of them at once."""

    def __init__(self, dated: list[Document]):
        self.refs = [weakref.ref(d) for d in dated]
        self.ids = [d.id for d in dated]
        days = [maybe_date(d.published.value) if d.published.value else None for d in dated]
        self.days = np.array([d.toordinal() if d else 0 for d in days], dtype=np.int64)
        self.dated = np.array([d is not None for d in days], dtype=bool)
        postings: dict[str, list[int]] = {}
        sizes = np.zeros(len(dated), dtype=np.int64)
        for i, d in enumerate(dated):
            if days[i] is None:
                continue  # never a candidate: its words are not needed
            words = content_words(d.text)
            sizes[i] = len(words)
            for w in words:
                postings.setdefault(w, []).append(i)
        self.sizes = sizes
        self.postings = {w: np.array(ix, dtype=np.int64) for w, ix in postings.items()}

    def same(self, dated: list[Document]) -> bool:
        return len(self.refs) == len(dated) and all(r() is d for r, d in zip(self.refs, dated, strict=True))

    def eligible(self, doc_id: str, bounds: Bounds) -> np.ndarray:
        """The dated pages within the bounds, other than the page itself (`within`, for all)."""
        ok = self.dated.copy()
        ok[[i for i, x in enumerate(self.ids) if x == doc_id]] = False
        if bounds.lower and ok.any():
            ok &= self.days >= to_date(bounds.lower).toordinal()
        if bounds.upper and ok.any():
            ok &= self.days <= to_date(bounds.upper, end=True).toordinal()
        return ok

    def shared(self, words: set[str]) -> np.ndarray:
        """How many of these words each dated page uses."""
        hits = [self.postings[w] for w in sorted(words) if w in self.postings]
        if not hits:
            return np.zeros(len(self.ids), dtype=np.int64)
        return np.bincount(np.concatenate(hits), minlength=len(self.ids))


_last: list[DatedWords] = []  # the index of the latest build's dated pages


def dated_words(dated: list[Document]) -> DatedWords:
    """The word index of these dated pages: the one already made when they are the same
    documents (one build infers every undated page's anchor from the same pages)."""
    index = _last[0] if _last else None
    if index is None or not index.same(dated):
        index = DatedWords(dated)
        _last[:] = [index]
    return index


def most_similar(doc: Document, bounds: Bounds, dated: list[Document]) -> tuple[Document | None, float]:
    """The first dated page within the bounds whose content words overlap the page's most
    (Jaccard), and that overlap; (None, 0.0) when none overlaps at all."""
    index = dated_words(dated)
    ok = index.eligible(doc.id, bounds)
    if not ok.any():
        return None, 0.0
    words = content_words(doc.text)
    shared = index.shared(words)
    union = np.maximum(1, index.sizes + len(words) - shared)
    sims = np.where(ok, shared / union, -1.0)
    best = int(np.argmax(sims))  # the first of the best, as a scan keeping only strict gains
    if sims[best] <= 0.0:
        return None, 0.0
    return dated[best], float(sims[best])
