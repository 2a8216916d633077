"""Entities across documents, second part, on invented names: news organisations named by a
short form while their full name is only in the credits (resolve/entity_outlets.py), the
page's own outlet in its text, legal forms written with dots, places first taken for
people, short names of companies taken for people, and the same-page index of names."""
from __future__ import annotations

from storyline.annotate.document import annotate
from storyline.annotate.mention_outlets import names_in_line, outlet_names
from storyline.annotate.mentions import _cap_runs, _entity_pieces
from storyline.annotate.timex import Anchor
from storyline.model import Document, DocumentDate, Mention, Sentence
from storyline.resolve.entities import resolve_document_entities
from storyline.resolve.entity_names import name_like, without_legal_form
from storyline.resolve.entity_outlets import own_outlet_short, short_forms


def add_doc(store, doc_id: str, mentions: list[tuple[str, str]], outlet: str | None = None,
            removed: list[str] | None = None) -> None:
    text = " ".join(t for t, _ in mentions)
    store.docs.add(Document(id=doc_id, source=f"{doc_id}.txt", text=text, outlet=outlet, removed=removed or [],
                            published=DocumentDate("2024-03-01", "day", "header")))
    sentence = Sentence(doc_id, 0, 0, len(text), text, verbs=[], tense="past")
    ms, pos = [], 0
    for t, label in mentions:
        ms.append(Mention(doc_id, 0, pos, pos + len(t), t, label))
        pos += len(t) + 1
    store.annotations.save(doc_id, [sentence], ms, [], [])
    resolve_document_entities(store, doc_id)


def group_of(store, alias: str) -> list[str]:
    return next((sorted(e.aliases) for e in store.items.entities() if alias in e.aliases), [])


# -- outlets and agencies ----------------------------------------------------------------
def test_short_forms_of_an_agency_name():
    assert {"tarnwick", "tpa"} <= short_forms("Tarnwick Press Agency")
    assert short_forms("The Harbour Ledger") == {"hl"}  # a newspaper is not its first word
    assert "kenya" not in short_forms("Kenya News Agency")  # a country is never a short form
    assert own_outlet_short("The Harbour Ledger") == "ledger"
    assert own_outlet_short("Brisquell") is None


def test_agency_names_in_credit_lines():
    line = "Stories from the Tarnwick Press Agency are published unedited. The Orlen Herald is not responsible."
    assert names_in_line(line) == ["Tarnwick Press Agency", "Orlen Herald"]
    assert names_in_line("Share on Facebook | Email") == []
    assert names_in_line("Follow Quillpost on Orlen News") == []
    assert names_in_line("Orlen Newswire | 13 Mar 2025") == ["Orlen Newswire"]
    doc = Document(id="x", source="x.txt", text="", outlet="The Orlen Herald", author="Tarnwick Newswire",
                   removed=["By Tarnwick Newswire", "Copyright 2025 Velsor Wire Service. All rights reserved."])
    assert outlet_names(doc) == ["Orlen Herald", "Tarnwick Newswire", "Velsor Wire Service"]


def test_a_wire_credit_joins_the_agency_named_by_its_short_form(store):
    add_doc(store, "d1", [("Tarnwick", "ORG"), ("Brelland", "GPE")], outlet="Orlen Herald",
            removed=["Tarnwick Newswire | 13 Mar 2025"])
    assert group_of(store, "Tarnwick") == ["Tarnwick", "Tarnwick Newswire"]


def test_a_credit_seen_first_joins_the_short_form_of_a_later_page(store):
    add_doc(store, "d1", [("Brelland", "GPE")], outlet="Orlen Herald", removed=["By Velsor Press Agency"])
    add_doc(store, "d2", [("VPA", "ORG"), ("Brelland", "GPE")], outlet="Quill Daily")
    assert group_of(store, "VPA") == ["VPA", "Velsor Press Agency"]


def test_a_credit_is_not_joined_to_a_place_or_a_longer_name(store):
    add_doc(store, "d1", [("Tarnwick Capital Partners", "ORG"), ("Tarnwick", "ORG")], outlet="Orlen Herald",
            removed=["By Tarnwick Press Agency"])
    assert "Tarnwick Press Agency" not in group_of(store, "Tarnwick")


def test_the_short_form_of_a_pages_own_outlet(store):
    add_doc(store, "d1", [("Dorel Vask", "PERSON"), ("Ledger", "ORG")], outlet="The Harbour Ledger")
    add_doc(store, "d2", [("Ledger", "ORG")], outlet="Valley Ledger")
    add_doc(store, "d3", [("Harbour Ledger", "ORG")], outlet="Quill Daily")
    assert group_of(store, "Harbour Ledger") == ["Harbour Ledger", "Ledger"]
    assert group_of(store, "Valley Ledger") == ["Ledger", "Valley Ledger"]


def test_own_outlet_found_in_the_text(nlp):
    text = "The Harbour Ledger reported last month that talks had stalled, a director told the Ledger."
    doc = Document(id="d1", source="t.txt", text=text, outlet="The Harbour Ledger")
    got = {(m.text, m.label) for m in annotate(doc, nlp(text), Anchor("2024-03-01")).mentions}
    assert ("Harbour Ledger", "ORG") in got and ("Ledger", "ORG") in got


# -- mentions ----------------------------------------------------------------------------
def test_a_dateline_credit_the_model_cut_before_its_bracket():
    text = "TARNOW, Velmoria (Quillpress) - The harbour reopened."
    pieces = _entity_pieces(text, 8, text.index(")"), "ORG")
    assert [(text[s:e], lab) for s, e, lab in pieces][-1] == ("Quillpress", "ORG")


def test_a_lowercase_middle_initial_stays_in_the_name():
    runs = [" ".join(w for _, _, w in run) for run in _cap_runs("Reporters asked Tavio m. Brandoli about a. it")]
    assert runs == ["Reporters", "Tavio m. Brandoli"]


def test_a_legal_form_written_with_dots_is_part_of_the_name(nlp):
    text = "Engineers from Velta Konstrukt d.o.o. found corrosion in the roof last week."
    doc = Document(id="d1", source="t.txt", text=text)
    got = {(m.text, m.label) for m in annotate(doc, nlp(text), Anchor("2024-03-01")).mentions}
    assert ("Velta Konstrukt d.o.o.", "ORG") in got
    assert without_legal_form("korvesta statika d o o") == "korvesta statika"


# -- the resolver ------------------------------------------------------------------------
def test_initials_do_not_stop_a_name_reading_as_coined():
    assert name_like("Tavio M. Brandoli") and not name_like("M. J.")


def test_short_name_of_a_company_the_model_took_for_a_person(store):
    add_doc(store, "d1", [("Ondrell Biologics", "PERSON"), ("Ondrell", "NAME")])
    assert group_of(store, "Ondrell") == ["Ondrell", "Ondrell Biologics"]


def test_a_given_name_alone_labelled_person_does_not_join_that_way(store):
    add_doc(store, "d1", [("Ondrell Biologics", "PERSON"), ("Ondrell", "PERSON")])
    assert group_of(store, "Ondrell") == ["Ondrell"]


def test_a_province_of_a_place_first_taken_for_a_person(store):
    add_doc(store, "d1", [("Zentavia", "PERSON")])
    add_doc(store, "d2", [("Zentavia province", "GPE")])
    assert group_of(store, "Zentavia") == ["Zentavia", "Zentavia province"]


def test_a_person_does_not_take_a_province(store):
    add_doc(store, "d1", [("Orla Zentavi", "PERSON"), ("Zentavi", "PERSON")])
    add_doc(store, "d2", [("Zentavi province", "GPE")])
    assert "Zentavi province" not in group_of(store, "Zentavi")


def test_surnames_on_a_long_page_are_found_through_an_index(store, monkeypatch):
    """Each bare surname goes to the full name before it, and is compared only with the names
    that share a word with it: the work grows with the page, not with its square."""
    from storyline.resolve import entity_match

    first, second = ["Brel", "Dask", "Feno", "Gorv", "Hult", "Jarn", "Kest", "Lupe", "Mord", "Nisk"], \
        ["atov", "imer", "ozak", "ulin", "evra", "yskt", "obru", "ander", "ipso", "uxel"]
    people = [(f"{a}{b}", f"{b.capitalize()}{a.lower()}") for a in first for b in second]
    mentions = []
    for k in range(1000):
        given, surname = people[k % 100]
        mentions += [(f"{given} {surname}", "PERSON"), (surname, "PERSON")]
    calls = []
    shortens = entity_match.Matcher.shortens
    monkeypatch.setattr(entity_match.Matcher, "shortens", lambda self, a, b: calls.append(1) or shortens(self, a, b))
    add_doc(store, "d1", mentions)
    assert len(calls) <= 2 * len(mentions)  # one candidate per surname here; a scan would be ~10^6
    assert group_of(store, people[7][1]) == sorted([f"{people[7][0]} {people[7][1]}", people[7][1]])


def test_a_common_word_alone_first_in_a_sentence_is_not_a_name(nlp):
    text = "Turnout was high, the union said. Volumes at the port fell. Analysts at Shell agreed, and Shell said so."
    doc = Document(id="d1", source="t.txt", text=text)
    got = {m.text for m in annotate(doc, nlp(text), Anchor("2024-03-01")).mentions}
    assert "Turnout" not in got and "Volumes" not in got and "Shell" in got


def test_another_english_name_of_a_country_keys_that_country(store):
    from storyline.lexicon import country_of

    assert country_of("Britain") == country_of("UK") == "United Kingdom"
    add_doc(store, "d1", [("UK", "GPE"), ("Britain", "GPE")])
    assert group_of(store, "UK") == ["Britain", "UK"]
