"""Never stuck, never lost: every reader survives bad bytes, names each bad file or record
on one line with its reason, and the rest of the batch is stored."""
from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from pathlib import Path

import pytest

from storyline import ingest as ingest_pkg
from storyline.errors import InputError
from storyline.ingest import decode_text, discover, published_problem, read_path
from storyline.model import RawPage
from storyline.pipeline import ingest

from .conftest import DATA, make_warc

ARTICLE = ("Ferry operators raised fares by 8 percent on Monday, blaming fuel costs. "
           "The transport minister said the rise would be reviewed in September.")


def split(path: Path) -> tuple[list[RawPage], list[InputError]]:
    items = list(read_path(path))
    assert all(isinstance(i, RawPage | InputError) for i in items)
    return ([i for i in items if isinstance(i, RawPage)],
            [i for i in items if isinstance(i, InputError)])


def html_page(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>Passenger groups called the increase unfair.</p></article></body></html>")


def warc_record(rec_type: str, block: bytes, uri: str | None = None, ctype: str = "") -> bytes:
    head = ["WARC/1.0", f"WARC-Type: {rec_type}", "WARC-Record-ID: <urn:uuid:0000>",
            "WARC-Date: 2023-03-15T10:00:00Z"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    if ctype:
        head.append(f"Content-Type: {ctype}")
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_block(html: str) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()


# --- JSON ---------------------------------------------------------------------------------

def test_deeply_nested_json_is_one_error_and_the_rest_of_the_batch_goes_in(tmp_path, store):
    (tmp_path / "deep.json").write_text("[" * 100_000)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(html_page("Ferry fares rise", ARTICLE))
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "Bridge reopens. " + ARTICLE}) + "\n")
    (tmp_path / "d.json").write_text(json.dumps([{"text": "School vote delayed. " + ARTICLE}]))
    make_warc(tmp_path / "e.warc.gz", [("https://x.example/2023/03/15/a", html_page("Dam", ARTICLE))])
    (tmp_path / "f.xml").write_text((DATA / "feed.xml").read_text())
    info = ingest([str(tmp_path)], store)
    assert info.failed == [(str(tmp_path / "deep.json"), "invalid JSON (nested too deeply)")]
    assert info.items_out >= 6  # one page each, and the feed's three items


def test_deep_nesting_inside_json_lines_costs_only_its_line(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps({"text": ARTICLE}) + "\n" + "[" * 50_000 + "\n"
                 + json.dumps({"text": "Second. " + ARTICLE}) + "\n")
    found, errs = split(f)
    assert len(found) == 2
    assert [(e.source, e.reason) for e in errs] == [(f"{f}#2", "invalid JSON (nested too deeply)")]


@pytest.mark.parametrize("content, reason", [
    ('{\n  "text": "abc",\n}\n', "invalid JSON (Expecting property name enclosed in double quotes"),
    ("[1, 2, 3]", "a JSON list of 3 values, none an article object"),
    ("1" * 5000, "invalid JSON"),
    ("garbage\nmore garbage\nstill garbage\n", "not JSON Lines: none of its 3 lines is valid JSON"),
])
def test_a_broken_json_file_is_one_error(tmp_path, content, reason):
    for name in ("x.json", "x.jsonl"):
        f = tmp_path / name
        f.write_text(content)
        found, errs = split(f)
        assert not found and len(errs) == 1
        assert errs[0].reason.startswith(reason), errs[0].reason


def test_control_characters_and_lone_surrogates_from_json_escapes_are_dropped(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"text": "A\u0000B \ud800 C\u001b" + ARTICLE, "title": "T\u0007"}) + "\n")
    [page], _ = split(f)
    assert page.content.startswith("AB \ufffd C") and page.title == "T"


# --- WARC ---------------------------------------------------------------------------------

def test_warc_response_without_target_uri_is_one_error_and_the_others_are_read(tmp_path):
    f = tmp_path / "crawl.warc"
    f.write_bytes(warc_record("response", http_block(html_page("One", ARTICLE)), "https://x.example/1",
                              "application/http; msgtype=response")
                  + warc_record("response", http_block(html_page("Two", ARTICLE)), None,
                                "application/http; msgtype=response")
                  + warc_record("response", http_block(html_page("Three", ARTICLE)), "https://x.example/3",
                                "application/http; msgtype=response"))
    found, errs = split(f)
    assert [p.url for p in found] == ["https://x.example/1", "https://x.example/3"]
    assert [(e.source, e.reason) for e in errs] == [(f"{f}#2", "response record without WARC-Target-URI")]


def test_truncated_warc_gz_gives_an_error_and_no_junk_document(tmp_path, store):
    full = make_warc(tmp_path / "full.warc.gz", [("https://harbour.example/2023/03/14/strike",
                                                  (DATA / "article.html").read_text())])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(full.read_bytes()[:500])
    found, errs = split(cut)
    assert not found
    [err] = errs
    assert err.source == str(cut) and "truncated or corrupt WARC" in err.reason
    assert "the file was cut short" in err.reason
    info = ingest([str(cut)], store)
    assert info.items_out == 0 and len(info.failed) == 1


def test_complete_records_before_a_break_are_kept(tmp_path):
    pages = [(f"https://x.example/{i}", html_page(f"Page {i}", ARTICLE)) for i in range(3)]
    full = make_warc(tmp_path / "full.warc.gz", pages).read_bytes()
    plain = gzip.decompress(full)
    second_start = plain.index(b"WARC/1.0", 10)
    third_start = plain.index(b"WARC/1.0", second_start + 10)
    single = gzip.compress(plain)
    cut = next(n for n in range(len(single))  # the third record begun, unfinished
               if len(zlib.decompressobj(31).decompress(single[:n])) > third_start + 300)
    cases = {
        "gz.warc.gz": full[:len(full) - 200],  # inside the third gzip member
        "plain.warc": plain[:third_start + 300],  # inside the third record
        "single.warc.gz": single[:cut],  # one gzip stream for all, cut inside the third
    }
    for name, data in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        found, errs = split(f)
        assert [p.url for p in found] == ["https://x.example/0", "https://x.example/1"], name
        assert [p.content for p in found] == [pages[0][1], pages[1][1]], name
        [err] = errs
        assert "truncated or corrupt WARC" in err.reason and "2 complete record(s)" in err.reason


def test_a_warc_gz_in_one_gzip_stream_is_read_whole(tmp_path):
    pages = [(f"https://x.example/{i}", html_page(f"Page {i}", ARTICLE)) for i in range(3)]
    plain = gzip.decompress(make_warc(tmp_path / "full.warc.gz", pages).read_bytes())
    f = tmp_path / "whole.warc.gz"
    f.write_bytes(gzip.compress(plain))
    found, errs = split(f)
    assert len(found) == 3 and not errs


@pytest.mark.parametrize("data", [
    b"\x1f\x8b\x08\x00garbage-not-a-warc",
    b"not a warc\nat all\n",
    b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",  # no Content-Length
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort",
    gzip.compress(b"WARC/1.0\r\n") + b"trailing junk",
])
def test_broken_warcs_are_one_line_errors(tmp_path, data):
    f = tmp_path / "x.warc.gz"
    f.write_bytes(data)
    found, errs = split(f)
    assert not found and len(errs) == 1
    assert "WARC" in errs[0].reason and "\n" not in errs[0].reason


def test_warc_body_in_latin1_without_charset_is_read(tmp_path):
    body = ("<html><body><p>Caf\xe9 owners in M\xfcnchen protested on Monday.</p></body></html>"
            ).encode("latin-1")
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    f = tmp_path / "x.warc"
    f.write_bytes(warc_record("response", block, "https://x.example/a", "application/http; msgtype=response"))
    [page], errs = split(f)
    assert "Café owners in München" in page.content and not errs


# --- text encodings -----------------------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    ("Caf\xe9 society met on Monday in M\xfcnchen.".encode("latin-1"), "Café society met on Monday in München."),
    ("He said \u201cwe will leave\u201d \u2014 and left.".encode("cp1252"), "He said “we will leave” — and left."),
    ("\ufeffPlain UTF-8 with a BOM, caf\u00e9.".encode(), "Plain UTF-8 with a BOM, café."),
    ("UTF-16 with a BOM, caf\u00e9.".encode("utf-16"), "UTF-16 with a BOM, café."),
    (("Президент заявил в понедельник, что войска будут выведены. " * 3).encode("cp1251"),
     "Президент заявил в понедельник"),
])
def test_text_encodings_are_detected(data, expected):
    assert decode_text(data, "x").startswith(expected)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"abc\x01\x02\x03def\x04\x05" * 20,
    bytes(range(1, 32)) * 10,
])
def test_binary_data_is_refused(data):
    with pytest.raises(InputError, match="^x: binary data, not text$"):
        decode_text(data, "x")


def test_html_meta_charset_is_used(tmp_path):
    f = tmp_path / "ru.html"
    f.write_bytes(('<html><head><meta charset="windows-1251"><title>Новости</title></head>'
                   "<body><p>Президент заявил в понедельник.</p></body></html>").encode("cp1251"))
    [page], _ = split(f)
    assert "Президент заявил" in page.content


# --- size ---------------------------------------------------------------------------------

def test_size_limit_message_matches_the_readme(tmp_path):
    f = tmp_path / "big.txt"
    with open(f, "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    assert [e.reason for e in read_path(f)] == ["too large (50.1 MB, over the 50 MB limit)"]
    with open(f, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # exactly the limit is allowed (and here, binary zeros)
    assert [e.reason for e in read_path(f)] == ["binary data, not text"]


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("value, problem", [
    ("2021-07-09", None), ("2021-07-09T10:00:00Z", None), ("2021-07", None), ("2021", None),
    ("20210709", None), ("Dec 2, 2021", None), ("1800-01-01", None),
    ("0001-01-01", "published date 0001-01-01 is outside 1800..{y}"),
    ("99999-01-01", "published date 99999-01-01 is outside 1800..{y}"),
    ("1799-12-31", "published date 1799-12-31 is outside 1800..{y}"),
    ("2025-13-99", "published date 2025-13-99 is not a real date"),
    ("2021-02-29", "published date 2021-02-29 is not a real date"),
])
def test_published_date_sanity(value, problem):
    from datetime import date

    y = date.today().year + 50
    assert published_problem(value) == (problem.format(y=y) if problem else None)
    assert published_problem(f"{date.today().year + 51}-01-01") is not None


def test_records_with_impossible_dates_are_reported_not_stored(tmp_path, store):
    f = tmp_path / "dated.jsonl"
    rows = [{"text": f"Record {d}. " + ARTICLE, "published": d}
            for d in ("0001-01-01", "2025-13-99", "99999-01-01", "2021-07-09")]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    info = ingest([str(f)], store)
    reasons = [r for _, r in info.failed]
    assert reasons[0].startswith("published date 0001-01-01 is outside 1800..")
    assert reasons[1] == "published date 2025-13-99 is not a real date"
    assert reasons[2].startswith("published date 99999-01-01 is outside 1800..")
    assert info.items_out == 1
    assert [p.published for p in read_path(f) if isinstance(p, RawPage)] == ["2021-07-09"]


# --- feeds --------------------------------------------------------------------------------

def test_feed_items_bad_dates_missing_content_and_huge_bodies(tmp_path):
    f = tmp_path / "feed.rss"
    f.write_text("<rss><channel><title>Valley</title>"
                 "<item><title>Old</title><pubDate>Mon, 01 Jan 1700 00:00:00 GMT</pubDate>"
                 "<description>Text.</description></item>"
                 "<item><title>Empty</title></item>"
                 f"<item><title>Huge</title><description>{'word ' * 1_000_000}</description></item>"
                 "</channel></rss>")
    found, errs = split(f)
    assert [p.title for p in found] == ["Huge"] and len(found[0].content) > 5_000_000
    assert [e.reason for e in errs][0] == (
        f"published date 1700-01-01 is outside 1800..{__import__('datetime').date.today().year + 50}")
    assert errs[1].reason == "feed item has no content or description"


@pytest.mark.parametrize("data", [b"<rss><channel><item>", b"<<<>>>&&&", b"\xff\xfe<\x00r\x00", b"{}"])
def test_malformed_feeds_are_one_error(tmp_path, data):
    f = tmp_path / "x.xml"
    f.write_bytes(data)
    found, errs = split(f)
    assert not found and len(errs) == 1


def test_a_feed_file_naming_another_file_does_not_read_it(tmp_path):
    other = tmp_path / "other.rss"
    other.write_text((DATA / "feed.xml").read_text())
    f = tmp_path / "x.xml"
    f.write_text(str(other))
    found, errs = split(f)
    assert not found and len(errs) == 1


# --- the guarantees -----------------------------------------------------------------------

def test_an_unforeseen_reader_failure_costs_only_its_file(tmp_path, monkeypatch):
    def broken(path, data):
        yield RawPage(source=str(path), content="First page. " + ARTICLE, kind="text")
        raise ValueError("boom\nsecond line")

    monkeypatch.setitem(ingest_pkg.READERS, ".txt", broken)
    f = tmp_path / "x.txt"
    f.write_text(ARTICLE)
    found, errs = split(f)
    assert len(found) == 1
    assert [e.reason for e in errs] == ["could not be read (ValueError: boom second line)"]


def test_a_fifo_is_named_not_waited_on(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    files, errs = discover([str(fifo)])
    assert not files and [(e.source, e.reason) for e in errs] == [(str(fifo), "not a regular file")]


def test_every_error_is_one_line(tmp_path):
    f = tmp_path / "x.warc"
    f.write_bytes(b"line one\nline two\n" + io.BytesIO(b"x" * 1000).read())
    errs = [e for e in read_path(f) if isinstance(e, InputError)]
    assert errs and all("\n" not in str(e) and len(e.reason) <= 300 for e in errs)
