"""A page without a date placed on the day one of its phrases counts from a happening the
story's other pages date (resolve/offsets.py). Invented names throughout."""
from __future__ import annotations

import datetime as dt

from storyline.resolve.offsets import offsets, shifted

from .stories import build_story


def test_offset_phrases_are_read_with_their_count():
    assert [(o.what.strip(), o.days) for o in offsets("crews worked through the night on the third day of the "
                                                      "search at the Brantholm quarry")] == \
        [("search at the Brantholm quarry", 2)]
    assert [o.days for o in offsets("It was day six of the curfew.")] == [5]
    assert [(o.days, o.months) for o in offsets("A memorial garden opened, seven months to the day after the "
                                                "quarry wall fell.")] == [(0, 7)]
    assert [o.days for o in offsets("The board met ten days after the wall fell.")] == [10]
    assert [o.days for o in offsets("The board met two weeks after the wall fell.")] == [14]
    assert [(o.what, o.days) for o in offsets("All claims were settled, it said, five days ahead of the "
                                              "end-of-June deadline.")] == [("end-of-June deadline", -5)]


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
