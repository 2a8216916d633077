"""One writer at a time: an advisory lock on a file beside the SQLite store.

`ingest`, `build` and `forget` hold `<store>.lock` while they write (flock: the kernel drops
it when the process dies, even by kill -9, so a crash never leaves the store locked). A
second writer waits up to `wait` seconds, then raises `StoreBusy` naming the holder (pid,
command, since when), which the holder writes into the lock file. Readers (export,
report, search, serve's GETs) never take it: SQLite's WAL gives them a consistent snapshot.
The lock is re-entrant within a thread; another thread of the same process waits like
another process. An in-memory store (":memory:") has no lock.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StoreBusy, StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, said once in the log
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

POLL_SECONDS = 0.1
_held: dict[tuple[str, int], int] = {}  # (lock file, thread) -> depth


def lock_path(db_path: str | Path) -> Path | None:
    """The lock file of a store; None for an in-memory store."""
    if str(db_path) in ("", ":memory:") or str(db_path).startswith("file:") or "://" in str(db_path):
        return None  # in memory, or a server database (PostgreSQL locks its own writes)
    return Path(str(db_path) + ".lock")


@contextmanager
def writing(db_path: str | Path, command: str, wait: float | None = 60.0) -> Iterator[None]:
    """Hold the store's writer lock for the block. `wait`: seconds to wait for another
    writer (None: as long as it takes, 0: not at all)."""
    path = lock_path(db_path)
    if path is None or fcntl is None:
        yield
        return
    key = (str(path.resolve()), threading.get_ident())
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = _acquire(path, db_path, command, wait)
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _acquire(path: Path, db_path: str | Path, command: str, wait: float | None) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot create the lock file {path} ({exc.strerror}): "
                         "is the store's folder writable?") from exc
    try:
        _wait_for(fd, db_path, wait)
    except BaseException:
        os.close(fd)
        raise
    me = {"pid": os.getpid(), "command": command, "since": dt.datetime.now().isoformat(timespec="seconds")}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(me).encode(), 0)
    return fd


def _wait_for(fd: int, db_path: str | Path, wait: float | None) -> None:
    deadline = None if wait is None else time.monotonic() + max(0.0, wait)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _holder(fd)
            if deadline is not None and time.monotonic() >= deadline:
                waited = f" after waiting {wait:g}s" if wait else ""
                raise StoreBusy(f"{db_path} is being written by another storyline process "
                                f"({holder}){waited}. Let it finish, or pass --wait SECONDS "
                                "to wait for it.") from None
            if not told:
                log.warning("%s is being written by another storyline process (%s); waiting%s",
                            db_path, holder, f" up to {wait:g}s" if wait is not None else "")
                told = True
            time.sleep(POLL_SECONDS if deadline is None else
                       max(0.0, min(POLL_SECONDS, deadline - time.monotonic())))


def _holder(fd: int) -> str:
    """Who holds the lock, as its holder wrote it ("pid 123: build since 2026-...")."""
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        info = {}
    if not isinstance(info, dict) or "pid" not in info:
        return "holder unknown"
    return f"pid {info['pid']}: {info.get('command', '?')} since {info.get('since', '?')}"
