"""The demo corpus scored by the shared scorer: fail when a figure drops below its floor.

The floors sit at or a little under what the demo reaches (the issues ask that it keeps its
figures): a change that makes the dossier worse fails here, not in someone's notes.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SHARED

FLOORS = {
    "documents": {"found": 100, "outlet": 80, "published": 80, "boilerplate_removed": 90, "body_kept": 100},
    "entities": {"alias_completeness": 90},
    "events": {"found": 95, "dated": 95, "merged_across_sources": 80, "hard_dated": 95},
    "claims": {"found": 95, "attributed": 95},
    "contradictions": {"found": 100, "share_of_dossier_items_in_key": 66.7},
    "commitments": {"found": 95, "due": 95, "status": 95, "supersession_chains": 100},
}
CEILINGS = {"entities": {"wrong_merges": 1}}

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                reason="shared/ (scorer and answer key) is not beside the checkout")


@pytest.mark.slow
def test_demo_dossier_meets_the_floors(demo, tmp_path):
    _, dossier = demo
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(dossier))
    r = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(path),
                        str(SHARED / "gold" / "iraq-withdrawal.json"), "--json"],
                       capture_output=True, text=True, check=True)
    result = json.loads(r.stdout)
    low = [f"{s}.{k}={result[s][k]} < {v}" for s, fl in FLOORS.items() for k, v in fl.items()
           if result[s][k] < v]
    high = [f"{s}.{k}={result[s][k]} > {v}" for s, fl in CEILINGS.items() for k, v in fl.items()
            if result[s][k] > v]
    assert not low + high, "; ".join(low + high)


@pytest.mark.slow
def test_every_item_carries_evidence_from_a_known_document(demo):
    _, dossier = demo
    ids = {d["id"] for d in dossier["documents"]}
    texts = {d["id"]: d["text"] for d in dossier["documents"]}
    for section in ("events", "claims", "commitments"):
        for item in dossier[section]:
            assert item["evidence"], f"{section} {item['id']} has no evidence"
            for ev in item["evidence"]:
                assert ev["doc"] in ids and ev["text"] in texts[ev["doc"]]


@pytest.mark.slow
def test_dossier_has_every_section_of_the_contract(demo):
    _, dossier = demo
    assert dossier["schema"] == "storyline.dossier/1"
    for key in ("story", "documents", "entities", "events", "claims", "contradictions", "commitments"):
        assert key in dossier
    assert [e["when"] for e in dossier["events"]] == sorted(e["when"] for e in dossier["events"])
