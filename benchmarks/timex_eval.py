"""Evaluate the temporal tagger on the hand-written cases in tests/data/timex_cases.tsv.

    python benchmarks/timex_eval.py [--show-errors]

Each case is a news sentence, its reference date, an expression in it and the value we
expect. A case is right when the tagger finds a time expression overlapping the expected
one and normalises it to the expected value ("None" when it must find no value).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "tests" / "data" / "timex_cases.tsv"


def load_cases(path: Path = CASES) -> list[dict]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        anchor, sentence, expr, expected, hard = line.split("\t")
        cases.append({"anchor": anchor, "sentence": sentence, "expr": expr,
                      "expected": None if expected == "None" else expected, "hard": hard == "1"})
    return cases


def evaluate_case(case: dict, nlp) -> tuple[bool, str | None]:
    from storyline.annotate.document import tag_times
    from storyline.annotate.timex import Anchor

    start = case["sentence"].find(case["expr"])
    end = start + len(case["expr"])
    found = [t for t in tag_times(case["sentence"], Anchor(case["anchor"]), nlp)
             if t.start < end and t.end > start]
    got = found[0].value if found else None
    return got == case["expected"], got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    from storyline.annotate.nlp import load

    nlp = load()
    cases = load_cases()
    right = {False: 0, True: 0}
    total = {False: 0, True: 0}
    for case in cases:
        ok, got = evaluate_case(case, nlp)
        total[case["hard"]] += 1
        right[case["hard"]] += ok
        if not ok and args.show_errors:
            print(f"  [{case['anchor']}] {case['expr']!r}: expected {case['expected']}, got {got}")
    n = len(cases)
    print(f"temporal tagger: {right[False] + right[True]}/{n} right "
          f"({100 * (right[False] + right[True]) / n:.1f}%); "
          f"regular {right[False]}/{total[False]}, hard {right[True]}/{total[True]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
