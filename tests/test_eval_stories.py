"""The development stories keep their scores: floors on the means of the dev split.

Like trafilatura's evaluation gate: the corpus is pinned by a hash of its pages and keys,
so a changed corpus is noticed (update CORPUS and the floors together, on purpose). The
floors sit a little under the figures measured when they were set (README "Measured");
the test split (eval/split.json) is never looked at here.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
CORPUS = "f9bbcd975d98d4e2"  # 53 stories: four written blind in session 20 joined the dev split
FLOORS: dict[tuple[str, str], float] = {
    ("documents", "outlet"): 97.0, ("documents", "published"): 94.0,
    ("documents", "boilerplate_removed"): 93.0, ("documents", "body_kept"): 97.0,
    ("entities", "alias_completeness"): 85.0,
    ("events", "found"): 92.0, ("events", "dated"): 85.0, ("events", "hard_dated"): 48.0,
    ("events", "merged_across_sources"): 61.0, ("events", "share_of_dossier_events_in_key"): 68.0,
    ("claims", "found"): 91.0, ("claims", "attributed"): 88.0,
    ("contradictions", "found"): 52.0, ("contradictions", "share_of_dossier_items_in_key"): 61.5,
    ("commitments", "found"): 92.0, ("commitments", "due"): 86.0, ("commitments", "status"): 66.0,
    ("commitments", "supersession_chains"): 65.0,
}
CEILINGS = {("entities", "wrong_merges"): 1.0}


def load_runner():
    spec = importlib.util.spec_from_file_location("eval_run", ROOT / "eval" / "run.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def runner():
    run = load_runner()
    if not run.SCORER.exists():
        pytest.skip(f"the shared scorer is not beside the repository ({run.SCORER})")
    return run


def test_the_corpus_is_the_pinned_one(runner):
    assert runner.corpus_hash(runner.stories("dev")) == CORPUS


# it builds all the dev stories (280 s in session 22 on the 2-core machine, alone; 300 s in session
# 23, on a slower one, with ingest, build and export in one process per story; about 220 s in
# session 24, each story annotated in its own build process): the global 300 s timeout, meant for
# hung tests, left it no margin when the machine was busy
@pytest.mark.timeout(900)
def test_dev_means_stay_above_the_floors(runner):
    names = runner.stories("dev")
    assert len(names) >= 8
    results = runner.score_all(names, demo=False)
    mean = runner.mean_row(results, names)
    low = [f"{s}.{f}={mean[(s, f)]} < {v}" for (s, f), v in FLOORS.items() if mean[(s, f)] < v]
    high = [f"{s}.{f}={mean[(s, f)]} > {v}" for (s, f), v in CEILINGS.items() if mean[(s, f)] > v]
    assert not low + high, "; ".join(low + high)
