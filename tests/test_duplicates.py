"""Near-duplicates: a reprint is linked to its original, not counted twice."""
from __future__ import annotations

from storyline.pipeline import ingest

ORIGINAL = ("Flood waters rose along the Marrow river on Sunday, forcing 2,000 residents from their homes. "
            "Emergency services said the peak would pass by Tuesday evening. The regional governor declared "
            "a state of emergency and asked the army for help with sandbags and boats. Schools in the valley "
            "will stay closed until Wednesday, officials said.")


def test_reprint_is_linked_to_original(tmp_path, store):
    (tmp_path / "a.txt").write_text("Marrow floods force thousands out\n\n" + ORIGINAL)
    reprint = ORIGINAL.replace("on Sunday", "on Sunday morning") + " (Reporting by staff.)"
    (tmp_path / "b.txt").write_text("Floods force thousands from homes\n\n" + reprint)
    other = ("The city council approved a new cycling lane on Main Street after a two-hour debate. "
             "Work starts in May and should finish before the summer holidays, the council said.")
    (tmp_path / "c.txt").write_text("Council backs bike lane\n\n" + other)
    info = ingest([str(tmp_path)], store)
    assert info.notes["near_duplicates"] == 1
    docs = {d.source.split("/")[-1]: d for d in store.docs.all()}
    assert docs["b.txt"].duplicate_of == docs["a.txt"].id
    assert docs["a.txt"].duplicate_of is None and docs["c.txt"].duplicate_of is None
    # duplicates are not annotated again: only originals are queued
    assert set(store.docs.unannotated()) == {docs["a.txt"].id, docs["c.txt"].id}
