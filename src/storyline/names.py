"""Name keys that see through spelling variants of the same name, and the parts of a name.

Transliterations differ in doubled letters (Hassan/Hasan), y/i (Yanis/Ianis), ou/u, ee/i,
th/t (Thomas/Tomas), ph/f, a final ts/ch/cs for c-with-caron (Jelats/Jelač), diacritics
(Šebek/Sebek), hyphens and case; a leading "the" and a possessive "'s" are not part of a
name. A person's name is read as given name, middle names and surname (a surname may be
compound, "Brandt-Quell", or carry particles, "van der Meulen"); an organisation's name
as words whose initials make its acronym, in either of two word orders ("Marovian National
Bank", "National Bank of Marovia").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .letters import latin_letters

CONNECTORS = {"of", "the", "and", "for", "de", "du", "la"}
GENERIC_HEADS = {"province", "governorate", "region", "city", "state", "county", "district",
                 "prefecture", "municipality", "department"}
PLACE_HEADS = GENERIC_HEADS | {"island", "islands", "oblast", "canton"}
# words that start or join a surname: "van der Meulen", "de Graaf", "al-Rawandi"
SURNAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "du", "del",
                     "della", "di", "la", "le", "ter", "ten", "al", "el", "bin", "ibn", "st"}
# a particle's spellings that are one particle ("van den" / "van der")
PARTICLE_FOLDS = {"den": "der"}


_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_SIBILANT = re.compile(r"(?:tsch|tch|ch|ts|tz|cs|cz)$")
_VOWEL_Y = re.compile(r"(?<=[aeiou])y(?=[^aeiou]|$)")
_INITIAL_Y = re.compile(r"^y(?=[^aeiou])")


@functools.lru_cache(maxsize=65536)  # a pure function of a name, asked for the same names again and again
def plain(text: str) -> str:
    text = latin_letters(text)  # "Quørvel" / "Quorvel", "Łanski" / "Lanski"
    text = text.lower().replace("’", "'").replace("‘", "'").replace("&", " and ")
    text = _POSSESSIVE.sub("", text)
    text = _PUNCTUATION.sub(" ", text.replace("-", " "))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    word = PARTICLE_FOLDS.get(word, word)
    word = _DOUBLED.sub(r"\1", word)
    word = word.replace("ou", "u").replace("ee", "i").replace("oo", "u")
    word = word.replace("th", "t").replace("ph", "f")
    word = _FINAL_SIBILANT.sub("c", word)
    word = _VOWEL_Y.sub("i", word)
    word = _INITIAL_Y.sub("i", word)
    return word


def name_key(text: str) -> str:
    """The form two spellings of one name share."""
    return " ".join(fold_word(w) for w in plain(text).split())


def initials(text: str) -> str:
    return "".join(w[0] for w in plain(text).split() if w not in CONNECTORS).upper()


def acronym_forms(text: str) -> set[str]:
    """The acronyms a name may go by: its initials without and with the small words
    ("Department of Energy": DE, DOE)."""
    words = plain(text).split()
    if len(words) < 2:
        return set()
    return {initials(text), "".join(w[0] for w in words).upper()} - {""}


def split_acronym(text: str) -> tuple[str, str] | None:
    """"Joint Border Council (JBC)" -> ("Joint Border Council", "JBC")."""
    m = re.match(r"^(.*?)\s*\(([A-Za-z]{2,10})\)$", text.strip())
    return (m.group(1), m.group(2)) if m else None


ALIAS_DEF = re.compile(
    r"^(?P<long>.*?\S)\s*(?:\((?P<paren>[^()]{2,80})\)|,\s+(?:also\s+|better\s+|locally\s+|widely\s+)?"
    r"known\s+(?:locally\s+)?(?:as|by\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:acronym|initials|abbreviation|name))\s+(?P<known>\S.*))$")


def split_alias(text: str) -> tuple[str, str] | None:
    """A name written with another name for the same thing: "Joint Border Council (JBC)",
    "Water Board (Waterschap Rivierland)", "Ministry of Transport, known by its acronym MOTRA"."""
    m = ALIAS_DEF.match(text.strip())
    if not m:
        return None
    other = (m.group("paren") or m.group("known") or "").strip()
    return (m.group("long"), other) if other and m.group("long") else None


FACILITY_HEADS = re.compile(r"\s+(air\s*base|military\s+base|base|airport|airfield|air\s+field)$", re.I)


def facility_name(text: str) -> str:
    """"Tal al-Hawa air base" -> "Tal al-Hawa": the name without the kind of place."""
    return FACILITY_HEADS.sub("", text.strip()) or text


def without_generic_head(key: str) -> str | None:
    """"kherson province" -> "kherson"; "basque country of spain" -> "basque country"."""
    words = key.split()
    if "of" in words[1:]:
        return " ".join(words[: words.index("of")])
    if len(words) > 1 and words[-1] in PLACE_HEADS:
        return " ".join(words[:-1])
    return None


@dataclass(frozen=True)
class PersonName:
    """A person's name in folded words: "Daniel R. Tavistrom" -> given ("daniel",),
    middle ("r",), surname ("tavistrom",). A bare surname has no given name."""

    given: tuple[str, ...]
    middle: tuple[str, ...]
    surname: tuple[str, ...]

    @property
    def core(self) -> tuple[str, ...]:
        """The surname without its particles ("van der wielen" -> "wielen")."""
        return tuple(w for w in self.surname if w not in SURNAME_PARTICLES) or self.surname


def _folded(word: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in plain(word).split())


def person_name(text: str) -> PersonName | None:
    """The parts of a person's name as written (titles already taken off). A hyphenated
    last word is one compound surname; a hyphenated first word one compound given name."""
    words = [w for w in re.split(r"\s+", text.strip()) if plain(w)]
    if not words:
        return None
    if len(words) == 1 or plain(words[0]) in SURNAME_PARTICLES:
        return PersonName((), (), sum((_folded(w) for w in words), ()))
    start = next((i for i in range(1, len(words)) if plain(words[i]) in SURNAME_PARTICLES
                  and i < len(words) - 1), len(words) - 1)
    middle = sum((_folded(w) for w in words[1:start]), ())
    return PersonName(_folded(words[0]), middle, sum((_folded(w) for w in words[start:]), ()))


def surname_as_written(text: str) -> str | None:
    """The surname of a person's full name as the page writes it ("Ardwen Zelbranne" ->
    "Zelbranne", "Haldis van der Tullen" -> "van der Tullen"); None for a bare surname."""
    words = [w for w in re.split(r"\s+", text.strip()) if plain(w)]
    if len(words) < 2 or plain(words[0]) in SURNAME_PARTICLES or \
            not all(re.fullmatch(r"[^\W\d_][\w.'\u2019\"-]*", w) for w in words):
        return None
    start = next((i for i in range(1, len(words)) if plain(words[i]) in SURNAME_PARTICLES
                  and i < len(words) - 1), len(words) - 1)
    surname = " ".join(words[start:])
    return surname if len(plain(surname)) > 2 and not surname.isupper() else None


def contains_run(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """True when `short` is a run of consecutive words of `long`."""
    n = len(short)
    return n > 0 and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def is_subsequence(short: list[str] | tuple[str, ...], long: list[str] | tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def initial_of(short: str, long: str) -> bool:
    """"r" stands for "robert"."""
    return len(short) == 1 and long.startswith(short)


def of_forms(key: str) -> set[str]:
    """Word-order forms of an organisation's name that two orders share: "national bank of
    yrsavia" and "yrsavian national bank" both give "national bank @ yrsa"; "ministry of
    finance" and "finance ministry" both "ministry @ fina" (and "ministry of trade and
    sport" gives "ministry @ spor" too)."""
    words = key.split()
    if len(words) < 2:
        return set()
    if "of" in words[1:-1]:
        i = words.index("of")
        return {" ".join(words[:i]) + " @ " + w[:4] for w in words[i + 1:] if w not in CONNECTORS}
    return {" ".join(words[k:]) + " @ " + w[:4] for k in range(1, len(words)) for w in words[:k]
            if w not in CONNECTORS}
