"""Near-duplicates: a reprint is linked to its original, not counted twice."""
from __future__ import annotations

import json

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


def test_a_word_for_word_reprint_by_another_outlet_is_a_document_of_its_own(tmp_path, store):
    """Two sites print one wire story word for word: both pages are kept (each outlet carried
    it), the second linked to the first; ingesting either again adds nothing."""
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": ORIGINAL, "url": "https://marrowherald.example/2024/03/10/floods"}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": ORIGINAL, "url": "https://valleypost.example/news/floods"}) + "\n")
    info = ingest([str(tmp_path)], store)
    assert info.items_out == 2 and info.skipped == 0
    docs = {d.source.split("/")[-1].split("#")[0]: d for d in store.docs.all()}
    assert {docs["a.jsonl"].outlet, docs["b.jsonl"].outlet} == {"Marrow Herald", "Valley Post"}
    first, second = sorted(docs.values(), key=lambda d: d.duplicate_of is not None)
    assert second.duplicate_of == first.id and first.duplicate_of is None and second.text == first.text
    again = ingest([str(tmp_path)], store)
    assert again.items_out == 0 and again.skipped == 2 and len(store.docs.all()) == 2


def test_the_same_page_from_the_same_outlet_is_not_stored_twice(tmp_path, store):
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(json.dumps({"text": ORIGINAL, "url": f"https://marrowherald.example/{name}"}) + "\n")
    info = ingest([str(tmp_path)], store)
    assert info.items_out == 1 and info.skipped == 1
