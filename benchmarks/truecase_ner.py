"""How much truecasing gives back to NER on all-lowercase pages.

    python benchmarks/truecase_ner.py [FILES...]

Mixed-case pages (by default the demo corpus's mixed-case pages) give the reference: the
entities spaCy finds in the original text. Each page is then lowercased, and NER runs on
(a) the lowercase text and (b) the truecased lowercase text, with the case lexicon learnt
from the *other* pages only (so a page never teaches its own capitals). Reported: recall
and precision of (start, end, label) entity spans against the reference.
"""
from __future__ import annotations

import sys
from pathlib import Path


def spans(doc) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents
            if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")}


def measure(texts: list[str]) -> dict[str, tuple[float, float]]:
    from storyline.annotate.nlp import load
    from storyline.annotate.truecase import CaseLexicon, truecase

    nlp = load()
    totals = {"lowercase": [0, 0, 0], "truecased": [0, 0, 0]}  # hits, found, reference
    for i, text in enumerate(texts):
        lexicon = CaseLexicon()
        for j, other in enumerate(texts):
            if j != i:
                lexicon.learn(other)
        reference = spans(nlp(text))
        lower = text.lower()
        for name, variant in (("lowercase", lower), ("truecased", truecase(lower, lexicon))):
            got = spans(nlp(variant))
            totals[name][0] += len(got & reference)
            totals[name][1] += len(got)
            totals[name][2] += len(reference)
    return {k: (100 * h / max(1, r), 100 * h / max(1, f)) for k, (h, f, r) in totals.items()}


def main(argv: list[str]) -> int:
    from storyline.clean import clean_page
    from storyline.model import RawPage
    from storyline.pipeline import demo_corpus

    files = [Path(a) for a in argv] or sorted(demo_corpus().glob("*.txt"))
    docs = [clean_page(RawPage(str(f), f.read_text(encoding="utf-8"), "text")) for f in files]
    texts = [d.text for d in docs if not d.lowercase]
    result = measure(texts)
    print(f"NER on {len(texts)} mixed-case pages, lowercased (reference: NER on the original case)")
    for name, (recall, precision) in result.items():
        print(f"  {name:10s} recall {recall:5.1f}%  precision {precision:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
