"""Find input files and read them into RawPage records, one reader per format.

`discover` expands files, directories (recursively) and globs; `read_path` picks the
reader by file name and yields RawPage records, or InputError values for records that
cannot be used, so one bad record never stops its batch.
"""
from __future__ import annotations

import glob
import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput, UnsupportedFormat
from ..model import RawPage
from . import feed, jsonl, text, warc

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024

READERS = {
    ".txt": text.read_text_file,
    ".text": text.read_text_file,
    ".html": text.read_html_file,
    ".htm": text.read_html_file,
    ".jsonl": jsonl.read_jsonl,
    ".ndjson": jsonl.read_jsonl,
    ".json": jsonl.read_jsonl,
    ".warc": warc.read_warc,
    ".warc.gz": warc.read_warc,
    ".rss": feed.read_feed,
    ".atom": feed.read_feed,
    ".xml": feed.read_feed,
}


def reader_for(path: Path):
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def discover(patterns: list[str]) -> tuple[list[Path], list[InputError]]:
    """Expand PATH arguments into files we can read; unknown arguments become errors."""
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(p: Path, explicit: bool) -> None:
        if p in seen:
            return
        if reader_for(p) is None:
            if explicit:
                errors.append(UnsupportedFormat(str(p), "not a format storyline reads "
                                                "(.txt .html .htm .jsonl .json .warc .warc.gz .rss .atom .xml)"))
            return
        seen.add(p)
        files.append(p)

    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    add(child, explicit=False)
        elif path.is_file():
            add(path, explicit=True)
        else:
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                errors.append(InputError(pattern, "no such file or directory"))
            for m in matches:
                if Path(m).is_file():
                    add(Path(m), explicit=False)
    return files, errors


def read_bytes(path: Path) -> bytes:
    """Read a whole file, refusing what no reader can use."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise MalformedInput(str(path), "empty file")
    if size > MAX_BYTES:
        raise MalformedInput(str(path), f"too large ({size / 1e6:.0f} MB > {MAX_BYTES // 1_000_000} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc


def decode_text(data: bytes, source: str) -> str:
    """Strict UTF-8 (with or without BOM); binary data is refused, not guessed at."""
    if b"\x00" in data[:8192]:
        raise MalformedInput(source, "binary data, not text")
    try:
        text_ = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedInput(source, f"invalid UTF-8 at byte {exc.start}") from exc
    if not text_.strip():
        raise MalformedInput(source, "no text in file")
    return text_


def read_path(path: Path) -> Iterator[RawPage | InputError]:
    """Yield the pages of one file; a whole-file failure is yielded as one InputError."""
    reader = reader_for(path)
    if reader is None:
        yield UnsupportedFormat(str(path), "not a format storyline reads")
        return
    try:
        data = read_bytes(path)
        yield from reader(path, data)
    except InputError as exc:
        yield exc
