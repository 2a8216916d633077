"""Contradictions between statements about the same thing (issue 4 fills this in)."""
from __future__ import annotations

from ..model import Contradiction
from ..store import Store


def find_contradictions(store: Store) -> list[Contradiction]:
    items: list[Contradiction] = []
    store.replace_contradictions(items)
    return items
