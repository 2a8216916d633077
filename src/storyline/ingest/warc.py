"""WARC and WARC.gz: every HTTP response record with an HTML or text body is a page."""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..model import RawPage


def read_warc(path: Path, data: bytes) -> Iterator[RawPage | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    index = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            index += 1
            source = f"{path}#{index}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = ""
            if record.http_headers is not None:
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            else:
                ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
            if ctype and "html" not in ctype and "text" not in ctype:
                continue
            body = record.content_stream().read()
            charset = "utf-8"
            if "charset=" in ctype:
                charset = ctype.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
            try:
                content = body.decode(charset, errors="strict")
            except (UnicodeDecodeError, LookupError):
                yield MalformedInput(source, f"body is not valid {charset}")
                continue
            if not content.strip():
                yield MalformedInput(source, "empty response body")
                continue
            kind = "html" if ("html" in ctype or "<html" in content[:2000].lower()) else "text"
            found += 1
            yield RawPage(source=source, content=content, kind=kind, url=url)
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        yield MalformedInput(str(path), f"malformed or truncated WARC ({exc})")
        return
    if found == 0 and index == 0:
        yield MalformedInput(str(path), "no response records in WARC")
