"""More places where a page without a web address names its outlet.

- The title a scraper copied from the browser tab, with the site after a bar or a dash:
  "Ferry halted as pier repairs begin | Harbour Courier".
- A broadcast transcript introducing itself: "This is Valley FM news", "You're listening to
  ...", "Welcome to KZRT Evening News" (the openings from data/lexicons/broadcast_intros.txt).
- A reporter's role with the outlet: "Jane Doe, reporter for the Harbour Courier".
- A credit line closing the article: "— Merlin Wire", "(Merlin Wire)".
- A byline on a page scraped in lower case: "by jane doe, harbour courier".
- The site's staff as the author: "Harbour Courier staff report", "Posted by Harbour Courier
  Staff"; a note that the story first appeared in an outlet.
- The site as the publisher or as the reporter's employer: "Published by Harbour Courier",
  "The Harbour Courier's Jane Doe reports"; last, the outlet people "told" ("..., Menzies
  told the Harbour Courier"), which on a page without another clue is the page's own.
- The site promoting itself: "Follow Harbour Courier on Facebook", "Download the KZRT app".

Each finder returns the name as the page writes it, or None.
"""
from __future__ import annotations

import re

from . import lexicons as lx
from .lines import is_lowercase_text

_WORD = r"(?:[A-Z][\w&.'’-]*|[A-Z0-9]{2,}[\w.'’-]*|&|of|and|the|de|du|del|la|le)"
_CAPS = rf"[A-Z][\w&.'’-]*(?:\s+{_WORD}){{0,5}}"
TITLE_SUFFIX = re.compile(rf"\s(?:\||[-–—:]{{1,2}})\s+(?P<o>(?:(?i:the)\s+)?{_CAPS})\s*$")
ROLE_FOR = re.compile(
    rf"\b(?i:{'|'.join(('reporter', 'correspondent', 'journalist', 'writer', 'editor', 'columnist', 'producer', 'contributor'))})"
    rf"\s+(?i:for|with|at)\s+(?:(?i:the)\s+)?(?P<o>{_CAPS})")
PROMOTION = re.compile(rf"\b(?i:follow|subscribe to|download|get|support|like)\s+(?:(?i:the)\s+)?(?P<o>{_CAPS}?)"
                       r"(?:'s|’s)?\s+(?i:on\b|app\b|newsletter\b|today\b|for\b)")
STAFF = re.compile(rf"(?:^|\b(?i:by)\s+)(?:(?i:the)\s+)?(?P<o>{_CAPS}?)\s+(?i:staff|newsroom|news\s+desk|desk)\b")
FIRST_PUBLISHED = re.compile(
    rf"\b(?i:(?:first|originally)\s+(?:appeared|published|ran)\s+(?:in|on|by))\s+(?:(?i:the)\s+)?(?P<o>{_CAPS})")
BY_SITE = re.compile(rf"\b(?i:published|posted|produced|brought to you)\s+(?i:by)\s+(?:(?i:the)\s+)?(?P<o>{_CAPS})")
POSSESSIVE = re.compile(rf"^(?:(?i:the)\s+)?(?P<o>{_CAPS}?)[’']s\s+[A-Z][a-z]+\s+[A-Z][\w'’-]+")
TOLD = re.compile(rf"\b(?i:told|speaking to|spoke to|in an interview with|said to)\s+(?:(?i:the)\s+)?(?P<o>{_CAPS})")
EMAIL = re.compile(r"\b[\w.+-]+@(?P<d>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b", re.I)
CLOSING_CREDIT = re.compile(rf"^(?:[-–—]+\s*(?P<a>{_CAPS})|\((?P<b>{_CAPS})\))\s*$")


def _clean_name(name: str) -> str | None:
    """Trailing lower-case words and punctuation off; None when nothing name-like is left."""
    words = name.strip(" .,;:").split()
    while words and not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
        words.pop()
    if not words or all(w.lower() in lx.word_set("function_words") for w in words):
        return None
    return " ".join(words)


def title_suffix_outlet(title: str | None) -> str | None:
    """ "Ferry halted | Harbour Courier" -> "Harbour Courier": the short capitalised part after
    the last bar or spaced dash of a headline, when the headline before it is longer and the
    part is named like an outlet (it ends with "Courier", "Times", ... or has call letters)."""
    if not title:
        return None
    m = TITLE_SUFFIX.search(title)
    if not m:
        return None
    name = _clean_name(m.group("o"))
    head = title[:m.start()].split()
    if not name or len(name.split()) > 5 or len(head) < 3 or len(head) <= len(name.split()):
        return None
    if name.lower() in lx.whole_line("furniture_whole_lines") or not _station_like(name):
        return None  # "... | Opinion", "... - Council Says Repairs Urgent": no outlet's name
    return name


def broadcast_outlet(lines: list[str]) -> str | None:
    """The station a transcript names in its opening: "This is Valley FM news, I'm ...",
    "this is the Wendle Sound Radio news"."""
    # after "the", capitalised words only ("this is the transcript of the news report" names no station)
    intro = re.compile(rf"(?:^|[.!?,]\s+)(?i:{lx.alternation('broadcast_intros')})\s+"
                       rf"(?:(?P<o>{_CAPS})|(?i:the)\s+(?P<t>[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){{0,3}}))")
    seen = 0
    for ln in lines:
        if not ln:
            continue
        seen += 1
        if seen > 12:
            break
        m = intro.search(ln)
        told = (m.group("o") or m.group("t")) if m else None
        if m and told and told[:1].isupper():
            name = _clean_name(re.split(r"[,.;:!?]", told)[0])
            after = ln[m.end():].lstrip().lower()
            if name and (_station_like(name) or after.startswith("news")):
                return _without_programme(name)
    return None


def _station_like(name: str) -> bool:
    """A name that reads as a station's: it ends with a word outlet names are made of, or has
    call letters ("KZRT", "FM")."""
    words = name.split()
    return words[-1].lower() in lx.word_set("outlet_words") or \
        any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words)


def _without_programme(name: str) -> str:
    """ "Valley FM news" -> "Valley FM"; "KZRT Evening News" kept whole (a programme name
    ending in "News" is what people call the station's news)."""
    words = name.split()
    if len(words) > 1 and (words[-1] == "news" or words[-1].lower() == "news" and len(words) > 2
                           and (words[-2].isupper() or words[-2].lower() in ("fm", "am", "tv", "radio"))):
        words.pop()  # "Valley FM News" -> "Valley FM"
    return " ".join(words)


def role_outlet(lines: list[str]) -> str | None:
    """ "Jane Doe, reporter for the Harbour Courier" -> "Harbour Courier"."""
    for ln in lines:
        if len(ln.split()) > 30:
            continue
        m = ROLE_FOR.search(ln)
        if m:
            name = _clean_name(m.group("o"))
            if name and name[:1].isupper():
                return name
    return None


def closing_credit(lines: list[str]) -> str | None:
    """A name alone on one of the last lines, after a dash or in brackets: "— Merlin Wire"."""
    tail = [ln for ln in lines if ln][-4:]
    for ln in reversed(tail):
        m = CLOSING_CREDIT.match(ln)
        if m:
            name = _clean_name(m.group("a") or m.group("b") or "")
            if name and len(name.split()) <= 5:
                return name
    return None


def lowercase_byline_outlet(lines: list[str]) -> str | None:
    """ "by jane doe, harbour courier" on a page in lower case: the part after the names."""
    if not is_lowercase_text("\n".join(lines)):
        return None
    prefixes = lx.alternation("byline_prefixes")
    roles = lx.word_set("reporter_roles")
    for ln in lines[:40]:
        m = re.match(rf"^(?:{prefixes})\s+([a-z][\w.'’-]*(?:\s+[a-z][\w.'’-]*){{1,3}})\s*[,|•·—–]\s*"
                     r"(?P<o>[a-z][\w&.'’-]*(?:\s+[a-z&][\w&.'’-]*){0,4})\s*$", ln.strip())
        if m and not any(w in roles for w in m.group("o").split()):
            return m.group("o")
    return None


def promotion_outlet(lines: list[str]) -> str | None:
    """The site's name in a prompt promoting it: "Follow Harbour Courier on Facebook"; only a
    name that reads as an outlet's (a person can be followed too)."""
    for ln in lines:
        if len(ln.split()) > 25:
            continue
        m = PROMOTION.search(ln)
        if m and m.group("o")[:1].isupper():
            name = _clean_name(m.group("o"))
            if name and _station_like(name):
                return name
    return None


def staff_outlet(lines: list[str]) -> str | None:
    """ "Harbour Courier staff report", "By Harbour Courier Staff" -> "Harbour Courier": a
    name read as an outlet's before "staff" or "newsroom", in a short line."""
    for ln in lines:
        if len(ln.split()) > 12:
            continue
        m = STAFF.search(ln.strip())
        if m and m.group("o")[:1].isupper():
            name = _clean_name(m.group("o"))
            if name and _station_like(name):
                return name
    return None


def first_published_outlet(lines: list[str]) -> str | None:
    """ "This article first appeared in the Harbour Courier." -> "Harbour Courier"."""
    for ln in lines:
        if len(ln.split()) > 30:
            continue
        m = FIRST_PUBLISHED.search(ln)
        if m:
            name = _clean_name(m.group("o"))
            if name:
                return name
    return None


def _first_outlet_match(pattern: re.Pattern[str], lines: list[str], max_words: int) -> str | None:
    for ln in lines:
        if len(ln.split()) > max_words:
            continue
        for m in pattern.finditer(ln.strip()):
            name = _clean_name(m.group("o"))
            if name and name[:1].isupper() and _station_like(name):
                return name
    return None


def publisher_outlet(lines: list[str]) -> str | None:
    """ "Published by Harbour Courier on ...", "The Harbour Courier's Jane Doe reports"."""
    return _first_outlet_match(BY_SITE, lines, 20) or _first_outlet_match(POSSESSIVE, lines, 15)


def told_outlet(lines: list[str]) -> str | None:
    """The outlet a source spoke to: "..., Menzies told the Harbour Courier." (two words or
    more, named like an outlet)."""
    name = _first_outlet_match(TOLD, lines, 80)
    return name if name and len(name.split()) >= 2 else None


def email_domains(lines: list[str]) -> list[str]:
    """The domains of the e-mail addresses on a page, in order."""
    return [m.group("d") for ln in lines for m in EMAIL.finditer(ln)]


def recased(text: str) -> str:
    """A lower-case text with capitals put back at word starts (function words left alone),
    so that the finders written for cased pages can read it: "brannoch (osprey wire) —" ->
    "Brannoch (Osprey Wire) —"."""
    function = lx.word_set("function_words")
    return re.sub(r"(?<![\w'’.@/-])([a-z])([\w'’]*)",
                  lambda m: m.group(0) if m.group(0) in function and not _line_start(m) else
                  m.group(1).upper() + m.group(2), text)


def _line_start(m: re.Match[str]) -> bool:
    before = m.string[:m.start()].rstrip(" \t")
    return not before or before.endswith(("\n", ".", "!", "?"))
