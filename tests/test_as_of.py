"""Commitment status is judged at a day, in one place: every output follows `as_of`.

The demo store is built once (facts only); the same store judged at 2024-01-01 and at
2030-01-01 must give different statuses, and the same ones in the JSON dossier, the CSV,
Markdown and iCalendar exports, the HTML report, the web pages and the API.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import httpx
import pytest

from tests.test_web import sqlite_backup, start_server

pytestmark = pytest.mark.slow
EARLY, LATE = "2020-01-01", "2030-01-01"  # within the demo's pages (2019-2024), and after them


def cli(db, *args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "storyline.cli", *args, "--db", str(db)],
                       capture_output=True, text=True, check=True)
    return r.stdout


@pytest.fixture(scope="module")
def db(demo, tmp_path_factory):
    store, _ = demo
    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    return sqlite_backup(store, tmp_path_factory.mktemp("asof") / "asof.db")


@pytest.fixture(scope="module")
def statuses(db) -> dict[str, dict[str, str]]:
    """id -> status, from the JSON export, at each day."""
    out = {}
    for day in (EARLY, LATE):
        dossier = json.loads(cli(db, "export", "--format", "json", "--as-of", day))
        assert dossier["story"]["as_of"] == day
        out[day] = {k["id"]: k["status"] for k in dossier["commitments"]}
    return out


def test_the_day_changes_the_statuses(statuses):
    early, late = statuses[EARLY], statuses[LATE]
    assert early.keys() == late.keys()
    changed = [k for k in early if early[k] != late[k]]
    assert changed, "no commitment status depends on the day"
    # a deadline of mid-2020 is open at the start of 2020; by 2030 it is judged at the newest
    # page (2024), by which it had passed (a deadline after the newest page stays "open")
    assert any(early[k] == "open" and late[k] in ("unverified", "met", "missed") for k in changed)
    # superseded does not depend on the day
    assert all(early[k] == late[k] for k in early if early[k] == "superseded")


def test_csv_markdown_and_ics_follow(db, tmp_path, statuses):
    for day in (EARLY, LATE):
        folder = tmp_path / day
        cli(db, "export", "--format", "csv", "--out", str(folder), "--as-of", day)
        rows = list(csv.DictReader(io.StringIO((folder / "commitments.csv").read_text())))
        assert {r["id"]: r["status"] for r in rows} == statuses[day]
        md = cli(db, "export", "--format", "md", "--as-of", day)
        assert f"As of {day}" in md
        ics = cli(db, "export", "--format", "ics", "--as-of", day)
        for status in set(statuses[day].values()):
            n = list(statuses[day].values()).count(status)
            assert md.count(f"— **{status}**") == n
            dated = sum(1 for k, s in statuses[day].items() if s == status and k in ics)
            assert ics.count(f"[{status}]") == dated


def test_the_report_follows(db, tmp_path, statuses):
    pages = {}
    for day in (EARLY, LATE):
        out = tmp_path / f"{day}.html"
        subprocess.run([sys.executable, "-m", "storyline.cli", "report", "--db", str(db), "--out", str(out),
                        "--as-of", day], check=True, capture_output=True)
        pages[day] = out.read_text()
    assert pages[EARLY] != pages[LATE]
    for day in (EARLY, LATE):
        for status in set(statuses[day].values()):
            n = list(statuses[day].values()).count(status)
            assert pages[day].count(f'<span class="badge {status}">') >= n


def test_pages_and_api_follow(db, statuses):
    proc, base = start_server(db, None)
    try:
        for day in (EARLY, LATE):
            api = httpx.get(f"{base}/api/v1/commitments", params={"as_of": day}, timeout=30).json()
            assert {k["id"]: k["status"] for k in api} == statuses[day]
            whole = httpx.get(f"{base}/api/v1/dossier", params={"as_of": day}, timeout=30).json()
            assert whole["story"]["as_of"] == day
            ics = httpx.get(f"{base}/api/v1/export/ics", params={"as_of": day}, timeout=30).text
            assert day.replace("-", "") in ics
        early = httpx.get(f"{base}/commitments", params={"as_of": EARLY}, timeout=30).text
        late = httpx.get(f"{base}/commitments", params={"as_of": LATE}, timeout=30).text
        for page, day in ((early, EARLY), (late, LATE)):
            for status in set(statuses[day].values()):
                n = list(statuses[day].values()).count(status)
                assert page.count(f'<span class="badge {status}">') == n
        bad = httpx.get(f"{base}/api/v1/commitments", params={"as_of": "2024-13-45"}, timeout=30)
        assert bad.status_code == 422 and "YYYY-MM-DD" in bad.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_days_after_the_newest_page_judge_alike(db, statuses):
    # "open" is due after the newest evidence (dossier format): the day asked for, once past the
    # newest page, changes nothing
    later = json.loads(cli(db, "export", "--format", "json", "--as-of", "2040-06-30"))
    assert {k["id"]: k["status"] for k in later["commitments"]} == statuses[LATE]
    assert "open" in statuses[LATE].values()
