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
        "a.txt": page("Orlen fire victims get a 460m-crown fund", "Valley Courier", "August 6, 2025",
                      "The government and Brellmoor Refining set up a 460m-crown fund for the victims of the "
                      "Orlen refinery fire on Tuesday. On Tuesday, the government and Brellmoor announced a "
                      "compensation fund of 460 million crowns for households in Orlen Bay affected by the fire "
                      "and the evacuation."),
        "b.txt": page("Fury at refinery payout", "Textile Ledger", "August 8, 2025",
                      "The government and refinery giant Brellmoor unveiled the half a billion crowns compensation "
                      "fund for households in Orlen Bay on Tuesday, five months after the fire."),
    })
    found = money(d)
    assert found, d["contradictions"]
    told = [e["text"] for x in found for side in x["sides"] for e in side if "460" in e["text"]]
    assert any("460m-crown" in t for t in told) and any("460 million crowns" in t for t in told), found


def test_a_figure_beside_a_demand_in_another_clause_is_told_as_fact(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Vemm sells Orlen club", "Valley Courier", "January 14, 2025",
                      "Arlo Vemm, who has owned Orlen Wanderers since 2014, keeps 15 per cent of the club and a seat "
                      "on the board, the club said."),
        "b.txt": page("Wanderers fans fume", "Textile Ledger", "January 15, 2025",
                      "Under the terms of the sale, Arlo Vemm will hang on to 25 per cent of Orlen Wanderers, a detail "
                      "that has infuriated fans who want him gone for good."),
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
