"""Clean stage: raw page -> Document (body without boilerplate, title, outlet, date)."""
from __future__ import annotations

import hashlib

from ..model import Document, RawPage
from .html import extract_html
from .metadata import find_date, find_outlet
from .text import clean_text, repair_glued_sentences

__all__ = ["clean_page", "content_id"]


def content_id(text: str) -> str:
    normal = " ".join(text.lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def clean_page(page: RawPage) -> Document:
    """Run boilerplate removal and metadata extraction on one page."""
    if page.kind == "html":
        extracted = extract_html(page.content, url=page.url)
        raw_text = extracted.text
        meta = extracted
    else:
        raw_text = page.content
        meta = None
    cleaned = clean_text(raw_text, find_title=meta is None)
    body = repair_glued_sentences(cleaned.body)
    title = page.title or (meta.title if meta else None) or cleaned.title
    outlet = find_outlet(cleaned, url=page.url or (meta.url if meta else None),
                         declared=page.outlet or (meta.sitename if meta else None))
    published = find_date(cleaned, declared=page.published or (meta.date if meta else None),
                          url=page.url or (meta.url if meta else None))
    letters = [c for c in body if c.isalpha()]
    lowercase = bool(letters) and sum(c.isupper() for c in letters) / len(letters) < 0.005
    return Document(
        id=content_id(body or raw_text), source=page.source, text=body, title=title,
        outlet=outlet[0] if outlet else None, outlet_origin=outlet[1] if outlet else None,
        published=published, url=page.url or (meta.url if meta else None),
        author=meta.author if meta else None, kind=page.kind, removed=cleaned.removed,
        lowercase=lowercase,
    )
