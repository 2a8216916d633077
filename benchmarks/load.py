"""A bounded loopback load test of `storyline serve` on a store of 1,000 documents.

    python benchmarks/load.py [--docs 1000] [--gets 2000] [--concurrency 20] [--posts 50]

1. A store of `--docs` generated articles (short news reports about one invented story,
   from templates with a seeded random generator), ingested and built once through the
   real pipeline and cached under benchmarks/results/ (git-ignored).
2. `storyline serve` on a copy of it, on 127.0.0.1 only, with a token.
3. `--gets` GETs at `--concurrency` over /, /api/v1/events, /api/v1/claims?limit=50 and
   /api/v1/dossier; then `--posts` concurrent authenticated POSTs of new articles while
   the same GET mix keeps running (same concurrency, at most 200x `--gets`); then a check
   that every POSTed article is stored and listed.
4. A chunked POST of 300 MB, with the token (refused at the 5 MB limit) and without it
   (refused before the body is read): how much the client could send before the answer.

The GETs go through a minimal keep-alive HTTP/1.1 client on asyncio streams (accepting
gzip, not decoding it), so that the load generator, which shares the 2 cores with the
server, is not what is measured; each answer's Server-Timing header gives the time spent
in the server's app as well ("app" columns).

Everything is bounded: counts are fixed, every request has a timeout and the whole run a
deadline. The figures are p50/p99 per endpoint, errors, and losses. The target (issue 10),
checked here for the GETs alone and alongside the POSTs: GET p99 < 300 ms at concurrency
20 with 0 errors; the 50 concurrent POSTs all stored; the 300 MB chunked POST refused
before 10 MB is read. Results: benchmarks/results/load.json,
the server's log: benchmarks/results/load-server.log.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

RESULTS = Path(__file__).resolve().parent / "results"
TOKEN = "load-test-token"
GENERATOR = 1  # bump when the generated corpus changes, so the cached store is rebuilt
GET_MIX = ["/", "/api/v1/events", "/api/v1/claims?limit=50", "/api/v1/dossier"]

PEOPLE = [("Mara Voss", "the harbour authority's director"), ("Tomas Keel", "the port union's leader"),
          ("Ines Calder", "the city's mayor"), ("Rafael Ostrow", "the transport minister"),
          ("Lena Hartig", "a spokeswoman for the harbour authority"), ("Omar Baptiste", "the finance minister"),
          ("Greta Lindqvist", "an environmental campaigner"), ("Pavel Marek", "the dredging company's chief"),
          ("Nadia Ferro", "the opposition leader"), ("Jonas Weir", "a union steward"),
          ("Eliza Brandt", "the regional governor"), ("Samir Aziz", "a shipping analyst")]
ORGS = ["the Harbour Authority", "the Port Workers Union", "the City Council", "the Transport Ministry",
        "Deepwater Dredging", "the Regional Assembly", "the Coastal Trust", "the Finance Ministry"]
PLACES = ["Riverport", "North Quay", "the container terminal", "the old lighthouse", "Saltmarsh Bay",
          "the ferry pier", "Eastgate", "the shipyard"]
OUTLETS = ["Riverport Herald", "Coastal Times", "Harbour Wire", "Daily Tide", "Northern Post",
           "Bay News", "Regional Radio", "Port Gazette"]
PROJECTS = ["harbour expansion", "new container berth", "channel dredging", "sea wall", "ferry terminal",
            "rail link to the quay", "fish market renovation", "breakwater repair"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NOUNS = ["budget", "contract", "survey", "permit", "timetable", "tender", "inspection", "report",
         "petition", "protest", "vote", "audit", "loan", "study", "strike", "agreement"]
ADJECTIVES = ["delayed", "revised", "disputed", "final", "provisional", "costly", "long-awaited",
              "controversial", "independent", "preliminary"]
VERBS = ["approve", "complete", "open", "finish", "sign", "publish", "deliver", "reopen"]
PAST = {"approve": "approved", "complete": "completed", "open": "opened", "finish": "finished",
        "sign": "signed", "publish": "published", "deliver": "delivered", "reopen": "reopened"}


def article(i: int, r: random.Random) -> dict:
    """One short report: a headline, a date, an outlet, and 6 to 9 sentences from templates."""
    year = r.randint(2019, 2025)
    month, day = r.randint(1, 12), r.randint(1, 28)
    published = f"{year}-{month:02d}-{day:02d}"

    def person() -> tuple[str, str]:
        return r.choice(PEOPLE)

    def later() -> str:
        return f"{r.choice(MONTHS)} {year + r.randint(0, 3)}"

    def sentence() -> str:
        (name, role), org, org2 = person(), r.choice(ORGS), r.choice(ORGS)
        project, noun, adj, verb = r.choice(PROJECTS), r.choice(NOUNS), r.choice(ADJECTIVES), r.choice(VERBS)
        k = r.randrange(9)
        if k == 0:
            return (f"{name}, {role}, said on {r.choice(WEEKDAYS)} that the {project} would be "
                    f"{PAST[verb]} by {later()}.")
        if k == 1:
            return f"{org[0].upper() + org[1:]} {PAST[verb]} the {adj} {noun} on {r.choice(MONTHS)} {r.randint(1, 28)}, {year}."
        if k == 2:
            return (f"According to the {r.choice(OUTLETS)}, {r.randint(20, 900)} workers protested at "
                    f"{r.choice(PLACES)} on {r.choice(WEEKDAYS)}.")
        if k == 3:
            return f"\"We will {verb} the {project} before the end of {year + r.randint(0, 2)},\" {name} told reporters."
        if k == 4:
            return (f"Officials of {org} announced that {r.randint(2, 90)} million dollars had been set "
                    f"aside for the {adj} {noun}.")
        if k == 5:
            return (f"The {project} was originally due in {year - r.randint(1, 3)}, but the deadline "
                    f"was moved to {year + r.randint(1, 4)}.")
        if k == 6:
            return f"{name} denied that {org} had {PAST[verb]} the {noun} for the {project}."
        if k == 7:
            return (f"Talks between {org} and {org2} on the {noun} are scheduled for "
                    f"{r.choice(MONTHS)} {r.randint(1, 28)}, {year + 1}.")
        return (f"Residents of {r.choice(PLACES)} said the {adj} {noun} had left them "
                f"{r.choice(['angry', 'hopeful', 'uncertain', 'tired', 'relieved'])} "
                f"after {r.randint(2, 40)} {r.choice(['weeks', 'months', 'meetings', 'hearings'])}.")

    body = [sentence() for _ in range(r.randint(6, 9))]
    paragraphs = [" ".join(body[j:j + 3]) for j in range(0, len(body), 3)]
    title = f"{r.choice(ORGS).removeprefix('the ')} {r.choice(['weighs', 'delays', 'backs', 'questions'])} " \
            f"{r.choice(PROJECTS)} ({r.choice(ADJECTIVES)} {r.choice(NOUNS)} {i})"
    return {"title": title, "text": "\n\n".join(paragraphs), "published": published,
            "outlet": r.choice(OUTLETS), "url": f"https://news.example/{i}"}


def build_store(n: int) -> Path:
    """The cached store of n generated documents (ingested and built once)."""
    from storyline.pipeline import build, ingest
    from storyline.store import Store

    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"load-{n}-g{GENERATOR}.db"
    if db.exists():
        return db
    r = random.Random(2024)
    corpus = RESULTS / f"load-{n}-g{GENERATOR}.jsonl"
    corpus.write_text("".join(json.dumps(article(i, r)) + "\n" for i in range(n)), encoding="utf-8")
    tmp = db.with_suffix(".tmp")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(tmp) as store:
        info = ingest([str(corpus)], store)
        print(f"ingested {info.items_out} of {n} ({info.skipped} duplicates, {len(info.failed)} failed) "
              f"in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        build(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built the store of {n} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    tmp.rename(db)
    return db


def note(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_TOKEN"}
    log = open(RESULTS / "load-server.log", "wb")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "-v", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port), "--token", TOKEN,
                             "--as-of", "2026-11-22"], env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/v1/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start: " + (RESULTS / "load-server.log").read_text()[-2000:])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def family_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of the server and of each of its worker processes (by command line)."""
    out = {"server": cpu_seconds(pid)}
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for child in sorted(children, key=int):
        try:
            kind = "resource tracker" if b"resource_tracker" in Path(f"/proc/{child}/cmdline").read_bytes() else "worker"
            out[f"{kind} {child}"] = cpu_seconds(int(child))
        except OSError:
            continue
    return out


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Recorder:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.app: dict[str, list[float]] = {}  # the server's own time (Server-Timing: app;dur=)
        self.errors: dict[str, list[str]] = {}

    def add(self, key: str, seconds: float, error: str | None, app_ms: float | None = None) -> None:
        self.times.setdefault(key, []).append(seconds)
        if app_ms is not None:
            self.app.setdefault(key, []).append(app_ms / 1000)
        if error:
            self.errors.setdefault(key, []).append(error)

    def table(self) -> list[dict]:
        rows = []
        for key, values in self.times.items():
            ordered = sorted(values)
            app = sorted(self.app.get(key, [0.0]))
            rows.append({"endpoint": key, "n": len(values), "errors": len(self.errors.get(key, [])),
                         "p50_ms": round(1000 * statistics.median(ordered), 1), "p99_ms": round(1000 * p99(ordered), 1),
                         "max_ms": round(1000 * ordered[-1], 1),
                         "app_p50_ms": round(1000 * statistics.median(app), 1), "app_p99_ms": round(1000 * p99(app), 1)})
        return rows


def p99(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


class Connection:
    """A minimal keep-alive HTTP/1.1 GET client on asyncio streams: the load generator must
    not be what is measured (httpx costs about three times the server's CPU per request,
    and the two share the same 2 cores)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, dict[str, str]]:
        status, headers, _ = await self.request("GET", path)
        return status, headers

    async def request(self, method: str, path: str, body: bytes = b"",
                      headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Accept-Encoding: gzip"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if body:
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        answer = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        content = await self.reader.readexactly(int(answer.get("content-length", "0")))
        if answer.get("connection", "").lower() == "close":
            self.close()
        return status, answer, content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def timed_get(conn: Connection, path: str, rec: Recorder, key: str) -> None:
    """One GET, its body read to the end as sent (gzip where the server compresses)."""
    t0 = time.perf_counter()
    error, app_ms = None, None
    try:
        status, headers = await asyncio.wait_for(conn.get(path), 60)
        if status != 200:
            error = f"HTTP {status}"
        timing = headers.get("server-timing", "")
        app_ms = float(timing.split("dur=")[1]) if "dur=" in timing else None
    except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
        error = f"{type(exc).__name__}: {exc}"
        conn.close()
    rec.add(key, time.perf_counter() - t0, error, app_ms)


async def get_load(base: str, n: int, concurrency: int, rec: Recorder, prefix: str,
                   stop: asyncio.Event | None = None) -> int:
    """n GETs over the mix, `concurrency` at a time (or until `stop` is set); returns the count."""
    host, port = base.removeprefix("http://").split(":")
    queue = iter(range(n))
    done = 0

    async def worker() -> None:
        nonlocal done
        conn = Connection(host, int(port))
        try:
            for i in queue:
                if stop is not None and stop.is_set():
                    return
                path = GET_MIX[i % len(GET_MIX)]
                await timed_get(conn, path, rec, f"{prefix}GET {path}")
                done += 1
        finally:
            conn.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done


async def post_load(base: str, n: int, rec: Recorder) -> list[str]:
    """n concurrent POSTs, one new article each (each on its own connection, through the
    same lean client as the GETs); the ids the server says it stored."""
    host, port = base.removeprefix("http://").split(":")
    r = random.Random(99)
    articles = [article(100_000 + i, r) for i in range(n)]
    stored: list[str] = []

    async def one(a: dict) -> None:
        conn = Connection(host, int(port))
        t0 = time.perf_counter()
        error = None
        try:
            status, _, content = await asyncio.wait_for(conn.request(
                "POST", "/api/v1/documents", json.dumps({"articles": [a]}).encode(),
                {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}), 1200)
            if status != 201:
                error = f"HTTP {status}: {content[:200]!r}"
            else:
                body = json.loads(content)
                stored.extend(body["documents"])
                if body["added"] != 1:
                    error = f"added {body['added']}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        finally:
            conn.close()
        rec.add("POST /api/v1/documents", time.perf_counter() - t0, error)

    await asyncio.gather(*(one(a) for a in articles))
    return stored


async def run(base: str, server_pid: int, args) -> dict:
    limits = httpx.Limits(max_connections=args.concurrency + args.posts, max_keepalive_connections=args.concurrency + args.posts)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        t0 = time.perf_counter()
        for path in GET_MIX:  # one warm-up pass: the first build of the dossier is not a GET under load
            await client.get(path, timeout=1200)
        note(f"warm-up (the first dossier built and rendered) took {time.perf_counter() - t0:.1f} s")
        rec = Recorder()
        t0 = time.perf_counter()
        server_cpu, client_cpu = cpu_seconds(server_pid), sum(os.times()[:2])
        await get_load(base, args.gets, args.concurrency, rec, "")
        get_seconds = time.perf_counter() - t0
        note(f"{args.gets} GETs in {get_seconds:.1f} s; now {args.posts} POSTs with GETs alongside")
        cpu = {"GET phase: server CPU s": round(cpu_seconds(server_pid) - server_cpu, 1),
               "GET phase: load client CPU s": round(sum(os.times()[:2]) - client_cpu, 1)}
        before = (await client.get("/api/v1/documents", params={"limit": 1})).headers.get("x-total-count")
        stop = asyncio.Event()
        t1 = time.perf_counter()
        family0, client0 = family_cpu(server_pid), sum(os.times()[:2])
        stored: list[str] = []
        gets_during = 0
        if args.posts:
            background = asyncio.create_task(get_load(base, 200 * args.gets, args.concurrency, rec,
                                                      "during POSTs: ", stop))
            stored = await post_load(base, args.posts, rec)
            stop.set()
            gets_during = await background
        post_seconds = time.perf_counter() - t1
        # the CPU the server and its workers (the dossier builder, started at the warm-up, and
        # the writer, started by the first POST) spent meanwhile: on a shared machine the
        # wall times above depend on the other load, these do not
        family1 = family_cpu(server_pid)
        cpu["POST phase: load client CPU s"] = round(sum(os.times()[:2]) - client0, 1)
        for name, value in family1.items():
            cpu[f"POST phase: {name} CPU s"] = round(value - family0.get(name, 0.0), 1)
        note(f"POSTs done in {post_seconds:.1f} s")
        total = int((await client.get("/api/v1/documents", params={"limit": 1})).headers["x-total-count"])
        listed: set[str] = set()
        offset = 0
        while True:
            page = await client.get("/api/v1/documents", params={"limit": 1000, "offset": offset})
            items = page.json()
            listed.update(d["id"] for d in items)
            offset += len(items)
            if not items or offset >= int(page.headers["x-total-count"]):
                break
    missing = [d for d in stored if d not in listed]
    return {"table": rec.table(), "get_seconds": round(get_seconds, 1), "post_seconds": round(post_seconds, 1),
            "gets_during_posts": gets_during, "documents_before": int(before or 0), "documents_after": total,
            "posted": args.posts, "stored_ids": len(set(stored)), "missing": missing,
            "errors": {k: v[:3] for k, v in rec.errors.items()}, "cpu": cpu}


class Upload:
    """A chunked request body of `total` bytes that counts what was taken from it."""

    def __init__(self, total: int, chunk: int = 64 * 1024):
        self.total, self.chunk, self.sent = total, chunk, 0

    def __iter__(self):
        block = b"x" * self.chunk
        while self.sent < self.total:
            self.sent += len(block)
            yield block


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def oversized_posts(base: str, pid: int) -> list[dict]:
    """A chunked 300 MB POST, with the token and without: how much the client could send
    before the answer (a small send buffer, so that is close to what the server read)."""
    out = []
    transport = httpx.HTTPTransport(socket_options=[(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)])
    with httpx.Client(transport=transport, timeout=120) as client:
        for with_token in (True, False):
            body = Upload(300 * 2**20)
            peak = peak_rss_mb(pid)
            headers = {"Content-Type": "application/json"}
            if with_token:
                headers["Authorization"] = f"Bearer {TOKEN}"
            t0 = time.perf_counter()
            try:
                r = client.post(base + "/api/v1/documents", content=body, headers=headers)
                status, read = r.status_code, r.json().get("read_bytes")
            except httpx.HTTPError as exc:
                status, read = f"{type(exc).__name__}", None
            out.append({"token": with_token, "status": status, "sent_mb": round(body.sent / 2**20, 1),
                        "server_read_mb": round(read / 2**20, 1) if read else None,
                        "ms": round(1000 * (time.perf_counter() - t0)),
                        "server_peak_rss_growth_mb": round(peak_rss_mb(pid) - peak, 1)})
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--gets", type=int, default=2000)
    p.add_argument("--concurrency", type=int, default=20)
    p.add_argument("--posts", type=int, default=50)
    p.add_argument("--deadline", type=float, default=1800, help="seconds the load phases may take in all")
    args = p.parse_args()
    cached = build_store(args.docs)
    work = RESULTS / "load-serve.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copyfile(cached, work)
    with sqlite3.connect(work) as c:
        docs = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    proc, base = start_server(work)
    try:
        rss0 = rss_mb(proc.pid)
        result = asyncio.run(asyncio.wait_for(run(base, proc.pid, args), args.deadline))
        result["oversized_posts"] = oversized_posts(base, proc.pid)
        result["server_rss_mb"] = {"start": round(rss0), "end": round(rss_mb(proc.pid))}
    finally:
        proc.terminate()
        proc.wait(30)
    result["store_documents"] = docs
    print(f"store: {docs} documents; {args.gets} GETs at concurrency {args.concurrency} in "
          f"{result['get_seconds']} s; {args.posts} concurrent POSTs in {result['post_seconds']} s "
          f"with {result['gets_during_posts']} GETs alongside")
    print(f"{'endpoint':48} {'n':>5} {'err':>4} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'app p50':>8} {'app p99':>8}")
    for row in result["table"]:
        print(f"{row['endpoint']:48} {row['n']:>5} {row['errors']:>4} {row['p50_ms']:>8} {row['p99_ms']:>8} "
              f"{row['max_ms']:>8} {row['app_p50_ms']:>8} {row['app_p99_ms']:>8}")
    print(f"documents {result['documents_before']} -> {result['documents_after']}; POSTed {args.posts}, "
          f"stored ids {result['stored_ids']}, missing {len(result['missing'])}; "
          f"server RSS {result['server_rss_mb']['start']} -> {result['server_rss_mb']['end']} MB")
    print("CPU:", ", ".join(f"{k} {v}" for k, v in result["cpu"].items()),
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
    for o in result["oversized_posts"]:
        print(f"chunked 300 MB POST {'with' if o['token'] else 'without'} the token: HTTP {o['status']} after the "
              f"client sent {o['sent_mb']} MB (server read {o['server_read_mb']} MB) in {o['ms']} ms; "
              f"server peak RSS +{o['server_peak_rss_growth_mb']} MB")
    posts = [r for r in result["table"] if r["endpoint"].startswith("POST")]
    if posts:
        print(f"POST answers (stored, and in the dossier the next GET serves): p50 {posts[0]['p50_ms'] / 1000:.1f} s, "
              f"max {posts[0]['max_ms'] / 1000:.1f} s")
    builds = [float(m) for m in re.findall(r"built for store generation \d+ in ([\d.]+) s",
                                             (RESULTS / "load-server.log").read_text())]
    if builds:
        print(f"dossier builds: {len(builds)}, {min(builds):.1f}-{max(builds):.1f} s each (in the builder process)")
    result["dossier_builds_s"] = builds
    if result["errors"]:
        print("errors:", json.dumps(result["errors"], indent=1))
    (RESULTS / "load.json").write_text(json.dumps(result, indent=1))
    gets = [r for r in result["table"] if "GET " in r["endpoint"]]  # alone and alongside the POSTs
    ok = (all(r["errors"] == 0 and r["p99_ms"] < 300 for r in gets) and not result["missing"]
          and not any(r["errors"] for r in result["table"])
          and result["stored_ids"] == args.posts and result["documents_after"] == result["documents_before"] + args.posts
          and all(o["status"] == (413 if o["token"] else 401) and o["sent_mb"] < 10 for o in result["oversized_posts"]))
    print("target met" if ok else "target NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
