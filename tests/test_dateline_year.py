"""A wire dateline written without its year ("Sept 30 (Wirefast) -") is the page's day: the
reference-date inference gives it the year. Invented names only."""
from __future__ import annotations

import json

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
                   "<h1>Ulvmarsh rebels get more time to disarm</h1><p>The government of Ulvmarsh and the Marwen "
                   "Liberation Front agreed in Valtra on Wednesday to push back the deadline for rebel fighters "
                   "to hand over their heavy weapons from June 30 to September 30, 2031.</p></body></html>"),
        "b.txt": page("Ulvmarsh rebels get until January to disarm", "",
                      "PORT VALTRA, Sept 30 (Wirefast) - The government of Ulvmarsh and the Marwen Liberation Front "
                      "agreed on Wednesday to push back, for the second time, the deadline for rebel fighters to "
                      "hand over their heavy weapons, which had been due on Wednesday, to January 31, 2032."),
    })
    b = next(x for x in d["documents"] if x["source"].endswith("b.txt"))
    assert (b["published"], b["published_origin"]) == ("2031-09-30", "dateline, year inferred")
    assert b["date"] == "2031-09-30"


def test_a_header_date_by_the_weather_is_the_pages_own_when_its_reprint_has_that_day(tmp_path):
    body = ("PORT ULVMARSH (Wirefast) - Hundreds of Marwen Air flights were cancelled on Friday as the airline's "
            "pilots began a 48-hour strike over pay, leaving the departure halls at Ulvmarsh airport quiet.\n\n"
            "The airline said it had cancelled 412 flights on Friday and that some 38,000 passengers were "
            "affected. Pilots picketed outside the crew centre from early morning.")
    d = build_story(tmp_path, {
        "a.txt": "THE ULVMARSH STANDARD\nFriday 20 March 2031   |   Port Ulvmarsh 6\u00b0C, showers\n\n"
                 "Hundreds of Marwen Air flights grounded as pilots walk out\n\n" + body,
        "b.html": ("<html><head><meta property='article:published_time' content='2031-03-20'></head><body>"
                   "<h1>Marwen Air pilots walk out</h1>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
                   + "</body></html>"),
    })
    a = next(x for x in d["documents"] if x["source"].endswith("a.txt"))
    assert (a["published"], a["published_origin"]) == ("2031-03-20", "header, confirmed")


def test_a_reprint_without_a_year_is_dated_as_the_page_it_reprints(tmp_path):
    body = ("PORT VALTRA, Sept 30 (Wirefast) - The government of Ulvmarsh and the Marwen Liberation Front "
            "agreed on Wednesday to push back, for the second time, the deadline for rebel fighters to hand "
            "over their heavy weapons, which had been due on Wednesday, to January 31, 2032. The talks in "
            "Port Valtra will resume in November, mediators said.")
    d = build_story(tmp_path, {
        "a.html": ("<html><head><meta property='article:published_time' content='2031-06-25'></head><body>"
                   "<h1>Ulvmarsh rebels get more time to disarm</h1><p>The government of Ulvmarsh and the Marwen "
                   "Liberation Front agreed in Valtra on Wednesday to push back the deadline for rebel fighters "
                   "to hand over their heavy weapons from June 30 to September 30, 2031.</p></body></html>"),
        "b.txt": page("Ulvmarsh rebels get until January to disarm", "", body),
        "c.jsonl": json.dumps({"url": "https://valtraledger.example/world/rebels-get-until-january",
                               "text": "THE VALTRA LEDGER\nWorld | Politics | Sport\n\nRebels get until January"
                                       "\n\n" + body + "\n\nMore from the Valtra Ledger"}),
    })
    b = next(x for x in d["documents"] if x["source"].endswith("b.txt"))
    c = next(x for x in d["documents"] if "c.jsonl" in x["source"])
    assert c["duplicate_of"] == b["id"] or b["duplicate_of"] == c["id"]
    assert b["published"] == c["published"] == "2031-09-30"
