"""Name keys that see through spelling variants of the same name.

Transliterations differ in doubled letters (Hassan/Hasan), y/i (Yusef/Iusef), ou/u, ee/i,
hyphens and case; a leading "the" and a possessive "'s" are not part of a name.
"""
from __future__ import annotations

import re
import unicodedata

CONNECTORS = {"of", "the", "and", "for", "de", "du", "la"}
GENERIC_HEADS = {"province", "governorate", "region", "city", "state", "county", "district",
                 "prefecture", "municipality", "department"}


def plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text.replace("-", " "))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def fold_word(word: str) -> str:
    word = re.sub(r"(.)\1+", r"\1", word)
    word = word.replace("ou", "u").replace("ee", "i").replace("oo", "u")
    word = re.sub(r"(?<=[aeiou])y(?=[^aeiou]|$)", "i", word)
    word = re.sub(r"^y(?=[^aeiou])", "i", word)
    return word


def name_key(text: str) -> str:
    """The form two spellings of one name share."""
    return " ".join(fold_word(w) for w in plain(text).split())


def initials(text: str) -> str:
    return "".join(w[0] for w in plain(text).split() if w not in CONNECTORS).upper()


def split_acronym(text: str) -> tuple[str, str] | None:
    """"Joint Border Council (JBC)" -> ("Joint Border Council", "JBC")."""
    m = re.match(r"^(.*?)\s*\(([A-Za-z]{2,10})\)$", text.strip())
    return (m.group(1), m.group(2)) if m else None


FACILITY_HEADS = re.compile(r"\s+(air\s*base|military\s+base|base|airport|airfield|air\s+field)$", re.I)


def facility_name(text: str) -> str:
    """"Tal al-Hawa air base" -> "Tal al-Hawa": the name without the kind of place."""
    return FACILITY_HEADS.sub("", text.strip()) or text


def without_generic_head(key: str) -> str | None:
    """"kherson province" -> "kherson"; "basque country of spain" -> "basque country"."""
    words = key.split()
    if "of" in words[1:]:
        return " ".join(words[: words.index("of")])
    if len(words) > 1 and words[-1] in GENERIC_HEADS:
        return " ".join(words[:-1])
    return None
