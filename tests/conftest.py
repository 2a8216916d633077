"""Shared fixtures: small real-looking pages, and the demo corpus built once per session."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from storyline.pipeline import build, demo_corpus, ingest
from storyline.present.dossier import build_dossier
from storyline.store import Store

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def make_warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    """Write a real WARC.gz with one HTTP response record per (url, html)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                               http_headers=headers)
            writer.write_record(record)
    return path


@pytest.fixture
def warc_file(tmp_path) -> Path:
    page = (DATA / "article.html").read_text()
    other = ("<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
             "<p>Ferry operators raised fares by 8 percent on Monday, blaming fuel costs.</p>"
             "<p>The transport minister said the rise would be reviewed in September.</p>"
             "<p>Passenger groups called the increase unfair and said they would appeal.</p>"
             "</article></body></html>")
    return make_warc(tmp_path / "crawl.warc.gz", [("https://harbour.example/2023/03/14/strike", page),
                                                  ("https://harbour.example/2023/03/15/ferry", other)])


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo corpus, ingested and built once: (store, dossier)."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store(db)
    ingest([str(demo_corpus())], store)
    build(store)
    dossier = build_dossier(store, as_of="2026-11-22")
    yield store, dossier
    store.close()


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate.nlp import load

    return load()


def gunzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def write_json(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj), encoding="utf-8")
    return path
