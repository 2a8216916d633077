"""Shares told different ways by two outlets: percentages against ratios and fractions
("nearly four in ten", "about a quarter of"), shares "of people" against shares of a more
specific noun, and shares far apart (12 against 38 percent). Invented stories, run through
the real pipeline; near-misses: a fraction that rounds the other figure, a share that moves."""
from __future__ import annotations

import pytest

from .stories import build_story

pytestmark = pytest.mark.slow


def page(title: str, outlet: str, date: str, body: str) -> str:
    return f"{title}\n\n{date}\n\n{outlet} -- {body}"


def shares(d: dict) -> list[dict]:
    return [x for x in d["contradictions"] if x["slot"] == "amount" and x.get("unit") == "percent"]


def test_a_share_of_people_against_a_far_larger_share(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Benefit portal outage", "Valley Courier", "March 4, 2025",
                      "The agency said about 12 percent of claimants who tried to log in to the Orlen benefits "
                      "portal on Monday were affected by the outage."),
        "b.txt": page("Portal chaos", "Textile Ledger", "March 5, 2025",
                      "Figures seen by this paper show that 38 percent of people who tried to log in to the Orlen "
                      "benefits portal on Monday were turned away."),
    })
    assert shares(d), d["contradictions"]


def test_a_fraction_against_a_percentage_of_one_closed_set(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Kettle recall", "Valley Courier", "March 4, 2025",
                      "Brellmoor said about a quarter of the recalled kettles were sold in Orlen."),
        "b.txt": page("Kettle recall widens", "Textile Ledger", "March 20, 2025",
                      "Some 40 percent of the recalled kettles were sold in Orlen, according to the safety office."),
    })
    assert shares(d), d["contradictions"]


def test_a_fraction_that_rounds_the_percentage_agrees(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Power back for most", "Valley Courier", "March 4, 2025",
                      "Two-thirds of Orlen residents had their power back on Monday evening, the grid operator said."),
        "b.txt": page("Orlen outage eases", "Textile Ledger", "March 4, 2025",
                      "By Monday evening 65 percent of Orlen residents had their power back, the grid operator said."),
    })
    assert shares(d) == []


def test_a_rate_set_at_two_meetings_and_two_daily_moves_are_not_rival_shares(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Orlen bank raises rates", "Valley Courier", "March 6, 2025",
                      "The Orlen Reserve Bank raised its base rate by 50 basis points to 4.75 per cent on Thursday. "
                      "Brellmoor shares closed up 3.8 per cent."),
        "b.txt": page("Orlen bank holds", "Textile Ledger", "June 12, 2025",
                      "The Orlen Reserve Bank kept its base rate at 5.5 per cent. "
                      "Shares in Brellmoor were down 1.2% by midday."),
    })
    assert shares(d) == []


def test_two_tellings_of_one_vote_share(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Orlen dockers back deal", "Valley Courier", "May 2, 2025",
                      "Of the members who voted, 71 percent backed the agreement, the Orlen dockers' union said on "
                      "Friday."),
        "b.txt": page("Orlen port quiet again", "Textile Ledger", "October 1, 2025",
                      "The deal, approved in May by 68 percent of voting members of the Orlen dockers' union, ended "
                      "the strike."),
    })
    assert shares(d), d["contradictions"]


def test_one_proposal_told_with_two_figures_but_not_a_demand_against_an_offer(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Fine proposed for Orlen Water", "Valley Courier", "May 12, 2025",
                      "The water regulator said it had notified Orlen Water of a proposed civil penalty of $1.8 million "
                      "for breaking the drinking-water rules. The drivers' union is demanding a pay rise of 9 percent."),
        "b.txt": page("Report backs penalty", "Textile Ledger", "July 10, 2025",
                      "The report recommends that the $2.4 million penalty the water regulator proposed in May be "
                      "upheld. Bus operators have offered the drivers a pay rise of 4 percent."),
    })
    money = [x for x in d["contradictions"] if x["slot"] == "amount" and x.get("unit", "").startswith("money")]
    assert money, d["contradictions"]
    assert not shares(d)


def test_shares_more_than_four_times_apart_are_shares_of_two_things(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Fund builds stake in Brellmoor", "Valley Courier", "March 4, 2025",
                      "The Orlen pension fund said on Monday that it owns 6.4 percent of Brellmoor's shares."),
        "b.txt": page("Brellmoor vote", "Textile Ledger", "March 20, 2025",
                      "At the meeting, 44 percent of Brellmoor's shares were voted against the chairman."),
    })
    assert shares(d) == []


def test_a_pay_rise_agreed_is_an_amount_not_a_reading_of_a_changing_share(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Orlen drivers' deal", "Valley Courier", "April 17, 2025",
                      "The settlement hands Orlen tram drivers a pay rise of 8 percent over three years, the union "
                      "said."),
        "b.txt": page("Orlen drivers back deal", "Textile Ledger", "May 14, 2025",
                      "Orlen tram drivers will get a 6.5 percent pay rise over three years under the settlement, "
                      "along with longer breaks."),
    })
    assert shares(d), d["contradictions"]


def test_a_share_that_rose_on_a_later_page_is_still_an_update(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Orlen vaccination", "Valley Courier", "April 1, 2025",
                      "The health office said 41 percent of Orlen's over-75s had been vaccinated so far."),
        "b.txt": page("Orlen vaccination picks up", "Textile Ledger", "May 20, 2025",
                      "The share of Orlen's over-75s vaccinated has risen to 52 percent, the health office said."),
    })
    assert shares(d) == [], shares(d)
