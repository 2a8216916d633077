"""Bytes to text: size limits, binary data refused, encodings detected.

Strict UTF-8 (with or without a BOM) or UTF-16 with a BOM first; then the charset a page
declares; then Windows-1252 when the result reads as Western European text; then what
charset-normalizer detects. NUL bytes or more than 2% control bytes are binary data.
"""
from __future__ import annotations

import codecs
import logging
import math
import re

from ..errors import MalformedInput

log = logging.getLogger(__name__)

MIB = 1024 * 1024
MAX_BYTES = 50 * MIB  # the README's "50 MB": MB here always means 1024 * 1024 bytes

def megabytes(size: int) -> str:
    """A size in the unit of the limit, rounded up so that an over-limit size reads as over."""
    return f"{math.ceil(size * 10 / MIB) / 10:.1f} MB"


def too_large(size: int) -> str:
    return f"too large ({megabytes(size)}, over the {MAX_BYTES // MIB} MB limit)"


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_SAMPLE = 64 * 1024
_MAX_CONTROL_SHARE = 0.02
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NOT_CHARSETS = {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7",
                 "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _looks_western(text_: str) -> bool:
    """True for text that reads as a Western European language in Windows-1252: mostly
    ASCII letters, no C1 controls. Text in another 8-bit encoding (Cyrillic, Greek) or a
    multi-byte one decodes to mostly accented letters and is not taken."""
    sample = text_[:_SAMPLE]
    if any("\x80" <= c <= "\x9f" for c in sample):
        return False
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return False
    return sum(1 for c in letters if c > "\x7f") / len(letters) <= 0.3


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start, if any."""
    m = _HTML_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; else the declared
    charset (an HTML <meta> or HTTP header); else Windows-1252 (which reads Latin-1 text
    the same) when the result reads as Western European text; else what charset-normalizer
    detects. Binary data (NUL bytes, many control characters) is refused."""
    if data.startswith(_UTF16_BOMS):
        try:
            decoded = data.decode("utf-16")
        except UnicodeDecodeError:
            decoded = None
        if decoded is None or not _few_controls(decoded):
            raise MalformedInput(source, "binary data, not text")
        return _nonblank(decoded, source)
    sample = data[:_SAMPLE]
    if b"\x00" in data[:8192] or _control_share(sample) > _MAX_CONTROL_SHARE:
        raise MalformedInput(source, "binary data, not text")
    try:
        return _nonblank(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    encoding = _text_encoding(declared)
    if encoding and encoding != "utf-8":
        try:
            return _nonblank(data.decode(encoding), source)
        except (UnicodeError, LookupError, ValueError):
            pass
    try:
        decoded = data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
        decoded = None
    if decoded is not None and _looks_western(decoded):
        return _nonblank(decoded, source)
    detected = _detect(data)
    if detected is not None:
        return _nonblank(detected, source)
    raise MalformedInput(source, f"invalid UTF-8 at byte {utf8_error.start}, and not text in "
                                 "any other encoding storyline can detect")


def _text_encoding(name: str | None) -> str | None:
    """The codec a declared charset names, if it is a real text encoding."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError):
        return None
    codec = info.name.replace("_", "-")
    if not getattr(info, "_is_text_encoding", True) or codec in _NOT_CHARSETS:
        return None
    return codec


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            return None
        decoded = str(best)
    except Exception:  # noqa: BLE001 - a detector failure only means "not detected"
        log.debug("charset detection failed", exc_info=True)
        return None
    return decoded if _few_controls(decoded) else None


def _few_controls(text_: str) -> bool:
    sample = text_[:_SAMPLE]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\f\r\x1b") or "\x7f" <= c <= "\x9f")
    return not sample or controls / len(sample) <= _MAX_CONTROL_SHARE


def _nonblank(text_: str, source: str) -> str:
    if not text_.strip():
        raise MalformedInput(source, "no text in file")
    return text_


# Characters no page holds on purpose: C0 controls other than tab, newline and carriage
# return; DEL and C1 controls; surrogates left unpaired by a JSON escape. A form feed
# (a page break) becomes a newline. XML, and so lxml, refuses all of these.
