"""Claims, mentions, truecasing and anchors on small hand-written articles."""
from __future__ import annotations

import pytest

from storyline.annotate.document import annotate
from storyline.annotate.timex import Anchor
from storyline.annotate.truecase import CaseLexicon, truecase
from storyline.model import Document, DocumentDate
from storyline.resolve.anchors import bounds_from, infer_anchor


def run(nlp, text: str, anchor: str = "2023-03-14", lowercase: bool = False):
    doc = Document(id="d1", source="t.txt", text=text, lowercase=lowercase)
    return annotate(doc, nlp(text), Anchor(anchor))


def speakers(ann) -> dict[int, str]:
    return {c.sentence: c.speaker for c in ann.claims}


def test_speech_verb_subject_and_complement(nlp):
    ann = run(nlp, "Union leader Marta Quell said the council had not moved an inch.")
    (claim,) = ann.claims
    assert claim.speaker == "Marta Quell" and claim.cue == "say"
    assert claim.text == "the council had not moved an inch"
    assert claim.evidence[0].text == ann.sentences[0].text


def test_quote_with_trailing_attribution_and_pronoun_continuation(nlp):
    text = ("“The bridge is safe,” engineer Tomas Reyes said on Monday.\n\n"
            "He added, “Traffic can return next week. Heavy trucks must wait.”")
    ann = run(nlp, text)
    assert speakers(ann) == {0: "Tomas Reyes", 1: "Tomas Reyes", 2: "Tomas Reyes"}
    assert ann.claims[0].text == "The bridge is safe"


def test_quoted_as_saying_names_the_speaker_and_the_channel(nlp):
    ann = run(nlp, "“We will not resign,” the Daily Echo quoted Mayor Ida Brandt as saying.")
    (claim,) = ann.claims
    assert claim.speaker == "Ida Brandt" and claim.via == "the Daily Echo"


def test_anonymous_sources_stay_descriptions(nlp):
    ann = run(nlp, "An official who spoke on condition of anonymity told reporters that the deal was off.\n\n"
                   "According to a source close to the talks, a new offer will come on Friday.")
    assert [c.anonymous for c in ann.claims] == [True, True]
    assert ann.claims[0].speaker.lower().startswith("an official")
    assert ann.claims[1].speaker.lower().startswith("a source close to the talks")


def test_definite_description_takes_the_last_named_person(nlp):
    text = ("Former minister Paul Okorafo arrived in the capital on Sunday.\n\n"
            "The 71-year-old politician said the vote had been rigged.")
    ann = run(nlp, text)
    assert speakers(ann)[1] == "Paul Okorafo"


def test_transcript_line_attributes_its_paragraph(nlp):
    text = ("Helen Marsh, head of the port authority: the cranes will run again in May. "
            "We expect full traffic by June. The losses are large.")
    ann = run(nlp, text)
    assert set(speakers(ann).values()) == {"Helen Marsh"}
    assert len(ann.claims) == 3


def test_sentence_after_reported_speech_continues_it(nlp):
    text = ("A ministry official told the agency that talks had stalled. "
            "The other side had asked for a three-year delay.\n\nThe weather was fine.")
    ann = run(nlp, text)
    assert speakers(ann) == {0: ann.claims[0].speaker, 1: ann.claims[0].speaker}
    assert ann.claims[1].cue == "continued"


def test_mentions_include_facilities_acronyms_and_particle_names(nlp):
    text = ("Spokesman Idris al-Mazrouqi said troops remain at Tell al-Hadar Air Base in Varnica province. "
            "The North Atlantic Treaty Organization (NATO) said it would help.")
    ann = run(nlp, text)
    got = {(m.text, m.label) for m in ann.mentions}
    assert ("Idris al-Mazrouqi", "PERSON") in got
    assert ("Tell al-Hadar Air Base", "FACILITY") in got
    assert ("Varnica province", "GPE") in got
    assert ("North Atlantic Treaty Organization (NATO)", "ORG") in got


def test_truecasing_keeps_length_and_restores_names():
    lexicon = CaseLexicon()
    lexicon.learn("Yesterday the Harbour Authority met Marta Quell in Saltmere. Officials in Saltmere agreed.")
    lower = "marta quell spoke in saltmere on monday. the harbour authority agreed."
    cased = truecase(lower, lexicon)
    assert len(cased) == len(lower)
    assert cased == "Marta Quell spoke in Saltmere on Monday. The Harbour Authority agreed."


def test_truecasing_helps_ner_on_a_lowercase_page(nlp):
    lexicon = CaseLexicon()
    lexicon.learn("Mayor Ida Brandt of Valleton met Governor Paul Okorafo in Lagos on Monday.")
    lower = "ida brandt said on monday that paul okorafo would visit lagos in june."
    before = {e.text.lower() for e in nlp(lower).ents if e.label_ in ("PERSON", "GPE")}
    after = {e.text.lower() for e in nlp(truecase(lower, lexicon)).ents if e.label_ in ("PERSON", "GPE")}
    assert {"ida brandt", "paul okorafo", "lagos"} <= after
    assert len(after) > len(before)


def test_anchor_is_inferred_from_the_most_similar_dated_page():
    undated = Document(id="u", source="u.txt", text="The dam opened in 2019. The second turbine hall "
                       "will open by June 2025 after delays at the dam site in the valley.")
    close = Document(id="a", source="a.txt", published=DocumentDate("2024-03-02", "day", "header"),
                     text="Engineers at the dam site in the valley said the turbine hall was delayed.")
    far = Document(id="b", source="b.txt", published=DocumentDate("2017-05-01", "day", "header"),
                   text="Engineers at the dam site in the valley said the turbine hall was delayed.")
    bounds = bounds_from([("2019", "past"), ("2025-06", "future")])
    assert infer_anchor(undated, bounds, [close, far]) == ("2024-03", "inferred")
    # with no page to go by, the year of the latest thing it tells as past (it was written after it)
    assert infer_anchor(undated, bounds, []) == ("2019", "inferred")
    dated = Document(id="c", source="c.txt", text="x", published=DocumentDate("2021-01-01", "day", "metadata"))
    assert infer_anchor(dated, bounds, [close]) == ("2021-01-01", "published")


@pytest.mark.parametrize("sentence, status", [
    ("The council will vote on the budget on March 20.", "future"),
    ("The council voted on the budget on March 2.", "past"),
    ("Ulvmarsh Energi has put the repair at EUR265 million, and now expects the reactor to return to service "
     "at the end of October.", "future"),
    # a participle's clause takes its head's tense
    ("Free meals will be handed out starting Thursday at the Tarvelle sports hall, the council said.", "future"),
    ("Drivers walked out on Tuesday, starting a stoppage at the Tarvelle depot.", "past"),
    # and a participle after a noun its clause's: "a pilot starting November 3" in a future clause
    ("About 4,000 Tarvelle drivers will be invited to test the new system in a pilot starting November 3.",
     "future"),
    # the day a plan was made is past; the day planned is ahead
    ("The refunds arrived on the date the Tarvelle administrators set in February.", "past"),
    ("The Tarvelle board set the vote for February 12.", "future"),
    # the day an act is called for lies ahead of the calling, even with the parse saying past
    ("Hours after the cabinet met, the Tarvelle unions called a 24-hour general strike for 20 November.", "future"),
    ("The Tarvelle dockers called a strike for Thursday.", "future"),
])
def test_timex_tense_from_the_parse(nlp, sentence, status):
    ann = run(nlp, sentence)
    assert ann.timexes[0].tense == status


@pytest.mark.parametrize("text, name, role", [
    ("Helen Marsh, head of the port authority, said the cranes would run again.", "Helen Marsh",
     "head of the port authority"),
    ("The agency quoted Major General Ivo Brandt as saying the border was calm.", "Ivo Brandt", "Major General"),
    ("Finance Minister Tomas Berg said the budget would be late.", "Tomas Berg", "Finance Minister"),
])
def test_roles_and_titles_of_people(nlp, text, name, role):
    ann = run(nlp, text)
    person = next(m for m in ann.mentions if m.text == name)
    assert person.role == role


def test_a_plan_told_with_an_infinitive_is_future_unless_looked_back_on(nlp):
    def tense(text: str, phrase: str) -> str | None:
        return next(t.tense for t in run(nlp, text, "2031-02-10").timexes if t.text == phrase)

    assert tense("The new pump programme is due to begin in March, the Ulvmarsh board said.", "in March") == "future"
    assert tense("The Varne ferry strike is set to end on Saturday.", "on Saturday") == "future"
    assert tense("The Varne ferry strike was due to end in January.", "in January") == "past"
    assert tense("The Ulvmarsh board reopened the pump house in January.", "in January") == "past"


def test_a_day_after_a_name_is_not_part_of_it():
    from storyline.annotate.mentions import _trim_mention

    text = "first reported by the investigative website The Quarry Lamp on Tuesday."
    start = text.index("The Quarry")
    lo, hi = _trim_mention(text, start, text.index("."))
    assert text[lo:hi] == "Quarry Lamp"
    text = "Sunday Times journalists and USA Today reported it."
    assert text[slice(*_trim_mention(text, text.index("USA"), text.index(" reported")))] == "USA Today"


@pytest.mark.parametrize("sentence, said, value", [
    # a move looked back on: the day moved to lies either side of the telling
    ("The Tarvelle ferry's return was pushed back to August 15 in April after an engine fault.", "2031-08-19",
     "2031-08-15"),
    ("The Tarvelle hearing, which had been moved to May 4, was cancelled.", "2031-06-10", "2031-05-04"),
    # a move told now reaches ahead, "has been" and all
    ("The Tarvelle ballot has been postponed until November 8.", "2031-01-10", "2031-11-08"),
    ("The Tarvelle ballot was postponed until March 8.", "2031-12-03", "2032-03-08"),
])
def test_the_year_of_a_day_a_thing_was_moved_to(nlp, sentence, said, value):
    assert run(nlp, sentence, said).timexes[0].value == value
