"""RSS and Atom feed files: each item with full content (or at least a description)."""
from __future__ import annotations

import html as htmllib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawPage


def _iso(struct) -> str | None:
    if not struct:
        return None
    return f"{struct.tm_year:04d}-{struct.tm_mon:02d}-{struct.tm_mday:02d}"


def read_feed(path: Path, data: bytes) -> Iterator[RawPage | InputError]:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or str(
            parsed.get("bozo_exception"))
        yield MalformedInput(str(path), f"malformed feed ({reason})")
        return
    if not parsed.entries:
        yield MalformedInput(str(path), "feed has no items")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for i, item in enumerate(parsed.entries, 1):
        source = f"{path}#{i}"
        body = ""
        if item.get("content"):
            body = max((c.get("value", "") for c in item["content"]), key=len)
        if not body.strip():
            body = item.get("summary") or item.get("description") or ""
        if not body.strip():
            yield MalformedInput(source, "feed item has no content or description")
            continue
        title = (item.get("title") or "").strip() or None
        html = body if "<" in body else f"<p>{body}</p>"
        if title:
            safe = htmllib.escape(title)
            html = (f"<html><head><title>{safe}</title></head>"
                    f"<body><article><h1>{safe}</h1>{html}</article></body></html>")
        yield RawPage(source=source, content=html, kind="html", url=item.get("link"),
                      title=title, outlet=outlet,
                      published=_iso(item.get("published_parsed") or item.get("updated_parsed")))
