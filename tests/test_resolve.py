"""Entity resolution and event merging across documents, through the store's indexes."""
from __future__ import annotations

from storyline.story.statements import index_document
from storyline.model import DocumentDate, Document, Mention, Sentence, TimeValue
from storyline.resolve.entities import resolve_document_entities
from storyline.resolve.events import update_events
from storyline.names import initials, name_key


def add_doc(store, doc_id: str, mentions: list[tuple[str, str]] = (), sentences: list[str] = (),
            times: list[tuple[int, str, str]] = ()) -> str:
    text = " ".join(sentences) or " ".join(t for t, _ in mentions) or doc_id
    store.docs.add(Document(id=doc_id, source=f"{doc_id}.txt", text=text,
                                published=DocumentDate("2021-06-01", "day", "header")))
    sents, pos = [], 0
    for i, s in enumerate(sentences or [text]):
        sents.append(Sentence(doc_id, i, pos, pos + len(s), s, verbs=["approve"], tense="past"))
        pos += len(s) + 1
    ms = [Mention(doc_id, 0, i, i + len(t), t, label) for i, (t, label) in enumerate(mentions)]
    ts = [TimeValue(doc_id, i, 0, 4, "x", "date", v, None, tense="past", verb=verb) for i, v, verb in times]
    store.annotations.save(doc_id, sents, ms, ts, [])
    resolve_document_entities(store, doc_id)
    return doc_id


def groups(store) -> list[list[str]]:
    return sorted(sorted(e.aliases) for e in store.items.entities())


def test_transliteration_variants_share_a_key():
    assert name_key("Ain al-Assad") == name_key("Ayn al-Asad") == name_key("ain Al-Asad")
    assert name_key("The Associated Press") == name_key("associated press")
    assert initials("North Atlantic Treaty Organization") == "NATO"


def test_variants_surnames_acronyms_and_places_are_joined(store):
    add_doc(store, "d1", [("Abdul-Karim Khalaf", "PERSON"), ("Ayn al-Asad Air Base", "FACILITY"),
                          ("High Military Committee (HMC)", "ORG"), ("Anbar", "GPE")])
    add_doc(store, "d2", [("Abdul Karim Khalaf", "PERSON"), ("Khalaf", "ORG"), ("HMC", "ORG"),
                          ("Ain al-Assad base", "FACILITY"), ("Anbar province", "GPE")])
    add_doc(store, "d3", [("Assad air base", "FACILITY")])
    assert groups(store) == [
        ["Abdul Karim Khalaf", "Abdul-Karim Khalaf", "Khalaf"],
        ["Ain al-Assad", "Ain al-Assad base", "Assad", "Assad air base", "Ayn al-Asad",
         "Ayn al-Asad Air Base"],
        ["Anbar", "Anbar province"],
        ["HMC", "High Military Committee (HMC)"],
    ]


def test_surname_before_full_name_joins_it(store):
    add_doc(store, "d1", [("Okafor", "PERSON")])
    add_doc(store, "d2", [("Paul Okafor", "PERSON")])
    assert groups(store) == [["Okafor", "Paul Okafor"]]


def test_shared_surname_is_not_merged_across_contexts(store):
    add_doc(store, "d1", [("John Carter", "PERSON")])
    add_doc(store, "d2", [("Amy Carter", "PERSON")])
    add_doc(store, "d3", [("John Carter", "PERSON"), ("Carter", "PERSON")])
    result = groups(store)
    assert ["Carter", "John Carter"] in result and ["Amy Carter"] in result


def test_different_people_stay_apart(store):
    add_doc(store, "d1", [("Adel Abdul-Mahdi", "PERSON"), ("Abu Mahdi al-Muhandis", "PERSON")])
    add_doc(store, "d2", [("Abdul-Mahdi", "PERSON")])
    assert groups(store) == [["Abdul-Mahdi", "Adel Abdul-Mahdi"], ["Abu Mahdi al-Muhandis"]]


def test_same_event_told_by_two_outlets_is_merged_and_dated_precisely(store):
    add_doc(store, "a", sentences=["On Jan. 5, 2020, parliament passed a resolution to expel foreign troops."],
            times=[(0, "2020-01-05", "pass")])
    add_doc(store, "b", sentences=["Lawmakers approved a bill on January 5 demanding the withdrawal of foreign troops.",
                                   "The ambassador delivered a letter to the prime minister in 2020."],
            times=[(0, "2020-01-05", "approve"), (1, "2020", "deliver")])
    for doc in ("a", "b"):
        update_events(store, index_document(store, doc))
    events = [e for e, _ in store.items.events()]
    merged = [e for e in events if len(e.evidence) == 2]
    assert len(merged) == 1 and merged[0].when == "2020-01-05"
    assert len(events) == 2


def test_incompatible_dates_are_not_merged(store):
    add_doc(store, "a", sentences=["Parliament voted to expel foreign troops in January 2018."],
            times=[(0, "2018-01", "vote")])
    add_doc(store, "b", sentences=["Parliament voted to expel foreign troops on January 5, 2020."],
            times=[(0, "2020-01-05", "vote")])
    for doc in ("a", "b"):
        update_events(store, index_document(store, doc))
    assert len(store.items.events()) == 2


def test_a_country_under_its_names_codes_and_short_forms(store):
    add_doc(store, "d1", [("United States", "GPE"), ("Kenya", "GPE")])
    add_doc(store, "d2", [("U.S.", "GPE"), ("America", "GPE"), ("USA", "GPE")])
    assert groups(store) == [["America", "U.S.", "USA", "United States"], ["Kenya"]]
