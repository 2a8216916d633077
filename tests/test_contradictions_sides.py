"""What a contradiction's sides hold, and which figures may stand on one: a page that tells
one figure twice puts both tellings on its side, whichever another page meets first; a
figure beside a demand told in another clause of the sentence is a fact, not a position.
Invented stories, run through the real pipeline."""
from __future__ import annotations

import pytest

from .stories import build_story

pytestmark = pytest.mark.slow


def page(title: str, outlet: str, date: str, body: str) -> str:
    return f"{title}\n\n{date}\n\n{outlet} -- {body}"


def money(d: dict) -> list[dict]:
    return [x for x in d["contradictions"] if x["slot"] == "amount" and x.get("unit", "").startswith("money")]


def test_both_tellings_of_one_figure_on_a_page_stand_on_its_side(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Orlen flood families get a €75m fund", "Valley Courier", "August 6, 2025",
                      "The ministry and Brellmoor Water set up a €75m fund for the families of the Orlen flood "
                      "on Tuesday. On Tuesday, the ministry and Brellmoor launched a relief fund of 75 million euros "
                      "for families in Orlen Vale whose homes were flooded."),
        "b.txt": page("Anger at flood payout", "Textile Ledger", "August 8, 2025",
                      "The ministry and water company Brellmoor launched the 90 million euros relief fund for "
                      "families in Orlen Vale on Tuesday, three months after the flood."),
    })
    found = money(d)
    assert found, d["contradictions"]
    told = [e["text"] for x in found for side in x["sides"] for e in side if "75" in e["text"]]
    assert any("€75m" in t for t in told) and any("75 million euros" in t for t in told), found


def test_a_figure_beside_a_demand_in_another_clause_is_told_as_fact(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Vemm sells Orlen club", "Valley Courier", "January 14, 2025",
                      "Arlo Vemm, who has run Orlen Wanderers for a decade, keeps 15 per cent of the club after the "
                      "sale, the club said."),
        "b.txt": page("Wanderers fans fume", "Textile Ledger", "January 15, 2025",
                      "Under the sale, Arlo Vemm will keep 25 per cent of Orlen Wanderers, which angered "
                      "supporters who want him out."),
    })
    shares = [x for x in d["contradictions"] if x["slot"] == "amount" and x.get("unit") == "percent"]
    assert shares, d["contradictions"]


def test_a_figure_in_the_clause_of_a_demand_is_still_a_position(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Orlen drivers' pay talks", "Valley Courier", "March 3, 2025",
                      "The Orlen drivers' union said on Monday that it wants a pay rise of 9 percent this year."),
        "b.txt": page("Orlen buses: pay offer", "Textile Ledger", "March 4, 2025",
                      "The Orlen bus operators said on Monday that drivers will get a pay rise of 4 percent this "
                      "year."),
    })
    shares = [x for x in d["contradictions"] if x["slot"] == "amount" and x.get("unit") == "percent"]
    assert shares == [], shares
