"""Entity resolution across documents and event merging, on hand-built mentions."""
from __future__ import annotations

from storyline.model import Mention, Sentence, TimeValue
from storyline.resolve.entities import build_entities
from storyline.resolve.events import build_events
from storyline.resolve.names import initials, name_key


def m(doc: str, text: str, label: str) -> Mention:
    return Mention(doc, 0, 0, len(text), text, label)


def groups(mentions):
    entities, _ = build_entities(mentions)
    return sorted(sorted(e.aliases) for e in entities)


def test_transliteration_variants_share_a_key():
    assert name_key("Ain al-Assad") == name_key("Ayn al-Asad") == name_key("ain Al-Asad")
    assert name_key("The Associated Press") == name_key("associated press")
    assert initials("North Atlantic Treaty Organization") == "NATO"


def test_variants_surnames_acronyms_and_places_are_joined():
    mentions = [
        m("d1", "Abdul-Karim Khalaf", "PERSON"), m("d2", "Abdul Karim Khalaf", "PERSON"),
        m("d2", "Khalaf", "PERSON"),
        m("d3", "Ayn al-Asad Air Base", "FACILITY"), m("d4", "Ain al-Assad base", "FACILITY"),
        m("d5", "Assad air base", "FACILITY"),
        m("d3", "High Military Committee (HMC)", "ORG"), m("d4", "HMC", "ORG"),
        m("d6", "Anbar province", "GPE"), m("d3", "Anbar", "GPE"),
    ]
    assert groups(mentions) == [
        ["Abdul Karim Khalaf", "Abdul-Karim Khalaf", "Khalaf"],
        ["Ain al-Assad", "Ain al-Assad base", "Assad", "Assad air base", "Ayn al-Asad",
         "Ayn al-Asad Air Base"],
        ["Anbar", "Anbar province"],
        ["HMC", "High Military Committee (HMC)"],
    ]


def test_shared_surname_is_not_merged_across_contexts():
    mentions = [m("d1", "John Carter", "PERSON"), m("d2", "Amy Carter", "PERSON"),
                m("d1", "Carter", "PERSON")]
    result = groups(mentions)
    assert ["Carter", "John Carter"] in result and ["Amy Carter"] in result


def test_different_people_stay_apart():
    mentions = [m("d1", "Adel Abdul-Mahdi", "PERSON"), m("d1", "Abu Mahdi al-Muhandis", "PERSON"),
                m("d2", "Abdul-Mahdi", "PERSON")]
    assert groups(mentions) == [["Abdul-Mahdi", "Adel Abdul-Mahdi"], ["Abu Mahdi al-Muhandis"]]


def _event_inputs(rows):
    sentences, timexes, tense = [], [], {}
    for doc, idx, text, value in rows:
        sentences.append(Sentence(doc, idx, 0, len(text), text))
        t = TimeValue(doc, idx, 0, 4, "x", "date", value, None, tense="past")
        timexes.append(t)
        tense[(doc, 0)] = "past"
    return sentences, timexes, tense


def test_same_event_told_by_two_outlets_is_merged_and_dated_precisely():
    s, t, tense = _event_inputs([
        ("a", 0, "On Jan. 5, 2020, parliament passed a resolution to expel foreign troops.", "2020-01-05"),
        ("b", 0, "Lawmakers approved a bill on January 5 demanding the withdrawal of foreign troops.", "2020-01-05"),
        ("b", 1, "The ambassador delivered a letter to the prime minister in 2020.", "2020"),
    ])
    events = build_events(s, t, tense, {})
    merged = [e for e in events if len(e.evidence) == 2]
    assert len(merged) == 1 and merged[0].when == "2020-01-05"
    assert len(events) == 2


def test_incompatible_dates_are_not_merged():
    s, t, tense = _event_inputs([
        ("a", 0, "Parliament voted to expel foreign troops in January 2018.", "2018-01"),
        ("b", 0, "Parliament voted to expel foreign troops on January 5, 2020.", "2020-01-05"),
    ])
    assert len(build_events(s, t, tense, {})) == 2
