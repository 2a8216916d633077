#!/usr/bin/env python3
"""Fit the event-salience model (src/storyline/data/models/event_salience.json).

    python eval/run.py --split dev --keep DEV_DIR
    python eval/run.py --split validation --keep VAL_DIR
    python eval/fit_salience.py DEV_DIR [--check VAL_DIR] [--threshold 0.4] [--write]

Each development story's dossier (events and background events alike) is labelled against
its answer key: an event is positive when its evidence matches one of the key's events, as
the scorer matches them. A logistic regression over `storyline.analyze.salience.FEATURES`
is fitted with NumPy (gradient descent, a little L2). For each threshold the script prints
what the events section would score on the dev stories and on the `--check` stories (the
validation split: looked at, never fitted on). `--write` stores the weights and threshold.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from storyline.analyze import salience  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
MODEL = ROOT / "src" / "storyline" / "data" / "models" / "event_salience.json"
STORIES = ROOT / "eval" / "stories"


def scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(keep: Path, names: list[str], score) -> list[tuple]:
    out = []
    for name in names:
        path = keep / f"{name}.json"
        if not path.exists():
            continue
        gold = json.loads((STORIES / name / "key.json").read_text())
        data = json.loads(path.read_text())
        events = data["events"] + data.get("background_events", [])
        data = {**data, "events": events}
        d = score.Dossier(data, set(gold["documents"]))
        pages = salience.page_dates(data)
        x = np.array([salience.features(e, pages) for e in events], float).reshape(-1, len(salience.FEATURES))
        y = np.array([any(score.evidence_matches(e.get("evidence"), ge, d) for g in gold["events"]
                          for ge in g["evidence"]) for e in events], float)
        out.append((gold, data, x, y))
    return out


def fit(x: np.ndarray, y: np.ndarray, steps: int = 4000, rate: float = 0.5, l2: float = 0.001) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
    return w


def evaluate(sets: list[tuple], w: np.ndarray, threshold: float, score) -> dict[str, float]:
    fields = ("found", "dated", "hard_dated", "merged_across_sources", "share_of_dossier_events_in_key")
    rows: dict[str, list[float]] = {f: [] for f in fields}
    for gold, data, x, _ in sets:
        p = 1 / (1 + np.exp(-x @ w))
        kept = [e for e, q in zip(data["events"], p, strict=True) if q >= threshold or (e.get("sources") or 1) >= 2]
        r = score.score_events(gold, score.Dossier({**data, "events": kept}, set(gold["documents"])))
        for f in fields:
            rows[f].append(r[f])
    return {f: round(statistics.mean(v), 1) for f, v in rows.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keep", type=Path, help="dossiers of the dev stories (eval/run.py --keep)")
    ap.add_argument("--check", type=Path, help="dossiers of the validation stories, to look at only")
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--write", action="store_true", help=f"write the model to {MODEL.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    split = json.loads((ROOT / "eval" / "split.json").read_text())
    held = set(split["test"]) | set(split["validation"])
    dev_names = sorted(p.name for p in STORIES.iterdir() if p.is_dir() and p.name not in held)
    score = scorer()
    dev = load(args.keep, dev_names, score)
    check = load(args.check, sorted(split["validation"]), score) if args.check else []
    w = fit(np.vstack([s[2] for s in dev]), np.concatenate([s[3] for s in dev]))
    print("weights", dict(zip(salience.FEATURES, np.round(w, 3).tolist(), strict=True)))
    for t in sorted({0.0, 0.3, 0.4, 0.5, args.threshold}):
        print(f"{t:4}", "dev", evaluate(dev, w, t, score), *(("validation", evaluate(check, w, t, score)) if check else ()))
    if args.write:
        MODEL.parent.mkdir(parents=True, exist_ok=True)
        MODEL.write_text(json.dumps({
            "about": "Event salience (storyline.analyze.salience): logistic weights over FEATURES, fitted by "
                     f"eval/fit_salience.py on the {len(dev)} development stories' answer keys (an event is "
                     "salient when a key lists it); the validation and test stories were held out. Events of "
                     "one source below the threshold go to background_events.",
            "features": list(salience.FEATURES), "weights": [round(v, 4) for v in w.tolist()],
            "threshold": args.threshold, "trained_on": dev_names}, indent=1) + "\n")
        print("wrote", MODEL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
