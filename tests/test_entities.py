"""Entities across documents, one rule a test, on invented names: how a name is read
(names.py, resolve/entity_names.py), how mentions are found on a page (find_mentions), and
how the resolver joins them (resolve/entity_match.py)."""
from __future__ import annotations

import pytest

from storyline.annotate.document import annotate
from storyline.annotate.timex import Anchor
from storyline.model import Document, DocumentDate, Mention, Sentence
from storyline.names import acronym_forms, name_key, of_forms, person_name, split_alias
from storyline.resolve.entities import resolve_document_entities
from storyline.resolve.entity_names import same_person, split_honorific, without_legal_form


def add_doc(store, doc_id: str, mentions: list[tuple[str, str]]) -> None:
    """A document whose mentions stand in the given order, resolved into the story."""
    text = " ".join(t for t, _ in mentions)
    store.docs.add(Document(id=doc_id, source=f"{doc_id}.txt", text=text,
                            published=DocumentDate("2024-03-01", "day", "header")))
    sentence = Sentence(doc_id, 0, 0, len(text), text, verbs=[], tense="past")
    ms, pos = [], 0
    for t, label in mentions:
        ms.append(Mention(doc_id, 0, pos, pos + len(t), t, label))
        pos += len(t) + 1
    store.annotations.save(doc_id, [sentence], ms, [], [])
    resolve_document_entities(store, doc_id)


def groups(store) -> list[list[str]]:
    return sorted(sorted(e.aliases) for e in store.items.entities())


def group_of(store, alias: str) -> list[str]:
    return next(sorted(e.aliases) for e in store.items.entities() if alias in e.aliases)


# -- how a name is read ------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("Šimon Dvorač", "Simon Dvorac"),  # diacritics
    ("Petros Alexopoulos", "Petros Alexopulos"),  # ou / u
    ("Milo Varkats", "Milo Varkač"),  # a final ts / č
    ("Thomas Lindgren", "Tomas Lindgren"),  # th / t
    ("Femke van den Broek", "Femke van der Broek"),  # one particle, two spellings
    ("Tarn Fire & Rescue", "Tarn Fire and Rescue"),
])
def test_transliterations_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_a_person_name_is_given_name_middle_names_and_surname():
    p = person_name("Daniel R. Pellmore")
    assert (p.given, p.middle, p.surname) == (("daniel",), ("r",), ("pelmore",))
    compound = person_name("Sanne de Wit-Kuiper")
    assert compound.given == ("sane",) and compound.core == ("wit", "kuiper")
    assert person_name("Dirk-Jan Mulder").given == ("dirk", "jan")
    assert person_name("van der Broek").given == ()


@pytest.mark.parametrize("a, b, same", [
    ("Dan Pellmore", "Daniel R. Pellmore", True),  # short form that begins the given name
    ("Kasia Dobrowolska", "Katarzyna Dobrowolska", True),  # one group of given_name_variants
    ("D. Pellmore", "Daniel Pellmore", True),  # an initial
    ("Ana Brandt", "Ana Brandt-Sorel", True),  # a part of a compound surname
    ("Sorel", "Ana Brandt-Sorel", True),
    ("Ana Pellmore", "Daniel Pellmore", False),  # two people of one surname
    ("Ana Brandt", "Ana Sorel", False),
])
def test_person_names_that_may_be_one_person(a, b, same):
    assert same_person(person_name(a), person_name(b)) is same


def test_honorifics_and_legal_forms_are_not_part_of_the_name():
    assert split_honorific("Ms. Marta Quell") == ("Ms.", "Marta Quell")
    assert split_honorific("Professor Vellinga") == ("Professor", "Vellinga")
    assert split_honorific("Quell") == ("", "Quell")
    assert without_legal_form("velta home appliances ltd") == "velta home appliances"
    assert without_legal_form("stichting aquila sport") == "aquila sport"


def test_a_name_written_with_another_name_for_it():
    assert split_alias("Harbour Safety Board (HSB)") == ("Harbour Safety Board", "HSB")
    assert split_alias("Tarnian Space Office (Gabinete Espacial Tarnio)") == (
        "Tarnian Space Office", "Gabinete Espacial Tarnio")
    assert split_alias("Ministério do Mar, known by its Portuguese acronym MIMAR") == (
        "Ministério do Mar", "MIMAR")


def test_acronyms_with_and_without_small_words_and_two_word_orders():
    assert acronym_forms("Department of Harbours") == {"DH", "DOH"}
    assert of_forms(name_key("National Bank of Tarnia")) & of_forms(name_key("Tarnian National Bank"))
    assert of_forms(name_key("Ministry of Finance")) & of_forms(name_key("finance ministry"))
    assert of_forms(name_key("Ministry of Trade and Sport")) & of_forms(name_key("sports ministry"))


# -- how the resolver joins mentions -----------------------------------------------------
def test_bare_surname_follows_the_full_name_mentioned_last_on_the_page(store):
    add_doc(store, "d1", [("Ivo Vardeck", "PERSON"), ("Lena Vardeck", "PERSON")])
    add_doc(store, "d2", [("Ivo Vardeck", "PERSON"), ("Vardeck", "PERSON"), ("Lena Vardeck", "PERSON"),
                          ("Vardeck", "PERSON")])
    assert group_of(store, "Ivo Vardeck") == ["Ivo Vardeck", "Vardeck"]
    assert group_of(store, "Lena Vardeck") == ["Lena Vardeck", "Vardeck"]
    assert len(groups(store)) == 2


def test_bare_surname_before_the_full_name_on_the_page_goes_with_it(store):
    add_doc(store, "d1", [("Quellberg", "PERSON"), ("Marta Quellberg", "PERSON")])
    assert groups(store) == [["Marta Quellberg", "Quellberg"]]


def test_honorific_and_surname_and_sir_with_given_name(store):
    add_doc(store, "d1", [("Marta Quell", "PERSON"), ("Sir Ivo Brandle", "PERSON")])
    add_doc(store, "d2", [("Ms Quell", "PERSON"), ("Sir Ivo", "PERSON"), ("Professor Quell", "PERSON")])
    assert group_of(store, "Marta Quell") == ["Marta Quell", "Ms Quell", "Professor Quell", "Quell"]
    assert group_of(store, "Sir Ivo") == ["Ivo", "Ivo Brandle", "Sir Ivo", "Sir Ivo Brandle"]


def test_middle_names_initials_and_short_given_names(store):
    add_doc(store, "d1", [("Daniel R. Pellmore", "PERSON")])
    add_doc(store, "d2", [("Dan Pellmore", "PERSON")])
    add_doc(store, "d3", [("Daniel Rhys Pellmore", "PERSON"), ("Pellmore", "ORG")])
    assert groups(store) == [["Dan Pellmore", "Daniel R. Pellmore", "Daniel Rhys Pellmore", "Pellmore"]]


def test_compound_surname_and_its_parts(store):
    add_doc(store, "d1", [("Ana Brandt-Sorel", "PERSON")])
    add_doc(store, "d2", [("Ana Brandt", "PERSON")])
    add_doc(store, "d3", [("Brandt-Sorel", "ORG")])
    assert groups(store) == [["Ana Brandt", "Ana Brandt-Sorel", "Brandt-Sorel"]]


def test_a_person_the_model_called_an_organisation(store):
    add_doc(store, "d1", [("Katarzyna Dobrowolska", "PERSON")])
    add_doc(store, "d2", [("Kasia Dobrowolska", "ORG"), ("Ms Dobrowolska", "GPE")])
    assert len(groups(store)) == 1


def test_distinct_people_sharing_a_surname_stay_apart(store):
    add_doc(store, "d1", [("Jon Tarrant", "PERSON")])
    add_doc(store, "d2", [("Ama Tarrant", "PERSON")])
    add_doc(store, "d3", [("Tarrant", "PERSON")])  # a page naming neither: not merged into one
    assert ["Jon Tarrant"] in groups(store) or ["Jon Tarrant", "Tarrant"] in groups(store)
    assert all(not {"Jon Tarrant", "Ama Tarrant"} <= set(g) for g in groups(store))


def test_organisation_short_name_is_its_coined_first_word(store):
    add_doc(store, "d1", [("Velta", "PERSON")])  # the model's label on a bare company name
    add_doc(store, "d2", [("Velta Home Appliances Ltd", "ORG"), ("Velta DryMax", "ORG")])
    add_doc(store, "d3", [("Velta", "ORG"), ("Velta Home Appliances", "ORG")])
    assert group_of(store, "Velta") == ["Velta", "Velta Home Appliances", "Velta Home Appliances Ltd"]
    assert ["Velta DryMax"] in groups(store)


def test_short_name_of_a_place_named_organisation_stays_a_place(store):
    add_doc(store, "d1", [("Zorvek", "GPE"), ("Zorvek Times", "ORG")])
    assert groups(store) == [["Zorvek"], ["Zorvek Times"]]


def test_a_place_is_no_short_name_of_the_public_body_named_after_it(store):
    # the model often tags a bare place name ORG or PERSON; "Orvik" is the island, not its council
    add_doc(store, "d1", [("Orvik District Council", "ORG"), ("Orvik", "ORG")])
    add_doc(store, "d2", [("Tarnia Civil Defence Service", "ORG"), ("Tarnia", "PERSON")])
    assert ["Orvik District Council"] in groups(store) and ["Tarnia Civil Defence Service"] in groups(store)


def test_a_place_the_story_knows_is_no_short_name_of_a_body_named_after_it(store):
    add_doc(store, "d1", [("Brastova", "GPE"), ("Port Velling", "FAC"), ("Port Velling", "GPE")])
    # a later page: the body's full name, then the place's bare name in the model's other labels
    add_doc(store, "d2", [("Brastova Coast Guard", "ORG"), ("Brastova", "PERSON"),
                          ("Port Velling District Court", "ORG")])
    assert ["Brastova Coast Guard"] in groups(store) and ["Port Velling District Court"] in groups(store)
    assert "Brastova" in group_of(store, "Brastova") and "Brastova Coast Guard" not in group_of(store, "Brastova")
    # a city the gazetteer knows, whatever the model called it on the page
    add_doc(store, "d3", [("Houston Shipping Lines", "ORG"), ("Houston", "PERSON")])
    assert ["Houston Shipping Lines"] in groups(store)


def test_an_acronym_after_a_persons_name_is_an_affiliation_not_an_alias(store):
    add_doc(store, "d1", [("Yevka Sorinova", "PERSON"), ("Yevka Sorinova (NIVS)", "PERSON")])
    add_doc(store, "d2", [("Northern Institute of Volcanic Studies (NIVS)", "ORG")])
    assert group_of(store, "Yevka Sorinova") == ["Yevka Sorinova"]
    assert "NIVS" in group_of(store, "Northern Institute of Volcanic Studies")


def test_acronyms_in_either_word_order(store):
    add_doc(store, "d1", [("Tarnian National Bank (TNB)", "ORG")])
    add_doc(store, "d2", [("National Bank of Tarnia (NBT)", "ORG")])
    add_doc(store, "d3", [("TNB", "ORG"), ("NBT", "ORG")])
    assert len(groups(store)) == 1


def test_acronym_of_the_name_in_another_language(store):
    add_doc(store, "d1", [("Merlin Port Authority", "ORG")])
    add_doc(store, "d2", [("APM", "NAME")])  # Autoridade Portuária Merlin
    assert groups(store) == [["APM", "Merlin Port Authority"]]


def test_acronym_goes_to_the_organisation_not_the_event(store):
    add_doc(store, "d1", [("Nordic Rowing Championships", "EVENT")])
    add_doc(store, "d2", [("Nordic Rowing Confederation", "ORG")])
    add_doc(store, "d3", [("NRC", "ORG")])
    assert group_of(store, "NRC") == ["NRC", "Nordic Rowing Confederation"]


def test_abbreviated_reordered_and_shortened_organisation_names(store):
    add_doc(store, "d1", [("Lindor-Vasa Joint Venture", "ORG"), ("Brightwell Earth Observation", "ORG"),
                          ("Harbour Safety and Standards Authority", "ORG")])
    add_doc(store, "d2", [("Vasa-Lindor JV", "ORG"), ("Brightwell EO", "ORG"), ("Lindor-Vasa", "ORG"),
                          ("Harbour Safety Authority", "ORG")])
    assert len(groups(store)) == 3


def test_ministry_named_both_ways(store):
    add_doc(store, "d1", [("Ministry of Trade and Sport", "ORG"), ("Ministry of Finance", "ORG")])
    add_doc(store, "d2", [("finance ministry", "ORG"), ("Tarnian sports ministry", "ORG")])
    assert len(groups(store)) == 2


def test_generic_head_names_the_one_body_it_ends(store):
    add_doc(store, "d1", [("Global Water Alliance", "ORG")])
    add_doc(store, "d2", [("Alliance", "ORG"), ("Dispatch", "NAME")])
    assert groups(store) == [["Alliance", "Global Water Alliance"]]


def test_a_name_of_unknown_kind_only_joins(store):
    add_doc(store, "d1", [("Orvel", "NAME"), ("Halda Kovenko", "NAME")])  # rare words: a name
    add_doc(store, "d2", [("Orvel Systems", "ORG"), ("Orvel", "NAME")])
    assert groups(store) == [["Halda Kovenko"], ["Orvel", "Orvel Systems"]]


def test_a_place_the_model_first_took_for_a_person(store):
    add_doc(store, "d1", [("Zelvara", "PERSON"), ("Zelvara", "GPE")])
    add_doc(store, "d2", [("Aguas da Zelvara", "PERSON")])
    assert groups(store) == [["Aguas da Zelvara"], ["Zelvara"]]


# -- how mentions are found on a page ----------------------------------------------------
def mentions(nlp, text: str) -> set[tuple[str, str]]:
    doc = Document(id="d1", source="t.txt", text=text)
    return {(m.text, m.label) for m in annotate(doc, nlp(text), Anchor("2024-03-01")).mentions}


def test_honorific_is_part_of_the_mention(nlp):
    got = mentions(nlp, "In a letter to both sides, Professor Vellinga wrote that the committee needed time.")
    assert ("Professor Vellinga", "PERSON") in got


def test_dateline_credit_is_an_organisation_not_an_acronym(nlp):
    got = mentions(nlp, "LISBON, Portugal (KWA) - The harbour reopened on Tuesday after the storm.")
    assert ("KWA", "ORG") in got
    assert not any("(KWA)" in t for t, _ in got)


def test_capitalised_name_ending_in_an_organisation_head(nlp):
    got = mentions(nlp, "The Harbour Safety and Standards Authority said it was working closely with the firm.")
    assert ("Harbour Safety and Standards Authority", "ORG") in got


def test_name_followed_by_a_lowercase_head(nlp):
    got = mentions(nlp, "Refunds will be paid by the Tarnow organising committee, officials said.")
    assert ("Tarnow organising committee", "ORG") in got


def test_surname_recurring_on_the_page(nlp):
    got = mentions(nlp, "Union chair Marta Quellberg said the strike would go on. Talks resumed after "
                        "Quellberg met the mediator.")
    assert ("Quellberg", "PERSON") in got


def test_name_known_by_an_acronym_is_one_mention(nlp):
    got = {t for t, _ in mentions(nlp, "The Ministério do Mar, known by its Portuguese acronym MIMAR, "
                                        "said the port would reopen.")}
    assert "Ministério do Mar, known by its Portuguese acronym MIMAR" in got


def test_everyday_words_alone_are_not_names(nlp):
    got = {t for t, _ in mentions(nlp, "FAMILY NEWS\n\nPolicy makers met on Monday. Zorvek said no.")}
    assert "FAMILY" not in got and "Policy" not in got


def test_a_person_goes_by_the_surname_unless_another_entity_shares_it():
    from storyline.model import Entity
    from storyline.names import surname_as_written
    from storyline.present.dossier import surname_aliases

    assert surname_as_written("Haldis van der Tullen") == "van der Tullen"
    assert surname_as_written("Ysolde D. Zelbranne") == "Zelbranne"
    assert surname_as_written("Zelbranne") is None and surname_as_written("YSOLDE ZELBRANNE (RECORDED)") is None
    people = [
        Entity("e1", "Ysolde Zelbranne", "PERSON", ["Ysolde Zelbranne", "Ysolde D. Zelbranne"]),
        Entity("e2", "Piet Carvath", "PERSON", ["Piet Carvath"]),
        Entity("e3", "Karin Carvath", "PERSON", ["Karin Carvath"]),  # two of one family
        Entity("e4", "Liesel Kemble", "PERSON", ["Liesel Kemble"]),
        Entity("e5", "Kemble", "GPE", ["Kemble"]),  # a place of that name
    ]
    assert surname_aliases(people) == {"e1": "Zelbranne"}


def test_a_speaker_named_by_a_bodys_bare_head_noun_is_that_body(tmp_path):
    from .stories import build_story

    d = build_story(tmp_path, {
        "a.txt": "Audit of road contracts delayed\n\nMarch 3, 2025\n\nHarbour Post -- The Vardel Audit Authority has "
                 "delayed its report on the city's road contracts, its chair Mira Olsen said on Monday.",
        "b.txt": "valley radio | listen live\n\nmorning show transcript, march 10, 2025\n\npresenter: the vardel audit "
                 "authority was meant to report this month. a spokeswoman for the authority told us the auditors had "
                 "received far more paperwork than expected. last week it said the report had slipped to june.",
    })
    told = [c for c in d["claims"] if "paperwork" in c["text"] or "slipped" in c["text"]]
    assert told and all(c["speaker"] == "Vardel Audit Authority" for c in told), [c["speaker"] for c in told]


def test_a_bare_head_noun_on_a_page_that_does_not_name_the_body_is_the_storys_only_such_body(tmp_path):
    from .stories import build_story

    pages = {
        "a.txt": "Audit of road contracts delayed\n\nMarch 3, 2025\n\nHarbour Post -- The Vardel Audit Authority has "
                 "delayed its report on the city's road contracts, its chair Mira Olsen said on Monday.",
        "b.txt": "valley radio | listen live\n\nmorning show transcript, march 10, 2025\n\npresenter: the audit is late "
                 "again. a spokeswoman for the authority told us the auditors had received far more paperwork than "
                 "expected.",
    }
    d = build_story(tmp_path / "one", pages)
    told = [c for c in d["claims"] if "paperwork" in c["text"]]
    assert told and told[0]["speaker"] == "Vardel Audit Authority", [c["speaker"] for c in told]
    pages["a2.txt"] = ("Port fees rise\n\nMarch 5, 2025\n\nHarbour Post -- The Kestel Port Authority raised its fees "
                      "on Tuesday, its director Jon Amble said.")
    d = build_story(tmp_path / "two", pages)
    told = [c for c in d["claims"] if "paperwork" in c["text"]]
    assert told and told[0]["speaker"] not in ("Vardel Audit Authority", "Kestel Port Authority")  # which one?


def test_a_name_defined_with_its_acronym_starts_its_own_paragraph(nlp):
    # a standfirst without a full stop, then the body: "Monday" is not part of the name
    got = {t for t, _ in mentions(nlp, "Regulator wants answers by Monday\n\n"
                                        "Quorvel Digital Exchange (QDX), the Tessavale platform, has stopped all "
                                        "withdrawals.")}
    assert "Quorvel Digital Exchange (QDX)" in got
    assert not any("Monday" in t for t in got)


def test_two_courts_of_one_city_are_two_bodies(store):
    # "Court of Orvik" forms may join "District Court of Orvik" to "Orvik District Court", not
    # "Orvik District Court" to "Orvik Commercial Court"
    add_doc(store, "d1", [("Orvik Commercial Court", "ORG")])
    add_doc(store, "d2", [("Orvik District Court", "ORG")])
    add_doc(store, "d3", [("District Court of Orvik", "ORG")])
    assert groups(store) == [["District Court of Orvik", "Orvik District Court"], ["Orvik Commercial Court"]]


def test_a_dateline_credit_after_a_blank_line_is_no_name_with_its_acronym(nlp):
    got = mentions(nlp, "By Ana Reyes\n\nPORT TESSAVALE (KWA) - The harbour stayed shut on Friday as dock "
                        "workers walked out.")
    assert not any("(KWA)" in t for t, _ in got)


def test_a_datelines_place_in_capitals_is_a_place(nlp):
    # not an organisation whose longer name ("Tessavale Fire and Rescue Service") would then absorb it
    got = mentions(nlp, "New engines\n\nTESSAVALE, May 2 (Merlin Wire) - Two new engines will go to the "
                        "Tessavale Fire and Rescue Service next spring, the council said.")
    assert ("TESSAVALE", "GPE") in got


def test_a_transcript_speakers_affiliation_is_no_alias(nlp):
    got = mentions(nlp, "Presenter: And the board?\n\nQuorvel Harbour Board (Tessmark Port Authority): the pier "
                        "will reopen in June.\n\nThe Quorvel Harbour Board said repairs had begun.")
    assert not any("(" in t for t, _ in got)


def test_letters_that_do_not_come_apart_are_written_plain_in_a_name_key():
    # NFKD alone leaves "ø" and "ł" as they are: "Quørvel Łanski" must still meet its plain spelling
    assert name_key("Quørvel Łanski") == name_key("Quorvel Lanski")
    assert name_key("Brannočić") == name_key("Brannocic")
