"""HTML pages through trafilatura, with the page's own metadata read first.

The page's metadata names its site and its publication date more surely than anything in
the text: `og:site_name`, `application-name` and the publisher of its JSON-LD for the
outlet; `article:published_time`, JSON-LD `datePublished`, other publication-date meta tags
and `<time datetime>` for the date; `og:url` or the canonical link for the address.
trafilatura's own date (htmldate's guess, which may come from the text) is kept apart as a
weaker clue.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

SITE_NAME_META = ("og:site_name", "application-name", "apple-mobile-web-app-title",
                  "publisher", "dc.publisher", "cxenseparse:recs:publisher")
DATE_META = ("article:published_time", "og:published_time", "og:article:published_time",
             "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
             "publication_date", "publication-date", "dc.date", "dc.date.issued",
             "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
             "article.published", "article_date_original", "original-publish-date",
             "cxenseparse:recs:publishtime", "release_date")
URL_META = ("og:url", "twitter:url")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None  # the page metadata's publication date
    sitename: str | None = None
    author: str | None = None
    url: str | None = None
    guessed_date: str | None = None  # trafilatura's (htmldate's) date, when metadata has none
    guessed_sitename: str | None = None  # trafilatura's: maybe a social handle or the host
    title_tag: str | None = None
    notices: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)  # short lines giving a full date (a byline's "Published 17 April 2025")


@dataclass
class PageMeta:
    sitename: str | None = None
    published: str | None = None
    url: str | None = None
    title_tag: str | None = None  # the <title> as written, often with the site after a bar
    notices: list[str] = field(default_factory=list)  # copyright lines of the page's footer
    stamps: list[str] = field(default_factory=list)


def _jsonld_items(data: object) -> list[dict]:
    """Every object in a JSON-LD block, through lists and @graph."""
    if isinstance(data, list):
        return [item for d in data for item in _jsonld_items(d)]
    if not isinstance(data, dict):
        return []
    return [data, *_jsonld_items(data.get("@graph", []))]


def _name_of(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def page_metadata(html: str) -> PageMeta:
    """Site name, publication date and address from a page's meta tags, JSON-LD and
    <time> elements (None where the page says nothing)."""
    import lxml.html

    meta = PageMeta()
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return meta
    if not isinstance(tree, lxml.html.HtmlElement) or isinstance(tree, lxml.html.HtmlComment):
        return meta
    tags: dict[str, str] = {}
    organisation = None
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            tags.setdefault(key, value)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            items = _jsonld_items(json.loads(script.text_content() or "null"))
        except ValueError:
            continue
        for item in items:
            kind = str(item.get("@type", ""))
            publisher = _name_of(item.get("publisher"))
            if publisher:
                meta.sitename = meta.sitename or publisher
            elif "Organization" in kind and not meta.sitename:
                organisation = _name_of(item)
            if not meta.published and isinstance(item.get("datePublished"), str):
                meta.published = item["datePublished"].strip() or None
            if not meta.url and isinstance(item.get("url"), str) and "Article" in kind:
                meta.url = item["url"]
    meta.sitename = meta.sitename or organisation
    meta.sitename = next((tags[k] for k in SITE_NAME_META if k in tags), None) or meta.sitename
    meta.published = next((tags[k] for k in DATE_META if k in tags), None) or meta.published
    if not meta.published:
        times = tree.xpath("//time[@pubdate or @itemprop='datePublished'][@datetime]") \
            or tree.xpath("//article//time[@datetime]|//header//time[@datetime]")
        meta.published = times[0].get("datetime") if times else None
    titles = tree.xpath("//title/text()")
    meta.title_tag = " ".join(titles[0].split()) if titles else None
    blocks = _text_blocks(tree)
    meta.notices = _short_blocks(blocks, COPYRIGHT, 25)  # a footer trafilatura leaves out
    meta.stamps = _short_blocks(blocks, DAY_DATE, 20)  # a byline's date, which it often leaves out too
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = next((tags[k] for k in URL_META if k in tags), None) or \
        (canonical[0] if canonical else None) or meta.url
    return meta


COPYRIGHT = re.compile(r"©|\bcopyright\b", re.I)
DAY_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}\b|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}\b")


def _text_blocks(tree: object) -> list[str]:
    """The text nodes of the page's body (scripts and styles left out), whitespace folded."""
    nodes = tree.xpath("//body//*[not(self::script or self::style)]/text()")  # type: ignore[attr-defined]
    return [t for t in (" ".join(str(n).split()) for n in nodes) if t]


def _short_blocks(blocks: list[str], pattern: re.Pattern[str], max_words: int, most: int = 3) -> list[str]:
    """The first few distinct blocks of at most `max_words` words that `pattern` finds in:
    copyright lines ("© 2026 Harbor Star Media"), lines that write a full date (a byline's
    "Published 17 April 2025, 06:00", "Friday 9 May 2025")."""
    found: list[str] = []
    for text in blocks:
        if len(text.split()) <= max_words and pattern.search(text) and text not in found:
            found.append(text)
            if len(found) == most:
                break
    return found


def _fallback_text(html: str) -> str:
    """Visible text of a page trafilatura found no article in (e.g. a feed description)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
        if not isinstance(tree, lxml.html.HtmlElement) or isinstance(tree, lxml.html.HtmlComment):
            return ""  # a page that is only a comment
        for bad in tree.xpath("//script|//style|//noscript|//nav|//footer|//form"):
            bad.drop_tree()
        blocks = [b.text_content().strip() for b in tree.xpath("//h1|//h2|//h3|//p|//li|//blockquote")]
        text = "\n".join(b for b in blocks if b)
        return text or tree.text_content().strip()
    except (ValueError, lxml.etree.ParserError):
        return ""


def extract_html(html: str, url: str | None = None) -> Extracted:
    import trafilatura

    html = CONTROL.sub(" ", html)  # lxml refuses control characters in text
    meta = page_metadata(html)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_recall=True, deduplicate=False,
    )
    if doc is None:
        log.debug("trafilatura found no article; using the page's visible text")
        return Extracted(text=_fallback_text(html), date=meta.published, sitename=meta.sitename,
                         url=url or meta.url, title_tag=meta.title_tag, notices=meta.notices, stamps=meta.stamps)
    field = _fields(doc)
    text = field("text") or ""
    if len(text.strip()) < 40:
        text = _fallback_text(html) or text
    return Extracted(text=text, title=field("title"), date=meta.published,
                     sitename=meta.sitename, author=field("author"),
                     url=url or meta.url or field("url"), guessed_date=field("date"),
                     guessed_sitename=field("sitename"), title_tag=meta.title_tag,
                     notices=[n for n in meta.notices if n not in text], stamps=meta.stamps)


def _fields(doc: object) -> Callable[[str], str | None]:
    """A reader of trafilatura's result (a Document, or a dict in some versions)."""
    def field(name: str) -> str | None:
        value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
        return value if isinstance(value, str) and value else None
    return field
