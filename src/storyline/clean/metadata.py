"""Outlet and publication date, read from the page itself.

The outlet: a name the page's metadata declares (og:site_name, JSON-LD publisher, the
container's "outlet"; a publishing company's name with a legal form gives way to the
masthead the domain spells, a social handle is read like a domain's label, a bare "News"
is ignored); with a web address, the name its domain spells as the page writes it, else
the domain split into words (`outlet`). Without one, what the page says of its source,
strongest first: a "source: X" line, a wire dateline ("CITY, Dec. 1 (X) --", or an
acronym dateline "XYZ --" whose letters are the initials of a name on the page), a
masthead, the site after the headline's bar, a broadcast's opening, a header line "X,
December 02, 2021", a byline ("By Jane Doe, X", "By Jane Doe for the X", "X staff"), a
copyright line, the site speaking of itself ("X's website"), credits and promotions
(`pageclues`), a web or e-mail address on the page, last the outlet a source "told". A
page in lower case is read again with capitals put back. The date: see `pubdate`.
"""
from __future__ import annotations

import dataclasses
import re

from ..dates import ABSOLUTE_DATE_PATTERNS
from . import lexicons as lx
from .lines import is_byline, is_lowercase_text, is_sentence
from .masthead import masthead
from .outlet import (
    display_outlet,
    looks_acronym,
    name_from_label,
    name_on_page,
    outlet_for_url,
    parse_domain,
)
from .pageclues import (
    broadcast_outlet,
    closing_credit,
    email_domains,
    first_published_outlet,
    lowercase_byline_outlet,
    promotion_outlet,
    publisher_outlet,
    recased,
    role_outlet,
    staff_outlet,
    title_suffix_outlet,
    told_outlet,
)
from .pubdate import find_date, parse_declared_date, url_date
from .text import CleanText

__all__ = ["display_outlet", "find_date", "find_outlet", "outlet_for_url", "parse_declared_date",
           "url_date"]

NAME = r"[A-Za-z][\w&.'’-]*(?:\s+[A-Za-z][\w&.'’-]*){0,4}"
SOURCE_LINE = re.compile(rf"^\s*(?:source|sources|from)\s*:\s*(?P<o>{NAME})\s*$", re.I)
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*"
    r"\((?P<o>[A-Za-z][\w .&'-]{1,40})\)\s*(?:--|—|–|-)")
PAREN_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40}\s*\((?P<o>[A-Za-z][\w .&'-]{1,40})\)\s*(?:--|—|–|-|:)")
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
DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<d>[\w-]*[a-z][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6})/?$", re.I)
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
    """ "By Jane Doe, Harbor Star" / "By Jane Doe | Harbor Star" / "By Jane Doe for the Harbor
    Star" / "By Jane Doe (Harbor Star)" -> "Harbor Star": the part after the names, when it
    is capitalised words that are no role ("staff writer") or date ("Harbor Star staff" ->
    "Harbor Star"). A line without "By" counts when that part is named like an outlet
    ("Jane Doe / Harbor Star")."""
    text = re.sub(r"\s+for\s+(?:the\s+)?(?=[A-Z])", " | ", line.strip())
    text = re.sub(r"\s*\(([^()]{3,60})\)\s*$", r" | \1", text)
    text = re.sub(r"\s+/\s+", " | ", text)
    prefixed = is_byline(text)
    if not prefixed and not _named_then_outlet(text):
        return None
    parts = re.split(r"\s*[|,•·—–]\s*|\s+-\s+", text)
    roles = lx.word_set("reporter_roles")
    for part in parts[1:]:
        words = part.split()
        while len(words) > 1 and words[-1].lower() in roles:
            words.pop()  # "Harbor Star staff", "Harbor Star Staff Writer"
        if not words or len(words) > 5 or any(c.isdigit() for c in part):
            continue
        if all(w[:1].isupper() or w in ("&", "of", "and") for w in words) and \
                not any(w.lower() in roles for w in words) and \
                (prefixed or words[-1].lower() in lx.word_set("outlet_words")):
            return " ".join(words)
    return None


def _named_then_outlet(line: str) -> bool:
    """ "Jane Doe | Harbor Star": a short line, a name of two or three capitalised words, then a
    separator."""
    m = re.match(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}\s*[|,•·—–]", line)
    return bool(m) and len(line.split()) <= 10 and not is_sentence(line)


def _strip_company(name: str) -> str:
    """ "Harbor Star Media LLC. All rights reserved" -> "Harbor Star Media"."""
    name = re.split(r"[.,;:|]\s+|\s+[-–—|]\s+", name)[0]
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
    name = masthead(cleaned)
    if name:
        return display_outlet(name), "masthead"
    name = title_suffix_outlet(cleaned.title)
    if name:
        return display_outlet(name), "title"
    name = broadcast_outlet(cleaned.lines)
    if name:
        return display_outlet(name), "broadcast"
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
    name = lowercase_byline_outlet(cleaned.top_lines(after_body=1)) or staff_outlet(cleaned.lines)
    if name:
        return display_outlet(name), "byline"
    roles = lx.word_set("reporter_roles")
    for ln in cleaned.lines:
        for m in REPORTER.finditer(ln):  # "kbc reporter jane doe": an acronym before "reporter"
            if m.group("o").lower() not in roles and looks_acronym(m.group("o")):
                return display_outlet(m.group("o")), "byline"
    for ln in cleaned.lines:
        if len(ln.split()) > 20:
            continue
        for m in (COPYRIGHT.search(ln), SELF_REFERENCE.search(ln), _self_description().match(ln)):
            name = _strip_company(m.group("o")) if m else ""
            if name and name.lower().strip(" .") not in lx.word_set("footer_legal"):
                # ("(c) all rights reserved." names no one: the line's "X is part of Y" may)
                return display_outlet(_shortest_used(name, cleaned.lines, ln)), "footer"
    ends = cleaned.top_lines(after_body=1) + [ln for ln in cleaned.lines if ln][-5:]
    name = role_outlet([ln for ln in ends if len(ln.split()) <= 20]) \
        or closing_credit(cleaned.lines) or promotion_outlet(cleaned.lines) \
        or first_published_outlet(cleaned.lines) or publisher_outlet(cleaned.lines)
    if name:
        return display_outlet(name), "credit"
    return None


def _shortest_used(name: str, lines: list[str], own: str) -> str:
    """A company name cut to the part the page also uses on its own: "Harbor Star Media"
    -> "Harbor Star" when another line says "Harbor Star"."""
    words = name.split()
    if is_lowercase_text("\n".join(lines)):  # no capitals to tell a name: cut publisher words
        cut = list(words)
        while len(cut) > 1 and cut[-1].lower() in lx.word_set("publisher_words"):
            cut.pop()  # "harbor star media group" -> "harbor star", not "meridian" alone
        return " ".join(cut if cut[-1].lower() in lx.word_set("outlet_words") else words)
    last = words[-1].lower() if words else ""
    if last in lx.word_set("outlet_words") and last not in lx.word_set("publisher_words"):
        return name  # "Tarquist Evening Post" is the outlet's own name, whatever else says "Tarquist"
    for n in range(len(words) - 1, 0, -1):
        part = " ".join(words[:n])
        if n == 1 and (len(part) < 4 or part.lower() in lx.word_set("outlet_words")
                       or part.lower() in lx.word_set("function_words")):
            break
        pattern = re.compile(rf"(?<![\w-]){re.escape(part)}(?![\w-]|\s+{re.escape(words[n])}(?!\w))")
        if any(ln != own and pattern.search(ln) for ln in lines):  # "the harbour board": no name
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
    if declared and url and (declared.strip().startswith("@") or _spells_domain(declared, url)):
        declared = None  # a handle or host name ("harborstar"): the page writes it better
    said = re.findall(r"[\w'’]+", declared.lower()) if declared else []
    if declared and (declared.strip().lower() in lx.whole_line("furniture_whole_lines") or len(said) == 1 and
                     said[0] in lx.word_set("outlet_words") | lx.whole_line("furniture_whole_lines")):
        declared = None  # "Home", "News": a page's furniture, no outlet's name ("Daily Heron" is one)
    handle = re.fullmatch(r"(@?)([A-Za-z][A-Za-z0-9_]{2,40})", declared.strip()) if declared else None
    if handle and not url:  # "@harborstar", "harbor_star": a handle, read like a domain's label
        written = handle.group(2)
        label = written.replace("_", "").lower()
        on_page = name_on_page(label, page_text)
        camel = any(c.isupper() for c in written[1:])  # "HarborStar" is written as a name
        if on_page or not camel and (handle.group(1) or not written[0].isupper() or "_" in written):
            return (on_page or name_from_label(label)), "metadata"
        declared = written
    if declared:
        name = _strip_company(declared)
        last = re.split(r"[.,;:|]\s+|\s+[-–—|]\s+", declared)[0].split()[-1:] or [""]
        company = last[0].lower().strip(".") in lx.word_set("company_suffixes") | lx.word_set("publisher_words")
        if company and url and parse_domain(url) and not _fits_domain(name, url):
            return outlet_for_url(url, page_text)  # a publishing company, not the masthead
        return display_outlet(name), "metadata"
    if url and parse_domain(url):
        return outlet_for_url(url, page_text)
    lowercase = is_lowercase_text(page_text)
    found = _from_page_text(cleaned) or (_from_lowercase_page(cleaned) if lowercase else None)
    if found:
        return found
    hosts = [m.group("d") for m in map(DOMAIN_LINE.match, cleaned.lines) if m]
    hosts += email_domains([ln for ln, v in zip(cleaned.lines, cleaned.verdicts, strict=True) if v])
    for host in hosts:  # "harborstar.com" alone on a line, "news@harborstar.com" in the furniture
        domain = parse_domain(host)
        if domain is not None and domain.listed:
            return outlet_for_url(host, page_text)
    told = told_outlet([recased(ln) for ln in cleaned.lines] if lowercase else cleaned.lines)
    return (display_outlet(told.lower() if lowercase else told), "mention") if told else None


def _from_lowercase_page(cleaned: CleanText) -> tuple[str, str] | None:
    """A page scraped in lower case read again with capitals put back at word starts (the
    finders look for capitalised names); the name found is cased afresh."""
    again = dataclasses.replace(
        cleaned, lines=[recased(ln) for ln in cleaned.lines], body=recased(cleaned.body),
        title=recased(cleaned.title) if cleaned.title else None,
        header=[recased(ln) for ln in cleaned.header])
    found = _from_page_text(again)
    return (display_outlet(found[0].lower()), found[1]) if found else None


def site_in_title(title_tag: str | None, url: str | None) -> str | None:
    """The site named after a bar or dash of an HTML page's <title> ("Ferry halted | Harbor
    Star"); with a web address, only a name that fits the domain."""
    name = title_suffix_outlet(title_tag)
    if name and url and parse_domain(url) and not (_fits_domain(name, url) or _domain_in_name(name, url)):
        return None  # ("| Tolsey Evening Post" on tolseypost.com fits)
    return name


def _fits_domain(name: str, url: str) -> bool:
    """The domain's label is made of this name's letters or initials ("Harbor Star Media" for
    harborstar.com, "HS Media" for hsmedia.com)."""
    domain = parse_domain(url)
    if domain is None:
        return False
    words = re.findall(r"[a-z0-9]+", name.lower())
    label = re.sub(r"[^a-z0-9]", "", domain.label)
    return any(label.startswith("".join(words[:n])) or label == "".join(w[0] for w in words[:n])
               for n in range(2, len(words) + 1)) or label == "".join(words) \
        or name_on_page(label, name) is not None


def _domain_in_name(name: str, url: str) -> bool:
    """The domain's label is some of this name's words in order, the others left out
    ("tolseypost" in "Tolsey Evening Post"), at least two of them."""
    domain = parse_domain(url)
    if domain is None:
        return False
    words = re.findall(r"[a-z0-9]+", name.lower())
    label = re.sub(r"[^a-z0-9]", "", domain.label)

    def spell(rest: str, i: int, used: int) -> bool:
        if not rest:
            return used >= 2
        return any(rest.startswith(words[j]) and spell(rest[len(words[j]):], j + 1, used + 1)
                   for j in range(i, len(words)))
    return spell(label, 0, 0)


def _spells_domain(name: str, url: str) -> bool:
    domain = parse_domain(url)
    return domain is not None and " " not in name.strip() and \
        re.sub(r"[^a-z0-9]", "", name.lower()) == domain.label \
        and not any(c.isupper() for c in name[1:])
