"""Where the per-document annotation runs: in this process, in a local process pool, or on
a Dask cluster.

Annotating one document (truecasing, the spaCy parse, mentions, time expressions, claims,
quantities, the reference date of an undated page) is a pure function of the document and
of read-only inputs shared by the whole build (the case lexicon, the dated documents):
`annotate_batch`. An engine ships batches of documents to wherever that function runs and
hands the results back in document order, so the parent writes them to the store in the
same order whatever the number of workers; the story stages stay in the parent.

    InlineEngine   this process (the library's default, and `--workers 1`)
    ProcessEngine  a pool of local processes (`--workers N`), forked from a server process
                   that loaded spaCy once (engine_warm.py)
    DaskEngine     the workers of a Dask distributed scheduler (`--engine dask --scheduler ADDR`)
"""
from __future__ import annotations

import ctypes
import functools
import logging
import math
import os
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from .annotate import truecase as tc
from .annotate.document import Annotations, annotate, written_dates
from .annotate.nlp import load as load_nlp
from .annotate.nlp import remember_text
from .annotate.timex import Anchor, Tagger
from .errors import StorylineError, UsageError
from .model import Document, DocumentDate
from .resolve.anchors import Bounds, bounds_from, reference

log = logging.getLogger(__name__)

BATCH = 16  # documents per task, and per spaCy minibatch
ENGINES = ("local", "dask")


class AnnotationFailed(StorylineError):
    """One document could not be annotated (raised in the parent, with the worker's reason)."""

    def __init__(self, doc_id: str, reason: str):
        super().__init__(f"annotating {doc_id} failed: {reason}")
        self.doc_id = doc_id
        self.reason = reason


@dataclass(frozen=True)
class Context:
    """The read-only inputs every document's annotation may need, shipped once per worker:
    the case lexicon (only when a lowercase page is to be annotated) and the dated documents
    (only when an undated one is: its reference date is inferred from them)."""

    lexicon: tc.CaseLexicon | None = None
    dated: tuple[Document, ...] = ()

    @classmethod
    def of(cls, todo: Sequence[Document], corpus: Sequence[Document],
           lexicon: Callable[[], tc.CaseLexicon]) -> Context:
        return cls(lexicon() if any(d.lowercase for d in todo) else None,
                   tuple(replace(d, removed=[]) for d in corpus if d.published.value)
                   if any(not d.published.value for d in todo) else ())


@dataclass
class Annotated:
    """One document's result: its reference date and annotations, or why it failed."""

    doc_id: str
    anchor: str | None = None
    origin: str = "none"
    annotations: Annotations | None = None
    error: str | None = None
    trace: str | None = None


# --- the work itself (runs in a worker) -------------------------------------------------

_LOCK = threading.Lock()  # one spaCy pipeline per process; a multi-threaded worker takes turns
_CONTEXT: Context | None = None


@functools.lru_cache(maxsize=1)
def _openblas() -> tuple[Any, Any] | None:
    """(get, set) of the number of threads of the OpenBLAS NumPy loaded, if found (Linux)."""
    try:
        import numpy  # noqa: F401 - loads its BLAS

        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line})
        for path in paths:
            lib = ctypes.CDLL(path)
            for prefix, suffix in (("scipy_openblas_", "64_"), ("openblas_", "64_"), ("openblas_", "")):
                get, put = (getattr(lib, f"{prefix}{verb}_num_threads{suffix}", None) for verb in ("get", "set"))
                if get is not None and put is not None:
                    get.restype, put.argtypes = ctypes.c_int, [ctypes.c_int]
                    return get, put
    except Exception:  # noqa: BLE001 - best effort: without it, BLAS keeps its own setting
        log.debug("OpenBLAS not found", exc_info=True)
    return None


@contextmanager
def blas_threads(n: int = 1) -> Iterator[None]:
    """At most `n` BLAS threads in this process while the block runs. Annotating and the
    story stages (embeddings) run one process per core; a second OpenBLAS thread per process
    spins waiting for work (the same parse took 9% more CPU time with it, and far more wall
    time when other processes keep the cores busy). Each product is computed whole by one
    thread either way, so the results are the same."""
    found = _openblas()
    before = found[0]() if found else 0
    if found and before > n:
        found[1](n)
    try:
        yield
    finally:
        if found and before > n:
            found[1](before)


def annotate_batch(docs: list[Document], context: Context) -> list[Annotated]:
    """Annotate a batch of documents; a document that fails is returned with its reason."""
    with _LOCK, blas_threads(1):
        nlp = load_nlp()
        try:
            texts = [_text(d, context) for d in docs]
            sdocs = [remember_text(s, t) for s, t in zip(nlp.pipe(texts, batch_size=BATCH), texts, strict=True)]
        except Exception:  # noqa: BLE001 - find the document that breaks the batch
            return [_one(nlp, d, context) for d in docs]
        return [_finish(d, s, context) for d, s in zip(docs, sdocs, strict=True)]


def _text(doc: Document, context: Context) -> str:
    return tc.truecase(doc.text, context.lexicon) if doc.lowercase else doc.text


def _one(nlp, doc: Document, context: Context) -> Annotated:
    try:
        text = _text(doc, context)
        sdoc = remember_text(nlp(text), text)
    except Exception as exc:  # noqa: BLE001
        return _failed(doc, exc)
    return _finish(doc, sdoc, context)


def _finish(doc: Document, sdoc, context: Context) -> Annotated:
    try:
        anchor, origin = reference(doc, lambda: bounds(sdoc), list(context.dated))
        return Annotated(doc.id, anchor, origin, annotate(doc, sdoc, Anchor(anchor, origin)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which decides
        return _failed(doc, exc)


def _failed(doc: Document, exc: Exception) -> Annotated:
    return Annotated(doc.id, error=f"{type(exc).__name__}: {exc}"[:300], trace=traceback.format_exc())


def bounds(sdoc) -> Bounds:
    """The window a text was written in, from its absolute dates and their tenses."""
    return bounds_from(written_dates(sdoc, Tagger(Anchor(None, "none"))))


WARM_TEXT = ("The harbour board said on Monday that the new quay would open in March 2031, "
             "two years later than planned. \u201cWe will meet the deadline,\u201d its chair, Ana Veldt, told reporters.")


def warm() -> None:
    """Load spaCy and whatever annotating loads on first use (word lists, frequencies), by
    annotating two short invented pages, one dated and one not. Best effort: a worker that
    finds something not loaded loads it itself, and reports a failure properly."""
    try:
        annotate_batch([Document("warm-dated", "warm.txt", WARM_TEXT, published=DocumentDate("2030-05-04", "day")),
                        Document("warm-undated", "warm.txt", WARM_TEXT)], Context())
    except Exception:  # noqa: BLE001 - never stop the fork server from starting
        log.debug("warming the annotation fork server failed", exc_info=True)


def _init_worker(context: Context) -> None:
    """A pool process: ignore Ctrl-C (the parent stops the pool), keep the context, load spaCy
    (a forked worker finds it loaded)."""
    import signal

    global _CONTEXT
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _CONTEXT = context
    load_nlp()


def _pool_task(docs: list[Document]) -> list[Annotated]:
    assert _CONTEXT is not None, "the pool's initializer sets the context"
    return annotate_batch(docs, _CONTEXT)


# --- engines (run in the parent) --------------------------------------------------------

Load = Callable[[str], Document]


class Engine(Protocol):
    """Runs `annotate_batch` somewhere. An engine may also have `prepare()`, called before
    the parent reads the context, to start what takes long to start (ProcessEngine)."""

    name: str
    workers: int  # how many ran the last call (1: this process)

    def annotate(self, ids: Sequence[str], load: Load, context: Context,
                 size: int = BATCH) -> Iterator[Annotated]:
        """Every document's result, in the order of `ids`, in batches of at most `size`."""
        ...


def batches(ids: Sequence[str], slots: int, size: int = BATCH) -> list[list[str]]:
    """Consecutive batches of at most `size` ids. For several workers (`slots`), each batch
    is at most a 2*slots-th of what is left (and at least a quarter of `size`: spaCy is
    slower on tiny batches), so the last ones shrink and the workers finish together
    instead of one waiting on another's full batch."""
    out, i, size = [], 0, max(1, size)
    least = max(1, min(size // 4, math.ceil(len(ids) / (2 * max(1, slots)))))
    while i < len(ids):
        n = size if slots <= 1 else max(least, min(size, math.ceil((len(ids) - i) / (2 * slots))))
        out.append(list(ids[i:i + n]))
        i += n
    return out


def _in_order(submit: Callable[[list[Document]], Any], groups: Iterable[list[str]], load: Load,
              window: int) -> Iterator[Annotated]:
    """Submit batches (at most `window` in flight) and yield their results in submission order."""
    pending: deque = deque()
    for group in groups:
        pending.append(submit([load(i) for i in group]))
        while len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


class InlineEngine:
    """Annotate in this process."""

    name = "inline"
    workers = 1

    def annotate(self, ids: Sequence[str], load: Load, context: Context,
                 size: int = BATCH) -> Iterator[Annotated]:
        for group in batches(ids, 1, size):
            yield from annotate_batch([load(i) for i in group], context)


def pool_context():
    """How pool processes start: forked from a fork server, a clean single-threaded
    interpreter (whatever threads the parent runs) that imports `engine_warm` before its
    first fork, so spaCy is loaded once and its memory shared by every worker of every
    build of this process; 'spawn' (each worker loads spaCy) where there is no fork server."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.engine_warm"])
    return context


class ProcessEngine:
    """A pool of local worker processes, started for one build (see `pool_context`)."""

    name = "local"

    def __init__(self, workers: int):
        self.size = max(1, workers)
        self.workers = self.size

    def prepare(self) -> None:
        """Start the fork server, if not running: it loads spaCy while the parent reads the
        corpus for the context (its first fork waits for it)."""
        context = pool_context()
        if context.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()

    def annotate(self, ids: Sequence[str], load: Load, context: Context,
                 size: int = BATCH) -> Iterator[Annotated]:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        groups = batches(ids, self.size, size)
        self.workers = max(1, min(self.size, len(groups)))
        if self.workers < 2:  # one batch: not worth starting a process
            yield from InlineEngine().annotate(ids, load, context, size)
            return
        pool = ProcessPoolExecutor(self.workers, pool_context(),
                                   initializer=_init_worker, initargs=(context,))
        try:
            yield from _in_order(lambda docs: pool.submit(_pool_task, docs), groups, load,
                                 2 * self.workers + 1)
        except BrokenProcessPool as exc:
            raise StorylineError(f"an annotation worker process died ({exc}); "
                                 "try fewer --workers if memory is short") from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """The workers of a Dask distributed cluster. Each needs storyline installed (the same
    version); each loads spaCy once, on its first batch, and keeps it for later builds."""

    name = "dask"

    def __init__(self, scheduler: str, timeout: float = 20.0):
        self.scheduler = scheduler
        self.timeout = timeout
        self.workers = 0

    def annotate(self, ids: Sequence[str], load: Load, context: Context,
                 size: int = BATCH) -> Iterator[Annotated]:
        client = self._connect()
        try:
            self.workers = sum(client.nthreads().values())
            if not self.workers:
                raise StorylineError(f"the Dask scheduler at {self.scheduler} has no workers")
            shared = client.scatter(context, broadcast=True, hash=False)
            try:
                yield from _in_order(
                    lambda docs: client.submit(annotate_batch, docs, shared, pure=False),
                    batches(ids, self.workers, size), load, 2 * self.workers + 1)
            except StorylineError:
                raise
            except Exception as exc:  # KilledWorker, CommClosedError, ...
                raise StorylineError(f"the Dask cluster at {self.scheduler} failed to annotate: "
                                     f"{type(exc).__name__}: {exc}") from exc
        finally:
            client.close()

    def _connect(self):
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--engine dask needs Dask distributed: pip install 'dask[distributed]'") from None
        try:
            return Client(self.scheduler, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_engine(kind: str = "local", workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine `build` asked for: local (a pool of `workers` processes, default one per
    core; one worker annotates in this process) or dask (the cluster at `scheduler`)."""
    if kind == "local":
        if scheduler:
            raise UsageError("--scheduler is the address of a Dask scheduler: add --engine dask")
        n = cores() if workers is None else workers
        if n < 1:
            raise UsageError(f"--workers must be at least 1, not {n}")
        return InlineEngine() if n == 1 else ProcessEngine(n)
    if kind == "dask":
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        if workers is not None:
            raise UsageError("--workers sizes the local process pool; with --engine dask the "
                             "cluster's workers do the work")
        return DaskEngine(scheduler)
    raise UsageError(f"unknown engine {kind!r}: choose one of {', '.join(ENGINES)}")
