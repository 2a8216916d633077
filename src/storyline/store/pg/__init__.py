"""PostgreSQL as a second store, for several writers and readers on one story.

Design: one set of SQL. The table classes of the SQLite store (documents.py,
annotations.py, index.py, items.py) run unchanged on PostgreSQL. `PgStore(Store,
PgConnection)`: `Store.__init__` wires the same tables onto a `PgConnection`, whose
`conn` is an adapter (adapter.py) that takes SQLite's SQL and translates it once per
statement text (dialect.py: `?` -> `%s`, `INSERT OR IGNORE` -> `ON CONFLICT DO NOTHING`,
`INSERT OR REPLACE` -> an upsert on the primary key, `json_extract(x, '$.k')` ->
`x::json ->> 'k'`, SQLite's NULL ordering, ...). Rows read like `sqlite3.Row`, JSON
columns come back as text, integrity errors are `sqlite3.IntegrityError`, `BEGIN` gives a
read snapshot as in SQLite. Chosen over per-table subclasses because a method another
developer adds to a table class then works on both stores with no PostgreSQL twin, as
long as its SQL stays inside the translated subset; outside it, translation raises an
error naming the statement, which then needs an override in `PgStore` (as `search`
has: tsvector with a GIN index instead of FTS5, and `data_version`: a counter every
committed write moves, instead of SQLite's PRAGMA).

Schema: pg/migrations/NNN_*.sql, numbered like store/migrations (version N is the same
tables and columns on both stores; a test compares them), so a new SQLite migration
needs its PostgreSQL twin. Text columns use COLLATE "C" (SQLite's byte order, so every
ORDER BY lists the same way); JSON columns are json where they hold objects (text kept
exactly, key order included, so the dossier is byte for byte the SQLite one) and jsonb
where they hold lists of strings; blobs are bytea; an explicit bigserial `rowid` where
the store orders by insertion, with the look-up indexes ending in it.

Concurrency: each write batch is one transaction that first takes
`pg_advisory_xact_lock` on the store (SQLite's BEGIN IMMEDIATE: one writer at a time,
readers never blocked); migrations run under the same lock. Several processes can
ingest, build and serve on one store at once.

URL: `postgresql://user:password@host:port/database[?schema=NAME]`, any libpq parameter
allowed (e.g. `options=-csynchronous_commit%3Doff`); `schema` keeps one store per schema.
"""
from .connection import PgConnection
from .store import PgStore

__all__ = ["PgConnection", "PgStore"]
