"""JSON Lines: one article per line, as news-please and most scrapers write them.

Each object needs `text` (plain) or `html`/`maintext`; `url`, `title`, `published`
(also `date_publish`) and `outlet` (also `source_domain`) are taken when present.
A .json file holding one object or a list of objects is read the same way.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawPage


def _page(obj: object, source: str) -> RawPage:
    if not isinstance(obj, dict):
        raise MalformedInput(source, "not a JSON object")
    html = obj.get("html") or obj.get("raw_html")
    text = obj.get("text") or obj.get("maintext")
    if not (isinstance(html, str) and html.strip()) and not (isinstance(text, str) and text.strip()):
        raise MalformedInput(source, "no 'text' or 'html' field with content")

    def opt(*keys: str) -> str | None:
        for k in keys:
            v = obj.get(k)
            if isinstance(v, str) and v.strip():
                return v.strip()
        return None

    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    return RawPage(source=source, content=content, kind=kind, url=opt("url"),
                   title=opt("title"), published=opt("published", "date_publish", "date"),
                   outlet=opt("outlet", "source_domain", "sitename"))


def read_jsonl(path: Path, data: bytes) -> Iterator[RawPage | InputError]:
    from . import decode_text

    text = decode_text(data, str(path))
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in "[{":
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None  # maybe JSON Lines after all
        if whole is not None:
            items = whole if isinstance(whole, list) else [whole]
            for i, obj in enumerate(items, 1):
                try:
                    yield _page(obj, f"{path}#{i}")
                except InputError as exc:
                    yield exc
            return
    count = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}#{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInput(source, f"invalid JSON ({exc.msg})")
            continue
        try:
            yield _page(obj, source)
            count += 1
        except InputError as exc:
            yield exc
