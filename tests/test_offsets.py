"""A page without a date placed on the day one of its phrases counts from a happening the
story's other pages date (resolve/offsets.py). Invented names throughout."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.resolve.offsets import offsets, shifted

from .stories import build_story


def test_offset_phrases_are_read_with_their_count():
    assert [(o.what.strip(), o.days) for o in offsets("crews worked through the night on the third day of the "
                                                      "search at the Brantholm quarry")] == \
        [("search at the Brantholm quarry", 2)]
    assert [o.days for o in offsets("It was day six of the curfew.")] == [5]
    # "since": the day it counts from is the first, as with "of"
    assert [(o.what.strip(), o.days) for o in offsets("Divers went down again on the fourth day since the barge "
                                                      "sank at Brantholm.")] == [("barge sank at Brantholm", 3)]
    assert [(o.days, o.months) for o in offsets("A memorial garden opened, seven months to the day after the "
                                                "quarry wall fell.")] == [(0, 7)]
    assert [o.days for o in offsets("The board met ten days after the wall fell.")] == [10]
    assert [o.days for o in offsets("The board met two weeks after the wall fell.")] == [14]
    # any count written in words: "seventeen", "twenty-one"
    assert [o.days for o in offsets("Seventeen days after it was refused a berth, the ship is still at anchor.")] == [17]
    assert [o.days for o in offsets("The board met twenty-one days after the wall fell.")] == [21]
    assert [(o.what, o.days) for o in offsets("All claims were settled, it said, five days ahead of the "
                                              "end-of-June deadline.")] == [("end-of-June deadline", -5)]
    # the time since a happening: the page's own day
    assert [(o.what.strip(), o.days) for o in offsets("It is nine weeks since the landslip at Brantholm.")] == \
        [("landslip at Brantholm", 63)]
    assert [(o.what.strip(), o.months) for o in offsets("Fifteen months on from the quarry collapse, the "
                                                        "road is open.")] == [("quarry collapse", 15)]
    assert offsets("It will be a year since the wall fell.") == []


def test_hedged_or_planned_offsets_place_nothing():
    assert offsets("The board met nearly five months after the wall fell.") == []
    assert offsets("The board met more than ten days after the wall fell.") == []
    assert offsets("The new rules will take effect 30 days after the law is signed.") == []


def test_months_are_counted_to_the_day():
    assert shifted(dt.date(2026, 3, 10), months=8) == dt.date(2026, 11, 10)
    assert shifted(dt.date(2026, 1, 31), months=1) == dt.date(2026, 2, 28)
    assert shifted(dt.date(2026, 3, 10), 2) == dt.date(2026, 3, 12)
    assert shifted(dt.date(2026, 4, 30), -8) == dt.date(2026, 4, 22)


def test_undated_page_is_placed_by_the_day_it_counts_from(tmp_path):
    wall = ("The eastern wall of the Brantholm quarry collapsed on Tuesday, March 3, 2026, trapping six "
            "workers, the operator Kelvarn Stone said.")
    d = build_story(tmp_path, {
        "a.txt": "Quarry wall collapses\n\nMarch 3, 2026\n\n" + wall,
        "b.txt": "Six trapped at quarry\n\nMarch 4, 2026\n\n" + wall.replace("the operator", "its owner")
                 + " Rescuers reached the site within hours.",
        "c.txt": "rescue goes on\n\nrescuers at brantholm worked through the night on the third day of the "
                 "search after the quarry wall collapsed, and reached two of the six men on thursday "
                 "afternoon, the fire service said.",
    }, as_of="2026-11-22")
    c = next(doc for doc in d["documents"] if doc["title"] and "rescue" in doc["title"].lower())
    assert c["published"] is None
    assert c["anchor"] == "2026-03-05" and c["anchor_origin"] == "inferred"
    assert "third day of the search" in (c["published_flag"] or "")
    reached = [e for e in d["events"] if any(ev["doc"] == c["id"] for ev in e["evidence"])]
    assert reached and all(e["when"].startswith("2026-03") for e in reached)


def test_an_undated_page_read_before_the_pages_it_counts_from_is_placed_once_all_are_in(tmp_path):
    wall = ("The eastern wall of the Brantholm quarry collapsed on Tuesday, March 3, 2026, trapping six "
            "workers, the operator Kelvarn Stone said.")
    d = build_story(tmp_path, {  # pages are read in the order of their names: the undated one first
        "a.txt": "rescue goes on\n\nrescuers at brantholm worked through the night on the third day of the "
                 "search after the quarry wall collapsed, the fire service said.",
        "b.txt": "Quarry wall collapses\n\nMarch 3, 2026\n\n" + wall,
        "c.txt": "Six trapped at quarry\n\nMarch 4, 2026\n\n" + wall.replace("the operator", "its owner"),
    }, as_of="2026-11-22")
    a = next(doc for doc in d["documents"] if doc["title"] and "rescue" in doc["title"].lower())
    assert a["anchor"] == "2026-03-05" and "third day of the search" in (a["published_flag"] or "")


def test_a_page_without_any_offset_phrase_is_not_read_again():
    from storyline.resolve.offsets import may_offset

    assert may_offset("crews worked on the third day of the search") and may_offset("day six of the curfew")
    assert not may_offset("The board met on Friday and said it would meet again in May.")
    assert may_offset("It is a year since the wall fell.")


def test_undated_page_is_placed_on_the_latest_day_it_tells_with_its_year(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": "Levy plan unveiled\n\nJanuary 20, 2026\n\nThe Ostravel regional council said on Tuesday it "
                 "would put a tourist levy before its members in the spring.",
        "b.txt": "Council votes levy through\n\nThe Ostravel regional council approved the tourist levy on Feb. 11, "
                 "2026, by 31 votes to 12. On Thursday, hoteliers said they would challenge it in court.",
    }, as_of="2026-11-22")
    b = next(doc for doc in d["documents"] if doc["title"] and "votes" in doc["title"].lower())
    assert b["published"] is None
    assert b["anchor"] == "2026-02-11" and "Feb. 11, 2026" in (b["published_flag"] or "")
    said = [e for e in d["events"] if any(ev["doc"] == b["id"] and "hoteliers" in ev["text"] for ev in e["evidence"])]
    assert said and all(e["when"] == "2026-02-05" for e in said)


def test_an_old_day_a_page_names_does_not_date_it():
    from storyline.model import Sentence, TimeValue
    from storyline.resolve.offsets import told_day
    from storyline.story.statements import Statement

    def statement(text: str, value: str, tense: str) -> Statement:
        t = TimeValue("p", 0, 0, len(text), text, "date", value, "day", tense=tense)
        return Statement("p", Sentence("p", 0, 0, len(text), text, tense="past"), None, "2026-05", None, [t])

    assert told_day([statement("May 4, 2026", "2026-05-04", "past")])[0] == "2026-05-04"
    assert told_day([statement("March 3, 2019", "2019-03-03", "past")]) is None  # far from the story's pages
    assert told_day([statement("June 30, 2026", "2026-06-30", "future")]) is None  # a deadline, not a day told as past


@pytest.mark.parametrize("undated", ["c.txt", "0.txt"])  # read after the pages it counts from, or before them
def test_a_page_an_offset_placed_keeps_its_day_against_an_alike_sentence_of_another_week(tmp_path, undated):
    d = build_story(tmp_path, {
        "a.txt": "Velsund docks shut\n\nMarch 24, 2025\n\nThe strike at Velsund's container terminals began on "
                 "Monday, March 24, 2025, when dockworkers walked out, the Harbour Workers Union said.",
        "a2.txt": "Strike hits Velsund\n\nMarch 25, 2025\n\nThe strike at the Velsund container terminals, which "
                  "began on Monday, March 24, 2025, has halted all loading, the terminal operators said.",
        "b.txt": "Queue off Velsund grows\n\nApril 3, 2025\n\nAccording to the Velsund port authority, 35 container "
                 "vessels were waiting at anchor or had postponed their arrival on Wednesday.",
        undated: "strike day three\n\nit is the third day of the strike at velsund's container terminals. according "
                 "to the velsund port authority, 31 container ships were waiting at anchor or had postponed their "
                 "arrival by wednesday afternoon.",
    }, as_of="2026-11-22")
    c = next(doc for doc in d["documents"] if doc["title"] and "day three" in doc["title"].lower())
    assert c["anchor"] == "2025-03-26" and c["anchor_origin"] == "inferred"  # flagged, not moved


def test_a_day_told_as_counted_from_the_happening_is_not_its_day(tmp_path):
    # "opened on Friday, nearly 23 months after fire destroyed ...": Friday is not the fire's day
    d = build_story(tmp_path, {
        "a.txt": "Blaze at Quorvel abbey\n\nNovember 17, 2031\n\nThe Quorvel abbey at Tessavale lost its "
                 "library to fire overnight. The blaze started late on Sunday in the library wing, the "
                 "Tessavale fire brigade said.",
        "b.txt": "Library reopens at Quorvel abbey\n\nOctober 2, 2033\n\nThe rebuilt library of the Quorvel abbey "
                 "at Tessavale opened its doors on Friday, nearly 23 months after fire destroyed the old one.",
        "c.txt": "the abbey debate\n\nthree months after the fire at the quorvel abbey in tessavale, the monks "
                 "and the town still disagree on how to rebuild the library, the abbey's architect said.",
    }, as_of="2033-11-22")
    c = next(doc for doc in d["documents"] if doc["title"] and "debate" in doc["title"].lower())
    assert not (c["anchor"] or "").startswith(("2033-12", "2034"))


def test_a_page_keeps_the_month_and_day_of_its_own_dateline_against_an_offset(tmp_path):
    # the story dates the scrapped paper in September; the page's dateline says June 12:
    # the dateline is the page's own word on its day, the offset phrase counts from another one
    d = build_story(tmp_path, {
        "a.txt": "Varrel paper scrapped\n\nSeptember 10, 2031\n\nThe Tarsel exam board scrapped the Varrel "
                 "chemistry paper on Wednesday, September 10, 2031, after copies turned up on a message board.",
        "b.txt": "Tarsel exams halted\n\nBRANNOCH, June 12 (Quorvel Wire) - The Tarsel exam board called off every "
                 "remaining sitting, a week after it scrapped the Varrel chemistry paper. New sittings are planned "
                 "for July.",
    }, as_of="2032-01-10")
    b = next(doc for doc in d["documents"] if doc["title"] == "Tarsel exams halted")
    assert b["anchor"] == "2031-06-12"
