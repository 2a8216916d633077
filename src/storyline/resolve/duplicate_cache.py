"""The near-duplicate index of a store, kept from one ingest batch to the next.

Building the index decodes every original's signature (about 0.8 s for 1,000 pages); the
HTTP API ingests one small batch per request. So the index made for a store object is
kept, and each batch brings it up to date: the originals stored since (by this process or
another) are added in the order the store lists them; when one it holds is no longer an
original (forgotten, or since linked to another page) it is built again from the store.
Either way it holds exactly the originals stored, as one built afresh would.
"""
from __future__ import annotations

import weakref

from ..store import Store
from .duplicates import DuplicateIndex, from_bytes

_kept: weakref.WeakKeyDictionary[Store, DuplicateIndex] = weakref.WeakKeyDictionary()


def duplicate_index(store: Store) -> DuplicateIndex:
    """The index of the store's originals, up to date."""
    stored = store.docs.original_ids()
    index = _kept.get(store)
    if index is None or len(index.sigs) > len(stored) or not set(index.sigs) <= set(stored):
        index = DuplicateIndex()
    new = [x for x in stored if x not in index.sigs]
    for doc_id, blob in store.docs.minhashes(new if index.sigs else None):
        index.add(doc_id, from_bytes(blob))
    _kept[store] = index
    return index
