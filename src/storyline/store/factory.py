"""Opening a store by its address: a file path (SQLite) or a postgresql:// URL."""
from __future__ import annotations

from pathlib import Path

from .db import Store

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | Path) -> bool:
    """Whether `target` names a PostgreSQL store rather than a SQLite file."""
    return str(target).startswith(URL_SCHEMES)


def open_store(target: str | Path) -> Store:
    """The SQLite store in a file (created if missing), or the PostgreSQL store at a
    `postgresql://` URL (its tables created on first use)."""
    if is_url(target):
        from .pg import PgStore  # psycopg is imported only for PostgreSQL stores

        return PgStore(str(target))
    return Store(target)
