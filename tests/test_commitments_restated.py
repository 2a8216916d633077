"""A promise told again in other words is one commitment in the dossier (analyze/commitment_restated)."""
from __future__ import annotations

from storyline.analyze.commitment_restated import collapse_restatements


def item(kid: str, due: str, status: str, stated: str, doc: str, sup=(), outlets=("Valley Times",)) -> dict:
    return {"id": kid, "summary": f"summary {kid}", "due": due, "status": status, "stated_on": stated,
            "superseded_by": list(sup), "outlets": list(outlets),
            "evidence": [{"doc": doc, "sentence": 0, "text": f"sentence {kid}"}]}


def alike_by(table: dict[frozenset, float]):
    return lambda f, g: table.get(frozenset((f["id"], g["id"])))


def test_restatements_of_one_due_alike_in_meaning_are_kept_once():
    items = [item("k1", "2031-06-30", "unverified", "2031-03-01", "d1"),
             item("k2", "2031-06-30", "met", "2031-04-02", "d2", outlets=("Hill Post",)),
             item("k3", "2031-06-30", "open", "2031-04-05", "d3"),  # same day, told of something else
             item("k4", "2031-09-30", "open", "2031-05-01", "d4"),
             item("k0", "2031-05-31", "superseded", "2031-02-01", "d0", sup=["k2"])]
    facts = {k["id"]: {"id": k["id"]} for k in items}
    alike = alike_by({frozenset(("k1", "k2")): 0.71, frozenset(("k1", "k3")): 0.2, frozenset(("k2", "k3")): 0.3})
    out = {k["id"]: k for k in collapse_restatements(items, facts, alike)}
    assert sorted(out) == ["k0", "k1", "k3", "k4"]
    assert [e["doc"] for e in out["k1"]["evidence"]] == ["d1", "d2"]  # the earliest told keeps its id
    assert out["k1"]["status"] == "met" and out["k1"]["outlets"] == ["Hill Post", "Valley Times"]
    assert out["k0"]["superseded_by"] == ["k1"]  # a link to the copy points to the one kept


def test_a_move_between_two_commitments_is_never_a_restatement():
    items = [item("k1", "2031-06", "superseded", "2031-03-01", "d1", sup=["k2"]),
             item("k2", "2031-06", "open", "2031-04-02", "d2")]
    facts = {k["id"]: {} for k in items}
    out = collapse_restatements(items, facts, lambda f, g: 0.9)
    assert [k["id"] for k in out] == ["k1", "k2"]


def test_a_due_year_alone_merges_nothing():
    items = [item("k1", "2031", "open", "2031-03-01", "d1"), item("k2", "2031", "open", "2031-04-02", "d2")]
    out = collapse_restatements(items, {k["id"]: {} for k in items}, lambda f, g: 0.9)
    assert len(out) == 2
