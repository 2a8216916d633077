"""Clean stage: raw page -> Document (body without boilerplate, title, outlet, date).

Public functions: `clean_page` (one page), `readable_title` (a lowercase title with its
capitals back), `repeated_lines` / `remove_lines` (furniture that pages of one site share).
"""
from __future__ import annotations

import hashlib
import re

from ..model import Document, RawPage
from .bio import drop_author_bio
from .html import extract_html
from .lines import is_byline, is_lowercase_text
from .metadata import find_date, find_outlet, site_in_title
from .repeated import remove_lines, repeated_lines
from .siteref import drop_site_notices
from .text import clean_text, repair_glued_sentences
from .title import readable_title, without_site

__all__ = ["clean_page", "content_id", "readable_title", "remove_lines", "repeated_lines"]


def content_id(text: str) -> str:
    normal = " ".join(text.lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _byline_author(lines: list[str]) -> str | None:
    """ "By Jane Doe and John Roe | Harbor Star" -> "Jane Doe and John Roe"."""
    for ln in lines:
        if is_byline(ln):
            names = re.split(r"\s*[|,•·—–]\s*|\s+-\s+", ln.strip())[0]
            return names.split(None, 1)[1] if " " in names else None
    return None


def _as_handle(guess: str | None) -> str | None:
    """trafilatura's guessed site name, in lower case when it is one word: often a social
    handle or a host name ("Harborstar"), read then like a domain's label."""
    return guess.lower() if guess and " " not in guess.strip() else guess


def clean_page(page: RawPage) -> Document:
    """Run boilerplate removal and metadata extraction on one page."""
    if page.kind == "html":
        extracted = extract_html(page.content, url=page.url)
        raw_text = "\n\n".join([extracted.text, *extracted.notices])  # the footer's © line too
        meta = extracted
    else:
        raw_text = page.content
        meta = None
    cleaned = clean_text(raw_text, find_title=meta is None)
    body = repair_glued_sentences(cleaned.body)
    title = page.title or (meta.title if meta else None) or cleaned.title
    url = page.url or (meta.url if meta else None) or cleaned.fields.get("url")
    declared = page.outlet or (meta.sitename if meta else None)
    if not declared:  # "Ferry halted | Harbor Star": the title a scraper or the <title> gives
        declared = site_in_title(page.title or (meta.title_tag if meta else None), url) \
            or (_as_handle(meta.guessed_sitename) if meta and not url else None)
    outlet = find_outlet(cleaned, url=url, declared=declared)
    title = without_site(title, outlet[0] if outlet else None)
    cleaned = drop_site_notices(cleaned, outlet[0] if outlet else None)
    body = repair_glued_sentences(cleaned.body)
    published = find_date(cleaned, declared=page.published or (meta.date if meta else None),
                          url=url, extracted=meta.guessed_date if meta else None,
                          stamps=meta.stamps if meta else None)
    author = (meta.author if meta else None) or cleaned.fields.get("author") \
        or _byline_author(cleaned.top_lines(after_body=1))
    cleaned = drop_author_bio(cleaned, author)
    body = repair_glued_sentences(cleaned.body)
    lowercase = is_lowercase_text(body)
    return Document(
        id=content_id(body or raw_text), source=page.source, text=body, title=title,
        outlet=outlet[0] if outlet else None, outlet_origin=outlet[1] if outlet else None,
        published=published, url=url, author=author, kind=page.kind, removed=cleaned.removed,
        lowercase=lowercase,
    )
