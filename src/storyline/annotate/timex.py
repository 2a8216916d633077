"""A rule-based temporal tagger in the manner of HeidelTime.

Expressions are found by patterns, then normalised against a reference date (the
article's date, or an inferred one), with tense deciding the direction of underspecified
ones ("in July" in a past sentence is the last July; in a future one, the next). Each value
keeps its granularity: "2020" (year), "2020-06" (month), "2020-01-05" (day). Durations
stay durations ("P3Y", a range "P2Y-P5Y"); "N days earlier" counts from the last date the
text mentioned, "N days ago" from the article's date.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from ..dates import (
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    find_absolute_dates,
    iso,
    valid_day,
)
from .tense import Tense, deadline_tense, guess_tense, year_tense
from .timex_calendar import (  # noqa: F401 - Anchor and Timex are this module's too
    ABSOLUTE_RULES,
    FEATURES,
    HOLIDAY_RE,
    HOLIDAY_THINGS,
    HOLIDAYS,
    MAY_HOLD_TIME,
    MONTH_RULES,
    NUM,
    NUMBER_WORDS,
    ORDINAL,
    PART_OF_DAY,
    RULE_NEEDS,
    SPELLED_DAY,
    UNIT,
    UNIT_CODE,
    YEAR,
    Anchor,
    Timex,
    _weekday_year,
    _year_for,
    day_number,
    num,
    shift_day,
    shift_months,
)
from .timex_offsets import MEASURED_FROM, counted_offsets

# what follows "N days before/after" when the offset is counted from a thing the words name;
# "N days later/earlier than ..." is a comparison, not a date
COMPARED = re.compile(r"\s+than\b", re.I)


class Tagger:
    """Find and normalise the time expressions of one document, sentence by sentence."""

    def __init__(self, anchor: Anchor):
        self.anchor = anchor
        self.reference: str | None = None  # last day-level date mentioned, for "two days earlier"

    # each rule: (compiled pattern, handler(match, tense) -> (kind, value, granularity, modifier)),
    # compiled once for the class (a document's sentences are each tagged)
    def rules(self):
        if not Tagger._RULES:
            Tagger._RULES = [(pattern, handler.__name__) for pattern, handler in self._rules()]
            assert len(Tagger._RULES) == len(RULE_NEEDS)
        return [(pattern, getattr(self, name)) for pattern, name in Tagger._RULES]

    _RULES: list = []

    def _rules(self):
        return [
            (re.compile(rf"\b(?:on\s+)?(?P<mon>{MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<rel>this|last|next)\s+year\b", re.I), self.month_day_rel),
            (re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?:of\s+)?(?P<y>{YEAR})\b", re.I), self.month_year),
            (re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<rel>this|last|next)\s+year\b", re.I), self.month_rel_year),
            (re.compile(rf"\b(?P<rel>next|last|this|coming|past)\s+(?P<mon>{MONTH_RE})(?!\.?\s*\d)", re.I), self.rel_month),
            (re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<d>[0-3]?\d|(?:the\s+)?(?:{SPELLED_DAY}))(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I), self.month_day),
            (re.compile(rf"\b(?P<d>[0-3]?\d|(?:{SPELLED_DAY})(?=\s+of\s))(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE})\b(?!,?\s*\d)", re.I), self.day_month),
            (re.compile(r"\b(?:(?P<mod>at|by|until|till|before|after|from|since|towards?)\s+)?(?:the\s+)?(?P<edge>end|beginning|start|middle|close)\s+of\s+(?:the\s+)?(?P<rel>this|last|next|current|coming)\s+(?P<unit>month|year|week)\b", re.I), self.edge_rel),
            (re.compile(rf"\b(?:(?P<mod>at|by|until|till|before|after|from|since|towards?)\s+)?(?:the\s+)?(?P<edge>end|beginning|start|middle|close)\s+of\s+(?P<y>{YEAR})\b", re.I), self.edge_year),
            (re.compile(rf"\b(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|later|before|after|from now|hence)\b", re.I), self.offset),
            (re.compile(rf"\b(?:in\s+)?the\s+(?P<dir>next|coming|past|last|previous|following)\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})\b", re.I), self.window),
            (re.compile(r"\b(?P<rel>this|last|next|past|previous|coming|current|following)\s+(?P<unit>week|month|year)\b", re.I), self.rel_unit),
            (re.compile(r"\b(?:in|over|during|within)\s+the\s+(?P<rel>coming|next|past|last|recent)\s+(?:few\s+)?(?P<unit>days|weeks|months|years)\b", re.I), self.vague_window),
            (re.compile(r"\b(?:in\s+the\s+near\s+future|soon)\b", re.I), self.vague_future),
            (re.compile(rf"\b(?:(?P<mod>in|since|by|until|till|from|during|before|after|early|late|mid-?|end of|"
                        rf"(?:the\s+)?(?:start|beginning|middle|(?:first|second|third|last)\s+(?:week|fortnight|half|days))\s+of)\s+"
                        rf"|mid-)(?P<mon>{MONTH_RE})\b(?!\.?\s*\d)(?!\s+(?:this|last|next)\s+year)", re.I), self.bare_month),
            (re.compile(rf"\b(?:(?P<rel>last|next|this|on)\s+)?(?P<wd>{WEEKDAY_RE}){PART_OF_DAY}\b(?!,?\s+(?:{MONTH_RE}\s+\d|\d{{1,2}}\s+{MONTH_RE}))", re.I), self.weekday),
            (re.compile(rf"\b(?:on\s+)?the\s+(?P<d>{ORDINAL})\b(?![\s-]+(?:century|anniversary|floor|time|round|day|week|month|year|of)"
                        r"|-)", re.I), self.ordinal_day),  # not "the 12th-century", "the 2nd-largest"
            (re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
                        re.I), self.deictic),
            (re.compile(r"\b(?P<lo>\d{1,2})\s*(?:-|–|to)\s*(?P<hi>\d{1,2})[- ](?P<unit>day|week|month|year)s?(?:\s+(?:time\s*frame|timeframe|period|timetable|window))?\b", re.I), self.duration_range),
            (re.compile(rf"\b(?:(?P<mod>within|for|after|in|over|nearly|almost|about|around|more than|less than|at least|up to)\s+)?(?:(?:nearly|almost|about|around|more than|less than|at least|up to)\s+)?(?P<n>{NUM})[- ](?P<unit>{UNIT})\b(?!\s+(?:ago|earlier|later|old|before|after))", re.I), self.duration),
            (re.compile(rf"\b(?:(?P<mod>in|since|by|until|till|before|after|from|during|of|early|late|mid-?)\s+)?(?<![\d,.$-])(?<!\bdue\s)(?P<y>{YEAR})(?!\d|,\d|\s*%|-\d|\s*(?:people|troops|soldiers|km|kilometers|tons))\b", re.I), self.year),
            (re.compile(rf"\b(?P<h>{HOLIDAY_RE})(?!['’]?s?\s+(?:{HOLIDAY_THINGS})\b)", re.I), self.holiday),
        ]

    # -- handlers ------------------------------------------------------------------------
    def month_day_rel(self, m, tense):
        y = self._rel_year(m.group("rel"))
        mon, d = MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d"))
        if y is None or not valid_day(y, mon, d):
            return "date", None, "day", None
        return "date", iso(y, mon, d), "day", None

    def month_year(self, m, tense):
        return "date", iso(int(m.group("y")), MONTHS[m.group("mon").lower().rstrip(".")]), "month", None

    def month_rel_year(self, m, tense):
        y = self._rel_year(m.group("rel"))
        mon = MONTHS[m.group("mon").lower().rstrip(".")]
        return "date", iso(y, mon) if y else None, "month", None

    def rel_month(self, m, tense):
        rel = m.group("rel").lower()
        mon = MONTHS[m.group("mon").lower().rstrip(".")]
        parts = self.anchor.parts
        if not parts:
            return "date", None, "month", None
        y = parts[0]
        if len(parts) > 1:
            if rel in ("next", "coming") and mon <= parts[1]:
                y += 1
            elif rel in ("last", "past") and mon >= parts[1]:
                y -= 1
        elif rel in ("last", "past"):
            y -= 1 if tense != "past" else 0
        return "date", iso(y, mon), "month", None

    def month_day(self, m, tense):
        word = m.group("mon")
        if word.lower() == "may" and word[0] == "m" and not self._lower_doc:
            return None  # the verb "may"
        mon, d = MONTHS[word.lower().rstrip(".")], day_number(re.sub(r"^the\s+", "", m.group("d"), flags=re.I))
        y = _weekday_year(m, mon, d, _year_for(mon, d, self.anchor, tense))
        if y is None or not valid_day(y, mon, d):
            return "date", None, "day", None
        return "date", iso(y, mon, d), "day", None

    def bare_month(self, m, tense):
        word = m.group("mon")
        if word.lower().rstrip(".") in ("may", "mar", "jan", "jun", "sep", "oct", "dec", "aug") and \
                not word[0].isupper() and not self._lower_doc:
            return None  # "in may", "by mar": words, not months
        mon = MONTHS[word.lower().rstrip(".")]
        y = _year_for(mon, None, self.anchor, tense)
        mod = (m.group("mod") or "").lower()
        return "date", iso(y, mon) if y else None, "month", mod if mod in ("by", "until", "till", "since", "before", "after") else None

    def day_month(self, m, tense):
        return self.month_day(m, tense)

    def holiday(self, m, tense):
        """A feast on a fixed day ("before Christmas", "by New Year's Eve"): that day."""
        mon, d = HOLIDAYS[re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")]
        y = _year_for(mon, d, self.anchor, tense)
        return "date", iso(y, mon, d) if y else None, "day", None

    def edge_rel(self, m, tense):
        unit, rel = m.group("unit").lower(), m.group("rel").lower()
        mod = (m.group("mod") or "").lower() or None
        edge = m.group("edge").lower()
        parts = self.anchor.parts
        if not parts:
            return "date", None, unit, edge
        delta = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit == "year":
            return "date", iso(parts[0] + delta), "year", mod or edge
        if unit == "month" and len(parts) > 1:
            y, mo = shift_months(parts[0], parts[1], delta)
            return "date", iso(y, mo), "month", mod or edge
        return "date", None, unit, mod or edge

    def edge_year(self, m, tense):
        mod = (m.group("mod") or "").lower() or m.group("edge").lower()
        return "date", iso(int(m.group("y"))), "year", mod

    def offset(self, m, tense):
        n = int(num(m.group("n")))
        unit = m.group("unit").lower()
        direction = m.group("dir").lower()
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if (direction in ("before", "after") and MEASURED_FROM.match(m.string, m.end()) and not self.reference) \
                or (direction in ("earlier", "later") and COMPARED.match(m.string, m.end())):
            # "a week later than planned" compares; "two years before the spill", with no day
            # told before it to count from, counts from a thing the page does not date
            return "date", None, None, direction
        if direction in ("earlier", "later", "before", "after") and self.reference:
            base = self.reference
        else:
            base = self.anchor.value if len(self.anchor.parts) == 3 else None  # type: ignore[assignment]
        if not base:
            return "date", None, None, direction
        value, gran = shift_day(date.fromisoformat(base), unit, sign * n)
        return "date", value, gran, direction

    def window(self, m, tense):
        n = num(m.group("n"))
        code = UNIT_CODE[m.group("unit").lower().rstrip("s")]
        if m.group("unit").lower().startswith("decade"):
            n *= 10
        return "duration", f"P{_fmt(n)}{code}", None, m.group("dir").lower()

    def rel_unit(self, m, tense):
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        parts = self.anchor.parts
        delta = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        if not parts:
            return "date", None, unit, None
        if unit == "year":
            return "date", iso(parts[0] + delta), "year", None
        if unit == "month" and len(parts) > 1:
            y, mo = shift_months(parts[0], parts[1], delta)
            return "date", iso(y, mo), "month", None
        if unit == "week" and len(parts) == 3:
            d = date(*parts) + timedelta(weeks=delta)
            return "date", d.isoformat(), "week", None
        return "date", None, unit, None

    def vague_window(self, m, tense):
        rel = m.group("rel").lower()
        return "date", None, None, "future" if rel in ("coming", "next") else "past"

    def vague_future(self, m, tense):
        return "date", None, None, "future"

    def weekday(self, m, tense):
        word = m.group("wd")
        rel = (m.group("rel") or "").lower()
        if len(word.rstrip(".")) <= 4 and not word[0].isupper() and not rel:
            return None  # "sat", "wed" as words, not days
        if word.lower().rstrip(".") in ("sun", "mon", "sat", "wed") and not rel:
            return None
        if not rel and re.search(r"\b(the|a|an|every|each)\s+$", m.string[max(0, m.start() - 8): m.start()], re.I):
            return None  # "the Saturday market": a kind of thing, not a day
        parts = self.anchor.parts
        if len(parts) < 3:
            return "date", None, "day", None
        a = date(*parts)
        target = WEEKDAYS[word.lower().rstrip(".")]
        if rel == "next" or (tense == "future" and rel != "last"):
            delta = (target - a.weekday()) % 7 or (7 if rel == "next" else 0)
            return "date", (a + timedelta(days=delta)).isoformat(), "day", None
        delta = (a.weekday() - target) % 7
        if rel == "last" and delta == 0:
            delta = 7
        return "date", (a - timedelta(days=delta)).isoformat(), "day", None

    def ordinal_day(self, m, tense):
        d = int(re.sub(r"\D", "", m.group("d")))
        parts = self.anchor.parts
        if len(parts) < 2 or not 1 <= d <= 31:
            return "date", None, "day", None
        y, mo = parts[0], parts[1]
        if len(parts) == 3 and d > parts[2] and tense != "future":
            y, mo = shift_months(y, mo, -1)
        if not valid_day(y, mo, d):
            return "date", None, "day", None
        return "date", iso(y, mo, d), "day", None

    def deictic(self, m, tense):
        parts = self.anchor.parts
        if len(parts) < 3:
            return "date", None, "day", None
        word = " ".join(m.group("w").lower().split())
        delta = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)  # today, tonight, this morning
        return "date", (date(*parts) + timedelta(days=delta)).isoformat(), "day", None

    def duration_range(self, m, tense):
        code = UNIT_CODE[m.group("unit").lower()]
        return "duration", f"P{m.group('lo')}{code}-P{m.group('hi')}{code}", None, "range"

    def duration(self, m, tense):
        n = num(m.group("n"))
        unit = m.group("unit").lower().rstrip("s")
        if unit == "decade":
            n, unit = n * 10, "year"
        mod = (m.group("mod") or "").lower() or None
        return "duration", f"P{_fmt(n)}{UNIT_CODE[unit]}", None, mod

    def year(self, m, tense):
        mod = (m.group("mod") or "").lower() or None
        after = re.match(r"\s+([a-z]+)", m.string[m.end():])
        if mod is None and after and after.group(1).endswith("s") and not after.group(1).endswith("ss"):
            return None  # "2010 vehicles": a count, not a year

        if mod == "of":
            mod = None
        return "date", m.group("y"), "year", mod

    # -- helpers -------------------------------------------------------------------------
    _lower_doc = False

    def _rel_year(self, rel: str) -> int | None:
        parts = self.anchor.parts
        if not parts:
            return None
        return parts[0] + {"last": -1, "next": 1}.get(rel.lower(), 0)

    def tag(self, text: str, tense_at: Callable[[int], Tense] | None = None,
            lowercase: bool = False, only: frozenset[str] | None = None) -> list[Timex]:
        """All time expressions of one sentence, left to right, without overlaps (`only`: of
        the rules so named, ABSOLUTE_RULES or MONTH_RULES, and full dates; for a reader who
        needs no other kind)."""
        self._lower_doc = lowercase
        if not MAY_HOLD_TIME.search(text):
            return []
        tense_at = tense_at or (lambda pos: guess_tense(text, pos))
        found: list[tuple[int, int, str, tuple]] = []
        have = {name for name, feature in FEATURES.items() if feature.search(text)}
        if "digit" in have:
            for start, end, value in find_absolute_dates(text):
                found.append((start, end, "abs", ("date", value, "day", None)))
        for (pattern, handler), need in zip(self.rules(), RULE_NEEDS, strict=True):
            if need not in have or (only is not None and handler.__name__ not in only):
                continue
            for m in pattern.finditer(text):
                found.append((m.start(), m.end(), "rule", (handler, m)))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        chosen: list[Timex] = []
        last_end = -1
        for start, end, how, payload in found:
            if start < last_end:
                continue
            if how == "abs":
                result = payload
                tense = deadline_tense(text, start) or tense_at(start)
            else:
                handler, m = payload
                tense = deadline_tense(text, start) or tense_at(start)
                result = handler(m, year_tense(text, start, tense, functools.partial(tense_at, start))
                                 if handler.__name__ in YEARLESS else tense)
                if result is None:
                    continue
            kind, value, gran, mod = result
            chosen.append(Timex(start, end, text[start:end], kind, value, gran, mod, tense))
            last_end = end
            if kind == "date" and value and gran == "day" and tense != "future":
                self.reference = value  # "two days earlier" counts from the story's last past day, not a plan
        return counted_offsets(text, chosen)


YEARLESS = {"month_day", "day_month", "bare_month"}  # handlers that seek the year of a day or month written without one


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def tag_text(text: str, anchor: str | None, origin: str = "published") -> list[Timex]:
    """Convenience for tests and the evaluation script: one text, one reference date."""
    return Tagger(Anchor(anchor, origin)).tag(text)


def tag_lines(text: str, anchor: str | None, origin: str = "published",
              only: frozenset[str] | None = None) -> list[Timex]:
    """A whole page's time expressions without a parse, tagged line by line as the annotate
    stage tags sentence by sentence (a line without a digit or calendar word costs a search);
    offsets point into `text`; `only` as for Tagger.tag."""
    return tag_each_line(Tagger(Anchor(anchor, origin)), text, only=only)


def tag_each_line(tagger: Tagger, text: str, tense_at: Callable[[int], Tense] | None = None,
                  only: frozenset[str] | None = None) -> list[Timex]:
    """`tagger.tag` on each line of `text` in turn; `tense_at` and the offsets returned are
    positions in the whole text."""
    found = []
    for line in LINE.finditer(text):
        at = line.start()
        line_tense = None if tense_at is None else functools.partial(_shifted, tense_at, at)
        found += [replace(t, start=t.start + at, end=t.end + at)
                  for t in tagger.tag(line.group(), line_tense, only=only)]
    return found


def _shifted(tense_at: Callable[[int], Tense], at: int, pos: int) -> Tense:
    return tense_at(at + pos)


LINE = re.compile(r"[^\n]+")
