"""Who started an act: one outlet tells it as ordered or asked for by another party, another
as done of the doer's own accord. Invented stories (a mill, a school, a festival), run
through the real pipeline; plus the sentence reader on its own, with near-misses that
must not count (a question, a negation, a sentence telling both)."""
from __future__ import annotations

import pytest

from storyline.story.initiative import initiatives

from .stories import build_story


def page(title: str, outlet: str, date: str, body: str) -> str:
    return f"{title}\n\n{date}\n\n{outlet} -- {body}"


def initiative_items(d: dict) -> list[dict]:
    return [x for x in d["contradictions"] if x["slot"] == "initiative"]


@pytest.mark.parametrize("text, kind, agent", [
    ("The Office for Water Quality ordered Brellmoor Mills on Tuesday to halt production at its dye plant.",
     "imposed", "Office for Water Quality"),
    ("The school closed at the request of the district health board.", "imposed", "district health board"),
    ("The request came from Selwick Council.", "imposed", "Selwick Council"),
    ("The fine, which Deputy Mayor Oriel Penhaw ordered in May, was paid.", "imposed", "Deputy Mayor Oriel Penhaw"),
    ("The hearing was moved at the request of the defence but the court objected.", "imposed", "defence"),
    ("Brellmoor Mills said it had voluntarily paused production.", "own", None),
    ("The festival was called off on the organisers' own initiative.", "own", None),
    ("Brellmoor itself halted production on Friday.", "own", None),
    ("The mill paused production voluntarily before the regulator could order it to halt.", "own", None),
])
def test_the_sentence_tells_who_started_the_act(text, kind, agent):
    told = initiatives(text)
    assert told and told[0].kind == kind
    if agent:
        assert told[0].agent == agent


@pytest.mark.parametrize("text", [
    "Did the mill pause production voluntarily?",
    "The pause was not voluntary, a union official said.",
    "The mill paused production voluntarily on Monday, and the regulator ordered it to halt all dyeing.",
    "The mayor told reporters to expect a decision soon.",
    "A written reply was requested by Thursday at the latest.",  # a deadline, not who asked
])
def test_questions_negations_and_sentences_telling_both_take_no_side(text):
    assert initiatives(text) == []


@pytest.mark.slow
def test_ordered_against_voluntary_halt_is_a_disagreement(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Regulator halts dye plant", "Valley Courier", "March 4, 2025",
                      "The Office for Water Quality ordered Brellmoor Mills on Tuesday to halt production at its "
                      "Selwick dye plant after a discharge turned the river red."),
        "b.txt": page("Mill pauses dyeing", "Textile Ledger", "March 5, 2025",
                      "Brellmoor Mills said it had voluntarily halted production at its Selwick dye plant on Tuesday "
                      "while engineers examined the discharge pipe."),
    })
    items = initiative_items(d)
    assert items, d["contradictions"]
    assert "Office for Water Quality" in items[0]["summary"]


@pytest.mark.slow
def test_the_imposing_party_acting_of_its_own_accord_agrees(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Council shuts Harlan school", "Valley Courier", "March 4, 2025",
                      "Selwick Council ordered the Harlan primary school closed on Monday after a boiler failed."),
        "b.txt": page("School closed after boiler fault", "Textile Ledger", "March 5, 2025",
                      "Selwick Council closed the Harlan primary school on Monday on its own initiative after the "
                      "boiler failed."),
    })
    assert initiative_items(d) == []


@pytest.mark.slow
def test_different_acts_on_different_days_are_not_compared(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Festival stage closed", "Valley Courier", "June 2, 2025",
                      "Police ordered the organisers of the Penhaw Festival to close the main stage on May 3 after "
                      "a crush at the gates."),
        "b.txt": page("Festival ends early", "Textile Ledger", "June 3, 2025",
                      "The organisers of the Penhaw Festival voluntarily closed the camp site on May 28, a day early, "
                      "because of storms."),
    })
    assert initiative_items(d) == []


@pytest.mark.slow
def test_two_outlets_naming_different_parties_who_asked_for_a_mediator(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Mediator named in bus strike", "Valley Courier", "April 8, 2025",
                      "The labour ministry appointed mediator Ilse Vorndahl on Monday at the request of the drivers' union, "
                      "as the Selwick bus strike entered its third week."),
        "b.txt": page("Bus talks to resume", "Textile Ledger", "April 9, 2025",
                      "The labour ministry appointed Ilse Vorndahl as mediator on Monday after the Selwick transport "
                      "authority asked it to find someone to restart the bus talks."),
    })
    items = initiative_items(d)
    assert items, d["contradictions"]
    assert "drivers' union" in items[0]["summary"] and "Selwick transport authority" in items[0]["summary"]


def test_a_decision_told_as_the_speakers_own():
    told = initiatives("Commissioner Edvin Kettunberg said it was his decision to apply the largest penalty allowed.")
    assert told and told[0].kind == "own"


@pytest.mark.slow
def test_the_same_verb_on_both_sides_tells_one_act_whatever_its_class(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Boil notice for Ulvmarsh", "Valley Courier", "March 19, 2025",
                      "The state Office of Water Quality ordered Ulvmarsh Water to issue a boil-water notice on "
                      "Wednesday after samples from the east side tested positive."),
        "b.txt": page("Ulvmarsh Water defends handling", "Textile Ledger", "March 20, 2025",
                      "Ulvmarsh Water said it received the laboratory results on Monday and issued the notice on its own "
                      "initiative after consulting the county health board."),
    })
    assert initiative_items(d), d["contradictions"]


def test_one_page_quoting_both_sides_of_who_stopped_it(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Boiler repairs halted", "Valley Courier", "August 22, 2031",
                      "\"We ordered Brellmoor to halt the repairs at once,\" said Corvin Quarrendon, who heads the "
                      "safety office's product unit. Brellmoor Home said it had halted the repairs of its own accord "
                      "on Monday."),
    })
    assert initiative_items(d), d["contradictions"]


def test_one_speaker_telling_both_on_one_page_takes_no_side(tmp_path):
    d = build_story(tmp_path, {
        "a.txt": page("Boiler repairs halted", "Valley Courier", "August 22, 2031",
                      "\"We ordered Brellmoor to halt the repairs at once,\" said Corvin Quarrendon, who heads the "
                      "safety office's product unit. Quarrendon said Brellmoor had told her it had halted the repairs "
                      "of its own accord on Monday."),
    })
    assert initiative_items(d) == [], initiative_items(d)
