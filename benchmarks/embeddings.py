"""Sentences per second for the NumPy all-MiniLM-L6-v2 embedder, against a bare spaCy pass.

    python benchmarks/embeddings.py [--sentences 1000] [--batch-size 32] [--repeats 3]

The sentences are news-like, made from templates with invented names, places and numbers
(no two alike). The embedder pass is `Embedder.encode(sentences)`; the spaCy pass is
`list(nlp.pipe(sentences))` with storyline's own pipeline (`storyline.annotate.nlp.load`).
Model loading and a warm-up call are left out of both timings; the best of --repeats runs
is reported for each. The machine may be shared: compare figures from one run, and see
the CPU-time ratio too (NumPy's BLAS uses every core, spaCy one).
"""
from __future__ import annotations

import argparse
import random
import time

from storyline.annotate.embeddings import Embedder
from storyline.annotate.nlp import load

PEOPLE = ["Elena Varga", "Tomas Ruell", "Mira Okonkwo-Hale", "Jonas Peltier", "Ada Sorensby",
          "Kofi Ambrell", "Lena Marchetti", "Ravi Dunmore", "Ines Calloway", "Piet Vandersloot"]
ROLES = ["mayor", "harbour master", "finance minister", "union leader", "police chief",
         "council spokesperson", "hospital director", "ferry operator's chief executive"]
PLACES = ["Marlow Bay", "Eastport", "Kessel Heights", "Nordvik", "Port Aldine", "Brannock",
          "the Old Quay district", "Saltmarsh County"]
ORGS = ["the city council", "the nurses' union", "the port authority", "Brightline Ferries",
        "the regional water board", "the transport ministry", "Harbour & Dock Workers United"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{org} approved a budget of {n} million on {day}, {person} said.",
    "{person}, the {role}, resigned on {day} after an audit found {n} irregular payments.",
    "Police in {place} arrested {n} people after a fire at the harbour on {day}.",
    "{org} said fares would rise by {n} percent from next month, blaming fuel costs.",
    "Floods forced about {n} residents of {place} to leave their homes on {day}.",
    "Talks between {org} and {org2} collapsed on {day}, according to {person}.",
    "The {role} of {place}, {person}, denied that {org} had ignored the warnings.",
    "\"We will not accept a deal that cuts {n} jobs,\" {person} told reporters in {place}.",
    "{org2} will hold an emergency meeting on {day} to discuss the strike in {place}.",
    "Officials in {place} confirmed that {n} ships were stuck outside the port on {day}, "
    "while {org} and {org2} traded blame over the delays and {person} called for calm.",
]


def news_sentences(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        org, org2 = rng.sample(ORGS, 2)
        text = rng.choice(TEMPLATES).format(
            person=rng.choice(PEOPLE), role=rng.choice(ROLES), place=rng.choice(PLACES),
            org=org, org2=org2, day=rng.choice(DAYS), n=rng.randint(2, 900))
        out.append(text[0].upper() + text[1:] + ("" if i % 3 else f" It was report {i}."))
    return out


def best_of(repeats: int, run) -> tuple[float, float]:
    """Best wall-clock and best CPU time (all threads of this process) over `repeats` runs."""
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    sentences = news_sentences(args.sentences)

    t0 = time.perf_counter()
    embedder = Embedder.load()
    loaded = time.perf_counter() - t0
    embedder.encode(sentences[:8])
    tokens = sum(len(e.ids) for e in embedder.tokenizer.encode_batch(sentences))
    nlp = load()
    nlp("warm up")

    emb, emb_cpu = best_of(args.repeats, lambda: embedder.encode(sentences, batch_size=args.batch_size))
    bare, bare_cpu = best_of(args.repeats, lambda: list(nlp.pipe(sentences, batch_size=64)))
    n = len(sentences)
    print(f"sentences: {n}, {tokens / n:.1f} word pieces each on average (with [CLS]/[SEP])")
    print(f"model load:         {loaded * 1000:.0f} ms")
    print(f"embeddings encode:  {n} sentences in {emb:.2f}s = {n / emb:.0f} sentences/s, "
          f"{emb / n * 1000:.2f} ms/sentence (batch size {args.batch_size})")
    print(f"bare spaCy pipe:    {n} sentences in {bare:.2f}s = {n / bare:.0f} sentences/s, "
          f"{bare / n * 1000:.2f} ms/sentence")
    print(f"embeddings cost {emb / bare:.2f}x the bare spaCy pass "
          f"(CPU time: {emb_cpu:.2f}s vs {bare_cpu:.2f}s = {emb_cpu / bare_cpu:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
