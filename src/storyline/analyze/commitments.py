"""Commitments: statements that something will happen by a date (issue 4 fills this in)."""
from __future__ import annotations

from ..model import Commitment
from ..store import Store


def find_commitments(store: Store) -> list[Commitment]:
    items: list[Commitment] = []
    store.replace_commitments(items)
    return items
