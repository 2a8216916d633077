"""Publication dates: web-address patterns, labelled lines, bylines, datelines, header dates
(flagged when they are a site's display date), never a date from the article's body."""
from __future__ import annotations

import pytest

from storyline.clean import clean_page
from storyline.clean.pubdate import find_date, parse_declared_date, url_date
from storyline.clean.text import clean_text
from storyline.dates import shown_date
from storyline.model import DateFlag, RawPage


@pytest.mark.parametrize("url, value", [
    ("https://www.harborstar.com/story/news/2019/03/20/pier-closes/123/", "2019-03-20"),
    ("https://www.harborstar.com/world/2021/dec/18/pier-closes", "2021-12-18"),
    ("https://www.harborstar.com/news/ct-pier-closes-20211218-abcdef.html", "2021-12-18"),
    ("https://www.harborstar.com/20211218/pier-closes", "2021-12-18"),
    ("https://www.harborstar.com/news/pier-closes-2021-12-18", "2021-12-18"),
    ("https://www.harborstar.com/2021/12/pier-closes.html", "2021-12"),
    ("https://www.harborstar.com/news/pier-closes-123456", None),
    ("https://www.harborstar.com/2021/13/45/pier", None),
    (None, None),
])
def test_url_dates(url, value):
    assert url_date(url) == value


@pytest.mark.parametrize("value, iso", [
    ("2024-03-04T23:30:00-05:00", "2024-03-04"),
    ("2024-03", "2024-03"),
    ("March 4, 2024", "2024-03-04"),
    ("2024-02-30", None),
    ("soon", None),
])
def test_declared_dates(value, iso):
    assert parse_declared_date(value) == iso


def _date(text: str, **kw):
    return find_date(clean_text(text), **kw)


TITLE = "Pier closes after storm damage leaves walkway unsafe\n"
BODY = "\nThe pier closed on Thursday after storm damage left the walkway unsafe, officials said.\n"


@pytest.mark.parametrize("top, value, origin", [
    ("date 2024-03-05\n", "2024-03-05", "byline"),
    ("Published: March 3, 2024\n", "2024-03-03", "byline"),
    ("By Ilse Banfi | March 3, 2024\n", "2024-03-03", "byline"),
    ("Published 11:02 a.m. ET Jan. 8, 2023\n", "2023-01-08", "byline"),
    ("Updated 3:41 PM EST, Tue March 5, 2024\n", "2024-03-05", "updated"),
    ("Published 9:00 a.m. ET March 4, 2024 | Updated 3:41 p.m. ET March 5, 2024\n", "2024-03-04", "byline"),
    ("By Ilse Banfi\n8 Sep 2025  |  Updated 06:12 GMT\n", "2025-09-08", "header"),
    ("Posted Saturday, 12 April 2025, 09:15 by Ilse Banfi\n", "2025-04-12", "byline"),
    ("2024年3月5日\n", "2024-03-05", "header"),
    # numeric dates: a dotted one is day first; a slashed one in whichever order its numbers allow
    ("Published: 05.03.2025 14:32\n", "2025-03-05", "byline"),
    ("Published: 17/07/2025 06:30 | Updated: 17/07/2025 09:05\n", "2025-07-17", "byline"),
    ("By Ilse Banfi, Health Editor\n13/06/2025\n", "2025-06-13", "header"),
    # a label and only a date, however long the line; a date with its clock time or update stamp
    ("Published Feb. 11, 2031 6:05 a.m. | Updated Feb. 11, 2031 9:40 a.m.\n", "2031-02-11", "byline"),
    ("Broadcast: Friday 14 November 2031, 19:00 CET\n", "2031-11-14", "byline"),
    ("May 13, 2031 at 4:12 p.m.\n", "2031-05-13", "header"),
    ("March 18, 2031  |  Updated 4:52 p.m.\n", "2031-03-18", "header"),
])
def test_dates_at_the_top(top, value, origin):
    date = _date(TITLE + top + BODY)
    assert (date.value, date.origin) == (value, origin)
    assert not date.has(DateFlag.DISPLAY_DATE)


def test_published_line_beats_the_web_address_and_the_address_beats_an_update():
    text = TITLE + "Updated March 9, 2024\n" + BODY
    assert _date(text, url="https://harborstar.com/2024/03/04/pier").value == "2024-03-04"
    text = TITLE + "Published March 2, 2024\n" + BODY
    assert _date(text, url="https://harborstar.com/2024/03/04/pier").value == "2024-03-02"


def test_metadata_wins():
    date = _date(TITLE + "Published: March 3, 2024\n" + BODY, declared="2024-03-01T08:00:00Z")
    assert (date.value, date.origin) == ("2024-03-01", "metadata")


def test_dateline_takes_its_year_from_another_clue():
    text = TITLE + "\nPORTSEA, March 3 (Wirefast) - The pier closed on Thursday after storm damage, officials said.\n"
    date = _date(text, url="https://harborstar.com/2024/03/pier-closes")
    assert (date.value, date.origin) == ("2024-03-03", "dateline")
    # with a display date in the header: the dateline's own day, in the header's year
    shown = "Tuesday, March 5, 2024 | Portsea 4°C\n" + text
    date = _date(shown)
    assert (date.value, date.origin, date.flags) == ("2024-03-03", "dateline", frozenset())
    # a year back at most half a year; alone it cannot be placed
    far = _date("Tuesday, January 7, 2025 | Portsea 4°C\n" + text)
    assert far.value is None and shown_date(far.note) == "2025-01-07"
    assert _date(text).value is None


def test_dateline_with_its_year():
    text = TITLE + "\nPORTSEA, Ostland, March 3, 2024 — The pier closed on Thursday after storm damage, officials said.\n"
    assert (_date(text).value, _date(text).origin) == ("2024-03-03", "dateline")


@pytest.mark.parametrize("header", [
    "Tuesday, March 5, 2024\n12.5 °C\n",
    "Tuesday 5 March 2024 | Portsea 17°C Light cloud\n",
    "Today: March 5, 2024\n",
])
def test_header_date_next_to_weather_or_today_is_a_display_date(header):
    date = _date(header + TITLE + BODY)
    # a display date is no publication date: the page is undated, the date kept as a bound
    assert date.value is None and date.has(DateFlag.DISPLAY_DATE)
    assert shown_date(date.note) == "2024-03-05"


def test_byline_date_beats_a_display_date():
    text = "Tuesday, March 5, 2024 | 12°C\n" + TITLE + "By Ilse Banfi | February 20, 2024\n" + BODY
    date = _date(text)
    assert (date.value, date.origin, date.flags) == ("2024-02-20", "byline", frozenset())


def test_a_date_in_the_body_is_never_the_publication_date():
    text = TITLE + BODY + "The council approved the repairs on March 3, 2024.\n\nPublished in the council minutes of May 2, 2024, the figures were higher than expected by far.\n"
    assert _date(text).value is None


def test_published_line_at_the_end_of_the_page():
    text = TITLE + BODY + "\nWork starts next week, the harbour office said on Friday afternoon.\n\nPublished: 4 March 2024\n"
    assert _date(text).value == "2024-03-04"


def test_clean_page_reads_the_date_and_author_of_a_scrape():
    raw = ("Pier closes after storm damage leaves walkway unsafe\nBy Ilse Banfi and Tomas Brek\n"
           "Published 11:02 a.m. ET March 4, 2024\n\nThe pier closed on Thursday after storm damage left the walkway unsafe, officials said.")
    doc = clean_page(RawPage("p.txt", raw, "text"))
    assert (doc.published.value, doc.published.origin) == ("2024-03-04", "byline")
    assert doc.author == "Ilse Banfi and Tomas Brek"
    assert "By Ilse Banfi and Tomas Brek" in doc.removed


def test_a_numeric_date_whose_order_is_unknown_is_not_read():
    assert _date(TITLE + "Posted 05/03/2025\n" + BODY).value is None  # March 5 or May 3


def test_a_guessed_first_of_january_of_a_year_the_text_names_is_no_date():
    body = ("The long read\n\nWhy the Orlen inquiry is late\n\nEleven weeks after the escape, the questions "
            "have multiplied. The fugitive, convicted over the deadly 2019 van robbery, is still at large.\n")
    assert _date(body, extracted="2019-01-01").value is None
    new_year = body + "\nThe new wing opened on January 1, 2019, the ministry said.\n"
    assert _date(new_year, extracted="2019-01-01").value == "2019-01-01"
    assert _date(body, extracted="2019-03-07").value == "2019-03-07"  # a full guessed day stays the last resort


MENU_WITH_EXCLAMATION = (
    "Skip to content\nTHE HESKET BUGLE\nHesket's favourite for News, Sport & Gossip\n\n"
    "NEWS | SPORT | GOSSIP | MONEY | PUZZLES | WIN!\n\nTRENDING: Storm heroes | Lotto results | Cup draw\n\n"
    "NEWS > STORM\n\nASKERBY HARBOUR SHUT AFTER STORM\nFishing fleet stuck at the quay\n\n"
    "By Ada Quist, Chief Reporter\nMonday, 24 February 2031\n\n"
    "Forty boats are stuck in Askerby harbour after the storm tore away part of the breakwater, the "
    "coastguard said on Sunday.\n\nCrews said repairs to the harbour wall would take several months.\n")
# the body detection takes the standfirst and the author's name for text: the date line after
# them is still the page's date
BELOW_STANDFIRST_AND_NAME = (
    "The Quarrow Review\nMarkets | Companies | Economy | Opinion\n\nCompanies > Retail\n\n"
    "Vessmark chief survives ouster vote by a whisker\n\n"
    "Almost half of the votes cast back the activist's resolution; the board says it has heard the message\n\n"
    "Henrike Olsberg-Tamm\n\n11 June 2031, 19:48\n\nListen to this article (4 min)\n\n"
    "Anders Pell clung on as chief executive of Vessmark on Thursday after 48.9 per cent of the votes "
    "cast at an extraordinary meeting backed his removal.\n\nThe board said it would reflect on the result.\n")


@pytest.mark.parametrize("page, value", [
    (MENU_WITH_EXCLAMATION, "2031-02-24"),  # a menu that ends on an exclamation does not hide it
    (BELOW_STANDFIRST_AND_NAME, "2031-06-11"),
])
def test_a_date_line_below_the_page_furniture_is_the_pages_date(page, value):
    got = _date(page)
    assert (got.value, got.origin) == (value, "header")


def test_a_consent_banner_that_does_not_name_cookies_is_not_the_body():
    page = RawPage(source="p.txt", kind="text", content=(
        "THE WEXLEY FLARE\nNEWS | SPORT | SHOWBIZ | MONEY\n"
        "We value your privacy. We and our 140 partners store and access information on your device. "
        "ACCEPT ALL | REJECT | OPTIONS\nNEWS > WEXLEY\nFamilies blast refinery payout as crumbs\n"
        "By Tamsin Orlo, News Reporter\nPublished 8 August 2031, 06:00\n"
        "A payout for the victims of the Wexley refinery fire was blasted as crumbs by residents last night.\n"
        "The fund was unveiled on Tuesday, five months after the fire.\n"))
    doc = clean_page(page)
    assert "privacy" not in doc.text and "ACCEPT ALL" not in doc.text
    assert doc.published.value == "2031-08-08"


def test_a_guessed_first_of_the_month_gives_way_to_the_day_a_byline_writes():
    # htmldate reads the images' "/2025/04/" as 1 April; the byline, which trafilatura leaves
    # out of the text, writes the day
    html = ("<html><head><title>PIER SHUT: six weeks of misery | The Harbour Post</title>"
            "<meta property='og:image' content='https://img.harbourpost.example/2025/04/pier.jpg'></head><body>"
            "<div class='article'><h1>PIER SHUT: six weeks of misery for commuters</h1>"
            "<h2>Buses every hour as repairs begin</h2>"
            "<p class='byline'>By Ana Veldt, Transport Editor | Published 17 April 2025, 06:00</p>"
            "<img src='/2025/04/pier.jpg'><p class='caption'>The pier this week (Photo/Post pictures)</p>"
            "<p>The ferry service between Tremarth and Wendle Point will stop for six weeks from Monday while the "
            "pier is repaired, the harbour board said on Thursday.</p>"
            "<p>Repairs to the pier's pilings are expected to cost about 2.4 million, a spokeswoman for the board "
            "said, and a replacement bus will run every hour.</p></div></body></html>")
    doc = clean_page(RawPage("p.html", html, "html"))
    assert doc.published.value == "2025-04-17", doc.published
    # a guess that is a full day, or a byline in another month, leaves the guess as it was
    from storyline.clean.pubdate import stamped_day
    assert stamped_day("2031-04-09", ["Published 17 April 2031"]) == "2031-04-09"
    assert stamped_day("2031-04-01", ["Published 17 May 2031"]) == "2031-04-01"
