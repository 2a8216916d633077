"""Entity resolution and event merging across documents, through the store's indexes."""
from __future__ import annotations

from storyline.model import Document, DocumentDate, Mention, Sentence, TimeValue
from storyline.names import initials, name_key
from storyline.resolve.entities import resolve_document_entities
from storyline.resolve.events import update_events
from storyline.story.statements import index_document


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
    assert name_key("Ain al-Sabbar") == name_key("Ayn al-Sabar") == name_key("ain Al-Sabar")
    assert name_key("The Harbour Times") == name_key("harbour times")
    assert initials("Baltic Ferry Safety Organization") == "BFSO"


def test_variants_surnames_acronyms_and_places_are_joined(store):
    add_doc(store, "d1", [("Abdul-Wahid Qaradi", "PERSON"), ("Ayn al-Sabar Air Base", "FACILITY"),
                          ("Joint Harbour Committee (JHC)", "ORG"), ("Tarsin", "GPE")])
    add_doc(store, "d2", [("Abdul Wahid Qaradi", "PERSON"), ("Qaradi", "ORG"), ("JHC", "ORG"),
                          ("Ain al-Sabbar base", "FACILITY"), ("Tarsin province", "GPE")])
    add_doc(store, "d3", [("Sabbar air base", "FACILITY")])
    assert groups(store) == [
        ["Abdul Wahid Qaradi", "Abdul-Wahid Qaradi", "Qaradi"],
        ["Ain al-Sabbar", "Ain al-Sabbar base", "Ayn al-Sabar", "Ayn al-Sabar Air Base", "Sabbar",
         "Sabbar air base"],
        ["JHC", "Joint Harbour Committee", "Joint Harbour Committee (JHC)"],
        ["Tarsin", "Tarsin province"],
    ]


def test_surname_before_full_name_joins_it(store):
    add_doc(store, "d1", [("Oduba", "PERSON")])
    add_doc(store, "d2", [("Paul Oduba", "PERSON")])
    assert groups(store) == [["Oduba", "Paul Oduba"]]


def test_shared_surname_is_not_merged_across_contexts(store):
    add_doc(store, "d1", [("John Carter", "PERSON")])
    add_doc(store, "d2", [("Amy Carter", "PERSON")])
    add_doc(store, "d3", [("John Carter", "PERSON"), ("Carter", "PERSON")])
    result = groups(store)
    assert ["Carter", "John Carter"] in result and ["Amy Carter"] in result


def test_different_people_stay_apart(store):
    add_doc(store, "d1", [("Samir Abdul-Hadi", "PERSON"), ("Abu Hadi al-Nasrawi", "PERSON")])
    add_doc(store, "d2", [("Abdul-Hadi", "PERSON")])
    assert groups(store) == [["Abdul-Hadi", "Samir Abdul-Hadi"], ["Abu Hadi al-Nasrawi"]]


def test_same_event_told_by_two_outlets_is_merged_and_dated_precisely(store):
    add_doc(store, "a", sentences=["On Jan. 5, 2020, the council passed a resolution to withdraw harbour pilots."],
            times=[(0, "2020-01-05", "pass")])
    add_doc(store, "b", sentences=["Councillors approved a bill on January 5 demanding the withdrawal of harbour pilots.",
                                   "The mayor delivered a letter to the port director in 2020."],
            times=[(0, "2020-01-05", "approve"), (1, "2020", "deliver")])
    for doc in ("a", "b"):
        update_events(store, index_document(store, doc))
    events = [e for e, _ in store.items.events()]
    merged = [e for e in events if len(e.evidence) == 2]
    assert len(merged) == 1 and merged[0].when == "2020-01-05"
    assert len(events) == 2


def test_incompatible_dates_are_not_merged(store):
    add_doc(store, "a", sentences=["The council voted to withdraw harbour pilots in January 2018."],
            times=[(0, "2018-01", "vote")])
    add_doc(store, "b", sentences=["The council voted to withdraw harbour pilots on January 5, 2020."],
            times=[(0, "2020-01-05", "vote")])
    for doc in ("a", "b"):
        update_events(store, index_document(store, doc))
    assert len(store.items.events()) == 2


def test_a_country_under_its_names_codes_and_short_forms(store):
    add_doc(store, "d1", [("United States", "GPE"), ("Kenya", "GPE")])
    add_doc(store, "d2", [("U.S.", "GPE"), ("America", "GPE"), ("USA", "GPE")])
    assert groups(store) == [["America", "U.S.", "USA", "United States"], ["Kenya"]]
