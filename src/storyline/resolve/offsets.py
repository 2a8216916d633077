"""A page's day told as an offset from another happening of the story: "on the third day of
the search", "the fifth day since the ship ran aground", "day six of the curfew", "three weeks
to the day after the council voted", "twelve days after the dam burst", or from a day it names
("five days ahead of the end-of-June deadline"), or as the time since one ("nine weeks
since the landslip", "fifteen months on from the spill").

A page without a date of its own is first placed only roughly (resolve/anchors.py: the
month of the page most like it). Such a phrase places it on a day, once the happening it
counts from is dated by the story's other pages: the statements of firmly dated pages that
tell, on one day, of what the phrase names (its content words, folded to their first five
letters so "eruption" meets "erupted"). The earliest day enough of their words support is the
happening's (later ones tell what followed it); the page's day is that plus the offset (the
first day of a search is the day it began).
Hedged offsets ("nearly five months after", "more than a week after") place nothing.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from typing import NamedTuple

from ..annotate.number_words import ORDINAL_WORDS, SPELLED, spelled_value
from ..dates import MONTHS, maybe_date
from ..lexicon import word_list
from ..model import Document, TimeValue, yearless_day
from ..store import Store
from ..story.statements import Statement

ORDINALS = {w: n for w, n in ORDINAL_WORDS.items() if n <= 12}  # "the third day of the strike"
_NUM = rf"\d{{1,3}}|a|{SPELLED}"  # "17", "a", "seventeen", "twenty-one"
_WHAT = r"(?P<what>[^.,;:!?()\"\u201c\u201d]{3,80})"
_DETERMINER = r"(?:the\s+|a\s+|this\s+|its\s+|their\s+)?"
_OF = r"\s+of\s+" + _DETERMINER
# "the third day of the strike", "the fifth day since the ship ran aground" (its day the first)
_OF_SINCE = r"\s+(?:of|since)\s+" + _DETERMINER
DAY_OF = re.compile(r"\bthe\s+(?P<ord>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+day" + _OF_SINCE + _WHAT, re.I)
DAY_N = re.compile(r"\bday\s+(?P<n>" + _NUM + r")" + _OF + _WHAT, re.I)
AFTER = re.compile(r"\b(?P<n>" + _NUM + r")\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:to\s+the\s+day\s+)?"
                   r"after\s+(?:the\s+)?" + _WHAT, re.I)
# "nine weeks since the landslip", "fifteen months on from the spill": the page's own day
SINCE = re.compile(r"\b(?P<n>" + _NUM + r")\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:since|on\s+from)\s+(?:the\s+)?"
                   + _WHAT, re.I)
# "five days ahead of the end-of-June deadline", "two weeks before the vote"
AHEAD = re.compile(r"\b(?P<n>" + _NUM + r")\s+(?P<unit>days?|weeks?)\s+(?:ahead\s+of|before)\s+(?:the\s+|its\s+|their\s+)?"
                   + _WHAT, re.I)
HEDGE = re.compile(r"(?:more|less|fewer|nearly|almost|about|around|roughly|some|over|under|least|to|within|"
                   r"than|just|barely|and|or)\s+$", re.I)  # "three weeks and a day after": not read
FUTURE = re.compile(r"\b(?:will|would|shall|'ll|could|(?-i:may)|might|if|unless)\b", re.I)  # "May" is a month
DEADLINE = ("by", "until", "till", "before", "after", "since")
TOLD_DAY_WINDOW = 183  # days between a page's rough place (resolve/anchors.py) and a day it tells that may date it
MIN_VOTES = 3  # words shared, summed over the pages that tell the day, that the happening's day needs


def _stems(text: str) -> set[str]:
    """Content words folded to their first five letters."""
    function = word_list("function_words")
    return {w[:5] for w in re.findall(r"[a-z][a-z-]{2,}", text.lower())
            if w not in function and w not in TIME_WORDS}


TIME_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon",
              "evening", "night", "today", "yesterday", "tonight"}


class Offset(NamedTuple):
    what: str  # what it counts from: a happening ("the search") or a day ("its March 14 deadline")
    days: int  # days after it (before it, when negative)
    months: int  # ... or months after it, to the day
    phrase: str


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else 1 if word == "a" else int(spelled_value(word) or 0)


def _span(m: re.Match[str]) -> tuple[int, int]:
    """(days, months) of "N days/weeks/months/years" as a match of AFTER, AHEAD or COUNTED_AFTER writes it."""
    n, unit = _number(m.group("n")), m.group("unit").lower().rstrip("s")
    days = {"day": n, "week": 7 * n}.get(unit)
    return (days, 0) if days is not None else (0, 12 * n if unit == "year" else n)


def offsets(text: str) -> list[Offset]:
    """The unhedged offset phrases of a sentence that tells no plan or condition."""
    out: list[Offset] = []
    for m in DAY_OF.finditer(text):
        word = m.group("ord").lower()
        n = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        out.append(Offset(m.group("what"), n - 1, 0, m.group(0)))
    for m in DAY_N.finditer(text):
        n = _number(m.group("n"))
        if n:
            out.append(Offset(m.group("what"), n - 1, 0, m.group(0)))
    for pattern, sign in ((AFTER, 1), (SINCE, 1), (AHEAD, -1)):
        for m in pattern.finditer(text):
            if HEDGE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            days, months = _span(m)
            if not months:
                out.append(Offset(m.group("what"), sign * days, 0, m.group(0)))
            elif sign > 0:
                out.append(Offset(m.group("what"), 0, months, m.group(0)))
    return [o for o in out if not FUTURE.search(text[:text.find(o.phrase)])]


def may_offset(text: str) -> bool:
    """Whether a page holds any offset phrase at all (a cheap test before its statements are read)."""
    return any(p.search(text) for p in (DAY_OF, DAY_N, AFTER, SINCE, AHEAD))


def shifted(day: dt.date, days: int = 0, months: int = 0) -> dt.date:
    """The day so many days, or months to the day, after `day` (before it when negative)."""
    if not months:
        return day + dt.timedelta(days=days)
    total = day.year * 12 + day.month - 1 + months
    year, month = total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


CLAUSE_VERB = re.compile(r"^(?:was|were|is|are|had|has|have|that|which|who)$|..+ed$")


def head_of(words: list[str], stems: set[str]) -> set[str] | None:
    """The words a phrase names its happening by: in a clause ("a crane arm failed", "the
    council voted") the first and the last word before its verb, in a noun phrase ("the
    walkout by the pilots", "the search at Brantholm") the first."""
    content = [(i, w[:5]) for i, w in enumerate(words) if w[:5] in stems]
    if not content:
        return None
    verb = next((i for i, w in enumerate(words) if i and CLAUSE_VERB.match(w)), None)
    before = [stem for i, stem in content if verb is not None and i < verb]
    return {before[-1], before[0]} if before else {content[0][1]}


def happening_day(store: Store, doc_id: str, what: str) -> str | None:
    """The day the story's firmly dated pages give to what a phrase names: the earliest day
    told near the phrase's head word ("the search", "the dam burst") and enough of its other
    words, on pages enough of whose words agree. Later days near the same words tell what
    followed it ("the search ended on Saturday")."""
    stems = _stems(what)
    words = re.findall(r"[a-z][a-z-]{2,}", what.lower())
    heads = head_of(words, stems)
    if heads is None:
        return None
    verbs = {w[:5] for w in words if w.endswith("ed") and len(w) > 4 and w[:5] in stems}  # "lifted", "voted"
    need = 1 if len(stems) <= 2 else 2
    keys = store.index.sharing_prefixes(sorted(stems), doc_id, CANDIDATES)
    best: dict[tuple[str, str], int] = {}  # (page, day) -> words the page's telling shares
    acted: set[str] = set()  # days told near the phrase's own verb
    for k, data in store.index.data(keys).items():
        o = Statement.from_data(k, data)
        if o.weak_date:
            continue
        text = o.sentence.text
        for t in o.times:
            if t.kind != "date" or t.granularity != "day" or not t.value or t.tense == "future" \
                    or t.modifier in DEADLINE:
                continue
            at = text.find(t.text)
            window = text[max(0, at - WINDOW):at + len(t.text) + WINDOW] if at >= 0 else text
            told = _stems(window)
            shared = len(stems & told)
            after = text[at + len(t.text):] if at >= 0 else ""
            if heads & told and shared >= need and (COUNTED_AFTER.match(after) or not counted_from(window, heads)):
                day = counted_back(t.value, after)  # ("on Friday, twelve days after the flood": counted back)
                if day:
                    best[(o.doc_id, day)] = max(best.get((o.doc_id, day), 0), shared)
                    if verbs & told:
                        acted.add(day)
    votes: Counter[str] = Counter()
    for (_, day), shared in best.items():
        votes[day] += shared
    supported = [day for day, n in votes.items() if n >= MIN_VOTES]
    # a phrase with its own verb ("the rocket lifted off") is dated by tellings of that act, if any
    supported = [day for day in supported if day in acted] or supported
    return min(supported, key=lambda d: maybe_date(d) or dt.date.max) if supported else None


RELATIVE_TO = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:after|since|before|following)\s+"
                         r"(?:(?:the|its|their|this|that)\s+)?(?:[a-z-]+\s+){0,2}?$", re.I)


def counted_from(window: str, heads: set[str]) -> bool:
    """The happening is named only as what the day is counted from ("the new bell was hung on
    Monday, nearly two years after the blaze"): the day is another one (not "since the storm
    closed the port on May 3", nor "on May 3, after divers reached ...")."""
    found = [m for m in re.finditer(r"[a-z][a-z-]{2,}", window.lower()) if m.group()[:5] in heads]
    return bool(found) and all(RELATIVE_TO.search(window[:m.start()]) for m in found)


COUNTED_AFTER = re.compile(r"^\W*(?P<n>" + _NUM + r")\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:to\s+the\s+day\s+)?after\b",
                           re.I)


def counted_back(value: str, after: str) -> str | None:
    """The day a told day counts from when an offset follows it ("on Sunday, May 17, five
    days after the dam burst": May 12), else the day itself; None when the
    offset is counted loosely in months or years."""
    m = COUNTED_AFTER.match(after)
    if not m:
        return value
    if m.group("unit").lower().startswith(("month", "year")) and "to the day" not in m.group(0).lower():
        return None  # "six months after": loosely counted, the day it counts from is not told
    start = maybe_date(value)
    days, months = _span(m)
    if start is None or not (days or months):
        return None
    return shifted(start, -days, -months).isoformat()


CANDIDATES = 60  # statements per word looked at: bounds the work per phrase
WINDOW = 80  # characters either side of a day that tell what happened on it


def offset_day(store: Store, statements: list[Statement]) -> tuple[str, str] | None:
    """(the page's day, why) from the first offset phrase of a page whose happening the
    story dates; None when there is none."""
    earliest = written_past(statements)
    for s in statements:
        for o in offsets(s.sentence.text):
            day = day_named(s, o.what) or happening_day(store, s.doc_id, o.what)
            start = maybe_date(day) if day else None
            if start is None:
                continue
            found = shifted(start, o.days, o.months)
            if earliest and found < earliest:
                continue  # the page tells, year and all, of a later day as past
            return found.isoformat(), f"dated by '{o.phrase.strip()}': the story dates it from {day}"
    return told_day(statements)


def page_offset_day(store: Store, doc: Document, statements: list[Statement]) -> tuple[str, str] | None:
    """`offset_day` for a page, unless the page's own dateline names another month and day
    ("June 12 (Wire) -", where the story dates the happening its phrase counts from in
    September): the dateline is the page's own word on its day."""
    found = offset_day(store, statements)
    month_day = yearless_day(doc.published.note)
    if found and month_day and found[0][5:] != f"{month_day[0]:02d}-{month_day[1]:02d}":
        return None
    return found


def told_day(statements: list[Statement]) -> tuple[str, str] | None:
    """(the page's day, why) from the latest day it tells as past, written out day, month and
    year ("the bill tabled on Feb. 11, 2026"): a page without a date of its own was written
    then or just after, unless that day lies far from where the story's other pages put it
    (a page that names an old day, "opened on March 3, 2019", of a story told years later)."""
    past = told_past(statements)
    told = [(d, t.text) for d, t in past if t.granularity == "day"]
    rough = maybe_date(statements[0].date) if statements and statements[0].date else None
    if not told or rough is None:
        return None
    day, text = max(told)
    if abs((day - rough).days) > TOLD_DAY_WINDOW or max(d for d, _ in past) != day:
        return None  # (a later day the page tells as past, to the month or the year, rules it out)
    return day.isoformat(), f"dated by '{text}': the latest day the page tells as past"


END_OF = re.compile(r"\bend[- ]of[- ](?P<month>" + "|".join(calendar.month_name[1:]) + r")\b", re.I)


def day_named(s: Statement, what: str) -> str | None:
    """The day a phrase names itself ("its March 14 deadline", "the end-of-June deadline"),
    read in the year of the sentence's own dates or of its page."""
    for t in s.times:
        if t.kind == "date" and t.granularity == "day" and t.value and t.text and t.text in what:
            return t.value
    m = END_OF.search(what)
    year = next((t.value[:4] for t in s.times if t.value and t.kind == "date"), None) or (s.date or "")[:4]
    if m and year.isdigit():
        month = MONTHS[m.group("month").lower()]
        return f"{year}-{month:02d}-{calendar.monthrange(int(year), month)[1]:02d}"
    return None


def written_past(statements: list[Statement]) -> dt.date | None:
    """The latest day a page tells as past with its year written out: it was written after."""
    return max((d for d, _ in told_past(statements)), default=None)


def told_past(statements: list[Statement]) -> list[tuple[dt.date, TimeValue]]:
    """(day, time) of each date the page tells as past with its year written out (not a
    deadline or a bound: "by", "until", "since" ...)."""
    return [(d, t) for s in statements for t in s.times
            if t.kind == "date" and t.tense == "past" and t.modifier not in DEADLINE
            and re.search(r"\b\d{4}\b", t.text or "") and (d := maybe_date(t.value)) is not None]
