"""RSS and Atom feed files: each item with full content (or at least a description)."""
from __future__ import annotations

import html as htmllib
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawPage


def _iso(struct) -> str | None:
    try:
        return f"{struct.tm_year:04d}-{struct.tm_mon:02d}-{struct.tm_mday:02d}" if struct else None
    except (AttributeError, TypeError, ValueError):
        return None


def _parsed_date(item):
    # dict.get, not item.get: feedparser's own lookup maps one key to the other with a
    # DeprecationWarning when one is missing.
    return dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def read_feed(path: Path, data: bytes) -> Iterator[RawPage | InputError]:
    import feedparser

    # A stream, never the bytes themselves: feedparser would take bytes that name a file
    # or a URL for a place to read the feed from.
    parsed = feedparser.parse(io.BytesIO(data))
    if parsed.bozo and not parsed.entries:
        exc = parsed.get("bozo_exception")
        reason = getattr(exc, "getMessage", lambda: None)() or str(exc)
        yield MalformedInput(str(path), f"malformed feed ({reason})")
        return
    if not parsed.entries:
        yield MalformedInput(str(path), "feed has no items")
        return
    outlet = _text(parsed.feed.get("title")).strip() or None
    for i, item in enumerate(parsed.entries, 1):
        source = f"{path}#{i}"
        body = ""
        contents = [_text(c.get("value")) for c in item.get("content") or [] if hasattr(c, "get")]
        if contents:
            body = max(contents, key=len)
        if not body.strip():
            body = _text(item.get("summary")) or _text(item.get("description"))
        if not body.strip():
            yield MalformedInput(source, "feed item has no content or description")
            continue
        title = _text(item.get("title")).strip() or None
        html = body if "<" in body else f"<p>{htmllib.escape(body)}</p>"
        if title:
            safe = htmllib.escape(title)
            html = (f"<html><head><title>{safe}</title></head>"
                    f"<body><article><h1>{safe}</h1>{html}</article></body></html>")
        link = _text(item.get("link")).strip() or None
        yield RawPage(source=source, content=html, kind="html", url=link, title=title,
                      outlet=outlet,
                      published=_iso(_parsed_date(item)))
