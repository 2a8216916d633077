"""Events for any story: reprints cite the event, non-events stay out, display dates are bounds.

Invented names and sentences only."""
from __future__ import annotations

from storyline.model import DateFlag, Document, DocumentDate, Sentence, TimeValue
from storyline.resolve.anchors import Bounds, infer_anchor, reference
from storyline.resolve.events import no_event
from storyline.story.statements import Statement

from .stories import build_story

BODY = ("The Brenholt Water Board said on Tuesday that it had closed the Ostrava Lane pumping station "
        "after inspectors found cracks in its main intake. Engineers from the board began repairs on "
        "Wednesday and expect the work to take about three weeks, a spokeswoman for the board said. "
        "Residents of the eastern districts were asked to boil their tap water until further notice.")


def story(tmp_path, pages: dict[str, str]) -> dict:
    return build_story(tmp_path, pages)


def test_a_reprint_cites_the_event_but_is_no_independent_source(tmp_path):
    d = story(tmp_path, {
        "a.txt": "Pumping station closed\n\nBy Wirefast staff | March 12, 2024\n\n" + BODY,
        "b.txt": "Brenholt pumping station shut\n\nMarch 12, 2024\n\n" + BODY + " Reprinted with permission.",
    })
    docs = {doc["id"]: doc for doc in d["documents"]}
    assert sum(1 for doc in docs.values() if doc["duplicate_of"]) == 1
    closed = [e for e in d["events"] if any("closed the Ostrava Lane" in ev["text"] for ev in e["evidence"])]
    assert closed and {ev["doc"] for ev in closed[0]["evidence"]} == set(docs)
    assert closed[0]["independent_sources"] == 1 and closed[0]["single_source"]


def statement(text: str, verbs: list[str], tense: str, times: list[TimeValue]) -> Statement:
    return Statement("d1", Sentence("d1", 0, 0, len(text), text, verbs, tense), None, "2024-05-10",
                     "2024-05-10", times)


def day(value: str, tense: str = "past") -> TimeValue:
    return TimeValue("d1", 0, 0, 6, "Friday", "date", value, "day", tense=tense)


def test_sentences_that_tell_of_no_happening_are_no_events():
    assert no_event(statement("Will the bridge reopen on Friday?", ["reopen"], "future", [day("2024-05-10")]))
    assert no_event(statement("Volunteers outside the depot on Friday.", [], "present", [day("2024-05-10")]))
    assert no_event(statement("Volunteers wait outside the depot on Friday.", ["wait"], "present",
                              [day("2024-05-10", "present")]))
    # a present tense set after the page's day is a timetable, not a caption
    assert not no_event(statement("Bookings open on Friday.", ["open"], "present", [day("2024-05-17", "present")]))
    assert no_event(statement("The ferry usually resumes service in May.", ["resume"], "present",
                              [TimeValue("d1", 0, 0, 3, "May", "date", "2024-05", "month", tense="present")]))
    assert not no_event(statement("The ferry has been out of service since Friday.", [], "present",
                                  [day("2024-05-10")]))
    assert not no_event(statement("The ferry resumed service on Friday, the operator said.",
                                  ["resume", "say"], "past", [day("2024-05-10")]))
    assert not no_event(statement("The operator says the ferry resumed service on Friday.",
                                  ["say", "resume"], "present", [day("2024-05-10")]))
    stamp = "May 10, 2024 at 4:12 p.m."
    assert no_event(statement(stamp, ["p.m"], "past", [TimeValue("d1", 0, 0, 12, "May 10, 2024", "date", "2024-05-10",
                                                                  "day", tense="past")]))


def page(text: str, date: DocumentDate) -> Document:
    return Document("p1", "p1.txt", text, published=date)


def test_a_display_date_long_after_what_the_page_tells_is_not_its_reference():
    shown = DocumentDate(None, None, "header", frozenset({DateFlag.DISPLAY_DATE}),
                         note="site header shows 2025-09-09")
    text = ("The Quorvel ferry resumed service on 3 March after a winter refit. "
            "The operator said in February that it had hired twelve new crew.")
    assert infer_anchor(page(text, shown), Bounds(), []) == ("2025-03", "inferred")
    # a page that dates, year and all, something just before the header's date is believed
    recent = "The Quorvel ferry resumed service on 2 September 2025 after a winter refit."
    assert infer_anchor(page(recent, shown), Bounds("2025-09-02"), []) == ("2025-09-09", "inferred")
    # else, like an undated page, near the closest dated page (the header's date bounds it)
    dated = [Document("p0", "p0.txt", "The Quorvel ferry began a winter refit.",
                      published=DocumentDate("2025-02-10", "day", "byline")),
             Document("p2", "p2.txt", "The Quorvel ferry began a winter refit.",
                      published=DocumentDate("2025-10-01", "day", "byline"))]
    assert infer_anchor(page("The Quorvel ferry began a winter refit, its operator said.", shown), Bounds(),
                        dated) == ("2025-02", "inferred")


def test_an_undated_page_is_anchored_after_what_it_tells_of():
    # the closest dated page is from August; the undated one tells, as past, of 24 October
    dated = Document("p0", "p0.txt", "The Quorvel ferry operator hired twelve new crew for the winter refit.",
                     published=DocumentDate("2024-08-22", "day", "byline"))
    text = ("The Quorvel ferry operator hired twelve new crew for the winter refit. "
            "The refit report, published on 24 October, found no fault.")
    assert infer_anchor(page(text, DocumentDate(None)), Bounds(), [dated]) == ("2024-10", "inferred")
    # without that mention, the closest page's month
    assert infer_anchor(page(text.split(" The refit")[0], DocumentDate(None)), Bounds(), [dated]) == \
        ("2024-08", "inferred")


def test_an_updated_stamp_after_a_date_the_page_tells_as_ahead_is_a_later_edit():
    stamp = DocumentDate("2025-10-14", "day", "updated")
    dated = [Document("p0", "p0.txt", "The Quorvel ferry began a winter refit.",
                      published=DocumentDate("2025-07-02", "day", "byline"))]
    text = "The Quorvel ferry began a winter refit. It will sail again by 30 September 2025."
    assert reference(page(text, stamp), lambda: Bounds(None, "2025-09-30"), dated) == ("2025-07", "inferred")
    # the page may have been written on the stamp's day: it tells nothing as ahead of it
    assert reference(page(text, stamp), lambda: Bounds("2025-10-01", None), dated) == ("2025-10-14", "published")
    # a publication date is the page's own, whatever the page tells
    byline = DocumentDate("2025-10-14", "day", "byline")
    assert reference(page(text, byline), lambda: Bounds(None, "2025-09-30"), dated) == ("2025-10-14", "published")


def test_an_updated_stamp_after_a_day_told_ahead_without_its_year_is_a_later_edit():
    stamp = DocumentDate("2025-11-14", "day", "updated")
    dated = [Document("p0", "p0.txt", "The Quorvel ferry began a winter refit.",
                      published=DocumentDate("2025-09-02", "day", "byline"))]
    text = "The Quorvel ferry began a winter refit. The operator expects her back in service in late October."
    # the nearest end of October lies two weeks before the stamp: the page was written before it
    assert reference(page(text, stamp), lambda: Bounds(None, None), dated) == ("2025-09", "inferred")
    # a day told as ahead that may lie ahead of the stamp leaves the stamp the page's date
    later = "The Quorvel ferry began a winter refit. The operator expects her back in service in late March."
    assert reference(page(later, stamp), lambda: Bounds(None, None), dated) == ("2025-11-14", "published")
    # and so does one told as past
    past = "The Quorvel ferry began a winter refit. She was taken out of service in late October."
    assert reference(page(past, stamp), lambda: Bounds(None, None), dated) == ("2025-11-14", "published")


def test_a_present_tense_year_bounds_nothing():
    from storyline.resolve.anchors import bounds_from
    assert bounds_from([("2027", "present"), ("2025-03", "past")]) == Bounds("2025-03", None)


def test_a_year_that_qualifies_a_thing_dates_nothing():
    from storyline.resolve.events import attributive_year

    def year(text: str) -> TimeValue:
        return TimeValue("d1", 0, 0, len(text), text, "date", "2022", "year")

    assert attributive_year("Sales were back to last year's level.", year("last year"))
    assert attributive_year("Sales were back to 2022\u2019s level.", year("2022"))
    assert not attributive_year("Photos of the 2022 Ulvmarsh floods were published.", year("2022"))
    assert not attributive_year("The Brenholt family bought the dryer in 2022.", year("in 2022"))


def test_a_date_that_is_what_a_thing_is_dates_no_happening():
    from storyline.resolve.events import copular_date

    def when(text: str, verb: str | None) -> TimeValue:
        return TimeValue("d1", 0, 0, len(text), text, "date", "2024-01-14", "day", verb=verb)

    assert copular_date("The original deadline was Jan. 14.", when("Jan. 14", "be"))
    assert copular_date("It was 2024, and the plant was still shut.", when("2024", "be"))
    assert not copular_date("The hearing is on Jan. 14 in Ulvmarsh.", when("Jan. 14", "be"))
    assert not copular_date("The hearing is on Jan. 14 in Ulvmarsh.", when("on Jan. 14", "be"))
    assert not copular_date("The board closed the plant on Jan. 14.", when("Jan. 14", "close"))


def test_the_day_of_a_saying_whose_words_are_a_view_is_no_event():
    from storyline.resolve.events import dated_view

    def said(text: str, summary: str, verb: str = "say") -> tuple[Statement, TimeValue]:
        t = TimeValue("d1", 0, 0, 9, "Wednesday", "date", "2024-05-08", "day", verb=verb)
        s = statement(text, ["say"], "past", [t])
        s.sentence.summary = summary
        return s, t

    assert dated_view(*said("Minister Hanne Ostvarn said on Wednesday that she was hopeful the talks would end.",
                            "Minister Hanne Ostvarn was hopeful talks would end"))
    assert dated_view(*said("The pension question remained the sticking point, Kell Barrow said Wednesday.",
                            "Pension question remained sticking point"))
    # a reported act keeps the day it was told
    assert not dated_view(*said("The board said on Wednesday that it had closed the Ostrava Lane plant.",
                                "Board had closed Ostrava Lane plant"))
    # a date inside the reported words is not the day of the saying
    assert not dated_view(*said("Kell Barrow said the plant was closed on Wednesday.",
                                "Plant was closed on Wednesday", verb="close"))
    # a progressive or a passive in the reported words is an act
    assert not dated_view(*said("The Ulvmarsh Dairy is recalling 4,000 cheeses, the company said on Wednesday.",
                                "Is recalling 4,000 cheeses"))
    assert not dated_view(*said("Kell Barrow has said since Wednesday that all seven pumps were replaced.",
                                "All seven pumps were replaced"))


def test_dates_of_states_and_bounds_date_no_happening_a_plan_looked_back_is_planned():
    from storyline.resolve.events import candidates_of

    def when(text: str, phrase: str, value: str, verb: str, modifier: str | None = None) -> Statement:
        t = TimeValue("d1", 0, text.index(phrase), text.index(phrase) + len(phrase), phrase, "date", value,
                      "month" if len(value) == 7 else "year", modifier=modifier, tense="past", verb=verb)
        return statement(text, [verb], "past", [t])

    kept = when("The Ulvmarsh council closed the Varne bridge in March.", "in March", "2024-03", "close")
    assert [c.when for c in candidates_of([kept])] == ["2024-03"]
    state = when("The two towns now have their ferry back in March.", "in March", "2024-03", "have")
    bound = when("Donors promised to pay out the grants before the end of 2026.", "before the end of 2026",
                 "2026", "pay", "before")
    missed = when("The vaccination drive was due to start in March but the doses never came.", "in March",
                  "2024-03", "start")
    assert candidates_of([state]) == [] and candidates_of([bound]) == []
    assert [(c.when, c.status) for c in candidates_of([missed])] == [("2024-03", "planned")]
    set_as = when("The Orla tribunal set May 4 as the new date for the hearing to open.", "May 4", "2024-05",
                  "set")
    assert [(c.when, c.status) for c in candidates_of([set_as])] == [("2024-05", "planned")]
    ends = when("The monitors will stay in Ulvmarsh until the end of 2026.", "until the end of 2026", "2026",
                "stay", "until")
    assert [c.when for c in candidates_of([ends])] == ["2026"]  # the end of a state dates its ending
    target = when("Only two-thirds of Ulvmarsh homes had their power back by last Friday.", "last Friday",
                  "2024-03", "have")
    assert len(candidates_of([target])) == 1  # a state measured at a deadline: the target passing


def test_a_day_written_with_its_weekday_places_an_undated_page_after_it():
    from storyline.resolve.anchors import later_told, weekday_settled

    text = ("The Ulvmarsh dockers' deal was signed on Friday evening, September 11, at the town hall. "
            "The overtime ban ends at midnight on Sunday.")
    # the most similar page is from March; the page tells of Friday, September 11 (2026) as past
    assert later_told(text, "2026-03", Bounds()) == "2026-09"
    assert weekday_settled("signed on Friday evening, ", "2026-09-11")
    assert not weekday_settled("signed on Friday evening, ", "2025-09-11")  # a Thursday
    # without its weekday a day that far from the similar page proves nothing
    assert later_told(text.replace("Friday evening, ", ""), "2026-03", Bounds()) == "2026-03"


def test_a_day_a_plan_was_due_is_no_day_the_page_tells_as_past():
    from storyline.resolve.anchors import later_told, latest_told

    text = ("The Varrel ferry board met on June 12 and withdrew the Brannoch from service. Her refit, originally "
            "due on August 14, is to end on September 5.")
    # August 14 was a plan, not a happening: the page need not be written after it
    assert latest_told(text, "2031-10-16") == "2031-06-12"
    assert later_told(text, "2031-06", Bounds()) == "2031-06"
    assert later_told(text.replace("originally due on", "which began on"), "2031-06", Bounds()) == "2031-08"


def test_a_day_ahead_written_with_its_weekday_places_an_undated_page_before_it():
    from storyline.resolve.anchors import before_ahead

    ahead = "The Ulvmarsh dockers' union said the ballot will close on Friday, May 15, and the result will follow."
    assert before_ahead(ahead, "2026-10") == "2026-05"
    assert before_ahead(ahead.replace("will close", "closed").replace(", and the result will follow", ""),
                        "2026-10") == "2026-10"  # told as past: no upper bound
    assert before_ahead(ahead, "2026-04") == "2026-04"  # already before it


def test_a_date_inside_a_quotation_opened_in_an_earlier_sentence_is_the_speakers():
    from storyline.resolve.events import candidates_of

    def when(text: str, phrase: str, value: str, verb: str) -> Statement:
        t = TimeValue("d1", 0, text.index(phrase), text.index(phrase) + len(phrase), phrase, "date", value,
                      "month", tense="past", verb=verb)
        return statement(text, [verb], "past", [t])

    quoted = when('Nobody wants to tell the Ulvmarsh league in December that the pitch is still not ready," '
                  'the coach said.', "in December", "2024-12", "tell")
    assert candidates_of([quoted]) == []
    told = when('The Ulvmarsh league closed the pitch in December, "and it will stay shut," the coach said.',
                "in December", "2024-12", "close")
    assert [c.when for c in candidates_of([told])] == ["2024-12"]


def test_an_event_dated_by_a_clause_of_its_own_is_summarised_by_that_clause(tmp_path):
    d = story(tmp_path, {"a.txt": "Ring road contract in court\n\nMay 6, 2024\n\n"
                         "The trial concerns a 40 million euro contract for the Sallow ring road, which was "
                         "awarded to Keddan Build in 2021. The Velnor Group cut 300 jobs in February and closed its "
                         "Arnholt plant in April.\n"})
    by_when = {e["when"]: e["summary"] for e in d["events"]}
    assert by_when["2021"] == "Sallow ring road was awarded to Keddan Build in 2021"
    assert by_when["2024-04"] == "Velnor Group closed its Arnholt plant in April"
    assert "cut 300 jobs" in by_when["2024-02"]


def test_the_month_may_is_no_verb_of_a_caption():
    caption = statement("Protesters outside the Velling plant, May 3.", [], "present", [day("2024-05-03")])
    assert no_event(caption)
    assert not no_event(statement("Rain may close the Velling road on May 3.", ["close"], "future",
                                  [day("2024-05-03", "future")]))


def test_a_past_weekday_on_a_page_known_to_its_month_dates_the_event_to_that_month(tmp_path):
    """An undated transcript placed in March by its content says "on sunday": the day cannot
    be known, the month can; the event is kept at that precision rather than dropped."""
    d = story(tmp_path, {
        "a.txt": "Orlen outbreak spreads\n\nMarch 3, 2025\n\nThe Orlen health office confirmed the first cholera "
                 "cases on March 1. It opened a treatment centre in Velling on March 2.",
        "b.txt": "Cholera update\n\nthe orlen health office said the outbreak, which began at the start of march, had "
                 "now reached four districts. on sunday the mayor of brask closed the town's two markets.",
    })
    undated = next(doc for doc in d["documents"] if doc["source"].endswith("b.txt"))
    assert undated["date"] == "2025-03" and not undated["published"]
    closed = [e for e in d["events"] + d["background_events"]
              if any("closed the town's two markets" in ev["text"] for ev in e["evidence"])]
    assert [(e["when"], e["granularity"]) for e in closed] == [("2025-03", "month")]


def test_an_event_whose_parse_summary_says_too_little_shows_its_short_sentence(tmp_path):
    # the parse's summary of this is "Decision came": it says nothing of what was decided or when
    text = "The decision came six days before the March 12 deadline that the Tarsel council had set itself."
    d = story(tmp_path, {"a.txt": "Council decides\n\nMarch 10, 2031\n\n" + text})
    assert d["events"] and all(e["summary"] == text for e in d["events"])


def test_a_page_that_names_today_or_yesterday_with_its_day_is_dated_by_it():
    shown = DocumentDate(None, None, "header", frozenset({DateFlag.DISPLAY_DATE}),
                         note="site header shows 2026-04-14")
    dated = [Document("p0", "p0.txt", "The Quorvel ferry began a winter refit on the Tarsel slipway.",
                      published=DocumentDate("2025-11-20", "day", "byline"))]
    text = ("The Quorvel ferry was supposed to be back on the Tarsel run by yesterday, August 31. "
            "The ferry began a winter refit on the Tarsel slipway, and the operator gave itself until October 31.")
    # without the day it names, the page would take the month of the page most like it
    assert infer_anchor(page(text.replace("yesterday, August 31", "the end of summer"), shown), Bounds(),
                        dated) == ("2025-11", "inferred")
    assert infer_anchor(page(text, shown), Bounds(), dated) == ("2025-09-01", "inferred")
    ahead = "Claims for the Orvel fund can be made from tomorrow (Tuesday, 3rd of March), the council said."
    assert infer_anchor(page(ahead, DocumentDate(None)), Bounds("2026-01-10"), []) == ("2026-03-02", "inferred")
    # two such days that disagree date nothing
    both = "The hall closed yesterday, March 1. It reopens today, March 9."
    assert infer_anchor(page(both, DocumentDate(None)), Bounds("2026-01-10"), []) == ("2026", "inferred")
