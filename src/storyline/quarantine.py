"""Quarantine: a document a stage fails on is set aside, and the build goes on without it.

The failing stage's writes for that document are rolled back (each document goes through a
stage in one transaction); the document keeps its row, with the stage ('annotate' or
'story') and the reason, and adds nothing to the story until it is retried (`build
--retry-failed`) or forgotten (`forget`). `storyline documents --failed` lists them.
A failure of the store itself (disk full, I/O error, the database locked) is not the
document's fault: it stops the build, as before.
"""
from __future__ import annotations

import logging
import sqlite3

from .engine import AnnotationFailed
from .errors import StoreError
from .store import Store

log = logging.getLogger(__name__)


def blames_document(exc: BaseException) -> bool:
    """Whether a failure belongs to the document being processed (else: stop the build)."""
    if not isinstance(exc, Exception) or isinstance(exc, StoreError):
        return False
    if isinstance(exc, sqlite3.Error):
        return isinstance(exc, sqlite3.IntegrityError)  # a row the document's data made twice
    return not type(exc).__module__.startswith("psycopg")


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, AnnotationFailed):
        return exc.reason
    return f"{type(exc).__name__}: {exc}"[:300]


def set_aside(store: Store, doc_id: str, stage: str, exc: BaseException,
              failed: list[tuple[str, str]]) -> None:
    """Record that `stage` failed on a document (after its writes were rolled back)."""
    reason = reason_of(exc)
    log.debug("%s set aside at the %s stage", doc_id, stage, exc_info=exc)
    store.docs.set_failed(doc_id, stage, reason)
    failed.append((doc_id, f"{stage}: {reason}"))


def forget(store: Store, doc_id: str) -> str | None:
    """Remove a document and everything that came only from it, in one transaction;
    returns the reprint that takes its place as the original, if any (the next build
    annotates it and adds it to the story)."""
    with store.transaction():
        store.items.remove_document(doc_id)
        return store.docs.remove(doc_id)
