"""The site's name at the top of a text scrape (its masthead): a short capitalised label
above the headline that the page names again, or that is made like an outlet's name."""
from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..dates import MONTHS, WEEKDAYS
from . import lexicons as lx
from .lines import is_lowercase_text
from .outlet import without_frequency
from .text import CleanText

NAME_LIKE = 4.0  # word frequency (Zipf) under which a word can be a site's own name
CALENDAR_WORDS = {m.lower().rstrip(".") for m in MONTHS} | {w.lower() for w in WEEKDAYS}


def _named_again(words: list[str], generic: frozenset[str], lines: list[str], at: int) -> bool:
    """The label's own words (its outlet words and articles left out) name the site again
    elsewhere on the page: "THE DAILY HERON" above "the Heron can reveal" and
    "(c) Heron Newspapers"."""
    own = [w for w in words if w.isalpha() and w.lower() not in generic and w.lower() not in CALENDAR_WORDS
           and zipf_frequency(w.lower(), "en") < NAME_LIKE]  # "Heron", not "people" of a slogan
    if not own or len(own) != len([w for w in words if w.lower() not in generic]):
        return False
    found = [re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])", re.I) for w in own]
    return all(any(j != at and f.search(other) for j, other in enumerate(lines)) for f in found)


def _outlet_named_again(words: list[str], lines: list[str], at: int) -> bool:
    """A name made of outlet words ("The Daily Heron") whose last word the page uses again
    for itself elsewhere, in a sentence or a footer ("the Heron can reveal")."""
    if len(words) < 2 or words[-1].lower() not in lx.word_set("outlet_words") or not words[-1].isalpha():
        return False
    publishers = "|".join(re.escape(w) for w in sorted(lx.word_set("publisher_words")))
    again = re.compile(rf"\bthe\s+{re.escape(words[-1])}\b|\b{re.escape(words[-1])}\s+(?:{publishers})\b", re.I)
    return any(j != at and again.search(other) for j, other in enumerate(lines))


def masthead(cleaned: CleanText) -> str | None:
    """The site's name at the top of a scrape: a short capitalised label above the title
    ("HARBOR STAR", "HSN  Harbor Star News") that the page uses again elsewhere (in its
    copyright line, a "Related on ..." heading, a self-description), or that ends with a
    word outlet names are made of."""
    text_lines = cleaned.lines
    end = cleaned.first_body if cleaned.first_body is not None else min(len(text_lines), 15)
    if cleaned.title and cleaned.title in text_lines[:15]:
        end = max(end, text_lines.index(cleaned.title))  # whatever stands above the headline is header
    lowercase = is_lowercase_text("\n".join(text_lines[:end + 40]))
    generic = lx.word_set("outlet_words") | lx.word_set("function_words") \
        | lx.whole_line("furniture_whole_lines")
    for i, (ln, v) in enumerate(zip(text_lines[:end], cleaned.verdicts[:end], strict=True)):
        if not ln or v not in ("section label", "word list", "crumb", None) or \
                (ln == cleaned.title and not _named_in_a_sentence(ln, text_lines, i)):
            continue  # the headline, unless a masthead taken for it ("THE DAILY HERON" / "The Daily Heron is ...")
        parts = sorted((p for p in re.split(r"\s{2,}|\s*[|•·]\s*|\s+[-–—›»>/]\s+", ln) if p),
                       key=len, reverse=True)
        for part in parts:
            words = part.split()
            core_words = without_frequency(words)
            if v == "crumb" and (len(core_words) < 2 or not {core_words[0].lower(), core_words[-1].lower()}
                                 & lx.word_set("outlet_words")):
                continue  # a menu ("News | Sport"), unless an item is named like an outlet ("Radio X 96.4")
            if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in "&" or lowercase
                                                   or w[:1].isdigit() for w in words):
                continue
            if all(w.lower() in generic for w in words) and not _outlet_named_again(words, text_lines, i):
                continue  # "News", "Home": furniture, unless "THE DAILY HERON" over "the Heron can reveal"
            core = " ".join(core_words)  # "Radio Quellby 101.7": named again without its frequency
            again = re.compile(rf"(?<![\w-]){re.escape(core)}(?![\w-])", re.I)
            if any(j != i and again.search(other) for j, other in enumerate(text_lines)) or \
                    (len(words) > 1 and words[-1].lower() in lx.word_set("outlet_words")) or \
                    _named_again(words, generic, text_lines, i):
                return _without_initials(part)
    return None


def _without_initials(name: str) -> str:
    """A masthead that gives the initials before the name they stand for ("VSR Valley Sound
    Radio"): the name."""
    words = name.split()
    rest = words[1:]
    if len(rest) >= 2 and words[0].lower() == "".join(w[0] for w in rest).lower():
        return " ".join(rest)
    return name


def _named_in_a_sentence(line: str, lines: list[str], at: int) -> bool:
    """A short line (up to five words) that another line of the page writes again, in
    another case, as the subject of a sentence ("The Daily Heron is a member of ...")."""
    if not 1 <= len(line.split()) <= 5:
        return False
    again = re.compile(rf"(?<![\w-]){re.escape(line)}\s+(?:is|was|has|says|said)\b", re.I)
    return any(j != at and other != line and again.search(other) for j, other in enumerate(lines))
