"""Schemathesis against the OpenAPI document of a running server on the demo store.

Every operation of /api/v1 gets generated requests — valid ones and, for the query
parameters, invalid ones too (bad dates, unknown statuses, out-of-range pages, strings
where numbers go) — and no answer may be a 5xx. POSTs carry the token; the number of
examples is small so the whole module stays well under a minute once the store is built.
"""
from __future__ import annotations

import time

import pytest

from tests.test_web import TOKEN, sqlite_backup, start_server

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import FailedHealthCheck, Unsatisfiable  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402

pytestmark = pytest.mark.slow
STATS: dict = {}
BUDGET = {"GET": 25, "POST": 5}  # examples per operation


@pytest.fixture(scope="module")
def server(demo, tmp_path_factory):
    store, _ = demo
    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    db = sqlite_backup(store, tmp_path_factory.mktemp("schema") / "schema.db")
    proc, base = start_server(db, TOKEN)
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def api(server):
    return schemathesis.openapi.from_url(server + "/api/v1/openapi.json")


def run(operation, mode, examples: int) -> list[str]:
    """`examples` generated requests to one operation; the 5xx answers, described."""
    failures: list[str] = []

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(case=operation.as_strategy(generation_mode=mode))
    def attempt(case) -> None:
        response = case.call(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        STATS.setdefault((mode, case.method, case.path), []).append(response.status_code)
        if response.status_code >= 500:
            failures.append(f"{case.method} {response.request.url} -> {response.status_code}: {response.text[:300]}")

    try:
        attempt()
    except (Unsatisfiable, FailedHealthCheck):
        pass  # nothing of this kind can be generated for this operation (e.g. no parameter to break)
    return failures


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_5xx(api, mode):
    t0 = time.monotonic()
    failures: list[str] = []
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 11
    for operation in operations:
        budget = BUDGET["POST"] if operation.method.upper() == "POST" and mode == "positive" else BUDGET["GET"]
        failures += run(operation, GenerationMode(mode), budget)
    assert not failures, "\n".join(failures[:10])
    assert time.monotonic() - t0 < 60
    answered = {key[2]: codes for key, codes in STATS.items() if key[0] == mode}
    if mode == "positive":  # the generated requests did get through, not only refusals
        assert all(200 in answered[f"/api/v1/{s}"] for s in ("events", "claims", "dossier", "search"))
