"""Dates of deadlines: the phrases the time tagger leaves coarse or out, and years written nowhere.

"The first quarter of 2026" is March 2026, "the first half of next year" June, "spring 2026"
2026, "before the end of the year" the year said in, "no earlier than October" the next
October, "18 to 31 August 2025" the 18th. A month and day written without a year are placed
after the day they were said for a new deadline, nearest it for a recalled one; "the end of
June" is its last day; a period ("within 30 days") counts from the day it was said, which is
the page's date unless the sentence names the day or month of its saying ("said on Tuesday",
"told the Courier in March").
"""
from __future__ import annotations

import datetime as dt
import re

from ..annotate.timex_calendar import weekday_years
from ..dates import MONTH_RE, MONTHS, WEEKDAY_RE, iso, parse_iso, to_date, valid_day
from ..model import TimeValue
from ..story.statements import Statement
from . import commitment_words as words

MONTH_NAMED = re.compile(rf"\b{MONTH_RE}(?![a-z])", re.I)
EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b(?:this|next|last)\s+year\b", re.I)
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}
SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
_YEAR_TAIL = r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)|\s+(?:of\s+)?(?P<rel>this|next|last)\s+year|\s+of\s+the\s+year)?"
EXTRA_PATTERNS = [
    ("quarter", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
                           r"quarter" + _YEAR_TAIL, re.I)),
    ("quarter", re.compile(r"\bQ(?P<ord>[1-4])" + r"(?:\s+(?P<y>(?:19|20)\d\d))?(?P<rel>)", re.I)),
    ("half", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half" + _YEAR_TAIL, re.I)),
    ("season", re.compile(r"\b(?:(?P<rel>this|next|last|coming)\s+)?(?P<ord>spring|summer|autumn|fall|winter)"
                          r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?\b", re.I)),
    ("year_end", re.compile(r"\b(?:the\s+)?(?:end|close)\s+of\s+the\s+year\b|\byear[-\s]end\b|\byear's\s+end\b"
                            r"(?P<ord>)(?P<y>)(?P<rel>)", re.I)),
    ("month", re.compile(rf"\bno\s+(?:earlier|later)\s+than\s+(?P<ord>{MONTH_RE})(?![a-z])(?!\s*\d)"
                         rf"(?:\s+(?P<y>(?:19|20)\d\d))?(?P<rel>)", re.I)),
    ("month", re.compile(rf"\b(?:the|its|their|his|her|an?)\s+(?:end-of-)?(?P<ord>{MONTH_RE})(?![a-z])(?P<y>)(?P<rel>)"
                         rf"(?=\s+(?:date|deadline|target|goal|timetable|timeline)\b)", re.I)),
    ("month", re.compile(rf"\bend-of-(?P<ord>{MONTH_RE})(?![a-z])(?P<y>)(?P<rel>)", re.I)),
    ("month", re.compile(rf"\bmid-?\s*(?P<ord>{MONTH_RE})(?![a-z])(?:,?\s+(?P<y>(?:19|20)\d\d))?(?P<rel>)", re.I)),
    ("month", re.compile(rf"\b(?:first|second|third|fourth|last|final)\s+(?:week|days?)\s+of\s+(?P<ord>{MONTH_RE})(?![a-z])"
                         rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?P<rel>)", re.I)),
    ("year", re.compile(r"\bmid-?\s*(?P<y>(?:19|20)\d\d)\b(?P<ord>)(?P<rel>)", re.I)),
    ("month_end", re.compile(r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+month\b(?P<ord>)(?P<y>)(?P<rel>)", re.I)),
    ("day_range", re.compile(rf"\b(?P<rel>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|-|–|until)\s*[0-3]?\d(?:st|nd|rd|th)?\s+"
                             rf"(?P<ord>{MONTH_RE})(?![a-z])(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.I)),
]


def add_period(start: str, period: str) -> str | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMY])", period)
    parts = parse_iso(start)
    if not m or not parts:
        return None
    n, unit = float(m.group(1)), m.group(2)
    if unit in "DW" and len(parts) == 3:
        days = n * (7 if unit == "W" else 1)
        return (dt.date(*parts) + dt.timedelta(days=days)).isoformat()
    if unit == "M" and len(parts) >= 2:
        total = parts[0] * 12 + parts[1] - 1 + int(n)
        return iso(total // 12, total % 12 + 1)
    if unit == "Y":
        return iso(parts[0] + int(n))
    return None


def deadline_due(t: TimeValue, text: str, start: int, sides: tuple[str, str], stated: str | None, role: str,
                 weak: bool = False, given: bool = False) -> str | None:
    """The due date of a time expression read as a deadline (`sides`: the sentence left and
    right of it; `weak`: the page's date is estimated or may not be its own; `given`: a period
    granted before it, "gave the firm 30 days to")."""
    left, right = sides
    if t.kind == "duration" and t.value and stated:
        counted = bool(t.modifier in ("within", "next", "coming", "in") or given and re.match(r"\s+to\b", right))
        counted = counted and not words.PAST_PERFECT.search(left)  # from a day the sentence does not give
        return add_period(stated, t.value) if counted else None
    if t.kind != "date" or not t.value:
        return None
    parts = parse_iso(t.value)
    if not parts or not stated or len(parts) == 1 or EXPLICIT_YEAR.search(t.text) or not MONTH_NAMED.search(t.text):
        return t.value
    if t.modifier in ("after", "later", "before", "earlier", "ago"):
        return t.value  # counted from another date: its year came with it
    role = words.looked_back(text, start, role)
    return place_year(parts[1], parts[2] if len(parts) == 3 else None, stated,
                      "loose" if role == "new" and weak else role, text[:start])


WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?$", re.I)
# a page whose date is estimated: a new deadline up to this many days before that date is
# still read in its year (the estimate is often late: it comes from the page's latest news)
LOOSE_BACK_DAYS = 120


def place_year(month: int, day: int | None, stated: str, role: str, before: str = "") -> str:
    """A date written without its year: the first such day on or after `stated` for a new
    deadline (on a page whose date is estimated, `role` "loose", the first after some months
    before it), the nearest one for a recalled one; a weekday written with it ("to Friday May
    29", `before` ending with it) settles the year among the nearest three."""
    sd = to_date(stated)
    y = sd.year
    wd = WEEKDAY_BEFORE.search(before[-16:]) if day else None
    if wd and day:
        fits = weekday_years(wd.group("wd"), month, day, (y - 1, y, y + 1))
        if len(fits) == 1:
            return iso(fits[0], month, day)
    if role == "loose" and len(parse_iso(stated) or ()) == 1:
        return iso(y, month, day)  # a page placed only in a year: the day in that year
    if role == "loose":
        for k in (y - 1, y, y + 1):
            if day is None or valid_day(k, month, day):
                last = to_date(iso(k, month, day), end=True)
                if (last - sd).days > -LOOSE_BACK_DAYS:
                    return iso(k, month, day)
        return iso(y + 1, month, day)
    key = (month, day or (31 if role == "new" else 1))
    if role == "new" and key < (sd.month, sd.day if len(parse_iso(stated) or ()) == 3 else 1):
        y += 1
        return iso(y, month, day)
    if role == "recall":  # the nearest such day: an old deadline may be past or still ahead
        options = [(y + k, month, day) for k in (-1, 0, 1) if day is None or valid_day(y + k, month, day)]
        return min((iso(*o) for o in options), key=lambda v: abs((to_date(v) - sd).days))
    return iso(y, month, day)


def extra_times(text: str, stated: str | None) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, value) of the deadline phrases the time tagger leaves coarse or out."""
    out: list[tuple[int, int, str, str]] = []
    for kind, pattern in EXTRA_PATTERNS:
        for m in pattern.finditer(text):
            value = _extra_value(kind, m, stated)
            if value and not any(s < m.end() and m.start() < e for s, e, _, _ in out):
                out.append((m.start(), m.end(), m.group(), value))
    return out


def _extra_value(kind: str, m: re.Match[str], stated: str | None) -> str | None:
    parts = parse_iso(stated) if stated else None
    y: int | None = int(m.group("y")) if m.group("y") else None
    rel = (m.group("rel") or "").lower()
    if y is None and parts:
        y = parts[0] + {"next": 1, "last": -1}.get(rel, 0)
    if kind == "day_range":
        y = 0  # placed below
    if y is None:
        return None
    token = (m.group("ord") or "").lower()
    if kind == "day_range":  # "18 to 31 August 2025": it starts on the 18th
        month, day = MONTHS[token.rstrip(".")], int(rel)
        y = int(m.group("y")) if m.group("y") else None
        if y is not None:
            return iso(y, month, day) if valid_day(y, month, day) else None
        return place_year(month, day, stated, "new") if stated else None
    if kind in ("year_end", "year"):
        return iso(y)
    if kind == "month_end":
        return iso(parts[0], parts[1]) if parts and len(parts) > 1 else None
    if kind == "season":
        if not (rel or m.group("y")):
            return None  # "summer" alone may be any summer, or no time at all
        end = SEASON_END.get(token)  # by the end of the (northern) season; winter spans two years
        return iso(y, end) if end else iso(y)
    if kind == "month":
        month = MONTHS[token.rstrip(".")]
        if m.group("y"):
            return iso(y, month)
        return place_year(month, None, stated, "new") if stated else None
    if kind == "quarter":
        month = (int(token) if token.isdigit() else ORDINALS[token]) * 3
    else:
        month = ORDINALS[token] * 6
    if not (m.group("y") or rel) and parts and len(parts) > 1 and month < parts[1]:
        y += 1  # "the fourth quarter" said in the spring of a year: that year's; in May, "the first half": the next
    return iso(y, month)


BARE_MONTH = re.compile(rf"\b(?:to|until|till|into|for|from|of|than|by|before|after)\s+(?:early\s+|late\s+)?"
                        rf"(?P<m>{MONTH_RE})(?![a-z])(?!\s*[0-3]?\d\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.I)


def bare_months(text: str, stated: str | None) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, value) of months named alone after a preposition ("slipped to
    September instead of April"), which the time tagger leaves out; written with a capital
    (not the modal "may")."""
    out: list[tuple[int, int, str, str]] = []
    for m in BARE_MONTH.finditer(text):
        name = m.group("m")
        if not name[0].isupper() or not stated:
            continue
        month = MONTHS[name.lower().rstrip(".")]
        value = iso(int(m.group("y")), month) if m.group("y") else place_year(month, None, stated, "new")
        out.append((m.start("m"), m.end(), text[m.start("m"):m.end()], value))
    return out


def loose_year(phrase: str) -> bool:
    """Whether a date phrase names a month but leaves its year to the page's date ("on 2
    October", "by the end of March")."""
    return bool(MONTH_NAMED.search(phrase)) and not EXPLICIT_YEAR.search(phrase)


TOLD_BACK = re.compile(r"\b(?:had\s+(?:said|promised|pledged|planned|set|agreed|announced)|(?:first|originally|initially)\b|"
                       r"(?:was|were)\s+(?:meant|supposed|due|scheduled|set|expected)\b)", re.I)


def told_back(t: TimeValue | None, left: str) -> bool:
    """A deadline told as set in the past ("set a new target of October 3", "had promised
    to pay by the end of March"): the day it was set is not the page's, so a year left
    unwritten is uncertain (see dates.near_year)."""
    return t is not None and (t.tense == "past" or bool(TOLD_BACK.search(left)))


END_OF = re.compile(r"\b(?:end|close)\b|\byear's\s+end\b", re.I)


def last_day(value: str) -> str:
    """The last day of the period a date names ("2024-06" -> "2024-06-30"; "2024" -> "2024-12-31")."""
    parts = parse_iso(value) or ()
    if len(parts) == 1:
        return iso(parts[0], 12, 31)
    if len(parts) == 2:
        return to_date(value, end=True).isoformat()
    return value


SHIFTED_BY = re.compile(r"\b(?:pushed\s+back|put\s+back|moved\s+back|set\s+back|delayed|postponed|deferred|extended|"
                        r"slipped|put\s+off)\s+(?:[\w'-]+\s+){0,4}?by\s+(?:about\s+|around\s+|another\s+|a\s+further\s+)?$", re.I)
NEW_DATE_AFTER = re.compile(r"\s*,?\s*(?:to|until|till|into)\b", re.I)


def shifted_by(text: str, start: int, phrase: str, period: str | None, old: str) -> str | None:
    """The new date of a deadline moved by a period and no date ("the vote, set for May 3, was
    pushed back by a week": May 10), counted from the old deadline; None when the sentence
    names the new date itself ("delayed by two months, to August")."""
    if not period or start < 0 or not SHIFTED_BY.search(text[:start]) or NEW_DATE_AFTER.match(text[start + len(phrase):]):
        return None
    return add_period(old, period)


def statement_date(s: Statement, skip: TimeValue | None = None) -> str | None:
    """When a statement was made: a past day it names ("On May 2, X said"), else its page's date."""
    text = s.sentence.text
    for t in s.times:
        if t is not skip and t.kind == "date" and t.granularity in ("day", "month") and t.value \
                and t.tense in ("past", "present") and (not s.date or t.value <= s.date) \
                and (t.verb in (None, "say", "tell", "state", "announce") and (
                    _said_on(text, t.text) if t.granularity == "day" else _said_in(text, t.text))
                     or _said_when(text, t.text)):
            return t.value
    return s.date


SAID_IN = re.compile(r"\b(?:said|told)(?:\s+(?!that\b)[\w.'\u2019-]+){0,4}\s+$", re.I)


SAYING = re.compile(r"\b(?:said|says|told|tells|announced|announces|stated|states|added|adds)\b", re.I)


def _said_in(text: str, phrase: str) -> bool:
    """A month that says when something was said: "told reporters in March (that ...)"."""
    at = text.find(phrase)
    return at > 0 and phrase.lower().startswith("in ") and bool(SAID_IN.search(text[max(0, at - 60):at])) \
        and len(SAYING.findall(text)) == 1  # not "X said in June it would ...; it now says ..."


SAID_WHEN = re.compile(r"\W*(?:when|as)\s[^,;]{0,100}$", re.I)  # "When the bid went in on 3 May, "
SAID_AFTER = re.compile(r"[^,;]{0,60},\s+(?:[\w'\u2019.-]+\s+){1,5}?(?:said|told|announced|stated)\b", re.I)


def _said_when(text: str, phrase: str) -> bool:
    """A day in a clause that opens the sentence and says when the saying was ("When the
    bid went in on 3 May, the board said it would decide by July")."""
    at = text.find(phrase)
    return at > 0 and bool(SAID_WHEN.match(text[:at])) and bool(SAID_AFTER.match(text, at + len(phrase)))


def _said_on(text: str, phrase: str) -> bool:
    """A day phrase that can say when something was said: "on Tuesday", "On May 2, X said"."""
    before = text[: max(0, text.find(phrase))]
    return phrase.lower().startswith("on ") or bool(re.search(r"(?:^\W*|\bon\s+)$", before, re.I))


# "the end-of-October target his consortium set in September", "the deadline agreed on
# Monday": the day a deadline was set, not the deadline
SET_A_DEADLINE = re.compile(r"\b(?:target|deadline|date|timetable|goal|schedule)s?\b(?:\s+[\w'-]+){0,3}?\s+"
                            r"(?:set|agreed|announced|fixed|given|promised|made|chosen|named|approved)\s*$", re.I)
# "a winding-up petition filed in November": a participle after its noun dates that act
PARTICIPLE = re.compile(r"\b(?P<before>[a-z]+)\s+(?P<verb>[a-z]+(?:ed|en|wn|ne)|made|set|held|sent|paid|built|won|lost)\s*$")
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "to",
               "not", "never", "also", "already", "then", "now", "and", "or", "who", "which", "that"}


def dates_another_act(left: str, t: TimeValue | None) -> bool:
    """The time dates an act told along the way, not a deadline: the setting of a deadline
    ("the target set in September") or a thing's past act in a participle after its noun
    ("a petition filed in November", not "will be filed in November")."""
    if t is None or t.kind != "date":
        return False
    if SET_A_DEADLINE.search(left):
        return True
    m = PARTICIPLE.search(left)
    return bool(m and t.tense == "past" and m.group("before").lower() not in AUXILIARIES
                and not m.group("before").lower().endswith("ly"))
