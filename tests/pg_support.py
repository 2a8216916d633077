"""Stores for the backend tests: a SQLite file, or a fresh schema on the PostgreSQL server
named by STORYLINE_TEST_PG (a postgresql:// URL; .ci/run starts one and sets it)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

PG_URL = os.environ.get("STORYLINE_TEST_PG", "")
NO_PG = ("STORYLINE_TEST_PG is not set: no PostgreSQL server to test against "
         "(.ci/run starts one; or set STORYLINE_TEST_PG=postgresql://user:pw@host/db)")
BACKENDS = ["sqlite", "postgresql"]


def with_schema(url: str, schema: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"] + [("schema", schema)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextmanager
def fresh_target(backend: str, folder: Path) -> Iterator[str]:
    """The address of a new, empty store: a file in `folder`, or a schema of its own."""
    if backend == "sqlite":
        yield str(folder / f"store-{uuid.uuid4().hex[:8]}.db")
        return
    if not PG_URL:
        pytest.skip(NO_PG)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    try:
        yield with_schema(PG_URL, schema)
    finally:
        drop_schema(schema)
