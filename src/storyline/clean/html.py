"""HTML pages through trafilatura, keeping its metadata (title, date, site name, author)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    author: str | None = None
    url: str | None = None


def _fallback_text(html: str) -> str:
    """Visible text of a page trafilatura found no article in (e.g. a feed description)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//nav|//footer|//form"):
        bad.drop_tree()
    blocks = [b.text_content().strip() for b in tree.xpath("//h1|//h2|//h3|//p|//li|//blockquote")]
    text = "\n".join(b for b in blocks if b)
    return text or tree.text_content().strip()


def extract_html(html: str, url: str | None = None) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_recall=True, deduplicate=False,
    )
    if doc is None:
        log.debug("trafilatura found no article; using the page's visible text")
        return Extracted(text=_fallback_text(html), url=url)
    text = doc.text or ""
    if len(text.strip()) < 40:
        text = _fallback_text(html) or text
    return Extracted(text=text, title=doc.title or None, date=doc.date or None,
                     sitename=doc.sitename or None, author=doc.author or None,
                     url=doc.url or url)
