"""`SqliteDialect`: the part of `sqlite3.Connection` the table classes use, over psycopg.

`execute`, `executemany`, `in_transaction`, `close`, taking SQLite's SQL (translated once
per statement text by `dialect.translate`, then prepared by psycopg after a few uses) and
returning rows readable by position and by column name, like `sqlite3.Row`. An integrity
error is raised as `sqlite3.IntegrityError`, so callers catch one exception whatever the
store. Transaction control written for SQLite works too: `BEGIN` (deferred) is a
REPEATABLE READ transaction, SQLite's consistent read snapshot; `BEGIN IMMEDIATE` takes
the store's writer lock (`pg_advisory_xact_lock`), as does the first write of any
transaction; a write outside a transaction is one locked transaction of its own.
Every committed write moves `store_version`, the store's `data_version`. One difference
remains: after a failed statement PostgreSQL refuses the rest of its transaction, where
SQLite would let it go on; the store's code never continues after one.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg

from ...errors import StoreError
from .dialect import Schema, Untranslatable, translate

LOCK_CLASS = 0x5354  # first key of storyline's advisory locks; the second is the schema's hash
_CACHE_LIMIT = 4096
_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|END|ROLLBACK)(?:\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?"
                      r"(?:\s+TRANSACTION)?\s*;?\s*$", re.I)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)


class Row(tuple):
    """A result row: by position like a tuple, by column name like `sqlite3.Row`."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                key = self._index[key]
            except KeyError:
                key = self._index[key.lower()]
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return [k for k in self._index if k == k.lower() or k.lower() not in self._index]


_ROW_CLASSES: dict[tuple[str, ...], type[Row]] = {}


def row_factory(cursor: psycopg.Cursor[Any]) -> Any:
    """psycopg's row factory: one `Row` class per column list."""
    names = tuple(c.name for c in cursor.description or ())
    cls = _ROW_CLASSES.get(names)
    if cls is None:
        index = {n: i for i, n in enumerate(names)}
        index.update({n.lower(): i for i, n in enumerate(names) if n.lower() not in index})
        cls = _ROW_CLASSES[names] = type("Row", (Row,), {"__slots__": (), "_index": index})
    return cls


def _params(params: Sequence[Any] | None) -> tuple[Any, ...]:
    # sqlite3 stores a bool as 1 or 0; PostgreSQL would refuse it in an INTEGER column
    return tuple(int(p) if isinstance(p, bool) else p for p in params or ())


class SqliteDialect:
    """A psycopg connection (autocommit) that takes the SQLite SQL of the table classes."""

    def __init__(self, raw: psycopg.Connection[Any]):
        self.raw = raw
        self.schema = Schema()
        self.lock_key: int | None = None  # the store's advisory lock (its schema's hash)
        self._sql: dict[str, str] = {}
        self._locked = False
        self._wrote = False

    def pg(self, sql: str) -> str:
        """The PostgreSQL text of a statement, translated once."""
        found = self._sql.get(sql)
        if found is None:
            try:
                found = translate(sql, self.schema)
            except Untranslatable as exc:
                raise StoreError(f"the PostgreSQL store cannot run this statement: {exc}") from exc
            if len(self._sql) >= _CACHE_LIMIT:
                self._sql.clear()
            self._sql[sql] = found
        return found

    def scalar(self, pg_sql: str, params: Sequence[Any] = ()) -> Any:
        """The first value of the first row of a PostgreSQL query (None if no row)."""
        row = self.raw.execute(pg_sql, params).fetchone()
        return row[0] if row is not None else None

    # -- transactions -------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def begin(self, write: bool) -> None:
        """A writer's transaction (the store's lock held until it ends) or a reader's
        snapshot."""
        self.raw.execute("BEGIN" if write else "BEGIN ISOLATION LEVEL REPEATABLE READ")
        self._locked = self._wrote = False
        if write:
            self.lock()

    def lock(self) -> None:
        if not self._locked:
            self.raw.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_CLASS, self.lock_key))
            self._locked = True

    def commit(self) -> None:
        if self._wrote:
            self.raw.execute("UPDATE store_version SET n = n + 1")
        self.raw.execute("COMMIT")
        self._locked = self._wrote = False

    def rollback(self) -> None:
        if not self.raw.closed and self.in_transaction:
            self.raw.execute("ROLLBACK")
        self._locked = self._wrote = False

    def _control(self, m: re.Match[str]) -> psycopg.Cursor[Any]:
        verb, mode = m.group(1).upper(), (m.group(2) or "").upper()
        if verb == "BEGIN":
            if self.in_transaction:
                raise sqlite3.OperationalError("cannot start a transaction within a transaction")
            self.begin(write=mode in ("IMMEDIATE", "EXCLUSIVE"))
        elif verb == "ROLLBACK":
            self.rollback()
        elif self.in_transaction:
            self.commit()
        return self.raw.cursor()

    # -- statements ---------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        control = _CONTROL.match(sql)
        if control:
            return self._control(control)
        return self._write(sql, lambda cur: cur.execute(self.pg(sql), _params(params)))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        rows = [_params(p) for p in seq]
        if not rows:
            return self.raw.cursor()
        return self._write(sql, lambda cur: cur.executemany(self.pg(sql), rows))

    def _write(self, sql: str, run: Any) -> psycopg.Cursor[Any]:
        cur = self.raw.cursor()
        write = _WRITE.match(sql) is not None
        alone = write and not self.in_transaction
        try:
            if alone:
                self.begin(write=True)
            elif write:
                self.lock()
            run(cur)
            if write:
                self._wrote = True
            if alone:
                self.commit()
        except psycopg.errors.IntegrityError as exc:
            if alone:
                self.rollback()
            raise sqlite3.IntegrityError(str(exc).strip()) from exc
        except BaseException:
            if alone:
                self.rollback()
            raise
        return cur

    def close(self) -> None:
        self.raw.close()
