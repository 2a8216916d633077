"""Readers for single-article files: scraped plain text and HTML pages."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import MalformedInput
from ..model import RawPage
from .decode import decode_text, html_charset


def read_text_file(path: Path, data: bytes) -> Iterator[RawPage]:

    text = decode_text(data, str(path))
    yield RawPage(source=str(path), content=text, kind="text")


def read_html_file(path: Path, data: bytes) -> Iterator[RawPage]:

    html = decode_text(data, str(path), declared=html_charset(data))
    if "<" not in html or ">" not in html:
        raise MalformedInput(str(path), "no HTML markup in an .html file")
    yield RawPage(source=str(path), content=html, kind="html")
