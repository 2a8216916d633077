"""One writer at a time (issue 10): a store-level lock beside the SQLite file. A second build
waits (--wait) or says clearly that one is running and exits 75; the lock dies with its
holder, even by kill -9; two ingests of one folder at once are idempotent."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.errors import StoreBusy
from storyline.model import Document
from storyline.pipeline import demo_corpus, ingest
from storyline.pipeline_lock import lock_path, writing
from storyline.store import Store

from .test_quarantine import consistency_problems


def holder(db: Path, command: str = "build") -> subprocess.Popen:
    """Another process that holds the store's writer lock until a line comes on its stdin."""
    code = textwrap.dedent(f"""
        import sys
        from storyline.pipeline_lock import writing
        with writing({str(db)!r}, {command!r}, wait=0):
            print("held", flush=True)
            sys.stdin.readline()
    """)
    p = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def pages(tmp_path: Path, n: int = 2) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    for f in sorted(demo_corpus().glob("*.txt"))[:n]:
        shutil.copy(f, folder / f.name)
    return folder


def test_a_second_writer_is_told_who_holds_the_store_and_exits_75(tmp_path, capsys):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([str(pages(tmp_path))], store)
    p = holder(db)
    try:
        assert main(["build", "--db", str(db), "-q"]) == 75
        err = capsys.readouterr().err
        assert f"{db} is being written by another storyline process (pid {p.pid}: build since " in err
        assert "pass --wait SECONDS" in err and "Traceback" not in err
        t0 = time.monotonic()
        assert main(["ingest", str(pages(tmp_path)), "--db", str(db), "--wait", "0.5", "-q"]) == 75
        assert 0.5 <= time.monotonic() - t0 < 5
        assert "after waiting 0.5s" in capsys.readouterr().err
        assert main(["forget", "nothing-here", "--db", str(db), "--wait", "0"]) == 75
    finally:
        p.kill()
        p.wait()
    with writing(db, "test", wait=5):  # kill -9 of the holder freed it at once
        assert lock_path(db) == Path(str(db) + ".lock")


def test_a_second_build_with_wait_waits_for_the_first_then_builds(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([str(pages(tmp_path))], store)
    p = holder(db)
    b = subprocess.Popen([sys.executable, "-m", "storyline.cli", "build", "--db", str(db), "--wait", "60",
                          "-q", "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert b.stderr is not None
    told = b.stderr.readline()  # the build says it waits, and for whom
    assert "is being written by another storyline process" in told and "waiting up to 60s" in told
    assert f"pid {p.pid}: build since" in told
    time.sleep(0.5)
    assert b.poll() is None  # still waiting
    p.communicate("done\n", timeout=30)
    out, err = b.communicate(timeout=300)
    assert b.returncode == 0, err
    assert "story: 2 items" in out


def test_the_lock_is_reentrant_in_a_thread_and_other_threads_wait(tmp_path):
    db = tmp_path / "s.db"
    errors: list[BaseException] = []
    acquired = threading.Event()

    def other(wait: float) -> None:
        try:
            with writing(db, "other", wait=wait):
                acquired.set()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    with writing(db, "build", wait=0):
        with writing(db, "ingest", wait=0):  # the same thread again: fine
            t = threading.Thread(target=other, args=(0,))
            t.start()
            t.join()
            assert len(errors) == 1 and isinstance(errors[0], StoreBusy)
            assert f"pid {os.getpid()}: build since" in str(errors[0])
        t = threading.Thread(target=other, args=(10,))
        t.start()
        time.sleep(0.3)
        assert not acquired.is_set()
    t.join(10)
    assert acquired.is_set() and len(errors) == 1


def test_an_in_memory_store_has_no_lock():
    assert lock_path(":memory:") is None
    with writing(":memory:", "build", wait=0), writing(":memory:", "build", wait=0):
        pass


def test_adding_a_page_twice_is_no_error(tmp_path):
    """Without the lock (another platform, another store), two ingests racing to add one page:
    the second finds it there."""
    db = tmp_path / "s.db"
    doc = Document(id="d1", source="a.txt", text="The council met on Monday.")
    with Store(db) as a, Store(db) as b:
        assert a.docs.add_if_new(doc) is True
        assert b.docs.add_if_new(doc) is False
        assert a.docs.count() == 1


def test_two_ingests_of_one_folder_at_once_are_idempotent(tmp_path):
    folder = pages(tmp_path, 5)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "storyline.cli", "ingest", str(folder), "--db", str(db), "-q"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert not any("Traceback" in err or "UNIQUE" in err for _, err in outs)
    added = sorted(int(out.split("ingest: ")[1].split()[0]) for out, _ in outs)
    assert added == [0, 5]
    assert any("5 skipped as duplicates" in out for out, _ in outs)
    with Store(db) as store:
        assert store.docs.count() == 5


@pytest.mark.slow
def test_two_builds_at_once_give_the_story_of_one(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([str(pages(tmp_path, 3))], store)
    cmd = [sys.executable, "-m", "storyline.cli", "build", "--db", str(db), "--wait", "300", "-q",
           "--workers", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    time.sleep(0.2)
    procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    stories = sorted(out.split("story: ")[1].split()[0] for out, _ in outs)
    assert stories == ["0", "3"], outs  # one built the story, the other waited and found it built
    with Store(db) as store:
        assert consistency_problems(store) == []
        dupes = store.conn.execute("SELECT COUNT(*) - COUNT(DISTINCT doc_id || ':' || sentence || ':' || concept)"
                                   " FROM concept_index").fetchone()[0]
        assert dupes == 0


def test_killing_the_holder_frees_the_lock(tmp_path):
    db = tmp_path / "s.db"
    p = holder(db, "ingest")
    with pytest.raises(StoreBusy, match=f"pid {p.pid}: ingest"):
        with writing(db, "build", wait=0.2):
            pass
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    with writing(db, "build", wait=0):
        pass
