"""Contradictions, commitments, corroboration and date sanity on small hand-written stories.

Each story is a few short articles written for the test (none from the demo corpus), run
through the real pipeline: ingest, build, dossier.
"""
from __future__ import annotations

import pytest

from storyline.pipeline import build, ingest
from storyline.store import Store

from .stories import build_story

pytestmark = pytest.mark.slow


def story(tmp_path, pages: dict[str, str], as_of: str = "2026-11-22") -> dict:
    return build_story(tmp_path, pages, as_of)


def sides_text(x: dict) -> list[str]:
    return [" ".join(e["text"] for e in side) for side in x["sides"]]


def test_casualty_figures_that_disagree(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Quake toll rises in Varnia\n\nMarch 3, 2023\n\nKALDOR (Varnia Wire) -- The earthquake in the "
                 "northern province killed 1,200 people, the interior ministry said on Friday.",
        "b.txt": "Varnia quake: rescue ends\n\nMarch 4, 2023\n\nRescue teams ended their search on Saturday. "
                 "The earthquake in the northern province killed 3,400 people, the Red Crescent said.",
    })
    counts = [x for x in d["contradictions"] if x["slot"] == "amount"]
    assert len(counts) == 1
    assert counts[0]["kind"] == "between-sources"
    assert sorted(counts[0]["values"]) == ["1,200", "3,400"]


def test_same_figure_is_not_a_contradiction(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Quake toll\n\nMarch 3, 2023\n\nThe earthquake in the northern province killed 1,200 people, the ministry said.",
        "b.txt": "Quake toll confirmed\n\nMarch 4, 2023\n\nThe earthquake in the northern province killed 1,200 people, aid groups said.",
    })
    assert d["contradictions"] == []


def test_vote_dated_differently_by_two_outlets(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Assembly backs dam\n\nJune 9, 2021\n\nThe regional assembly approved the Kessel dam project "
                 "in March 2019, despite protests by farmers in the valley.",
        "b.txt": "Dam row goes on\n\nJune 10, 2021\n\nOn May 14, 2020, the regional assembly passed a resolution "
                 "approving the Kessel dam project, despite protests by farmers in the valley.",
        "c.txt": "Dam work starts\n\nJuly 1, 2021\n\nThe regional assembly approved the Kessel dam project in 2020, "
                 "despite protests by farmers in the valley.",
    })
    dates = [x for x in d["contradictions"] if x["slot"] == "date"]
    assert len(dates) == 1
    texts = sides_text(dates[0])
    assert any("March 2019" in t for t in texts) and any("May 14, 2020" in t for t in texts)
    # a date told to the year only ("in 2020") is too loose to raise a disagreement of its own,
    # and is not yet added to the side it agrees with (a known gap)
    assert not any("in 2020" in t for t in texts)


def test_opposite_directions_of_change(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Border troops\n\nApril 2, 2022\n\nThe defence minister Ana Ruiz said Norland has reduced its "
                 "troops on the border.\n\nLocal officials said Norland had increased the number of troops on the border.",
    })
    dirs = [x for x in d["contradictions"] if x["slot"] == "direction"]
    assert len(dirs) == 1 and set(dirs[0]["values"]) == {"up", "down"}


def test_planned_cut_is_not_a_contradiction_of_an_increase(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Border troops\n\nApril 2, 2022\n\nThe defence minister Ana Ruiz said Norland plans to reduce its "
                 "troops on the border next year.\n\nLocal officials said Norland had increased the number of troops on the border.",
    })
    assert [x for x in d["contradictions"] if x["slot"] == "direction"] == []


def test_budget_deadline_moved_twice_forms_a_chain(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Budget due soon\n\nJanuary 10, 2022\n\nFinance minister Tomas Berg said the government will "
                 "submit the budget by March 31.",
        "b.txt": "Budget delayed\n\nMarch 20, 2022\n\nFinance minister Tomas Berg said the government will "
                 "submit the budget by June 30.",
        "c.txt": "Budget delayed again\n\nJune 25, 2022\n\nFinance minister Tomas Berg said the government will "
                 "submit the budget by September 30.",
    })
    ks = {k["due"]: k for k in d["commitments"]}
    assert set(ks) >= {"2022-03-31", "2022-06-30", "2022-09-30"}
    assert ks["2022-03-31"]["status"] == "superseded"
    assert ks["2022-03-31"]["superseded_by"] == [ks["2022-06-30"]["id"]]
    assert ks["2022-06-30"]["superseded_by"] == [ks["2022-09-30"]["id"]]
    assert ks["2022-09-30"]["status"] == "open"  # due after the newest page: nothing could be known yet
    assert d["commitments"] and all(k["evidence"] for k in d["commitments"])


def test_open_and_within_deadlines(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Ferry plan\n\nNovember 1, 2026\n\nThe port authority will open the new ferry terminal in 2027, "
                 "its director Lisa Moen said.\n\nOn Oct. 20, the minister said the old pier would close within 15 days.",
        "b.txt": "Harbour fees\n\nDecember 1, 2026\n\nThe port authority raised its harbour fees by 4 percent on "
                 "Monday, its director Lisa Moen said.",
    }, as_of="2026-12-22")
    ks = {k["due"]: k for k in d["commitments"]}
    assert ks["2027"]["status"] == "open"
    assert ks["2026-11-04"]["status"] == "unverified"  # 20 October + 15 days, passed before the newest page


def test_reprint_and_relayed_report_are_not_independent(tmp_path):
    body = ("The city council approved a new cycling lane on Main Street on Monday after a two-hour debate. "
            "Work starts in May and should finish before the summer holidays, the council said. "
            "Shop owners on Main Street said they feared losing parking spaces.")
    d = story(tmp_path, {
        "a.txt": "Council backs bike lane\n\nMarch 7, 2023\n\n" + body,
        "b.txt": "Bike lane approved\n\nMarch 8, 2023\n\n" + body.replace("on Monday", "on Monday evening"),
        "c.txt": "Bike lane: council says yes\n\nMarch 8, 2023\n\nAccording to the Metro News Agency, the city "
                 "council approved a new cycling lane on Main Street on Monday.",
    })
    assert sum(1 for doc in d["documents"] if doc["duplicate_of"]) == 1
    lane = next(e for e in d["events"] if "cycling lane" in e["summary"] and e["when"] == "2023-03-06")
    assert lane["sources"] == 2  # the original and the relaying outlet; the reprint is not counted
    assert lane["independent_sources"] == 2  # the council story's outlet, and Metro News Agency


def test_single_source_items_are_marked(tmp_path):
    d = story(tmp_path, {"a.txt": "Mine closes\n\nMay 2, 2022\n\nThe Orlen copper mine closed on Friday, "
                                  "the company said."})
    assert d["events"] and all(e["single_source"] for e in d["events"])


def test_display_date_contradicted_by_content_is_reanchored(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Talks announced\n\nMarch 9, 2023\n\nOn March 9, 2023, the Varnian government announced "
                 "official talks with the rebels to end the fighting in the north.",
        "b.txt": "12.1 C\nTuesday, October 3, 2023\n\nVarnia to talk to rebels\n\nThe Varnian government "
                 "announced on Thursday evening official talks with the rebels to end the fighting in the north.",
    })
    b = next(doc for doc in d["documents"] if doc["title"] == "Varnia to talk to rebels")
    # a display date is no publication date (clean/pubdate.py); the page, placed to the month
    # by its content, is re-anchored on the day the other page gives its "Thursday" act
    assert b["published"] is None and "display-date" in b["published_flag"]
    assert "content contradicts date" in b["published_flag"]
    assert b["anchor"] == "2023-03-09" and b["anchor_origin"] == "corrected"
    talks = [e for e in d["events"] if e["when"] == "2023-03-09"]
    assert talks and {ev["doc"] for ev in talks[0]["evidence"]} == {doc["id"] for doc in d["documents"]}


def test_firm_date_is_only_flagged(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Talks announced\n\nMarch 9, 2023\n\nOn March 9, 2023, the Varnian government announced "
                 "official talks with the rebels to end the fighting in the north.",
        "b.txt": "Varnia to talk to rebels\n\nOctober 3, 2023\n\nThe Varnian government "
                 "announced on Thursday evening official talks with the rebels to end the fighting in the north.",
    })
    b = next(doc for doc in d["documents"] if doc["title"] == "Varnia to talk to rebels")
    assert "content contradicts date" in (b["published_flag"] or "")
    assert b["anchor"] == "2023-10-03" and b["anchor_origin"] == "published"


def test_adding_one_article_updates_the_story_without_rebuilding(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("Quake toll rises\n\nMarch 3, 2023\n\nThe earthquake in the northern "
                                  "province killed 1,200 people, the interior ministry said on Friday.")
    (folder / "b.txt").write_text("Budget due soon\n\nJanuary 10, 2022\n\nFinance minister Tomas Berg said the "
                                  "government will submit the budget by March 31.")
    with Store(tmp_path / "s.db") as store:
        ingest([str(folder)], store)
        build(store)
        before = {k.id: k.superseded_by for k, _ in store.items.commitments()}
        assert store.docs.unindexed() == []
        (tmp_path / "c.txt").write_text("Quake: toll revised\n\nMarch 4, 2023\n\nThe earthquake in the "
                                        "northern province killed 3,400 people, the Red Crescent said.")
        (tmp_path / "d.txt").write_text("Budget late\n\nMarch 20, 2022\n\nFinance minister Tomas Berg said "
                                        "the government will submit the budget by June 30.")
        ingest([str(tmp_path / "c.txt"), str(tmp_path / "d.txt")], store)
        infos = build(store)
        story = infos[-1]
        assert story.items_in == 2  # only the new articles went through the story stages
        assert [x for x, _ in store.items.contradictions() if "1,200" in x.summary]
        after = {k.id: k.superseded_by for k, _ in store.items.commitments()}
        march = next(k for k, _ in store.items.commitments() if k.due == "2022-03-31")
        june = next(k for k, _ in store.items.commitments() if k.due == "2022-06-30")
        assert before[march.id] == [] and after[march.id] == [june.id]
        # building again from scratch gives the same story
        counts = (len(store.items.events()), len(store.items.contradictions()), len(store.items.commitments()))
        build(store, rebuild=True)
        assert (len(store.items.events()), len(store.items.contradictions()), len(store.items.commitments())) == counts


@pytest.mark.parametrize("name", ["synonym_groups", "change_up", "change_down"])
def test_the_general_vocabulary_is_data_with_a_header(name):
    from importlib import resources

    from storyline.lexicon import lexicon_lines

    text = resources.files("storyline").joinpath("data", "lexicons", f"{name}.txt").read_text()
    assert text.startswith("#") and "Source:" in text and "Used by" in text
    assert lexicon_lines(name)


def test_one_act_told_with_words_of_one_group_is_one_concept():
    from storyline.lexicon import concepts, direction

    assert {"approve", "law"} <= concepts("Councillors passed the motion") & concepts("the council adopted the bill")
    assert direction("Quorvel cut its fares") == "down" and direction("Quorvel doubled its fares") == "up"
