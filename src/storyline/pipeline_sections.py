"""Long texts are parsed and annotated in sections, so time and memory grow linearly.

spaCy refuses a text over `nlp.max_length` (E088) and its parser needs about 1 GB per
100,000 characters, and some per-document annotation steps grow faster than the text.
A text over `section_chars(nlp)` is cut at paragraph breaks (else line breaks, sentence
ends, spaces) into sections under that size; each is parsed and annotated alone, and
the annotations are put back together with their offsets and sentence numbers shifted,
so every offset points into the whole cleaned text, as for a short one. Short texts (every
ordinary article) go to the annotation engine unchanged; long ones are annotated here, in
the build's own process (`annotate_long`), with the same results' shape.
"""
from __future__ import annotations

import functools
import re
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from .annotate import truecase as tc
from .annotate.attribution import claim_id
from .annotate.document import Annotations, annotate, written_dates
from .annotate.nlp import load as load_nlp
from .annotate.timex import Anchor, Tagger
from .engine import Annotated, Context
from .model import Document, Evidence
from .resolve.anchors import Bounds, bounds_from, reference

SECTION_CHARS = 50_000
BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def section_chars(nlp) -> int:
    """The largest section: SECTION_CHARS, and never over half the model's max_length."""
    return max(1_000, min(SECTION_CHARS, nlp.max_length // 2))


def cut(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) spans that cover the text, each at most `size` long, cut after the last
    paragraph break of the window (else line break, sentence end, space; none in its first
    eighth, so sections are never tiny)."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        end = size
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 8)]
            if ends:
                end = ends[-1]
                break
        spans.append((start, start + end))
        start += end
    spans.append((start, len(text)))
    return spans


class Sectioned:
    """A long text's parse: (offset, spaCy Doc) for each section."""

    def __init__(self, nlp, text: str):
        self.text = text
        spans = cut(text, section_chars(nlp))
        self.parts: list[tuple[int, Any]] = []
        for (start, _end), sdoc in zip(spans, nlp.pipe((text[s:e] for s, e in spans), batch_size=1),
                                      strict=True):
            sdoc.tensor = sdoc.tensor[:0]  # the token vectors are not read after the parse
            self.parts.append((start, sdoc))


def parse_one(nlp, text: str) -> Any:
    """The parse of one text (in sections when long), or the exception it raised."""
    try:
        return Sectioned(nlp, text) if len(text) > section_chars(nlp) else nlp(text)
    except Exception as exc:  # noqa: BLE001 - handed to the caller, which sets the document aside
        return exc


def bounds(parsed) -> Bounds:
    """The window a text was written in, from its absolute dates and their tenses."""
    tagger = Tagger(Anchor(None, "none"))
    found = []
    for _, sdoc in parsed.parts if isinstance(parsed, Sectioned) else [(0, parsed)]:
        found += written_dates(sdoc, tagger)
    return bounds_from(found)


def annotate_parsed(doc: Document, parsed, anchor: Anchor) -> Annotations:
    """Annotate a document from its parse; a sectioned one section by section."""
    if isinstance(parsed, BaseException):
        raise parsed
    if not isinstance(parsed, Sectioned):
        return annotate(doc, parsed, anchor)
    whole = Annotations(doc.id, [], [], [], [], [])
    for offset, sdoc in parsed.parts:
        part = annotate(replace(doc, text=doc.text[offset:offset + len(sdoc.text)]), sdoc, anchor)
        first = len(whole.sentences)
        whole.sentences += [replace(s, index=s.index + first, start=s.start + offset, end=s.end + offset)
                            for s in part.sentences]
        whole.mentions += [replace(m, sentence=m.sentence + first, start=m.start + offset, end=m.end + offset)
                           for m in part.mentions]
        whole.timexes += [replace(t, sentence=t.sentence + first, start=t.start + offset, end=t.end + offset)
                          for t in part.timexes]
        whole.claims += [replace(c, id=claim_id(doc.id, c.sentence + first, c.speaker), sentence=c.sentence + first,
                                 evidence=[Evidence(e.doc, e.sentence + first, e.text) if e.doc == doc.id else e
                                           for e in c.evidence])
                         for c in part.claims]
        whole.tenses += part.tenses
    return whole


def annotate_long(ids: Sequence[str], load: Callable[[str], Document], context: Context) -> Iterator[Annotated]:
    """Annotate long documents one at a time, in sections: each result as the annotation
    engine gives it (its reference date and annotations, or the reason it failed)."""
    for doc_id in ids:
        doc = load(doc_id)
        try:
            nlp = load_nlp()
            parsed = parse_one(nlp, tc.truecase(doc.text, context.lexicon) if doc.lowercase else doc.text)
            if isinstance(parsed, BaseException):
                raise parsed
            anchor, origin = reference(doc, functools.partial(bounds, parsed), list(context.dated))
            yield Annotated(doc.id, anchor, origin, annotate_parsed(doc, parsed, Anchor(anchor, origin)))
        except Exception as exc:  # noqa: BLE001 - the caller sets the document aside
            yield Annotated(doc.id, error=f"{type(exc).__name__}: {exc}"[:300], trace=traceback.format_exc())
