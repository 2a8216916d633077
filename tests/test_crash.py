"""Crash at any point and run again: the dossier is the one of a run never interrupted (issue 10).

The test starts a driver (this file run as a script) that loads spaCy and the sentence
embedder once, then forks one child process per command (`storyline ingest`, `build`,
`export`, through `storyline.cli.main`). A child is killed with SIGKILL at a random point,
either after a random number of SQL statements (the child kills itself from SQLite's trace
callback, so kills land inside transactions, between them, and while the schema is being
created) or, for builds, every other time after a random time (the driver kills it). A killed command is run again —
perhaps killed again — until a run completes; then the next command. The dossier exported
at the end must be byte-identical to the one of a run never killed (same process image,
so the same hash seed: hash-seed independence is tests/test_determinism.py's concern).
Kill points are drawn from the work still to do (the store tells how far it got), so kills
come early and every rerun is incremental: at least 20 kills in well under 3 minutes.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

AS_OF = "2026-11-25"
MIN_KILLS = 20


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_kill_nine_at_random_points_then_rerun_gives_the_same_dossier(tmp_path):
    env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, __file__, "--work", str(tmp_path), "--seed", "20261125",
                        "--kills", str(MIN_KILLS)], capture_output=True, text=True, env=env, timeout=400)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-6000:]
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    print(f"crash test: {summary} in {time.monotonic() - t0:.0f}s")
    assert summary["kills"] >= MIN_KILLS, summary
    assert summary["kills_ingest"] >= 2 and summary["kills_build"] >= 10, summary
    assert summary["mismatches"] == [], summary
    assert summary["chains"] == len(summary["identical"]) and all(summary["identical"]), summary


# --- the driver ---------------------------------------------------------------------------

class Driver:
    def __init__(self, work: Path, seed: int):
        from storyline.pipeline import demo_corpus

        self.work = work
        self.rng = random.Random(seed)
        self.corpus = str(demo_corpus())
        self.total_docs = len(list(Path(self.corpus).glob("*.txt")))
        self.statements: dict[str, int] = {}
        self.seconds: dict[str, float] = {}

    def run(self, argv: list[str], kill_after: int | None = None, kill_at: float | None = None) -> bool:
        """Run one command in a forked child; True if it completed, False if it was killed."""
        count_file = self.work / "statements"
        count_file.unlink(missing_ok=True)
        pid = os.fork()
        if pid == 0:  # the child
            code = 98
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                counter = _count_statements(kill_after)
                from storyline import cli

                code = cli.main(argv)
                count_file.write_text(str(counter[0]))
            except BaseException:  # noqa: BLE001 - reported by the exit code
                import traceback

                traceback.print_exc()
                code = 99
            finally:
                os._exit(code)
        reaped, status = 0, 0
        if kill_at is not None:
            deadline = time.monotonic() + kill_at
            while time.monotonic() < deadline:
                reaped, status = os.waitpid(pid, os.WNOHANG)
                if reaped:
                    break
                time.sleep(0.005)
            else:
                os.kill(pid, signal.SIGKILL)
        if not reaped:
            _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            assert os.WTERMSIG(status) == signal.SIGKILL, f"{argv}: died of signal {os.WTERMSIG(status)}"
            return False
        assert os.WEXITSTATUS(status) == 0, f"{argv}: exit code {os.WEXITSTATUS(status)}"
        self.last_statements = int(count_file.read_text())
        return True

    def progress(self, db: Path, phase: str) -> float:
        """How much of a phase's work the store shows done (0..1)."""
        if not db.exists():
            return 0.0
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                if phase == "ingest":
                    return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] / self.total_docs
                n, annotated, indexed = c.execute(
                    "SELECT COUNT(*), SUM(annotated), SUM(story_indexed) FROM documents"
                    " WHERE duplicate_of IS NULL").fetchone()
                return ((annotated or 0) + (indexed or 0)) / (2 * max(1, n))
        except sqlite3.Error:
            return 0.0  # the schema is not there yet

    def argv(self, phase: str, db: Path) -> list[str]:
        if phase == "ingest":
            return ["ingest", self.corpus, "--db", str(db), "-q"]
        return ["build", "--db", str(db), "-q", "--workers", "1"]

    def reference(self, db: Path, out: Path) -> None:
        """The uninterrupted run: also measures each phase (statements, seconds)."""
        for phase in ("ingest", "build"):
            t0 = time.monotonic()
            assert self.run(self.argv(phase, db))
            self.seconds[phase] = time.monotonic() - t0
            self.statements[phase] = self.last_statements
        assert self.run(["export", "--db", str(db), "--as-of", AS_OF, "--out", str(out), "-q"])

    def chain(self, db: Path, out: Path, attempts: dict[str, int]) -> dict[str, int]:
        """Ingest and build with kills, each killed run followed by a rerun, then export."""
        kills = {"ingest": 0, "build": 0}
        for phase in ("ingest", "build"):
            for attempt in range(attempts[phase] + 1):
                last = attempt == attempts[phase]
                left = max(0.05, 1.0 - self.progress(db, phase))
                if last:
                    done = self.run(self.argv(phase, db))
                elif attempt % 2 == 0 or phase == "ingest":  # after a random number of SQL statements
                    n = max(1, round(self.statements[phase] * left))
                    done = self.run(self.argv(phase, db), kill_after=self.rng.randint(1, n))
                else:  # after a random time
                    done = self.run(self.argv(phase, db),
                                    kill_at=self.rng.uniform(0.0, self.seconds[phase] * left))
                if done:
                    break
                kills[phase] += 1
        assert self.run(["export", "--db", str(db), "--as-of", AS_OF, "--out", str(out), "-q"])
        return kills


def _count_statements(kill_after: int | None) -> list[int]:
    """In the child: count the SQL statements of every connection the store opens, and kill
    this process with SIGKILL before statement number `kill_after` runs."""
    counter = [0]
    connect = sqlite3.connect

    def trace(_sql: str) -> None:
        counter[0] += 1
        if kill_after is not None and counter[0] >= kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    def counted(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    sqlite3.connect = counted  # type: ignore[assignment]
    return counter


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kills", type=int, default=MIN_KILLS)
    ap.add_argument("--chains", type=int, default=4)
    args = ap.parse_args()
    t0 = time.monotonic()
    import storyline.cli
    import storyline.present.dossier
    import storyline.present.exports  # noqa: F401 - every child runs this very code
    from storyline.annotate.embeddings import Embedder
    from storyline.annotate.nlp import load

    load()  # loaded once here; every forked child has them
    Embedder.load()
    driver = Driver(args.work, args.seed)
    driver.reference(args.work / "reference.db", args.work / "reference.json")
    expected = (args.work / "reference.json").read_bytes()
    reference_seconds = time.monotonic() - t0
    total = {"ingest": 0, "build": 0}
    identical, mismatches = [], []
    chains = 0
    while chains < args.chains and (chains == 0 or sum(total.values()) < args.kills):
        db, out = args.work / f"crash{chains}.db", args.work / f"crash{chains}.json"
        kills = driver.chain(db, out, {"ingest": 4, "build": 10})
        for k, v in kills.items():
            total[k] += v
        same = out.read_bytes() == expected
        identical.append(same)
        if not same:
            mismatches.append(_first_difference(json.loads(expected), json.loads(out.read_bytes())))
        chains += 1
    print(json.dumps({"kills": sum(total.values()), "kills_ingest": total["ingest"],
                      "kills_build": total["build"], "chains": chains, "identical": identical,
                      "mismatches": mismatches, "statements": driver.statements,
                      "reference_seconds": round(reference_seconds, 1),
                      "seconds": round(time.monotonic() - t0, 1)}))


def _first_difference(a, b, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path}: {str(a)[:200]} != {str(b)[:200]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {str(a)[:200]} != {str(b)[:200]}"


if __name__ == "__main__":
    main()
