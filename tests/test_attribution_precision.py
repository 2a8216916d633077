"""Precision of claims: what a claim says and which sentences count as someone's claim.

Each test is one kind of error found by judging dossier claims by hand against their pages;
every name and sentence is invented.
"""
from __future__ import annotations

import pytest

from storyline.annotate.attribution_sentences import announces
from storyline.annotate.document import annotate, sentence_spans
from storyline.annotate.timex import Anchor
from storyline.model import Document


def run(nlp, text: str):
    doc = Document(id="d1", source="t.txt", text=text)
    return annotate(doc, nlp(text), Anchor("2024-05-02"))


def claim_of(ann, fragment: str):
    index = next(s.index for s in ann.sentences if fragment in s.text)
    return next((c for c in ann.claims if c.sentence == index), None)


# ----- a few quoted words are not the claim: the reported clause around them is


@pytest.mark.parametrize("text, claim", [
    ('Deputy director Ana Ferrow said the council "should not rule anything out" at its next meeting.',
     'the council "should not rule anything out" at its next meeting'),
    ('The Larkin Group said it would "assess the request quickly".',
     'it would "assess the request quickly"'),
    ('Tomas Weyl, who has urged the board to avoid "reckless" spending, said he respected the vote.',
     "he respected the vote"),
])
def test_a_partial_quotation_keeps_its_clause(nlp, text, claim):
    found = claim_of(run(nlp, text), "said")
    assert found is not None and found.text == claim


def test_a_whole_quotation_is_still_the_claim(nlp):
    ann = run(nlp, '"We will not wait any longer for the permit," Ana Ferrow said on Monday.')
    assert claim_of(ann, "permit").text == "We will not wait any longer for the permit"


# ----- narration after reported speech is nobody's claim; indirect speech shifted back is


def test_backshifted_sentence_continues_the_reported_speech(nlp):
    ann = run(nlp, "Ana Ferrow said the depot would close in May. It would also cut 40 jobs.")
    found = claim_of(ann, "40 jobs")
    assert found is not None and found.speaker == "Ana Ferrow" and found.cue == "continued"
    ann = run(nlp, "Ana Ferrow said the depot would close in May. She had visited the depot twice.")
    found = claim_of(ann, "visited the depot")
    assert found is not None and found.speaker == "Ana Ferrow" and found.cue == "continued"


@pytest.mark.parametrize("text, fragment", [
    ("Ostrel Power announced a $15 million assistance fund last week for people hit by the fire.", "assistance fund"),
    ("Ostrel Power filed its report on Monday, meeting the deadline it had promised the commission.", "filed its report"),
    ("Meanwhile the bypass, which Keddan Build had promised to complete by June, remains unfinished.", "bypass"),
])
def test_a_speech_verb_that_acts_on_a_thing_reports_no_words(nlp, text, fragment):
    assert claim_of(run(nlp, text), fragment) is None


def test_a_speech_verb_with_words_still_makes_a_claim(nlp):
    for text in ("Ostrel Power announced that it would set up a $15 million fund.",
                 "Mira Sollen, who said the fund was too small, voted against it.",
                 "Ostrel Power promised to pay every claim by June.",
                 "The Tarvel organisers announced a record crowd: 112,000 spectators over ten days."):
        assert claim_of(run(nlp, text), text[:12]) is not None, text


@pytest.mark.parametrize("after", [
    "Shares in the group rose 3 percent on the news.",
    "The depot opened in 1998 and employs 300 people.",
    "He would not give a date.",
    "Crews had aimed to contain the fire by the end of August.",  # the writer's background
])
def test_narration_after_reported_speech_is_no_claim(nlp, after):
    ann = run(nlp, f"Ana Ferrow said the depot would close in May. {after}")
    assert claim_of(ann, "depot would close").speaker == "Ana Ferrow"
    assert claim_of(ann, after[:12]) is None


# ----- no sentence ends at an abbreviation before a name or a number


@pytest.mark.parametrize("text, first", [
    ("The fee is set under Art. 12 of the charter, Gov. Rena Hollis said. She left early.",
     "The fee is set under Art. 12 of the charter, Gov. Rena Hollis said."),
    ("The permit falls under Sec. 4 of the code, Insp. Dara Quenby said on Monday. Talks went on.",
     "The permit falls under Sec. 4 of the code, Insp. Dara Quenby said on Monday."),
])
def test_sentences_do_not_end_at_abbreviations(nlp, text, first):
    spans = sentence_spans(nlp(text), text)
    assert text[slice(*spans[0])] == first
    assert len(spans) == 2


def test_a_claim_across_an_abbreviation_keeps_its_speaker(nlp):
    ann = run(nlp, "The levy breaches Art. 9 of the treaty, Sen. Ivo Marten said. Nobody replied.")
    found = claim_of(ann, "levy breaches")
    assert found is not None and found.speaker == "Ivo Marten"


def test_an_abbreviation_announces_only_what_follows_it():
    assert announces("Art.", "12") and announces("No.", "IV")
    assert not announces("Art.", "The")  # "... in the Museum of Modern Art. The show ..."
    assert announces("Gov.", "Rena") and not announces("Gov.", "12")
    assert not announces("said.", "The")


# ----- a trailing reporting clause reports the clause before it


def test_a_trailing_reporting_clause_reports_what_comes_before_it(nlp):
    ann = run(nlp, "Voting ends at noon on Friday, the Larkin Group said, with a count expected by night.")
    assert claim_of(ann, "Voting").text == "Voting ends at noon on Friday"


def test_a_leading_phrase_without_a_verb_is_not_the_claim(nlp):
    ann = run(nlp, "In a statement, Ana Ferrow said the depot would close in May.")
    assert claim_of(ann, "depot").text == "the depot would close in May"


# ----- "the company", "the union" stand for the organisation the article named


def test_a_name_in_apposition_to_a_dateline_is_the_company(nlp):
    """The parser takes a dateline for the subject and the company's untagged name for its
    apposition; "the company" is still that name (a hand-built parse of that shape)."""
    from spacy.tokens import Doc

    from storyline.annotate.attribution_discourse import Discourse

    words = ["DUBLIN", "(", "Newswire", ")", "-", "Ostrova", "Home", "Appliances", "is", "recalling",
             "kettles", ",", "the", "company", "said", "."]
    heads = [9, 0, 0, 2, 0, 7, 7, 0, 9, 14, 9, 14, 13, 14, 14, 14]
    deps = ["nsubj", "punct", "appos", "punct", "punct", "compound", "compound", "appos", "aux",
            "ccomp", "dobj", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "AUX", "VERB",
           "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=[w.lower() for w in words], ents=["B-GPE", "O", "B-GPE"] + ["O"] * 13)
    found = Discourse(doc, [0], []).organisation("company", doc[13].idx)
    assert found is not None and found.name == "Ostrova Home Appliances"


def test_the_union_is_the_named_union_said_before(nlp):
    text = ("Bus drivers will vote again next month, the Lindby union said on Tuesday.\n\n"
            "The new ballot will close on a Friday, the union said.")
    ann = run(nlp, text)  # the tagger takes "Lindby" for a place: the union is a description
    assert "Lindby" in claim_of(ann, "new ballot").speaker


# ----- what nobody can check is no claim


@pytest.mark.parametrize("text, fragment", [
    ("Ana Ferrow said the fee would rise. The Larkin Group denied this.", "denied this"),
    ("Ana Ferrow writes on regional politics for the Courier.", "writes on"),
    ("Residents of the town continue to complain about the water supply.", "complain about"),
])
def test_a_claim_must_say_something(nlp, text, fragment):
    assert claim_of(run(nlp, text), fragment) is None


def test_a_reporting_clause_on_its_own_line_is_no_claim(nlp):
    text = 'Ana Ferrow runs the depot.\n"The roof went up in seconds,"\nshe said.'
    ann = run(nlp, text)
    assert all(c.text.lower() != "she said." for c in ann.claims)


# ----- an indefinite description introduces the organisation the next sentence names


def test_a_described_organisation_is_the_one_named_next(nlp):
    text = ("The toy recall may cover far more units than the maker admits, a consumer charity has warned.\n\n"
            "The Brightwell Consumer Trust said its own survey found 40,000 units.")
    assert claim_of(run(nlp, text), "toy recall").speaker == "Brightwell Consumer Trust"


def test_a_described_organisation_of_another_kind_stays_described(nlp):
    text = "Prices will rise, an industry association said. The Fenmarsh Trust said it was worried."
    assert claim_of(run(nlp, text), "Prices will rise").speaker == "an industry association"


# ----- an unnamed spokesperson


def test_she_after_a_spokeswoman_is_her_organisation_not_the_man_before(nlp):
    text = ("Launch director Tomas Weyl said the rocket was fine. But a Halberd Rockets spokeswoman "
            "later confirmed that the company would replace a valve. "
            'She said the date was "under review".')
    assert claim_of(run(nlp, text), "under review").speaker == "Halberd Rockets"


def test_a_bare_spokesperson_speaks_for_the_subject_of_the_sentence(nlp):
    text = ("The Harlow Zwemsport Foundation said 90,000 people came. Gate records show 60,000, the "
            "Evening Ledger newspaper reported. The foundation has not published a breakdown, and a "
            "spokesperson said the figure was an estimate.")
    assert claim_of(run(nlp, text), "an estimate").speaker == "Harlow Zwemsport Foundation"


def test_the_utility_is_not_a_commission_with_utility_in_its_name(nlp):
    text = ("Ostrel Power filed its report on the outage with the Tarnia Public Utility Commission on Monday. "
            "In the report, the utility says the line recorded a fault at 2:31 p.m.")
    found = claim_of(run(nlp, text), "recorded a fault")
    assert found is not None and found.speaker == "Ostrel Power"


def test_a_claim_cut_to_a_fragment_reads_as_its_sentence(nlp):
    found = claim_of(run(nlp, "Petros Vanek, the former mayor of Tarrowby, denied all charges."), "denied")
    assert found is not None and found.text == "Petros Vanek, the former mayor of Tarrowby, denied all charges."
