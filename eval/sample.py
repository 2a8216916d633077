#!/usr/bin/env python3
"""Precision by hand: draw a random sample of a dossier's items for a person to judge, then tally.

    python eval/sample.py draw DOSSIER.json [DOSSIER.json ...] --per-section 30 --out SHEET.jsonl
    python eval/sample.py tally SHEET.jsonl

`draw` writes one JSON line per sampled item: the story, the section, the item as the dossier
gives it (summary, date, speaker, status, sides) and its evidence sentences, plus an empty
`verdict`. The judge reads the item against the pages and sets `verdict` to `right` or
`wrong` (and `why` for a wrong one: wrong-date, wrong-speaker, not-an-event, duplicate,
clutter, wrong-status, wrong-link, different-facts, ...). `tally` prints the share judged
right per section and the most frequent reasons. The sample is seeded, so a draw can be
repeated. The keys are not used: this measures what the dossier says, including what the
keys left out.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

SECTIONS = ("events", "claims", "contradictions", "commitments")
SHOWN = ("when", "summary", "speaker", "text", "due", "status", "superseded_by", "what")


def _doc_names(dossier: dict) -> dict[str, str]:
    return {d["id"]: f'{d.get("outlet") or "?"}, {d.get("published") or "undated"}: {d.get("source", "")}'
            for d in dossier.get("documents", [])}


def _evidence(ev: list, docs: dict[str, str]) -> list[dict]:
    return [{"doc": docs.get(e.get("doc"), e.get("doc")), "text": e.get("text", "")} for e in ev or []]


def draw(paths: list[Path], per_section: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    pool: dict[str, list[dict]] = collections.defaultdict(list)
    for path in paths:
        dossier = json.loads(path.read_text())
        docs = _doc_names(dossier)
        for section in SECTIONS:
            for item in dossier.get(section, []):
                row = {"story": path.stem, "section": section, "id": item.get("id")}
                row.update({k: item[k] for k in SHOWN if item.get(k) not in (None, "", [])})
                if section == "contradictions":
                    row["sides"] = [_evidence(side, docs) for side in item.get("sides") or []]
                else:
                    row["evidence"] = _evidence(item.get("evidence"), docs)
                row["verdict"], row["why"] = "", ""
                pool[section].append(row)
    rows = []
    for section in SECTIONS:
        items = pool[section]
        rows += rng.sample(items, min(per_section, len(items)))
    return rows


def tally(path: Path) -> str:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    out = [f"{'section':<15} {'judged':>6} {'right':>6} {'share':>6}  most frequent reasons when wrong"]
    total = right_all = 0
    for section in SECTIONS:
        judged = [r for r in rows if r["section"] == section and r.get("verdict") in ("right", "wrong")]
        right = sum(r["verdict"] == "right" for r in judged)
        why = collections.Counter(r.get("why") or "?" for r in judged if r["verdict"] == "wrong")
        share = f"{100 * right / len(judged):.0f}%" if judged else "-"
        out.append(f"{section:<15} {len(judged):>6} {right:>6} {share:>6}  "
                   + ", ".join(f"{k} {v}" for k, v in why.most_common(5)))
        total += len(judged)
        right_all += right
    if total:
        out.append(f"{'all':<15} {total:>6} {right_all:>6} {100 * right_all / total:>5.0f}%")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="sample items from dossiers into a sheet to judge")
    d.add_argument("dossiers", nargs="+", type=Path)
    d.add_argument("--per-section", type=int, default=30)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("tally", help="share of judged items that are right, per section")
    t.add_argument("sheet", type=Path)
    args = ap.parse_args(argv)
    if args.command == "draw":
        missing = [str(p) for p in args.dossiers if not p.is_file()]
        if missing:
            print("no such dossier: " + ", ".join(missing), file=sys.stderr)
            return 2
        rows = draw(args.dossiers, args.per_section, args.seed)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        print(f"{len(rows)} items to judge in {args.out}")
        return 0
    print(tally(args.sheet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
