"""One long document, built alone: does time and memory grow in line with its length?

    python benchmarks/long_document.py [--sizes 0.25,0.5,1.0,1.5] [--workdir DIR]

For each size (megabytes of UTF-8 text), a single page is made of the demo's bodies
(benchmarks/corpus.py: shuffled paragraphs, changed numbers, so no two parts are the
same text), ingested into a fresh SQLite store and built with `--workers 1` in a process
of its own, timed with getrusage. Printed per size: sentences stored, wall time of the
annotation and story stages, CPU seconds, peak RSS, and seconds per megabyte (flat when
the cost is linear). Issue 10 asks that a 1.5 MB document builds (it once did not finish
in 900 s at 4.1 GB) and that long texts are annotated in sections.
"""
from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import varied_pages  # noqa: E402


def long_text(megabytes: float) -> str:
    pages = varied_pages(400)
    parts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        body = pages[i % len(pages)].split("\n\n", 3)[-1] + "\n\n"
        parts.append(body)
        size += len(body.encode("utf-8"))
        i += 1
    return "".join(parts)


def one(megabytes: float, folder: Path) -> dict:
    """Ingest and build one page of the given size in a child process; its figures."""
    page = folder / f"long-{megabytes}.txt"
    page.write_text(long_text(megabytes), encoding="utf-8")
    db = folder / f"long-{megabytes}.db"
    exe = [sys.executable, "-m", "storyline.cli"]
    subprocess.run(exe + ["ingest", "--db", str(db), str(page)], check=True, capture_output=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = subprocess.run(exe + ["build", "--db", str(db), "--workers", "1"], capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode:
        return {"megabytes": megabytes, "error": run.stderr.strip().splitlines()[-1:]}
    stages = {line.split(":")[0]: line.rsplit("[", 1)[-1].rstrip("]s\n") for line in run.stdout.splitlines()
              if line.startswith(("annotate:", "story:"))}
    with sqlite3.connect(db) as con:
        sentences = con.execute("select count(*) from sentences").fetchone()[0]
        status = con.execute("select count(*) from documents where failed_stage is not null").fetchone()[0]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"megabytes": megabytes, "sentences": sentences, "failed": status, "wall_s": round(wall, 1),
            "annotate_s": float(stages.get("annotate", "nan")), "story_s": float(stages.get("story", "nan")),
            "cpu_s": round(cpu, 1), "peak_rss_mb": round(after.ru_maxrss / 1024),
            "s_per_mb": round(wall / megabytes, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.25,0.5,1.0,1.5", help="megabytes, comma-separated")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="storyline-long-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = [one(float(s), folder) for s in args.sizes.split(",")]
    # peak RSS of RUSAGE_CHILDREN is the largest child so far: sizes run smallest first
    print(f"{'MB':>5} {'sentences':>9} {'failed':>6} {'wall s':>7} {'annotate':>8} {'story':>6} {'cpu s':>6} "
          f"{'peak MB':>7} {'s/MB':>5}")
    for r in rows:
        if "error" in r:
            print(f"{r['megabytes']:>5} error: {r['error']}")
            continue
        print(f"{r['megabytes']:>5} {r['sentences']:>9} {r['failed']:>6} {r['wall_s']:>7} {r['annotate_s']:>8} "
              f"{r['story_s']:>6} {r['cpu_s']:>6} {r['peak_rss_mb']:>7} {r['s_per_mb']:>5}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
