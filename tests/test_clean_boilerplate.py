"""Boilerplate in text scrapes by general signals: menus and link lists, captions and credits,
prompts, lists under "Trending"/"Most Read" headings, comment forms, video items, footers,
the site's notices about itself, and lines repeated across pages of one site; the article's
real sentences kept, however short. Every page here is invented."""
from __future__ import annotations

import pytest

from storyline.clean import clean_page, remove_lines, repeated_lines
from storyline.clean.lines import classify_line, is_sentence
from storyline.clean.text import clean_text, strip_credit
from storyline.model import RawPage

PAGE = """Skip to main content
Harbor Star
Home
News
Sports
Business
Obituaries
Subscribe
Sign In

Local | Nation | World | Politics

Ferry operators reject pay offer as Brindle Bay strike drags on

Deckhands say the offer falls short of inflation

By Odalys Ferrucci and Tomasz Kreel
Published 11:02 a.m. ET March 4, 2024 | Updated 3:41 p.m. ET March 4, 2024

Share on Facebook
Share on X
Copy link
5 min read

Deckhands walk a picket line outside the Brindle Bay terminal on Monday, March 4, 2024. (Harbor Star Photo/Pell Anvari)

BRINDLE BAY — Ferry operators on Monday rejected a revised pay offer from the Brindle Bay Transit Authority, extending a strike that has stranded thousands of island commuters for nine days.

The authority had offered a 4% raise over two years, union negotiator Halvard Quarles said.

"It is not enough," Quarles said.

Talks broke down.

Advertisement

Story continues below advertisement

The strike began Feb. 24 after months of stalled negotiations over wages and crew sizes. Authority chair Mireille Obuya said the agency would return to the table next week.

RELATED: Island commuters scramble as ferry strike enters second week

Sign up for our Morning Briefing newsletter to get the latest headlines in your inbox.

What happens next

A mediator appointed by the state is expected to meet both sides on Thursday, according to a statement from the governor's office.

Harbor Star is a member of the Coastal Press Standards Council.

Trending

Police identify driver in Route 9 crash
High school robotics team heads to nationals
Five takeaways from the council budget hearing

Most Read

Storm knocks out power to 4,000 homes
New bakery opens on Quay Street

Leave a Comment

Your email address will not be published. Required fields are marked *

Comment *
Name *
Email *

About Us | Contact Us | Careers | Advertise
Privacy Policy
Terms of Use
© 2024 Harbor Star Media LLC. All rights reserved.
This material may not be published, broadcast, rewritten or redistributed.
"""


@pytest.fixture(scope="module")
def page_doc():
    return clean_page(RawPage("ferry.txt", PAGE, "text"))


def test_full_page_title_outlet_date(page_doc):
    assert page_doc.title == "Ferry operators reject pay offer as Brindle Bay strike drags on"
    assert page_doc.outlet == "Harbor Star"
    assert (page_doc.published.value, page_doc.published.origin) == ("2024-03-04", "byline")


@pytest.mark.parametrize("line", [
    "Skip to main content", "Obituaries", "Sign In", "Local | Nation | World | Politics",
    "By Odalys Ferrucci and Tomasz Kreel", "Share on Facebook", "Copy link", "5 min read",
    "(Harbor Star Photo/Pell Anvari)", "Advertisement", "Story continues below advertisement",
    "RELATED: Island commuters scramble as ferry strike enters second week",
    "Sign up for our Morning Briefing newsletter to get the latest headlines in your inbox.",
    "Harbor Star is a member of the Coastal Press Standards Council.",
    "Trending", "Police identify driver in Route 9 crash", "Five takeaways from the council budget hearing",
    "Most Read", "New bakery opens on Quay Street", "Leave a Comment",
    "Your email address will not be published.", "Comment *", "About Us | Contact Us | Careers | Advertise",
    "Privacy Policy", "© 2024 Harbor Star Media LLC. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
])
def test_full_page_furniture_removed(page_doc, line):
    assert line not in page_doc.text


@pytest.mark.parametrize("line", [
    "Deckhands say the offer falls short of inflation",  # the standfirst
    "Deckhands walk a picket line outside the Brindle Bay terminal on Monday, March 4, 2024.",
    "BRINDLE BAY — Ferry operators on Monday rejected a revised pay offer",
    '"It is not enough," Quarles said.',  # a short quote line
    "Talks broke down.",  # a one-sentence paragraph
    "What happens next",  # a subheading
    "A mediator appointed by the state is expected to meet both sides on Thursday",
])
def test_full_page_article_kept(page_doc, line):
    assert line in page_doc.text


@pytest.mark.parametrize("line, kind", [
    ("Werbung", "furniture"),
    ("Publicidad", "furniture"),
    ("Partager", "furniture"),
    ("Lesen Sie auch", "list heading"),
    ("Lo más leído", "list heading"),
    ("Alle Rechte vorbehalten.", "footer"),
    ("© 2024 Le Courrier du Port. Tous droits réservés.", "footer"),
    ("Mentions légales | Politique de confidentialité | Nous contacter", "footer"),
    ("Laisser un commentaire", "comment form"),
    ("中文 | English | Русский | العربية", "language menu"),
    ("Deutsch  Français  Español  Italiano  Português", "crumb"),
    ("Image source, Quayline Pictures", "caption"),
    ("FILE - A ferry leaves the terminal on March 3, 2021. (Wirefast Photo/Ilse Banfi, File)", "caption"),
    ("Photo: Ilse Banfi/Harbor Star", "caption"),
    ("Quayline Images", "caption"),
    ("Updated 2 hours ago", "date label"),
    ("01:52  Ferry chief explains the offer", "video"),
    ("[Video] 02:14 | The moment the ferry left", "video"),
    ("Listen to this article (4 min)", "furniture"),
    ("Comments (23)", "furniture"),
    ("Share: Facebook X LinkedIn", "share bar"),
    ("Follow Harbor Star on Social", "prompt"),
    ("We use cookies to personalise content and ads.", "prompt"),
    ("Get our free newsletter, delivered every morning.", "prompt"),
    ("Most read this week: 1. Storm knocks out power | 2. Bakery opens", "related"),
    ("TOPICS: ferries, strikes, Brindle Bay", "related"),
    ("Wirefast contributed to this report.", "credit"),
    ("This story was originally published by the Quayside Courier.", "credit"),
    ("Home  News  Sport  Business  Community  Family notices  Advertise", "crumb"),
])
def test_furniture_lines_in_several_languages(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize("line", [
    "Critics said the company's privacy policy was vague and hard to follow.",
    "The ferry company will share the costs with the port, the mayor said.",
    "He said there would be no comments on the matter until Friday.",
    "Subscribers to the ferry pass will get a refund, the authority said.",
    "Follow-up talks are due next week.",
    "By Tuesday, talks had failed.",
    "Ferry operators say they are serious about us pay talks resuming",
    "(Reporting by Ilse Banfi; Editing by Tomas Brek)",
    "The union said its members voted 312 to 41 to continue the strike.",
    "Latest figures: the ferry carried 4,000 fewer passengers, the authority said.",
    "Under the agreement:",
])
def test_article_lines_are_not_furniture(line):
    assert classify_line(line) is None


def test_sentence_shape():
    assert is_sentence("The union said its members voted to continue.")
    assert is_sentence('He said: "We will not sail."')
    assert not is_sentence("Talks broke down.")  # short: kept all the same, but not by shape
    assert not is_sentence("Police identify driver in Route 9 crash")


def test_run_of_short_lines_is_a_menu_but_a_lone_subheading_is_kept():
    text = ("Ferry strike ends after nine days\n\nHome\nIslands\nWeather\nJobs\n\n"
            "The strike ended on Friday after nine days, the union said in a statement.\n\n"
            "Back to work\n\nCrews returned to the terminal on Saturday morning, officials said.")
    cleaned = clean_text(text)
    assert {"Home", "Islands", "Weather", "Jobs"} <= set(cleaned.removed)
    assert "Back to work" in cleaned.body


def test_list_under_a_heading_stops_at_the_next_sentence():
    text = ("Ferry strike ends after nine days\n\nThe strike ended on Friday after nine days, the union said.\n\n"
            "More from Harbor Star\n· Pier reopens after repairs\n· Council race: who is standing?\n"
            "Crews returned to the terminal on Saturday morning, officials said.")
    cleaned = clean_text(text)
    assert "· Pier reopens after repairs" in cleaned.removed
    assert "· Council race: who is standing?" in cleaned.removed
    assert "Crews returned to the terminal on Saturday morning, officials said." in cleaned.body


def test_caption_keeps_its_sentence_and_loses_its_credit():
    assert strip_credit("Crews at the terminal on March 3. (Harbor Star Photo/Pell Anvari)") == \
        "Crews at the terminal on March 3."
    assert strip_credit("Crews at the terminal. [File: Pell Anvari/Wirefast]") == "Crews at the terminal."
    assert strip_credit("Crews at the terminal. Photo: Pell Anvari") == "Crews at the terminal."
    assert strip_credit("The union (which has 4,000 members) voted.") == "The union (which has 4,000 members) voted."


def test_site_notice_only_below_the_article():
    raw = ("Ferry strike ends after nine days\n\nThe strike ended on Friday, a union official told the Harbor Star on Saturday morning.\n\n"
           "Harbor Star asked the authority for comment on the figures before publication on Friday.\n\n"
           "Crews returned to the terminal on Saturday morning, officials said in a statement.\n\n"
           "Harbor Star is free to read. Support local journalism: become a member today.\n\n"
           "Advertise with Harbor Star · reach 40,000 readers")
    doc = clean_page(RawPage("p.txt", raw, "text", url="https://www.harborstar.com/2024/03/09/ferry"))
    assert doc.outlet == "Harbor Star"
    assert "told the Harbor Star on Saturday morning" in doc.text
    assert "Harbor Star asked the authority for comment" in doc.text
    assert "Harbor Star is free to read" not in doc.text
    assert "Advertise with Harbor Star" not in doc.text


PAGES = [
    "Ferry strike ends\n\nThe strike ended on Friday after nine days, the union said.\n\nIsland life, every day\n\nTalks failed.\n\nRead our weekend edition\n\n12 Comments",
    "Pier reopens after repairs\n\nThe pier reopened on Monday after six weeks of repairs, the council said.\n\nIsland life, every day\n\nTalks failed.\n\n3 comments",
    "Council race heats up\n\nFour candidates have entered the council race, the clerk said on Tuesday.\n\nRead our weekend edition",
    "Pier reopens after repairs\n\nThe pier reopened on Monday after six weeks of repairs, the council said.\n\nWork took six weeks\n\nIsland life, every day",
]


def test_repeated_lines_across_pages_of_one_site():
    found = repeated_lines(PAGES)
    assert {"Island life, every day", "Read our weekend edition", "12 Comments", "3 comments"} <= found
    # sentences, and short lines that end like one, are not the site's
    assert "Talks failed." not in found
    assert not any("the union said" in line for line in found)
    # the 2nd and 4th pages are versions of one article: "Work took six weeks" is not repeated
    assert "Work took six weeks" not in found
    assert repeated_lines(PAGES, min_pages=4) == set()


def test_remove_lines():
    text, removed = remove_lines(PAGES[0], repeated_lines(PAGES))
    assert removed == ["Island life, every day", "Read our weekend edition", "12 Comments"]
    assert text == ("Ferry strike ends\n\nThe strike ended on Friday after nine days, the union said.\n\n"
                    "Talks failed.")


def test_wire_end_marks_but_not_the_word_ends():
    cleaned = clean_text("Ferry strike ends\n\nThe union said the strike was over on Friday, officials said. ENDS\n\n"
                         "Where the road ends\n\nCrews returned on Saturday. Enditem")
    assert cleaned.body.split("\n\n") == [
        "The union said the strike was over on Friday, officials said.", "Where the road ends",
        "Crews returned on Saturday."]


def test_a_caption_in_brackets_is_a_caption():
    assert classify_line("(Photo: Supporters wave flags outside the stadium before the derby. "
                         "Harbor Star/Pell Anvari)") == "caption"
    assert classify_line("[Image: Crews at the terminal on Saturday. Wirefast]") == "caption"
    assert classify_line("(Reporting by Pell Anvari; editing by Jo Marr)") != "caption"
