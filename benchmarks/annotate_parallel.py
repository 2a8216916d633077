"""Articles per second for the annotate stage with 1 and 2 workers, against a bare nlp.pipe
pass with n_process 1 and 2: same texts, same run.

    python benchmarks/annotate_parallel.py [--articles 200] [--rounds 1]

The bare passes are `list(nlp.pipe(texts, batch_size=16, n_process=N))` in this process,
the model loaded beforehand (spaCy's own multiprocessing forks workers that send the parsed
Docs back). The storyline passes are the annotate stage of `storyline build --workers N`
(`annotate_new`) on a store holding the same documents, each in a fresh process as a build
is: truecasing, parse, mentions, time expressions, claims, quantities, reference dates and
writing to SQLite, including loading spaCy (`--workers 1`) or starting the fork server
that loads it and the two worker processes forked from it (`--workers 2`). Targets (issue 11): workers 2 >= 1.7x
workers 1, and >= 0.8x the 2-process bare pass (the hardware limit on a 2-core machine).

Other work on the machine skews wall times, so each pass also reports the CPU time it used
(its process and their children, the fork server and its workers included: the pass
stops the fork server before reading its CPU time) and the rate it would reach on an idle machine if that
time spread evenly over its processes (at most one per core): `cpu / min(processes, cores)`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import varied_pages  # noqa: E402

from storyline.clean import clean_page  # noqa: E402
from storyline.engine import Engine  # noqa: E402
from storyline.model import Document, RawPage  # noqa: E402
from storyline.pipeline import annotate_new  # noqa: E402
from storyline.resolve import duplicates as dup  # noqa: E402
from storyline.store import Store  # noqa: E402


def stop_fork_server() -> None:
    """End the pool's fork server (engine.pool_context), if this process started one, and
    wait for it: its CPU time and its workers' then count among this process's children."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # type: ignore[attr-defined]


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (pool workers, once joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load_average() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def documents(n: int) -> list[Document]:
    return [clean_page(RawPage(f"p{i}.txt", t, "text")) for i, t in enumerate(varied_pages(n))]


def stored(docs: list[Document], db: Path) -> Path:
    """A store holding `docs`, none annotated (stored directly: the benchmark is about annotate)."""
    with Store(db) as store:
        for d in docs:
            store.docs.add(d, dup.to_bytes(dup.signature(d.text)))
    return db


def annotate_in_process(db: Path, engine: Engine) -> tuple[float, float]:
    """(wall seconds, cpu seconds) of annotate_new on the store at `db`."""
    with Store(db) as store:
        n = len(store.docs.unannotated())
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        info = annotate_new(store, engine=engine)
        seconds = time.perf_counter() - t0
    stop_fork_server()
    cpu = cpu_seconds() - cpu0
    assert info.items_out == n, info
    return seconds, cpu


def annotate_fresh(template: Path, workers: int) -> tuple[float, float]:
    """annotate_new with `--workers N` in a fresh process, on a copy of the store. The
    process runs `python -c` (as the `storyline` script, a light main module): 'spawn'
    workers import the parent's main module again, and this file imports much more."""
    code = (f"import sys; sys.path.append({str(Path(__file__).resolve().parent)!r}); "
            "import json; from pathlib import Path; from storyline.engine import make_engine; "
            "from annotate_parallel import annotate_in_process; "
            "print(json.dumps(annotate_in_process(Path(sys.argv[1]), make_engine('local', int(sys.argv[2])))))")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(shutil.copy(template, Path(tmp) / "b.db"))
        out = subprocess.run([sys.executable, "-c", code, str(db), str(workers)],
                             check=True, capture_output=True, text=True).stdout
    seconds, cpu = json.loads(out.strip().splitlines()[-1])
    return seconds, cpu


def bare(texts: list[str], n_process: int) -> tuple[float, float]:
    from storyline.annotate.nlp import load

    nlp = load()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    list(nlp.pipe(texts, batch_size=16, n_process=n_process))
    return time.perf_counter() - t0, cpu_seconds() - cpu0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=1, help="repeat the four passes; medians are reported")
    args = ap.parse_args()
    from storyline.annotate.nlp import load

    docs = documents(args.articles)
    texts, n, cores = [d.text for d in docs], len(docs), os.cpu_count() or 1
    load()("warm up")
    print(f"{n} articles, {cores} cores, {load_average()} at start")
    with tempfile.TemporaryDirectory() as tmp:
        template = stored(docs, Path(tmp) / "template.db")
        passes = {"bare nlp.pipe n_process=1": (1, lambda: bare(texts, 1)),
                  "annotate --workers 1": (1, lambda: annotate_fresh(template, 1)),
                  "bare nlp.pipe n_process=2": (2, lambda: bare(texts, 2)),
                  "annotate --workers 2": (2, lambda: annotate_fresh(template, 2))}
        walls: dict[str, list[float]] = {name: [] for name in passes}
        idles: dict[str, list[float]] = {name: [] for name in passes}
        for r in range(args.rounds):
            for name, (procs, run) in passes.items():
                before = load_average()
                seconds, cpu = run()
                walls[name].append(seconds)
                idles[name].append(cpu / min(procs, cores))
                print(f"  round {r + 1}  {name:27s} {seconds:6.1f}s = {n / seconds:5.2f} articles/s; "
                      f"cpu {cpu:5.1f}s, idle-machine estimate {n / idles[name][-1]:5.2f} articles/s "
                      f"({before} before, {load_average()} after)", flush=True)
    for label, table in (("measured (wall)", walls), ("idle-machine estimate (cpu)", idles)):
        rate = {name: n / statistics.median(t) for name, t in table.items()}
        w1, w2 = rate["annotate --workers 1"], rate["annotate --workers 2"]
        b1, b2 = rate["bare nlp.pipe n_process=1"], rate["bare nlp.pipe n_process=2"]
        print(f"\n{label}, articles/s: bare 1 {b1:.2f}, workers 1 {w1:.2f}, bare 2 {b2:.2f}, workers 2 {w2:.2f}")
        print(f"  workers 2 / workers 1:          {w2 / w1:.2f}x (target >= 1.7x)")
        print(f"  workers 2 / bare n_process=2:   {w2 / b2:.2f}x (target >= 0.8x)")
        print(f"  workers 1 / bare n_process=1:   {w1 / b1:.2f}x;  bare 2 / bare 1: {b2 / b1:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
