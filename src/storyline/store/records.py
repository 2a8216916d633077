"""Records that cross the store boundary, and evidence lists as stored (JSON in one column)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from ..model import Evidence


def load_evidence(raw: str | None) -> list[Evidence]:
    return [Evidence(**e) for e in json.loads(raw or "[]")]


def dump_evidence(items: list[Evidence]) -> str:
    return json.dumps([asdict(e) for e in items], ensure_ascii=False)


@dataclass(frozen=True)
class EntityKey:
    """One spelling key of an entity, with the columns its look-ups use."""

    key: str
    entity_id: str
    kind: str
    last_token: str
    initials: str
    bucket: str
