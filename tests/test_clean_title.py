"""A story title written all in lower (or upper) case gets its capitals back from the page."""
from __future__ import annotations

from storyline.clean import readable_title

TEXT = ("Officials in Brindle Bay said on Monday that the US-led mediation would resume. "
        "The Brindle Bay Transit Authority and the union met in Portsea. Talks resumed after the "
        "strike, and the authority said the NATO-style rota would stay. Many of us were stranded, "
        "said a commuter from Portsea.")


def test_lowercase_title_takes_the_page_casing():
    assert readable_title("brindle bay ferry strike: us-led talks resume in portsea", TEXT) == \
        "Brindle Bay ferry strike: US-led talks resume in Portsea"


def test_uppercase_title_too():
    assert readable_title("TALKS RESUME IN PORTSEA", TEXT) == "Talks resume in Portsea"


def test_words_the_page_never_writes_cased_stay_lower_with_a_capital_first():
    assert readable_title("ferry strike ends after nine days", "") == "Ferry strike ends after nine days"
    # a sentence start is no evidence of a name: "Talks" opens a sentence above
    assert readable_title("talks resume", TEXT) == "Talks resume"
    assert readable_title("new talks resume", TEXT) == "New talks resume"


def test_mixed_case_titles_are_left_alone():
    assert readable_title("Ferry strike ends in Brindle Bay", TEXT) == "Ferry strike ends in Brindle Bay"
    assert readable_title(None, TEXT) is None
    assert readable_title("", TEXT) == ""
    assert readable_title("2024", TEXT) == "2024"


def test_site_name_after_a_bar_is_cut_from_the_title():
    from storyline.clean.title import without_site
    assert without_site("Pier closes after storm | Harbor Star", "Harbor Star") == "Pier closes after storm"
    assert without_site("Pier closes after storm - The Harbor Star", "Harbor Star") == "Pier closes after storm"
    assert without_site("Pier closes after storm | Opinion", "Harbor Star") == "Pier closes after storm | Opinion"
    assert without_site("Harbor Star", "Harbor Star") == "Harbor Star"


def test_a_summary_from_a_lowercase_page_takes_the_capitals_the_story_writes():
    from storyline.clean.title import recased, story_forms

    forms = story_forms("The Tarsel Harbour Board said on Monday that the board met Ana Varrel. Then Ana Varrel "
                        "of the Tarsel Harbour Board left. The board will meet in March and again in March.")
    line = "it was led by ana varrel of the tarsel harbour board until march, the harbour said"
    assert recased(line, forms) == "it was led by Ana Varrel of the Tarsel Harbour board until March, the Harbour said"
    # words written in capitals already, once only, or also in lower case stay as they are
    assert recased("The Board met ORVEL staff on monday", forms) == "The Board met ORVEL staff on monday"
