"""End to end on generated articles, SQLite and PostgreSQL side by side.

    python benchmarks/end_to_end_stores.py [--articles 10000] [--probe 50] [--workers 2]
        [--checkpoints 1000,5000,10000] [--stores sqlite,postgresql]
        [--pg postgresql://...]   (default: $STORYLINE_TEST_PG)   [--workdir DIR]

For each store, in a process of its own (so peak memory is that store's run): the articles
(benchmarks/load.py's generator: short reports about one invented story) are ingested and
built in steps up to each checkpoint (1,000 / 5,000 / 10,000 by default, those that fit);
at each checkpoint a probe batch of --probe more articles is ingested and built alone,
and its build time per article is the cost of adding an article to a story of that size.
Then the dossier is exported as JSON by `storyline export` in a process of its own, as a
user runs it (kept as dossier-STORE.json beside the batches, so the stores' dossiers can be
compared). Printed: wall time per phase, time per added article at each checkpoint, peak
RSS of the run's own process (ingest and build), of its largest worker and of the export,
and whether the dossiers of the stores are the same (they should be: same articles, same
order, same `--as-of`). The stores can also be run by separate invocations at once
(`--stores sqlite` and `--stores postgresql`, the same `--workdir`, where the article
batches are written): the dossiers' hashes printed are then the ones to compare.

`--story-only SIZES` (e.g. 1000,5000,10000) times only what the store changes: the
incremental story stages (`pipeline.update_story`) over synthetic articles already
annotated (as benchmarks/analyze.py makes them: no spaCy pass), on each store, for a
`--probe` batch at each size.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

CHECKPOINTS = (1000, 5000, 10000)
AS_OF = "2026-11-25"


def plan(n: int, probe: int, checkpoints: tuple[int, ...] = CHECKPOINTS) -> list[tuple[str, int]]:
    """(kind, how many) steps: bulk up to each checkpoint, then a probe batch."""
    steps, done = [], 0
    for cp in [c for c in checkpoints if c + probe <= n] or [max(n - probe, 0)]:
        if cp > done:
            steps.append(("bulk", cp - done))
        steps.append(("probe", probe))
        done = cp + probe
    if n > done:
        steps.append(("bulk", n - done))
    return steps


def run_store(target: str, corpus: list[dict], steps: list[tuple[str, int]], workers: int, folder: Path) -> dict:
    """Ingest, build and export into one store; the figures of this run."""
    from storyline.engine import make_engine
    from storyline.pipeline import build, ingest
    from storyline.store.factory import open_store

    engine = make_engine("local", workers)
    out: dict = {"ingest_s": 0.0, "build_s": 0.0, "per_article_ms": {}}
    t0 = time.perf_counter()
    with open_store(target) as store:
        done = 0
        for kind, count in steps:
            batch = folder / f"batch-{done}.jsonl"  # the same paths for every store: same sources
            part = batch.with_name(f"{batch.name}.{os.getpid()}")  # whole, whoever else writes it
            part.write_text("".join(json.dumps(a) + "\n" for a in corpus[done:done + count]), encoding="utf-8")
            os.replace(part, batch)
            t = time.perf_counter()
            ingest([str(batch)], store)
            out["ingest_s"] += time.perf_counter() - t
            t = time.perf_counter()
            build(store, engine=engine)
            seconds = time.perf_counter() - t
            out["build_s"] += seconds
            if kind == "probe":
                out["per_article_ms"][done] = round(1000 * seconds / count, 1)
            done += count
            print(f"  {target.split('?')[0][:40]}: {done} articles, {kind} of {count} built in {seconds:.1f} s",
                  file=sys.stderr)
        out["documents"] = store.docs.count()
    stop_fork_server()  # its workers' peak memory then counts among this process's children
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["peak_worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # the export as a user runs it: `storyline export` in a process of its own, whose peak
    # memory is its own; the file is kept beside the batches to compare the stores' dossiers
    kind = "postgresql" if target.startswith("postgresql") else "sqlite"
    path = folder / f"dossier-{kind}.json"
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", EXPORT, target, AS_OF, str(path)], check=True,
                          stdout=subprocess.PIPE, text=True)
    out["export_s"] = time.perf_counter() - t
    out["export_rss_mb"] = float(done.stdout.strip().splitlines()[-1])
    out["wall_s"] = time.perf_counter() - t0
    out["dossier_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# (VmHWM, not ru_maxrss: Linux carries the parent's ru_maxrss over fork and exec)
EXPORT = """import sys
from storyline.cli import main
code = main(["export", "-q", "--db", sys.argv[1], "--as-of", sys.argv[2], "--out", sys.argv[3]])
with open("/proc/self/status", encoding="ascii") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
sys.exit(code)
"""


def stop_fork_server() -> None:
    """End the annotation pool's fork server (engine.pool_context), if one started, and wait for it."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # type: ignore[attr-defined]


def synthetic(i: int, r: random.Random) -> tuple:
    """One annotated article (5 sentences with a person, a place, a dated act, a claim)."""
    from storyline.model import (
        Claim,
        Document,
        DocumentDate,
        Evidence,
        Mention,
        Sentence,
        TimeValue,
    )

    doc_id, year, pos = f"s{i:06d}", r.randint(2000, 2030), 0
    sents, mentions, times, claims = [], [], [], []
    for k in range(5):
        person, place, verb = r.choice(NAMES), r.choice(PLACES), r.choice(VERBS)
        month = r.choice(["March", "June", "October"])
        when = f"in {month} {year + r.randint(-2, 2)}"
        text = f"{person} said {place} will {verb} the {' '.join(r.choice(WORDS) for _ in range(8))} {when}."
        sents.append(Sentence(doc_id, k, pos, pos + len(text), text, verbs=["say", verb], tense="past"))
        mentions += [Mention(doc_id, k, pos, pos + len(person), person, "PERSON"),
                     Mention(doc_id, k, pos + len(person) + 6, pos + len(person) + 6 + len(place), place, "GPE")]
        start = text.index(when) + 3
        times.append(TimeValue(doc_id, k, pos + start, pos + len(text) - 1, when[3:], "date",
                               f"{when.split()[2]}-{ {'March': '03', 'June': '06', 'October': '10'}[month]}",
                               "month", f"{year}", "published", None, r.choice(["past", "future"]), verb))
        claims.append(Claim(f"c{doc_id}{k}", doc_id, k, person, text, "say", evidence=[Evidence(doc_id, k, text)]))
        pos += len(text) + 1
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=" ".join(x.text for x in sents), title=f"Story {i}",
                   outlet=r.choice(["Wire A", "Daily B", "Radio C", "Post D"]),
                   published=DocumentDate(f"{year}-05-01", "day", "header"))
    return doc, sents, mentions, times, claims


_r = random.Random(11)
WORDS = ["".join(_r.choice("bcdfghklmnprstvz") + _r.choice("aeiou") for _ in range(3)) for _ in range(3000)]
NAMES = [f"{w.capitalize()} {v.capitalize()}" for w, v in zip(WORDS[:600], WORDS[600:1200], strict=True)]
PLACES = [w.capitalize() for w in WORDS[1200:1500]]
VERBS = ["approve", "withdraw", "announce", "attack", "agree", "sign", "open", "close", "build",
         "submit", "deploy", "reduce", "increase", "meet", "visit", "elect", "arrest", "release"]


def run_story(target: str, sizes: list[int], probe: int) -> dict:
    """ms per article added through the story stages, at each store size."""
    from storyline.pipeline import update_story
    from storyline.store.factory import open_store

    r, n, out = random.Random(5), 0, {"per_article_ms": {}, "build_s": 0.0}
    t0 = time.perf_counter()
    with open_store(target) as store:
        def add(count: int) -> float:
            for i in range(n, n + count):
                doc, sents, mentions, times, claims = synthetic(i, r)
                store.docs.add(doc)
                store.docs.set_reference(doc.id, doc.published.value, "published")
                store.annotations.save(doc.id, sents, mentions, times, claims)
            t = time.perf_counter()
            update_story(store)
            return time.perf_counter() - t

        for size in sizes:
            while n < size:
                step = min(2000, size - n)
                out["build_s"] += add(step)
                n += step
            seconds = add(probe)
            out["build_s"] += seconds
            n += probe
            out["per_article_ms"][size] = round(1000 * seconds / probe, 1)
            print(f"  {target.split('?')[0][:40]}: {size} articles, {1000 * seconds / probe:.1f} ms per added",
                  file=sys.stderr)
        out["documents"] = store.docs.count()
    out.update(ingest_s=0.0, export_s=0.0, wall_s=time.perf_counter() - t0, dossier_sha256="",
               peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, peak_worker_rss_mb=0)
    return out


def child(args: argparse.Namespace) -> int:
    if args.story_only:
        print(json.dumps(run_story(args.child, [int(x) for x in args.story_only.split(",")], args.probe)))
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from load import article

    r = random.Random(2024)
    corpus = [article(i, r) for i in range(args.articles)]
    steps = plan(args.articles, args.probe, tuple(int(c) for c in args.checkpoints.split(",")))
    result = run_store(args.child, corpus, steps, args.workers, Path(args.batches))
    print(json.dumps(result))
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=10000)
    p.add_argument("--probe", type=int, default=50)
    p.add_argument("--checkpoints", default=",".join(map(str, CHECKPOINTS)),
                   help="store sizes to probe the cost of an added article at (default: 1000,5000,10000)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--stores", default="sqlite,postgresql")
    p.add_argument("--pg", default=os.environ.get("STORYLINE_TEST_PG", ""))
    p.add_argument("--workdir", help="where the article batches and SQLite files go (default: a temporary folder)")
    p.add_argument("--story-only", metavar="SIZES", help="only the story stages, on synthetic annotated articles")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--batches", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        return child(args)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as temporary:
        tmp = args.workdir or temporary
        Path(tmp).mkdir(parents=True, exist_ok=True)
        for kind in args.stores.split(","):
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            if kind == "postgresql":
                if not args.pg:
                    print("postgresql: skipped (no --pg URL and STORYLINE_TEST_PG unset)", file=sys.stderr)
                    continue
                target = f"{args.pg}{'&' if '?' in args.pg else '?'}schema={schema}"
            else:
                target = str(Path(tmp) / f"bench-{schema}.db")
            cmd = [sys.executable, __file__, "--child", target, "--batches", tmp, "--articles", str(args.articles),
                   "--probe", str(args.probe), "--workers", str(args.workers), "--checkpoints", args.checkpoints]
            if args.story_only:
                cmd += ["--story-only", args.story_only]
            try:
                env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same run for every store
                done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=env)
                results[kind] = json.loads(done.stdout.strip().splitlines()[-1])
            finally:
                if kind == "postgresql":
                    import psycopg

                    with psycopg.connect(args.pg, autocommit=True) as conn:
                        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    if args.story_only:
        print(f"story stages only, synthetic annotated articles, probe batches of {args.probe}")
    else:
        print(f"{args.articles} generated articles, --workers {args.workers}, probe batches of {args.probe}")
    print("| store | documents | ingest s | build s | export s | wall s | ms per added article | "
          "peak RSS MB (build / largest worker / export) | dossier sha256 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for kind, r in results.items():
        per = ", ".join(f"{k}: {v}" for k, v in r["per_article_ms"].items())
        print(f"| {kind} | {r['documents']} | {r['ingest_s']:.0f} | {r['build_s']:.0f} | {r['export_s']:.1f} | "
              f"{r['wall_s']:.0f} | {per} | {r['peak_rss_mb']:.0f} / {r['peak_worker_rss_mb']:.0f} / "
              f"{r['export_rss_mb']:.0f} | "
              f"{r['dossier_sha256'][:12]} |")
    if len(results) == 2 and not args.story_only:
        same = len({r["dossier_sha256"] for r in results.values()}) == 1
        print(f"dossiers identical across stores: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
