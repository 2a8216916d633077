"""Contradictions on invented stories from domains the development stories do not cover
(courts, elections, sport, outages, aviation, construction, health, finance, disasters,
diplomacy): each story holds the disagreement a reader would see, told the ways newsrooms
tell it (other nouns for one quantity, money whose noun lies far away, one act told with
other verbs), and near-misses that must not be flagged (an update over time, a part, a
different moment, a rounded figure, the same source revising itself later).

Each story runs the real pipeline: ingest, build, dossier.
"""
from __future__ import annotations

import pytest

from .stories import build_story

pytestmark = pytest.mark.slow


def story(tmp_path, pages: dict[str, str], as_of: str = "2026-11-22") -> dict:
    return build_story(tmp_path, pages, as_of)


def page(title: str, outlet: str, date: str, body: str) -> str:
    return f"{title}\n\n{date}\n\n{outlet} -- {body}"


def texts(x: dict) -> str:
    return " | ".join(e["text"] for side in x["sides"] for e in side)


def found(d: dict, slot: str, *needles: str) -> list[dict]:
    """Contradictions of `slot` whose sides hold every needle."""
    return [x for x in d["contradictions"] if x["slot"] == slot and all(n in texts(x) for n in needles)]


def flagged(d: dict, needle: str) -> list[dict]:
    """Contradictions between sources that hold a sentence with `needle`."""
    return [x for x in d["contradictions"] if needle in texts(x) and x["kind"] == "between-sources"]


def test_aviation_people_on_board_told_with_other_nouns(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Jet skids off runway at Pellmar", "Pellmar Courier", "June 3, 2024",
                      "An Ostrava Air jet skidded off the runway at Pellmar airport on Sunday. The Ostrava Air jet "
                      "was carrying 182 passengers when it skidded off the runway, the airline said. "
                      "Twelve passengers were taken to hospital with minor injuries."),
        "b.txt": page("Runway accident: inquiry opens", "Daily Ledger", "June 4, 2024",
                      "Investigators opened an inquiry into Sunday's accident at Pellmar airport. There were 164 "
                      "people on board the Ostrava Air jet when it skidded off the runway, airport officials said. "
                      "The runway reopened on Monday afternoon."),
    })
    assert found(d, "amount", "182 passengers", "164 people")
    assert not flagged(d, "Twelve passengers")  # a part of those on board


def test_money_with_its_noun_far_away(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Harrow Bank books charge over mis-sold loans", "Finance Wire", "February 6, 2025",
                      "Harrow Bank took a charge of $410 million to compensate customers over mis-sold car loans, "
                      "the lender said on Thursday. Its quarterly revenue rose to $3.2 billion."),
        "b.txt": page("Harrow Bank sets aside funds for loan scandal", "Market Daily", "February 7, 2025",
                      "Harrow Bank set aside 470 million dollars to compensate customers over mis-sold car loans, "
                      "according to its annual report. Revenue for the year reached $12.5 billion."),
        "c.txt": page("Harrow Bank results", "Northern Post", "February 7, 2025",
                      "Harrow Bank said quarterly revenue was about $3.2 billion, and it will pay a dividend."),
    })
    assert found(d, "amount", "$410 million", "470 million dollars")
    assert not flagged(d, "$12.5 billion")  # a year's revenue, not a quarter's
    assert not flagged(d, "about $3.2 billion")  # rounded, agrees


def test_turnout_percentages_written_two_ways(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Lindgaard votes for a new mayor", "Lindgaard Herald", "October 14, 2024",
                      "Turnout in Sunday's mayoral election in Lindgaard was 47%, the electoral commission said. "
                      "In the northern district turnout reached 58%."),
        "b.txt": page("Low turnout in Lindgaard mayoral race", "Capital Times", "October 15, 2024",
                      "Only 41 percent of registered voters cast a ballot in Sunday's mayoral election in Lindgaard, "
                      "according to the final count."),
        "c.txt": page("Lindgaard polls open", "Capital Times", "October 13, 2024",
                      "By noon, turnout in the Lindgaard mayoral election stood at 19 percent, officials said."),
    })
    assert found(d, "amount", "47%", "41 percent")
    assert not flagged(d, "58%")  # one district
    assert not flagged(d, "19 percent")  # by noon: another moment


@pytest.mark.xfail(strict=True, reason="known gap: 'found guilty' is read as 'find' (the class of discover), "
                   "not as 'convict'; verbs with a particle or complement are told by their head alone")
def test_verdict_date_told_with_other_verbs(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Former treasurer found guilty", "Court News", "March 12, 2024",
                      "A jury in Brennick convicted former county treasurer Oskar Lindfors of embezzlement on "
                      "March 4, 2024, after a three-week trial. His lawyer said on Tuesday that he will appeal."),
        "b.txt": page("Lindfors to appeal embezzlement verdict", "Brennick Gazette", "March 13, 2024",
                      "Former county treasurer Oskar Lindfors, whom a Brennick jury found guilty of embezzlement "
                      "on February 26, 2024, will appeal, his lawyer said."),
    })
    dates = found(d, "date", "March 4, 2024", "February 26, 2024")
    assert dates
    assert not found(d, "date", "said on Tuesday")  # the day of telling dates no act


def test_final_score_of_one_match(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Rovers into cup final", "Sports Weekly", "May 12, 2024",
                      "Kelso Rovers beat Annfield United 3-1 in the cup semi-final on Saturday. Last week Rovers "
                      "drew 2-2 with Marston in the league."),
        "b.txt": page("Annfield out of the cup", "Evening Star", "May 12, 2024",
                      "Annfield United lost 2-1 to Kelso Rovers in the cup semi-final on Saturday, ending their "
                      "season."),
    })
    assert found(d, "tally", "3-1", "2-1")
    assert not flagged(d, "2-2")  # another game


def test_who_closed_the_bridge(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Tarnow bridge shut after cracks found", "Metro Record", "August 20, 2024",
                      "The Tarnow river bridge was closed by the Delmor Police on Monday after cracks were seen in "
                      "a pier. Traffic was diverted through the old town."),
        "b.txt": page("Engineer ordered bridge closure", "City Journal", "August 21, 2024",
                      "City engineer Marta Rennoch ordered the closure of the Tarnow river bridge on Monday after cracks "
                      "were seen in a pier, the city said."),
    })
    assert [x for x in d["contradictions"] if x["slot"] == "agent"]


def test_construction_cost_update_is_not_a_contradiction(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Harbour tunnel over budget", "Coastal News", "March 2, 2023",
                      "The Velden harbour tunnel will cost $1.8 billion, the transport agency said."),
        "b.txt": page("Harbour tunnel cost soars", "Coastal News", "November 20, 2023",
                      "The cost of the Velden harbour tunnel has risen to $2.6 billion, the transport agency said, "
                      "blaming steel prices."),
        "c.txt": page("Tunnel: the real bill", "Weekly Examiner", "November 21, 2023",
                      "The Velden harbour tunnel will cost $2.1 billion, according to documents seen by the Examiner, "
                      "not the figure the transport agency gave."),
    })
    assert not flagged(d, "$1.8 billion")  # an earlier estimate, updated later
    assert found(d, "amount", "$2.6 billion", "$2.1 billion")


def test_homes_and_properties_destroyed_by_one_flood(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Flood devastates Quorvel valley", "Valley Times", "April 9, 2024",
                      "The flood in the Quorvel valley destroyed 520 homes, the regional fire service said on Monday. "
                      "Some 1,200 residents spent the night in shelters."),
        "b.txt": page("Quorvel valley counts the damage", "National Express", "April 10, 2024",
                      "Insurers said 340 properties were destroyed by the flood in the Quorvel valley. "
                      "About 1,200 residents were in shelters."),
    })
    assert found(d, "amount", "520 homes", "340 properties")  # fewer properties than homes cannot be
    assert not flagged(d, "1,200 residents")  # the same figure, rounded in one


def test_talks_dated_with_other_verbs(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Ministers meet over fishing rights", "Diplomatic Post", "May 10, 2024",
                      "The foreign ministers of Ardenia and Corvalia met in Lisvik on May 6, 2024, to discuss "
                      "fishing rights in the strait, officials said on Wednesday."),
        "b.txt": page("Fishing talks resume", "World Report", "May 11, 2024",
                      "Ardenia and Corvalia resumed talks on fishing rights in the strait on May 2, 2024, when their "
                      "foreign ministers met in Lisvik."),
    })
    assert found(d, "date", "May 6, 2024", "May 2, 2024")


def test_landing_day_told_two_ways(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Stranded crew home at last", "Air Journal", "July 8, 2024",
                      "The Norvik Airways relief flight carrying the stranded crew landed in Hallen on July 2, 2024, "
                      "the airline said."),
        "b.txt": page("Relief flight back in Hallen", "Hallen Daily", "July 9, 2024",
                      "The Norvik Airways relief flight with the stranded crew touched down in Hallen on July 4, "
                      "2024, airport staff said."),
    })
    assert found(d, "date", "July 2, 2024", "July 4, 2024")


def test_outage_cause_and_users_affected(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Payments outage hits millions", "Tech Monitor", "September 3, 2024",
                      "The outage at payment firm Quillo on Monday affected 2.4 million customers, the company said. "
                      "Services were restored after six hours."),
        "b.txt": page("Quillo outage: what went wrong", "Byte Street", "September 4, 2024",
                      "Monday's outage at payment firm Quillo left 1.1 million customers unable to pay, "
                      "according to the banking regulator."),
        "c.txt": page("Quillo says outage is over", "Tech Monitor", "September 2, 2024",
                      "Quillo said on Monday morning that 300,000 customers in the north had been affected so far."),
    })
    assert found(d, "amount", "2.4 million customers", "1.1 million customers")
    assert not flagged(d, "300,000 customers")  # a region, an early reading


def test_outbreak_cases_grow_and_the_same_source_revises(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Measles outbreak in Durnholm", "Health Daily", "January 10, 2025",
                      "Health officials in Durnholm have confirmed 48 cases of measles so far, the health agency said."),
        "b.txt": page("Measles outbreak grows", "Health Daily", "January 24, 2025",
                      "Health officials in Durnholm have confirmed 112 cases of measles so far, the health agency said."),
        "c.txt": page("Durnholm measles: vaccination drive", "City Voice", "January 25, 2025",
                      "The Durnholm health agency said 112 measles cases had been confirmed, 30 of them in children "
                      "under five."),
    })
    assert not [x for x in d["contradictions"] if x["slot"] == "amount"]


def test_stake_bought_in_one_deal(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Pelworth buys into Arcos", "Deal Street", "November 4, 2024",
                      "Pelworth Capital acquired a 30% stake in the shipping group Arcos for $820 million, the two "
                      "companies said on Monday."),
        "b.txt": page("Arcos gets a new shareholder", "Harbour Business", "November 5, 2024",
                      "Pelworth Capital has bought a 24 percent stake in shipping group Arcos, according to a stock "
                      "exchange filing. Arcos shares rose 6 percent."),
    })
    assert found(d, "amount", "30%", "24 percent")
    assert not flagged(d, "rose 6 percent")


def test_rounded_and_part_figures_of_strikers(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Hospital staff walk out", "Medical Times", "June 11, 2024",
                      "About 4,000 nurses at Pelmont hospitals went on strike on Tuesday, the union said. "
                      "Some 600 of the nurses work in emergency wards."),
        "b.txt": page("Nurses strike in Pelmont", "Pelmont Post", "June 12, 2024",
                      "A total of 4,060 nurses at Pelmont hospitals went on strike on Tuesday, the health board said. "
                      "In the Elm district, 350 nurses joined the walkout."),
    })
    assert not [x for x in d["contradictions"] if x["slot"] == "amount"]


def test_departure_and_landing_are_two_acts(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Relief flight leaves Hallen", "Air Journal", "July 8, 2024",
                      "The Norvik Airways relief flight carrying the stranded crew took off from Hallen on July 2, "
                      "2024, the airline said."),
        "b.txt": page("Relief flight back in Hallen", "Hallen Daily", "July 9, 2024",
                      "The Norvik Airways relief flight with the stranded crew landed back in Hallen on July 4, "
                      "2024, airport staff said."),
    })
    assert not [x for x in d["contradictions"] if x["slot"] == "date"]


def test_a_whole_larger_than_its_part_agrees(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Ferry runs aground off Skellig", "Harbour Gazette", "October 2, 2024",
                      "The Marlo ferry was carrying 182 passengers and six crew when it ran aground off Skellig "
                      "on Tuesday, the operator said."),
        "b.txt": page("Ferry aground: all rescued", "Island Echo", "October 3, 2024",
                      "There were 188 people on board the Marlo ferry when it ran aground off Skellig on Tuesday, "
                      "the coastguard said."),
        "c.txt": page("Storm damage in Skellig", "Island Echo", "October 9, 2024",
                      "The storm in Skellig destroyed 300 homes, the council said on Monday."),
        "d.txt": page("Skellig storm: insurers count the cost", "Harbour Gazette", "October 10, 2024",
                      "Insurers said 420 properties were destroyed by the storm in Skellig."),
    })
    assert not [x for x in d["contradictions"] if x["slot"] == "amount"]


def test_a_count_that_rises_on_later_pages_is_an_update_not_a_disagreement(monkeypatch):
    import storyline.analyze.amounts as amounts

    from .test_contradictions_slots import q, stmt, vec

    def said(doc: str, outlet: str, date: str, word: str, n: int):
        text = f"{word} helicopters dropped water on the fire above Lannick, the fire service said."
        return stmt(doc, text, outlet, date, [q(word, n, "helicopter", text)], vector=vec(3))

    first = said("d1", "Coast Herald", "2031-03-03", "Three", 3)
    two_days_on = said("d2", "Island Mail", "2031-03-05", "Nine", 9)
    next_day = said("d3", "Island Mail", "2031-03-04", "Nine", 9)
    fewer_later = said("d4", "Island Mail", "2031-03-05", "Two", 2)
    assert amounts.amount_findings(first, two_days_on) == []  # more sent as the days pass: an update
    assert amounts.amount_findings(first, next_day)  # the next day: two tellings of one count
    assert amounts.amount_findings(first, fewer_later)  # fewer, later: not a rise
    monkeypatch.setattr(amounts, "rose_later", lambda *args: False)
    assert amounts.amount_findings(first, two_days_on)  # the rule is what sets the pair aside


def test_discovery_day_told_with_two_verbs_of_one_class(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Cracks found at Ulvmarsh plant", "Power Wire", "February 6, 2031",
                      "Ulvmarsh Energi said the cracks in the cooling pipework were discovered on January 28, 2031 "
                      "during a scheduled inspection."),
        "b.txt": page("Ulvmarsh cracks: what we know", "Grid Weekly", "February 8, 2031",
                      "The cracks in the cooling pipework were first spotted on February 3, 2031, according to "
                      "a safety report seen by this newspaper."),
    })
    assert found(d, "date", "January 28, 2031", "February 3, 2031")


def test_opening_and_closing_of_one_thing_are_two_acts(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Ulvmarsh bridge shut", "Power Wire", "March 6, 2031",
                      "The Ulvmarsh footbridge was closed on March 2, 2031 after inspectors found cracks."),
        "b.txt": page("Ulvmarsh bridge open again", "Grid Weekly", "March 20, 2031",
                      "The Ulvmarsh footbridge was reopened on March 18, 2031 after repairs to its cracks."),
    })
    assert not d["contradictions"]


def test_a_day_told_as_this_week_is_too_loose_to_accuse_another(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Ulvmarsh reactor halted", "Power Wire", "February 6, 2031",
                      "Ulvmarsh Energi shut down the second reactor at its Ulvmarsh power station on February 5, 2031 "
                      "after testing found cracked welds on its cooling pipework."),
        "b.txt": page("Watchdog halts Ulvmarsh reactor", "Grid Weekly", "February 8, 2031",
                      "The safety authority ordered the second reactor at the Ulvmarsh power station shut down this "
                      "week after inspectors found cracked welds on its cooling pipework."),
    })
    assert not found(d, "date", "February 5, 2031", "this week")


def test_the_first_warning_told_months_apart_with_the_year_written_out(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Minister questioned over Ulvmarsh tax system", "Ledger Weekly", "March 27, 2031",
                      "Finance Minister Hanne Ostvarn told MPs she was first warned of serious concerns about the "
                      "launch of the tax system on January 9, 2031."),
        "b.txt": page("Memo shows Ostvarn knew earlier", "Money Review", "June 18, 2031",
                      "Finance Minister Hanne Ostvarn was first warned of serious concerns about the tax system in "
                      "October 2030, when an agency memo flagged the identity check."),
    })
    assert found(d, "date", "January 9, 2031", "October 2030")


def test_a_side_holds_a_bounded_number_of_statements(tmp_path, monkeypatch):
    """Each join reads a side's statements: a side that keeps growing with the story would make
    every added article cost more (seen at 5,000 generated articles), so a side stops taking
    members at SIDE_MEMBERS; the contradiction itself stays."""
    import storyline.analyze.contradictions as module

    monkeypatch.setattr(module, "SIDE_MEMBERS", 2)
    outlets = ["Air Journal", "Hallen Daily", "Valley Times", "Hill Post", "Coast Radio"]
    pages = {f"b{i}.txt": page(f"Strike grounds Norvik flights {i}", outlet, f"March {20 + i}, 2031",
                              f"Norvik Airways cancelled 412 flights on March 20, 2031, the first day of the pilots' "
                              f"strike, {outlet} was told by airline staff in report number {i}.")
             for i, outlet in enumerate(outlets)}
    pages["a.txt"] = page("Airport counts the cost", "Ulvmarsh Post", "March 21, 2031",
                          "Norvik Airways cancelled 480 flights on March 20, 2031, the first day of the pilots' "
                          "strike, airport figures show.")
    d = story(tmp_path, pages)
    rival = found(d, "amount", "412 flights", "480 flights")
    assert rival
    assert max(len(side) for side in rival[0]["sides"]) <= 2


def test_a_change_told_elsewhere_in_the_sentence_does_not_make_a_count_a_reading(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Quarry inspection record", "Metro Record", "March 3, 2025",
                      "An inspection of the Ulvmarsh quarry in November found 14 safety violations, the inspectorate "
                      "said."),
        "b.txt": page("Quarry warnings ignored", "City Journal", "March 4, 2025",
                      "Ten days after the roof fell in at the Ulvmarsh quarry, this paper can reveal that the November "
                      "inspection of the quarry found 41 safety violations."),
    })
    assert found(d, "amount", "14 safety violations", "41 safety violations")


def test_counts_told_in_different_states_or_of_another_year_are_different_facts(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Orlen pit rescue", "Metro Record", "March 12, 2026",
                      "Six miners were brought out alive from the Orlen pit on Wednesday, the rescue service said. "
                      "A flood at the Orlen pit on Monday trapped 300 miners below ground."),
        "b.txt": page("Orlen pit mourns", "City Journal", "March 13, 2026",
                      "The roof fall at the Orlen pit on Wednesday killed two miners, the rescue service said. "
                      "A flood at the Orlen pit in 2009 trapped 120 miners below ground."),
    })
    assert not flagged(d, "brought out alive") and not flagged(d, "120 miners")


def test_a_count_of_other_members_is_another_set(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Orlen pit rescue ends", "Metro Record", "March 14, 2026",
                      "Rescuers brought 19 miners to the surface at the Orlen pit on Saturday."),
        "b.txt": page("Orlen pit rescue ends", "City Journal", "March 14, 2026",
                      "Rescuers brought twenty-six other miners to the surface at the Orlen pit on Saturday."),
    })
    assert not flagged(d, "twenty-six other miners")


def test_days_of_acts_alike_in_words_weeks_apart_are_two_acts(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Evacuation orders issued", "Valley Wire", "July 24, 2031",
                      "The Marrow County sheriff issued evacuation orders for the town of Tamsel on July 22, 2031 "
                      "as the Brisk Ridge fire spread north."),
        "b.txt": page("More evacuations near Brisk Ridge", "Ridge Courier", "August 10, 2031",
                      "The Marrow County sheriff issued evacuation orders for the village of Dunleath on August 9, 2031 "
                      "as the Brisk Ridge fire spread east."),
    })
    assert not found(d, "date", "July 22, 2031", "August 9, 2031")


def test_day_of_one_act_disagrees_though_each_sentence_counts_other_things(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Last survivors out of Dornholt tunnel", "Valley Courier", "March 16, 2026",
                      "The last four survivors of the Dornholt tunnel collapse were brought to the surface early "
                      "on Sunday, March 15, the regional rescue service said."),
        "b.txt": page("Rescue ends at Dornholt", "Ridge Herald", "March 17, 2026",
                      "The last group of survivors was brought to the surface at the Dornholt tunnel on Saturday, "
                      "March 14, ending an operation that brought 11 of the 13 trapped workers out alive."),
    })
    assert found(d, "date", "March 15", "March 14")


def test_readings_of_ships_and_vessels_on_two_days_are_no_disagreement(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Queue grows at Pelvar strait", "Tide Report", "April 3, 2025",
                      "According to the Pelvar port authority, 35 container vessels were waiting at anchor or had "
                      "postponed their arrival on Wednesday."),
        "b.txt": page("Ships stack up off Pelvar", "Harbour Post", "April 1, 2025",
                      "According to the Pelvar port authority, 31 container ships were waiting at anchor or had "
                      "postponed their arrival on Monday."),
    })
    assert not found(d, "date")


def test_the_price_of_one_deal_told_with_other_nouns(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Vaccine deal signed", "Health Ledger", "May 6, 2025",
                      "Tender records put the value of the deal at 12.6 million crowns for 200,000 doses of the "
                      "Brevalin vaccine from the Osterholt laboratory."),
        "b.txt": page("Minister defends vaccine purchase", "Morning Tribune", "May 9, 2025",
                      "The agreement with the Osterholt laboratory for the Brevalin vaccine was worth 9.8 million "
                      "crowns, the health minister said."),
    })
    assert found(d, "amount", "12.6 million", "9.8 million")


def test_sums_of_one_past_conference_are_no_update_though_money_is_still_awaited(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Donors pledge billions for Kessvar", "Ondrel Post", "May 21, 2025",
                      "International donors pledged €1.2 billion for the rebuilding of the Kessvar valley at a "
                      "conference in Ondrel on Tuesday, the government said."),
        "b.txt": page("A year on, Kessvar still waits", "Valley Times", "May 19, 2026",
                      "Donors promised the Kessvar valley 1.9 billion euros at last year's conference in Ondrel, "
                      "yet hundreds of families are still waiting for the money to rebuild."),
    })
    assert found(d, "amount", "1.2 billion", "1.9 billion")


def test_the_time_of_a_figure_is_not_the_day_it_was_told():
    from storyline.analyze.amounts import explicit_day
    from storyline.model import Sentence, TimeValue
    from storyline.story.statements import Statement

    text = "The agency said on Thursday that 62 percent had received their grants by the end of December."
    said = TimeValue("p", 0, 0, 0, "on Thursday", "date", "2026-01-22", "day", tense="past", verb="say")
    held = TimeValue("p", 0, 0, 0, "end of December", "date", "2025-12", "month", tense="past", verb="receive")
    s = Statement("p", Sentence("p", 0, 0, len(text), text), None, "2026-01-23", "2026-01-23", [said, held])
    assert explicit_day(s) == "2025-12"
    s.times = [said]
    assert explicit_day(s) == "2026-01-22"  # no other time named: the telling's day is the figure's


def test_a_share_told_by_a_later_telling_holds_for_the_day_it_names(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Grant payments pick up", "Ondrel Post", "January 23, 2026",
                      "The Kessvar reconstruction agency said on Thursday that 62 percent of approved homeowners "
                      "had received the first tranche of their rebuilding grants by the end of December."),
        "b.txt": page("Audit finds grant payments slower than claimed", "Valley Times", "March 3, 2026",
                      "The state audit office found that only 44 percent of eligible homeowners had received the "
                      "first tranche of their rebuilding grants by December 31, 2025."),
    })
    assert found(d, "amount", "62 percent", "44 percent")


def test_a_count_outside_the_dated_clause_does_not_make_two_tellings_readings(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Families move into Ostmoor camp", "Highland Post", "June 9, 2025",
                      "The first 40 families moved into the new container camp at Ostmoor on Saturday, four months "
                      "after the quake destroyed their homes."),
        "b.txt": page("Camps fill as winter nears", "Valley Times", "September 2, 2025",
                      "Some 2,100 families now live in container camps, the largest at Ostmoor, where the first "
                      "families moved in on June 14."),
    })
    assert found(d, "date", "on Saturday", "June 14")


def test_a_miscopied_figure_is_a_contradiction_not_an_update(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Ferry held at Tolvik after fire", "Harbour Post", "May 4, 2025",
                      "The ferry Fenwold Belle was held at Tolvik on Saturday with 1,347 passengers on board "
                      "after a small fire in its engine room, the operator said. The repair of the engine "
                      "room will cost 3.2 million kroner, the operator said."),
        "b.txt": page("Tolvik ferry fire: repairs begin", "Coastal Wire", "May 8, 2025",
                      "The Fenwold Belle had 1,374 passengers on board when fire broke out in its engine room "
                      "at Tolvik on Saturday, the harbour master said. The operator expects the repair to "
                      "cost 32 million kroner."),
    })
    assert found(d, "amount", "1,347 passengers", "1,374 passengers")  # the later, larger page is no update
    assert found(d, "amount", "3.2 million kroner", "32 million kroner")  # ten times: the point moved


def test_a_bill_and_an_invoice_for_one_sum(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Port board bills shipping line for salvage", "Harbour Post", "June 2, 2025",
                      "The port board has handed the Fenwold shipping line an invoice for 3.8 million kroner for "
                      "the salvage of the Tolvik wreck, the harbour office said on Monday."),
        "b.txt": page("Fenwold line faces salvage bill", "Coastal Wire", "June 5, 2025",
                      "The Fenwold shipping line is facing a bill for nearly 5 million kroner from the port board "
                      "over the salvage of the Tolvik wreck, the harbour office said."),
    })
    assert found(d, "amount", "3.8 million kroner", "5 million kroner")


def test_an_estimate_with_its_decimal_point_moved_months_later_is_no_revision(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Regional poll put off to spring", "Harbour Post", "March 3, 2025",
                      "Officials said reprinting the ballots would add an estimated 2.7 million kroner to the "
                      "budget of the regional poll."),
        "b.txt": page("Poll reprint bill revealed", "Coastal Wire", "July 20, 2025",
                      "Reprinting the ballots for the regional poll has cost the public purse 27 million kroner, "
                      "officials admitted."),
    })
    assert found(d, "amount", "2.7 million kroner", "27 million kroner")


def test_money_of_one_counted_set_told_two_ways(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Laundry firm's hospital deals questioned", "Quillmoor Times", "May 12, 2025",
                      "A laundry firm run by the health commissioner's cousin has been handed 9 contracts "
                      "by the district's hospitals since 2020, worth a combined 3.2 million dollars. "
                      "The commissioner denied any wrongdoing."),
        "b.txt": page("Inspector to review hospital laundry deals", "Valley Record", "May 13, 2025",
                      "The district inspector said on Tuesday she would review 9 laundry contracts, worth a total "
                      "of 5.1 million dollars, awarded to Brightwell Laundry since 2020."),
    })
    assert found(d, "amount", "3.2 million dollars", "5.1 million dollars")


def test_a_collapse_told_as_a_crash_dates_one_act(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Crane falls at Hallidane yard", "Port Wire", "April 9, 2031",
                      "A tower crane at the Hallidane shipyard collapsed onto an empty dock on April 7, 2031 "
                      "during a test lift, the yard's owner said."),
        "b.txt": page("Hallidane crane: what went wrong", "Dock Weekly", "April 12, 2031",
                      "The tower crane at the Hallidane shipyard crashed onto an empty dock on April 8, 2031 "
                      "during a test lift, according to an inspector's notes seen by this paper."),
    })
    assert found(d, "date", "April 7, 2031", "April 8, 2031")


def test_a_toll_told_as_now_higher_the_next_day_is_an_update(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Mudslide buries Tessmark road", "Valley Herald", "March 3, 2027",
                      "A mudslide cut the Tessmark pass road on Tuesday night. \"Four people have died and 11 are "
                      "unaccounted for,\" said Ivo Marnack, the regional fire chief."),
        "b.txt": page("Tessmark mudslide: search goes on", "Mountain Wire", "March 4, 2027",
                      "Six people are now known to have died and nine are unaccounted for after the Tessmark "
                      "mudslide, the civil protection service said on Thursday evening. Two hundred rescuers are "
                      "digging at the site."),
    })
    assert not flagged(d, "Four people")  # the next day's higher toll, told as the latest ("now")


def test_a_count_of_people_is_labelled_as_people_are_counted():
    from storyline.analyze.contradictions import describe

    assert describe("amount", [], [], {"unit": "people", "values": ["24", "31"]}) == "Number of people: 24 vs 31"
    assert describe("amount", [], [], {"unit": "vote", "values": ["108", "112"]}) == "Number of votes: 108 vs 112"


def test_a_later_page_counting_what_was_needed_on_the_first_pages_day_disagrees(tmp_path):
    first = page("Quarry search", "Quorvel Herald", "November 18, 2030",
                 "About 150 volunteers searched the slopes of the Tarsel quarry for the lost climber until dusk.")
    later = page("Tarsel search: a look back", "Varrel Post", "November 25, 2030",
                 "The search for the climber at the Tarsel quarry started at first light on Monday, November 18, "
                 "and 400 volunteers were needed to comb the slopes.")
    d = story(tmp_path, {"a.txt": first, "b.txt": later})
    # the later page tells of the first page's day, by its date: no later reading of a count
    assert found(d, "amount", "150 volunteers", "400 volunteers")
    toll = story(tmp_path / "toll", {
        "a.txt": page("Quarry collapse", "Quorvel Herald", "November 18, 2030",
                      'Rescuers dug through the night at the Tarsel quarry. "Five workers are dead and 8 are '
                      'unaccounted for," the site manager said.'),
        "b.txt": page("Tarsel collapse: a look back", "Varrel Post", "November 25, 2030",
                      "Rescuers dug for three days at the Tarsel quarry. Eleven workers died in the collapse on "
                      "November 18, and two are still unaccounted for."),
    })
    assert not found(toll, "amount")  # a toll grows as the missing are found, whatever day it is told of


def test_the_day_work_began_told_two_weeks_apart_disagrees(tmp_path):
    # work on a thing begins once: two days a fortnight apart are one start dated two ways
    d = story(tmp_path, {
        "a.txt": page("Tarsel viaduct repairs under way", "Valley Courier", "May 20, 2027",
                      "Work on the Tarsel viaduct began on May 3, the roads agency said, and the deck should "
                      "reopen to lorries by the autumn."),
        "b.txt": page("Viaduct crews start at last", "Ridge Herald", "May 18, 2027",
                      "Repairs to the bearings of the Tarsel viaduct started on Monday, a fortnight after "
                      "the date the roads agency had announced."),
    })
    assert found(d, "date", "May 3", "on Monday")
