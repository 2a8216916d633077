"""The server holds: each reproduction of issue 10's "server" findings, against a real
`storyline serve` on a copy of the demo store, over real HTTP on loopback.

- a chunked upload far over the body limit, with no Content-Length, is refused with 413
  after at most the limit is read (the server says how much it read; the client counts
  what it managed to send), and without a token it is refused before any body is read;
- only "Authorization: Bearer T" counts as the token;
- bad parameters are a clear 4xx, never a 5xx; no internal parameter in the OpenAPI;
- sources are shown relative (no server path in the API or the reader view);
- lists are paginated (limit/offset, X-Total-Count, Link: rel="next");
- the cache follows the store: a POST is in the next GET, and so is a write by another
  process; concurrent GETs are answered from the cache, not rebuilt one by one.
"""
from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from storyline.pipeline import demo_corpus
from tests.test_web import TOKEN, auth, sqlite_backup, start_server

pytestmark = pytest.mark.slow
MB = 1024 * 1024
LISTS = ("documents", "entities", "events", "claims", "contradictions", "commitments")


@pytest.fixture(scope="module")
def db(demo, tmp_path_factory) -> Path:
    store, _ = demo
    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    return sqlite_backup(store, tmp_path_factory.mktemp("robust") / "robust.db")


@pytest.fixture(scope="module")
def served(db):
    proc, base = start_server(db, TOKEN)
    httpx.get(base + "/", timeout=120)  # the first dossier is built before anything is measured
    yield proc, base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def server(served) -> str:
    return served[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


class Upload:
    """A chunked request body of `total` bytes that counts what was taken from it."""

    def __init__(self, total: int, chunk: int = 64 * 1024):
        self.total, self.chunk, self.sent = total, chunk, 0

    def __iter__(self):
        block = b"x" * self.chunk
        while self.sent < self.total:
            self.sent += len(block)
            yield block


def small_buffer_client() -> httpx.Client:
    # a small send buffer, so what the client counts as sent is close to what the server read
    transport = httpx.HTTPTransport(socket_options=[(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)])
    return httpx.Client(transport=transport, timeout=60)


# -- body limits and the token ------------------------------------------------------------
def test_chunked_300mb_post_is_refused_before_10mb_is_read(served):
    proc, server = served
    peak = peak_rss_mb(proc.pid)
    body = Upload(300 * MB)
    with small_buffer_client() as client:
        r = client.post(server + "/api/v1/documents", content=body,
                        headers={**auth(), "Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]
    assert 5 * MB < r.json()["read_bytes"] < 6 * MB  # the limit, and what the last read brought
    assert body.sent < 10 * MB, f"the client could send {body.sent / MB:.1f} MB"
    assert peak_rss_mb(proc.pid) - peak < 10, "the server's memory grew by 10 MB or more"
    assert httpx.get(server + "/api/v1/events", params={"limit": 1}).status_code == 200  # still serving


def test_without_the_token_no_body_is_read(server):
    body = Upload(300 * MB)
    with small_buffer_client() as client:
        r = client.post(server + "/api/v1/documents", content=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 401 and "Bearer" in r.json()["detail"]
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert body.sent < 10 * MB
        # the token is checked before the body is parsed: broken JSON without a token is a 401
        r = client.post(server + "/api/v1/documents", content=b"{not json", headers={"Content-Type": "application/json"})
        assert r.status_code == 401


def test_a_declared_oversized_body_is_refused_unread(server):
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(f"POST /api/v1/documents HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {300 * MB}\r\n\r\n{{}}".encode())
        answer = b""
        while b"}" not in answer:
            data = s.recv(65536)
            if not data:
                break
            answer += data
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413") and json.loads(body)["read_bytes"] == 0


@pytest.mark.parametrize("header", [TOKEN, f"Basic {TOKEN}", f"Bearer{TOKEN}", f"Token {TOKEN}", f"Bearer {TOKEN}x"])
def test_only_a_bearer_token_counts(server, header):
    article = {"articles": [{"text": "Ferry strike\n\nMarch 7, 2023\n\nFerry crews struck on Tuesday."}]}
    r = httpx.post(server + "/api/v1/documents", json=article, headers={"Authorization": header})
    assert r.status_code == 401, header


# -- parameters -------------------------------------------------------------------------
BAD = [({"from": "notadate"}, "from"), ({"to": "2024-13-45"}, "to"), ({"from": "2024-02-30"}, "from"),
       ({"status": "unknown"}, "status"), ({"limit": "0"}, "limit"), ({"limit": "100000"}, "limit"),
       ({"offset": "-1"}, "offset"), ({"limit": "ten"}, "limit"), ({"as_of": "2024-13-01"}, "as_of"),
       ({"from": "2024-06", "to": "2023"}, "from"), ({"entity": "x" * 1000}, "entity")]


@pytest.mark.parametrize("path", [f"/api/v1/{s}" for s in LISTS] + ["/api/v1/dossier", "/timeline", "/sources"])
def test_bad_parameters_are_a_clear_422(server, path):
    for params, name in BAD:
        if path == "/api/v1/dossier" and name in ("limit", "offset"):
            continue
        r = httpx.get(server + path, params=params)
        assert r.status_code == 422, (path, params, r.status_code, r.text[:200])
        assert name in r.text, (path, params, r.text[:200])


def test_other_bad_requests_are_4xx(server):
    assert httpx.get(server + "/api/v1/search", params={"q": '"unbalanced'}).status_code == 400
    assert httpx.get(server + "/api/v1/search", params={"q": "x" * 2000}).status_code == 422
    assert httpx.get(server + "/api/v1/search").status_code == 422
    assert httpx.get(server + "/api/v1/export/json", params={"as_of": "someday"}).status_code == 422
    assert httpx.get(server + "/api/v1/documents/" + "x" * 500).status_code == 422
    assert httpx.get(server + "/documents/nope").status_code == 404


def test_openapi_has_no_internal_parameter(server):
    spec = httpx.get(server + "/api/v1/openapi.json").json()
    names = {p["name"] for ops in spec["paths"].values() for op in ops.values() for p in op.get("parameters", [])}
    assert names == {"from", "to", "entity", "outlet", "status", "limit", "offset", "as_of", "q", "fmt",
                     "section", "doc_id"}, names
    assert not any(n.startswith("_") for n in names)
    # the list endpoints document their paging headers, the write endpoint its token
    assert "X-Total-Count" in spec["paths"]["/api/v1/events"]["get"]["responses"]["200"]["headers"]
    assert spec["paths"]["/api/v1/documents"]["post"]["security"] == [{"HTTPBearer": []}]


# -- what is shown ------------------------------------------------------------------------
def test_sources_are_relative(server, db):
    folder = str(demo_corpus())
    docs = httpx.get(server + "/api/v1/documents").json()
    names = sorted(p.name for p in Path(folder).glob("*.txt"))
    assert sorted(d["source"] for d in docs) == names  # one folder: just the file names
    for text in (httpx.get(server + "/api/v1/dossier").text, httpx.get(server + "/api/v1/export/json").text,
                 httpx.get(server + "/api/v1/export/csv", params={"section": "documents"}).text,
                 httpx.get(f"{server}/documents/{docs[0]['id']}").text, httpx.get(server + "/sources").text):
        assert folder not in text and str(db.parent) not in text and "/tmp/" not in text


def test_lists_are_paginated(server):
    events = httpx.get(server + "/api/v1/events", params={"limit": 1000})
    everything = events.json()
    total = int(events.headers["x-total-count"])
    assert total == len(everything) > 5 and "link" not in events.headers
    pages, url = [], "/api/v1/events?limit=5"
    while url:
        r = httpx.get(server + url)
        assert int(r.headers["x-total-count"]) == total
        pages += r.json()
        link = r.headers.get("link")
        url = link[1:link.index(">")] if link else None
        assert not link or link.endswith('rel="next"')
    assert pages == everything
    assert httpx.get(server + "/api/v1/events", params={"offset": total + 10}).json() == []
    claims = httpx.get(server + "/api/v1/claims", params={"limit": 2, "outlet": "Xinhua"})
    assert len(claims.json()) == 2 and all(c["outlet"] == "Xinhua" for c in claims.json())
    assert "outlet=Xinhua" in claims.headers["link"]
    page = httpx.get(server + "/timeline", params={"limit": 3, "offset": 3}).text
    assert page.count('class="event" id="event-') == 3
    assert f"Showing 4–6 of {total}" in page and 'rel="next"' in page and 'rel="prev"' in page


# -- the cache follows the store ------------------------------------------------------------
def test_a_post_is_in_the_next_get(server):
    before = httpx.get(server + "/api/v1/dossier").json()
    text = ("Lock gates reopen\n\nApril 2, 2024\n\nThe canal authority reopened the lock gates on Monday, "
            "its director said.")
    r = httpx.post(server + "/api/v1/documents", json={"articles": [{"text": text, "outlet": "Canal Post"}]},
                   headers=auth(), timeout=300)
    assert r.status_code == 201, r.text
    doc_id = r.json()["documents"][0]
    after = httpx.get(server + "/api/v1/dossier").json()
    assert doc_id in {d["id"] for d in after["documents"]} and len(after["documents"]) == len(before["documents"]) + 1
    listed = httpx.get(server + "/api/v1/documents", params={"outlet": "Canal Post"}).json()
    assert [d["id"] for d in listed] == [doc_id] and listed[0]["source"].startswith("api#")
    assert "Lock gates reopen" in httpx.get(server + "/sources").text
    assert httpx.get(f"{server}/api/v1/documents/{doc_id}").status_code == 200


def test_a_write_by_another_process_is_seen(server, db):
    title = f"Retitled by another process {time.time()}"
    subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    "c.execute(\"INSERT INTO meta(key, value) VALUES ('story_title', ?) ON CONFLICT(key) "
                    "DO UPDATE SET value = excluded.value\", (sys.argv[2],)); c.commit()", str(db), title],
                   check=True)
    assert httpx.get(server + "/api/v1/dossier").json()["story"]["title"] == title
    assert title in httpx.get(server + "/").text
    with sqlite3.connect(db) as c:
        c.execute("DELETE FROM meta WHERE key = 'story_title'")
    assert httpx.get(server + "/api/v1/dossier").json()["story"]["title"] != title


def test_concurrent_gets_are_served_from_the_cache(server):
    async def measure() -> list[tuple[float, float]]:
        async with httpx.AsyncClient(base_url=server, timeout=60) as client:
            sem = asyncio.Semaphore(20)

            async def one(path: str) -> tuple[float, float]:
                async with sem:
                    t0 = time.perf_counter()
                    r = await client.get(path)
                    assert r.status_code == 200
                    app_ms = float(r.headers["server-timing"].split("dur=")[1])
                    return time.perf_counter() - t0, app_ms / 1000

            await client.get("/")
            paths = ["/", "/api/v1/events", "/api/v1/claims?limit=50", "/timeline"] * 25
            return await asyncio.gather(*(one(p) for p in paths))

    results = asyncio.run(measure())
    seen = sorted(t for t, _ in results)
    in_app = sorted(a for _, a in results)
    report = json.dumps({"client": [round(t, 3) for t in seen], "app": [round(t, 3) for t in in_app]})
    # Before: every request rebuilt the dossier behind one lock (GET / on 8 documents: p50
    # 586 ms, p99 4.2 s at concurrency 20). Now a request is a look-up in the cache: the time
    # spent in the app is a few ms; what the client sees adds the queue of 20 clients on a
    # (possibly busy) 2-core machine, hence the generous bound on that.
    assert statistics.median(in_app) < 0.05 and in_app[int(0.99 * len(in_app))] < 0.25, report
    assert statistics.median(seen) < 1.0, report


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.parametrize("signal", ["terminate", "kill"])
def test_worker_processes_end_with_the_server(db, signal):
    proc, base = start_server(db, TOKEN)
    try:
        assert httpx.get(base + "/", timeout=120).status_code == 200  # the dossier builder is running
        workers = children(proc.pid)
        assert workers
    finally:
        getattr(proc, signal)()
        proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    assert not alive, f"worker processes left behind after the server was {signal}ed: {alive}"


def test_serve_with_a_mistyped_db_is_a_clear_error(tmp_path):
    missing = tmp_path / "nope.db"
    r = subprocess.run([sys.executable, "-m", "storyline.cli", "serve", "--db", str(missing), "--port", "1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "does not exist" in r.stderr and not missing.exists()
