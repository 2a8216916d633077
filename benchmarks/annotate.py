"""Articles per second for annotate + resolve, against a bare nlp.pipe pass, same run.

    python benchmarks/annotate.py [--articles 200]

Both passes see the same texts (the demo pages repeated and varied). The bare pass is
`list(nlp.pipe(texts))` with the same spaCy model; the storyline pass is the whole
annotate stage (truecasing, parse, mentions, time expressions, claims, writing to SQLite)
followed by the cross-document stages (entities, events, contradictions, commitments).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import varied_pages  # noqa: E402

from storyline.annotate.nlp import load  # noqa: E402
from storyline.clean import clean_page  # noqa: E402
from storyline.model import RawPage  # noqa: E402
from storyline.pipeline import annotate_new, update_story  # noqa: E402
from storyline.resolve import duplicates as dup  # noqa: E402
from storyline.store import Store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    docs = [clean_page(RawPage(f"p{i}.txt", t, "text")) for i, t in enumerate(varied_pages(args.articles))]
    nlp = load()
    nlp("warm up")
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    bare = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.db") as store:
        for d in docs:  # stored directly: this benchmark is about annotate + resolve
            store.docs.add(d, dup.to_bytes(dup.signature(d.text)))
        t0 = time.perf_counter()
        annotate_new(store)
        annotated = time.perf_counter() - t0
        t0 = time.perf_counter()
        update_story(store)
        resolved = time.perf_counter() - t0
    ours = annotated + resolved
    n = len(docs)
    print(f"bare nlp.pipe:       {n} articles in {bare:.1f}s = {n / bare:.1f} articles/s")
    print(f"annotate + resolve:  {n} articles in {ours:.1f}s = {n / ours:.1f} articles/s "
          f"(annotate {annotated:.1f}s, story {resolved:.1f}s)")
    print(f"annotate stage alone: {annotated / bare:.2f}x the bare spaCy pass (target <= 1.5x)")
    print(f"annotate + story stages: {ours / bare:.2f}x the bare spaCy pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
