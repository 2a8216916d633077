"""The near-duplicate index is built once per store and kept up to date from one ingest batch
to the next (the HTTP API ingests a small batch per request): a batch decodes only the
signatures of originals it has not seen, and the index always holds exactly the stored
originals. Every name and sentence here is invented."""
from __future__ import annotations

from storyline.model import RawPage
from storyline.pipeline import add_pages, forget_documents
from storyline.resolve import duplicate_cache
from storyline.store import Store

TOWNS = ["Arvel", "Bressing", "Caddow", "Holmsby", "Elsing", "Farrow"]


def text(town: str, variant: str = "") -> str:
    return (f"Water pressure in {town} fell on Monday after a main burst near the old mill{variant}. "
            f"Engineers from the {town} water board said repairs would take two days, and bottled "
            f"water is handed out at the {town} sports hall. Schools in {town} stay open, the "
            f"council said, and residents are asked to boil tap water until further notice.")


def page(town: str, n: int, variant: str = "") -> RawPage:
    return RawPage(source=f"api#{n}", content=f"{town} water main bursts\n\n{text(town, variant)}", kind="text")


def counting(monkeypatch) -> list[int]:
    decoded = [0]
    real = duplicate_cache.from_bytes

    def from_bytes(data: bytes):
        decoded[0] += 1
        return real(data)

    monkeypatch.setattr(duplicate_cache, "from_bytes", from_bytes)
    return decoded


def originals(store: Store) -> set[str]:
    return {d.id for d in store.docs.all() if d.duplicate_of is None}


def test_a_batch_decodes_only_the_originals_it_has_not_seen(tmp_path, monkeypatch):
    decoded = counting(monkeypatch)
    with Store(tmp_path / "s.db") as store, Store(tmp_path / "s.db") as other:
        for i, town in enumerate(TOWNS[:3]):
            assert add_pages([page(town, i)], store).items_out == 1
        assert decoded[0] == 0  # the first batch's index was empty; its own pages are added as stored
        add_pages([page(TOWNS[3], 3)], other)  # another writer: decodes what it found stored
        assert decoded[0] == 3
        info = add_pages([page(TOWNS[3], 4, ", witnesses said")], store)  # a reprint of the other's page
        assert decoded[0] == 4 and info.notes["near_duplicates"] == 1
        assert set(duplicate_cache.duplicate_index(store).sigs) == originals(store)


def test_a_forgotten_original_leaves_the_index(tmp_path, monkeypatch):
    decoded = counting(monkeypatch)
    with Store(tmp_path / "s.db") as store:
        add_pages([page(t, i) for i, t in enumerate(TOWNS)], store)
        gone = next(d.id for d in store.docs.all() if TOWNS[0] in d.text)
        forget_documents(store, [gone])
        info = add_pages([page(TOWNS[0], 9, ", witnesses said")], store)
        assert info.notes["near_duplicates"] == 0  # nothing left to be a reprint of
        assert decoded[0] == len(TOWNS) - 1  # built again from the originals still stored
        assert set(duplicate_cache.duplicate_index(store).sigs) == originals(store)
