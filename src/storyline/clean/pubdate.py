"""The publication date of a page, from the clues that are clearly the article's own.

Clues, strongest first: the page's metadata (article:published_time, JSON-LD datePublished,
a date the container declares); a "Published ..." line, a scraper's "date ..." field or a
byline with a date at the top ("By Jane Doe | March 3, 2024"); a full date in the web
address (the URL patterns of htmldate: /2019/03/20/, /2021/dec/18/, -20211218-, /20211218/,
2021-12-18 in a slug); an "Updated ..." line; a wire dateline ("LISBON, March 3 (Merlin Wire)
-", which takes its year from another clue when it has none); a date line in the page
header; a date trafilatura guessed (htmldate may read it from the text); a month in the
address (/2021/12/), which a compatible day from the clues before refines. A header date
next to a weather reading or "today" is no publication date (perhaps the day of the
scrape): the page is left undated, flagged, and the date kept in its note as the latest
its reference date can be. A date in the body of the article is never taken as the publication
date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlparse

from ..dates import (
    MONTH_RE,
    MONTHS,
    SHOWN,
    compatible,
    find_absolute_dates,
    granularity_of,
    iso,
    valid_day,
)
from ..model import YEARLESS, DateFlag, DocumentDate
from . import lexicons as lx
from .lines import CJK_DATE, WEATHER, is_byline, is_sentence
from .text import CleanText

YEAR = r"(?:199\d|20[0-3]\d)"
_MON_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
URL_DAY_PATTERNS = [
    # /2019/03/20/, /2019-03-20/, _2019_03_20, 2019.03.20
    re.compile(rf"(?<!\d)(?P<y>{YEAR})[/_.-](?P<m>0?[1-9]|1[0-2])[/_.-](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)"),
    # /2021/dec/18/, /2021-december-18
    re.compile(rf"(?<!\d)(?P<y>{YEAR})[/_-](?P<mon>{_MON_WORD})[/_-](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)", re.I),
    # -20211218-, /20211218/, article20211218
    re.compile(rf"(?<!\d)(?P<y>{YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    # /18/12/2021/ (day first)
    re.compile(rf"/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>{YEAR})/"),
]
URL_MONTH_PATTERNS = [
    re.compile(rf"/(?P<y>{YEAR})/(?P<m>0?[1-9]|1[0-2])/"),
    re.compile(rf"/(?P<y>{YEAR})/(?P<mon>{_MON_WORD})/", re.I),
    re.compile(rf"/(?P<y>{YEAR})[-_](?P<m>0[1-9]|1[0-2])/"),
]
# "LISBON, March 3 (Merlin Wire) -", "VARNICA, Dec. 1 (Nordwire) --", "KYIV, Ukraine, March 3, 2024 —"
DATELINE = re.compile(
    rf"^[A-Z][\w .'’-]{{1,40}},(?:\s+[A-Z][\w .'’-]{{1,30}},)?\s+(?P<mon>{MONTH_RE})\s+"
    rf"(?P<d>[0-3]?\d)(?:,?\s+(?P<y>{YEAR}))?\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|—|–|-|:)", re.I)


@dataclass
class Clue:
    value: str  # ISO date at its precision
    origin: str
    display: bool = False


def _ymd(m: re.Match[str]) -> str | None:
    y = int(m.group("y"))
    groups = m.groupdict()
    mon = int(groups["m"]) if groups.get("m") else MONTHS.get((groups.get("mon") or "").lower())
    if not mon:
        return None
    if groups.get("d"):
        d = int(m.group("d"))
        return iso(y, mon, d) if valid_day(y, mon, d) else None
    return iso(y, mon)


def url_date(url: str | None) -> str | None:
    """The date a web address holds: a day, else a month (ISO at that precision)."""
    if not url:
        return None
    parsed = urlparse(url)
    path = unquote(parsed.path + ("?" + parsed.query if parsed.query else ""))
    for pattern in URL_DAY_PATTERNS:
        for m in pattern.finditer(path):
            value = _ymd(m)
            if value:
                return value
    for pattern in URL_MONTH_PATTERNS:
        found = pattern.search(path)
        if found and _ymd(found):
            return _ymd(found)
    return None


def parse_declared_date(value: str) -> str | None:
    """A metadata date ("2021-12-02", "2021-12-02T10:00:00Z", "Dec 2, 2021") as ISO."""
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value)
    if m:
        y, mo, d = (int(x) if x else None for x in m.groups())
        if y and mo and d and not valid_day(y, mo, d):
            return None
        return iso(y, mo, d if mo else None) if y else None
    return text_date(value)


def text_date(text: str) -> str | None:
    """The first full calendar date written in a line."""
    found = find_absolute_dates(text)
    if found:
        return found[0][2]
    m = CJK_DATE.search(text)
    return _ymd(m) if m else None


# A line that is only a date may sit below the headline, the standfirst and the byline: the
# first lines the body detection takes for text ("Henrietta Cole-Barnard", "[Share] [Tweet]")
DATE_LINE_DEPTH = 4


def _labelled(line: str, name: str) -> bool:
    return bool(lx.starts_with(name).match(lx.normal_line(line)))


def _top_clues(cleaned: CleanText) -> tuple[Clue | None, Clue | None]:
    """(published, updated): a "Published ..." line, a byline with a date, a scraper's date
    field; and an "Updated ..." line. They count above the body or in its first two lines;
    a "Published" line also among the last lines of the page (where some sites put it)."""
    published = updated = None
    if cleaned.fields.get("date"):
        value = parse_declared_date(cleaned.fields["date"])
        if value:
            published = Clue(value, "byline")
    top = len(cleaned.top_lines(after_body=2))
    stamps = len(cleaned.top_lines(after_body=DATE_LINE_DEPTH))
    filled = [i for i, ln in enumerate(cleaned.lines) if ln]
    bottom = set(filled[-5:])
    for i, ln in enumerate(cleaned.lines):
        date_only = cleaned.verdicts[i] in ("date line", "date label")
        if not ln or len(ln.split()) > 24 or (i >= top and i not in bottom and not (date_only and i < stamps)):
            continue
        in_top = i < top or date_only and i < stamps
        value = text_date(ln)
        if not value or cleaned.verdicts[i] in ("related", "list heading"):
            continue
        labelled = _labelled(ln, "date_labels_published") and \
            (not is_sentence(ln) or len(ln.split()) <= 10 or date_only)
        if published is None and (labelled or in_top and is_byline(ln)):
            published = Clue(value, "byline")
        elif updated is None and in_top and _labelled(ln, "date_labels_updated"):
            updated = Clue(value, "updated")
    return published, updated


def _dateline(cleaned: CleanText) -> tuple[Clue | None, tuple[int, int] | None]:
    """A full dateline date, or the (month, day) of one without a year."""
    for ln in cleaned.top_lines(after_body=1)[-3:]:
        m = DATELINE.match(ln)
        if not m:
            continue
        mon, d = MONTHS.get(m.group("mon").lower().rstrip(".")), int(m.group("d"))
        if not mon:
            continue
        if m.group("y") and valid_day(int(m.group("y")), mon, d):
            return Clue(iso(int(m.group("y")), mon, d), "dateline"), None
        return None, (mon, d)
    return None, None


def _header_clue(cleaned: CleanText) -> Clue | None:
    """The first date in a header line (above the body, or a date line just below a
    standfirst), flagged when it sits next to a weather reading or "today"."""
    header = set(cleaned.header)
    limit = cleaned.first_body if cleaned.first_body is not None else len(cleaned.lines)
    top, stamps = len(cleaned.top_lines(after_body=2)), len(cleaned.top_lines(after_body=DATE_LINE_DEPTH))
    for i, ln in enumerate(cleaned.lines[:stamps]):
        if not (i < min(limit, top) and ln in header or cleaned.verdicts[i] == "date line"):
            continue
        value = text_date(ln)
        if not value:
            continue
        near = cleaned.lines[max(0, i - 2): i + 3]
        display = any(WEATHER.match(n) or lx.anywhere("display_date_hints").search(lx.normal_line(n))
                      for n in near)
        return Clue(value, "header", display)
    return None


def _place_month_day(month_day: tuple[int, int], others: list[Clue]) -> Clue | None:
    """A dateline's month and day with the year of another clue: the latest year that puts
    it on or before that clue's date (and within half a year of it)."""
    mon, d = month_day
    for other in others:
        parts = [int(x) for x in other.value.split("-")]
        if len(parts) == 1:
            if valid_day(parts[0], mon, d):
                return Clue(iso(parts[0], mon, d), "dateline")
            continue
        ref = date(parts[0], parts[1], parts[2] if len(parts) > 2 else 28)
        for y in (ref.year, ref.year - 1):
            if valid_day(y, mon, d) and 0 <= (ref - date(y, mon, d)).days <= 183:
                candidate = iso(y, mon, d)
                if len(parts) == 2 and not compatible(candidate, other.value):
                    continue
                return Clue(candidate, "dateline")
    return None


def _yearless(month_day: tuple[int, int]) -> str:
    return f"{YEARLESS} --{month_day[0]:02d}-{month_day[1]:02d}"


JANUARY_FIRST = re.compile(r"\b(?:jan(?:uary|\.)?\s+0?1(?:st)?\b|0?1(?:st)?\s+jan(?:uary|\.)?\b)", re.I)


def year_only_guess(value: str, cleaned: CleanText) -> bool:
    """A guessed date on the first of January of a year the text writes, with no "January 1"
    in it: the guesser found only the year (in the body's "the deadly 2019 robbery")."""
    if not value.endswith("-01-01"):
        return False
    text = "\n".join(cleaned.lines)
    return bool(re.search(rf"\b{value[:4]}\b", text)) and not JANUARY_FIRST.search(text)


def stamped_day(guess: str, stamps: list[str]) -> str:
    """htmldate's guess of the first of a month (read from an image's path, "/2025/04/") gives
    way to the day a byline of the page writes in that month ("Published 17 April 2025")."""
    if len(guess) != 10 or not guess.endswith("-01"):
        return guess
    days = [d for d in (text_date(s) for s in stamps) if d and len(d) == 10 and d[:7] == guess[:7]]
    return days[0] if days else guess


def find_date(cleaned: CleanText, declared: str | None = None, url: str | None = None,
              extracted: str | None = None, stamps: list[str] | None = None) -> DocumentDate:
    """The page's publication date (see the module docstring for the order of the clues).
    `declared` is the page's metadata date, `extracted` one trafilatura found, `stamps` short
    lines of the HTML page that write a full date (see `stamped_day`)."""
    if declared:
        value = parse_declared_date(declared)
        if value:
            return DocumentDate(value, granularity_of(value), "metadata")
    published, updated = _top_clues(cleaned)
    from_url = url_date(url or cleaned.fields.get("url"))
    url_clue = Clue(from_url, "url") if from_url else None
    found = extracted and parse_declared_date(extracted)
    if found and year_only_guess(found, cleaned):
        found = None  # htmldate's "1 January" of a year the text names ("the 2019 robbery"): no date
    found = stamped_day(found, stamps or []) if found else found
    extracted_clue = Clue(found, "extracted") if found else None
    full_dateline, month_day = _dateline(cleaned)
    header = _header_clue(cleaned)

    day_url = url_clue if url_clue and granularity_of(url_clue.value) == "day" else None
    month_url = url_clue if url_clue and not day_url else None
    firm = [c for c in (published, day_url, updated, full_dateline) if c]
    if header and not header.display:
        firm.append(header)
    if month_day:
        others = [c for c in (*firm, month_url, extracted_clue, header) if c]
        placed = _place_month_day(month_day, others)
        if placed:
            firm.append(placed)
    if extracted_clue:
        firm.append(extracted_clue)  # htmldate's guess may come from the text: the last resort
    if month_url:
        refined = [c for c in firm if compatible(c.value, month_url.value)]
        best = refined[0] if refined else month_url
        if not refined and header and compatible(header.value, month_url.value):
            best = header
    elif firm:
        best = firm[0]
    elif header:
        best = header
    else:
        # a dateline's month and day with no year anywhere: the reference-date inference
        # gives it the year (resolve/anchors.infer_anchor), reading it back from the note
        return DocumentDate(None, None, "dateline", note=_yearless(month_day)) if month_day \
            else DocumentDate.unknown()
    if best.display:
        # a site header's "today" (next to the weather) is the day of the visit as often as
        # the article's: not a publication date, only a latest possible one, which the
        # reference-date inference reads back from the note (resolve/anchors.shown_date)
        note = f"{SHOWN} {best.value}" + (f"; {_yearless(month_day)}" if month_day else "")
        return DocumentDate(None, None, best.origin, frozenset({DateFlag.DISPLAY_DATE}), note=note)
    return DocumentDate(best.value, granularity_of(best.value), best.origin)
