"""A wire dateline written without its year ("Sept 30 (Wirefast) -") is the page's day: the
reference-date inference gives it the year. Invented names only."""
from __future__ import annotations

from storyline.model import yearless_day
from storyline.resolve.anchors import Bounds, place_day

from .stories import build_story, page


def test_month_and_day_take_the_year_nearest_the_inferred_date_within_the_bounds():
    assert place_day((9, 30), "2031-06", Bounds("2031-06-25", None)) == "2031-09-30"
    assert place_day((1, 3), "2031-12", Bounds("2031-11-02", None)) == "2032-01-03"  # across the new year
    assert place_day((9, 30), "2031-06", Bounds("2031-10-15", None)) == "2032-09-30"  # it tells of October
    assert place_day((9, 30), "2031", Bounds(None, None), shown="2031-08-01") == "2030-09-30"  # a header bounds it
    assert yearless_day("dateline without its year: --09-30") == (9, 30)


def test_a_yearless_wire_dateline_gives_the_page_its_day(tmp_path):
    d = build_story(tmp_path, {
        "a.html": ("<html><head><meta property='article:published_time' content='2031-06-25'></head><body>"
                   "<h1>Ostby rebels get more time to disarm</h1><p>The government of Ostby and the Marwen "
                   "Liberation Front agreed in Valtra on Wednesday to push back the deadline for rebel fighters "
                   "to hand over their heavy weapons from June 30 to September 30, 2031.</p></body></html>"),
        "b.txt": page("Ostby rebels get until January to disarm", "",
                      "PORT VALTRA, Sept 30 (Wirefast) - The government of Ostby and the Marwen Liberation Front "
                      "agreed on Wednesday to push back, for the second time, the deadline for rebel fighters to "
                      "hand over their heavy weapons, which had been due on Wednesday, to January 31, 2032."),
    })
    b = next(x for x in d["documents"] if x["source"].endswith("b.txt"))
    assert (b["published"], b["published_origin"]) == ("2031-09-30", "dateline, year inferred")
    assert b["date"] == "2031-09-30"
