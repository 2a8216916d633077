"""Calendar vocabulary and absolute-date parsing shared by metadata and the time tagger."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
MONTH_RE = rf"(?:{_MONTH_ALT})\.?"
WEEKDAY_RE = rf"(?:{_WEEKDAY_ALT})\.?"

# Absolute dates written in full, most specific first.
ABSOLUTE_DATE_PATTERNS = [
    # 2024-09-18, 2024/09/18
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])\b"),
    # (Friday,) September 20(th), 2024 / Sept. 20 2024
    re.compile(rf"\b(?:{WEEKDAY_RE},?\s+)?(?P<mon>{MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # (Friday,) 20 September 2024
    re.compile(rf"\b(?:{WEEKDAY_RE},?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # 05.03.2025 (day first), 13/06/2025, 06/13/2025 (whichever order the numbers allow)
    re.compile(r"(?<![\d./])(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[./])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)(?P<y>(?:19|20)\d\d)\b"),
]


def iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def granularity_of(value: str | None) -> str | None:
    if not value:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(value))


def valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def month_number(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def find_absolute_dates(text: str) -> list[tuple[int, int, str]]:
    """All full calendar dates in `text` as (start, end, ISO day), left to right."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in ABSOLUTE_DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            y = int(m.group("y"))
            if "a" in m.groupdict():
                mon, d = _day_month_order(int(m.group("a")), int(m.group("b")), m.group("sep"))
                if mon is None or d is None:
                    continue
            else:
                mon = int(m.group("m")) if "m" in m.groupdict() and m.groupdict().get("m") else \
                    month_number(m.group("mon"))
                d = int(m.group("d"))
            if mon and valid_day(y, mon, d):
                found.append((m.start(), m.end(), iso(y, mon, d)))
                taken.append((m.start(), m.end()))
    return sorted(found)


def _day_month_order(a: int, b: int, sep: str) -> tuple[int | None, int | None]:
    """(month, day) of a numeric date written before its year: "05.03.2025" is day first (a
    dotted date is European); "13/06/2025" and "06/13/2025" are whichever order is possible;
    "05/03/2025" could be either and is not read."""
    if sep == "." or a > 12:
        return (b, a) if b <= 12 else (None, None)
    if b > 12:
        return a, b
    return None, None


def parse_iso(value: str | None) -> tuple[int, ...] | None:
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return tuple(int(x) for x in m.groups() if x is not None)


def compatible(a: str, b: str) -> bool:
    """Two partial dates that can name the same time: equal at the coarser precision
    ("2020" and "2020-01-05" are; "2018-01" and "2020-01-05" are not)."""
    pa, pb = parse_iso(a), parse_iso(b)
    if pa is None or pb is None:
        return False
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def to_date(value: str, end: bool = False) -> date:
    """The first (or with end=True, last) day an ISO partial date covers; ValueError for a
    value that is not one."""
    parts = parse_iso(value)
    if not parts:
        raise ValueError(f"not an ISO date: {value!r}")
    y = parts[0]
    if len(parts) == 1:
        return date(y, 12, 31) if end else date(y, 1, 1)
    m = parts[1]
    if len(parts) == 2:
        if not end:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, m, parts[2])


def near_year(value: str, target: str, end: bool = False) -> str:
    """A date whose year is uncertain (a yearless day or month read against some page date),
    moved to the year, of the target's and the two beside it, that puts it nearest `target`
    (compared by its first day, or with end=True its last)."""
    parts, aim = parse_iso(value), parse_iso(target)
    if not parts or not aim or len(parts) == 1:
        return value
    options = [iso(y, *parts[1:]) for y in (aim[0] - 1, aim[0], aim[0] + 1) if len(parts) < 3 or valid_day(y, *parts[1:])]
    return min(options, key=lambda v: abs((to_date(v, end) - to_date(target)).days)) if options else value


def maybe_date(value: str | None, end: bool = False) -> date | None:
    """`to_date`, or None for a missing or unreadable value."""
    if not value:
        return None
    try:
        return to_date(value, end)
    except ValueError:
        return None


SHOWN = "site header shows"  # how a document's date note keeps a header's display date


def shown_date(note: str | None) -> str | None:
    """The display date a note keeps ("site header shows 2025-09-09"), if any."""
    m = re.search(SHOWN + r" (\d{4}(?:-\d{2}){0,2})", note or "")
    return m.group(1) if m else None

