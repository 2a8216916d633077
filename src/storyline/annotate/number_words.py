"""Numbers written in words, as transcripts and careful copy write them: "eighty-one",
"four hundred and twelve", "two thousand one hundred and forty-six", "a hundred".

`SPELLED` is the pattern of a whole number phrase (the longest), `spelled_value` reads it. A bare "one"
is left to the caller (it is more often a pronoun than a count). `ORDINAL_WORDS` are the ordinals a
day of a month is written as ("nineteenth", "twenty-first").
"""
from __future__ import annotations

import re

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
BIG = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FIRST_NINE = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_FIRST_NINE + (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth"))}
ORDINAL_WORDS.update({f"twenty-{w}": 21 + i for i, w in enumerate(_FIRST_NINE)})
ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31})

_SMALL = "|".join(sorted({w for w, v in NUMBER_WORDS.items() if v < 20} | {"one"}, key=len, reverse=True))
_TENS = "|".join(sorted(TENS, key=len, reverse=True))
_UNITS = "|".join(sorted(UNITS, key=len, reverse=True))
_UPTO99 = rf"(?:(?:{_TENS})(?:[-\s](?:{_UNITS}))?|(?:{_SMALL}))"
_UPTO999 = rf"(?:(?:{_UPTO99}|a)\s+hundred(?:\s+(?:and\s+)?{_UPTO99})?|{_UPTO99})"
# a decimal read out ("four point five million", "thirty-eight point two degrees"): only before a
# scale or a unit, since "at one point two ministers ..." is no number
DIGIT_WORDS = {"zero": 0, "oh": 0, **UNITS}
_POINT = (rf"(?:\s+point(?:\s+(?:{'|'.join(DIGIT_WORDS)}))+"
          r"(?=\s+(?:thousand|million|billion|trillion|per\s?cent|percent|degrees?)\b))?")
SPELLED = rf"(?:{_UPTO999}{_POINT}(?:\s+(?:thousand|million|billion)(?:,?\s+(?:and\s+)?{_UPTO999}(?!\s+(?:thousand|million|billion)))?)?)"


def spelled_value(text: str) -> float | None:
    """The value of a number phrase in words, or None when a word is not part of one."""
    total = current = 0.0
    seen = False
    place = 0.0  # after "point": the value of the next digit's place
    for w in re.split(r"[\s,-]+", text.lower().strip()):
        if w in ("and", "a", ""):
            continue
        if w == "point" and seen and not place:
            place = 0.1
            continue
        if place and w in DIGIT_WORDS:
            current += DIGIT_WORDS[w] * place
            place /= 10
            continue
        if place and w not in BIG:
            return None
        if w in UNITS or (w in NUMBER_WORDS and w not in ("hundred", "dozen")):
            current += UNITS.get(w) or NUMBER_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in BIG:
            total += (current or 1) * BIG[w]
            current, place = 0, 0.0
        else:
            return None
        seen = True
    return round(float(total + current), 6) if seen else None
