"""The web app's heavy work, in worker processes: building the dossier and writing.

Building a dossier and running the pipeline on new articles are long stretches of Python
(and of C code that holds the interpreter lock: spaCy, JSON). In the server's own process
they would stall the event loop that answers every other request, so each runs in a
process of its own (one builder, one writer; started on first use with `spawn`, each with
its own store connection). A worker that dies (out of memory on a pathological article,
say) is replaced; the request that was running gets a clear error, the server goes on.

The builder returns the dossier as JSON, one section at a time: the server loads the
sections one by one (short pauses instead of one long one) and has the body of
/api/v1/dossier without serializing it again.
"""
from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from starlette.concurrency import run_in_threadpool

log = logging.getLogger(__name__)
_STORES: dict[tuple[str, str], Any] = {}  # in a worker: the store it opened, by role and path


def _store(role: str, path: str):
    from ..store.factory import open_store

    if (role, path) not in _STORES:
        _STORES[role, path] = open_store(path)
    return _STORES[role, path]


def build_sections(path: str, day: str) -> list[tuple[str, bytes]]:
    """The dossier at `day`, read in one snapshot, as (key, JSON) pairs in the contract's
    order; document sources made relative (no server path leaves the server)."""
    from .dossier import build_dossier
    from .views import relative_sources

    store = _store("builder", path)
    store.conn.execute("BEGIN")
    try:
        d = build_dossier(store, as_of=day)
    finally:
        store.conn.execute("ROLLBACK")  # read only: nothing to keep
    shown = relative_sources([x["source"] for x in d["documents"]])
    for x in d["documents"]:
        x["source"] = shown.get(x["source"], x["source"])
    return [(key, dumps(value)) for key, value in d.items()]


def write_pages(path: str, pages: list) -> dict:
    """Store the pages and update the story: what the API answers, or {"error": why}."""
    return write_batches(path, [pages])[0]


def write_batches(path: str, batches: list[list]) -> list[dict]:
    """Store each request's pages, then update the story once for all of them: each
    request's answer (what was added, duplicate, refused), or {"error": why}."""
    from ..errors import StorylineError
    from ..pipeline import add_pages, build

    store = _store("writer", path)
    out: list[dict] = []
    for pages in batches:
        try:
            info = add_pages(pages, store)
        except StorylineError as exc:
            out.append({"error": str(exc)})
            continue
        out.append({"added": info.items_out, "duplicates": info.skipped,
                    "failed": [{"source": s, "reason": r} for s, r in info.failed],
                    "documents": info.ids})
    if all("error" in r for r in out):
        return out
    try:
        infos = build(store)
    except StorylineError as exc:
        return [r if "error" in r else {"error": str(exc)} for r in out]
    return [r if "error" in r else {**r, "story": infos[-1].notes} for r in out]


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def assemble(sections: list[tuple[str, bytes]]) -> bytes:
    """The whole dossier's JSON from its sections' (the same bytes json.dumps would give)."""
    return b"{" + b",".join(dumps(key) + b":" + body for key, body in sections) + b"}"


async def load_sections(sections: list[tuple[str, bytes]]) -> dict:
    """The dossier from its sections, each parsed in a worker thread in turn."""
    d = {}
    for key, body in sections:
        d[key] = await run_in_threadpool(json.loads, body) if len(body) > 65536 else json.loads(body)
    return d


class Worker:
    """One worker process (or, with processes=False, the caller's thread pool)."""

    def __init__(self, name: str, processes: bool = True):
        self.name = name
        self.processes = processes
        self.executor: Executor | None = None
        self.lock = threading.Lock()
        self.serial = threading.Lock()

    def _executor(self) -> Executor | None:
        if not self.processes:
            return None
        with self.lock:
            if self.executor is None:
                self.executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                    initializer=_watch_parent, initargs=(os.getpid(),))
            return self.executor

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        executor = self._executor()
        if executor is None:
            return await run_in_threadpool(self._serial, fn, *args)
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
        except BrokenProcessPool:
            log.error("the %s process died; starting another", self.name)
            with self.lock:
                if self.executor is executor:
                    self.executor = None
            executor.shutdown(wait=False, cancel_futures=True)
            raise WorkerDied(f"the {self.name} process stopped (out of memory?) and was replaced") from None

    def _serial(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self.serial:  # in threads: one call at a time, as in the one process
            return fn(*args)

    def close(self) -> None:
        """Stop the worker now (a write cut short is rolled back by the store)."""
        with self.lock:
            executor, self.executor = self.executor, None
        if isinstance(executor, ProcessPoolExecutor):
            processes = list(getattr(executor, "_processes", {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the server is gone, however it ended (even killed)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


class WorkerDied(RuntimeError):
    pass
