"""The same pages give a byte-identical dossier whatever the hash seed."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from storyline.pipeline import demo_corpus

pytestmark = pytest.mark.slow


def build_export(tmp_path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    db, out = tmp_path / f"{seed}.db", tmp_path / f"{seed}.json"
    cli = [sys.executable, "-m", "storyline.cli"]
    subprocess.run([*cli, "ingest", str(demo_corpus()), "--db", str(db), "-q"], env=env, check=True,
                   capture_output=True)
    subprocess.run([*cli, "build", "--db", str(db), "-q"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "export", "--db", str(db), "--as-of", "2026-11-25", "--out", str(out)], env=env,
                   check=True, capture_output=True)
    return out.read_bytes()


def test_two_builds_under_different_hash_seeds_are_identical(tmp_path):
    first, second = build_export(tmp_path, "1"), build_export(tmp_path, "4242")
    assert len(first) > 10_000
    assert first == second
