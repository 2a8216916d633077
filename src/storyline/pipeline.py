"""Wires the stages; the one place that knows their order.

    ingest:  read -> clean -> dedupe -> store           (per page, each in its own transaction)
    build:   annotate new documents -> resolve -> analyze -> store
    export:  store -> dossier (JSON v1), CSV, Markdown, HTML report

Each step returns a small info record the CLI prints; progress goes through an injected
reporter so the library never prints.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from .analyze.commitments import update_commitments
from .analyze.contradictions import update_contradictions
from .annotate import truecase as tc
from .annotate.document import annotate, tense_finder
from .annotate.nlp import load as load_nlp
from .annotate.timex import Anchor, Tagger
from .clean import clean_page
from .errors import InputError, StorylineError
from .ingest import check_page, discover, read_path
from .model import DateFlag, Document
from .resolve import duplicates as dup
from .resolve.anchors import bounds_from, infer_anchor
from .resolve.datesanity import check_document
from .resolve.entities import resolve_document_entities
from .resolve.events import update_events
from .store import Store
from .story.statements import candidate_pools, index_document

log = logging.getLogger(__name__)


class Reporter(Protocol):
    """Progress callbacks; the CLI passes one that draws bars, the library a silent one."""

    def start(self, stage: str, total: int | None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def finish(self) -> None: ...


class SilentReporter:
    def start(self, stage: str, total: int | None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def finish(self) -> None: ...


@dataclass
class StageInfo:
    stage: str
    items_in: int = 0
    items_out: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    notes: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)  # documents added


def ingest(paths: Iterable[str], store: Store, reporter: Reporter | None = None) -> StageInfo:
    """Read, clean, dedupe and store every page under `paths`."""
    reporter = reporter or SilentReporter()
    t0 = time.perf_counter()
    info = StageInfo("ingest", notes={"near_duplicates": 0})
    files, errors = discover(list(paths))
    info.failed += [(e.source, e.reason) for e in errors]
    index = _duplicate_index(store)
    reporter.start("ingest", len(files))
    for path in files:
        for item in read_path(path):
            if isinstance(item, InputError):
                info.failed.append((item.source, item.reason))
            else:
                _add_page(item, store, index, info)
        reporter.advance()
    reporter.finish()
    info.seconds = time.perf_counter() - t0
    return info


def add_pages(pages: Iterable, store: Store) -> StageInfo:
    """The ingest of pages already read (the HTTP API's articles)."""
    t0 = time.perf_counter()
    info = StageInfo("ingest", notes={"near_duplicates": 0})
    index = _duplicate_index(store)
    for page in pages:
        _add_page(page, store, index, info)
    info.seconds = time.perf_counter() - t0
    return info


def _duplicate_index(store: Store) -> dup.DuplicateIndex:
    index = dup.DuplicateIndex()
    for doc_id, blob in store.docs.minhashes():
        index.add(doc_id, dup.from_bytes(blob))
    return index


def _add_page(page, store: Store, index: dup.DuplicateIndex, info: StageInfo) -> None:
    """Clean one page and store it, unless it is already there; link a reprint to its original."""
    info.items_in += 1
    checked = check_page(page)  # pages from the API skip the readers: same checks here
    if isinstance(checked, InputError):
        info.failed.append((page.source, checked.reason))
        return
    try:
        doc = clean_page(checked)
    except StorylineError as exc:
        info.failed.append((page.source, str(exc)))
        return
    except Exception as exc:  # noqa: BLE001 - one page that breaks the cleaner never stops its batch
        log.warning("cleaning %s failed", page.source, exc_info=True)
        info.failed.append((page.source, f"could not be cleaned ({type(exc).__name__}: {exc})"[:300]))
        return
    if not doc.text.strip():
        info.failed.append((page.source, "no article text left after cleaning"))
        return
    if store.docs.has(doc.id):
        info.skipped += 1
        return
    sig = dup.signature(doc.text)
    match = index.match(sig)
    if match:
        doc.duplicate_of = match[0]
        info.notes["near_duplicates"] += 1
    store.docs.add(doc, dup.to_bytes(sig))
    if match:
        store.docs.set_duplicate(doc.id, match[0], round(match[1], 3))
    else:
        index.add(doc.id, sig)
    info.items_out += 1
    info.ids.append(doc.id)


def _case_lexicon(docs: list[Document]) -> tc.CaseLexicon:
    lexicon = tc.CaseLexicon()
    for d in docs:
        if not d.lowercase:
            lexicon.learn(d.title or "")
            lexicon.learn(d.text)
    return lexicon


def annotate_new(store: Store, reporter: Reporter | None = None, batch: int = 64) -> StageInfo:
    """Annotate every stored document not yet annotated (incremental)."""
    reporter = reporter or SilentReporter()
    t0 = time.perf_counter()
    todo = store.docs.unannotated()
    info = StageInfo("annotate", items_in=len(todo))
    if not todo:
        return info
    nlp = load_nlp()
    all_docs = store.docs.all(include_duplicates=False)
    lexicon = _case_lexicon(all_docs)
    dated = [d for d in all_docs if d.published.value]
    reporter.start("annotate", len(todo))
    for i in range(0, len(todo), batch):
        docs = [store.docs.require(doc_id) for doc_id in todo[i:i + batch]]
        texts = [tc.truecase(d.text, lexicon) if d.lowercase else d.text for d in docs]
        for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
            anchor_value, origin = infer_anchor(doc, _bounds(sdoc), dated)
            store.docs.set_reference(doc.id, anchor_value, origin)
            ann = annotate(doc, sdoc, Anchor(anchor_value, origin))
            store.annotations.save(doc.id, ann.sentences, ann.mentions, ann.timexes, ann.claims)
            info.items_out += 1
            reporter.advance()
    reporter.finish()
    info.seconds = time.perf_counter() - t0
    return info


def _bounds(sdoc):
    """The window a text was written in, from its absolute dates and their tenses."""
    tagger = Tagger(Anchor(None, "none"))
    found = [(t.value, t.tense or "past") for t in tagger.tag(sdoc.text, tense_finder(sdoc))
             if t.kind == "date" and t.value and t.modifier not in ("since",)]
    return bounds_from(found)


def build(store: Store, reporter: Reporter | None = None, rebuild: bool = False) -> list[StageInfo]:
    """Annotate what is new, then add each new document to the story (incrementally).

    The story stores facts only; what they mean on a given day (a commitment's status)
    is judged when the dossier is read (`present.dossier.build_dossier(as_of=...)`)."""
    if rebuild:
        store.items.reset()
    return [annotate_new(store, reporter), update_story(store, reporter)]


def update_story(store: Store, reporter: Reporter | None = None) -> StageInfo:
    """The cross-document stages for every document not yet in the story, one at a time."""
    reporter = reporter or SilentReporter()
    t0 = time.perf_counter()
    queue = store.docs.unindexed()
    info = StageInfo("story", items_in=len(queue),
                     notes={"entities": 0, "events": 0, "contradictions": 0, "commitments": 0,
                            "re-anchored": 0})
    reporter.start("story", len(queue))
    while queue:
        doc_id = queue.pop(0)
        add_to_story(store, doc_id, queue, info)
        info.items_out += 1
        reporter.advance()
    reporter.finish()
    info.seconds = time.perf_counter() - t0
    return info


def add_to_story(store: Store, doc_id: str, queue: list[str], info: StageInfo) -> None:
    """One new document through the cross-document stages, in the order of the diagram:
    resolve (entities, the story index, date sanity, events), then analyze
    (contradictions, commitments)."""
    info.notes["entities"] += resolve_document_entities(store, doc_id)
    statements = index_document(store, doc_id)
    pools = candidate_pools(store, statements)
    for other, reference, reason, weak in check_document(store, statements, pools):
        doc = store.docs.get(other)
        if doc is None or doc.published.has(DateFlag.CONTRADICTED):
            continue  # judged once already
        date = doc.published.with_flag(DateFlag.CONTRADICTED, f"content contradicts date: {reason}")
        if weak and reference != date.reference_date():
            date = date.with_flag(DateFlag.REANCHORED)
            store.docs.set_date_flags(other, date.flags, date.note)
            store.items.forget_document(other)
            reannotate(store, other, reference, "corrected")
            info.notes["re-anchored"] += 1
            if other == doc_id:
                add_to_story(store, doc_id, queue, info)
                return
            queue.append(other)
        else:
            store.docs.set_date_flags(other, date.flags, date.note)
    info.notes["events"] += update_events(store, statements)
    info.notes["contradictions"] += update_contradictions(store, statements, pools)
    info.notes["commitments"] += update_commitments(store, statements)
    store.docs.mark_indexed(doc_id)


def reannotate(store: Store, doc_id: str, anchor: str, origin: str) -> None:
    """Annotate one document again against a new reference date."""
    nlp = load_nlp()
    doc = store.docs.require(doc_id)
    lexicon = _case_lexicon(store.docs.all(include_duplicates=False)) if doc.lowercase else None
    text = tc.truecase(doc.text, lexicon) if doc.lowercase else doc.text
    store.docs.set_reference(doc_id, anchor, origin)
    ann = annotate(doc, nlp(text), Anchor(anchor, origin))
    store.annotations.save(doc_id, ann.sentences, ann.mentions, ann.timexes, ann.claims)


def demo_corpus() -> Path:
    return Path(str(resources.files("storyline") / "data" / "demo"))
