"""Clutter of many kinds around an article, read through `clean_page`: each block must be
gone from the cleaned text and every sentence of the article kept. Every page is invented."""
from __future__ import annotations

import pytest

from storyline.clean import clean_page
from storyline.model import RawPage

TITLE = "Ferry service halted for six weeks as pier repairs begin"
ARTICLE = [
    "PENMARTH — The ferry service between Penmarth and Wendle Point will stop for six weeks from "
    "Monday while the pier is repaired, the harbour board said on Thursday.",
    "Repairs to the pier's pilings are expected to cost about 2.4 million, a spokeswoman for the "
    "board said, and a replacement bus will run every hour.",
    "\"We know this is hard for people who cross every day,\" said board chair Orla Menzies.",
    "Talks with the contractor ended on Wednesday.",
    "The board said it would publish a timetable for the replacement buses by Friday, and that "
    "season tickets would be extended by six weeks at no cost.",
    "Divers found cracks in four of the pilings in January.",
]

# (case id, where the block goes: "top", "middle" (after the second paragraph) or "bottom", lines)
BLOCKS = [
    ("menu-lines", "top", ["Home", "News", "Local", "Sport", "Business", "Opinion", "Obituaries"]),
    ("menu-bar", "top", ["News | Sport | Business | Culture | Travel | Podcasts"]),
    ("menu-spaced", "top", ["Home   World   Business   Tech   Science   Climate"]),
    ("skip-sign-in", "top", ["Skip to main content", "Sign in", "Subscribe", "Search"]),
    ("trending", "bottom", ["Trending", "Council approves new cycle lanes on Quay Road",
                            "Penmarth school wins regional chess title", "Storm warning for weekend"]),
    ("most-read", "bottom", ["Most read", "1. Bakery closes after 80 years",
                             "2. Wendle Point car park fees to rise", "3. Festival line-up announced"]),
    ("related-coverage", "middle", ["Related coverage", "Ferry fares frozen for another year",
                                    "Harbour board names new chief"]),
    ("read-more-inline", "middle", ["READ MORE: Ferry fares frozen for another year"]),
    ("photo-caption-credit", "middle",
     ["Passengers queue for the last ferry at Penmarth pier on Thursday. (Photo/Ines Banfi)"]),
    ("photo-credit-agency", "middle", ["A diver inspects a piling. (Merlin Wire Photo/Ines Banfi)"]),
    ("file-caption", "middle", ["FILE - The Penmarth ferry leaves the pier in a photo taken in 2024."]),
    ("image-label", "middle", ["Image: Ines Banfi / Merlin Wire"]),
    ("share-bar", "top", ["Share this article", "Facebook", "X", "WhatsApp", "Email", "Copy link"]),
    ("share-one-line", "top", ["Share: Facebook  X  LinkedIn  Email"]),
    ("subscribe-prompt", "middle",
     ["Subscribe now for unlimited access to local journalism. Cancel anytime."]),
    ("paywall", "bottom", ["You have reached your limit of free articles this month.",
                           "Already a subscriber? Log in"]),
    ("cookie-banner", "top", ["We use cookies to improve your experience on our site. By continuing "
                              "to browse you agree to our use of cookies.", "Accept all", "Manage preferences"]),
    ("newsletter", "bottom", ["Sign up to our daily newsletter",
                              "Get the day's top stories delivered to your inbox every morning."]),
    ("comment-count", "top", ["14 comments"]),
    ("comments-block", "bottom", ["Comments (14)", "Join the conversation", "Log in to comment"]),
    ("ticker", "top", ["AEX 902.14 -0.4%   DAX 18,201.33 +0.2%   EUR/USD 1.0842"]),
    ("ticker-lines", "top", ["FTSE 100", "8,104.22", "+0.31%", "Brent crude", "$81.40", "-1.2%"]),
    ("weather-widget", "top", ["Penmarth", "14°C", "Light rain", "Wind 22 km/h"]),
    ("weather-one-line", "top", ["Penmarth 14°C Cloudy"]),
    ("author-bio", "bottom", ["Jane Doe is the Courier's transport reporter. She has covered the "
                              "harbour for ten years. Contact her at jane.doe@example.com."]),
    ("follow-author", "bottom", ["Follow Jane Doe on X @janedoe"]),
    ("advert", "middle", ["Advertisement", "Story continues below advertisement"]),
    ("reading-time", "top", ["4 min read"]),
    ("listen", "top", ["Listen to this article", "03:12"]),
    ("footer-links", "bottom", ["About us | Contact | Privacy policy | Terms of use | Advertise"]),
    ("copyright", "bottom", ["© 2026 Meridian Media Group Ltd. All rights reserved."]),
    ("app-prompt", "bottom", ["Download our app for the latest news on the go."]),
    ("video-item", "middle", ["VIDEO 02:14 | Divers inspect the cracked pilings"]),
    ("tags", "bottom", ["Tags: ferry, transport, Penmarth, Wendle Point"]),
    ("breadcrumb", "top", ["Home > News > Transport"]),
    ("report-typo", "bottom", ["Spotted an error? Report a typo"]),
    ("more-from", "bottom", ["More from Transport", "Bus lane plan goes to consultation",
                             "Rail fares to rise in May"]),
    ("updated-line", "top", ["Updated 14:22 GMT, 5 March 2026"]),
    ("last-modified", "top", ["Last modified on Thu 5 Mar 2026 14.22 GMT"]),
    ("credit-prefix", "middle", ["Photo: Ines Banfi/Merlin Wire"]),
    ("getty", "middle", ["Divers at work on Thursday.", "Getty Images"]),
    ("click-enlarge", "middle", ["Click to enlarge", "1 of 12"]),
    ("gallery", "middle", ["Photo gallery (12 photos)"]),
    ("recommended", "bottom", ["Recommended", "How the pier was built", "Ten walks around Penmarth"]),
    ("editors-picks", "bottom", ["Editor's picks", "Inside the harbour's busiest week",
                                 "A ferry captain's last crossing"]),
    ("dont-miss", "middle", ["Don't miss: Ferry fares frozen for another year"]),
    ("sponsored", "bottom", ["Sponsored content", "Five ways to cut your energy bill this winter"]),
    ("tip-line", "bottom", ["Got a news tip? Email us at tips@example.com"]),
    ("about-author", "bottom", ["About the author", "Jane Doe covers transport and the harbour."]),
    ("short-bio", "bottom", ["Jane Doe is a reporter based in Penmarth."]),
    ("wire-legal", "bottom", ["Copyright 2026 Merlin Wire. All rights reserved. This material may not "
                              "be published, broadcast, rewritten or redistributed."]),
    ("back-to-top", "bottom", ["Back to top", "Next article", "Previous article"]),
    ("print-font", "top", ["Print", "Font size: A A A"]),
    ("topics", "bottom", ["Topics", "Transport", "Penmarth", "Infrastructure"]),
    ("german-clutter", "bottom", ["Lesen Sie auch", "Fährpreise bleiben eingefroren",
                                  "Hafenamt ernennt neuen Chef"]),
    ("french-share", "top", ["Partager sur Facebook", "Partager sur X"]),
    ("spanish-most-read", "bottom", ["Lo más leído", "Cierra la panadería tras 80 años",
                                     "Suben las tarifas del aparcamiento"]),
    ("dutch-read-also", "middle", ["Lees ook: Veerprijzen blijven bevroren"]),
    ("live-badge", "top", ["LIVE", "Breaking news"]),
    ("continue-reading", "middle", ["Continue reading below"]),
    ("newsletter-box", "bottom", ["Get the Courier weekly email",
                                  "Local stories, events and offers every Friday. Unsubscribe at any time.",
                                  "Your email", "Sign up"]),
    ("author-block-top", "top", ["Jane Doe", "Transport correspondent", "@janedoe"]),
    ("listen-duration", "top", ["Listen to article 5 min"]),
    ("advert-scroll", "middle", ["Advertisement - scroll to continue"]),
    ("after-advert", "middle", ["Story continues after advertisement"]),
    ("posted-time", "top", ["Posted: March 4, 2026 at 2:22 p.m."]),
    ("last-updated-ago", "top", ["Last updated 2 hours ago"]),
    ("photograph-credit-tail", "middle",
     ["Passengers queue at the pier on Thursday. Photograph: Ines Banfi/Merlin Wire"]),
    ("pictured", "middle", ["Pictured: the pier in January"]),
    ("enlarge-plus", "middle", ["[+] Enlarge"]),
    ("loading", "top", ["Loading..."]),
    ("free-to-continue", "bottom", ["Sign up for free to continue reading"]),
    ("subscribers-only", "bottom", ["This article is for subscribers only."]),
    ("needs-support", "bottom", ["Our journalism needs your support. Donate today."]),
    ("show-comments", "bottom", ["Show 23 comments"]),
    ("related-topics-line", "bottom", ["Related Topics: Ferry, Penmarth"]),
    ("print-version", "bottom", ["A version of this article appears in print on March 5, 2026."]),
    ("have-your-say", "bottom", ["Have your say", "What do you think? Leave a comment below."]),
    ("share-via", "top", ["Share via: Email | Facebook | WhatsApp"]),
    ("ticker-arrows", "top", ["DOW 38,239.66 ▲ 0.4%  NASDAQ 15,927.90 ▼ 0.2%"]),
    ("weather-label", "top", ["Weather: 14°C, light rain"]),
    ("caption-inline-photo", "middle", ["The pier at Penmarth, where cracks were found in January "
                                        "(Photo/Ines Banfi)"]),
]


def _page(where: str, block: list[str]) -> str:
    top, middle, bottom = (block if w == where else [] for w in ("top", "middle", "bottom"))
    parts = [*top, TITLE, "By Jane Doe", *ARTICLE[:2], *middle, *ARTICLE[2:], *bottom]
    return "\n\n".join(parts)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lowercase"])
@pytest.mark.parametrize("case, where, block", BLOCKS, ids=[b[0] for b in BLOCKS])
def test_clutter_removed_and_article_kept(case, where, block, lower):
    page = _page(where, block)
    text = clean_page(RawPage("p.txt", page.lower() if lower else page, "text")).text
    paragraphs = {_norm(p) for p in text.split("\n\n")}
    left = [ln for ln in block if (_norm(ln) in paragraphs if len(ln.split()) <= 2 else _norm(ln) in _norm(text))]
    lost = [p for p in ARTICLE if _norm(p) not in _norm(text) and _norm(p.split(" — ")[-1]) not in _norm(text)]
    assert not left and not lost, (left, lost)


TRICKY_ARTICLE_LINES = [
    "Related work on the breakwater will be done by the same contractor.",
    "More than 3,000 people use the ferry every day, the board said.",
    "Subscribers to the monthly ferry pass will get a refund, the board said.",
    "Follow-up inspections are planned for May.",
    "Watch crews will patrol the closed pier at night.",
    "Share prices of the contractor fell 3% on Thursday.",
    "Latest figures show passenger numbers rose 4% last year.",
    "Photo booths at the terminal will stay open.",
    "Sign-ups for the replacement bus pass opened on Friday.",
    "Opinion is divided among commuters.",
    "Top officials from the harbour board met on Wednesday.",
    "She declined to comment.",
    "It will reopen in May.",
    "Advertising on the ferry will also stop, the board said.",
    "Email alerts will tell passengers about changes, the board said.",
    "Jane Roe, a commuter, said she would drive instead.",
]


def test_article_lines_that_open_like_clutter_are_kept():
    page = "\n\n".join([TITLE, "By Jane Doe", ARTICLE[0], *TRICKY_ARTICLE_LINES, *ARTICLE[1:],
                         "Jane Doe is the Courier's transport reporter."])
    text = _norm(clean_page(RawPage("p.txt", page, "text")).text)
    assert [ln for ln in TRICKY_ARTICLE_LINES + ARTICLE[1:] if _norm(ln) not in text] == []
    assert "transport reporter" not in text


def test_line_above_a_short_sentence_naming_a_photo_is_kept():
    page = "\n\n".join([TITLE, ARTICLE[0], "Talks with the contractor ended.", "The photos were shared.",
                         *ARTICLE[1:]])
    text = _norm(clean_page(RawPage("p.txt", page, "text")).text)
    assert "talks with the contractor ended." in text


def test_paragraph_between_adverts_is_kept():
    page = "\n\n".join([TITLE, ARTICLE[0], "Advertisement", ARTICLE[1], "Advertisement", *ARTICLE[2:]])
    text = _norm(clean_page(RawPage("p.txt", page, "text")).text)
    assert _norm(ARTICLE[1]) in text and "advertisement" not in text


def test_lowercase_page_clutter():
    page = "\n\n".join(["valley fm", "news | sport | weather | listen live", TITLE.lower(),
                         "share on facebook   share on x", *[p.lower() for p in ARTICLE],
                         "most read", "bakery closes after 80 years", "car park fees to rise",
                         "© 2026 valley fm. all rights reserved."])
    text = _norm(clean_page(RawPage("p.txt", page, "text")).text)
    assert all(_norm(p) in text for p in ARTICLE[1:])
    for clutter in ("listen live", "share on facebook", "most read", "bakery closes", "all rights reserved"):
        assert clutter not in text
