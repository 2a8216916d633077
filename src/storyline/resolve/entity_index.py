"""The look-ups entity resolution needs, on the store's indexed entity keys.

A name key ("tova quillane") belongs to one entity; the first entity to claim it keeps it.
Besides the keys themselves the resolver files each name under a few index values, so the
candidates for a rule come from one indexed look-up however large the story is:

- `part:<word>`: people by each word of their surname ("part:brandt" for "Emeric Brandt-Quell");
- `given:<word>`: people by given name (for "Sir Malcolm");
- `first:<word>`: organisations, facilities and events by their first word (short names,
  abbreviated tails, shortened names);
- `bag:<words>`: organisations by their words in any order ("Orvell-Quandt JV");
- `of:<form>`: organisations by their two word orders ("National Bank of Marovia");
- `acr:<letters>`: multi-word names by the acronyms they may go by, and by those letters
  sorted (an acronym of the name in another language's word order).

An index row is stored as an entity key "~<index>:<value>\\t<full key>", with that index
value in the `bucket` column; its own `last_token` and `initials` stay empty so the plain
key look-ups never see it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..names import initials
from ..store import EntityKey, Store


@dataclass(frozen=True)
class Filed:
    """One name filed under an index value: the full key, its entity and kind."""

    key: str
    entity_id: str
    kind: str
    row_key: str


def bucket_of(key: str, kind: str) -> str:
    return f"{kind}:{key[:1]}:{len(key.split())}"


class EntityIndex:
    """Keys and index values of one story's entities, through the store."""

    def __init__(self, store: Store):
        self.store = store
        self._filed: set[tuple[str, str]] = set()  # (row key, doc) written in this run

    # -- plain keys ------------------------------------------------------------------------
    def owner(self, key: str) -> EntityKey | None:
        return self.store.items.entity_key(key)

    def register(self, key: str, eid: str, kind: str, doc_id: str) -> None:
        if (key, doc_id) in self._filed:
            return
        self._filed.add((key, doc_id))
        words = key.split()
        row = self.store.items.entity_key(key)
        self.store.items.add_entity_key(EntityKey(
            key, row.entity_id if row is not None else eid, kind, words[-1],
            initials(key) if len(words) > 1 else key.upper(), bucket_of(key, kind)), doc_id)

    def by_initials(self, letters: str) -> list[EntityKey]:
        return self.store.items.entity_keys_where("initials", letters)

    def ending_with(self, token: str) -> list[EntityKey]:
        return self.store.items.keys_ending_with(token)

    def fuzzy_bucket(self, key: str, kind: str) -> list[EntityKey]:
        return self.store.items.entity_keys_where("bucket", bucket_of(key, kind))

    def seen_in(self, key: str, doc_id: str) -> bool:
        return self.store.items.key_seen_in(key, doc_id)

    # -- index values ----------------------------------------------------------------------
    def file(self, index: str, value: str, key: str, eid: str, kind: str, doc_id: str) -> None:
        row_key = f"~{index}:{value}\t{key}"
        if (row_key, doc_id) in self._filed:
            return
        self._filed.add((row_key, doc_id))
        self.store.items.add_entity_key(EntityKey(row_key, eid, kind, "", "", f"~{index}:{value}"), doc_id)

    def filed(self, index: str, value: str) -> list[Filed]:
        rows = self.store.items.entity_keys_where("bucket", f"~{index}:{value}")
        return [Filed(r.key.split("\t", 1)[1], r.entity_id, r.kind, r.key) for r in rows]
