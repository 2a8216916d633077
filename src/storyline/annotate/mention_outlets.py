"""The news organisations a page names outside its text, and where its text names them.

Cleaning takes a page's masthead, byline and credit lines out of its text ("Meridian
Newswire | 13 Mar 2025", "By Lowland Press Agency", "Copyright 2025 Harbour Wire Service"),
so the full name of an outlet or a wire agency is often left only in the document's outlet,
author and removed lines, while the text calls it by a short form ("(Meridian) -", "told
the Ledger"). outlet_names lists those full names (capitalised runs ending in a word that
outlet names are made of, outlet_words.txt); own_outlet_mentions finds the page's own
outlet in its text, by its full name or as "the <last word>" ("the Ledger" on a page of
"The City Ledger").
"""
from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..lexicon import word_list
from ..model import Document

NAME_RUN = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*\s+(?:(?:of|the|and|&|for)\s+)?){1,5}[A-Z][\w'’-]*")
CREDITED = re.compile(r"(?:^|[.!?|·]|\b(?:by|from|via|copyright|source:?)|©|\(c\))(?:\s+the)?\s*(?:\d{4}\s+)?$", re.I)
LEADING = {"the", "by", "from", "copyright", "source", "via", "with"}
MAX_LINES = 60


def _outlet_words() -> frozenset[str]:
    return word_list("outlet_words")


def names_in_line(line: str) -> list[str]:
    """Capitalised runs of two to six words whose last word is an outlet word, where a line
    credits them: first in the line or a sentence, or after "by", "from", "via", "copyright" ("Stories from
    the Meridian Press Agency are ..." -> "Meridian Press Agency"; not "Follow us on X News")."""
    out = []
    for m in NAME_RUN.finditer(line):
        if not CREDITED.search(line[:m.start()]):
            continue
        words = m.group().split()
        while words and words[0].lower() in LEADING:
            words = words[1:]
        if len(words) >= 2 and words[-1].lower() in _outlet_words() and not words[0].isupper():
            out.append(" ".join(words))
    return out


def outlet_names(doc: Document) -> list[str]:
    """The page's outlet, and the outlets and agencies its author field and removed lines
    (bylines, credits, mastheads) name in full; in order, without repeats."""
    found = [doc.outlet or ""]
    for line in [doc.author or "", *doc.removed[:MAX_LINES]]:
        found += names_in_line(line)
    seen: dict[str, str] = {}
    for name in found:
        name = re.sub(r"^(?:The|THE)\s+", "", name.strip())
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def own_outlet_mentions(doc: Document, cased: str) -> list[tuple[int, int, str]]:
    """Where the text names the page's own outlet: its full name ("The City Ledger
    reported"), or "the" and the last word of a name of several words ("told the Ledger")."""
    name = re.sub(r"^(?:The|THE)\s+", "", (doc.outlet or "").strip())
    words = name.split()
    if not words or not words[-1][:1].isupper() or len(words) == 1 and zipf_frequency(name, "en") >= 3.0:
        return []  # an outlet named by one everyday word ("Metro") is not looked for
    out = [(m.start(), m.end(), "ORG") for m in re.finditer(
        r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", cased)]
    if len(words) > 1 and words[-1].isalpha():
        out += [(m.start(1), m.end(1), "ORG") for m in re.finditer(
            r"(?<![\w-])the\s+(" + re.escape(words[-1]) + r")(?![\w-])(?!\s+[A-Z])", cased)]
    return out
