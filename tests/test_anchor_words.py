"""Inferring undated pages' dates reads each dated page's words once per build, and picks the
page a scan of every dated page would. Every word here is invented."""
from __future__ import annotations

import random

from storyline.model import Document, DocumentDate
from storyline.resolve import anchors
from storyline.resolve.anchors import Bounds, content_words, infer_anchor, within

WORDS = [f"{a}{b}{c}" for a in "bdkm" for b in "aeio" for c in "lnrst"]
DAYS = ["2031-01-04", "2031-02-11", "2031-02", "2031-03-20", "2030", "2031-05-02", None]


def pages(r: random.Random, n: int, dated: bool, first: int) -> list[Document]:
    return [Document(f"g{first + i}", "x.txt", " ".join(r.choice(WORDS) for _ in range(r.randint(0, 25))),
                     published=DocumentDate(r.choice(DAYS) if dated else None, "day")) for i in range(n)]


def scan(doc: Document, bounds: Bounds, dated: list[Document]) -> tuple[Document | None, float]:
    """The page of most similar words, by comparing the page with each dated page in turn."""
    words = content_words(doc.text)
    best, best_sim = None, 0.0
    for other in dated:
        if other.id == doc.id or not other.published.value or not within(other.published.value, bounds):
            continue
        o = content_words(other.text)
        sim = len(words & o) / max(1, len(words | o))
        if sim > best_sim:
            best, best_sim = other, sim
    return best, best_sim


def test_the_most_similar_dated_page_is_the_one_a_full_scan_finds():
    r = random.Random(7)
    for _ in range(30):
        dated = pages(r, r.randint(0, 30), True, 0)
        dated += dated[:2]  # the same page twice: the first one counts
        for doc in pages(r, 4, False, 100):
            for bounds in (Bounds(), Bounds("2031-02"), Bounds(None, "2031-02-28"), Bounds("2031-02-01", "2031-03")):
                assert anchors.most_similar(doc, bounds, dated) == scan(doc, bounds, dated)


def test_each_dated_page_is_read_once_for_all_the_undated_ones(monkeypatch):
    r = random.Random(11)
    dated, undated = pages(r, 40, True, 0), pages(r, 12, False, 100)
    read: list[str] = []

    def counting(text: str) -> set[str]:
        read.append(text)
        return content_words(text)

    monkeypatch.setattr(anchors, "content_words", counting)
    got = [infer_anchor(doc, Bounds(), list(dated)) for doc in undated]
    with_dates = sum(1 for d in dated if d.published.value)
    assert len(read) == with_dates + len(undated)  # not one read per (undated, dated) pair
    assert any(origin == "inferred" for _, origin in got)
    read.clear()
    changed = dated[:-1]  # another set of dated pages: read again
    infer_anchor(undated[0], Bounds(), changed)
    assert len(read) == sum(1 for d in changed if d.published.value) + 1
