"""POSTed articles written in batches: one writer pass (store, then one story update) for
all the POSTs that queued while the previous pass ran.

Each pass of the writer ends with a build of the story over the whole store, whose cost
hardly depends on how many documents are new; 50 POSTs arriving together would otherwise
run 50 builds one after the other, and the dossier would be rebuilt after each. Each
request still gets its own answer: what was added, duplicate or refused of its articles.
A batch is bounded (requests, articles). If the writer process dies during a batch of
several requests, they are written again one at a time, so that only the request whose
articles kill it gets the error.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any

from .web_workers import Worker, WorkerDied, write_batches

log = logging.getLogger(__name__)

# requests in one writer pass: the story update costs about as much per new document as
# the pass's fixed costs, so a request answered only at the end of a long batch would wait
# longer than in a short one
MAX_REQUESTS = 10
MAX_ARTICLES = 500  # articles in one writer pass (a request alone may hold 500)


class WriteQueue:
    def __init__(self, writer: Worker, path: str):
        self.writer = writer
        self.path = path
        self.waiting: list[tuple[list, asyncio.Future]] = []
        self.task: asyncio.Task | None = None

    async def write(self, pages: list) -> dict[str, Any]:
        """Store the pages and update the story (with whatever else is queued); this
        request's answer, or {"error": why}. Raises WorkerDied if the writer died on it."""
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self.waiting.append((pages, future))
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._drain())
        return await asyncio.shield(future)  # a client that goes away does not cancel the write

    async def _drain(self) -> None:
        while self.waiting:
            batch = self._next_batch()
            try:
                await self._run(batch)
            except Exception as exc:  # noqa: BLE001 - every request of the batch hears of it
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)

    def _next_batch(self) -> list[tuple[list, asyncio.Future]]:
        batch: list[tuple[list, asyncio.Future]] = []
        articles = 0
        while self.waiting and len(batch) < MAX_REQUESTS:
            pages = self.waiting[0][0]
            if batch and articles + len(pages) > MAX_ARTICLES:
                break
            batch.append(self.waiting.pop(0))
            articles += len(pages)
        return batch

    async def _run(self, batch: list[tuple[list, asyncio.Future]]) -> None:
        try:
            results = await self.writer.run(write_batches, self.path, [pages for pages, _ in batch])
        except WorkerDied:
            if len(batch) == 1:
                raise
            log.error("the writer died on a batch of %d requests; writing them one at a time", len(batch))
            for one in batch:
                try:
                    await self._run([one])
                except Exception as exc:  # noqa: BLE001
                    if not one[1].done():
                        one[1].set_exception(exc)
            return
        if len(batch) > 1:
            log.info("wrote %d requests (%d articles) in one pass", len(batch), sum(len(p) for p, _ in batch))
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)
