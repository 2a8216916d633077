"""Outlet and publication date, read from the page itself.

The outlet comes from what the page says of its source, strongest first: a "source: X"
line, a wire dateline ("CITY, Dec. 1 (X) --", or an acronym dateline "XYZ --" whose letters
are the initials of a name on the page), a header line "X, December 02, 2021", the page's
own metadata, a byline ("X reporter Jane Doe"), a copyright line, the site speaking of
itself ("X's website"), and last the web domain. The date: page metadata, a date in the
header, the URL. A header date next to a weather reading or "today" is a display date:
kept, and flagged as such.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlparse

from ..dates import ABSOLUTE_DATE_PATTERNS, find_absolute_dates, granularity_of, iso
from ..model import DateFlag, DocumentDate
from .text import WEATHER, CleanText

NAME = r"[A-Za-z][\w&.'’-]*(?:\s+[A-Za-z][\w&.'’-]*){0,4}"
SOURCE_LINE = re.compile(rf"^\s*(?:source|sources|from)\s*:\s*(?P<o>{NAME})\s*$", re.I)
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*"
    r"\((?P<o>[A-Za-z][\w .&'-]{1,40})\)\s*(?:--|—|–|-)")
PAREN_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}\s*\((?P<o>[A-Za-z][\w .&'-]{1,40})\)\s*(?:--|—|–|-|:)")
ACRONYM_DATELINE = re.compile(r"^\(?(?P<o>[A-Z]{2,8})\)?\s*(?:--|—|–|-|:)\s")
BYLINE = re.compile(r"\b(?P<o>[A-Za-z]{2,15})\s+(?:news\s+)?(?:reporter|correspondent|journalist)\b", re.I)
COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?(?P<o>{NAME})", re.I)
SELF_REFERENCE = re.compile(r"(?P<o>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})[’']s\s+(?:web\s?site|site|app)\b")
DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)(?P<d>[\w-]+)\.[\w.]+/?$", re.I)

# Words that stand before "reporter" without being an outlet.
NOT_OUTLETS = {
    "a", "an", "the", "our", "his", "her", "their", "its", "this", "that", "one", "another",
    "local", "senior", "staff", "special", "chief", "freelance", "investigative", "political",
    "foreign", "war", "former", "veteran", "young", "field", "news", "tv", "television",
    "radio", "independent", "print", "sports", "business", "court", "crime", "lead", "citizen",
}
# Page furniture that precedes a header date without being a name.
UI_WORDS = {"print", "e-mail", "email", "share", "updated", "published", "posted", "by",
            "comment(s)", "comments", "date", "time", "last", "modified", "on"}
# Words outlet names are made of; other short words in a lowercase name are acronyms.
NAME_WORDS = {"news", "times", "post", "daily", "press", "herald", "tribune", "journal",
              "agency", "network", "today", "online", "world", "international", "the", "of",
              "and", "weekly", "gazette", "review", "star", "sun", "mail", "express", "global",
              "radio", "channel", "media", "telegraph", "guardian", "observer", "monitor"}
DISPLAY_HINTS = re.compile(r"\btoday\b|°|\bweather\b", re.I)


@functools.lru_cache(maxsize=4096)
def display_outlet(name: str) -> str:
    """Tidy an outlet name; lowercase names get their capitals back ("kbc news" -> "KBC News")."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;-–—")
    if not name or any(c.isupper() for c in name):
        return name
    from wordfreq import zipf_frequency

    words = []
    for w in name.split():
        acronym = not re.search(r"[aeiouy]", w) or (len(w) <= 4 and zipf_frequency(w, "en") < 2.5)
        words.append(w.upper() if acronym and w not in NAME_WORDS else w.capitalize())
    return " ".join(words)


def outlet_from_domain(host: str) -> str:
    """"www.riverpost.example" -> "Riverpost"."""
    return display_outlet(host.lower().removeprefix("www.").split(".")[0])


DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$")


def _initials_on_page(acronym: str, text: str) -> bool:
    """True when some run of capitalised words on the page has these initials."""
    n = len(acronym)
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    for i in range(len(words) - n + 1):
        run = words[i:i + n]
        if all(w[0].isupper() for w in run) and "".join(w[0] for w in run).upper() == acronym:
            return True
    return False


def _name_before_date(line: str) -> str | None:
    """"… Xinhua, December 02, 2021" -> "Xinhua": the capitalised words right before a date."""
    for pattern in ABSOLUTE_DATE_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        before = line[: m.start()].rstrip(" ,|-–—")
        tail: list[str] = []
        for w in reversed(before.split()):
            if not w[:1].isupper() or w.lower() in UI_WORDS or not re.match(r"^[\w&.'-]+$", w):
                break
            tail.insert(0, w)
            if len(tail) == 3:
                break
        return " ".join(tail) or None
    return None


def find_outlet(cleaned: CleanText, url: str | None = None,
                declared: str | None = None) -> tuple[str, str] | None:
    """(outlet name, where it was read) or None."""
    for ln in cleaned.lines:
        m = SOURCE_LINE.match(ln)
        if m:
            return display_outlet(m.group("o")), "source line"
    paragraphs = [p for p in cleaned.body.split("\n") if p.strip()]
    first = paragraphs[0] if paragraphs else ""
    for pattern in (WIRE_DATELINE, PAREN_DATELINE):
        m = pattern.match(first)
        if m:
            return display_outlet(m.group("o")), "dateline"
    m = ACRONYM_DATELINE.match(first)
    if m and _initials_on_page(m.group("o"), cleaned.body):
        return m.group("o"), "dateline"
    for ln in cleaned.header:
        name = _name_before_date(ln)
        if name:
            return display_outlet(name), "header"
    if declared:
        if DOMAIN.match(declared.strip()):
            return outlet_from_domain(declared.strip()), "domain"
        return display_outlet(declared), "metadata"
    for ln in cleaned.lines:
        for m in BYLINE.finditer(ln):
            if m.group("o").lower() not in NOT_OUTLETS:
                return display_outlet(m.group("o")), "byline"
    for ln in cleaned.lines:
        m = COPYRIGHT.search(ln) or SELF_REFERENCE.search(ln)
        if m and len(ln.split()) <= 20:
            return display_outlet(m.group("o")), "footer"
    host = urlparse(url).hostname if url else None
    if host:
        return outlet_from_domain(host), "domain"
    for ln in cleaned.lines:
        m = DOMAIN_LINE.match(ln)
        if m:
            return outlet_from_domain(m.group("d")), "domain"
    return None


def parse_declared_date(value: str) -> str | None:
    """A metadata date ("2021-12-02", "2021-12-02T10:00:00Z", "Dec 2, 2021") as ISO."""
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value)
    if m:
        y, mo, d = (int(x) if x else None for x in m.groups())
        return iso(y, mo, d if mo else None) if y else None
    found = find_absolute_dates(value)
    return found[0][2] if found else None


URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?:/|-|$)")


def find_date(cleaned: CleanText, declared: str | None = None, url: str | None = None) -> DocumentDate:
    if declared:
        value = parse_declared_date(declared)
        if value:
            return DocumentDate(value, granularity_of(value), "metadata")
    header_idx = [i for i, ln in enumerate(cleaned.lines) if ln in cleaned.header]
    for i in header_idx:
        found = find_absolute_dates(cleaned.lines[i])
        if not found:
            continue
        value = found[0][2]
        near = cleaned.lines[max(0, i - 2): i + 3]
        display = any(WEATHER.match(n) or DISPLAY_HINTS.search(n) for n in near)
        return DocumentDate(value, "day", "header",
                            frozenset({DateFlag.DISPLAY_DATE}) if display else frozenset())
    if url:
        m = URL_DATE.search(urlparse(url).path)
        if m:
            y, mo, d = (int(x) if x else None for x in m.groups())
            value = iso(y, mo, d)
            return DocumentDate(value, granularity_of(value), "url")
    return DocumentDate.unknown()
