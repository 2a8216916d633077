"""The SQLite store: migrations, transactions, FTS5 search."""
from __future__ import annotations

import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.model import DateFlag, Document, DocumentDate, Sentence
from storyline.store import Store


def doc(i: int, text: str = "Some text.") -> Document:
    return Document(id=f"d{i}", source=f"s{i}.txt", text=text, title=f"T{i}",
                    published=DocumentDate(f"2020-01-0{i}", "day", "header"))


def test_migrations_are_recorded_and_not_rerun(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as s:
        assert s.schema_version() >= 1
        s.docs.add(doc(1))
    with Store(path) as s:  # reopening applies nothing twice and keeps the data
        assert s.docs.count() == 1
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_transaction_rolls_back_on_error(store):
    store.docs.add(doc(1))
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.docs.add(doc(2))
            store.docs.add(doc(1))  # duplicate id: the whole batch fails
    assert [d.id for d in store.docs.all()] == ["d1"]


def test_round_trip_keeps_metadata(store):
    d = doc(3)
    d.published = DocumentDate("2024-09-20", "day", "header", frozenset({DateFlag.DISPLAY_DATE}))
    d.removed = ["25.9 C"]
    store.docs.add(d)
    back = store.docs.get("d3")
    assert back.published == d.published and back.removed == ["25.9 C"]


def test_fts_search_with_prefix(store):
    store.docs.add(doc(1, "Troops will withdraw. Talks resume."))
    store.annotations.save("d1", [Sentence("d1", 0, 0, 21, "Troops will withdraw."),
                                  Sentence("d1", 1, 22, 35, "Talks resume.")], [], [], [])
    hits = store.search("withdraw*")
    assert [h[0].index for h in hits] == [0] and "[withdraw]" in hits[0][1]
    # re-annotating replaces the sentences in the index too
    store.annotations.save("d1", [Sentence("d1", 0, 0, 13, "Talks resume.")], [], [], [])
    assert store.search("withdraw*") == []


def test_bad_query_is_a_clear_error(store):
    with pytest.raises(StoreError, match="cannot search"):
        store.search('"unbalanced')


def test_not_a_database(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a storyline store"):
        Store(bad)
