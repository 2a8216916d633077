"""What reading commitments costs: each stored commitment is decoded once per document (and
once more after each write of it), and the reading is the same as when every look-up reads
the store afresh. Every name and sentence here is invented."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from storyline import pipeline
from storyline.analyze import commitments as ck
from storyline.analyze.commitment_access import Commitments
from storyline.model import Claim, Commitment, Document, DocumentDate, Evidence, Sentence, TimeValue
from storyline.store import Store
from storyline.store.items import StoryItems

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
VERBS = ["open", "close", "sign", "submit", "approve", "deliver"]


def article(i: int, r: random.Random) -> tuple[Document, list[Sentence], list[TimeValue], list[Claim]]:
    """An invented report: five sentences, each a dated promise of one of a few acts."""
    doc_id = f"p{i:04d}"
    sents, times, claims, pos = [], [], [], 0
    for k in range(5):
        verb = r.choice(VERBS)
        thing = " ".join(r.choice(SYLLABLES) + r.choice(SYLLABLES) for _ in range(3))
        month = r.choice([("March", "03"), ("June", "06")])
        when = f"in {month[0]} 2031"
        text = f"Officials said the council will {verb} the {thing} {when}."
        sents.append(Sentence(doc_id, k, pos, pos + len(text), text, verbs=["say", verb], tense="past"))
        start = pos + text.index(when) + 3
        times.append(TimeValue(doc_id, k, start, pos + len(text) - 1, when[3:], "date", f"2031-{month[1]}",
                               "month", "2030-05-01", "published", None, "future", verb))
        claims.append(Claim(f"c{doc_id}{k}", doc_id, k, "Officials", text, "say",
                            evidence=[Evidence(doc_id, k, text)]))
        pos += len(text) + 1
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=" ".join(s.text for s in sents), title=f"Report {i}",
                   outlet=r.choice(["Wire One", "Daily Two"]), published=DocumentDate("2030-05-01", "day", "header"))
    return doc, sents, times, claims


def build_story(n: int) -> list[tuple]:
    """The stored commitments after n invented reports went through the story stages."""
    r = random.Random(3)
    with Store(":memory:") as store:
        for i in range(n):
            doc, sents, times, claims = article(i, r)
            store.docs.add(doc)
            store.docs.set_reference(doc.id, doc.published.value, "published")
            store.annotations.save(doc.id, sents, [], times, claims)
        pipeline.update_story(store)
        return [(k.id, k.due, k.superseded_by, [(e.doc, e.sentence) for e in k.evidence], f)
                for k, f in store.items.commitments()]


@pytest.fixture
def counted(monkeypatch):
    """Decodes and writes of each commitment, per document pass."""
    passes: list[tuple[Counter, Counter]] = []
    inside = [False]
    read, write, update = StoryItems.commitments, StoryItems.upsert_commitment, pipeline.update_commitments

    def commitments(self, ids=None):
        found = read(self, ids)
        if inside[0]:
            passes[-1][0].update(k.id for k, _ in found)
        return found

    def upsert(self, k, data, actions=None):
        if inside[0]:
            passes[-1][1][k.id] += 1
        return write(self, k, data, actions)

    def per_document(store, statements):
        passes.append((Counter(), Counter()))
        inside[0] = True
        try:
            return update(store, statements)
        finally:
            inside[0] = False

    monkeypatch.setattr(StoryItems, "commitments", commitments)
    monkeypatch.setattr(StoryItems, "upsert_commitment", upsert)
    monkeypatch.setattr(pipeline, "update_commitments", per_document)
    return passes


def fresh_reads(self, ids):
    """Every look-up reads the store (what `Commitments` saves)."""
    return self.store.items.commitments(list(dict.fromkeys(ids)))


def test_a_commitment_is_decoded_once_per_document_until_it_is_written(counted):
    stored = build_story(12)
    assert len(stored) > 20
    decodes = [(dec, wr) for dec, wr in counted if dec]
    assert len(decodes) >= 8  # later documents look earlier commitments up
    for dec, wr in decodes:
        assert all(n <= 1 + wr[i] for i, n in dec.items()), (dec, wr)


def test_reading_once_per_document_changes_nothing(counted, monkeypatch):
    cached = build_story(12)
    once = sum(sum(dec.values()) for dec, _ in counted)
    counted.clear()
    monkeypatch.setattr(Commitments, "get", fresh_reads)
    assert build_story(12) == cached
    assert sum(sum(dec.values()) for dec, _ in counted) > 2 * once


def facts(stated: str, key: tuple[str, int]) -> dict:
    return {"actions": ["open"], "main": ["open"], "theme": {"bridge": 1.0, "toll": 1.0}, "heads": [""],
            "stated": [stated], "outcomes": [], "keys": [list(key)], "clauses": ["will open the toll bridge"],
            "loose_year": False, "drift": False, "corrected_date": False}


def test_a_chain_link_left_unwritten_is_read_as_stored(store):
    # A (due in March, said on 1 December) was moved by B (said on 15 December); the new C
    # (said on 1 January) moves A too, but A already has a next link said before C, so A
    # is not written: what C shared with it must not stay on the copy read again
    a = Commitment("ka", "A", "2031-03", "2030-12-01", None, ["kb"], [Evidence("d1", 0, "x")])
    b = Commitment("kb", "B", "2031-09", "2030-12-15", None, [], [Evidence("d2", 0, "y")])
    for k, key in ((a, ("d1", 0)), (b, ("d2", 0))):
        store.items.upsert_commitment(k, facts(k.stated_on, key), ["open"])
    db = Commitments(store)
    others = db.get(["ka", "kb"])
    new = Commitment("kc", "C", "2031-06", "2031-01-01", None, [], [Evidence("d3", 0, "z")])
    g = facts("2031-01-01", ("d3", 0))
    ck.link(db, (new, g), [o for o in others if o[0].id == "ka"])
    assert g["chain_acts"] == ["open"]
    (k, f), = db.get(["ka"])
    assert k.superseded_by == ["kb"] and "chain_acts" not in f
    assert f == store.items.commitments(["ka"])[0][1]
