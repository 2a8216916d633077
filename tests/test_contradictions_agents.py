"""Who did one act, and how a vote went: two sources naming different agents of an act that
happens once, or different tallies of one vote. Invented names and sentences only."""
from __future__ import annotations

import numpy as np

from storyline.analyze.contradiction_agents import agent_acts, agent_findings, same_agent
from storyline.analyze.contradiction_tallies import tallies, tally_findings
from storyline.analyze.contradictions import block_keys, pair_findings
from storyline.lexicon import concepts
from storyline.model import Sentence, TimeValue
from storyline.story.statements import Statement

BASE = np.random.default_rng(11).normal(size=384)
BASE /= np.linalg.norm(BASE)


def vec(seed: int, mix: float) -> bytes:
    v = np.random.default_rng(seed).normal(size=384)
    v = mix * BASE + (1 - mix) * v / np.linalg.norm(v)
    return (v / np.linalg.norm(v)).astype(np.float16).tobytes()


ALIKE = 0.9  # mix giving sentences about one thing (cosine ~0.8)
UNLIKE = 0.0


def stmt(doc: str, text: str, outlet: str, mix: float = ALIKE, seed: int | None = None,
         origin: str | None = None, date: str = "2031-04-02") -> Statement:
    s = Statement(doc, Sentence(doc, 0, 0, len(text), text), outlet, date, date,
                  concepts=concepts(text), vector=vec(seed if seed is not None else hash(doc) % 1000, mix))
    s.origin = origin or outlet
    return s


def pair(ta: str, tb: str, mix: float = ALIKE, outlet_b: str = "Hill Post", origin_b: str | None = None):
    a = stmt("d1", ta, "Valley Times", mix, seed=1)
    b = stmt("d2", tb, outlet_b, mix, seed=2, origin=origin_b)
    return a, b


def two(text: str, speaker: str | None = None) -> list[tuple[str, str]]:
    """(act, agent) of each act a sentence of one page asserts."""
    s = stmt("d1", text, "Valley Times")
    s.speaker = speaker
    return [x[:2] for x in agent_acts(s)]


# --- who did it ---------------------------------------------------------------------------

def test_two_outlets_name_different_bodies_asking_for_the_same_closure():
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier last week.",
                "The closure of the eastern pier was requested by the Tolsey Fishing Guild.")
    found = agent_findings(a, b)
    assert found and found[0][0] == "agent"
    assert found[0][1]["values"] == ["Marwen Harbour Board", "Tolsey Fishing Guild"]


def test_at_the_request_of_and_orders_phrases_give_the_agent():
    a, b = pair("The eastern pier was closed at the request of the Tolsey Fishing Guild.",
                "The Marwen Harbour Board asked for the closure of the eastern pier.")
    assert agent_findings(a, b)
    c, d = pair("The plant was shut on the orders of Governor Ilse Rammond.",
                "Mayor Tobin Quell ordered the plant shut on Friday.")
    assert agent_acts(c) and agent_acts(c)[0][1] == "Ilse Rammond"
    assert agent_findings(c, d)


def test_perfect_tense_relative_clause_and_a_dated_passive_give_the_agent():
    assert [x[:2] for x in agent_acts(stmt("d1", "Transport Minister Ilse Rammond has ordered Tolsey Ferries "
                                            "to halt all sailings to Marwen.", "Valley Times"))] == \
        [("order", "Transport Minister Ilse Rammond")]
    assert [x[:2] for x in agent_acts(stmt("d1", "The suspension was ordered on Sunday 26 April by the "
                                            "Marwen Harbour Board.", "Valley Times"))] == \
        [("order", "Marwen Harbour Board")]
    assert [x[:2] for x in agent_acts(stmt("d1", "The Marwen Harbour Board, which ordered the suspension of "
                                            "the sailings in April, said little.", "Valley Times"))] == \
        [("order", "Marwen Harbour Board")]


def test_discovery_by_two_different_named_teams():
    a, b = pair("Engineers from Dastry Labs discovered the crack in the main spar.",
                "The crack in the main spar was first detected by Brackwen Aerospace.")
    assert agent_findings(a, b)


def test_same_agent_under_another_name_is_no_contradiction():
    assert same_agent("Marwen Harbour Board", "the Harbour Board")
    assert same_agent("MHB", "Marwen Harbour Board")
    assert same_agent("Ilse Rammond", "Governor Rammond")
    assert not same_agent("Marwen Harbour Board", "Tolsey Fishing Guild")
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The closure of the eastern pier was requested by the MHB.")
    assert agent_findings(a, b) == []


def test_part_or_spokesperson_of_the_other_is_the_same_agent():
    a, b = pair("Marwen Council asked for the closure of the eastern pier.",
                "The closure of the eastern pier was requested by the Marwen Council planning committee.")
    assert agent_findings(a, b) == []


def test_different_acts_do_not_disagree_on_the_agent():
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The Tolsey Fishing Guild discovered the damage to the eastern pier.")
    assert agent_findings(a, b) == []


def test_different_objects_do_not_disagree():
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The Tolsey Fishing Guild asked for a new tax on imported nets.", mix=UNLIKE)
    assert agent_findings(a, b) == []


def test_same_outlet_or_wire_reprint_is_not_two_sources():
    ta = "The Marwen Harbour Board asked for the closure of the eastern pier."
    tb = "The closure of the eastern pier was requested by the Tolsey Fishing Guild."
    a, b = pair(ta, tb, outlet_b="Valley Times")
    assert agent_findings(a, b) == []
    a, b = pair(ta, tb, origin_b="Valley Times")
    assert agent_findings(a, b) == []


def test_hedged_future_negated_and_questions_are_not_asserted():
    tb = "The closure of the eastern pier was requested by the Tolsey Fishing Guild."
    for ta in ("The Marwen Harbour Board reportedly asked for the closure of the eastern pier.",
               "The Marwen Harbour Board may have asked for the closure of the eastern pier.",
               "The Marwen Harbour Board will ask for the closure of the eastern pier.",
               "The Marwen Harbour Board did not ask for the closure of the eastern pier.",
               "Did the Marwen Harbour Board ask for the closure of the eastern pier?",
               "Rumours that the Marwen Harbour Board asked for the closure of the eastern pier were denied."):
        a, b = pair(ta, tb)
        assert agent_findings(a, b) == [], ta


def test_habitual_or_repeated_acts_and_speech_are_not_one_act():
    tb = "The closure of the eastern pier was requested by the Tolsey Fishing Guild."
    for ta in ("The Marwen Harbour Board has repeatedly asked for the closure of the eastern pier.",
               "The Marwen Harbour Board again asked for the closure of the eastern pier.",
               "The Marwen Harbour Board said the closure of the eastern pier was needed."):
        a, b = pair(ta, tb)
        assert agent_findings(a, b) == [], ta


def test_two_agents_joined_in_one_act_are_not_rivals():
    tb = "The closure of the eastern pier was requested by the Tolsey Fishing Guild."
    for ta in ("The Marwen Harbour Board and the Osk Ferry Company asked for the closure of the eastern pier.",
               "The Marwen Harbour Board, backed by the Osk Ferry Company, asked for the closure of the eastern pier."):
        a, b = pair(ta, tb)
        assert agent_findings(a, b) == [], ta


def test_other_sentence_naming_both_agents_is_no_contradiction():
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The Tolsey Fishing Guild asked for the closure of the eastern pier after the Marwen Harbour Board "
                "warned of damage.")
    assert agent_findings(a, b) == []


def test_pronouns_and_common_nouns_are_no_named_agent():
    for text in ("He asked for the closure of the eastern pier.",
                 "Officials asked for the closure of the eastern pier.",
                 "The closure of the eastern pier was requested by residents."):
        assert agent_acts(stmt("d1", text, "Valley Times")) == [], text


def test_caused_by_names_and_found_that_is_a_finding_not_an_act():
    assert agent_acts(stmt("d1", "The outage was caused by Brellan Power.", "Valley Times"))
    assert agent_acts(stmt("d1", "Dastry Labs found that the spar was weak.", "Valley Times")) == []


def test_agent_slot_is_a_block_key_and_a_pair_finding():
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The closure of the eastern pier was requested by the Tolsey Fishing Guild.")
    assert "agent:request" in block_keys(a) and "agent:request" in block_keys(b)
    assert any(slot == "agent" for slot, _ in pair_findings(a, b))


# --- tallies ------------------------------------------------------------------------------

def test_tally_forms_are_read():
    assert tallies(stmt("d1", "The council voted 9-4 to approve the plan.", "V"))[0][1] == (9, 4)
    assert tallies(stmt("d1", "The board voted six to one in favour.", "V"))[0][1] == (6, 1)
    assert tallies(stmt("d1", "The motion passed by five votes to two.", "V"))[0][1] == (5, 2)
    assert tallies(stmt("d1", "The plan was approved by a vote of 10 to 3.", "V"))[0][1] == (10, 3)
    assert tallies(stmt("d1", "Rovers won 3-1 at home.", "V"))[0] == ("score", (3, 1))


def test_different_tallies_of_one_vote_from_two_outlets_disagree():
    a, b = pair("The Marwen council voted 9-4 to approve the harbour plan.",
                "The harbour plan was approved by the Marwen council by a vote of 10 to 3.")
    found = tally_findings(a, b)
    assert found and found[0][0] == "tally" and found[0][1]["values"] == ["9-4", "10-3"]
    assert any(slot == "tally" for slot, _ in pair_findings(a, b))


def test_same_tally_written_two_ways_agrees():
    a, b = pair("The Marwen council voted 9-4 to approve the harbour plan.",
                "The harbour plan was approved by the Marwen council by nine votes to four.")
    assert tally_findings(a, b) == []


def test_tallies_of_unlike_sentences_votes_against_scores_or_one_outlet_do_not_disagree():
    a, b = pair("The Marwen council voted 9-4 to approve the harbour plan.",
                "The Osk school board voted 5-2 to close two schools.", mix=UNLIKE)
    assert tally_findings(a, b) == []
    a, b = pair("The Marwen council voted 9-4 to approve the harbour plan.",
                "The Marwen council voted 10-3 to approve the harbour plan.", outlet_b="Valley Times")
    assert tally_findings(a, b) == []
    a, b = pair("Rovers won 3-1 at the harbour ground.", "The Marwen council voted 2-1 at the harbour ground.")
    assert tally_findings(a, b) == []


def test_ranges_dates_and_sentences_giving_both_tallies_are_not_disagreement():
    for text in ("The 2030-31 budget was approved by the council.", "Shops open 9-5 on weekdays.",
                 "Prices rose 3-4 percent."):
        assert tallies(stmt("d1", text, "V")) == [], text
    a, b = pair("The Marwen council voted 9-4 to approve the plan, after a 10-3 vote on the first reading.",
                "The Marwen council voted 10-3 on the plan.")
    assert tally_findings(a, b) == []


SOMEWHAT = 0.48  # sentences told differently (cosine ~0.45)


def test_one_body_on_one_day_told_differently_disagrees_on_the_tally():
    a, b = pair("The Osk planning council voted 7-2 to approve the marina, the clerk said.",
                "The council was split 6-3, according to the minutes, with two members absent.", mix=SOMEWHAT)
    assert 0.35 < (a.similarity(b) or 0) < 0.6
    assert tally_findings(a, b) and tally_findings(a, b)[0][1]["values"] == ["7-2", "6-3"]


def test_loosely_alike_tallies_of_other_bodies_days_or_motions_do_not_disagree():
    a, b = pair("The Osk planning council voted 7-2 to approve the marina, the clerk said.",
                "The board was split 6-3, according to the minutes, with two council members absent.",
                mix=SOMEWHAT)
    assert tally_findings(a, b) == []  # board and council: two bodies
    a = stmt("d1", "The Osk planning council voted 7-2 to approve the marina.", "Valley Times", SOMEWHAT,
             seed=1, date="2031-04-02")
    b = stmt("d2", "The council was split 6-3 on the marina, the minutes show.", "Hill Post", SOMEWHAT,
             seed=2, date="2031-04-20")
    assert tally_findings(a, b) == []  # weeks apart: another meeting
    a, b = pair("The Osk planning council voted 7-2 to approve the marina budget.",
                "The Osk planning council voted 6-3 to delay the marina budget.")
    assert tally_findings(a, b) == []  # two motions


def test_own_things_purchases_counts_and_prices_are_not_one_act_of_rival_agents():
    for text in ("Brellan Power closed its plant in the north.", "Vandril Air ordered 40 jets last year.",
                 "Shares of Vandril Air closed at $5.", "Brackwen Aerospace found 14 faults in the spar.",
                 "Residents in Marwen asked for the closure of the eastern pier."):
        assert agent_acts(stmt("d1", text, "Valley Times")) == [], text
    a, b = pair("Brellan Power said Vandril Air caused the outage at the harbour.",
                "Vandril Air said Brellan Power caused the outage at the harbour.")
    assert agent_findings(a, b) == []  # each names both: a dispute told by each side, not two tellings


def without_vector(s: Statement) -> Statement:
    s.vector = None
    return s


def test_without_embeddings_words_and_the_meeting_decide():
    a, b = pair("The Osk planning council voted 7-2 to approve the marina, the clerk said.",
                "The council was split 6-3 on the marina, according to the clerk.")
    assert tally_findings(without_vector(a), b)
    a, b = pair("The Osk planning council voted 7-2 to approve the marina, the clerk said.",
                "The board was split 6-3 on the marina, according to the clerk.")
    assert tally_findings(without_vector(a), b) == []
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The closure of the eastern pier was requested by the Tolsey Fishing Guild.")
    assert agent_findings(without_vector(a), b)
    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The Tolsey Fishing Guild asked for the closure of its eastern offices in the city centre for repairs.")
    assert agent_findings(without_vector(a), b) == []


def test_a_new_page_meets_an_earlier_teller_of_the_act_through_the_index(tmp_path):
    """Statements with no time or figure have no candidate pool; an act or a tally still
    looks up earlier statements by the words of what was done (not the agents' names)."""
    from storyline.analyze.contradictions import update_contradictions
    from storyline.store.factory import open_store

    a, b = pair("The Marwen Harbour Board asked for the closure of the eastern pier.",
                "The closure of the eastern pier was requested by the Tolsey Fishing Guild.")
    c, d = pair("The Osk planning council voted 7-2 to approve the marina, the clerk said.",
                "The council was split 6-3 on the marina, according to the clerk.")
    c.sentence.index = c.sentence.index + 1
    d.sentence.index = d.sentence.index + 1
    from storyline.model import Document
    with open_store(str(tmp_path / "s.db")) as store:
        for doc in ("d1", "d2"):
            store.docs.add(Document(id=doc, source=f"{doc}.txt", text="x"))
        store.index.save("d1", [(s.sentence.index, s.to_data(), sorted(s.concepts)) for s in (a, c)],
                         {s.sentence.index: s.vector for s in (a, c) if s.vector})
        assert update_contradictions(store, [b, d], {b.key: [], d.key: []}) == 2
        assert store.items.contradictions_with([a.key], "agent")
        assert store.items.contradictions_with([c.key], "tally")


def test_the_act_needs_asserting_only_in_its_own_clause():
    # "would" belongs to what she promised, not to the order: the order is told as done
    text = ("Ports minister Halla Hollstrand, who ordered the closure of the eastern pier last month, said "
            "fishermen would be paid by June.")
    assert agent_acts(stmt("d1", text, "Valley Times")) == [("order", "Halla Hollstrand", "ordered")]
    assert agent_acts(stmt("d1", "Halla Hollstrand may have ordered the closure of the eastern pier.",
                           "Valley Times")) == []


def test_agents_told_by_role_body_or_the_speakers_own_words():
    a = stmt("d1", "The motion, tabled by opposition councillor Ruan Keld in May, passed by one vote.",
             "Valley Times")
    assert agent_acts(a) == [("table", "Ruan Keld", "tabled")]
    b = stmt("d2", "The amendment was tabled by Harbour Party member Isolde Marr.", "Hill Post")
    assert agent_acts(b) == [("table", "Isolde Marr", "tabled")]
    c = stmt("d3", "The harbour authority ordered the closure of the eastern pier.", "Hill Post")
    assert agent_acts(c) == [("order", "harbour authority", "ordered")]
    d = stmt("d4", "Osk Ferries said on Thursday that it had ordered the closure of the eastern pier.", "Hill Post")
    d.speaker = "Osk Ferries"
    assert agent_acts(d) == [("order", "Osk Ferries", "ordered")]
    e = stmt("d5", "The company ordered the closure of the eastern pier.", "Hill Post")
    assert agent_acts(e) == []  # a company named only by what it is may be any company


def test_an_agent_with_a_day_before_the_verb_or_in_a_cleft_sentence():
    assert [x[:2] for x in agent_acts(stmt("d1", "Governor Ilse Rammond on Tuesday ordered Tolsey Ferries to halt "
                                            "all sailings to Marwen.", "Valley Times"))] == \
        [("order", "Ilse Rammond")]  # (the title left out at the sentence's start)
    a, b = pair("Mayor Tobin Quell late on Sunday ordered Tolsey Ferries to halt all sailings to Marwen.",
                "It was Governor Ilse Rammond who ordered Tolsey Ferries to halt all sailings to Marwen.")
    found = agent_findings(a, b)
    assert found and found[0][1]["values"] == ["Tobin Quell", "Ilse Rammond"]


def test_a_postponement_or_a_curb_imposed_is_an_order_of_one_agent():
    a, b = pair("Speaker Rhian Nwachi postponed the vote on the harbour levy by one week.",
                "The vote on the harbour levy came a week late, a delay Premier Ilse Rammond ordered.")
    assert [x[0] for x in agent_acts(a)] == ["order"]
    assert agent_findings(a, b)


# --- a body's choice told as a vote or a decision -----------------------------------------

def test_a_board_vote_or_decision_is_who_decided_it():
    assert two("The board of the Orlen Canal Company voted 5-2 on Monday to close the upper locks.") == \
        [("order", "Orlen Canal Company")]
    assert two("It was the trust's board that voted on Friday night last week to close the upper locks.") == \
        [("order", "trust's board")]
    assert two("The board of the Orlen Canal Company decided on Monday that barges may use only the lower locks.") == \
        [("order", "Orlen Canal Company")]
    assert two("The decision was taken by the trust's management board, by four votes to one.") == \
        [("order", "trust's management board")]
    assert two("Police ordered the towpath cleared on Sunday.") == [("order", "Police")]
    assert two("The decision to shut the towpath was taken by the board of the Orlen Canal Trust.") == \
        [("order", "board of the Orlen Canal Trust")]
    assert two("Harbour Minister Edda Quill personally ordered the towpath shut.") == \
        [("order", "Harbour Minister Edda Quill")]


def test_a_members_vote_or_an_empty_choice_is_no_decision():
    for text in ("Deputy Chair Brannoc Ashlow voted to keep the upper locks open.",
                 "The Orlen Canal Company voted against the closure.",
                 "The trust's board decided nothing on Monday.",
                 "Officials decided to close the road."):
        assert agent_acts(stmt("d1", text, "Valley Times")) == [], text


def test_a_board_vote_against_a_ministers_order_disagrees_on_who_decided():
    a, b = pair("The board of the Orlen Canal Company voted 5-2 on Monday to close the upper locks to barges.",
                "Transport Minister Halla Dunrick ordered the upper locks closed to barges on Monday.")
    found = agent_findings(a, b)
    assert found and found[0][1]["values"] == ["Orlen Canal Company", "Transport Minister Halla Dunrick"]


def test_a_rival_named_in_a_coordinated_statement_still_disagrees():
    """"... that the trust's board voted to close the locks, and that the minister was told
    only afterwards" names the minister outside the act; "suspension" and "suspend" are one
    word's forms."""
    a, b = pair("Transport Minister Halla Dunrick ordered the suspension of barge traffic on the Orlen canal late on "
                "Wednesday.",
                "Minutes seen by the Hill Post show that it was the trust's board that voted on Wednesday night to "
                "suspend barge traffic on the Orlen canal, and that Halla Dunrick was told only after the vote.")
    found = agent_findings(a, b)
    assert found and found[0][1]["values"] == ["Transport Minister Halla Dunrick", "trust's board"]


def test_a_day_whose_year_an_uncertain_page_date_gave_is_the_same_day():
    from storyline.analyze.amounts import apart
    from storyline.model import TimeValue

    def dated(doc: str, text: str, day: str, weak: bool) -> Statement:
        s = stmt(doc, text, "Valley Times")
        s.times = [TimeValue(doc, 0, 0, 10, "November 4", "date", day, "day", tense="past", verb="flood")]
        s.weak_date = weak
        return s

    a = dated("d1", "The releases flooded 1,140 homes on November 4.", "2025-11-04", False)
    b = dated("d2", "The releases swamped 1,410 homes on the night of November 4.", "2026-11-04", True)
    assert not apart(a, b)  # the undated page's year is a guess: one night
    b.weak_date = False
    assert apart(a, b)  # a year apart on firmly dated pages: two acts


def test_a_board_that_voted_at_a_meeting_or_on_a_day_and_an_appositive_head_are_agents():
    def acts(text: str) -> list[tuple[str, str]]:
        return [x[:2] for x in agent_acts(stmt("d1", text, "Valley Times"))]

    assert acts("The agency's board voted at a special meeting on Friday morning to cancel its lease "
                "with Tolsey Freight.") == [("order", "agency's board")]
    assert acts("The board of the Marwen Gas and Light Company (MGLC) voted on June 3 to sell its depot to "
                "Tolsey Pumps.") == [("order", "board of the Marwen Gas and Light Company")]
    assert acts("The Tarvel board voted 7-2 on Tuesday to end the coach's contract.") == [("order", "Tarvel board")]
    assert acts("The Tarvel board voted by three to two on Wednesday to cut the fee.") == [("order", "Tarvel board")]
    assert acts("The head of the Marwen Hospitals Directorate (MHD), Ilse Rammond, suspended the clinic's "
                "director the next day.") == [("suspend", "Ilse Rammond")]
    assert acts("The mayor, the council and Ilse Rammond ordered the closure.") == []  # a list, not an appositive


def test_who_suspended_one_official_told_two_ways():
    a, b = pair("The head of the Marwen Hospitals Directorate, Ilse Rammond, suspended the clinic's director, "
                "Tobin Quell, on Tuesday.",
                "Health Minister Dara Velt personally suspended clinic director Tobin Quell on Tuesday.")
    found = agent_findings(a, b)
    assert found and found[0][1]["values"] == ["Ilse Rammond", "Health Minister Dara Velt"]


def test_a_body_whose_name_joins_two_words_by_and_is_the_agent_of_its_vote():
    s = stmt("d1", "The board of the Ferrow Rail and Canal Authority voted by four to one on Friday to "
             "close the Drumlow branch line.", "Valley Times")
    assert [x[:2] for x in agent_acts(s)] == [("order", "board of the Ferrow Rail and Canal Authority")]
    # two agents joined by "and" still name no single agent
    assert agent_acts(stmt("d1", "Minister Ada Quarle and Ferrow Rail ordered the closure of the Drumlow branch line.",
                           "Valley Times")) == []


def test_names_on_an_all_lowercase_page_are_read_as_agents():
    s = stmt("d1", "[reporter] harbour minister linnet gorrell on friday ordered all ferries to stay in port "
             "until the storm has passed.", "Valley Radio")
    assert [x[:2] for x in agent_acts(s)] == [("order", "Linnet Gorrell")]


def test_a_request_said_to_come_from_someone_names_its_agent():
    assert [x[:2] for x in agent_acts(stmt("d1", "The formal request came from Ferrow Rail, the council said.", "Valley Times"))] == \
        [("request", "Ferrow Rail")]
    assert [x[:2] for x in agent_acts(stmt("d1", "A spokesman said the order had come from the harbour authority.",
                                           "Valley Times"))] == [("order", "harbour authority")]


def test_a_spelled_tally_and_a_vote_for_a_measure_are_a_choice():
    s = stmt("d1", "The Ferrow Canal Board voted five to two for the closure of the Drumlow lock.", "Valley Times")
    assert [x[:2] for x in agent_acts(s)] == [("order", "Ferrow Canal Board")]


def test_a_cleft_with_a_reflexive_names_the_agent():
    s = stmt("d1", "It was Mayor Tilde Marrack herself who ordered the closure of the Drumlow lock.", "Valley Times")
    assert [x[:2] for x in agent_acts(s)] == [("order", "Tilde Marrack")]


def test_a_rival_named_only_to_be_denied_leaves_the_act_asserted():
    s = stmt("d1", "It was Ferrow Rail, not the town council, that asked for the closure of the Drumlow lock.",
             "Valley Times")
    assert [x[:2] for x in agent_acts(s)] == [("request", "Ferrow Rail")]
    s = stmt("d1", "The Drumlow Canal Board, not the minister, ordered the lock closed.", "Valley Times")
    assert [x[:2] for x in agent_acts(s)] == [("order", "Drumlow Canal Board")]
    # a plain negation still asserts nothing
    assert agent_acts(stmt("d1", "The Drumlow Canal Board did not order the lock closed.", "Valley Times")) == []


def test_capitalised_words_joined_by_and_inside_one_name_make_one_agent():
    assert two("The Harbour Safety and Standards Board ordered Tellvik Marine on Monday to stop the dredging.") == \
        [("order", "Harbour Safety and Standards Board")]
    assert two("Culture and Sport Minister Ilka Tavern ordered the arena closed.") == \
        [("order", "Culture and Sport Minister Ilka Tavern")]
    assert two("The Ministry of Ports and Waterways, which requested the survey, said it was satisfied.") == \
        [("request", "Ministry of Ports and Waterways")]
    # two agents, neither a head nor a title after the "and": still no single agent
    assert two("Talvo Rail and Kersey Buses asked the council to delay the vote.") == []


def test_a_request_told_as_asked_someone_to_or_made_by_or_at_a_bodys_request():
    assert two("Vostrel Foods said it had itself asked Ansel Tey to audit the plant.", "Vostrel Foods") == \
        [("request", "Vostrel Foods")]
    assert two("The request was made by Brenna Coyle, the club's lawyer, on Friday.") == [("request", "Brenna Coyle")]
    assert two("The mediator was appointed at the request of the drivers' union, which wrote to the minister.") == \
        [("request", "drivers' union")]
    assert two("the port secretariat in velsby asked for the delay of the vote.") == \
        [("request", "port secretariat")]  # a lowercase page: the place is not the agent
    assert two("Ilka Tavern asked whether the vote could be delayed.") == []


def test_the_speakers_own_decision_and_an_act_on_every_part_of_a_thing():
    assert two("The speaker, Anton Vell, said on Monday that he alone had decided to delay the vote.",
               "Anton Vell") == [("order", "Anton Vell")]
    assert two("The safety watchdog ordered Quarrow Telecom on Tuesday to keep the tower shut until it has "
               "tested every cable.") == [("order", "safety watchdog")]
    assert two("The Brisgate Harbour Board ordered inspections every week.") == []  # a repeated act


def test_two_bodies_named_by_what_they_are_asking_for_one_mediator():
    a, b = pair("The ministry appointed mediator Tova Rell on Monday at the request of the dockers' union.",
                "Tova Rell, a former union official, was appointed on Monday after the employers' association "
                "asked for a mediator.")
    found = agent_findings(a, b)  # "union official" names no body: the union is not in the other's act
    assert found and found[0][1]["values"] == ["dockers' union", "employers' association"]


def test_a_cleft_agent_before_its_appositive_and_a_speakers_act_told_with_its_day():
    assert two("It was the Harbour and Ports Committee, chaired by Delegate Ivo Brant, that asked the "
               "gallery to return the masks.") == [("request", "Harbour and Ports Committee")]
    assert two("Tellvik Capital said on Monday it had formally requisitioned a general meeting of Oskar Foods.",
               "Tellvik Capital") == [("request", "Tellvik Capital")]
    assert two("Premier Ilka Tavern personally pulled the plug on the ferry contract last week.") == \
        [("order", "Ilka Tavern")]


def test_one_shared_word_of_what_was_done_is_enough_in_sentences_this_alike():
    ta = "The adjournment was requested by Tarnland, the tribunal said."
    tb = "The tribunal secretariat in Vellport asked for the adjournment, because the expert reports are not ready."
    a, b = pair(ta, tb)
    assert agent_findings(a, b) == [("agent", {"values": ["Tarnland", "tribunal secretariat"], "act": "request"})]
    a, b = pair(ta, tb, mix=0.5)  # sentences only loosely alike need two words of the act's object in common
    assert 0.45 <= a.similarity(b) < 0.6
    assert agent_findings(a, b) == []


def test_a_common_word_of_a_title_does_not_name_the_other_agent():
    ta = ("On Friday the head of the Harbour Authority, Eldrin Tessenby, suspended the port's pilot chief, "
          "Perrin Ortvin, pending a review ordered by the Transport Ministry.")
    tb = "Transport Minister Hallam Vrelk personally suspended pilot chief Perrin Ortvin on Friday, the Herald understands."
    a, b = pair(ta, tb)
    assert agent_findings(a, b) == [("agent", {"values": ["Eldrin Tessenby", "Transport Minister Hallam Vrelk"],
                                               "act": "suspend"})]
    # the minister's own name in the other's sentence: a relation between the two, not a rival telling
    a, b = pair(ta.replace("the Transport Ministry", "Hallam Vrelk"), tb)
    assert agent_findings(a, b) == []


LOOSELY = 0.33  # sentences about much else besides the vote (cosine ~0.25)


def test_one_motion_named_in_unlike_sentences_disagrees_on_the_tally():
    # a tally told in passing in a sentence about something else: the sentences share the
    # motion's words, little else
    a, b = pair("Deputies backed the harbour lease by 61 votes to 40 after a stormy night in the Marwen assembly.",
                "The Tolsey group went to court over the harbour lease on Monday, seven days after the Marwen "
                "assembly approved it by 64 votes to 37.", mix=LOOSELY)
    assert 0.2 <= (a.similarity(b) or 0) < 0.35
    assert tally_findings(a, b) and tally_findings(a, b)[0][1]["values"] == ["61-40", "64-37"]
    # ... but not two votes on other things of one assembly
    a, b = pair("Deputies backed the harbour lease by 61 votes to 40 after a stormy night in the Marwen assembly.",
                "The Marwen assembly rejected the school budget by 64 votes to 37 on Monday.", mix=LOOSELY)
    assert tally_findings(a, b) == []


def test_an_undated_tally_is_of_the_month_its_page_is_in():
    # "voted 10-3 that month" / "carried by 9 votes to 4" on a page of the same month
    a = stmt("d1", "The Osk planning council's motion passed by 9 votes to 4 after a long debate.", "Valley Times",
             date="2031-04-15")
    for month, told in (("04", True), ("02", False)):
        b = stmt("d2", "The Osk planning council voted 10-3 in that month to halt the marina.", "Hill Post",
                 date="2031-05-29")
        b.times = [TimeValue("d2", 0, 40, 53, "in that month", "date", f"2031-{month}", "month", tense="past",
                             verb="vote")]
        assert bool(tally_findings(a, b)) is told, month
