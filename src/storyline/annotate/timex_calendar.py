"""The vocabulary and calendar arithmetic of the temporal tagger (annotate/timex.py): number
words, units, the reference date (`Anchor`), the expression found (`Timex`), which words each
rule needs before it is worth running, and the year an underspecified date falls in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import (
    _MONTH_ALT,
    _WEEKDAY_ALT,
    WEEKDAY_RE,
    WEEKDAYS,
    iso,
    parse_iso,
    valid_day,
)
from ..lexicon import word_list
from .number_words import ORDINAL_WORDS
from .tense import Tense

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2, "half a": 0.5,
}
NUM = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True)) + ")"
UNIT = r"(?:day|week|month|year|decade)s?"
UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}
YEAR = r"(?:19[4-9]\d|20[0-9]\d)"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
ORDINAL = r"(?:[0-3]?\d)(?:st|nd|rd|th)"
# days of a month written as ordinal words, as transcripts and some styles do ("the nineteenth
# of June", "June twenty-first")
SPELLED_DAY = "|".join(sorted((w.replace("-", "[- ]") for w in ORDINAL_WORDS), key=len, reverse=True))


def day_number(written: str) -> int:
    """The day a day of the month is written as: "19", "19th" or "nineteenth"."""
    low = re.sub(r"\s+", "-", written.strip().lower())
    return ORDINAL_WORDS[low] if low in ORDINAL_WORDS else int(re.sub(r"\D", "", low))


# What each rule of Tagger._rules needs somewhere in a sentence (RULE_NEEDS, in the rules'
# order), found by a cheap search first: a digit, a month or weekday name, a calendar unit,
# "soon"/"future" or a deictic word.
FEATURES = {"digit": re.compile(r"\d"), "month": re.compile(rf"\b(?:{_MONTH_ALT})", re.I),
            "weekday": re.compile(rf"\b(?:{_WEEKDAY_ALT})", re.I),
            "unit": re.compile(r"day|week|month|year|decade", re.I), "soon": re.compile(r"soon|future", re.I),
            "deictic": re.compile(r"today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)", re.I),
            "holiday": re.compile(r"christmas|new\s+year", re.I)}
RULE_NEEDS = ("month", "month", "month", "month", "month", "month", "unit", "digit", "unit", "unit", "unit",
              "unit", "soon", "month", "weekday", "digit", "deictic", "digit", "unit", "digit", "holiday")
# any of them: most sentences hold none and are not scanned by the rules at all
# feasts on a fixed day of the calendar, which dates are told by ("the repairs done before Christmas")
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31)}
HOLIDAY_RE = r"christmas(?:\s+(?:day|eve))?|new\s+year['\u2019]s\s+(?:day|eve)"
# ... not where the feast names a thing ("a Christmas market", "his Christmas promise"; data/lexicons)
HOLIDAY_THINGS = "|".join(re.escape(w) for w in sorted(word_list("holiday_things"), key=lambda w: (-len(w), w)))
MAY_HOLD_TIME = re.compile("|".join(f"(?:{f.pattern})" for f in FEATURES.values()), re.I)
# the rules that can give a value without a reference date (the others need one): what
# written_dates reads an undated page's own dates with
ABSOLUTE_RULES = frozenset({"month_year", "edge_year", "year", "offset"})
# the rules whose expressions name a month (with full dates: what a page tells by name)
MONTH_RULES = frozenset({"month_day_rel", "month_year", "month_rel_year", "rel_month", "month_day",
                         "day_month", "bare_month"})


@dataclass
class Anchor:
    """The reference date: at least a year, maybe a month and day."""

    value: str | None
    origin: str = "published"  # "published" | "inferred" | "none"

    @property
    def parts(self) -> tuple[int, ...]:
        return parse_iso(self.value) or ()


@dataclass
class Timex:
    start: int
    end: int
    text: str
    kind: str  # "date" | "duration"
    value: str | None
    granularity: str | None
    modifier: str | None = None
    tense: str | None = None


def num(token: str) -> float:
    token = token.lower().strip()
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token, 1)


def shift_months(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def shift_day(d: date, unit: str, n: int) -> tuple[str, str]:
    unit = unit.rstrip("s")
    if unit == "day":
        return (d + timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (d + timedelta(weeks=n)).isoformat(), "day"
    if unit == "month":
        y, m = shift_months(d.year, d.month, n)
        return iso(y, m), "month"
    if unit == "decade":
        return iso(d.year + 10 * n), "year"
    return iso(d.year + n), "year"


WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?$", re.I)


def _weekday_year(m: re.Match, month: int, day: int, year: int | None) -> int | None:
    """A weekday written with the date ("Monday, December 9") settles its year: of the
    guessed year and its neighbours, the one where that day falls on that weekday."""
    wd = WEEKDAY_BEFORE.search(m.string[max(0, m.start() - 16):m.start()])
    if year is None or not wd:
        return year
    return next(iter(weekday_years(wd.group("wd"), month, day, (year, year + 1, year - 1))), year)


def weekday_years(weekday: str, month: int, day: int, years: tuple[int, ...]) -> list[int]:
    """Of these years, those in which the month's day falls on the weekday ("Friday", "fri.")."""
    target = WEEKDAYS[weekday.lower().rstrip(".")]
    return [y for y in years if valid_day(y, month, day) and date(y, month, day).weekday() == target]


def _year_for(month: int, day: int | None, anchor: Anchor, tense: Tense) -> int | None:
    """The year of an underspecified month (and day), by tense, relative to the anchor."""
    parts = anchor.parts
    if not parts:
        return None
    y = parts[0]
    if len(parts) == 1:
        return y
    a_month = parts[1]
    a_day = parts[2] if len(parts) > 2 else None
    later = (month, day or 0) > (a_month, a_day or 31) if a_day else month > a_month
    earlier = (month, day or 32) < (a_month, a_day or 1) if a_day else month < a_month
    if tense == "nearest":  # a plan told as one made earlier: its date may lie either side of the telling
        here = date(y, a_month, a_day or 15)
        return min((y - 1, y, y + 1), key=lambda c: abs((date(c, month, min(day or 15, 28)) - here).days))
    if tense == "past" and later:
        return y - 1
    if tense == "future" and earlier:
        return y + 1
    return y

