"""Property-based fuzzing of the readers and of the clean stage.

Every reader, picked by file suffix, is fed arbitrary bytes and structured-but-broken
inputs (random JSON values, cut or corrupted gzip, random HTML and XML fragments, mutated
real fixtures): `read_path` must only ever yield RawPage or InputError values, never raise,
and finish each file in bounded time. `clean_page` is fed random text and HTML pages: it
returns a Document or raises a StorylineError.

The example counts keep the whole file well under a minute on two cores. No example
database is kept (nothing is written into the work tree).
"""
from __future__ import annotations

import gzip
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.clean import clean_page
from storyline.errors import InputError, StorylineError
from storyline.ingest import read_path
from storyline.model import Document, RawPage

from .conftest import DATA, make_warc

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".warc", ".warc.gz", ".rss", ".xml"]
SECONDS_PER_FILE = 20.0  # far above what any example takes; a hang fails instead of stalling

# STORYLINE_FUZZ_EXAMPLES=5000 for a long hunt; the default keeps `make test` quick.
EXAMPLES = int(os.environ.get("STORYLINE_FUZZ_EXAMPLES", "500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check_read(workdir: Path, suffix: str, data: bytes) -> list[RawPage | InputError]:
    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    t0 = time.perf_counter()
    items = list(read_path(path))  # must not raise
    elapsed = time.perf_counter() - t0
    assert elapsed < SECONDS_PER_FILE, f"{suffix}: {elapsed:.1f} s for {len(data)} bytes"
    assert items, "a file gives at least one page or one error"
    for item in items:
        assert isinstance(item, RawPage | InputError), type(item)
        if isinstance(item, RawPage):
            assert isinstance(item.content, str) and item.content.strip()
            assert item.kind in ("text", "html")
            assert item.source.startswith(str(path))
        else:
            assert item.source.startswith(str(path)) and "\n" not in item.reason
    return items


# --- strategies ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
FIELDS = ["text", "html", "maintext", "raw_html", "url", "title", "published", "date_publish",
          "date", "outlet", "source_domain", "sitename"]
dates = st.one_of(st.text(max_size=25), st.dates().map(str),
                  st.from_regex(r"\A[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}(T[0-9:]{0,8}Z?)?\Z"))
articles = st.dictionaries(
    st.sampled_from(FIELDS),
    st.one_of(st.text(max_size=200), dates, json_values),
    max_size=6,
)

TAGS = ["<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div>", "</div>", "<article>",
        "<title>", "</title>", "<script>", "</script>", "<style>", "<!--", "-->", "<br/>",
        "<meta charset='latin-1'>", '<meta name="date" content="0001-01-01">', "<a href='x'>",
        "<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<entry>", "</entry>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>", "<description>", "</description>",
        "<content:encoded>", "<pubDate>", "</pubDate>", "Mon, 01 Jan 1700 00:00:00 GMT",
        "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "&bogus;", "<?xml version='1.0'?>",
        "<?xml version='1.0' encoding='utf-16'?>", "<!DOCTYPE x [<!ENTITY a 'aaaaaaaa'>]>", "&a;",
        "<link>", "</link>", "http://x.example/2020/01/02/a", "\x00", "\x0c", "\ufeff", "\n"]
fragments = st.lists(st.sampled_from(TAGS) | st.text(max_size=30), max_size=40).map("".join)
encodings = st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16"])


@st.composite
def markup_bytes(draw) -> bytes:
    text = draw(fragments)
    return text.encode(draw(encodings), errors="replace")


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """A real file with a few bytes flipped, dropped or inserted, and perhaps cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(0, 8))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "drop", "insert"]))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "drop":
            del data[i:i + draw(st.integers(1, 50))]
        else:
            data[i:i] = draw(st.binary(min_size=1, max_size=20))
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return bytes(data)


def _fixture_warc() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        html = (DATA / "article.html").read_text()
        path = make_warc(Path(d) / "x.warc.gz", [("https://harbour.example/2023/03/14/a", html),
                                                 ("https://harbour.example/2023/03/15/b", html[:800])])
        return path.read_bytes()


WARC_GZ = _fixture_warc()
WARC = gzip.decompress(WARC_GZ)
FIXTURES = {
    ".txt": (DATA / "scraped.txt").read_bytes(),
    ".html": (DATA / "article.html").read_bytes(),
    ".jsonl": (DATA / "articles.jsonl").read_bytes(),
    ".xml": (DATA / "feed.xml").read_bytes(),
    ".warc": WARC,
    ".warc.gz": WARC_GZ,
}


# --- readers ------------------------------------------------------------------------------

@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
def test_arbitrary_bytes(workdir, suffix, data):
    check_read(workdir, suffix, data)


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES),
       data=st.sampled_from([b"\x00", b"\xff", b"\n", b" ", b"[", b"{", b"<", b"\x1f\x8b"]).flatmap(
           lambda unit: st.integers(1, 20_000).map(lambda n: unit * n)))
def test_repeated_bytes(workdir, suffix, data):
    check_read(workdir, suffix, data)


@FUZZ
@given(suffix=st.sampled_from([".json", ".jsonl"]), value=json_values)
def test_random_json_values(workdir, suffix, value):
    check_read(workdir, suffix, json.dumps(value).encode())


@FUZZ
@given(suffix=st.sampled_from([".json", ".jsonl"]), rows=st.lists(articles, max_size=6),
       as_list=st.booleans(), junk=st.lists(st.text(max_size=30), max_size=2))
def test_article_records(workdir, suffix, rows, as_list, junk):
    lines = [json.dumps(r) for r in rows] + junk
    data = json.dumps(rows) if as_list else "\n".join(lines)
    items = check_read(workdir, suffix, data.encode("utf-8", "surrogatepass"))
    for page in items:
        if isinstance(page, RawPage) and page.published:
            from storyline.ingest import published_problem

            assert published_problem(page.published) is None


@FUZZ
@given(suffix=st.sampled_from([".html", ".xml", ".rss", ".txt"]), data=markup_bytes())
def test_random_markup(workdir, suffix, data):
    check_read(workdir, suffix, data)


@settings(FUZZ, max_examples=max(5, EXAMPLES // 20))
@given(suffix=st.sampled_from([".html", ".xml", ".rss", ".json", ".jsonl", ".txt"]),
       unit=markup_bytes(), times=st.integers(1000, 50_000))
def test_large_markup(workdir, suffix, unit, times):
    check_read(workdir, suffix, (unit or b"<") * min(times, 2_000_000 // max(1, len(unit))))


@FUZZ
@given(data=st.data(), suffix=st.sampled_from(sorted(FIXTURES)))
def test_mutated_real_files(workdir, data, suffix):
    check_read(workdir, suffix, data.draw(mutated(FIXTURES[suffix])))


@FUZZ
@given(cut=st.integers(0, len(WARC_GZ)), suffix=st.sampled_from([".warc.gz", ".warc"]))
def test_truncated_warc(workdir, cut, suffix):
    whole = WARC_GZ if suffix == ".warc.gz" else WARC
    items = check_read(workdir, suffix, whole[:cut])
    pages = [i for i in items if isinstance(i, RawPage)]
    complete = {"https://harbour.example/2023/03/14/a", "https://harbour.example/2023/03/15/b"}
    assert {p.url for p in pages} <= complete
    html = (DATA / "article.html").read_text()
    assert all(p.content in (html, html[:800]) for p in pages), "a cut record became a page"


@FUZZ
@given(payload=st.binary(max_size=2000) | markup_bytes(), cut=st.integers(0, 400))
def test_truncated_gzip_of_anything(workdir, payload, cut):
    packed = gzip.compress(payload)
    check_read(workdir, ".warc.gz", packed[:max(0, len(packed) - cut)])


# --- clean --------------------------------------------------------------------------------

pages = st.builds(
    RawPage,
    source=st.just("fuzz#1"),
    content=st.one_of(fragments, st.text(max_size=400)).filter(lambda s: s.strip()),
    kind=st.sampled_from(["text", "html"]),
    url=st.none() | st.sampled_from(["https://x.example/2020/01/02/a", "http://", "x", ""]),
    title=st.none() | st.text(max_size=30),
    published=st.none() | dates,
    outlet=st.none() | st.text(max_size=20),
)


# Crashes found in clean/ (not fixed here: clean/ belongs to another change). Each is a
# ValueError from lxml that clean_page lets through, and pipeline.ingest catches only
# StorylineError, so one such .html file stops the whole batch.
CLEAN_CRASHES = [
    # an entity, then only a comment: lxml's text_content() on an HtmlComment root
    pytest.param("&nbsp;<!-- x -->", id="entity-then-comment"),
    # a form feed after markup: drop_tree() sets a text with a control character
    # (the readers turn form feeds into newlines, so only pages built elsewhere hit it)
    pytest.param("<script></script>\x0c", id="form-feed-after-script"),
]

@pytest.mark.parametrize("html", CLEAN_CRASHES)
def test_clean_page_known_crashes(html):
    try:
        clean_page(RawPage(source="x", content=html, kind="html"))
    except StorylineError:
        pass


@settings(FUZZ, max_examples=EXAMPLES * 2)
@given(page=pages)
def test_clean_page_returns_a_document_or_a_storyline_error(page):
    try:
        doc = clean_page(page)
    except StorylineError:
        return
    assert isinstance(doc, Document)


@FUZZ
@given(page=pages.map(lambda p: RawPage(p.source, p.content, "text", p.url, p.title,
                                        p.published, p.outlet)))
def test_clean_page_on_text_pages(page):
    try:
        doc = clean_page(page)
    except StorylineError:
        return
    assert isinstance(doc, Document)
