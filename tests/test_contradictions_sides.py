"""What a contradiction's sides hold: a page that tells one figure twice puts both tellings
on its side, whichever another page meets first. Invented stories, run through the real
pipeline."""
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
