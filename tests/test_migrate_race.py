"""Several processes creating one new store at the same moment: every one of them opens it,
and each migration is applied exactly once (issue 10: `Connection.migrate` race)."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

from storyline.store.connection import _migrations

OPEN = """
import sys, time
start = float(sys.argv[2])
while time.time() < start:
    time.sleep(0.001)
from storyline.store import Store
with Store(sys.argv[1]) as s:
    print(s.schema_version())
"""


def open_at_once(path, processes: int) -> list[subprocess.CompletedProcess]:
    # the interpreter and storyline are imported before the start time; the store is
    # opened (created and migrated) by all of them within a millisecond or so
    start = time.time() + 4
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, str(path), str(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(processes)]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=180)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def test_processes_creating_one_new_store_at_once_all_open_it(tmp_path):
    latest = max(v for v, _, _ in _migrations())
    for round_ in range(3):
        path = tmp_path / f"new-{round_}.db"
        results = open_at_once(path, 3)
        for r in results:
            assert r.returncode == 0, r.stderr[-2000:]
            assert r.stdout.strip() == str(latest)
        with sqlite3.connect(path) as c:
            applied = [v for (v,) in c.execute("SELECT version FROM schema_migrations ORDER BY version")]
            assert applied == sorted(v for v, _, _ in _migrations())
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            # the last migration's columns are there once (not half-applied, not twice)
            columns = [row[1] for row in c.execute("PRAGMA table_info(documents)")]
            assert len(columns) == len(set(columns))


def test_opening_a_migrated_store_takes_no_write_lock(tmp_path):
    from storyline.store import Store

    path = tmp_path / "s.db"
    Store(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        t0 = time.perf_counter()
        with Store(path) as s:  # a reader still opens at once
            assert s.schema_version() == max(v for v, _, _ in _migrations())
        assert time.perf_counter() - t0 < 3
    finally:
        writer.execute("ROLLBACK")
        writer.close()
