"""The dossier at scale (issue 10): the story title and corroboration are computed through
indexes, not pairwise, with the same result as the pairwise definitions; quarantined
documents are listed marked with the stage that failed on them and why."""
from __future__ import annotations

import random
import re

from storyline.analyze import corroboration as corr
from storyline.clean import readable_title
from storyline.lexicon import concepts
from storyline.model import RawPage
from storyline.names import name_key
from storyline.pipeline import add_pages
from storyline.present.dossier import build_dossier, story_title
from storyline.present.exports import section_csv
from storyline.present.report import render_report
from storyline.story.origins import outlet_key

WORDS = ["harbour", "bridge", "council", "budget", "tunnel", "ferry", "school", "clinic", "railway",
         "library", "permit", "strike", "tender", "audit", "delay", "opening", "vote", "repair"]
SPEAKERS = ["Odile Banfi", "Piet Sandvoll", "Kemal Duru", "an official"]
OUTLETS = ["Vale Courier", "Vale Courier News", "North Ledger", "Lakeside Radio", None]


class Doc:
    def __init__(self, title: str | None, duplicate_of: str | None = None):
        self.title, self.duplicate_of, self.lowercase, self.text = title, duplicate_of, True, ""


class NoMeta:
    def get_meta(self, key: str) -> None:
        return None


def pairwise_title(titles: list[str]) -> str:
    """The definition: the headline sharing most words with the others, cased ones first."""
    def words(t: str) -> set[str]:
        return set(re.findall(r"[a-z]{4,}", t.lower()))
    best = max(range(len(titles)), key=lambda i: (
        sum(len(words(titles[i]) & words(o)) for j, o in enumerate(titles) if j != i),
        any(c.isupper() for c in titles[i])))
    return titles[best]


def test_story_title_is_the_pairwise_choice():
    r = random.Random(5)
    for _ in range(30):
        titles = [" ".join(r.choice(WORDS) for _ in range(r.randint(1, 6))) for _ in range(r.randint(1, 25))]
        titles = [t.title() if r.random() < 0.3 else t for t in titles]
        docs = [Doc(t) for t in titles] + [Doc("harbour harbour harbour", duplicate_of="x")]
        best = pairwise_title(titles)
        assert story_title(NoMeta(), docs) == (readable_title(best, "") or best)


def pairwise_claims(dossier: dict, origin_of: dict) -> list[dict]:
    """The pairwise definition of claim corroboration."""
    outlet_of = {d["id"]: d["outlet"] for d in dossier["documents"]}
    out = []
    for c in dossier["claims"]:
        mine, doc = concepts(c["text"]), c["evidence"][0]["doc"]
        keys = [(doc, c["evidence"][0]["sentence"])]
        for o in dossier["claims"]:
            theirs = concepts(o["text"])
            same = (o["speaker_entity"] or name_key(o["speaker"])) == (c["speaker_entity"] or name_key(c["speaker"]))
            if same and o["evidence"][0]["doc"] != doc and mine and theirs and \
                    len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6:
                keys.append((o["evidence"][0]["doc"], o["evidence"][0]["sentence"]))
        outlets = sorted({outlet_of.get(d) or d for d, _ in keys})
        independent = sorted({outlet_key(origin_of.get(k) or outlet_of.get(k[0]) or k[0]) for k in keys})
        out.append({"sources": len(outlets), "source_outlets": outlets,
                    "independent_sources": len(independent), "single_source": len(independent) <= 1})
    return out


def test_claim_corroboration_matches_the_pairwise_definition(monkeypatch):
    r = random.Random(11)
    docs = [{"id": f"d{i}", "outlet": r.choice(OUTLETS)} for i in range(40)]
    claims = []
    for i in range(300):
        speaker = r.choice(SPEAKERS)
        text = " ".join(r.sample(WORDS, r.randint(0, 5)))  # some with no content word at all
        claims.append({"id": f"c{i}", "speaker": speaker.upper() if r.random() < 0.2 else speaker,
                       "speaker_entity": "e1" if speaker == SPEAKERS[0] and r.random() < 0.5 else None,
                       "text": text, "evidence": [{"doc": r.choice(docs)["id"], "sentence": r.randrange(9)}]})
    origin_of = {(c["evidence"][0]["doc"], c["evidence"][0]["sentence"]): "Vale Courier News"
                 for c in claims[:40]}
    dossier = {"documents": docs, "events": [], "claims": claims}
    monkeypatch.setattr(corr, "load_statements",
                        lambda store: [type("S", (), {"key": k, "origin": v})() for k, v in origin_of.items()])
    expected = pairwise_claims(dossier, origin_of)
    corr.corroborate(None, dossier)
    got = [{k: c[k] for k in ("sources", "source_outlets", "independent_sources", "single_source")}
           for c in dossier["claims"]]
    assert got == expected
    assert any(g["sources"] > 1 for g in got) and any(g["single_source"] for g in got)


def test_quarantined_documents_are_listed_marked(store):
    pages = [RawPage(source=f"p{i}.txt", content=f"Vale council met on Monday about the ferry {i}.\n\n"
                                                 f"The council said repairs to pier {i} would begin soon.",
                     kind="text", title=f"Ferry pier {i}", published=f"2023-03-0{i + 1}", outlet="Vale Courier")
             for i in range(3)]
    add_pages(pages, store)
    ids = [d.id for d in store.docs.all()]
    bad = ids[1]
    store.docs.set_failed(bad, "annotate", "the parser ran out of memory")
    d = build_dossier(store, as_of="2026-11-22")
    marks = {x["id"]: (x["failed_stage"], x["failed_reason"]) for x in d["documents"]}
    assert marks == {i: (("annotate", "the parser ran out of memory") if i == bad else (None, None)) for i in ids}
    assert d["story"]["documents"] == len(d["documents"]) == 3
    rows = section_csv(d, "documents").splitlines()
    assert "failed_stage" in rows[0] and sum("the parser ran out of memory" in r for r in rows) == 1
    html = render_report(store, d)
    assert html.count("set aside") >= 2  # in the sources table and in its reader
    store.docs.clear_failed([bad])
    again = build_dossier(store, as_of="2026-11-22")
    assert all(x["failed_stage"] is None and x["failed_reason"] is None for x in again["documents"])
    assert "set aside" not in render_report(store, again)
