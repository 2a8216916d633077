"""Outlet and publication date, read from the page itself.

The outlet: a name the page's metadata declares (og:site_name, JSON-LD publisher, the
container's "outlet"); with a web address, the name its domain spells as the page writes
it, else the domain split into words (`outlet`). Without one, what the page says of its
source, strongest first: a "source: X" line, a wire dateline ("CITY, Dec. 1 (X) --", or an
acronym dateline "XYZ --" whose letters are the initials of a name on the page), a header
line "X, December 02, 2021", a byline ("By Jane Doe, X", "X reporter Jane Doe"), a
copyright line, the site speaking of itself ("X's website"), a web address on the page.
The date: see `pubdate`.
"""
from __future__ import annotations

import re

from ..dates import ABSOLUTE_DATE_PATTERNS
from . import lexicons as lx
from .lines import is_byline, is_lowercase_text
from .outlet import display_outlet, looks_acronym, outlet_for_url, parse_domain
from .pubdate import find_date, parse_declared_date, url_date
from .text import CleanText

__all__ = ["display_outlet", "find_date", "find_outlet", "outlet_for_url", "parse_declared_date",
           "url_date"]

NAME = r"[A-Za-z][\w&.'’-]*(?:\s+[A-Za-z][\w&.'’-]*){0,4}"
SOURCE_LINE = re.compile(rf"^\s*(?:source|sources|from)\s*:\s*(?P<o>{NAME})\s*$", re.I)
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*"
    r"\((?P<o>[A-Za-z][\w .&'-]{1,40})\)\s*(?:--|—|–|-)")
PAREN_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}\s*\((?P<o>[A-Za-z][\w .&'-]{1,40})\)\s*(?:--|—|–|-|:)")
ACRONYM_DATELINE = re.compile(r"^\(?(?P<o>[A-Z]{2,8})\)?\s*(?:--|—|–|-|:)\s")
REPORTER = re.compile(r"\b(?P<o>[A-Za-z]{2,15})\s+(?:news\s+)?(?:reporter|correspondent|journalist)\b", re.I)
COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:©|\(c\)|copyright)?\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?"
                       rf"(?P<o>{NAME})", re.I)
SELF_REFERENCE = re.compile(r"(?P<o>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})[’']s\s+(?:web\s?site|site|app)\b")


def _self_description() -> re.Pattern[str]:
    """ "Harbor Star is published by ...", "harbor star is a member of ...": the site
    describing itself (the words after "is" from data/lexicons/self_description.txt)."""
    return re.compile(r"^(?P<o>[A-Za-z][\w&.'’-]*(?:\s+(?:&|[A-Za-z][\w&.'’-]*)){0,5}?)\s+is\s+"
                      rf"(?:{lx.alternation('self_description')})\b", re.I)
DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)(?P<d>[\w-]+(?:\.[\w-]+)+)/?$", re.I)
DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$")


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
    """"… Harbor Star, December 02, 2021" -> "Harbor Star": the capitalised words right
    before a date, when they are not page furniture ("Published", "Print")."""
    furniture = lx.whole_line("furniture_whole_lines") | lx.word_set("date_labels_published") \
        | lx.word_set("date_labels_updated") | lx.word_set("byline_prefixes")
    for pattern in ABSOLUTE_DATE_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        before = line[: m.start()].rstrip(" ,|-–—")
        if re.search(r"\d[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*[A-Z]{1,4}$", before, re.I):
            return None  # "11:02 a.m. ET March 4": a time zone, not a name
        tail: list[str] = []
        for w in reversed(before.split()):
            if not w[:1].isupper() or w.lower() in furniture or not re.match(r"^[\w&.'-]+$", w):
                break
            tail.insert(0, w)
            if len(tail) == 3:
                break
        return " ".join(tail) or None
    return None


def _byline_outlet(line: str) -> str | None:
    """ "By Jane Doe, Harbor Star" / "By Jane Doe | Harbor Star" -> "Harbor Star": the part
    after the names, when it is capitalised words that are no role ("staff writer") or date."""
    if not is_byline(line):
        return None
    parts = re.split(r"\s*[|,•·—–]\s*|\s+-\s+", line)
    roles = lx.word_set("reporter_roles")
    for part in parts[1:]:
        words = part.split()
        if not words or len(words) > 5 or any(c.isdigit() for c in part):
            continue
        if all(w[:1].isupper() for w in words) and not any(w.lower() in roles for w in words):
            return part
    return None


def _masthead(cleaned: CleanText) -> str | None:
    """The site's name at the top of a scrape: a short capitalised label above the title
    ("HARBOR STAR", "HSN  Harbor Star News") that the page uses again elsewhere (in its
    copyright line, a "Related on ..." heading, a self-description), or that ends with a
    word outlet names are made of."""
    text_lines = cleaned.lines
    end = cleaned.first_body if cleaned.first_body is not None else min(len(text_lines), 15)
    lowercase = is_lowercase_text("\n".join(text_lines[:end + 40]))
    generic = lx.word_set("outlet_words") | lx.word_set("function_words") \
        | lx.whole_line("furniture_whole_lines")
    for i, (ln, v) in enumerate(zip(text_lines[:end], cleaned.verdicts[:end], strict=True)):
        if not ln or v not in ("section label", "word list", None) or ln == cleaned.title:
            continue
        parts = sorted((p for p in re.split(r"\s{2,}|\s*[|•·]\s*|\s+[-–—]\s+", ln) if p),
                       key=len, reverse=True)
        for part in parts:
            words = part.split()
            if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in "&" or lowercase
                                                   or w[:1].isdigit() for w in words):
                continue
            if all(w.lower() in generic for w in words):
                continue
            again = re.compile(rf"(?<![\w-]){re.escape(part)}(?![\w-])", re.I)
            if any(j != i and again.search(other) for j, other in enumerate(text_lines)) or \
                    (len(words) > 1 and words[-1].lower() in lx.word_set("outlet_words")):
                return part
    return None


def _strip_company(name: str) -> str:
    """ "Harbor Star Media LLC. All rights reserved" -> "Harbor Star Media"."""
    name = re.split(r"[.,;|]\s+|\s+[-–—]\s+", name)[0]
    words = name.split()
    suffixes = lx.word_set("company_suffixes")
    while len(words) > 1 and words[-1].lower().strip(".,") in suffixes:
        words.pop()
    return " ".join(words)


def _from_page_text(cleaned: CleanText) -> tuple[str, str] | None:
    """The outlet a page without a web address names: see the module docstring."""
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
    name = _masthead(cleaned)
    if name:
        return display_outlet(name), "masthead"
    m = ACRONYM_DATELINE.match(first)
    if m and _initials_on_page(m.group("o"), cleaned.body):
        return m.group("o"), "dateline"
    for ln, v in zip(cleaned.lines, cleaned.verdicts, strict=True):
        if ln in cleaned.header and v not in ("caption", "video", "prompt", "related") \
                and len(ln.split()) <= 12:
            name = _name_before_date(ln)
            if name:
                return display_outlet(name), "header"
    for ln in cleaned.top_lines(after_body=1):
        name = _byline_outlet(ln)
        if name:
            return display_outlet(name), "byline"
    roles = lx.word_set("reporter_roles")
    for ln in cleaned.lines:
        for m in REPORTER.finditer(ln):  # "kbc reporter jane doe": an acronym before "reporter"
            if m.group("o").lower() not in roles and looks_acronym(m.group("o")):
                return display_outlet(m.group("o")), "byline"
    for ln in cleaned.lines:
        m = COPYRIGHT.search(ln) or SELF_REFERENCE.search(ln) or _self_description().match(ln)
        if m and len(ln.split()) <= 20:
            name = _strip_company(m.group("o"))
            if name.lower() not in lx.word_set("footer_legal"):
                return display_outlet(_shortest_used(name, cleaned.lines, ln)), "footer"
    return None


def _shortest_used(name: str, lines: list[str], own: str) -> str:
    """A company name cut to the part the page also uses on its own: "Harbor Star Media"
    -> "Harbor Star" when another line says "Harbor Star"."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        part = " ".join(words[:n])
        if n == 1 and (len(part) < 4 or part.lower() in lx.word_set("outlet_words")
                       or part.lower() in lx.word_set("function_words")):
            break
        pattern = re.compile(rf"(?<![\w-]){re.escape(part)}(?![\w-]|\s+{re.escape(words[n])}(?!\w))", re.I)
        if any(ln != own and pattern.search(ln) for ln in lines):
            return part
    return name


def find_outlet(cleaned: CleanText, url: str | None = None,
                declared: str | None = None) -> tuple[str, str] | None:
    """(outlet name, where it was read) or None. `declared` is a name the page's metadata or
    its container gives; `url` the page's address."""
    url = url or cleaned.fields.get("url")
    declared = declared or cleaned.fields.get("outlet")
    page_text = "\n".join(cleaned.lines)
    if declared and DOMAIN.match(declared.strip()):
        url, declared = url or declared.strip(), None
    if declared and url and _spells_domain(declared, url):
        declared = None  # a handle or host name ("harborstar"): the page writes it better
    if declared:
        return display_outlet(declared), "metadata"
    if url and parse_domain(url):
        return outlet_for_url(url, page_text)
    found = _from_page_text(cleaned)
    if found:
        return found
    for ln in cleaned.lines:
        m = DOMAIN_LINE.match(ln)
        if m:
            return outlet_for_url(m.group("d"), page_text)
    return None


def _spells_domain(name: str, url: str) -> bool:
    domain = parse_domain(url)
    return domain is not None and " " not in name.strip() and \
        re.sub(r"[^a-z0-9]", "", name.lower()) == domain.label \
        and not any(c.isupper() for c in name[1:])
