"""Event salience: the timeline holds what a page reports; background goes to its own list.

Invented names and sentences only."""
from __future__ import annotations

import json
from importlib import resources

from storyline.analyze import salience

from .stories import build_story

LEAD = ("The Varrowdale Harbour Board closed the northern container quay on Tuesday after engineers "
        "found a crack in the quay wall, its chairman Edvin Laskaris said.")
BACKGROUND = ("The board, which was founded in 1987, has run the port since the old customs "
              "authority was wound up.")


def event(sentence: int, text: str, when: str, granularity: str, participants: int = 0,
          status: str = "past") -> dict:
    return {"id": f"v{sentence}", "when": when, "granularity": granularity, "status": status,
            "participants": [f"e{i}" for i in range(participants)], "sources": 1,
            "evidence": [{"doc": "d1", "sentence": sentence, "text": text}]}


def test_the_model_file_says_what_it_is_and_fits_the_features():
    data = json.loads(resources.files("storyline").joinpath("data", "models", "event_salience.json").read_text())
    assert data["about"] and data["features"] == list(salience.FEATURES)
    assert len(data["weights"]) == len(salience.FEATURES) and 0 < data["threshold"] < 1


def test_a_lead_happening_outranks_a_late_quoted_year_mention():
    pages = {"d1": "2025-03-14"}
    lead = event(0, LEAD, "2025-03-11", "day", participants=2)
    aside = event(14, '"We were founded in 1987," he said.', "1987", "year")
    assert salience.salience(lead, pages) >= salience.model()["threshold"]
    assert salience.salience(aside, pages) < salience.model()["threshold"]
    # the same sentence told later in the page and dated only to its month weighs less
    later = event(12, LEAD, "2025-03", "month", participants=2)
    assert salience.salience(later, pages) < salience.salience(lead, pages)


def test_split_keeps_every_event_and_never_demotes_one_told_by_two_outlets():
    aside = event(14, '"We were founded in 1987," he said.', "1987", "year")
    shared = {**aside, "id": "v99", "sources": 2}
    d = {"documents": [{"id": "d1", "date": "2025-03-14"}],
         "events": [event(0, LEAD, "2025-03-11", "day", participants=2), aside, shared]}
    salience.split_events(d)
    assert [e["id"] for e in d["events"]] == ["v0", "v99"]
    assert [e["id"] for e in d["background_events"]] == ["v14"]
    assert all("salience" in e for e in d["events"] + d["background_events"])
    salience.split_events(d)  # splitting again changes nothing
    assert [e["id"] for e in d["events"]] == ["v0", "v99"] and len(d["background_events"]) == 1


BODY = "\n\n".join([LEAD, "Ships were diverted to the southern quay on Wednesday, the board said.",
                    "Repairs are expected to take six weeks.", "Cargo volumes rose last year.",
                    "Traffic at the port has grown every year since 2015.", BACKGROUND])


def test_a_built_story_keeps_background_out_of_the_timeline_but_in_the_dossier(tmp_path):
    d = build_story(tmp_path, {"a.txt": "Quay closed after crack found\n\nMarch 14, 2025\n\n" + BODY})
    timeline = [e["evidence"][0]["text"] for e in d["events"]]
    background = [e["evidence"][0]["text"] for e in d["background_events"]]
    assert any("closed the northern container quay" in t for t in timeline)
    assert any("founded in 1987" in t for t in background)
    assert not any("founded in 1987" in t for t in timeline)


def test_the_report_lists_background_apart_from_the_timeline(tmp_path):
    from storyline.pipeline import build, ingest
    from storyline.present.dossier import build_dossier
    from storyline.present.report import render_report
    from storyline.store import Store

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("Quay closed after crack found\n\nMarch 14, 2025\n\n" + BODY)
    with Store(tmp_path / "s.db") as store:
        ingest([str(tmp_path / "pages")], store)
        build(store)
        d = build_dossier(store, as_of="2026-11-22")
        html = render_report(store, d)
    timeline, _, background = html.partition('id="background-events"')
    assert background and "founded in 1987" in background and "founded in 1987" not in timeline
    assert "closed the northern container quay" in timeline
