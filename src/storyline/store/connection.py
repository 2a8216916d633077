"""The connection: SQLite in WAL mode, numbered migrations, transactions.

Writes go through `transaction()` (BEGIN IMMEDIATE), so a failing batch leaves nothing
half-written. Schema changes are numbered SQL files in migrations/, recorded in
`schema_migrations` and applied in order on open.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Self

from ..errors import StoreError

BUSY_MS = 5000  # how long a statement waits for another connection's lock (sqlite3's default)
MIGRATION_WAIT_MS = 120_000  # opening a store another process is migrating waits this long


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.name, item.read_text("utf-8")))
    return sorted(found)


class Connection:
    """One SQLite connection in WAL mode with the numbered migrations applied."""

    def __init__(self, path: str | Path = "storyline.db"):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                        timeout=BUSY_MS / 1000)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # a large story's indexes should stay in memory: 64 MB of page cache, mapped reads
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.execute("PRAGMA mmap_size = 268435456")
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a storyline store or damaged ({exc}). "
                             "Choose another file with --db.") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------
    def migrate(self) -> None:
        """Apply the migrations this store lacks. Safe when several processes open one new
        store at once: each migration is applied inside BEGIN IMMEDIATE after reading again,
        under that write lock, whether another process applied it meanwhile."""
        pending = _migrations()
        if self._has_migrations_table():
            done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
            pending = [m for m in pending if m[0] not in done]
            if not pending:
                return  # the usual case: no write lock taken
        self.conn.execute(f"PRAGMA busy_timeout = {MIGRATION_WAIT_MS}")  # another may be migrating
        try:
            with self.transaction():
                self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                  "name TEXT, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
            for version, name, sql in pending:
                with self.transaction():
                    if self.conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?",
                                         (version,)).fetchone():
                        continue  # applied by another process since we looked
                    for statement in _split_sql(sql):
                        self.conn.execute(statement)
                    self.conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)",
                                      (version, name))
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")

    def _has_migrations_table(self) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                 "AND name = 'schema_migrations'").fetchone() is not None

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:  # nested: the outer one commits
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buf, depth = [], [], 0
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped.startswith("--") or not stripped:
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if depth and upper.startswith("END;"):
            depth -= 1
            statements.append("\n".join(buf))
            buf = []
        elif not depth and stripped.endswith(";"):
            statements.append("\n".join(buf))
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements
