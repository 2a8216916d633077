"""Synthetic corpora for the benchmarks: the demo pages, repeated and varied."""
from __future__ import annotations

import random
import re
from pathlib import Path

from storyline.pipeline import demo_corpus


def demo_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(Path(demo_corpus()).glob("*.txt"))]


def varied_pages(n: int, seed: int = 7) -> list[str]:
    """n pages: each a demo page with shuffled body paragraphs, changed numbers and a tag,
    so no two pages are the same text (no cache or dedupe shortcut)."""
    rng = random.Random(seed)
    base = demo_pages()
    out = []
    for i in range(n):
        page = base[i % len(base)]
        paras = page.split("\n\n")
        head, body = paras[:3], paras[3:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        text = re.sub(r"\b(\d{1,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
        out.append(f"{text}\n\nPage {i} of the synthetic corpus, item {rng.random():.6f}.")
    return out
