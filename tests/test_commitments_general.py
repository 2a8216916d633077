"""Commitments read from sentences of many domains, as the real parser and time tagger see them.

Courts, elections, software, construction, sports, health regulators, legislatures,
diplomacy, company earnings, transport, energy and schools: each sentence is parsed by the
spaCy pipeline and tagged by the time tagger exactly as the annotate stage does, and then
read for deadlines (the action promised and its due date), recalled deadlines, or nothing.
Whole small stories (promise, drift, outcome) then run through the real pipeline. Every
name and sentence here is invented.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.analyze.commitment_reading import deadlines
from storyline.annotate.document import governing_verb, tense_finder, token_finder
from storyline.annotate.timex import Anchor, Tagger
from storyline.lexicon import concepts
from storyline.model import Sentence, TimeValue
from storyline.story.statements import Statement, action_concepts

from .stories import build_story, page


def real_statement(nlp, text: str, date: str) -> Statement:
    """One sentence as the annotate stage and the story index would give it."""
    sdoc = nlp(text)
    token_at = token_finder(sdoc)
    times = [TimeValue("d1", 0, t.start, t.end, t.text, t.kind, t.value, t.granularity, date, "published",
                       t.modifier, t.tense, governing_verb(token_at(t.start)))
             for t in Tagger(Anchor(date)).tag(text, tense_finder(sdoc))]
    verbs = [t.lemma_.lower() for t in sdoc if t.pos_ == "VERB"]
    return Statement("d1", Sentence("d1", 0, 0, len(text), text, verbs=verbs), "Harrow Ledger", date, date, times,
                     concepts=concepts(text), actions=action_concepts(verbs))


def reading(nlp, text: str, date: str) -> list[tuple[str, str]]:
    return [(d.role, d.due) for d in deadlines(real_statement(nlp, text, date))]


# (domain, sentence, the day it was said, the deadlines it sets or recalls)
PROMISES = [
    # courts and trials
    ("court", "The Oakhurst District Court will hand down its ruling in the Vessey appeal on March 12.",
     "2031-02-20", [("new", "2031-03-12")]),
    ("court", "Judge Petra Olund said she expects to sentence Marcus Quenby on 4 June.",
     "2031-05-02", [("new", "2031-06-04")]),
    ("court", "The trial of Dario Kulm is scheduled to open on September 8.",
     "2031-07-14", [("new", "2031-09-08")]),
    ("transport", "The minister promised on Monday that the Tarsel bridge would reopen by March 3.",
     "2031-11-10", [("new", "2032-03-03")]),  # promised on the day of the telling: ahead of it
    ("court", "The judge ordered Tessin Bank to pay the fine no later than 30 April.",
     "2031-03-03", [("new", "2031-04-30")]),
    ("court", "The appeal court adjourned the hearing to 19 November.",
     "2031-10-02", [("new", "2031-11-19")]),
    # labour: "their first walkout in 30 years" looks back, it sets no deadline 30 years on
    ("labour", "Tarvel dockers will stage their first walkout in 30 years on May 4.",
     "2031-04-20", [("new", "2031-05-04")]),
    # a plan told to a paper months ago is placed after that telling, not after the page
    ("mining", "Chief executive Anna Vosk told the Lanmere Courier in March that new sensors would be "
     "installed in all four mines by September 1.", "2031-10-08", [("new", "2031-09-01")]),
    # a past day before a noun names a happening ("the July 22 outage"), the due is the other date
    ("energy", "Ostrel Power told the commission it would file a full report on the July 22 outage by "
     "September 15.", "2031-08-01", [("new", "2031-09-15")]),
    # elections
    ("election", "The Ostmark electoral commission must certify the results by December 10.",
     "2031-11-20", [("new", "2031-12-10")]),
    ("election", "Voters in Pelmont will elect a new mayor on 5 May.",
     "2031-03-30", [("new", "2031-05-05")]),
    ("election", "The recount in the Wennick ward is due to be completed by Friday, November 21.",
     "2031-11-17", [("new", "2031-11-21")]),
    # software releases
    ("software", "Quillsoft plans to release version 5 of its Harbor editor in the second quarter of 2032.",
     "2031-10-01", [("new", "2032-06")]),
    ("software", "The Lindale project said the security patch is due out on 14 October.",
     "2031-10-03", [("new", "2031-10-14")]),
    ("software", "Pellix will ship the update to all tablets no later than the end of January.",
     "2031-12-05", [("new", "2032-01-31")]),
    # construction
    ("construction", "The contractor aims to complete the Mirelle stadium roof by August 2032.",
     "2031-06-01", [("new", "2032-08")]),
    ("construction", "The Tavish bypass is now expected to open to traffic in 2033.",
     "2031-06-01", [("new", "2033")]),
    # sports
    ("sports", "The league's board is set to vote on the Harwick expansion bid on June 18.",
     "2031-05-25", [("new", "2031-06-18")]),
    ("sports", "Striker Joel Amsel is expected to return to training in March.",
     "2031-01-25", [("new", "2031-03")]),
    ("sports", "The Dunvale Open will be played from 3 to 9 October.",
     "2031-08-25", [("new", "2031-10-03")]),
    # health regulators
    ("health", "The Aldmoor Medicines Agency is due to rule on the Zelvora application by 22 July.",
     "2031-05-10", [("new", "2031-07-22")]),
    ("health", "Brightwell Pharma must file its safety data with the agency by January 15.",
     "2031-11-02", [("new", "2032-01-15")]),
    ("health", "The regulator said it would decide on the Orvane vaccine within 60 days.",
     "2031-05-01", [("new", "2031-06-30")]),
    # legislatures
    ("legislature", "The senate has until 31 March to ratify the Tollen accord.",
     "2031-02-01", [("new", "2031-03-31")]),
    ("legislature", "Parliament is to vote on the Kessler pension bill on 9 December.",
     "2031-11-28", [("new", "2031-12-09")]),
    ("legislature", "The committee plans to publish its report on the Marden inquiry in the autumn of 2032.",
     "2031-11-28", [("new", "2032-11")]),
    # diplomacy
    ("diplomacy", "The two governments pledged to sign the Varn border treaty before the end of the year.",
     "2031-04-11", [("new", "2031-12-31")]),
    ("diplomacy", "Foreign ministers of Varn and Ellos will meet in Geneva on 2 December.",
     "2031-11-11", [("new", "2031-12-02")]),
    ("diplomacy", "The Ellosian ambassador has been told to leave the country by 14 February.",
     "2031-02-07", [("new", "2031-02-14")]),
    # company earnings
    ("earnings", "Marrow Foods will report its third-quarter results on October 28.",
     "2031-09-30", [("new", "2031-10-28")]),
    ("earnings", "The company said it would pay the special dividend on 15 January 2032.",
     "2031-11-30", [("new", "2032-01-15")]),
    ("earnings", "Hollby Motors is targeting a return to profit in 2033.",
     "2031-11-30", [("new", "2033")]),
    # transport
    ("transport", "The Brisholm line is set to return to service on 6 April.",
     "2031-03-01", [("new", "2031-04-06")]),
    ("transport", "Corvel Air plans to resume flights to Ostra from 1 July.",
     "2031-05-01", [("new", "2031-07-01")]),
    ("transport", "The Delmere ferry terminal is scheduled to reopen in spring 2032.",
     "2031-09-01", [("new", "2032-05")]),
    # energy and schools
    ("energy", "Reyna Power promised to reconnect every household in Brisgate by 20 March.",
     "2031-03-02", [("new", "2031-03-20")]),
    ("schools", "The Kilbride school board will decide on the closure of Ashgate Primary in June.",
     "2031-04-02", [("new", "2031-06")]),
    # harder forms: copular deadlines, present tense schedules, "won't ... until", noun subjects
    ("election", "The deadline to register for the Pelmont mayoral vote is October 9.",
     "2031-09-20", [("new", "2031-10-09")]),
    ("legislature", "The new tenancy law takes effect on 1 January.",
     "2031-11-20", [("new", "2032-01-01")]),
    ("court", "Jury selection in the Kulm trial begins on Monday, September 8.",
     "2031-09-04", [("new", "2031-09-08")]),
    ("transport", "The new Harwick terminal won't open until 2034.",
     "2031-09-04", [("new", "2034")]),
    ("construction", "Completion of the Orly Street tower is now targeted for the third quarter of 2032.",
     "2031-09-04", [("new", "2032-09")]),
    ("earnings", "Under the deal, Tarvo Mining will hand over the Keld assets by June 30.",
     "2031-04-04", [("new", "2031-06-30")]),
    ("transport", "The first trains on the Veld extension should run in December.",
     "2031-04-04", [("new", "2031-12")]),
    ("diplomacy", "Ratification of the Tollen accord by all member parliaments is required by 2033.",
     "2031-04-04", [("new", "2033")]),
    ("energy", "The Feldham reactor is on track to start production in the fourth quarter.",
     "2031-04-04", [("new", "2031-12")]),
    ("health", "The regulator set a deadline of 1 March for Brightwell to answer its questions.",
     "2031-01-20", [("new", "2031-03-01")]),
    ("sports", "Opening day of the Dunvale season has been moved to 14 April.",
     "2031-02-20", [("new", "2031-04-14")]),
    ("earnings", "Marrow Foods has promised a full refund to customers by the end of the month.",
     "2031-02-10", [("new", "2031-02-28")]),
    # a promise told in the past perfect after its day: the day just gone, not the next one
    ("finance", "Treasurer Ilse Marrow had vowed to have the loan signed by December 15.",
     "2031-12-16", [("recall", "2031-12-15")]),
    ("telecoms", "The Velt regulator had promised to announce the new prices by the end of September; it came "
     "two weeks late.", "2031-10-16", [("recall", "2031-09-30")]),
    # a deadline named by its day and an adjective, told after it: the one just gone
    ("housing", "The last of the 600 cabins promised by the Velt housing agency were handed over a fortnight "
     "ago, in time for the revised end-of-January deadline.", "2031-04-14", [("recall", "2031-01-31")]),
    # and still ahead when it is nearer ahead
    ("transport", "The mayor said she had promised to reopen the Orlen bridge by May 4.",
     "2031-03-02", [("new", "2031-05-04")]),
    # a new target given in the past ("gave the board a new target of"), or named by "the new date ... is"
    ("utilities", "On May 20 the minister gave the Velt water board a new target of July 14 for relining the old mains.",
     "2031-05-22", [("new", "2031-07-14")]),
    ("transport", "The Orlen ferry's new date for returning to service is March 24, the operator said.",
     "2031-03-02", [("new", "2031-03-24")]),
    ("elections", "The new deadline for the recount in the Velt district will be April 9.",
     "2031-03-02", [("new", "2031-04-09")]),
]

RECALLS = [
    ("legislature", "The vote, originally planned for 12 March, was postponed until 26 March.",
     "2031-03-05", [("recall", "2031-03-12"), ("new", "2031-03-26")]),
    ("energy", "The Feldham plant, which had been due to restart in May, will now restart in August.",
     "2031-04-20", [("recall", "2031-05"), ("new", "2031-08")]),
    ("court", "The sentencing of Marcus Quenby has been pushed back to 2 July from 4 June.",
     "2031-05-20", [("new", "2031-07-02"), ("recall", "2031-06-04")]),
    ("transport", "The reopening of the Brisholm line has slipped to September instead of April.",
     "2031-03-20", [("new", "2031-09"), ("recall", "2031-04")]),
    ("software", "Quillsoft has delayed the Harbor 5 release by two months to August.",
     "2031-05-20", [("new", "2031-08")]),
    ("construction", "The handover of the Mirelle stadium, first promised for 2031, is now expected in mid-2032.",
     "2031-05-20", [("recall", "2031"), ("new", "2032")]),
    # a plan or a move looked back on lies at the nearest such day; a date a move went from is the old one
    ("transport", "The Tarsel ferry's return was pushed back to August 15 in April after an engine fault.",
     "2031-08-19", [("recall", "2031-08-15")]),
    ("construction", "The Tarsel bridge survey, which was promised by September 30, will now be delivered in March.",
     "2031-11-14", [("recall", "2031-09-30"), ("new", "2032-03")]),
    ("transport", "The Tarsel council's pledge to reopen the ring road by the end of March has slipped to the end "
     "of May.", "2031-04-03", [("recall", "2031-03-31"), ("new", "2031-05-31")]),
    # a move told inside another act ("came a day after the board postponed ..."): the date moved to is new
    ("election", "The resignation came a day after the Quorvel board postponed the council ballot from 25 January "
     "until 8 March.", "2031-12-03", [("recall", "2032-01-25"), ("new", "2032-03-08")]),
    # a deadline between commas that the main clause denies or moves; a recall cue spent on the first date
    ("election", "The Quorvel board said that certification of the count, due by December 3, will not happen until "
     "December 12.", "2031-12-01", [("recall", "2031-12-03"), ("new", "2031-12-12")]),
    ("election", "Certification of the count, originally due by December 3, will not happen until December 12.",
     "2031-12-01", [("recall", "2031-12-03"), ("new", "2031-12-12")]),
    ("transport", "The Tarsel bridge, first planned to open on April 4 and then on April 20, is now expected in June.",
     "2031-03-02", [("recall", "2031-04-04"), ("recall", "2031-04-20"), ("new", "2031-06")]),
    # a promise told as made at some earlier time, no day of making it given: the nearest such day
    ("relief", "Flood victims in Varrel still have none of the grants the council pledged to pay before the end of "
     "August.", "2031-11-18", [("recall", "2031-08-31")]),
    ("relief", "Growers say nothing has been paid, despite the ministry's promise that support would come "
     "by the end of July.", "2031-08-04", [("recall", "2031-07-31")]),
    # a deadline named by its day after a participle ("having exceeded its own 14 April deadline")
    ("court", "The Orvel tribunal said on Tuesday it would not rule on the zoning appeal before 2 June, "
     "having exceeded its own 14 April deadline.", "2031-04-22", [("new", "2031-06-02"), ("recall", "2031-04-14")]),
    # a deadline named as the reference of a done act is recalled, not promised again
    ("mining", "All of the families have now been paid, Tallow Mining said on Wednesday, eight days ahead of "
     "the end-of-April deadline it had set itself.", "2031-04-23", [("recall", "2031-04-30")]),
]

NOTHING = [
    ("court", "The court handed down its ruling on 3 March.", "2031-03-05"),
    ("construction", "The Mirelle stadium opened in August 2030.", "2031-03-05"),
    ("earnings", "Analysts expect Marrow Foods to report higher sales in October.", "2031-09-05"),
    ("diplomacy", "The minister said on Monday that the talks had gone well.", "2031-09-05"),
    ("transport", "The Brisholm line has been closed since 4 January.", "2031-03-05"),
    ("health", "The agency approved the Zelvora tablet in 2029.", "2031-03-05"),
    ("sports", "The club last won the league in May 2027.", "2031-03-05"),
    ("election", "Turnout in the 2027 election was 61 percent.", "2031-03-05"),
    ("software", "Quillsoft released version 4 of the Harbor editor on 2 February.", "2031-03-05"),
    ("legislature", "The ruling follows a vote in the Varn senate on 29 July.", "2031-08-22"),
    # when a deadline was set is no deadline; a period counted from a day the sentence does not give
    ("environment", "The audit, handed in two days ahead of the June 30 deadline set by the regulator in "
     "January, found leaks at three sites.", "2031-07-02"),
    ("election", "The Quorvel board had promised to publish the count within ten days; it did so on May 19.",
     "2031-06-20"),
    # a dated act in the simple past, whatever cue another clause of the sentence has
    ("telecoms", "Bidding for the airwaves that will carry the next mobile networks opened on Tuesday.",
     "2031-02-12"),
    ("housing", "The Velt agency promised the cabins in February and delivered them in April.", "2031-05-02"),
    ("construction", "The delay comes from slower-than-planned drilling at the Orvel intake, where the boring "
     "machine ran into fractured rock in May.", "2031-08-02"),  # an irregular past ("ran"): done then
    # a span waited, not a period given; a state said to last
    ("court", "\"Our client has waited three years to hear that he is innocent,\" said Ines Marl.", "2031-11-20"),
    ("banking", "\"Your money is safe, and it will still be there next week,\" the Orvel Bank chairman said.",
     "2031-03-02"),
    # a state or a view told in the present is no act scheduled
    ("software", "\"Nobody minds a wobble in December with a few thousand users,\" Orla Venn said.", "2031-08-20"),
]


def test_irregular_verb_forms_come_from_the_models_own_lemmatizer_tables():
    from storyline.annotate.nlp import irregular_verbs

    forms = irregular_verbs()
    assert forms["paid"] == "pay" and forms["held"] == "hold" and forms["sold"] == "sell"
    assert "pay" not in forms and "walked" not in forms  # lemmas themselves and regular forms are not listed


def test_a_start_date_in_a_revised_plan_is_new_not_the_date_moved_from(nlp):
    text = "The revised timetable has trial flights from the Veld airstrip starting from January 2032."
    assert ("recall", "2032-01") not in reading(nlp, text, "2031-05-01")
    assert reading(nlp, "The Quorvel council will publish its budget for 2032 on September 15.", "2031-04-02") == \
        [("new", "2031-09-15")]


def test_a_year_left_out_is_read_from_a_weekday_a_move_told_as_done_or_an_estimated_page_date(nlp):
    # the weekday written with the day: 29 May 2031 is a Thursday, so a page of June tells a day passed
    assert reading(nlp, "Pellmark's board moved the tender deadline to Thursday May 29 at its last meeting.",
                   "2031-06-10") == [("new", "2031-05-29")]
    # a move told as done may name a day just past, not the same day a year on
    assert reading(nlp, "The Orsk ferry auction was put off until May 20 so that bidders could inspect the hulls.",
                   "2031-06-02") == [("new", "2031-05-20")]
    assert reading(nlp, "The Pellmark board has quietly pushed the opening back to May 20, its chairman admitted.",
                   "2031-06-02") == [("new", "2031-05-20")]
    # ... while a move still to come and a plain promise look ahead
    assert reading(nlp, "The board will postpone the hearing until May 20.", "2031-05-21") == [("new", "2032-05-20")]
    # a page whose date is estimated (from its latest news) may be read a little late
    said = replace(real_statement(nlp, "Tollbeck trust says its audit will now come out by May 28.", "2031-06"),
                   weak_date=True)
    assert [(d.role, d.due) for d in deadlines(said)] == [("new", "2031-05-28")]
    placed_in_a_year = replace(real_statement(nlp, "Tollbeck's harbour office says the slipway will be rebuilt by "
                                              "Sept. 12.", "2031"), weak_date=True)
    assert [d.due for d in deadlines(placed_in_a_year)] == ["2031-09-12"]
    firm = real_statement(nlp, "Tollbeck trust says its audit will now come out by May 28.", "2031-06-02")
    assert [(d.role, d.due) for d in deadlines(firm)] == [("new", "2032-05-28")]


def test_a_promise_said_on_a_day_a_when_clause_names_is_placed_from_that_day(nlp):
    text = "When the bid went in on May 3, the Harlen board said it would decide before the end of July."
    assert reading(nlp, text, "2031-09-20") == [("new", "2031-07-31")]


def test_what_a_passive_act_is_done_to_is_read_before_its_verb():
    from storyline.analyze.commitment_matching import objects_in

    assert "permit" in objects_in("that the permit will be issued on 2 June", "issue", "on 2 June")
    clause = "a second water main, which would let the old pipe be relined, will be fitted under both bridges"
    assert {"water", "main", "bridg"} <= objects_in(clause, "fit", "by the end of August")
    assert objects_in("the council will open the Varro Street library on May 5", "open", "on May 5") == \
        {"varro", "street", "librar"}  # an active verb: what follows it


@pytest.mark.parametrize("domain,text,said,expected", PROMISES, ids=[f"{p[0]}-{i}" for i, p in enumerate(PROMISES)])
def test_a_dated_promise_of_any_domain_is_read(nlp, domain, text, said, expected):
    assert reading(nlp, text, said) == expected


@pytest.mark.parametrize("domain,text,said,expected", RECALLS, ids=[f"{p[0]}-{i}" for i, p in enumerate(RECALLS)])
def test_a_moved_date_names_the_old_deadline_and_the_new_one(nlp, domain, text, said, expected):
    assert sorted(reading(nlp, text, said)) == sorted(expected)


@pytest.mark.parametrize("domain,text,said", NOTHING, ids=[f"{p[0]}-{i}" for i, p in enumerate(NOTHING)])
def test_a_dated_fact_is_no_promise(nlp, domain, text, said):
    assert [r for r in reading(nlp, text, said) if r[0] == "new"] == []


# --- whole small stories: drift chains and what became of each promise -------------------------


def story(tmp_path, pages: dict[str, str], as_of: str = "2033-01-01") -> dict:
    return build_story(tmp_path, pages, as_of)


def by_due(d: dict) -> dict[str, dict]:
    return {k["due"]: k for k in d["commitments"]}


def chain(d: dict) -> set[tuple[str, str]]:
    due = {k["id"]: k["due"] for k in d["commitments"]}
    return {(k["due"], due[x]) for k in d["commitments"] for x in k["superseded_by"]}


@pytest.mark.slow
def test_court_sentencing_adjourned_then_handed_down(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Sentencing date set", "May 2, 2031",
                      "Judge Petra Olund of the Oakhurst Crown Court said she will sentence the former "
                      "Tessin Bank treasurer Marcus Quenby on June 4."),
        "b.txt": page("Quenby sentencing adjourned", "May 28, 2031",
                      "The sentencing of former Tessin Bank treasurer Marcus Quenby has been adjourned to "
                      "July 2 after his lawyers asked for more time to prepare medical reports."),
        "c.txt": page("Quenby jailed", "July 3, 2031",
                      "Former Tessin Bank treasurer Marcus Quenby was sentenced to six years in prison on "
                      "Wednesday, July 2, by Judge Petra Olund at Oakhurst Crown Court."),
    })
    ks = by_due(d)
    assert ("2031-06-04", "2031-07-02") in chain(d)
    assert ks["2031-06-04"]["status"] == "superseded"
    assert ks["2031-07-02"]["status"] == "met"


@pytest.mark.slow
def test_an_election_result_not_certified_by_its_deadline_is_missed(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Count under way", "November 20, 2031",
                      "The Ostmark electoral commission must certify the results of the Wennick mayoral "
                      "election by December 10, its chairwoman Ilka Brandt said."),
        "b.txt": page("Certification stalls", "December 15, 2031",
                      "The Ostmark electoral commission has still not certified the Wennick mayoral "
                      "election results, as lawsuits over postal ballots continue."),
    })
    assert by_due(d)["2031-12-10"]["status"] == "missed"


@pytest.mark.slow
def test_a_release_slipped_twice_then_shipped(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Harbor 5 coming", "January 12, 2031",
                      "Quillsoft plans to release version 5 of its Harbor code editor in April, chief "
                      "executive Nina Sorel told developers."),
        "b.txt": page("Harbor 5 slips", "March 30, 2031",
                      "Quillsoft has pushed back the release of Harbor 5 to June, citing problems with "
                      "its new plug-in system."),
        "c.txt": page("Harbor 5 delayed again", "May 25, 2031",
                      "The Harbor 5 release has slipped again and Quillsoft now expects to ship the editor "
                      "in September."),
        "d.txt": page("Harbor 5 is out", "September 17, 2031",
                      "Quillsoft released Harbor 5 on September 16, ending nine months of delays."),
    })
    assert {("2031-04", "2031-06"), ("2031-06", "2031-09")} <= chain(d)
    assert by_due(d)["2031-09"]["status"] == "met"


@pytest.mark.slow
def test_a_stadium_roof_postponed_and_then_not_finished(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Roof on schedule", "June 1, 2031",
                      "Builder Carrick Hale said it will complete the roof of the Mirelle stadium by the "
                      "end of October."),
        "b.txt": page("Roof postponed", "September 20, 2031",
                      "Completion of the Mirelle stadium roof has been postponed until February 2032 "
                      "because steel deliveries from the Ostra mill arrived late, Carrick Hale said."),
        "c.txt": page("Roof still open", "March 18, 2032",
                      "The roof of the Mirelle stadium has yet to be completed, and Carrick Hale "
                      "declined to give a new date."),
    })
    ks = by_due(d)
    assert ("2031-10-31", "2032-02") in chain(d)
    assert ks["2032-02"]["status"] == "missed"


@pytest.mark.slow
def test_a_regulator_decision_reported_in_other_words_is_met(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Zelvora review", "May 10, 2031",
                      "The Aldmoor Medicines Agency is due to decide on Brightwell Pharma's application "
                      "for the Zelvora migraine tablet by July 22."),
        "b.txt": page("Zelvora approved", "July 19, 2031",
                      "The Aldmoor Medicines Agency approved Brightwell Pharma's Zelvora migraine tablet "
                      "on July 18, clearing it for sale to adults."),
    })
    assert by_due(d)["2031-07-22"]["status"] == "met"


@pytest.mark.slow
def test_a_line_back_in_service_and_a_treaty_ratified_late(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Brisholm line repairs", "March 1, 2031",
                      "The Brisholm tram line is set to return to service on April 6 after flood repairs, "
                      "the Kessel transit authority said. Separately, the Varn parliament has until "
                      "March 31 to ratify the Tollen fisheries accord."),
        "b.txt": page("Trams are back", "April 7, 2031",
                      "Trams returned to the Brisholm line on April 6, the Kessel transit authority said."),
        "c.txt": page("Accord ratified", "April 15, 2031",
                      "The Varn parliament ratified the Tollen fisheries accord on April 14, two weeks "
                      "after the deadline."),
    })
    ks = by_due(d)
    assert ks["2031-04-06"]["status"] == "met"
    assert ks["2031-03-31"]["status"] == "missed"


@pytest.mark.slow
def test_a_finer_restatement_sets_the_due_date(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Dividend coming", "November 2, 2031",
                      "Marrow Foods will pay a special dividend of 40 cents a share in January, the "
                      "company said."),
        "b.txt": page("Dividend date", "December 1, 2031",
                      "Marrow Foods will pay its special dividend of 40 cents a share on January 15, the "
                      "board said."),
    })
    dues = sorted(k["due"] for k in d["commitments"] if "dividend" in k["summary"].lower())
    assert dues == ["2032-01-15"]


@pytest.mark.slow
def test_results_postponed_then_reported_and_an_envoy_who_left_in_time(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Results date", "October 1, 2031",
                      "Marrow Foods will report its third-quarter results on October 28, the grocer said. "
                      "Varn has given the Ellosian ambassador Tomas Reyk until October 14 to leave the country."),
        "b.txt": page("Results delayed", "October 20, 2031",
                      "Marrow Foods has postponed its third-quarter results until November 4 while auditors "
                      "review its accounts. Ellosian ambassador Tomas Reyk left Varn on October 12."),
        "c.txt": page("Results are in", "November 5, 2031",
                      "Marrow Foods reported third-quarter results on November 4, with sales down 3 percent."),
    })
    ks = by_due(d)
    assert ("2031-10-28", "2031-11-04") in chain(d)
    assert ks["2031-11-04"]["status"] == "met"
    assert ks["2031-10-14"]["status"] == "met"


@pytest.mark.slow
def test_a_cancelled_tournament_is_missed_and_a_late_ruling_too(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Dunvale Open dates", "August 25, 2031",
                      "The Dunvale Open tennis tournament will be played in Brisgate from 3 to 9 October, "
                      "organisers said. The Aldmoor Medicines Agency said it would rule on the Orvane "
                      "vaccine within 60 days."),
        "b.txt": page("Dunvale Open cancelled", "September 20, 2031",
                      "Organisers have cancelled the Dunvale Open tennis tournament after its main sponsor "
                      "pulled out."),
        "c.txt": page("Orvane ruling late", "November 12, 2031",
                      "The Aldmoor Medicines Agency has still not ruled on the Orvane vaccine, more than "
                      "two months after the application was filed."),
    })
    ks = by_due(d)
    assert ks["2031-10-03"]["status"] == "missed"
    assert ks["2031-10-24"]["status"] == "missed"


@pytest.mark.slow
def test_unrelated_promises_of_one_actor_do_not_chain(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Kessel plans", "March 1, 2031",
                      "The Kessel city council will open the new Varro Street library on May 5, mayor Ines "
                      "Lowe said."),
        "b.txt": page("Kessel budget", "April 2, 2031",
                      "The Kessel city council will publish its draft budget for 2032 on September 15, "
                      "mayor Ines Lowe said."),
    })
    assert chain(d) == set()
    assert {"2031-05-05", "2031-09-15"} <= set(by_due(d))


@pytest.mark.slow
def test_an_act_reported_done_with_a_support_verb_is_met(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Ruling due", "June 2, 2031",
                      "The Brenna Court of Appeal will rule on the Ostra harbour dispute by June 30, its "
                      "registrar said. Pelmont's mayoral election will take place on June 20, the electoral "
                      "office said."),
        "b.txt": page("Ruling handed down", "June 27, 2031",
                      "The Brenna Court of Appeal handed down its ruling in the Ostra harbour dispute on "
                      "June 26, siding with the port authority."),
        "c.txt": page("Pelmont has a mayor", "June 22, 2031",
                      "The Pelmont mayoral election was held on June 20 and Ines Lowe won with 54 percent "
                      "of the vote."),
    })
    ks = by_due(d)
    assert ks["2031-06-30"]["status"] == "met"
    assert ks["2031-06-20"]["status"] == "met"


def test_a_deadline_told_as_set_in_the_past_keeps_the_year_of_its_first_telling(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Boil notice", "March 12, 2031",
                      "Orvane Power said it would restore the Tessby substation by March 27."),
        "b.txt": page("Orvane fined", "November 20, 2031",
                      "Orvane Power first said it would restore the Tessby substation by March 27; the "
                      "substation finally came back in April. Regulators fined the company on Tuesday."),
    })
    assert "2031-03-27" in by_due(d) and "2032-03-27" not in by_due(d)


@pytest.mark.slow
def test_a_coverage_target_moved_is_named_by_its_figure(tmp_path):
    # the new target names no act of its own, only its figure, spelled out in a transcript
    d = story(tmp_path, {
        "a.txt": page("Tarsel screening plan", "January 14, 2031",
                      "The Tarsel health board said its goal was to screen 60 percent of residents aged 50 and "
                      "over for bowel cancer by June 30, using home test kits posted by the Quorvel laboratory."),
        "b.txt": page("Morning line", "July 4, 2031",
                      "host: the board missed the june goal, didn't it?\n\n"
                      "mara velt: we did. we now aim for sixty percent by the end of september."),
    })
    assert ("2031-06-30", "2031-09-30") in chain(d)


@pytest.mark.parametrize("text,part", [
    ("Only 44 percent of Orvel households had received the first grant by December 31.", True),
    ("The Orvel agency had handed over 318 homes by the end of June, against the 1,000 it had promised.", True),
    ("The Orvel agency had handed over 1,900 of the 3,000 shelters by November 1.", True),
    ("So far 2,300 Orvel households have received a first grant.", True),  # progress, not the promise kept
    ("62 percent of Orvel homeowners had been paid by December, short of its promise to pay all of them.", True),
    ("Ilse Marl won Sunday's Orvel by-election with 46.2 per cent of the vote.", False),  # a share, not a part
    ("The Orvel board voted against the September cut on 2 October.", False),  # no figure after the cue
    ("The Orvel board certified the count on May 4 after a recount that moved fewer than 300 votes.", False),
])
def test_a_promise_kept_only_in_part_is_told_by_a_cue_before_a_figure(text, part):
    from storyline.analyze.commitment_words import partial

    assert partial(text) is part


def test_a_deadline_passed_and_named_as_moved_is_recalled(nlp):
    # "by the end of March" before "has slipped": the old deadline, not a past day naming a thing
    # (the tagger now reads a deadline in a past clause at its nearest March, before the telling)
    text = ("The council's pledge to reopen every library in the Tarvel district by the end of March has been "
            "pushed back to the end of May.")
    assert sorted(reading(nlp, text, "2031-04-03")) == [("new", "2031-05-31"), ("recall", "2031-03-31")]


@pytest.mark.slow
def test_an_act_reported_done_on_the_very_day_promised_is_met_in_other_words(tmp_path):
    # the report names the act ("started") and the day, not the thing ("the first stage", not "the drive")
    d = story(tmp_path, {
        "a.txt": page("Screening put off again", "December 10, 2031",
                      "The screening drive in the Quorvel valley, put off from November 25, is now due to "
                      "start on January 20, health minister Petra Olund told parliament."),
        "b.txt": page("Second stage announced", "March 12, 2032",
                      "The first stage, which started on January 20 in Veld and Tarvel, screened some 40,000 "
                      "people, district officials said."),
    })
    assert by_due(d)["2032-01-20"]["status"] == "met"


@pytest.mark.slow
def test_a_plan_told_in_a_clause_of_its_own_is_met_by_an_act_its_subject_names(tmp_path):
    # the dated clause names its act by a pronoun ("release it"): the rest of its own sentence
    # says what "it" is; the report's "promised for mid-May" dates mid-May, not the rollout
    d = story(tmp_path, {
        "a.txt": page("Fix late", "May 13, 2031",
                      "Quillsoft said on Tuesday it could not keep to its schedule for a firmware fix for its "
                      "Harbor routers, and now plans to ship it on June 9."),
        "b.txt": page("Fix arrives", "June 16, 2031",
                      "The router fix that Quillsoft first promised for late May at last began reaching "
                      "customers on Monday, June 9."),
    })
    assert by_due(d)["2031-06-09"]["status"] == "met"


@pytest.mark.slow
def test_a_promise_told_as_one_that_will_be_missed_is_missed_once_its_day_has_passed(tmp_path):
    d = story(tmp_path, {
        "a.txt": page("Footbridge slips again", "May 20, 2031",
                      "Mayor Ilse Brannoch's pledge to open the Quorvel footbridge by May 31 will not be met, "
                      "the city engineer told councillors on Tuesday."),
        "b.txt": page("Library work runs on", "April 2, 2031",
                      "The Varrel branch library will now reopen on June 3, nine days later than planned, "
                      "the council said."),
        "c.txt": page("Council sets budget", "June 20, 2031",
                      "Councillors approved the city budget on Thursday following a long debate."),
    })
    assert by_due(d)["2031-05-31"]["status"] == "missed"
    # "nine days later than planned" places the new day against the old: it misses nothing
    assert by_due(d)["2031-06-03"]["status"] != "missed"
