"""Outlet names as people write them: from metadata, the page's own mentions, mastheads,
copyright and byline lines, and last the web domain split into words. Every name here is
invented."""
from __future__ import annotations

import pytest

from storyline.clean import clean_page
from storyline.clean.html import page_metadata
from storyline.clean.metadata import find_outlet
from storyline.clean.outlet import name_from_label, name_on_page, outlet_for_url, parse_domain
from storyline.clean.text import clean_text
from storyline.model import RawPage


@pytest.mark.parametrize("url, label, others", [
    ("https://www.harborstar.com/news/a", "harborstar", ()),
    ("https://m.riverpost.co.uk/a", "riverpost", ()),
    ("https://edition.kvtn.com/2024/03/05/a", "kvtn", ()),
    ("https://amp.thecoastalherald.com/a", "thecoastalherald", ()),
    ("https://valleywatch.go.com/a", "go", ("valleywatch",)),
    ("harborstar.com", "harborstar", ()),
    ("https://www.riverpost.example/a", "riverpost", ()),
])
def test_parse_domain_finds_the_naming_label(url, label, others):
    domain = parse_domain(url)
    assert (domain.label, domain.others) == (label, others)


@pytest.mark.parametrize("url", ["http://localhost/a", "http://10.1.2.3/a", "not a url"])
def test_parse_domain_needs_a_host(url):
    assert parse_domain(url) is None


@pytest.mark.parametrize("label, suffix, name", [
    ("harborstar", "com", "Harbor Star"),
    ("riverpost", "co.uk", "River Post"),
    ("thecoastalherald", "com", "The Coastal Herald"),
    ("nxdailyledger", "com", "NX Daily Ledger"),   # a short unknown chunk is an acronym
    ("kvtn", "com", "KVTN"),
    ("valleynews24", "com", "Valley News 24"),
    ("lavoixduport", "fr", "La Voix du Port"),      # the language of the country helps
])
def test_domain_label_split_into_words(label, suffix, name):
    assert name_from_label(label, suffix) == name


def test_name_on_page_spelled_with_spaces_case_or_glued():
    text = "Subscribe to HarborStar today.\nAs the Harbor Star reported, the pier closed.\nThe Harbor Star asked."
    assert name_on_page("harborstar", text) == "Harbor Star"
    assert name_on_page("harborstar", "Get the HARBOR STAR app") == "Harbor Star"


def test_name_on_page_with_initials_and_abbreviations():
    assert name_on_page("nxdailyledger", "told the New Xanadu Daily Ledger on Monday") == \
        "New Xanadu Daily Ledger"
    assert name_on_page("riverbendmag", "Riverbend Magazine asked the mayor") == "Riverbend Magazine"


def test_name_on_page_ignores_words_that_only_look_like_a_short_label():
    assert name_on_page("go", "Go to the station. We go on.") is None
    assert name_on_page("kvtn", "KVTN reported the fire.") == "KVTN"


def test_outlet_for_url_prefers_the_page_then_the_domain():
    assert outlet_for_url("https://www.harborstar.com/a", "© 2024 Harbor Star Media LLC") == ("Harbor Star", "page")
    assert outlet_for_url("https://www.harborstar.com/a", "nothing here") == ("Harbor Star", "domain")
    # a host of several sites: the specific label names the outlet
    assert outlet_for_url("https://valleywatch.go.com/a", "") == ("Valley Watch", "domain")


def test_declared_name_wins_but_a_handle_is_rewritten_from_the_page():
    cleaned = clean_text("Pier closes\n\nThe pier closed on Monday, the Harbor Star learned.")
    assert find_outlet(cleaned, url="https://harborstar.com/a", declared="Harbor Star Daily") == \
        ("Harbor Star Daily", "metadata")
    assert find_outlet(cleaned, url="https://harborstar.com/a", declared="harborstar") == ("Harbor Star", "page")
    assert find_outlet(cleaned, declared="www.harborstar.com") == ("Harbor Star", "page")


def test_url_written_by_the_scraper_at_the_top_is_used():
    doc = clean_page(RawPage("p.txt", "url: https://www.thecoastalherald.com/2024/05/02/pier/\n"
                             "Pier closes after storm damage\n\nThe pier closed on Thursday after the storm, officials said.", "text"))
    assert (doc.outlet, doc.outlet_origin) == ("The Coastal Herald", "domain")
    assert doc.published.value == "2024-05-02" and doc.url.endswith("/pier/")


MASTHEAD_PAGE = """HARBOR STAR
Your town, your news
Home  News  Sport  Business  Opinion
Pier closes after storm damage leaves walkway unsafe
By Ilse Banfi
The pier closed on Thursday after storm damage left the walkway unsafe, officials said.
Repairs will take about six weeks, the harbour office said in a statement on Friday.
Related on Harbor Star
Harbor Star is published by Quayline Media.
"""


def test_masthead_named_again_on_the_page():
    assert find_outlet(clean_text(MASTHEAD_PAGE)) == ("Harbor Star", "masthead")


def test_masthead_whose_own_word_names_the_site_again():
    page = ("Monday, November 2, 2031  |  Ulvmarsh 24\u00b0C, sunny spells\nTHE DAILY TRUMPET\n"
            "NEWS | SPORT | SHOWBIZ | MONEY\n\nSWAP FLOP: HANDOVER DELAYED AGAIN\n\n"
            "By Ricky Banfi, Chief Reporter\n\nThe long-awaited handover has been pushed back again, the Trumpet "
            "can reveal. Officials in Ulvmarsh blamed paperwork for the delay.\n\n"
            "(c) Trumpet Newspapers Group 2031. All rights reserved.")
    assert find_outlet(clean_text(page)) == ("The Daily Trumpet", "masthead")
    # a name made of outlet words alone, used again by the page for itself
    herald = page.replace("THE DAILY TRUMPET", "THE MORNING HERALD").replace("the Trumpet", "the Herald") \
        .replace("Trumpet Newspapers", "Herald Newspapers")
    assert find_outlet(clean_text(herald)) == ("The Morning Herald", "masthead")


def test_title_suffix_that_holds_the_domains_words_names_the_site():
    page = clean_page(RawPage("https://www.ulvmarshherald.com/2031/03/18/handover-postponed/",
                              "Ulvmarsh Evening Herald\n\nHandover postponed at the council's request | Ulvmarsh Evening "
                              "Herald\n\nThe handover of the keys, set for Friday, will not go ahead as planned, "
                              "officials said on Wednesday.", "text",
                              title="Handover postponed at the council's request | Ulvmarsh Evening Herald"))
    assert page.outlet == "Ulvmarsh Evening Herald"


def test_lowercase_masthead_on_a_lowercase_page():
    page = ("kvtn news 94.1\nhome | local | weather\npier closes after storm damage leaves walkway unsafe\n"
            "the pier closed on thursday after storm damage left the walkway unsafe, officials said.\n"
            "kvtn news 94.1 is part of quayline media. all rights reserved.")
    assert find_outlet(clean_text(page)) == ("KVTN News 94.1", "masthead")


def test_copyright_name_cut_to_the_name_the_page_uses():
    page = ("Pier closes after storm damage\n\nThe pier closed on Thursday after storm damage, officials said.\n\n"
            "Contributing: Ilse Banfi, Harbor Star\n\n© 2024 Harbor Star Media LLC. All rights reserved.")
    assert find_outlet(clean_text(page)) == ("Harbor Star", "footer")
    alone = "Pier closes after storm damage\n\nThe pier closed on Thursday.\n\n© 2024 Harbor Star Media LLC. All rights reserved."
    assert find_outlet(clean_text(alone)) == ("Harbor Star Media", "footer")


def test_byline_with_the_outlet_after_the_names():
    page = "Pier closes after storm damage\nBy Ilse Banfi, Quayside Courier\n\nThe pier closed on Thursday after storm damage, officials said."
    assert find_outlet(clean_text(page)) == ("Quayside Courier", "byline")
    roles = "Pier closes after storm damage\nBy Ilse Banfi, Staff Writer\n\nThe pier closed on Thursday after storm damage, officials said."
    assert find_outlet(clean_text(roles)) is None


def test_site_describing_itself_names_it():
    page = "pier closes\n\nthe pier closed on thursday.\n\nquayside courier is published by quayline media."
    assert find_outlet(clean_text(page)) == ("Quayside Courier", "footer")


HTML = """<html><head>
<meta property="og:site_name" content="The Harbor Star">
<meta property="article:published_time" content="2024-03-04T23:30:00-05:00">
<link rel="canonical" href="https://www.harborstar.com/news/pier-closes">
<title>Pier closes | The Harbor Star</title></head>
<body><article><h1>Pier closes</h1><p>The pier closed on Thursday after storm damage left the walkway unsafe, officials said.</p>
<p>Repairs will take about six weeks, the harbour office said in a statement on Friday afternoon.</p></article></body></html>"""

JSONLD = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "headline": "Pier closes",
 "datePublished": "2024-03-04", "publisher": {"@type": "NewsMediaOrganization", "name": "Quayside Courier"}}]}
</script></head><body><time datetime="2023-01-01">old</time></body></html>"""


def test_html_metadata_site_name_date_and_address():
    meta = page_metadata(HTML)
    assert (meta.sitename, meta.published, meta.url) == (
        "The Harbor Star", "2024-03-04T23:30:00-05:00", "https://www.harborstar.com/news/pier-closes")
    meta = page_metadata(JSONLD)
    assert (meta.sitename, meta.published) == ("Quayside Courier", "2024-03-04")


def test_html_page_through_clean_page():
    doc = clean_page(RawPage("p.html", HTML, "html"))
    assert (doc.outlet, doc.outlet_origin) == ("The Harbor Star", "metadata")
    assert (doc.published.value, doc.published.origin) == ("2024-03-04", "metadata")
    assert doc.url == "https://www.harborstar.com/news/pier-closes"


def test_html_pages_lxml_refuses_do_not_crash():
    for html in ("&nbsp;<!-- x -->", "<script></script>\x0c", "<!-- only a comment -->"):
        assert clean_page(RawPage("p.html", html, "html")).text == ""
    doc = clean_page(RawPage("p.html", "<p>The pier\x0c closed on Thursday after the storm, officials said.</p>", "html"))
    assert "closed on Thursday" in doc.text


def test_a_copyright_name_ending_in_a_newspaper_word_is_kept_whole():
    page = ("Skip to content\nQUAYSIDE EVENING POST\nYour town. Your news. Since 1911.\nNews | Sport | Business | Jobs\n\n"
            "News > Quayside > Breaking\n\nPier closes after storm damage\n\nThe pier in Quayside closed on Thursday "
            "after storm damage, Quayside Borough Council said.\n\n"
            "(c) Quayside Evening Post, part of Tarvelle Media. All rights reserved.")
    assert find_outlet(clean_text(page))[0] == "Quayside Evening Post"


def test_an_address_that_leaves_out_a_middle_word_of_the_name():
    from storyline.clean.outlet import name_on_page

    page = "Skip to content\nQuay Harbour Post\nThe pier closed on Thursday.\n© 2026 Quay Harbour Post. All rights reserved."
    assert name_on_page("quaypost", page) == "Quay Harbour Post"
    assert name_on_page("quaypost", "The Quay Harbour Office said the pier closed.") is None  # no newspaper word
    # a name spelled whole wins over one with a middle word between
    assert name_on_page("kvtnnews", "KVTN News | Home\nKVTN EVENING NEWS - TRANSCRIPT\n") == "KVTN News"


def test_a_radio_stations_menu_name_with_its_frequency():
    page = ("radio quellby 101.7 | on air now | shows | news | get in touch\nskip navigation\n"
            "home > podcasts > morning call\n\nmorning call — transcript\n\n"
            "anna roe: good morning and welcome to morning call on radio quellby. the strike at the "
            "harbour is in its third day and the port authority says talks will resume on friday.")
    assert find_outlet(clean_text(page)) == ("Radio Quellby 101.7", "masthead")
    # a menu of single sections stays no outlet
    assert find_outlet(clean_text(page.replace("radio quellby 101.7 | ", ""))) != ("On Air Now", "masthead")


def test_the_domain_gives_the_first_words_of_the_name_the_page_writes_in_full():
    text = ("Quellby Shipping Review\nMarkets  Ports  Careers\n\nHarbour strike enters third day\n\n"
            "The strike at the harbour is in its third day. Picture: Quellby Shipping Review library\n\n"
            "Quellby Shipping Review \u00a9 2025 Quellby Media Ltd | Privacy")
    assert outlet_for_url("https://quellby.example/2025/01/14/strike", text) == ("Quellby Shipping Review", "page")
    # written in full only once: the address's own name stays
    once = text.replace("Picture: Quellby Shipping Review library", "").replace("Quellby Shipping Review \u00a9", "\u00a9")
    assert outlet_for_url("https://quellby.example/2025/01/14/strike", once) == ("Quellby", "page")
