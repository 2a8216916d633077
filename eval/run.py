#!/usr/bin/env python3
"""Score storyline on the development stories and the demo: one row a story, the mean last.

    python eval/run.py [--split dev|validation|test|all] [--details] [--json OUT] [STORY ...]

Each story folder under eval/stories/ holds `pages/` (raw pages as scraped) and `key.json`
(the answer key, written before storyline was run on the pages). Each story is ingested
into a fresh store, built, exported at a fixed as-of day and scored with the shared
scorer (../shared/eval/score.py). The `test` split (eval/split.json) is kept for a final
measurement only; `validation` holds stories written later, scored to check that a change
made on the dev stories carries over (not tuned on); `dev` is what development looks at. Exit status 0.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "eval" / "stories"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEMO_KEY = ROOT.parent / "shared" / "gold" / "iraq-withdrawal.json"
AS_OF = "2026-11-25"
WORKERS = min(2, os.cpu_count() or 1)  # stories built at once: each build is a few processes of its own
COLUMNS = [
    ("documents", "outlet"), ("documents", "published"), ("documents", "boilerplate_removed"),
    ("documents", "body_kept"), ("entities", "alias_completeness"), ("entities", "wrong_merges"),
    ("events", "found"), ("events", "dated"), ("events", "hard_dated"),
    ("events", "merged_across_sources"), ("events", "share_of_dossier_events_in_key"),
    ("claims", "found"), ("claims", "attributed"), ("contradictions", "found"),
    ("contradictions", "share_of_dossier_items_in_key"), ("commitments", "found"),
    ("commitments", "due"), ("commitments", "status"), ("commitments", "supersession_chains"),
]
SHORT = {"boilerplate_removed": "boiler", "alias_completeness": "alias", "wrong_merges": "wrongM",
         "merged_across_sources": "merged", "share_of_dossier_events_in_key": "evShare",
         "share_of_dossier_items_in_key": "xShare", "supersession_chains": "chains",
         "hard_dated": "hardDt", "published": "pub", "body_kept": "body"}


def split() -> dict[str, list[str]]:
    return json.loads((ROOT / "eval" / "split.json").read_text())


def stories(which: str) -> list[str]:
    names = sorted(p.name for p in STORIES.iterdir() if (p / "key.json").exists())
    parts = split()
    test, fresh = set(parts["test"]), set(parts.get("validation", []))
    if which == "dev":
        return [n for n in names if n not in test and n not in fresh]
    if which == "test":
        return [n for n in names if n in test]
    if which == "validation":
        return [n for n in names if n in fresh]
    return names


def corpus_hash(names: list[str]) -> str:
    """One hash over every page and key of these stories, so a changed corpus is noticed."""
    h = hashlib.sha256()
    for name in names:
        for path in sorted((STORIES / name).rglob("*")):
            if path.is_file() and path.name != "README.md":
                h.update(str(path.relative_to(STORIES)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def story_as_of(key: Path) -> str:
    """The day a story is judged as of: AS_OF, or the story's latest page when that is later
    (a key's statuses hold as of its last page; an invented story may be set after AS_OF)."""
    days = [a for d in json.loads(key.read_text())["documents"].values()
            for a in d.get("published", {}).get("accept", []) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", a)]
    return max([AS_OF, *days])


# ingest, build and export in one process: the package's imports (spaCy, the models) are paid
# once per story, not three times (about 2.5 s a story on the 2-core machine). The build
# annotates in that process (--workers 1): WORKERS stories are built at once already, and
# annotation workers of their own would each load the models again (the dev evaluation took
# 273 s with them, 216 s without, dossiers identical)
PIPELINE = """import sys
from storyline.cli import main
ingest, build, export = {steps!r}
main(ingest)  # pages it cannot read are reported and skipped; build says if nothing is left
code = main(build)
if code:
    sys.exit(code)
sys.exit(main(export))
"""


def run_story(pages: Path, key: Path, workdir: Path) -> dict:
    """Ingest, build, export and score one story; the scorer's result as a dict."""
    db, out = workdir / "story.db", workdir / "dossier.json"
    steps = (["ingest", str(pages), "--db", str(db), "-q"], ["build", "--db", str(db), "-q", "--workers", "1"],
             ["export", "--format", "json", "--as-of", story_as_of(key), "--db", str(db), "--out", str(out)])
    r = subprocess.run([sys.executable, "-c", PIPELINE.format(steps=steps)], capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"build or export failed on {pages}:\n{r.stderr[-3000:]}")
    r = subprocess.run([sys.executable, str(SCORER), str(out), str(key), "--json"], check=True,
                       capture_output=True, text=True)
    return json.loads(r.stdout)


def score_all(names: list[str], demo: bool = True, keep: Path | None = None,
              workers: int = WORKERS) -> dict[str, dict]:
    """Score each story (`workers` stories at a time, each in processes of its own); with
    `keep`, each story's dossier and store are copied to KEEP/<story>.json and KEEP/<story>.db.
    The results come in the order of the stories, whatever order they finish in."""
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(n, STORIES / n / "pages", STORIES / n / "key.json") for n in names]
        if demo:
            jobs.append(("(demo)", ROOT / "src" / "storyline" / "data" / "demo", DEMO_KEY))

        def one(job: tuple[str, Path, Path]) -> dict:
            name, pages, key = job
            work = Path(tmp) / name
            work.mkdir()
            result = run_story(pages, key, work)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(work / "dossier.json", keep / f"{name.strip('()')}.json")
                shutil.copyfile(work / "story.db", keep / f"{name.strip('()')}.db")
            return result

        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            done = list(pool.map(one, jobs))
    return {job[0]: result for job, result in zip(jobs, done, strict=True)}


def mean_row(results: dict[str, dict], names: list[str]) -> dict[tuple[str, str], float]:
    return {(s, f): round(sum(results[n][s][f] for n in names) / len(names), 1) for s, f in COLUMNS}


def table(results: dict[str, dict], names: list[str]) -> str:
    head = ["story"] + [SHORT.get(f, f) for _, f in COLUMNS]
    rows = [[n] + [str(results[n][s][f]) for s, f in COLUMNS] for n in results]
    if names:
        mean = mean_row(results, names)
        rows.append([f"mean ({len(names)})"] + [str(mean[c]) for c in COLUMNS])
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))  # noqa: E731
    return "\n".join([fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="*", help="story folder names (default: the whole split)")
    ap.add_argument("--split", choices=["dev", "validation", "test", "all"], default="dev")
    ap.add_argument("--details", action="store_true", help="print the scorer's item-by-item details")
    ap.add_argument("--json", metavar="OUT", help="write every result to this file")
    ap.add_argument("--keep", metavar="DIR", type=Path, help="keep each story's dossier and store as DIR/<story>.json and .db")
    ap.add_argument("--no-demo", action="store_true", help="leave the demo corpus out")
    args = ap.parse_args(argv)
    names = args.stories or stories(args.split)
    results = score_all(names, demo=not args.no_demo, keep=args.keep)
    print(f"split={args.split} stories={len(names)} corpus={corpus_hash(names)} as_of={AS_OF}")
    print(table(results, names))
    if args.details:
        for n, r in results.items():
            print(f"\n== {n}")
            for section, res in r.items():
                for k, v in res.get("details", {}).items():
                    print(f"  {section} {k}: {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
