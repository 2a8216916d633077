"""The web app and the HTTP API against a real server on the demo corpus.

The server runs as `storyline serve` in its own process on a free loopback port. API tests
talk HTTP to it; browser tests drive Debian's headless Chromium through Playwright.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
TOKEN = "test-token-123"
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, token: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port", str(port),
           "--as-of", "2026-11-22"]
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_TOKEN"}
    if token:
        cmd += ["--token", token]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(base + "/api/v1/openapi.json", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start: " + proc.stderr.read().decode()[-2000:])


@pytest.fixture(scope="module")
def demo_db(demo, tmp_path_factory) -> Path:
    store, _ = demo
    copy = tmp_path_factory.mktemp("web") / "web.db"
    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    src = sqlite_backup(store, copy)
    return src


def sqlite_backup(store, path: Path) -> Path:
    import sqlite3

    dest = sqlite3.connect(path)
    store.conn.backup(dest)
    dest.close()
    return path


@pytest.fixture(scope="module")
def server(demo_db):
    proc, base = start_server(demo_db, TOKEN)
    yield base
    proc.terminate()
    proc.wait(10)


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


# -- API ---------------------------------------------------------------------------------
def test_openapi_lists_every_endpoint(server):
    spec = httpx.get(server + "/api/v1/openapi.json").json()
    paths = set(spec["paths"])
    for section in ("dossier", "documents", "entities", "events", "claims", "contradictions",
                    "commitments", "search", "export/{fmt}", "documents/{doc_id}"):
        assert f"/api/v1/{section}" in paths
    assert "post" in spec["paths"]["/api/v1/documents"]


def test_dossier_and_sections(server):
    d = httpx.get(server + "/api/v1/dossier").json()
    assert d["schema"] == "storyline.dossier/1" and len(d["documents"]) == 5
    for section in ("documents", "entities", "events", "claims", "contradictions", "commitments"):
        items = httpx.get(f"{server}/api/v1/{section}").json()
        assert len(items) == len(d[section]) > 0


def test_filters(server):
    all_events = httpx.get(server + "/api/v1/events").json()
    planned = httpx.get(server + "/api/v1/events", params={"status": "planned"}).json()
    assert planned and all(e["status"] == "planned" for e in planned) and len(planned) < len(all_events)
    ranged = httpx.get(server + "/api/v1/events", params={"from": "2020-01-01", "to": "2020-12-31"}).json()
    assert ranged and all(e["when"].startswith("2020") for e in ranged)
    by_outlet = httpx.get(server + "/api/v1/claims", params={"outlet": "Xinhua"}).json()
    assert by_outlet and all(c["outlet"] == "Xinhua" for c in by_outlet)
    by_entity = httpx.get(server + "/api/v1/claims", params={"entity": "al-Khafaji"}).json()
    assert by_entity and all("Khafaji" in c["speaker"] for c in by_entity)


def test_document_search_and_exports(server):
    docs = httpx.get(server + "/api/v1/documents").json()
    one = httpx.get(f"{server}/api/v1/documents/{docs[0]['id']}").json()
    assert one["text"] == docs[0]["text"]
    assert httpx.get(server + "/api/v1/documents/nope").status_code == 404
    hits = httpx.get(server + "/api/v1/search", params={"q": "withdraw*"}).json()
    assert hits and all("withdraw" in h["text"].lower() for h in hits)
    assert httpx.get(server + "/api/v1/search", params={"q": '"unbalanced'}).status_code == 400
    ics = httpx.get(server + "/api/v1/export/ics").text
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.count("BEGIN:VEVENT") >= 6
    tl = httpx.get(server + "/api/v1/export/timelinejs").json()
    assert tl["events"] and {"start_date", "text"} <= set(tl["events"][0])
    assert httpx.get(server + "/api/v1/export/csv", params={"section": "claims"}).text.startswith("id,speaker")
    assert httpx.get(server + "/api/v1/export/md").text.startswith("# ")
    assert httpx.get(server + "/api/v1/export/pdf").status_code == 422


def test_writing_needs_the_token(server):
    article = {"articles": [{"text": "Harbour strike\n\nMarch 7, 2023\n\nDock workers struck on Tuesday."}]}
    assert httpx.post(server + "/api/v1/documents", json=article).status_code == 401
    assert httpx.post(server + "/api/v1/documents", json=article, headers=auth("wrong")).status_code == 401


def test_bad_input_is_a_clear_4xx_and_stores_nothing(server):
    before = len(httpx.get(server + "/api/v1/documents").json())
    r = httpx.post(server + "/api/v1/documents", content=b"{not json", headers={**auth(), "Content-Type": "application/json"})
    assert r.status_code == 422
    r = httpx.post(server + "/api/v1/documents", json={"articles": [{"title": "no body"}]}, headers=auth())
    assert r.status_code == 422 and "text" in r.text
    big = {"articles": [{"text": "x " * (3 * 1024 * 1024)}]}
    r = httpx.post(server + "/api/v1/documents", json=big, headers=auth())
    assert r.status_code == 413 and "too large" in r.json()["detail"]
    assert len(httpx.get(server + "/api/v1/documents").json()) == before


def test_server_without_token_refuses_writes(demo_db, tmp_path):
    proc, base = start_server(demo_db, None)
    try:
        r = httpx.post(base + "/api/v1/documents", json={"articles": [{"text": "Some text here."}]})
        assert r.status_code == 403 and "--token" in r.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_posting_an_article_updates_the_story_and_xss_is_shown_as_text(server):
    payload = ("Port talks collapse <script>alert('x')</script>\n\nMarch 8, 2024\n\n"
               "The harbour union said on Thursday that talks with the port authority had collapsed. "
               "<a href=\"javascript:alert(1)\">click</a> <img src=x onerror=alert(2)>")
    r = httpx.post(server + "/api/v1/documents", json={"articles": [{"text": payload, "outlet": "Test Wire"}]},
                   headers=auth(), timeout=120)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and body["documents"]
    doc_id = body["documents"][0]
    events = httpx.get(server + "/api/v1/events", params={"outlet": "Test Wire"}).json()
    assert any(e["when"] == "2024-03-07" for e in events)
    page = httpx.get(f"{server}/documents/{doc_id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert 'href="javascript:' not in page and "<img src=x" not in page
    again = httpx.post(server + "/api/v1/documents", json={"articles": [{"text": payload}]}, headers=auth())
    assert again.json()["duplicates"] == 1


def test_server_binds_loopback_by_default():
    from storyline.cli import parser

    args = parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"


# -- browser -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(server):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1200, "height": 900})
        yield pg
        browser.close()


def test_overview_event_click_lands_on_its_evidence_sentence(server, page):
    page.goto(server + "/")
    dots = page.locator("a.event-dot")
    first = dots.first
    href = first.get_attribute("href")
    assert href.startswith("/documents/") and "#s-" in href
    first.click()
    page.wait_for_url("**/documents/**")
    target = page.locator(".sent:target")
    assert target.count() == 1 and target.is_visible()
    sentence_id = href.split("#")[1]
    assert target.get_attribute("id") == sentence_id


def test_search_then_open_a_hit(server, page):
    page.goto(server + "/search")
    page.fill("input[name=q]", "deadline")
    page.click("button[type=submit]")
    hits = page.locator("a.hit")
    assert hits.count() >= 1
    text = hits.first.inner_text()
    hits.first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator(".sent:target").inner_text().strip() == text.strip()


def test_open_a_contradiction_side_by_side(server, page):
    page.goto(server + "/contradictions")
    first = page.locator("[id^=contradiction-]").first
    assert first.locator(".side").count() == 2
    link = first.locator(".side a").first
    text = link.inner_text()
    link.click()
    page.wait_for_url("**/documents/**")
    assert page.locator(".sent:target").inner_text().strip() == text.strip()


def test_screenshot_of_the_timeline_shows_every_event(server, page, tmp_path):
    d = httpx.get(server + "/api/v1/dossier").json()
    page.goto(server + "/")
    svg = page.locator("svg.timeline")
    assert page.locator("svg.timeline circle").count() == len([e for e in d["events"] if e["when"]])
    shot = tmp_path / "timeline.png"
    svg.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert width > 800 and height > 150
    # the circles are drawn in their status colours
    colours = page.evaluate("""() => [...document.querySelectorAll('svg.timeline circle')]
        .map(c => getComputedStyle(c).fill)""")
    assert "rgb(47, 111, 179)" in colours and all(c.startswith("rgb") for c in colours)


def test_every_page_renders_offline(server, page):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("/", "/timeline", "/claims", "/contradictions", "/commitments", "/sources", "/entities"):
        page.goto(server + path)
        assert page.locator("h1").count() >= 1
    assert all(u.startswith(server) for u in requests)
