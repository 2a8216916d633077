"""Dates of a happening told as a noun ("the May 27 strike", "the walkout on Friday, May 28"),
and days told only against a page's guessed date, which are too loose to accuse another
source with. Invented stories through the real pipeline; the noun reading on its own."""
from __future__ import annotations

import pytest

from storyline.analyze.contradiction_dates import event_noun

from .stories import build_story


def story(tmp_path, pages: dict[str, str]) -> dict:
    return build_story(tmp_path, pages, "2031-12-01")


def page(title: str, outlet: str, date: str, body: str) -> str:
    return f"{title}\n\n{date}\n\n{outlet} -- {body}"


def dated(d: dict, *needles: str) -> list[dict]:
    texts = lambda x: " | ".join(e["text"] for side in x["sides"] for e in side)  # noqa: E731
    return [x for x in d["contradictions"] if x["slot"] == "date" and all(n in texts(x) for n in needles)]


@pytest.mark.parametrize(("text", "phrase", "noun"), [
    ("The May 4 collapse of the Varrel footbridge injured nine.", "May 4", "collapse"),
    ("Calm returned after the riot at Brannoch on Sunday, June 8, in which a guard died.", "June 8", "riot"),
    ("Both parties broke the terms of the accord of May 2 within weeks.", "May 2", "accord"),
    ("Tarsel agreed new rosters after a stoppage on Friday June 6 that idled two mills.", "June 6", "stoppage"),
    ("the nurses, whose two-day strike on June 9 closed wards", "June 9", "strike"),
    ("Since Sunday's ballot the coalition has been divided.", "Sunday", "ballot"),
    # the date of the verb whose object the noun is, not of the noun
    ("Quillsoft said it got the audit findings on Monday, June 16.", "June 16", None),
    ("She stepped down on June 3.", "June 3", None),
    # a body or a person is no happening: the date is its verb's
    ("A Quorvel tribunal on Monday found that he may be sent home.", "on Monday", None),
    # a date a plan or a deadline sets is no happening
    ("The October 1 reopening date the operator gave in June has slipped.", "October 1", None),
    ("The deadline of June 1 came and went.", "June 1", None),
])
def test_the_happening_a_date_names_as_a_noun(text, phrase, noun):
    at = text.find(phrase)
    assert event_noun(text, at, at + len(phrase)) == noun


@pytest.mark.slow
def test_a_strike_and_a_stoppage_dated_a_day_apart(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Brannoch dock strike strands ships", "Port Wire", "May 30, 2031",
                      "The dockers' strike on May 27, 2031 stranded 40 container ships at Brannoch, "
                      "their union said on Thursday."),
        "b.txt": page("Brannoch port talks resume", "Harbour Ledger", "June 3, 2031",
                      "Union leaders met port managers on Monday, days after the stoppage at Brannoch on Wednesday, "
                      "May 28, 2031 that kept 40 container ships waiting."),
    })
    assert dated(d, "May 27, 2031", "May 28, 2031")


@pytest.mark.slow
def test_a_weekday_read_against_a_site_headers_date_does_not_accuse_a_written_day(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Varrel plant shut after leak", "Chemical Wire", "March 5, 2031",
                      "Tarsel Chemicals shut its Varrel plant on March 3, 2031 after a chlorine leak, the company "
                      "said. It was the plant's first leak since February 2031."),
        # the page's only date is the site header's (perhaps the day it was scraped): "on Tuesday"
        # is read against it, and may be a week off
        "b.txt": "Thursday, March 6, 2031 | Weather: 12°C\n\nVarrel residents want answers\n\n"
                 "Tarsel Chemicals shut its Varrel plant on Tuesday after a chlorine leak, residents said. "
                 "It was the plant's first leak since February 2031, the company said.",
    })
    assert not dated(d, "March 3, 2031", "on Tuesday")


@pytest.mark.slow
def test_a_weekday_reading_under_a_site_headers_date_is_no_moment_to_compare_counts_at(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Fever cases pass 1,300 in Brannoch", "Health Wire", "March 6, 2031",
                      "As of March 4, 2031, officials counted 1,380 fever infections and 19 fatalities in "
                      "Brannoch province."),
        # dated only by the site header: "as of Tuesday" may be a reading of weeks before
        "b.txt": "Thursday, March 6, 2031 | Weather: 9°C\n\nBrannoch fever toll\n\n"
                 "As of Tuesday, officials in Brannoch province counted 412 fever infections and nine fatalities, "
                 "the regional health office said. The outbreak started in February 2031.",
    })
    flagged = [x for x in d["contradictions"] if x["slot"] == "amount"
               and "nine fatalities" in " ".join(e["text"] for side in x["sides"] for e in side)]
    assert not flagged
