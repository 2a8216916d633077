"""Where a statement's content comes from: the outlet a page or a sentence relays.

An outlet that relays another's report ("according to Merlin Wire", "X told The Daily Echo",
a headline "Daily Echo: ...", "The Daily Echo writes") confirms nothing by itself: its
evidence is credited to the outlet it relays (see analyze/corroboration.py). An outlet is
told by the generic words outlets' names end in ("... Press", "... Wire"), never by a list of
particular outlets.
"""
from __future__ import annotations

import re

from ..names import name_key

CITES = re.compile(
    r"(?:according to (?:the )?(?:report of |reports? by |a report (?:by|from) )?|"
    r"(?:told|quoted by|cited by|in an interview with) (?:the )?|reported by (?:the )?)"
    r"(?P<o>(?:[A-Z][\w&'.-]*\s+){0,4}?(?:Press|News|Agency|Times|Post|Network|TV|Television|Radio|"
    r"Journal|Herald|Tribune|Wire|Service|Channel|Media))\b")
WRITES = re.compile(r"(?:^|\.\s+)(?:The\s+)?(?P<o>(?:[A-Z][\w&'.-]*\s+){0,3}(?:Press|News|Agency|Times|Post|"
                    r"Network|Wire|Service))\s+(?:writes|reported|reports|says)\b")
HEADLINE = re.compile(r"^(?P<o>[A-Z][\w&'. -]{2,40}):\s")


def document_origin(title: str | None, text: str) -> str | None:
    """The outlet a whole article relays, when its headline or body says so."""
    m = HEADLINE.match(title or "")
    if m and re.search(r"\b(Press|News|Agency|Times|Network|Wire|Service)\b", m.group("o")):
        return m.group("o").strip()
    m = WRITES.search(text)
    return m.group("o").strip() if m else None


def sentence_origin(text: str, via: str | None) -> str | None:
    m = CITES.search(text)
    if m:
        return m.group("o").strip()
    if via and re.search(r"\b(Press|News|Agency|TV|Times|Wire)\b", via):
        return via
    return None


GENERIC_OUTLET_WORDS = {"news", "tv", "television", "radio", "agency", "network", "online", "the",
                        "channel", "media", "service", "wire"}


def outlet_key(name: str) -> str:
    """One key for the names of one outlet ("KBC", "KBC News"; "The Daily Echo")."""
    words = [w for w in name_key(name).split() if w not in GENERIC_OUTLET_WORDS]
    return " ".join(words) or name_key(name)


