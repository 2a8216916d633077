"""JSON Lines: one article per line, as news-please and most scrapers write them.

Each object needs `text` (plain) or `html`/`maintext`; `url`, `title`, `published`
(also `date_publish`) and `outlet` (also `source_domain`) are taken when present.
A .json file holding one object or a list of objects is read the same way.

A file that is no JSON at all is one error, not one per line; a line that is bad among
good ones is one error for that line. Nesting too deep for the parser is an error too.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawPage
from .decode import decode_text


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

    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (str(text), "text")
    return RawPage(source=source, content=content, kind=kind, url=opt("url"),
                   title=opt("title"), published=opt("published", "date_publish", "date"),
                   outlet=opt("outlet", "source_domain", "sitename"))


def _loads(text: str) -> tuple[object, str | None]:
    """(value, None) or (None, why it is not JSON); never raises."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    except RecursionError:
        return None, "invalid JSON (nested too deeply)"
    except ValueError as exc:  # e.g. an integer too long to convert
        return None, f"invalid JSON ({exc})"


def _records(items: list, path: Path) -> Iterator[RawPage | InputError]:
    if not items:
        yield MalformedInput(str(path), "an empty JSON list")
        return
    if not any(isinstance(obj, dict) for obj in items):
        yield MalformedInput(str(path), f"a JSON list of {len(items)} values, none an article object")
        return
    for i, obj in enumerate(items, 1):
        try:
            yield _page(obj, f"{path}#{i}")
        except InputError as exc:
            yield exc


def read_jsonl(path: Path, data: bytes) -> Iterator[RawPage | InputError]:

    text = decode_text(data, str(path))
    stripped = text.lstrip()
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if stripped[:1] in ("[", "{"):
        first, _ = _loads(lines[0][1]) if len(lines) > 1 else (None, None)
        one_per_line = isinstance(first, dict) and len(lines) > 1
        if path.suffix.lower() == ".json" or not one_per_line:
            whole, why = _loads(text)
            if why is None:
                if isinstance(whole, list):
                    yield from _records(whole, path)
                elif isinstance(whole, dict):
                    yield from _records([whole], path)
                else:
                    yield MalformedInput(str(path), "not a JSON object or list")
                return
            if not one_per_line:  # one JSON document, and a broken one
                yield MalformedInput(str(path), why)
                return
    yield from _lines(path, lines)


def _lines(path: Path, lines: list[tuple[int, str]]) -> Iterator[RawPage | InputError]:
    """One record per line. Bad lines are held back until a good one shows up, so that a
    file in which no line is JSON gives one error rather than one per line."""
    held: list[InputError] = []
    any_json = False
    for lineno, line in lines:
        source = f"{path}#{lineno}"
        obj, why = _loads(line)
        if why is not None:
            err = MalformedInput(source, why)
            if any_json:
                yield err
            else:
                held.append(err)
            continue
        if not any_json:
            any_json = True
            yield from held
            held = []
        try:
            yield _page(obj, source)
        except InputError as exc:
            yield exc
    if held:
        if len(held) == 1:
            yield held[0]
        else:
            yield MalformedInput(str(path), f"not JSON Lines: none of its {len(held)} lines is "
                                            f"valid JSON (first: {held[0].reason})")
