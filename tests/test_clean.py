"""Boilerplate removal line by line, title, outlet and date extraction."""
from __future__ import annotations

import pytest

from storyline.clean import clean_page
from storyline.clean.metadata import display_outlet, find_date, find_outlet
from storyline.clean.text import classify_line, clean_text, repair_glued_sentences
from storyline.model import DateFlag, RawPage


@pytest.mark.parametrize("line, kind", [
    ("English Français Deutsch Español Italiano", "word list"),
    ("中文 English Русский язык العربية", "language menu"),
    ("01:12", "timestamp"),
    ("1:02:33", "timestamp"),
    ("12.5 °C", "weather"),
    ("-3 C", "weather"),
    ("Tuesday, March 7, 2023", "date line"),
    ("2023-03-07", "date line"),
    ("Please enter your comment!", "comment form"),
    ("Please enter your name here", "comment form"),
    ("Leave a Reply", "comment form"),
    ("12 Comments", "furniture"),
    ("Comments may be moderated before they appear on the site, and abusive posts will be removed.", "comment form"),
    ("Share this article", "share bar"),
    ("Print E-mail Bookmark and Share", "share bar"),
    ("Adjust font size:", "furniture"),
    ("Related Articles", "list heading"),
    ("Latest News", "list heading"),
    ("You may also like", "list heading"),
    ("Stay Connected", "list heading"),
    ("© 2023 Harbour Gazette Network", "footer"),
    ("All rights reserved.", "footer"),
    ("Our website can also be reached at these addresses:", "footer"),
    ("www.example.co.uk", "footer"),
    ("source: valley courier", "footer"),
    ("World   /   Europe", "crumb"),
    ("Home > News > Politics", "crumb"),
    ("login/register", "share bar"),
])
def test_boilerplate_lines(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize("line", [
    "Talks failed.",
    "He resigned.",
    "The strike began on Feb. 28.",
    "Extremist groups are under control",  # a subheading
    "Union leader Marta Quell said the council \"has not moved an inch\".",
    "The council will share the costs with the port authority, the mayor said.",
    "Print media lost readers in 2023, the report found.",
    "Source of the dispute: the pay scale agreed in 2019.",
])
def test_article_lines_are_kept(line):
    assert classify_line(line) is None


def test_scraped_page(data_dir):
    raw = (data_dir / "scraped.txt").read_text()
    cleaned = clean_text(raw)
    assert cleaned.title == "Harbour cranes idle as strike enters second week"
    assert cleaned.body.split("\n\n") == [
        "SALTMERE (HGN) – Dock workers in Saltmere stayed off the job for an eighth day on Tuesday, according to the union.",
        "The strike began on Feb. 28.",
        "Talks failed.",
        "Union leader Marta Quell said the council \"has not moved an inch\".",
    ]
    # after the share bar, the short app-badge line is footer too
    assert "Harbour Gazette News app" in cleaned.removed


def test_outlet_and_display_date(data_dir):
    doc = clean_page(RawPage("scraped.txt", (data_dir / "scraped.txt").read_text(), "text"))
    assert (doc.outlet, doc.outlet_origin) == ("HGN", "dateline")
    assert doc.published.value is None and doc.published.has(DateFlag.DISPLAY_DATE)
    assert doc.published.note and doc.published.note.endswith("2023-03-07")


@pytest.mark.parametrize("text, outlet, origin", [
    ("Title line here now\n\nBody text of the article. It goes on.\n\nsource: metro daily news", "Metro Daily News", "source line"),
    ("Big story today\n\nLIMA, Jan. 3 (Andes Wire) -- The government said on Monday it would act.", "Andes Wire", "dateline"),
    ("Big story today\n\nOVT – The Orlov Valley Television reported that talks failed. Orlov Valley Television staff said so.", "OVT", "dateline"),
    ("Big story today\n\nROME – The Italian government fell on Monday after a vote.", None, None),
    ("Big story today\n\nThe government fell. rvn reporter ida lenz said more.", "RVN", "byline"),
    ("Big story today\n\nThe government fell. Democracy reporter Ida Lenz said more.", None, None),
    ("Big story today\n\nThe government fell on Monday.\n\n© 2021 Daily Sentinel", "Daily Sentinel", "footer"),
])
def test_outlet_rules(text, outlet, origin):
    found = find_outlet(clean_text(text))
    assert (found or (None, None)) == (outlet, origin)


def test_outlet_from_url_domain():
    # no name on the page: the domain's label split into words
    assert find_outlet(clean_text("A title of some sort\n\nBody."), url="https://www.riverpost.example/a") == ("River Post", "domain")


def test_header_line_with_outlet_and_date():
    cleaned = clean_text("Ministers agree budget\n\n3 Comment(s)Print E-mail Lakeside Times, March 02, 2022\n\nMinisters agreed the budget on Tuesday.")
    assert find_outlet(cleaned) == ("Lakeside Times", "header")
    date = find_date(cleaned)
    assert (date.value, date.origin, date.flags) == ("2022-03-02", "header", frozenset())


def test_no_date_is_null_not_a_guess():
    cleaned = clean_text("Ministers agree budget\n\nMinisters agreed the budget on Tuesday.")
    assert find_date(cleaned).value is None


def test_display_outlet_restores_acronyms():
    assert display_outlet("qntv news") == "QNTV News"
    assert display_outlet("velmarin") == "Velmarin"
    assert display_outlet("Harbor Star") == "Harbor Star"
    assert display_outlet("THE HARBOR STAR") == "The Harbor Star"


def test_glued_sentences_get_their_space_back():
    assert repair_glued_sentences("crews in norland.the strike began") == "crews in norland. the strike began"
    assert repair_glued_sentences("the u.s. embassy and china.org.cn") == "the u.s. embassy and china.org.cn"


def test_lowercase_page_is_detected():
    doc = clean_page(RawPage("x.txt", "a title for this page\n\nthe troops left on monday. talks went on.", "text"))
    assert doc.lowercase
