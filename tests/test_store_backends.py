"""The store's test suite on both backends: SQLite (a file) and PostgreSQL (a fresh schema
on the server named by STORYLINE_TEST_PG; skipped with the reason when it is unset)."""
from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from importlib import resources
from pathlib import Path

import httpx
import pytest

from storyline.errors import StoreError
from storyline.model import (
    Commitment,
    Contradiction,
    DateFlag,
    Document,
    DocumentDate,
    Entity,
    Event,
    Evidence,
    Sentence,
)
from storyline.store import EntityKey
from storyline.store.factory import open_store

from .pg_support import BACKENDS, NO_PG, PG_URL, fresh_target

needs_pg = pytest.mark.skipif(not PG_URL, reason=NO_PG)


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    with fresh_target(request.param, tmp_path) as address:
        yield address


@pytest.fixture
def store(target):
    s = open_store(target)
    yield s
    s.close()


def doc(i: int, text: str = "Some text.") -> Document:
    return Document(id=f"d{i}", source=f"s{i}.txt", text=text, title=f"T{i}",
                    published=DocumentDate(f"2020-01-0{i}", "day", "header"))


def _migration_count(package: str) -> int:
    return sum(1 for f in (resources.files(package) / "migrations").iterdir() if f.name.endswith(".sql"))


def test_migrations_are_recorded_and_not_rerun(target):
    package = "storyline.store.pg" if target.startswith("postgresql") else "storyline.store"
    with open_store(target) as s:
        assert s.schema_version() == _migration_count(package) >= 7
        s.docs.add(doc(1))
    with open_store(target) as s:  # reopening applies nothing twice and keeps the data
        assert s.docs.count() == 1
        assert s.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == s.schema_version()


def test_transaction_rolls_back_on_error(store):
    store.docs.add(doc(1))
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as c:
            store.docs.add(doc(2))
            c.execute("INSERT INTO documents (id, source, kind, text) VALUES (?, ?, ?, ?)",
                      ("d1", "again.txt", "article", "duplicate id"))  # the whole batch fails
    assert [d.id for d in store.docs.all()] == ["d1"]


def test_round_trip_keeps_metadata(store):
    d = doc(3)
    d.published = DocumentDate("2024-09-20", "day", "header", frozenset({DateFlag.DISPLAY_DATE}))
    d.removed = ["25.9 C", "Ünïcode ‘quotes’"]
    d.lowercase = True
    store.docs.add(d, minhash=b"\x00\x01\xff" * 10)
    back = store.docs.get("d3")
    assert back.published == d.published and back.removed == d.removed and back.lowercase is True
    assert [tuple(r) for r in store.docs.minhashes()] == [("d3", b"\x00\x01\xff" * 10)]
    assert store.docs.add_if_new(d) is False  # already there: a no-op, whichever ingest came first
    with pytest.raises(sqlite3.IntegrityError):
        store.docs.add(d)


def test_fts_search_with_prefix(store):
    store.docs.add(doc(1, "Troops will withdraw. Talks resume."))
    store.annotations.save("d1", [Sentence("d1", 0, 0, 21, "Troops will withdraw."),
                                  Sentence("d1", 1, 22, 35, "Talks resume.")], [], [], [])
    hits = store.search("withdraw*")
    assert [h[0].index for h in hits] == [0] and "[withdraw]" in hits[0][1]
    # re-annotating replaces the sentences in the index too
    store.annotations.save("d1", [Sentence("d1", 0, 0, 13, "Talks resume.")], [], [], [])
    assert store.search("withdraw*") == []


@pytest.fixture(scope="module", params=BACKENDS)
def search_store(request, tmp_path_factory):
    """One store per backend with four sentences to search."""
    texts = ["Troops will withdraw.", "The combat troops stay.",
             "Troops left the al-Hadar base after the withdrawal.", "Talks resume."]
    with fresh_target(request.param, tmp_path_factory.mktemp("search")) as address:
        s = open_store(address)
        s.docs.add(doc(1, " ".join(texts)))
        s.annotations.save("d1", [Sentence("d1", i, 0, len(t), t) for i, t in enumerate(texts)], [], [], [])
        yield s
        s.close()


@pytest.mark.parametrize("query, expected", [
    ("withdraw", [0]), ("withdraw*", [0, 2]), ('"combat troops"', [1]), ('"troops combat"', []),
    ("troops AND base", [2]), ("troops base", [2]), ("base OR talks", [2, 3]),
    ("troops NOT base", [0, 1]), ("(talks OR base) AND NOT_A_WORD", []), ('"al-Hadar"', [2]),
    ('"combat tro"*', [1]),
])
def test_search_syntax(search_store, query, expected):
    assert sorted(h[0].index for h in search_store.search(query)) == expected


def test_bad_query_is_a_clear_error(store):
    with pytest.raises(StoreError, match="cannot search"):
        store.search('"unbalanced')


def test_not_a_store(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a storyline store"):
        open_store(bad)
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/nothing?connect_timeout=2")


def test_meta_and_story_index(store):
    store.docs.add(doc(1))
    store.docs.add(doc(2))
    store.set_meta("title", "A story")
    store.set_meta("title", "The story")
    assert store.get_meta("title") == "The story" and store.get_meta("missing") is None
    store.index.save("d1", [(0, {"z": 1, "a": [1, 2]}, ["troop", "base"]), (1, {"b": None}, ["troop"])],
                     vectors={0: b"\x00\x10" * 4})
    store.index.save("d2", [(0, {"c": "é"}, ["troop"])])
    store.index.save("d1", [(0, {"z": 2}, [])])  # a statement saved again replaces the first
    assert store.index.of_document("d1")[("d1", 0)] == {"z": 2, "vector": None}
    data = store.index.data([("d1", 1), ("d2", 0)])
    assert data[("d2", 0)] == {"c": "é", "vector": None} and list(data[("d1", 1)]) == ["b", "vector"]
    assert store.index.frequencies(["troop", "base", "none"]) == {"troop": 3, "base": 1}
    # the most recent statements first, never those of the excluded document
    assert store.index.sharing(["troop"], "none", 10) == [("d2", 0), ("d1", 1), ("d1", 0)]
    assert store.index.sharing(["troop"], "d2", 1) == [("d1", 1)]
    # a concept's first letters find it, and only the concepts they begin
    store.docs.add(doc(3))
    store.index.save("d3", [(0, {}, ["eruption"]), (1, {}, ["erupt"]), (2, {}, ["erode"])])
    assert sorted(store.index.sharing_prefixes(["erupt"], "none", 10)) == [("d3", 0), ("d3", 1)]


def test_story_items(store):
    for i in (1, 2):
        store.docs.add(doc(i))
    store.annotations.save("d1", [Sentence("d1", 0, 0, 9, "Some text.")], [], [], [])
    store.annotations.save("d2", [Sentence("d2", 0, 0, 9, "Some text.")], [], [], [])
    store.items.upsert_entity(Entity("e1", "Omar", "PERSON", ["Omar"], 1))
    store.items.upsert_entity(Entity("e1", "Omar Talvi", "PERSON", ["Omar", "Talvi"], 3))
    store.items.upsert_entity(Entity("e2", "Varnica", "GPE", [], 5))
    assert [(e.id, e.name, e.aliases) for e in store.items.entities()] == [
        ("e2", "Varnica", []), ("e1", "Omar Talvi", ["Omar", "Talvi"])]
    key = EntityKey("omar talvi", "e1", "PERSON", "talvi", "ot", "t")
    store.items.add_entity_key(key, "d1")
    store.items.add_entity_key(EntityKey("omar talvi", "e9", "PERSON", "talvi", "ot", "t"), "d2")
    assert store.items.entity_key("omar talvi") == key  # the first entity to claim a key keeps it
    assert store.items.key_seen_in("omar talvi", "d2") and store.items.keys_ending_with("talvi") == [key]
    # events: NULL dates first, as SQLite sorts them; the newest of a concept first
    for eid, when in (("v1", "2024-01-05"), ("v2", None), ("v3", "2024-02-01")):
        store.items.upsert_event(Event(eid, when, f"event {eid}", "reported", ["e1"], [], "day"),
                                 {"k": eid}, ["withdraw"], "2024", [Evidence("d1", 0, "Some text.")])
    assert [e.id for e, _ in store.items.events()] == ["v2", "v1", "v3"]
    assert store.items.events_sharing(["withdraw"], ["2024"], 2) == ["v3", "v2"]
    assert store.items.events_in_year("2024", 5) == ["v3", "v1"]
    assert store.items.event_rows(["v1"])["v1"]["k"] == "v1" and store.items.event_rows([]) == {}
    # contradictions: looked up by the slot in their JSON
    store.items.upsert_contradiction(Contradiction("x1", "date of the exit", "between_sources", []),
                                     {"slot": "date"}, [[("d1", 0)], [("d2", 0)]])
    assert list(store.items.contradictions_with([("d1", 0)], "date")) == ["x1"]
    assert store.items.contradictions_with([("d1", 0)], "amount") == {}
    assert [len(s) for s in store.items.contradictions()[0][0].sides] == [1, 1]
    # commitments: undated ones last
    for cid, due in (("c1", None), ("c2", "2025-09-01"), ("c3", "2024-12-31")):
        store.items.upsert_commitment(Commitment(cid, f"leave {cid}", due, "2024-01-01", "e1", [],
                                                 [Evidence("d2", 0, "Some text.")]), {"n": 1}, ["leave"])
    assert [k.id for k, _ in store.items.commitments()] == ["c3", "c2", "c1"]
    assert store.items.commitments([]) == [] and store.items.commitments_sharing(["leave"], 2) == ["c3", "c2"]
    store.items.forget_document("d2")
    assert store.items.contradictions() == [] and store.items.commitments() == []
    assert [e.id for e, _ in store.items.events()] == ["v2", "v1", "v3"]
    store.items.reset()
    assert store.items.events() == [] and store.items.entities() == []


def test_forgetting_a_page_leaves_no_link_to_its_commitments(store):
    """A page re-indexed after its date was corrected takes its commitments out; a drift link
    from another page's commitment to one of them goes too (re-indexing links them again)."""
    old = Commitment("k1", "reopen the pier", "2031-05-01", "2031-03-01", None, ["k2"], [Evidence("d1", 0, "A.")])
    new = Commitment("k2", "reopen the pier", "2031-09-01", "2031-04-01", None, [], [Evidence("d2", 0, "B.")])
    for k in (old, new):
        store.items.upsert_commitment(k, {"n": 1}, ["reopen"])
    store.items.forget_document("d2")
    assert [(k.id, k.superseded_by) for k, _ in store.items.commitments()] == [("k1", [])]


def test_reads_answer_in_the_order_asked_whatever_the_row_order(store):
    """Rows saved again (a new row version, elsewhere in PostgreSQL's heap) and rows asked in
    another order than they were written come back in the order asked: the story stages
    read them in that order, and the dossier must not depend on the store (a generated
    story of 50 articles once differed between SQLite and PostgreSQL this way)."""
    for i in (1, 2, 3):
        store.docs.add(doc(i))
    keys = [(f"d{i}", k) for i in (1, 2, 3) for k in range(4)]
    for d, k in keys:
        store.index.save(d, [(k, {"n": k}, ["port"])])
    for d, k in reversed(keys[:6]):
        store.index.save(d, [(k, {"n": k + 10}, ["port"])])
    asked = [keys[i] for i in (7, 0, 11, 3, 5, 1, 9)]
    assert list(store.index.data(asked)) == asked
    assert store.index.data(asked)[("d1", 0)]["n"] == 10
    for eid in ("v3", "v1", "v2"):
        for rev in range(2):
            store.items.upsert_event(Event(eid, "2024-01-05", f"event {eid}", "reported", [], [], "day"),
                                     {"rev": rev}, [], "2024", [])
    assert list(store.items.event_rows(["v2", "v3", "v1"])) == ["v2", "v3", "v1"]
    members = [[("d3", 1), ("d1", 2), ("d2", 0)], [("d2", 3), ("d1", 0)]]
    for cid in ("x2", "x1"):
        store.items.upsert_contradiction(Contradiction(cid, "count of boats", "between_sources", []),
                                         {"slot": "count"}, members)
        store.items.upsert_contradiction(Contradiction(cid, "count of boats", "between_sources", []),
                                         {"slot": "count", "rev": 1}, members)
    found = store.items.contradictions_with([("d1", 0), ("d2", 0)], "count")
    assert list(found) == ["x1", "x2"]
    assert found["x2"]["members"] == [sorted(members[0]), sorted(members[1])]


def test_quarantine_and_removal(store):
    store.docs.add(doc(1))
    store.annotations.save("d1", [Sentence("d1", 0, 0, 9, "Some text.")], [], [], [])
    store.docs.set_failed("d1", "annotate", "parser crashed")
    failed = store.docs.statuses(failed_only=True)
    assert [(s.id, s.status, s.failed_stage) for s in failed] == [("d1", "failed", "annotate")]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", failed[0].failed_at)
    assert store.docs.unannotated() == [] and store.annotations.sentences("d1") == []
    assert store.docs.clear_failed() == 1 and store.docs.unannotated() == ["d1"]
    assert store.docs.find("d1") == ["d1"] and store.docs.find("s1.txt") == ["d1"]
    store.docs.remove("d1")
    assert store.docs.count() == 0


def test_read_snapshot_and_data_version(target):
    """A reader's BEGIN sees one snapshot; the data version moves with every commit."""
    with open_store(target) as reader, open_store(target) as writer:
        before = reader.data_version()
        reader.conn.execute("BEGIN")
        assert reader.docs.count() == 0
        writer.docs.add(doc(1))
        assert reader.docs.count() == 0  # still the snapshot
        reader.conn.execute("ROLLBACK")
        assert reader.docs.count() == 1 and reader.data_version() != before


def test_writers_in_threads_lose_nothing(target):
    """Eight connections adding documents at once: every one of them is stored once (on
    PostgreSQL they also open the new store together: its migrations run exactly once)."""
    if not target.startswith("postgresql"):
        open_store(target).close()

    def add(n: int) -> None:
        with open_store(target) as s:
            for i in range(10):
                s.docs.add(Document(id=f"w{n}-{i}", source=f"w{n}/{i}.txt", text=f"Text {n} {i}.", title=None,
                                    published=DocumentDate(None, None, None)))
                s.index.save(f"w{n}-{i}", [(0, {}, ["shared"])])

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open_store(target) as s:
        assert s.docs.count() == 80 and s.index.frequencies(["shared"]) == {"shared": 80}


@needs_pg
def test_postgresql_schema_is_the_sqlite_schema(tmp_path):
    """Migration N has the same tables and columns on both stores."""
    with fresh_target("sqlite", tmp_path) as lite, fresh_target("postgresql", tmp_path) as pg:
        with open_store(lite) as s:
            tables = [r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                   " AND name NOT LIKE 'sentences_fts%' ORDER BY name")]
            want = {t: sorted(r[1] for r in s.conn.execute(f"PRAGMA table_info({t})") if r[1] != "rowid")
                    for t in tables}
            version = s.schema_version()
        with open_store(pg) as p:
            rows = p.raw.execute("SELECT table_name, column_name FROM information_schema.columns"
                                 " WHERE table_schema = current_schema() AND column_name != 'rowid'").fetchall()
            got: dict[str, list[str]] = {}
            for table, column in rows:
                if table != "store_version":
                    got.setdefault(table, []).append(column)
            assert p.schema_version() == version
    assert {t: sorted(c) for t, c in got.items()} == want


@pytest.mark.slow
@needs_pg
def test_demo_dossier_and_report_are_the_same_on_both_stores(tmp_path):
    from storyline.cli import main
    from storyline.pipeline import demo_corpus

    out: dict[str, list[bytes]] = {}
    with fresh_target("sqlite", tmp_path) as lite, fresh_target("postgresql", tmp_path) as pg:
        for name, target in (("sqlite", lite), ("postgresql", pg)):
            files = [tmp_path / f"{name}.json", tmp_path / f"{name}.html"]
            assert main(["ingest", str(demo_corpus()), "--db", target, "-q"]) == 0
            assert main(["build", "--db", target, "-q", "--workers", "1"]) == 0
            assert main(["export", "--db", target, "--as-of", "2026-11-25", "--out", str(files[0])]) == 0
            assert main(["report", "--db", target, "--as-of", "2026-11-25", "--out", str(files[1])]) == 0
            assert main(["search", "withdraw* AND base", "--db", target]) == 0
            out[name] = [f.read_bytes() for f in files]
    assert json.loads(out["sqlite"][0])["events"] and out["postgresql"] == out["sqlite"]


def _serve(target: str, token: str, log: Path, port: int) -> tuple[subprocess.Popen, str]:
    """`storyline serve` in a session of its own (the server and its worker processes)."""
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", target, "--port", str(port),
                                 "--token", token, "--as-of", "2026-11-22"], stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/v1/openapi.json", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    _stop(proc)
    raise RuntimeError("server did not start: " + log.read_text()[-2000:])


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server's whole session: SIGTERM, then SIGKILL after 30 s."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 30)):
        try:
            os.killpg(proc.pid, sig)
            proc.wait(wait)
            os.killpg(proc.pid, signal.SIGKILL)  # the session's worker processes, if any are left
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


WORDS = ("minister council harbour ferry budget strike union port vote court river bridge school "
         "hospital road tariff grain fuel wage rail").split()


def _article(rng: random.Random, tag: str) -> str:
    sentences = []
    for _ in range(4):
        w = rng.sample(WORDS, 6)
        sentences.append(f"The {w[0]} and the {w[1]} of {tag} met on day {rng.randint(1, 28)} over the "
                         f"{w[2]}, {w[3]} and {w[4]} plans for the {w[5]}.")
    return f"{tag} talks continue\n\n" + " ".join(sentences) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_four_ingest_processes_and_the_api_lose_no_document(backend, tmp_path):
    from .test_web import TOKEN, free_port

    rng = random.Random(11)
    shared = tmp_path / "shared"
    shared.mkdir()
    expected = set()
    for i in range(3):
        (shared / f"s{i}.txt").write_text(_article(rng, f"Shared{i}"))
        expected.add(str(shared / f"s{i}.txt"))
    folders = []
    for n in range(4):
        folder = tmp_path / f"batch{n}"
        folder.mkdir()
        for i in range(20):
            (folder / f"a{i}.txt").write_text(_article(rng, f"Town{n}x{i}"))
            expected.add(str(folder / f"a{i}.txt"))
        folders.append(folder)
    with fresh_target(backend, tmp_path) as target:
        open_store(target).close()
        server, base = _serve(target, TOKEN, tmp_path / "serve.log", free_port())
        try:
            procs = [subprocess.Popen([sys.executable, "-m", "storyline.cli", "ingest", str(f), str(shared),
                                       "--db", target, "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                     for f in folders]
            answers: list[int] = []

            def post(k: int) -> None:
                for j in range(3):
                    articles = [{"text": _article(rng, f"Api{k}x{j}x{m}"), "outlet": "API Wire"} for m in range(2)]
                    answers.append(httpx.post(base + "/api/v1/documents", json={"articles": articles}, timeout=240,
                                              headers={"Authorization": f"Bearer {TOKEN}"}).status_code)

            posters = [threading.Thread(target=post, args=(k,)) for k in range(2)]
            for t in posters:
                t.start()
            results = [p.communicate(timeout=240) for p in procs]
            for t in posters:
                t.join()
        finally:
            _stop(server)
        assert [p.returncode for p in procs] == [0] * 4, [r[1][-2000:] for r in results]
        assert len(answers) == 6 and set(answers) <= {200, 201}, answers
        with open_store(target) as s:
            docs = s.docs.all()
    assert {d.source for d in docs if d.outlet != "API Wire"} == expected
    assert len(docs) == len(expected) + 12 and sum(d.outlet == "API Wire" for d in docs) == 12
