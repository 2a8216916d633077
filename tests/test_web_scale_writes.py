"""POSTs that queue while the writer is busy are written in one pass (one story update for
all of them), each request still getting its own answer; a writer that dies on a batch is
retried one request at a time so only the culprit fails (issue 10: 50 concurrent POSTs)."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from storyline.model import RawPage
from storyline.present import web_writes
from storyline.present.web_workers import Worker, WorkerDied, write_batches
from storyline.store import Store


def fake_writer(monkeypatch, calls: list[list[list[str]]], poison: str | None = None):
    lock = threading.Lock()

    def write(path: str, batches: list[list[str]]) -> list[dict]:
        with lock:
            calls.append(batches)
        time.sleep(0.2)  # a pass of the writer takes a while: others queue meanwhile
        if poison and any(poison in pages for pages in batches):
            raise WorkerDied("the writer process stopped")
        return [{"added": len(pages), "documents": list(pages)} for pages in batches]

    monkeypatch.setattr(web_writes, "write_batches", write)
    return web_writes.WriteQueue(Worker("writer", processes=False), "unused.db")


def test_queued_posts_are_written_in_one_pass_each_with_its_answer(monkeypatch):
    calls: list = []
    queue = fake_writer(monkeypatch, calls)

    async def main() -> list[dict]:
        first = asyncio.create_task(queue.write(["a0"]))
        await asyncio.sleep(0.05)  # the first pass is running: the next ones queue
        rest = [asyncio.create_task(queue.write([f"b{i}", f"c{i}"])) for i in range(20)]
        return await asyncio.gather(first, *rest)

    answers = asyncio.run(main())
    assert answers[0] == {"added": 1, "documents": ["a0"]}
    assert answers[1:] == [{"added": 2, "documents": [f"b{i}", f"c{i}"]} for i in range(20)]
    assert [len(batch) for batch in calls] == [1, 10, 10]  # 3 passes for 21 requests, not 21


def test_a_batch_is_bounded(monkeypatch):
    calls: list = []
    queue = fake_writer(monkeypatch, calls)
    monkeypatch.setattr(web_writes, "MAX_REQUESTS", 4)

    async def main() -> list[dict]:
        return await asyncio.gather(*(queue.write([f"p{i}"]) for i in range(10)))

    answers = asyncio.run(main())
    assert [a["documents"] for a in answers] == [[f"p{i}"] for i in range(10)]
    assert [len(batch) for batch in calls] == [4, 4, 2]


def test_a_writer_death_fails_only_the_request_that_caused_it(monkeypatch):
    calls: list = []
    queue = fake_writer(monkeypatch, calls, poison="bad")

    async def main() -> list:
        first = asyncio.create_task(queue.write(["ok0"]))
        await asyncio.sleep(0.05)
        rest = [asyncio.create_task(queue.write([name])) for name in ("ok1", "bad", "ok2")]
        return await asyncio.gather(first, *rest, return_exceptions=True)

    answers = asyncio.run(main())
    assert answers[0]["documents"] == ["ok0"] and answers[1]["documents"] == ["ok1"]
    assert isinstance(answers[2], WorkerDied)
    assert answers[3]["documents"] == ["ok2"]
    assert [[p for pages in batch for p in pages] for batch in calls] == [["ok0"], ["ok1", "bad", "ok2"],
                                                                         ["ok1"], ["bad"], ["ok2"]]


@pytest.mark.slow
def test_write_batches_answers_each_request_and_builds_once(tmp_path, monkeypatch):
    from storyline import pipeline

    builds: list[int] = []
    real_build = pipeline.build
    monkeypatch.setattr(pipeline, "build", lambda store, *a, **k: builds.append(1) or real_build(store, *a, **k))
    path = str(tmp_path / "s.db")
    Store(path).close()

    def page(i: int) -> RawPage:
        return RawPage(source=f"api#{i}", content=f"The Vale council met on Monday about ferry pier {i}. "
                       f"Councillor Odile Banfi said repairs to pier {i} would begin in May.", kind="text",
                       title=f"Pier {i}", published="2023-03-01", outlet="Vale Courier")

    answers = write_batches(path, [[page(1), page(2)], [page(3)], [page(1)]])
    assert builds == [1]
    assert [(a["added"], a["duplicates"], len(a["documents"])) for a in answers] == [(2, 0, 2), (1, 0, 1), (0, 1, 0)]
    assert all("story" in a for a in answers)
    with Store(path) as s:
        assert s.docs.count() == 3
