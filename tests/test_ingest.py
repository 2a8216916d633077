"""Readers: one real-looking fixture per format, and the bad-input cases."""
from __future__ import annotations

import os
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest import discover, read_path
from storyline.pipeline import ingest


def pages(path: Path):
    return [p for p in read_path(path) if not isinstance(p, InputError)]


def errors(path: Path):
    return [p for p in read_path(path) if isinstance(p, InputError)]


def test_html_page_keeps_body_drops_navigation_and_comments(data_dir, store):
    info = ingest([str(data_dir / "article.html")], store)
    assert info.items_out == 1 and not info.failed
    doc = store.docs.all()[0]
    assert doc.title.startswith("Port strike ends after council deal")
    assert doc.outlet == "Harbour Gazette"
    assert doc.published.value == "2023-03-14" and doc.published.origin == "metadata"
    assert "Dock workers in Saltmere returned to work on Tuesday" in doc.text
    assert "Talks resume in May." in doc.text  # a short sentence is kept
    assert "My cousin works at the docks" not in doc.text  # a reader's comment is not
    assert "Log in" not in doc.text and "Privacy policy" not in doc.text


def test_warc_with_two_responses(warc_file, store):
    found = pages(warc_file)
    assert [p.url for p in found] == ["https://harbour.example/2023/03/14/strike",
                                      "https://harbour.example/2023/03/15/ferry"]
    info = ingest([str(warc_file)], store)
    assert info.items_out == 2
    ferry = next(d for d in store.docs.all() if "Ferry" in (d.title or ""))
    assert ferry.published.value == "2023-03-15"  # trafilatura reads it from the URL
    assert ferry.outlet == "Harbour"  # read from the domain when the page names none


def test_feed_with_three_items(data_dir, store):
    found = pages(data_dir / "feed.xml")
    assert [p.title for p in found] == ["Bridge reopens to traffic", "School budget vote delayed",
                                        "Farmers market moves indoors"]
    assert found[1].published == "2022-05-03" and found[0].outlet == "Valley Courier"
    info = ingest([str(data_dir / "feed.xml")], store)
    assert info.items_out == 3
    texts = " ".join(d.text for d in store.docs.all())
    assert "postponed its budget vote to June 15" in texts  # a description-only item


def test_jsonl_text_and_html_records(data_dir, store):
    found = pages(data_dir / "articles.jsonl")
    assert [p.kind for p in found] == ["text", "html"]
    assert found[0].outlet == "North Wire" and found[0].published == "2021-07-09"
    ingest([str(data_dir / "articles.jsonl")], store)
    docs = {d.title: d for d in store.docs.all()}
    assert docs["Dam project approved"].published.value == "2021-07-09"
    assert "About 300 people protested" in docs["Protest at dam site"].text


def test_directories_are_read_recursively_and_globs_expand(tmp_path, data_dir):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Some article text here. It has sentences.")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    files, errs = discover([str(tmp_path), str(data_dir / "*.jsonl")])
    names = sorted(f.name for f in files)
    assert names == ["articles.jsonl", "x.txt"] and not errs


def test_reingest_is_a_noop(data_dir, store):
    first = ingest([str(data_dir / "scraped.txt")], store)
    again = ingest([str(data_dir / "scraped.txt")], store)
    assert (first.items_out, again.items_out, again.skipped) == (1, 0, 1)
    assert store.docs.count() == 1


def test_bad_inputs_are_named_with_a_reason_and_the_rest_ingested(tmp_path, data_dir, store):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin1.txt").write_bytes(
        ("Caf\xe9 owners in Saltmere met the harbour council on Monday to discuss parking.\n"
         "The council said the rules would take effect in June, after talks with traders.\n"
         "Owners of the Caf\xe9 M\xfcller said they would appeal before the end of the month.\n"
         ).encode("latin-1"))
    (tmp_path / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-a-warc")
    (tmp_path / "bad.xml").write_text("<rss><channel><item><title>x</title>")
    (tmp_path / "bad.jsonl").write_text('{"text": "A fine article that says something."}\n{not json}\n{"title": "no body"}\n')
    (tmp_path / "markup.html").write_text("no markup here at all")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(51 * 1024 * 1024)
    ok = tmp_path / "good.txt"
    ok.write_text((data_dir / "scraped.txt").read_text())
    info = ingest([str(tmp_path), str(tmp_path / "missing.txt")], store)
    reasons = {Path(src.split("#")[0]).name: reason for src, reason in info.failed}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary data, not text"
    assert "latin1.txt" not in reasons  # Latin-1 is detected and read, not refused
    assert "WARC" in reasons["broken.warc.gz"]
    assert "feed" in reasons["bad.xml"]
    assert "invalid JSON" in reasons["bad.jsonl"] or "no 'text'" in reasons["bad.jsonl"]
    assert len([s for s, _ in info.failed if s.startswith(str(tmp_path / "bad.jsonl"))]) == 2
    assert reasons["huge.txt"] == "too large (51.0 MB, over the 50 MB limit)"
    assert reasons["markup.html"].startswith("no HTML markup")
    assert reasons["missing.txt"] == "no such file or directory"
    # the good file, the Latin-1 file and the good JSON line still went in
    assert info.items_out == 3


def test_unreadable_file(tmp_path, store):
    if os.geteuid() == 0:
        # root reads everything; a directory named like a file is unreadable as a file
        bad = tmp_path / "dir.txt"
        bad.mkdir()
        (bad / "inner.txt").write_text(
            "The harbour council voted on Monday to extend the ferry timetable into winter.\n"
            "The new timetable will take effect in November, the council said in a statement.\n")
        info = ingest([str(tmp_path / "dir.txt")], store)
        assert info.items_out == 1  # a folder is searched, whatever its name
    else:
        f = tmp_path / "locked.txt"
        f.write_text("x")
        f.chmod(0)
        info = ingest([str(f)], store)
        assert info.failed and "cannot read" in info.failed[0][1]
