"""Parallel annotation: the same dossier whatever the number of worker processes."""
from __future__ import annotations

import pytest

from storyline import engine
from storyline.cli import main
from storyline.engine import (
    Context,
    DaskEngine,
    InlineEngine,
    ProcessEngine,
    annotate_batch,
    batches,
    make_engine,
)
from storyline.errors import UsageError
from storyline.model import Document, DocumentDate
from storyline.pipeline import demo_corpus


def build_and_export(tmp_path, name: str, *build_args: str, capsys=None) -> tuple[bytes, str]:
    """ingest the demo corpus, build with `build_args`, export as of a fixed day."""
    db, out = tmp_path / f"{name}.db", tmp_path / f"{name}.json"
    assert main(["ingest", str(demo_corpus()), "--db", str(db), "-q"]) == 0
    if capsys is not None:
        capsys.readouterr()
    assert main(["build", "--db", str(db), "-q", *build_args]) == 0
    printed = capsys.readouterr().out if capsys is not None else ""
    assert main(["export", "--db", str(db), "--as-of", "2026-11-25", "--out", str(out)]) == 0
    return out.read_bytes(), printed


_REFERENCE: dict[str, bytes] = {}


def in_process_dossier(tmp_path_factory) -> bytes:
    """The dossier built in this process (`--workers 1`), once per session (the parallel
    and the distributed tests compare with it)."""
    if "dossier" not in _REFERENCE:
        _REFERENCE["dossier"], _ = build_and_export(tmp_path_factory.mktemp("reference"), "one",
                                                    "--workers", "1")
    return _REFERENCE["dossier"]


def test_batches_keep_document_order_and_every_worker_busy():
    ids = [f"d{i}" for i in range(100)]
    assert [len(b) for b in batches(ids, 1)] == [16] * 6 + [4]
    assert sum(batches(ids, 2), []) == ids
    # full batches while there is plenty, then smaller ones so both workers end together
    assert [len(b) for b in batches(ids, 2)] == [16, 16, 16, 13, 10, 8, 6, 4, 4, 4, 3]
    assert [len(b) for b in batches(ids[:5], 2)] == [2, 2, 1]  # a small build still uses both
    assert [len(b) for b in batches(ids[:5], 1, size=2)] == [2, 2, 1]
    assert batches([], 4) == []


def test_make_engine_picks_and_checks():
    assert isinstance(make_engine("local", 1), InlineEngine)
    assert isinstance(make_engine("local", 3), ProcessEngine)
    assert isinstance(make_engine("local"), InlineEngine if engine.cores() == 1 else ProcessEngine)
    assert isinstance(make_engine("dask", scheduler="tcp://127.0.0.1:8786"), DaskEngine)
    for kind, workers, scheduler in [("local", 0, None), ("local", 2, "tcp://x:1"), ("dask", None, None),
                                     ("dask", 2, "tcp://x:1"), ("spark", None, None)]:
        with pytest.raises(UsageError):
            make_engine(kind, workers, scheduler)


def test_cli_refuses_a_bad_number_of_workers(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["build", "--db", str(tmp_path / "x.db"), "--workers", "0"])
    assert "number of processes" in capsys.readouterr().err
    assert main(["build", "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:1"]) == 1
    assert "--engine dask" in capsys.readouterr().err


def test_a_document_that_fails_comes_back_with_its_reason(monkeypatch, nlp):
    docs = [Document(f"d{i}", f"d{i}.txt", f"The minister said on Monday that harbour talks {i} would "
                     "resume in March 2024.", published=DocumentDate("2024-03-04", "day") if i < 2
                     else DocumentDate.unknown()) for i in range(3)]
    real = engine.annotate

    def flaky(doc, sdoc, anchor):
        if doc.id == "d1":
            raise ValueError("no parse")
        return real(doc, sdoc, anchor)

    monkeypatch.setattr(engine, "annotate", flaky)
    results = annotate_batch(docs, Context(dated=(docs[0],)))
    assert [r.doc_id for r in results] == ["d0", "d1", "d2"]
    assert results[1].error == "ValueError: no parse" and results[1].annotations is None
    assert results[0].annotations is not None and results[2].annotations is not None
    assert results[0].annotations.sentences
    assert (results[0].anchor, results[0].origin) == ("2024-03-04", "published")
    assert (results[2].anchor, results[2].origin) == ("2024-03", "inferred")  # from the dated one


@pytest.mark.slow
def test_one_and_two_workers_give_the_same_dossier(tmp_path, tmp_path_factory, capsys):
    one = in_process_dossier(tmp_path_factory)
    two, printed = build_and_export(tmp_path, "two", "--workers", "2", capsys=capsys)
    assert "annotate: 5 items (workers=2)" in printed  # really ran in two processes
    assert len(one) > 10_000
    assert one == two


def _spacy_already_loaded() -> bool:
    from storyline.annotate.nlp import load

    return load.cache_info().currsize == 1


def test_pool_workers_start_with_spacy_loaded():
    """Workers fork from a server that loaded spaCy once: a new worker need not load it again."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, engine.pool_context()) as pool:
        assert pool.submit(_spacy_already_loaded).result(timeout=300)


def test_blas_runs_one_thread_while_annotating_and_restores_after():
    found = engine._openblas()
    if found is None:
        pytest.skip("no OpenBLAS found in this process")
    get, put = found
    put(2)
    with engine.blas_threads(1):
        assert get() == 1
    assert get() == 2
