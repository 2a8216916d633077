"""The web app's dossier cache: one dossier per store version and day, built once.

The store version is `data_version()` read on a connection that never writes (SQLite:
`PRAGMA data_version`): it changes whenever any other connection commits — the app's own
writer (POST) or another process (`storyline ingest`/`build` on the same store) — and
costs a few microseconds, so every request checks it. A dossier is built in the builder
process (web_workers) inside one read transaction (a consistent snapshot), at most one
build per day at a time; requests that need the same build wait for it together (single
flight). While the app itself is writing (a POST between its first write and the refresh
that follows), requests are answered from the newest complete dossier instead of waiting
for one that would be stale again at once; the POST answers only once the cache holds
its documents, so the next GET sees them.

Everything derived from one dossier (a filtered section, a serialized page of the API, a
rendered HTML page) is memoised on its entry, in a small LRU, with the same single flight.
"""
from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..store import Store
from ..store.factory import open_store
from .web_workers import Worker, WorkerDied, assemble, build_sections, load_sections

log = logging.getLogger(__name__)

MAX_DAYS = 4  # dossiers kept for other `as_of` days than the default one
MAX_DERIVED = 96  # memoised views per dossier


class StoreWatch:
    """A monotonic generation number that moves whenever the store changes."""

    def __init__(self, path: str):
        self.store = open_store(path)
        self.lock = threading.Lock()
        self.last: int | None = None
        self.generation = 0

    def now(self) -> int:
        with self.lock:
            version = self.store.data_version()
            if version != self.last:
                self.last = version
                self.generation += 1
            return self.generation

    def close(self) -> None:
        self.store.close()


class Pool:
    """A few read connections for work outside the cache (search, sentences of a document)."""

    def __init__(self, path: str, size: int = 4):
        self.path = path
        self.free: queue.LifoQueue[Store] = queue.LifoQueue()
        self.slots = threading.Semaphore(size)
        self.all: list[Store] = []
        self.lock = threading.Lock()

    @contextmanager
    def connection(self) -> Iterator[Store]:
        with self.slots:
            try:
                store = self.free.get_nowait()
            except queue.Empty:
                store = open_store(self.path)
                with self.lock:
                    self.all.append(store)
            try:
                yield store
            finally:
                if store.conn.in_transaction:
                    store.conn.execute("ROLLBACK")
                self.free.put(store)

    def close(self) -> None:
        with self.lock:
            for store in self.all:
                store.close()


@dataclass
class Entry:
    """The dossier of one store generation judged at one day, and what is derived from it."""

    generation: int
    day: str
    dossier: dict
    docs: dict[str, dict]
    derived: OrderedDict = field(default_factory=OrderedDict)
    inflight: dict[Any, asyncio.Task] = field(default_factory=dict)


class DossierCache:
    def __init__(self, path: str, default_day: Callable[[], str], builder: Worker):
        self.path = path
        self.default_day = default_day
        self.watch = StoreWatch(path)
        self.builder = builder
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.pending: dict[str, asyncio.Task] = {}
        self.writers = 0  # POSTs of this app between their first write and their refresh

    async def get(self, day: str, fresh: bool = False) -> Entry:
        """The dossier at `day` as of now (or, while this app is writing and `fresh` is not
        asked for, the newest one built)."""
        want = self.watch.now()
        while True:
            entry = self.entries.get(day)
            if entry is not None and (entry.generation >= want or (self.writers and not fresh)):
                self.entries.move_to_end(day)
                return entry
            task = self.pending.get(day)
            if task is None:
                task = asyncio.get_running_loop().create_task(self._refresh(day))
                self.pending[day] = task
                task.add_done_callback(partial(self._done, day))
            await asyncio.shield(task)  # a failed build raises here, for every waiter

    def _done(self, day: str, task: asyncio.Task) -> None:
        if self.pending.get(day) is task:
            del self.pending[day]
        if not task.cancelled() and task.exception() is not None:
            log.error("building the dossier failed", exc_info=task.exception())

    async def _refresh(self, day: str) -> Entry:
        generation = self.watch.now()  # before the snapshot: a later commit means a rebuild
        t0 = time.perf_counter()
        try:
            sections = await self.builder.run(build_sections, self.path, day)
        except WorkerDied:
            sections = await self.builder.run(build_sections, self.path, day)  # once more, in a new one
        d = await load_sections(sections)
        entry = Entry(generation, day, d, {x["id"]: x for x in d["documents"]})
        entry.derived[("dossier",)] = assemble(sections)
        log.info("dossier at %s built for store generation %d in %.1f s", day, generation, time.perf_counter() - t0)
        old = self.entries.get(day)
        if old is None or entry.generation >= old.generation:
            self.entries[day] = entry
            self.entries.move_to_end(day)
        default = self.default_day()
        while len(self.entries) > MAX_DAYS + 1:
            oldest = next(k for k in self.entries if k != default)
            del self.entries[oldest]
        return entry

    async def memo(self, entry: Entry, key: Any, fn: Callable[..., Any], *args: Any,
                   thread: bool = True) -> Any:
        """fn(*args), computed once per entry (in a worker thread unless `thread` is False)."""
        if key in entry.derived:
            entry.derived.move_to_end(key)
            return entry.derived[key]
        task = entry.inflight.get(key)
        if task is None:
            async def compute() -> Any:
                value = await run_in_threadpool(fn, *args) if thread else fn(*args)
                entry.derived[key] = value
                while len(entry.derived) > MAX_DERIVED:
                    entry.derived.popitem(last=False)
                return value

            task = asyncio.get_running_loop().create_task(compute())
            entry.inflight[key] = task
            task.add_done_callback(lambda _: entry.inflight.pop(key, None))
        return await asyncio.shield(task)

    def close(self) -> None:
        self.watch.close()
