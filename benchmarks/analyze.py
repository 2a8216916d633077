"""Time per added article in the cross-document stages, as the store grows.

    python benchmarks/analyze.py [--sizes 1000,5000,10000,20000] [--batch 100]

Synthetic articles (already annotated: sentences, mentions, time expressions, claims, made
from a fixed vocabulary with a seeded random generator, so no spaCy pass is needed) are
added through the real incremental path (`pipeline.update_story`: entities, statements
index, date sanity, events, contradictions, commitments). At each size the next `batch`
articles are timed (wall and CPU seconds); flat figures mean adding an article does not cost more in a larger story.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from storyline.model import Claim, Document, DocumentDate, Evidence, Mention, Sentence, TimeValue
from storyline.pipeline import update_story
from storyline.store import Store

VERBS = ["approve", "withdraw", "announce", "attack", "agree", "sign", "open", "close", "build",
         "submit", "deploy", "reduce", "increase", "meet", "visit", "elect", "arrest", "release"]
rng = random.Random(11)
WORDS = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(3000)]
NAMES = [f"{w.capitalize()} {v.capitalize()}" for w, v in zip(WORDS[:600], WORDS[600:1200], strict=True)]
PLACES = [w.capitalize() for w in WORDS[1200:1500]]


def article(i: int, r: random.Random) -> tuple[Document, list, list, list, list]:
    doc_id = f"s{i:06d}"
    year = r.randint(2000, 2030)
    sents, mentions, times, claims = [], [], [], []
    pos = 0
    for k in range(5):
        person, place = r.choice(NAMES), r.choice(PLACES)
        verb = r.choice(VERBS)
        words = " ".join(r.choice(WORDS) for _ in range(8))
        when = f"in {r.choice(['March', 'June', 'October'])} {year + r.randint(-2, 2)}"
        text = f"{person} said {place} will {verb} the {words} {when}."
        s = Sentence(doc_id, k, pos, pos + len(text), text, verbs=["say", verb], tense="past")
        sents.append(s)
        mentions += [Mention(doc_id, k, pos, pos + len(person), person, "PERSON"),
                     Mention(doc_id, k, pos + len(person) + 6, pos + len(person) + 6 + len(place), place, "GPE")]
        start = text.index(when) + 3
        month = {"March": "03", "June": "06", "October": "10"}[when.split()[1]]
        times.append(TimeValue(doc_id, k, pos + start, pos + len(text) - 1, when[3:], "date",
                               f"{when.split()[2]}-{month}", "month", f"{year}", "published",
                               None, r.choice(["past", "future"]), verb))
        claims.append(Claim(f"c{doc_id}{k}", doc_id, k, person, text, "say",
                            evidence=[Evidence(doc_id, k, text)]))
        pos += len(text) + 1
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=" ".join(s.text for s in sents),
                   title=f"Story {i}", outlet=r.choice(["Wire A", "Daily B", "Radio C", "Post D"]),
                   published=DocumentDate(f"{year}-05-01", "day", "header"))
    return doc, sents, mentions, times, claims


def add(store: Store, start: int, count: int, r: random.Random) -> tuple[float, float]:
    for i in range(start, start + count):
        doc, sents, mentions, times, claims = article(i, r)
        store.docs.add(doc)
        store.docs.set_reference(doc.id, doc.published.value, "published")
        store.annotations.save(doc.id, sents, mentions, times, claims)
    t0, c0 = time.perf_counter(), time.process_time()
    update_story(store)
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,10000,20000")
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    r = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        n = 0
        print(f"{'store size':>10}  {'ms per added article':>20}  {'CPU ms per added article':>24}")
        for size in sizes:
            chunk = 2000
            while n < size:  # grow the story through the same incremental path
                step = min(chunk, size - n)
                add(store, n, step, r)
                n += step
            seconds, cpu = add(store, n, args.batch, r)
            n += args.batch
            print(f"{size:>10,}  {1000 * seconds / args.batch:>20.1f}  {1000 * cpu / args.batch:>24.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
