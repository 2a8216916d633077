"""WARC and WARC.gz: every HTTP response record with an HTML or text body is a page.

The gzip layer is undone here, not by warcio, so that it is bounded (an archive may unpack
to at most UNPACKED_LIMIT bytes) and so that a file cut short or corrupt inside its gzip
data says so. Every record is checked to be complete (its Content-Length worth of bytes):
the complete records before a break are read; the broken one, and the rest of the file
when no record boundary can be trusted after it, are reported, never stored as pages.
"""
from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawPage
from .decode import MAX_BYTES, MIB, decode_text, megabytes

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 64 * 1024


class _Unpacked(Exception):
    """The archive unpacks to more than the limit."""


class _Gunzip:
    """A read-only stream of the decompressed bytes of (multi-member) gzip data that
    remembers why it ended early: truncated, corrupt, or trailing bytes that are no gzip."""

    def __init__(self, data: bytes, limit: int):
        self.data = memoryview(data)
        self.pos = 0  # compressed bytes fed so far
        self.out = 0  # decompressed bytes returned so far
        self.limit = limit
        self.error: str | None = None
        self.done = False
        self.buf = b""
        self.d = zlib.decompressobj(zlib.MAX_WBITS | 16)

    def tell(self) -> int:
        return self.out

    def _more(self) -> bytes:
        """The next piece of decompressed output; b"" when the data ends."""
        while not self.done:
            try:
                if self.d.unconsumed_tail:
                    piece = self.d.decompress(self.d.unconsumed_tail, CHUNK)
                elif self.d.eof:
                    rest = bytes(self.d.unused_data) + bytes(self.data[self.pos:])
                    self.pos = len(self.data)
                    if not rest.strip(b"\x00"):
                        self.done = True  # end, perhaps with zero padding
                        return b""
                    if not rest.startswith(GZIP_MAGIC):
                        self.error = f"{len(rest)} bytes after the gzip data are not gzip"
                        self.done = True
                        return b""
                    self.d = zlib.decompressobj(zlib.MAX_WBITS | 16)
                    piece = self.d.decompress(rest, CHUNK)
                elif self.pos < len(self.data):
                    chunk = self.data[self.pos:self.pos + CHUNK]
                    self.pos += len(chunk)
                    piece = self.d.decompress(chunk, CHUNK)
                else:
                    self.error = "the gzip data ends early: the file was cut short"
                    self.done = True
                    return b""
            except zlib.error as exc:
                self.error = f"corrupt gzip data ({exc})"
                self.done = True
                return b""
            if piece:
                return piece
        return b""

    def read(self, size: int = -1) -> bytes:
        parts = [self.buf]
        have = len(self.buf)
        while size < 0 or have < size:
            piece = self._more()
            if not piece:
                break
            parts.append(piece)
            have += len(piece)
            if self.out + have > self.limit:
                raise _Unpacked()
        data = b"".join(parts)
        if size >= 0:
            data, self.buf = data[:size], data[size:]
        else:
            self.buf = b""
        self.out += len(data)
        return data

    def close(self) -> None:
        pass


def _loader():
    from warcio.recordloader import ArcWarcRecordLoader

    class Loader(ArcWarcRecordLoader):
        """warcio's loader, but a record without WARC-Target-URI does not crash it."""

        def load_http_headers(self, rec_type, uri, stream, length):
            return super().load_http_headers(rec_type, uri or "", stream, length)

    return Loader(verify_http=False, arc2warc=False)


@contextlib.contextmanager
def _quiet():
    """warcio prints its warnings to stderr; keep them to the log."""
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        yield
    if buf.getvalue().strip():
        log.info("warcio: %s", " ".join(buf.getvalue().split())[:500])


def _length_ok(record) -> bool:
    key = "length" if record.format == "arc" else "Content-Length"
    value = record.rec_headers.get_header(key)
    return value is not None and value.strip().isdigit() and record.length is not None


def _remaining(record) -> int:
    """Bytes of the record's block that the file does not hold (0 for a complete record)."""
    stream = record.raw_stream
    while stream.read(CHUNK):
        pass
    return getattr(stream, "limit", 0)


def read_warc(path: Path, data: bytes) -> Iterator[RawPage | InputError]:
    from warcio.archiveiterator import ArchiveIterator


    unpacked_limit = 10 * MAX_BYTES
    stream = _Gunzip(data, unpacked_limit) if data.startswith(GZIP_MAGIC) else io.BytesIO(data)
    total = None if isinstance(stream, _Gunzip) else len(data)
    it = ArchiveIterator(stream)
    it.loader = _loader()
    it.reader.set_decomp(None)  # the gzip layer is ours; warcio reads plain WARC
    records = iter(it)

    found = 0  # pages yielded
    failed = 0  # records reported
    index = 0  # response and resource records seen (numbers the sources)
    complete = 0  # records read whole

    def broken(what: str) -> MalformedInput:
        done = f"; the {complete} complete record(s) before it were read" if complete else ""
        return MalformedInput(str(path), f"truncated or corrupt WARC: {what}{done}")

    while True:
        try:
            with _quiet():
                record = next(records, None)
        except _Unpacked:
            yield broken(f"it unpacks to over {megabytes(unpacked_limit)}")
            return
        except Exception as exc:  # noqa: BLE001 - warcio's parse errors have many types
            yield broken(f"record {complete + 1} cannot be parsed ({type(exc).__name__}: {exc})")
            return
        if record is None:
            break
        number = complete + 1
        if not _length_ok(record):
            yield broken(f"record {number} has no valid Content-Length")
            return
        wanted = record.rec_type in ("response", "resource")
        if wanted:
            index += 1
        source = f"{path}#{index}"
        try:
            with _quiet():
                outcome = _page(record, source) if wanted else None
                missing = _remaining(record)
        except _Unpacked:
            yield broken(f"it unpacks to over {megabytes(unpacked_limit)}")
            return
        except Exception as exc:  # noqa: BLE001
            yield broken(f"record {number} cannot be read ({type(exc).__name__}: {exc})")
            return
        if missing:
            got = record.length - missing
            why = stream.error if isinstance(stream, _Gunzip) and stream.error else "the file ends"
            yield broken(f"record {number} ends after {got} of its {record.length} bytes ({why})")
            return
        complete += 1
        if outcome is None:
            continue
        if isinstance(outcome, RawPage):
            found += 1
        else:
            failed += 1
        yield outcome

    if isinstance(stream, _Gunzip):
        if stream.error:
            yield broken(stream.error)
            return
        total = stream.tell()
    leftover = (total or 0) - it.offset
    if leftover > 0:
        yield broken(f"{leftover} bytes after record {complete} are no complete WARC record")
        return
    if complete == 0:
        yield MalformedInput(str(path), "no WARC records in file")
    elif index == 0:
        yield MalformedInput(str(path), "no response records in WARC")
    elif found == 0 and failed == 0:
        yield MalformedInput(str(path), "no HTML or text responses in WARC")


def _page(record, source: str) -> RawPage | InputError | None:
    """The page in a response or resource record, an error for it, or None for a record
    that holds no page (an image, a script...)."""

    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response" and not url:
        return MalformedInput(source, "response record without WARC-Target-URI")
    if record.http_headers is not None:
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    if ctype and "html" not in ctype and "text" not in ctype:
        return None
    body = record.content_stream().read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return MalformedInput(source, f"response body over the {MAX_BYTES // MIB} MB limit")
    if not body.strip():
        return MalformedInput(source, "empty response body")
    charset = None
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    try:
        content = decode_text(body, source, declared=charset)
    except InputError as exc:
        return exc
    kind = "html" if ("html" in ctype or "<html" in content[:2000].lower()) else "text"
    return RawPage(source=source, content=content, kind=kind, url=url or None)
