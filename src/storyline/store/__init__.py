"""The SQLite store: the only package that speaks SQL."""
from .db import Store
from .records import EntityKey

__all__ = ["EntityKey", "Store"]
