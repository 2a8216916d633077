"""Wires the stages; the one place that knows their order.

    ingest:  read -> clean -> dedupe -> store           (per page, each in its own transaction)
    build:   annotate new documents -> resolve -> analyze -> store
             (per document and stage, each in its own transaction; a document a stage
             fails on is set aside with the reason: quarantine.py)
    export:  store -> dossier (JSON v1), CSV, Markdown, HTML report

Each step returns a small info record the CLI prints; progress goes through an injected
reporter so the library never prints. The steps that write hold the store's writer lock
(pipeline_lock.py): one writer at a time, a second one waits up to `wait` seconds.
"""
from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from . import pipeline_sections as sections
from .analyze.commitments import update_commitments
from .analyze.contradictions import update_contradictions
from .annotate import truecase as tc
from .annotate.nlp import load as load_nlp
from .annotate.timex import Anchor
from .clean import clean_page
from .engine import BATCH, Annotated, AnnotationFailed, Context, Engine, InlineEngine, blas_threads
from .errors import InputError, StorylineError
from .ingest import check_page, discover, read_path
from .model import DateFlag, Document
from .pipeline_lock import writing
from .pipeline_sections import annotate_long, annotate_parsed, parse_one
from .quarantine import blames_document, forget, set_aside
from .resolve import duplicates as dup
from .resolve.datesanity import check_document
from .resolve.duplicate_cache import duplicate_index
from .resolve.entities import resolve_document_entities
from .resolve.events import update_events
from .resolve.offsets import may_offset, page_offset_day
from .store import Store
from .story.statements import candidate_pools, document_statements, index_document

log = logging.getLogger(__name__)

WAIT = 60.0  # seconds a writer waits for another to finish (None: as long as it takes)


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


def ingest(paths: Iterable[str], store: Store, reporter: Reporter | None = None,
           wait: float | None = WAIT) -> StageInfo:
    """Read, clean, dedupe and store every page under `paths` (holding the writer lock)."""
    with writing(_where(store), "ingest", wait):
        return _ingest(paths, store, reporter)


def _where(store: Store) -> str:
    return str(getattr(store, "path", ":memory:"))


def _ingest(paths: Iterable[str], store: Store, reporter: Reporter | None) -> StageInfo:
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


def add_pages(pages: Iterable, store: Store, wait: float | None = WAIT) -> StageInfo:
    """The ingest of pages already read (the HTTP API's articles)."""
    t0 = time.perf_counter()
    info = StageInfo("ingest", notes={"near_duplicates": 0})
    with writing(_where(store), "ingest", wait):
        index = _duplicate_index(store)
        for page in pages:
            _add_page(page, store, index, info)
    info.seconds = time.perf_counter() - t0
    return info


def _duplicate_index(store: Store) -> dup.DuplicateIndex:
    return duplicate_index(store)  # kept up to date from one batch to the next


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
    if store.docs.has(doc.id):  # the same text: the same page again, or a reprint by another outlet
        reprint = dup.carried_elsewhere(doc, store.docs.get(doc.id))
        if reprint is None or store.docs.has(reprint.id):
            info.skipped += 1
            return
        doc = reprint
    sig = dup.signature(doc.text)
    match = index.match(sig)
    if match:
        doc.duplicate_of = match[0]
    # one statement: a crash leaves the page stored whole or not at all, and a page another
    # ingest stored meanwhile is a duplicate like any other
    if not store.docs.add_if_new(doc, dup.to_bytes(sig), round(match[1], 3) if match else None):
        info.skipped += 1
        return
    if match:
        info.notes["near_duplicates"] += 1
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


def annotate_new(store: Store, reporter: Reporter | None = None, batch: int = BATCH,
                 engine: Engine | None = None) -> StageInfo:
    """Annotate every stored document not yet annotated (incremental).

    The per-document work runs on `engine` (default: this process; `make_engine` gives a
    local process pool or a Dask cluster), in batches of at most `batch` documents; the
    results come back in document order and are written here, so the store ends up the
    same whatever the engine and its number of workers."""
    reporter = reporter or SilentReporter()
    engine = engine or InlineEngine()
    t0 = time.perf_counter()
    todo = store.docs.unannotated()
    info = StageInfo("annotate", items_in=len(todo))
    if not todo:
        return info
    if hasattr(engine, "prepare"):
        engine.prepare()  # e.g. the pool's fork server loads spaCy meanwhile
    context = _annotate_context(store, todo)
    reporter.start("annotate", len(todo))
    long = set(store.docs.longer_than(todo, sections.SECTION_CHARS))  # annotated here, in sections
    results = itertools.chain(engine.annotate([i for i in todo if i not in long], store.docs.require, context, batch),
                              annotate_long([i for i in todo if i in long], store.docs.require, context))
    for result in results:
        try:
            _save_annotated(store, result)
        except Exception as exc:
            if not blames_document(exc):
                raise
            set_aside(store, result.doc_id, "annotate", exc, info.failed)
        else:
            info.items_out += 1
        reporter.advance()
    reporter.finish()
    info.notes["workers"] = engine.workers
    info.seconds = time.perf_counter() - t0
    return info


def _annotate_context(store: Store, todo: list[str]) -> Context:
    """What the documents to annotate need besides themselves. The corpus is read only when
    one of them needs it (a lowercase page: the case lexicon; an undated one: the dated
    pages), not on every incremental build of dated pages, and let go after."""
    if not any(d is not None and (d.lowercase or not d.published.value) for d in map(store.docs.get, todo)):
        return Context()
    everything = store.docs.all(include_duplicates=True)  # a reprint's firm date dates its original too
    corpus = [d for d in everything if not d.duplicate_of]
    pending = set(todo)
    return Context.of([d for d in corpus if d.id in pending], everything, lambda: _case_lexicon(corpus))


def _save_annotated(store: Store, result: Annotated) -> None:
    """Write one document's annotations (or raise the reason its worker gave)."""
    if result.error is not None or result.annotations is None:
        log.debug("annotating %s failed:\n%s", result.doc_id, result.trace)
        raise AnnotationFailed(result.doc_id, result.error or "no result")
    ann = result.annotations
    store.docs.set_reference(result.doc_id, result.anchor, result.origin)
    store.annotations.save(result.doc_id, ann.sentences, ann.mentions, ann.timexes, ann.claims)


def build(store: Store, reporter: Reporter | None = None, rebuild: bool = False,
          engine: Engine | None = None, wait: float | None = WAIT,
          retry_failed: bool = False) -> list[StageInfo]:
    """Annotate what is new, then add each new document to the story (incrementally).
    `retry_failed` gives the documents set aside by earlier builds another try.

    The story stores facts only; what they mean on a given day (a commitment's status)
    is judged when the dossier is read (`present.dossier.build_dossier(as_of=...)`)."""
    with writing(_where(store), "build", wait), blas_threads(1):  # one process per core
        if retry_failed:
            store.docs.clear_failed()
        if rebuild:
            store.items.reset()
        return [annotate_new(store, reporter, engine=engine), update_story(store, reporter)]


def update_story(store: Store, reporter: Reporter | None = None) -> StageInfo:
    """The cross-document stages for every document not yet in the story, one at a time."""
    reporter = reporter or SilentReporter()
    t0 = time.perf_counter()
    queue = store.docs.unindexed()
    info = StageInfo("story", items_in=len(queue),
                     notes={"entities": 0, "events": 0, "contradictions": 0, "commitments": 0,
                            "re-anchored": 0, "offset-dated": 0})
    reporter.start("story", len(queue))
    late = True  # once the queue is done: pages an offset could not place when they came
    while queue or late:
        if not queue:
            late = False
            queue += place_late(store, info)
            continue
        doc_id = queue.pop(0)
        before, notes = list(queue), dict(info.notes)
        try:
            with store.transaction():  # the document's whole pass: a crash leaves none of it
                todo = store.docs.pending(doc_id)  # (unless another writer took it meanwhile)
                if todo:
                    add_to_story(store, doc_id, queue, info)
        except Exception as exc:
            if not blames_document(exc):
                raise
            queue[:], info.notes = before, notes  # what it did to other documents is undone
            set_aside(store, doc_id, "story", exc, info.failed)
        else:
            info.items_out += int(todo)
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
    if offset_dated(store, doc_id, statements):
        info.notes["offset-dated"] += 1
        add_to_story(store, doc_id, queue, info)
        return
    pools = candidate_pools(store, statements)
    for other, reference, reason, weak in check_document(store, statements, pools):
        doc = store.docs.get(other)
        if doc is None or doc.published.has(DateFlag.CONTRADICTED):
            continue  # judged once already
        date = doc.published.with_flag(DateFlag.CONTRADICTED, f"content contradicts date: {reason}")
        if weak and reference != date.reference_date() and not offset_placed(store, doc):
            # (a page an offset phrase places, "the third day of the strike", keeps that day: a
            # weekday matched to another page's alike sentence is the weaker evidence)
            date = date.with_flag(DateFlag.REANCHORED)
            store.docs.set_date_flags(other, date.flags, date.note)
            store.items.forget_document(other)
            reannotate(store, other, reference, "corrected")
            info.notes["re-anchored"] += 1
            if other == doc_id:
                add_to_story(store, doc_id, queue, info)
                return
            store.docs.requeue(other)  # the queue's order is kept in the store: a resumed build follows it
            queue.append(other)
        else:
            store.docs.set_date_flags(other, date.flags, date.note)
    info.notes["events"] += update_events(store, statements)
    info.notes["contradictions"] += update_contradictions(store, statements, pools)
    info.notes["commitments"] += update_commitments(store, statements)
    store.docs.mark_indexed(doc_id)


def place_late(store: Store, info: StageInfo) -> list[str]:
    """Pages with an inferred date that one of their phrases dates by a happening only pages
    added after them tell ("on the second day of the eruption", read before the eruption's
    own pages): placed now that the whole story is indexed, and sent back through the story
    stages. Each page is placed by an offset at most once."""
    moved = []
    in_story = {st.id for st in store.docs.statuses() if st.status == "in story"}
    for doc in store.docs.all(include_duplicates=False):
        if doc.id not in in_story or not offset_placeable(doc) or not may_offset(doc.text):
            continue
        try:
            with store.transaction():
                if offset_dated(store, doc.id, document_statements(store, doc.id)):
                    store.docs.requeue(doc.id)
                    info.notes["offset-dated"] += 1
                    moved.append(doc.id)
        except Exception as exc:
            if not blames_document(exc):
                raise
            set_aside(store, doc.id, "story", exc, info.failed)  # one bad page never blocks the rest
    return moved


def offset_placed(store: Store, doc: Document) -> bool:
    """The page was placed by an offset phrase, or one would place it now (whichever page of
    the story came first)."""
    if doc.published.has(DateFlag.INFERRED):
        return True
    return offset_placeable(doc) and may_offset(doc.text) and \
        page_offset_day(store, doc, document_statements(store, doc.id)) is not None


def offset_placeable(doc: Document) -> bool:
    """A page whose date was only inferred, not yet placed by an offset (each page is, once)."""
    return not doc.published.value and doc.published.reference_origin == "inferred" \
        and not doc.published.has(DateFlag.INFERRED)


def offset_dated(store: Store, doc_id: str, statements: list) -> bool:
    """Place a page whose date was only inferred on the day one of its phrases counts from
    another happening of the story ("on the third day of the search"), and annotate it again
    against that day (resolve/offsets.py). True when it was moved."""
    doc = store.docs.require(doc_id)
    if not offset_placeable(doc):
        return False
    found = page_offset_day(store, doc, statements)
    if found is None or found[0] == doc.published.reference_date():
        return False
    date = doc.published.with_flag(DateFlag.INFERRED, found[1])
    store.docs.set_date_flags(doc_id, date.flags, date.note)
    store.items.forget_document(doc_id)
    reannotate(store, doc_id, found[0], "inferred")
    return True


def reannotate(store: Store, doc_id: str, anchor: str, origin: str) -> None:
    """Annotate one document again against a new reference date."""
    nlp = load_nlp()
    doc = store.docs.require(doc_id)
    lexicon = _case_lexicon(store.docs.all(include_duplicates=False)) if doc.lowercase else None
    text = tc.truecase(doc.text, lexicon) if doc.lowercase else doc.text
    store.docs.set_reference(doc_id, anchor, origin)
    ann = annotate_parsed(doc, parse_one(nlp, text), Anchor(anchor, origin))
    store.annotations.save(doc_id, ann.sentences, ann.mentions, ann.timexes, ann.claims)


def forget_documents(store: Store, doc_ids: list[str], wait: float | None = WAIT) -> list[tuple[str, str | None]]:
    """Remove documents and everything that came only from them (quarantine.forget);
    (document, the reprint that takes its place or None) for each."""
    with writing(_where(store), "forget", wait):
        return [(doc_id, forget(store, doc_id)) for doc_id in doc_ids]


def demo_corpus() -> Path:
    return Path(str(resources.files("storyline") / "data" / "demo"))
