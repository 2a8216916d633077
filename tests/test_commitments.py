"""Commitments on any story: which dated clauses are promises, which later statements move
them (drift chains) or tell what became of them (met, missed), and the status as of a day.

The reading rules are tested on hand-built statements (a sentence with the time expressions
the tagger would give it); chains and statuses on small invented stories run through the
real pipeline (ingest, build, dossier). Every name and sentence here is invented.
"""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.analyze.commitment_chains import same_deadline, same_occurrence
from storyline.analyze.commitment_dates import extra_times, last_day
from storyline.analyze.commitment_matching import Report, compatible_due, outcome, similarity
from storyline.analyze.commitment_reading import deadlines
from storyline.analyze.commitments import status_of
from storyline.lexicon import concepts
from storyline.model import Sentence, TimeValue
from storyline.story.statements import Statement, action_concepts

from .stories import build_story

# --- reading one statement ---------------------------------------------------------------


def stmt(text: str, date: str, times: list[tuple], verbs: list[str] = (), weak: bool = False) -> Statement:
    """A statement as the story index stores it; `times` are (phrase, value, tense, verb[,
    modifier, kind]) as the time tagger gives them."""
    tvs = []
    for t in times:
        phrase, value, tense, verb = t[:4]
        modifier = t[4] if len(t) > 4 else None
        kind = t[5] if len(t) > 5 else "date"
        i = text.index(phrase)
        gran = {4: "year", 7: "month", 10: "day"}.get(len(value or "")) if kind == "date" else None
        tvs.append(TimeValue("d1", 0, i, i + len(phrase), phrase, kind, value, gran, date, "published",
                             modifier, tense, verb))
    return Statement("d1", Sentence("d1", 0, 0, len(text), text), "Saltmeadow Post", date, date, tvs,
                     concepts=concepts(text), actions=action_concepts(list(verbs)), weak_date=weak)


def read(text: str, date: str, times: list[tuple], verbs: list[str] = (), weak: bool = False):
    return [(d.role, d.due) for d in deadlines(stmt(text, date, times, verbs, weak))]


def test_modal_cue_makes_a_deadline_and_end_of_means_its_last_day():
    assert read("Harbin Ferries said it will reopen the Ostvik pier by the end of June.", "2031-02-10",
                [("end of June", "2031-06", "future", "reopen")], ["say", "reopen"]) == [("new", "2031-06-30")]


def test_planning_verbs_and_scheduled_events_are_deadlines():
    assert read("The Lumen council is scheduled to vote on the levy on 14 May.", "2031-04-02",
                [("14 May", "2031-05-14", "future", "vote")], ["schedule", "vote"]) == [("new", "2031-05-14")]
    assert read("Aeronel aims to deliver the first trams in September.", "2031-04-02",
                [("in September", "2031-09", "future", "deliver")], ["aim", "deliver"]) == [("new", "2031-09")]


def test_no_earlier_than_a_month_is_a_launch_date_the_tagger_leaves_out():
    assert read("Merlin Aerospace plans to fly its Skiff rocket no earlier than October.", "2031-03-12",
                [], ["plan", "fly"]) == [("new", "2031-10")]


def test_quarters_halves_and_year_end_are_read():
    assert [v for _, _, _, v in extra_times("publish it in the first quarter of 2032", "2031-09-01")] == ["2032-03"]
    assert [v for _, _, _, v in extra_times("complete in the first half of next year", "2031-09-01")] == ["2032-06"]
    assert [v for _, _, _, v in extra_times("before the end of the year", "2031-09-01")] == ["2031"]
    assert last_day("2031") == "2031-12-31" and last_day("2032-02") == "2032-02-29"


def test_the_day_something_was_said_is_no_deadline():
    assert read("The mayor of Ostvik said on Tuesday that the bridge was safe.", "2031-04-02",
                [("on Tuesday", "2031-04-01", "past", "say")], ["say"]) == []


def test_a_date_already_past_when_said_is_a_recall_not_a_promise():
    assert read("The plant had been due to reopen on 3 March.", "2031-04-02",
                [("3 March", "2031-03-03", "past", "reopen")], ["reopen"]) == [("recall", "2031-03-03")]


def test_instead_of_names_the_old_deadline_and_now_the_new_one():
    text = "The Quorvel inquiry said it would now report by 15 December instead of 30 September."
    assert read(text, "2031-09-02", [("15 December", "2031-12-15", "future", "report"),
                                     ("30 September", "2031-09-30", "future", "report")],
                ["say", "report"]) == [("new", "2031-12-15"), ("recall", "2031-09-30")]


def test_a_move_to_a_date_after_originally_is_the_new_date():
    text = "The hearing, originally scheduled for 8 June, was moved to 22 June."
    assert read(text, "2031-05-20", [("8 June", "2031-06-08", "future", "schedule"),
                                     ("22 June", "2031-06-22", "past", "move")],
                ["schedule", "move"]) == [("recall", "2031-06-08"), ("new", "2031-06-22")]


def test_a_demand_is_not_a_commitment():
    assert read("The nurses' union is demanding a pay guarantee until 2034.", "2031-04-02",
                [("until 2034", "2034", "present", "demand", "until")], ["demand"]) == []


def test_a_forecasters_expectation_is_not_a_commitment():
    assert read("Economists expect the Varnian central bank to cut rates in November.", "2031-04-02",
                [("in November", "2031-11", "future", "cut")], ["expect", "cut"]) == []
    assert read("Ilse Marr, chief economist at Fenmarsh Bank, said she expected another cut in November.",
                "2031-04-02", [("in November", "2031-11", "future", "cut")], ["say", "expect"]) == []


def test_the_condition_of_another_promise_is_not_a_deadline():
    assert read("Ostvik could host the 2033 regatta if the marina is certified as safe by March 2032.",
                "2031-04-02", [("2033", "2033", "future", "host"), ("by March 2032", "2032-03", "future", "certify", "by")],
                ["host", "certify"]) == []


def test_a_period_counts_from_the_day_it_was_said():
    assert read("On May 2, Pellacre Water said it would refund every customer within 30 days.", "2031-05-06",
                [("May 2", "2031-05-02", "past", "say"), ("within 30 days", "P30D", "future", "refund", "within",
                                                          "duration")],
                ["say", "refund"]) == [("new", "2031-06-01")]
    assert read("The regulator gives the operator 30 days to submit a repair plan.", "2031-05-06",
                [("30 days", "P30D", "present", "give", None, "duration")], ["give", "submit"]) == [("new", "2031-06-05")]


def test_a_date_given_to_someone_to_act_is_a_deadline():
    assert read("The court gave the defence until March 1 to file its remaining motions.", "2031-02-03",
                [("March 1", "2031-03-01", "future", "give")], ["give", "file"]) == [("new", "2031-03-01")]


def test_an_action_verb_that_also_reports_is_still_an_action():
    assert read("Aeronel said it would write to every subscriber within four weeks.", "2031-03-04",
                [("within four weeks", "P4W", "future", "write", "within", "duration")],
                ["say", "write"]) == [("new", "2031-04-01")]


def test_until_alone_is_how_long_a_state_lasts_but_a_ban_until_is_a_promise():
    assert read("The lease runs until the end of 2034.", "2031-03-04",
                [("until the end of 2034", "2034", "present", "run", "until")], ["run"]) == []
    assert read("No ferry crew can be laid off until the end of 2034.", "2031-03-04",
                [("until the end of 2034", "2034", "present", "lay", "until")], ["lay"]) == [("new", "2034-12-31")]


def test_a_season_is_due_by_its_last_month():
    assert [v for _, _, _, v in extra_times("pushed back to spring 2032", "2031-09-01")] == ["2032-05"]


def test_a_period_counted_from_another_event_is_no_deadline():
    assert read("Officials estimate 20,000 riders a day will use the line within five years of opening.",
                "2031-05-06", [("within five years", "P5Y", "future", "use", "within", "duration")],
                ["estimate", "use"]) == []


def test_a_month_without_its_year_is_placed_after_the_day_it_was_said():
    # the tagger gave last January (a past-tense clause); a programme due to begin is ahead
    assert read("The new programme is due to begin in January.", "2031-08-14",
                [("in January", "2031-01", "past", "begin")], ["begin"]) == [("new", "2032-01")]


def test_today_in_advice_is_no_deadline():
    assert read("Owners should check their serial number today.", "2031-08-14",
                [("today", "2031-08-14", "future", "check")], ["check"]) == []


def test_a_year_inside_a_finer_date_of_the_same_clause_is_dropped():
    text = "The board's first meeting of 2032 is scheduled for 29 January."
    assert read(text, "2031-12-01", [("of 2032", "2032", "future", "meet"),
                                     ("29 January", "2032-01-29", "future", "schedule")],
                ["schedule"]) == [("new", "2032-01-29")]


def test_a_named_target_after_it_was_kept_is_a_recall():
    text = "Health officials kept to the April 14 start date announced in March."
    assert ("recall", "2031-04-14") in read(text, "2031-04-16", [("April 14", "2031-04-14", "past", "keep"),
                                                                 ("in March", "2031-03", "past", "announce")], ["keep"])


# --- same action and theme ------------------------------------------------------------------


def facts(actions: list[str], theme: dict[str, float], heads: list[str] = ()) -> dict:
    return {"actions": actions, "theme": theme, "heads": list(heads), "clauses": []}


def test_the_same_act_in_other_words_matches_and_another_act_does_not():
    a = facts(["complete"], {"takeov": 0.8, "brackm": 1.0})
    assert similarity(a, facts(["complete"], {"takeov": 0.8, "deal": 0.5})) >= 0.45
    assert similarity(a, facts(["hire"], {"brackm": 1.0, "staff": 0.5})) < 0.45


def test_a_second_launch_is_not_the_first_one_moved():
    assert not same_occurrence(facts([], {}, ["The first launch is planned for"]),
                               facts([], {}, ["The second launch is planned for"]))
    assert not same_occurrence(facts([], {}, ["The board meeting is set for"]),
                               facts([], {}, ["The next board meeting is set for"]))
    assert same_occurrence(facts([], {}, ["The launch was pushed back for a second time, to"]),
                           facts([], {}, ["The launch is now planned for"]))
    # a compound's ordinal tells no occurrence ("third-party bookings", "the twenty-first")
    assert same_occurrence(facts([], {}, ["Every valid claim will be paid"]),
                           facts([], {}, ["The claims with third-party bookings will be paid"]))


def test_deadlines_compare_at_their_precision():
    assert compatible_due("2031-06", "2031-06-30")
    assert not compatible_due("2031", "2031-06")
    # a month-day without its year on an uncertainly dated page is the same deadline
    assert same_deadline("2031-10-02", {}, "2032-10-02", {"loose_year": True})
    assert not same_deadline("2031-10-02", {}, "2032-10-02", {})


# --- outcomes and status --------------------------------------------------------------------


def report(kind: str, when: str | None, said: str, actions: set[str], theme: dict[str, float]) -> Report:
    s = stmt("x", said, [])
    return Report(s, "x", actions, theme, kind, when, said)


def test_done_before_the_due_date_is_met_and_after_it_missed():
    f = facts(["open"], {"ostvik": 1.0, "pier": 0.9})
    f["main"] = ["open"]
    assert outcome(f, "2031-06-30", "2031-02-10", report("done", "2031-06-21", "2031-06-22", {"open"},
                                                        {"ostvik": 1.0, "pier": 0.9})) == ("met", "2031-06-21")
    assert outcome(f, "2031-06-30", "2031-02-10", report("done", "2031-07-18", "2031-07-19", {"open"},
                                                        {"ostvik": 1.0, "pier": 0.9})) == ("missed", "2031-07-18")


def test_a_coarse_due_is_met_a_little_after_it_ends():
    f = facts(["open"], {"ostvik": 1.0, "pier": 0.9})
    assert outcome(f, "2031-06", "2031-02-10", report("done", "2031-07-03", "2031-07-04", {"open"},
                                                     {"ostvik": 1.0, "pier": 0.9})) == ("met", "2031-07-03")


def test_still_pending_after_the_due_date_is_missed_but_not_before():
    f = facts(["open"], {"ostvik": 1.0, "pier": 0.9})
    late = report("pending", None, "2031-08-01", {"open"}, {"ostvik": 1.0, "pier": 0.9})
    early = report("pending", None, "2031-05-01", {"open"}, {"ostvik": 1.0, "pier": 0.9})
    assert outcome(f, "2031-06-30", "2031-02-10", late) == ("missed", "2031-08-01")
    assert outcome(f, "2031-06-30", "2031-02-10", early) is None


def test_a_report_about_another_thing_tells_nothing():
    f = facts(["open"], {"ostvik": 1.0, "pier": 0.9})
    assert outcome(f, "2031-06-30", "2031-02-10", report("done", "2031-06-21", "2031-06-22", {"open"},
                                                        {"bellhaven": 1.0, "museum": 0.8})) is None


def test_status_of_is_judged_at_a_day():
    day = dt.date.fromisoformat
    assert status_of("2031-06-30", "2031-02-10", ["k2"], {}, day("2030-01-01")) == "superseded"
    assert status_of("2031-06-30", "2031-02-10", [], {}, day("2031-05-01")) == "open"
    assert status_of("2031-06-30", "2031-02-10", [], {}, day("2031-09-01")) == "unverified"
    met = {"outcomes": [["met", "2031-06-21", "2031-06-22", ["d2", 3]]]}
    assert status_of("2031-06-30", "2031-02-10", [], met, day("2031-06-25")) == "met"
    assert status_of("2031-06-30", "2031-02-10", [], met, day("2031-06-01")) == "open"
    missed = {"outcomes": [["missed", "2031-08-01", "2031-08-01", ["d3", 1]]]}
    assert status_of("2031-06-30", "2031-02-10", [], missed, day("2031-09-01")) == "missed"
    assert status_of("2031-06-30", "2031-02-10", [], missed, day("2031-07-15")) == "unverified"


# --- whole stories through the pipeline --------------------------------------------------------


def story(tmp_path, pages: dict[str, str], as_of: str = "2033-01-01") -> dict:
    return build_story(tmp_path, pages, as_of)


BRIDGE = {
    "a.txt": "Ostvik bridge to reopen\n\nFebruary 10, 2031\n\nHarbin Ferries said the Ostvik swing bridge "
             "will reopen to traffic by the end of June after repairs to its hydraulic gear.",
    "b.txt": "Bridge repairs slip\n\nMay 20, 2031\n\nThe reopening of the Ostvik swing bridge has been pushed "
             "back to the end of September, Harbin Ferries said, because a replacement pump arrived late.",
    "c.txt": "Bridge delayed again\n\nSeptember 12, 2031\n\nHarbin Ferries now expects the Ostvik swing bridge "
             "to reopen to traffic in March 2032, after inspectors found cracks in the counterweight.",
}


@pytest.mark.slow
def test_a_deadline_moved_twice_forms_a_chain_in_order(tmp_path):
    d = story(tmp_path, BRIDGE)
    ks = {k["due"]: k for k in d["commitments"]}
    assert {"2031-06-30", "2031-09-30", "2032-03"} <= set(ks)
    assert ks["2031-06-30"]["superseded_by"] == [ks["2031-09-30"]["id"]]
    assert ks["2031-09-30"]["superseded_by"] == [ks["2032-03"]["id"]]
    assert ks["2031-06-30"]["status"] == "superseded"
    assert ks["2032-03"]["status"] == "open"  # due after the newest page (judged there, not in 2033)


@pytest.mark.slow
def test_the_chain_does_not_depend_on_the_order_pages_arrive(tmp_path):
    forward = story(tmp_path / "forward", BRIDGE)
    renamed = {f"{9 - i}.txt": text for i, text in enumerate(BRIDGE.values())}  # ingested last page first
    backward = story(tmp_path / "backward", renamed)

    def links(d: dict) -> set[tuple[str, str]]:
        due = {k["id"]: k["due"] for k in d["commitments"]}
        return {(k["due"], due[x]) for k in d["commitments"] for x in k["superseded_by"]}
    assert links(forward) == links(backward) == {("2031-06-30", "2031-09-30"), ("2031-09-30", "2032-03")}


@pytest.mark.slow
def test_done_in_time_is_met_and_done_late_is_missed(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Clinic promised\n\nJanuary 8, 2031\n\nThe Pellacre health board said it will open the new "
                 "Varro Street clinic by April 30.",
        "b.txt": "Museum plan\n\nJanuary 9, 2031\n\nThe Kessel city council said it will reopen the Lindfors "
                 "maritime museum by the end of March.",
        "c.txt": "Clinic opens\n\nApril 22, 2031\n\nThe Pellacre health board opened the Varro Street clinic on "
                 "April 20, ten days ahead of schedule.",
        "d.txt": "Museum late\n\nMay 2, 2031\n\nThe Lindfors maritime museum in Kessel reopened on April 28, "
                 "a month after the council's own target.",
    })
    ks = {k["due"]: k for k in d["commitments"]}
    assert ks["2031-04-30"]["status"] == "met"
    assert ks["2031-03-31"]["status"] == "missed"


@pytest.mark.slow
def test_an_adjourned_trial_and_what_became_of_each_promise(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Trial date set\n\nFebruary 3, 2031\n\nVARNO - The fraud trial of former Kelsey Bank chief Anton "
                 "Drell is set to begin on April 14, Judge Marta Oyewumi said on Monday. The court gave the defence "
                 "until March 1 to file its remaining motions. Prosecutors said they would disclose all witness "
                 "statements within 30 days.",
        "b.txt": "Trial postponed\n\nApril 2, 2031\n\nVARNO - The fraud trial of Anton Drell, originally set to "
                 "begin on April 14, has been adjourned until June 9, Judge Marta Oyewumi ruled on Tuesday. The "
                 "defence filed its remaining motions on February 27.",
        "c.txt": "Trial opens\n\nJune 10, 2031\n\nVARNO - The fraud trial of Anton Drell began on Monday, June 9, "
                 "in Varno District Court. Prosecutors have yet to disclose several witness statements, the "
                 "defence said.",
    })
    ks = {k["due"]: k for k in d["commitments"]}
    assert ks["2031-04-14"]["superseded_by"] == [ks["2031-06-09"]["id"]]
    assert ks["2031-06-09"]["status"] == "met"
    assert ks["2031-03-01"]["status"] == "met"  # motions filed on February 27
    assert ks["2031-03-05"]["status"] == "missed"  # 30 days from February 3; "have yet to" in June


@pytest.mark.slow
def test_not_done_after_the_deadline_is_missed_and_a_restatement_is_one_item(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Audit due\n\nMarch 1, 2031\n\nThe Quorvel transport ministry will publish the Halvard tunnel "
                 "safety audit by June 30.",
        "b.txt": "Audit still due\n\nMarch 3, 2031\n\nThe Quorvel transport ministry confirmed it will publish "
                 "the Halvard tunnel safety audit by June 30.",
        "c.txt": "Audit missing\n\nSeptember 9, 2031\n\nThe Halvard tunnel safety audit has still not been "
                 "published by the Quorvel transport ministry.",
    })
    audits = [k for k in d["commitments"] if k["due"] == "2031-06-30"]
    assert len(audits) == 1 and len(audits[0]["evidence"]) == 2
    assert audits[0]["status"] == "missed"
