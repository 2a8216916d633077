"""The PostgreSQL connection: the same public interface as the SQLite `Connection`.

`PgConnection.conn` is a `SqliteDialect` (adapter.py): what the table classes use of a
`sqlite3.Connection`, taking SQLite's SQL. JSON columns come back as their text and
numeric as float, as SQLite gives them.

Writes: `transaction()` opens a transaction and takes `pg_advisory_xact_lock` on the
store's schema first, the counterpart of SQLite's BEGIN IMMEDIATE: one writer at a time
per store, across processes, each batch all or nothing. Readers never wait.
Migrations (pg/migrations/*.sql, numbered like the SQLite ones: version N is the same
schema on both stores) run in one transaction under the same lock, so several processes
opening a new store at once apply them exactly once.

`PgConnection` subclasses the SQLite `Connection` for its interface (so `PgStore` is a
`Store` wherever one is expected) but never runs its `__init__`: whatever is added there
needs its counterpart here.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg.types.numeric import FloatLoader
from psycopg.types.string import TextLoader

from ...errors import StoreError
from ..connection import Connection
from .adapter import LOCK_CLASS, SqliteDialect, row_factory
from .dialect import Schema


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("storyline.store.pg") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.name, item.read_text("utf-8")))
    return sorted(found)


def split_url(url: str) -> tuple[str, str | None, str]:
    """(libpq URL, storyline schema or None, URL with the password hidden). `?schema=NAME`
    puts the store in its own schema, so one database can hold many stories."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    if schema is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", schema):
        raise StoreError(f"schema {schema!r}: use letters, digits and _ (at most 63)")
    libpq = urlunsplit(parts._replace(query=urlencode([(k, v) for k, v in query if k != "schema"])))
    shown = parts.netloc
    if parts.password is not None:
        shown = shown.replace(f":{parts.password}@", ":***@", 1)
    return libpq, schema, urlunsplit(parts._replace(netloc=shown))


class PgConnection(Connection):
    """One PostgreSQL connection with the numbered migrations applied."""

    def __init__(self, path: str | Path = ""):
        url, self.schema_name, self.path = split_url(str(path))
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect to PostgreSQL ({str(exc).strip()}). "
                             "Check the postgresql:// URL given with --db.") from exc
        for json_type in ("json", "jsonb"):  # JSON columns read as text, as from SQLite
            raw.adapters.register_loader(json_type, TextLoader)
        raw.adapters.register_loader("numeric", FloatLoader)
        self.raw = raw
        self.sql = SqliteDialect(raw)
        # the table classes are written against sqlite3.Connection; SqliteDialect has
        # the part of its interface they use
        self.conn = cast(sqlite3.Connection, self.sql)
        try:
            raw.execute("SET client_encoding TO 'UTF8'")
            if self.sql.scalar("SHOW server_encoding") != "UTF8":
                raise StoreError(f"{self.path}: the database's encoding must be UTF8")
            if self.schema_name:
                with self._locked(self.schema_name):
                    raw.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema_name}"')
                raw.execute(f'SET search_path TO "{self.schema_name}"')
            self.sql.lock_key = self.sql.scalar("SELECT hashtext(current_schema())")
            if self.sql.lock_key is None:
                raise StoreError(f"{self.path}: no schema to put the store in (search_path)")
            self.migrate()
            self.sql.schema = self._schema()
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(f"{self.path}: not a storyline store or not usable ({str(exc).strip()}). "
                             "Choose another database or ?schema= with --db.") from exc
        except StoreError:
            raw.close()
            raise

    @contextmanager
    def _locked(self, name: str) -> Iterator[None]:
        self.raw.execute("BEGIN")
        try:
            self.raw.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (LOCK_CLASS, name))
            yield
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    # -- schema -------------------------------------------------------------------------
    def migrate(self) -> None:
        if self._applied() >= {version for version, _, _ in _migrations()}:
            return  # an up-to-date store opens without writing
        with self.transaction():
            self.raw.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                             " name TEXT, applied_at TIMESTAMPTZ DEFAULT now())")
            self.raw.execute("CREATE TABLE IF NOT EXISTS store_version (id INTEGER PRIMARY KEY CHECK (id = 1),"
                             " n BIGINT NOT NULL); INSERT INTO store_version VALUES (1, 0) ON CONFLICT DO NOTHING")
            done = {r[0] for r in self.raw.execute("SELECT version FROM schema_migrations")}
            for version, name, sql in _migrations():
                if version not in done:
                    self.raw.execute(cast(Any, sql))  # no parameters: several statements at once
                    self.raw.execute("INSERT INTO schema_migrations(version, name) VALUES (%s, %s)",
                                     (version, name))

    def _applied(self) -> set[int]:
        if self.sql.scalar("SELECT to_regclass('schema_migrations') IS NOT NULL"
                           " AND to_regclass('store_version') IS NOT NULL"):
            return {r[0] for r in self.raw.execute("SELECT version FROM schema_migrations")}
        return set()

    def _schema(self) -> Schema:
        rows = self.raw.execute(
            "SELECT c.relname, a.attname, a.attnotnull, a.attnum = ANY(coalesce(i.indkey::int2[], '{}'))"
            " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            " LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
            " ORDER BY c.relname, a.attnum").fetchall()
        schema = Schema()
        nullable = set()
        for table, column, not_null, key in rows:
            schema.columns.setdefault(table, []).append(column)
            if key:
                schema.keys.setdefault(table, []).append(column)
            if not not_null and table != "schema_migrations":
                nullable.add(column)
        schema.not_null = {c for cols in schema.columns.values() for c in cols} - nullable
        return schema

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.sql.in_transaction:  # nested: the outer one commits
            yield self.conn
            return
        self.sql.begin(write=True)
        try:
            yield self.conn
        except BaseException:
            self.sql.rollback()
            raise
        self.sql.commit()
