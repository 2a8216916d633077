"""The Dask engine on a local two-worker cluster against the local pool (`--workers 2`),
same texts, same run.

    python benchmarks/dask_cluster.py [--articles 200]

The cluster is `distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1)`
on 127.0.0.1, started once, as a real cluster is before any build. Its first build loads
spaCy in each worker ("cold"); a second build on the same cluster finds it loaded ("warm").
The local pool is `annotate_new` with `--workers 2` in a fresh process, as `storyline build`
runs it: it starts its fork server (which loads spaCy) and two workers every time. CPU times count this process, the pool's
process and its workers, and the cluster's worker processes (read from the workers).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate_parallel import annotate_fresh, annotate_in_process, documents, load_average, stored  # noqa: E402

from storyline.engine import DaskEngine  # noqa: E402


def worker_cpu(client) -> float:
    def cpu() -> float:
        import resource

        ru = resource.getrusage(resource.RUSAGE_SELF)
        return ru.ru_utime + ru.ru_stime

    return sum(client.run(cpu).values())


def main() -> int:
    from distributed import Client, LocalCluster

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    docs = documents(args.articles)
    n = len(docs)
    print(f"{n} articles, {os.cpu_count()} cores, {load_average()} at start")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, \
            LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                         dashboard_address=None) as cluster, Client(cluster) as client:
        print(f"  cluster started in {time.perf_counter() - t0:.1f}s at {cluster.scheduler_address}")
        template = stored(docs, Path(tmp) / "template.db")

        def on_cluster(name: str) -> tuple[float, float]:
            db = Path(shutil.copy(template, Path(tmp) / f"{name}.db"))
            before = worker_cpu(client)
            seconds, cpu = annotate_in_process(db, DaskEngine(cluster.scheduler_address))
            return seconds, cpu + worker_cpu(client) - before

        rows = []
        for name, run in [("dask, 2 workers (cold)", lambda: on_cluster("cold")),
                          ("dask, 2 workers (warm)", lambda: on_cluster("warm")),
                          ("local --workers 2", lambda: annotate_fresh(template, 2))]:
            before = load_average()
            seconds, cpu = run()
            rows.append((name, seconds, cpu))
            print(f"  {name:24s} {seconds:6.1f}s = {n / seconds:5.2f} articles/s; cpu {cpu:5.1f}s, "
                  f"idle-machine estimate {n / (cpu / 2):5.2f} articles/s "
                  f"({before} before, {load_average()} after)", flush=True)
    _, pool_s, pool_cpu = rows[-1]
    for name, seconds, cpu in rows[:2]:
        print(f"{name} / local --workers 2: {pool_s / seconds:.2f}x the articles/s measured, "
              f"{pool_cpu / cpu:.2f}x estimated for an idle machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
