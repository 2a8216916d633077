"""Find input files and read them into RawPage records, one reader per format.

`discover` expands files, directories (recursively) and globs; `read_path` picks the
reader by file name and yields RawPage records, or InputError values for records that
cannot be used, so one bad record never stops its batch. Whatever the bytes, `read_path`
never raises: a reader that fails for a reason nobody foresaw still costs only its file.

Every page a reader finds passes `check_page` on its way out: a declared publication date
that is no real date, or lies outside 1800..(today + 50 years), refuses the record.
"""
from __future__ import annotations

import glob
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError, MalformedInput, UnsupportedFormat
from ..model import RawPage
from . import feed, jsonl, text, warc
from .decode import MAX_BYTES, MIB, decode_text, html_charset, megabytes, too_large  # noqa: F401

log = logging.getLogger(__name__)

EARLIEST_YEAR = 1800
FUTURE_YEARS = 50

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

FORMATS_READ = "(.txt .html .htm .jsonl .json .warc .warc.gz .rss .atom .xml)"  # as error messages name them


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
                errors.append(UnsupportedFormat(str(p), f"not a format storyline reads {FORMATS_READ}"))
            return
        seen.add(p)
        files.append(p)

    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            children = [c for c in sorted(path.rglob("*")) if c.is_file() and not c.name.startswith(".")]
            for child in children:
                add(child, explicit=False)
            if not any(reader_for(c) for c in children):  # an empty folder, or one of other files only
                errors.append(InputError(pattern, f"no pages in this folder in a format storyline reads {FORMATS_READ}"))
        elif path.is_file():
            add(path, explicit=True)
        elif path.exists():
            errors.append(InputError(pattern, "not a regular file"))  # a FIFO, a device...
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
        raise MalformedInput(str(path), too_large(size))
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise MalformedInput(str(path), too_large(len(data)))
    if not data:
        raise MalformedInput(str(path), "empty file")
    return data


# Bytes that plain text does not hold: C0 controls except tab, newline, form feed,
# carriage return and escape; and DEL.
_JUNK_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ISO_DATE = re.compile(r"^\s*(\d{4,})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?(?!\d)")


def _clean_str(value: str) -> str:
    value = _JUNK_CHARS.sub("", value).replace("\x0c", "\n")
    return _SURROGATES.sub("\ufffd", value)


def date_range() -> tuple[date, date]:
    today = date.today()
    try:
        latest = today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year + FUTURE_YEARS, day=28)
    return date(EARLIEST_YEAR, 1, 1), latest


def published_problem(value: str | None) -> str | None:
    """Why a declared publication date cannot be used, or None when it can.

    A date written with digits first ("2021-07-09", "2021-07-09T10:00:00Z", "2021-07",
    "20210709") must be a real calendar date between 1800 and today + 50 years; a date in
    words ("Dec 2, 2021") is left to the clean stage, which reads only real dates from it.
    """
    if value is None or not value.strip():
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    shown = " ".join(value.split())[:40]
    first, _, mo, d = m.groups()
    if mo is None and len(first) == 8:  # 20210709
        first, mo, d = first[:4], first[4:6], first[6:]
    earliest, latest = date_range()
    outside = f"published date {shown} is outside {earliest.year}..{latest.year}"
    if len(first) > 4:
        return outside
    year = int(first)
    try:
        first_day = date(year, int(mo) if mo else 1, int(d) if d else 1)
    except ValueError:
        return outside if not earliest.year <= year <= latest.year else \
            f"published date {shown} is not a real date"
    last_day = date(year, 12, 31) if mo is None else first_day
    if last_day < earliest or first_day > latest:
        return outside
    return None


def check_page(page: RawPage) -> RawPage | InputError:
    """The last look at every page a reader found: text without control characters or
    unpaired surrogates, and a declared date that is a real, plausible date."""
    page.content = _clean_str(page.content)
    for attr in ("url", "title", "published", "outlet"):
        value = getattr(page, attr)
        if isinstance(value, str):
            value = _clean_str(value).strip()
            setattr(page, attr, value or None)
        elif value is not None:
            setattr(page, attr, None)
    if not page.content.strip():
        return MalformedInput(page.source, "no text in record")
    problem = published_problem(page.published)
    if problem:
        return MalformedInput(page.source, problem)
    return page


def _one_line(exc: InputError) -> InputError:
    """The same error with its reason on one line of sensible length."""
    reason = " ".join(str(exc.reason).split())
    if len(reason) > 300:
        reason = reason[:297] + "..."
    if reason == exc.reason:
        return exc
    return type(exc)(exc.source, reason)


def read_path(path: Path) -> Iterator[RawPage | InputError]:
    """Yield the pages of one file; a whole-file failure is yielded as one InputError.

    Never raises: an unforeseen failure inside a reader ends that file with one
    InputError naming it; pages yielded before it stand."""
    reader = reader_for(path)
    if reader is None:
        yield UnsupportedFormat(str(path), "not a format storyline reads")
        return
    try:
        data = read_bytes(path)
        for item in reader(path, data):
            if isinstance(item, InputError):
                yield _one_line(item)
            else:
                checked = check_page(item)
                yield _one_line(checked) if isinstance(checked, InputError) else checked
    except InputError as exc:
        yield _one_line(exc)
    except RecursionError:
        yield MalformedInput(str(path), "nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the batch
        log.warning("reading %s failed", path, exc_info=True)
        yield _one_line(MalformedInput(str(path), f"could not be read ({type(exc).__name__}: {exc})"))
