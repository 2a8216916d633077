"""The command line as a user runs it: help, the demo, exports and bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from storyline.cli import main, parser

COMMANDS = ["ingest", "build", "export", "report", "search", "serve", "demo", "documents", "forget"]


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: storyline " + command) and len(out) > 200


def test_all_commands_are_documented():
    sub = next(a for a in parser()._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(COMMANDS)


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "ingest" in capsys.readouterr().out


def test_ingest_nothing_readable_fails_with_one_line_per_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x00binary")
    r = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "nope.html"), "--db", str(tmp_path / "s.db"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "a.txt: binary data, not text" in r.stderr and "nope.html: no such file or directory" in r.stderr


def test_ingest_of_a_folder_without_pages_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "minutes.docx").write_bytes(b"PK")
    r = run("ingest", str(tmp_path / "empty"), str(tmp_path / "docs"), "--db", str(tmp_path / "s.db"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.count("no pages in this folder in a format storyline reads") == 2


def test_build_on_empty_store_says_what_to_do(tmp_path):
    r = run("build", "--db", str(tmp_path / "s.db"))
    assert r.returncode == 1 and "Run `storyline ingest PATH...` first" in r.stderr
    assert "Traceback" not in r.stderr


def test_csv_export_refuses_a_file_name(tmp_path):
    r = run("export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--db", str(tmp_path / "s.db"))
    assert r.returncode == 1 and "give --out a folder" in r.stderr


@pytest.mark.slow
def test_ingest_build_export_report_search(tmp_path, data_dir):
    db = str(tmp_path / "s.db")
    r = run("ingest", str(data_dir), "--db", db)
    assert r.returncode == 0, r.stderr
    assert "added" in r.stdout
    r = run("build", "--db", db)
    assert r.returncode == 0, r.stderr
    r = run("export", "--format", "json", "--out", str(tmp_path / "d.json"), "--db", db)
    dossier = json.loads((tmp_path / "d.json").read_text())
    assert dossier["schema"] == "storyline.dossier/1" and len(dossier["documents"]) == 7
    assert run("export", "--format", "csv", "--out", str(tmp_path / "csv"), "--db", db).returncode == 0
    assert (tmp_path / "csv" / "events.csv").read_text().startswith("id,when,status")
    md = run("export", "--format", "md", "--db", db).stdout
    assert md.startswith("# ") and "## Timeline" in md
    assert run("report", "--out", str(tmp_path / "r.html"), "--db", db).returncode == 0
    assert "<html" in (tmp_path / "r.html").read_text()
    hits = run("search", "strike*", "--db", db).stdout
    assert "[strike]" in hits.lower()


@pytest.mark.slow
def test_demo_writes_dossier_and_report_and_prints_summary(tmp_path):
    r = run("demo", "--out", str(tmp_path / "demo"), "--quiet")
    assert r.returncode == 0, r.stderr
    assert "5 documents" in r.stdout and "report:" in r.stdout
    assert (tmp_path / "demo" / "dossier.json").exists() and (tmp_path / "demo" / "report.html").exists()
