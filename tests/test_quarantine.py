"""Quarantine, not crash (issue 10): a document a stage fails on is set aside with the stage
and the reason, the rest is built, and every later build works; `documents --failed` lists
them, `forget` removes a document and everything that came only from it; long texts are
annotated in sections."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from storyline import pipeline, pipeline_sections
from storyline.cli import main
from storyline.engine import Annotated, InlineEngine
from storyline.model import RawPage
from storyline.pipeline import add_pages, build, demo_corpus, forget_documents, ingest
from storyline.present.dossier import build_dossier
from storyline.quarantine import blames_document
from storyline.store import Store

DOC_TABLES = ("sentences", "mentions", "timexes", "claims", "statements", "concept_index",
              "event_evidence", "contradiction_members", "commitment_evidence", "entity_key_documents")


def demo_files(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for f in sorted(demo_corpus().glob("*.txt"))[:n]:
        shutil.copy(f, folder / f.name)
    return folder


def copy_of(demo, tmp_path: Path) -> Store:
    """A private copy of the session's built demo store."""
    store, _ = demo
    path = tmp_path / "copy.db"
    target = sqlite3.connect(path)
    store.conn.backup(target)
    target.close()
    return Store(path)


def consistency_problems(store: Store) -> list[str]:
    """What a consistent story never has: items without evidence, one-sided contradictions,
    entities nobody mentions, keys of missing entities, a concept count that does not match
    the index, rows that point to a missing document."""
    checks = {
        "event without evidence": "SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_evidence)",
        "one-sided contradiction": "SELECT COUNT(*) FROM contradictions WHERE id NOT IN (SELECT contradiction_id"
                                   " FROM contradiction_members WHERE side = 0) OR id NOT IN (SELECT"
                                   " contradiction_id FROM contradiction_members WHERE side = 1)",
        "commitment without evidence": "SELECT COUNT(*) FROM commitments WHERE id NOT IN"
                                       " (SELECT commitment_id FROM commitment_evidence)",
        "entity without mention": "SELECT COUNT(*) FROM entities WHERE id NOT IN"
                                  " (SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL)",
        # an outlet's full name waiting for the entity of its short form is filed under no entity ('')
        "key of a missing entity": "SELECT COUNT(*) FROM entity_keys WHERE entity_id <> '' AND "
                                   "entity_id NOT IN (SELECT id FROM entities)",
        "key seen in no document": "SELECT COUNT(*) FROM entity_keys WHERE key NOT IN"
                                   " (SELECT key FROM entity_key_documents)",
        "concept count off": "SELECT COUNT(*) FROM concept_df d WHERE n != (SELECT COUNT(*) FROM concept_index i"
                             " WHERE i.concept = d.concept)",
        "speaker of a missing entity": "SELECT COUNT(*) FROM claims WHERE speaker_entity IS NOT NULL AND"
                                       " speaker_entity NOT IN (SELECT id FROM entities)",
    }
    out = [f"{name}: {n}" for name, sql in checks.items() if (n := store.conn.execute(sql).fetchone()[0])]
    for table in DOC_TABLES:
        n = store.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        if n:
            out.append(f"{table} rows of a missing document: {n}")
    if store.conn.execute("PRAGMA foreign_key_check").fetchall():
        out.append("foreign key violations")
    return out


def traces_of(store: Store, doc_id: str) -> dict[str, int]:
    found = {t: store.conn.execute(f"SELECT COUNT(*) FROM {t} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
             for t in DOC_TABLES}
    return {t: n for t, n in found.items() if n}


class FailOne:
    """An annotation engine whose worker fails on one document (as spaCy's E088 does)."""

    name, workers = "inline", 1

    def __init__(self, doc_id: str):
        self.doc_id = doc_id

    def annotate(self, ids, load, context, size=16):
        for result in InlineEngine().annotate(ids, load, context, size):
            yield Annotated(result.doc_id, error="ValueError: [E088] Text of length 3000000 exceeds maximum") \
                if result.doc_id == self.doc_id else result


# --- reproductions -------------------------------------------------------------------------

def test_a_record_dated_0001_01_01_is_refused_at_ingest_and_the_rest_builds(tmp_path):
    page = (demo_corpus() / sorted(p.name for p in demo_corpus().glob("*.txt"))[0]).read_text()
    records = [{"text": page.replace("\n", "\n\n"), "published": "0001-01-01", "url": "https://a.example/1"},
               {"text": page, "published": "2024-09-18", "url": "https://a.example/2"}]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        info = ingest([str(feed)], store)
        assert info.items_out == 1
        assert len(info.failed) == 1 and "published date 0001-01-01 is outside 1800.." in info.failed[0][1]
        api = add_pages([RawPage(source="api#1", content=page + "\n\nMore.", kind="text",
                                 published="0001-01-01")], store)
        assert api.items_out == 0 and "outside 1800" in api.failed[0][1]
        infos = build(store)
        assert [i.failed for i in infos] == [[], []]
        assert store.docs.statuses()[0].status == "in story"
        assert build_dossier(store, as_of="2026-11-25")["events"]


def test_a_document_that_fails_annotation_is_set_aside_and_later_builds_work(tmp_path, capsys):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([str(demo_files(tmp_path))], store)
        bad = store.docs.unannotated()[1]
        annotate, story = build(store, engine=FailOne(bad))
        assert annotate.items_out == 2 and story.items_out == 2
        assert annotate.failed == [(bad, "annotate: ValueError: [E088] Text of length 3000000 exceeds maximum")]
        failed = store.docs.statuses(failed_only=True)
        assert [(r.id, r.status, r.failed_stage) for r in failed] == [(bad, "failed", "annotate")]
        assert "E088" in (failed[0].failed_reason or "") and failed[0].failed_at
        assert traces_of(store, bad) == {}
        assert [i.items_in for i in build(store)] == [0, 0]  # set aside: not tried again
        assert consistency_problems(store) == []
    assert main(["documents", "--failed", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert bad[:16] in out and "failed at annotate" in out and "E088" in out
    assert main(["documents", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("in story") == 2 and out.count("failed") == 2  # status, and the reason's line
    assert main(["build", "--db", str(db), "--retry-failed", "-q", "--workers", "1"]) == 0
    with Store(db) as store:
        assert {r.status for r in store.docs.statuses()} == {"in story"}
        assert consistency_problems(store) == []


def test_a_document_that_fails_the_story_stage_leaves_nothing_behind(tmp_path, monkeypatch):
    with Store(tmp_path / "s.db") as store:
        ingest([str(demo_files(tmp_path))], store)
        bad = sorted(store.docs.unannotated())[0]
        real = pipeline.update_events

        def breaks_on_bad(store_, statements):
            n = real(store_, statements)  # its events are written, then it fails
            if statements and statements[0].doc_id == bad:
                raise OverflowError("date value out of range")
            return n

        monkeypatch.setattr(pipeline, "update_events", breaks_on_bad)
        annotate, story = build(store)
        assert annotate.items_out == 3 and story.items_out == 2
        assert story.failed == [(bad, "story: OverflowError: date value out of range")]
        assert traces_of(store, bad) == {}  # its entities, index, events: rolled back
        assert consistency_problems(store) == []
        mentions = store.conn.execute("SELECT SUM(mentions) FROM entities").fetchone()[0]
        ingest([str(demo_corpus())], store)  # more pages: every later build works
        monkeypatch.setattr(pipeline, "update_events", real)
        annotate, story = build(store)
        assert (annotate.failed, story.failed) == ([], []) and story.items_out == 2
        assert store.conn.execute("SELECT SUM(mentions) FROM entities").fetchone()[0] > mentions
        assert [r.id for r in store.docs.statuses(failed_only=True)] == [bad]
        assert consistency_problems(store) == []


def test_failures_of_the_store_itself_stop_the_build():
    assert not blames_document(sqlite3.OperationalError("database or disk is full"))
    assert not blames_document(KeyboardInterrupt())
    assert blames_document(sqlite3.IntegrityError("UNIQUE constraint failed: claims.id"))
    assert blames_document(OverflowError("date value out of range"))
    assert blames_document(MemoryError())


# --- long texts ------------------------------------------------------------------------------

def test_cut_covers_the_text_in_sections_under_the_size_at_paragraph_breaks():
    paragraphs = [("word " * n).strip() + "." for n in (40, 300, 10, 700, 5, 90)]
    text = "\n\n".join(paragraphs) + "\n"
    spans = pipeline_sections.cut(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < e - s <= 1000 for s, e in spans)
    assert all(text[e - 2:e] == "\n\n" or text[e - 1] in " .\n" for s, e in spans[:-1])
    assert sum(text[e - 2:e] == "\n\n" for s, e in spans[:-1]) >= 2
    one_line = "x" * 2500
    assert pipeline_sections.cut(one_line, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


@pytest.fixture
def small_sections(monkeypatch, nlp):
    """Sections of 2,500 characters and a model that refuses texts over 6,000 (E088): the
    3 MB reproduction, scaled down."""
    monkeypatch.setattr(pipeline_sections, "SECTION_CHARS", 2_500)
    monkeypatch.setattr(nlp, "max_length", 6_000)
    return nlp


def test_a_text_over_the_models_limit_is_annotated_in_sections(tmp_path, demo, small_sections):
    nlp = small_sections
    long_text = "\n\n".join(d.text for d in demo[0].docs.all())  # the cleaned pages, one long article
    assert len(long_text) > 2.5 * nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(long_text)
    parsed_lengths = []
    pipe = type(nlp).pipe

    def recording_pipe(self, docs, *args, **kwargs):
        docs = list(docs)
        parsed_lengths.extend(len(d) for d in docs)
        return pipe(self, docs, *args, **kwargs)

    page = tmp_path / "long.txt"
    page.write_text("Wire Service - 18 September 2024\n\n" + long_text, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([str(page)], store)
        (doc_id,) = store.docs.unannotated()
        type(nlp).pipe = recording_pipe
        try:
            annotate, story = build(store)
        finally:
            type(nlp).pipe = pipe
        assert (annotate.items_out, story.items_out) == (1, 1), annotate.failed
        assert len(parsed_lengths) > 5 and max(parsed_lengths) <= 2_500  # never the whole text at once
        doc = store.docs.require(doc_id)
        sentences = store.annotations.sentences(doc_id)
        assert [s.index for s in sentences] == list(range(len(sentences))) and len(sentences) > 50
        assert all(doc.text[s.start:s.end] == s.text for s in sentences)
        assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
        mentions = store.annotations.mentions(doc_id)
        assert len(mentions) > 50 and all(doc.text[m.start:m.end] == m.text for m in mentions)
        assert all(sentences[m.sentence].start <= m.start < sentences[m.sentence].end for m in mentions)
        timexes = store.annotations.timexes(doc_id)
        assert timexes and all(doc.text[t.start:t.end] == t.text for t in timexes)
        claims = store.annotations.claims(doc_id)
        assert len({c.id for c in claims}) == len(claims) > 5
        assert all(e.text in sentences[e.sentence].text or sentences[e.sentence].text in e.text
                   or e.doc != doc_id for c in claims for e in c.evidence)
        assert consistency_problems(store) == []
        # the same sentences as a parse of the whole text would give (sections end at paragraphs)
        nlp.max_length = 1_000_000
        whole = pipeline_sections.annotate(doc, nlp(doc.text), pipeline_sections.Anchor(
            doc.published.reference_date(), "published"))
        assert [(s.start, s.end) for s in whole.sentences] == [(s.start, s.end) for s in sentences]
        same = {(m.start, m.end, m.label) for m in whole.mentions} & {(m.start, m.end, m.label) for m in mentions}
        assert len(same) >= 0.9 * len(whole.mentions)


# --- forget ----------------------------------------------------------------------------------

def test_forget_removes_a_document_and_what_came_only_from_it(demo, tmp_path, capsys):
    store = copy_of(demo, tmp_path)
    dossier = build_dossier(store, as_of="2026-11-25")
    assert consistency_problems(store) == []
    # the document that alone mentions the most entities
    only: dict[str, set[str]] = {}
    for entity_id, doc_id in store.conn.execute(
            "SELECT entity_id, MIN(doc_id) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id"
            " HAVING MIN(doc_id) = MAX(doc_id)"):
        only.setdefault(doc_id, set()).add(entity_id)
    doc = next(d for d in dossier["documents"] if d["id"] == max(only, key=lambda k: (len(only[k]), k)))
    only_there = only[doc["id"]]
    assert sum(doc["relied_on_by"].values()) > 3
    other_evidence = {(s, x["id"]) for s in ("events", "commitments") for x in dossier[s]
                      if any(e["doc"] != doc["id"] for e in x["evidence"])}
    entities = {e.id for e in store.items.entities()}
    assert only_there and only_there < entities
    store.close()
    db = str(tmp_path / "copy.db")
    assert main(["forget", doc["id"][:10], "--db", db]) == 0
    assert f"forgot {doc['id']}" in capsys.readouterr().out
    with Store(db) as store:
        assert store.docs.get(doc["id"]) is None and traces_of(store, doc["id"]) == {}
        assert consistency_problems(store) == []
        after = build_dossier(store, as_of="2026-11-25")
        assert doc["id"] not in json.dumps(after)
        assert after["story"]["documents"] == dossier["story"]["documents"] - 1
        kept = {(s, x["id"]) for s in ("events", "commitments") for x in after[s]}
        assert other_evidence <= kept  # what other documents support stays
        assert {e.id for e in store.items.entities()} == entities - only_there
        # and the story goes on: the document comes back, and is built in again
        info = ingest([doc["source"]], store)
        assert info.ids == [doc["id"]]
        annotate, story = build(store)
        assert (annotate.items_out, story.items_out) == (1, 1)
        assert consistency_problems(store) == []
        again = build_dossier(store, as_of="2026-11-25")
        assert any(d["id"] == doc["id"] and sum(d["relied_on_by"].values()) for d in again["documents"])


def test_forgetting_an_original_hands_its_place_to_its_reprint(tmp_path):
    folder = demo_files(tmp_path, 2)
    original = sorted(folder.glob("*.txt"))[0]
    (folder / "zz_reprint.txt").write_text(original.read_text() + "\nShared by a reader.\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        info = ingest([str(folder)], store)
        assert info.notes["near_duplicates"] == 1
        build(store)
        statuses = {r.source: r for r in store.docs.statuses()}
        reprint = statuses[str(folder / "zz_reprint.txt")]
        first = statuses[str(original)]
        assert reprint.status == "duplicate" and reprint.duplicate_of == first.id
        assert forget_documents(store, [first.id]) == [(first.id, reprint.id)]
        assert store.docs.statuses()[-1].status == "new"
        annotate, story = build(store)
        assert (annotate.items_out, story.items_out) == (1, 1)
        assert {r.status for r in store.docs.statuses()} == {"in story"}
        assert consistency_problems(store) == []


def test_forget_names_what_it_cannot_find(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        ingest([str(demo_files(tmp_path, 2))], store)
    assert main(["forget", "nosuchdocument", "--db", db]) == 1
    assert "no document 'nosuchdocument'" in capsys.readouterr().err
    assert main(["forget", "", "--db", db]) == 1
