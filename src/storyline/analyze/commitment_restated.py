"""One promise told again in other words, kept as one commitment in the dossier.

Pages restate a promise in their own words ("will finish resurfacing the quay by June 30"
/ "the quay works are to be done before June is out"); when the wording differs too much for the
theme to merge them as they are read, the dossier would show the promise twice, each copy
with part of the evidence and perhaps its own status. Two commitments with the same due
date (to the month at least), told in sentences alike in meaning (sentence embeddings),
neither moving the other, are one: the earliest told keeps its id and summary and takes the
others' evidence, outlets and links; a link to a copy points to the one kept.
"""
from __future__ import annotations

from collections.abc import Callable

# On the development stories, same-due pairs whose first sentences' embeddings lie at 0.5 or
# above were one commitment of the answer keys 27 times out of 30 (below 0.5: 81 of 115)
RESTATED_ALIKE = 0.5
# what a copy has found out outranks what it has not: an outcome read, then a move, then none
STATUS_ORDER = ("met", "missed", "superseded", "open", "unverified")


def collapse_restatements(items: list[dict], facts: dict[str, dict],
                          alike: Callable[[dict, dict], float | None]) -> list[dict]:
    """The dossier's commitments with each restated promise kept once (see the module)."""
    parent = {k["id"]: k["id"] for k in items}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_due: dict[str, list[dict]] = {}
    for k in items:
        if k.get("due") and len(k["due"]) >= 7 and k["id"] in facts:
            by_due.setdefault(k["due"], []).append(k)
    for group in by_due.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if b["id"] in a.get("superseded_by", []) or a["id"] in b.get("superseded_by", []):
                    continue
                score = alike(facts[a["id"]], facts[b["id"]])
                if score is not None and score >= RESTATED_ALIKE:
                    parent[root(b["id"])] = root(a["id"])
    members: dict[str, list[dict]] = {}
    for k in items:
        members.setdefault(root(k["id"]), []).append(k)
    kept: dict[str, str] = {}
    out = []
    for group in members.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        group.sort(key=lambda k: (k.get("stated_on") or "9999", k["id"]))
        keep = dict(group[0])
        for k in group:
            kept[k["id"]] = keep["id"]
        seen = {(e["doc"], e["sentence"]) for e in keep["evidence"]}
        keep["evidence"] = list(keep["evidence"])
        for k in group[1:]:
            for e in k["evidence"]:
                if (e["doc"], e["sentence"]) not in seen:
                    seen.add((e["doc"], e["sentence"]))
                    keep["evidence"].append(e)
        keep["outlets"] = sorted({o for k in group for o in k.get("outlets", [])})
        keep["superseded_by"] = sorted({s for k in group for s in k.get("superseded_by", [])})
        keep["status"] = min((k["status"] for k in group),
                             key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else len(STATUS_ORDER))
        out.append(keep)
    for k in out:
        links = sorted({kept.get(s, s) for s in k.get("superseded_by", [])} - {k["id"]})
        k["superseded_by"] = links
        if not links and k["status"] == "superseded":
            k["status"] = next((x["status"] for x in items if kept.get(x["id"]) == k["id"]
                                and x["status"] != "superseded"), "unverified")
    return out
