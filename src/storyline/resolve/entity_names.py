"""How a mention's name is read for matching: without honorifics and legal forms, as a
person's parts, or as an organisation's words.

- "Ms Doe", "Dr. Jane Doe": the honorific is not part of the name (name_honorifics.txt);
  "Sir Malcolm" names a person by title and given name.
- "Velta Foods Ltd" / "Velta Foods": legal forms at either end are left out (legal_forms.txt).
- Two person names are one person's when their surnames share a run of words (compound
  surnames and particles: "Brandt-Quell" / "Brandt", "van der Meulen" / "van den Meulen")
  and their given names agree: equal, an initial, a short form that begins the other
  ("Dan" / "Daniel") or one group of given_name_variants.txt ("Kasia" / "Katarzyna").
- An organisation's short name is its first words when the rest only describes it
  ("Velta" for "Velta Home Appliances", not "Velta" for the product "Velta DryMax").
"""
from __future__ import annotations

import functools
import re

from wordfreq import zipf_frequency

from ..lexicon import word_list
from ..names import PersonName, contains_run, initial_of, name_key, person_name, plain

COMMON = 3.6  # zipf frequency from which a word is an everyday word, not a coined name


def honorifics() -> frozenset[str]:
    return word_list("name_honorifics")


def split_honorific(text: str) -> tuple[str, str]:
    """("Ms", "Jane Doe") for "Ms. Jane Doe"; ("", text) when there is none."""
    words = text.strip().split()
    cut = 0
    while cut < len(words) - 1 and words[cut].rstrip(".").lower() in honorifics():
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def without_legal_form(key: str) -> str:
    """"velta foods ltd" -> "velta foods"; "stichting aquila" -> "aquila"."""
    forms = word_list("legal_forms")
    words = key.split()
    i = len(words)
    while i > 1 and len(words[i - 1]) == 1:
        i -= 1
    if len(words) - i >= 2 and "".join(words[i:]) in forms:  # "d o o", written "d.o.o."
        words = words[:i]
    while len(words) > 1 and words[-1] in forms:
        words.pop()
    while len(words) > 1 and words[0] in forms:
        words.pop(0)
    return " ".join(words)


@functools.cache
def given_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for line in word_list("given_name_variants"):
        names = {name_key(w) for w in line.split()}
        for n in names:
            groups.setdefault(n, set()).update(names)
    return {k: frozenset(v) for k, v in groups.items()}


def given_compatible(a: str, b: str) -> bool:
    if a == b or initial_of(a, b) or initial_of(b, a):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return b in given_groups().get(a, ())


def same_person(a: PersonName, b: PersonName) -> bool:
    """True when two person names may be one person's (a bare surname may be anyone's)."""
    if not a.surname or not b.surname:
        return False
    if not (contains_run(a.core, b.core) or contains_run(b.core, a.core)):
        return False
    if a.given and b.given:
        return given_compatible(a.given[0], b.given[0])
    return True


def reads_as_person(text: str) -> PersonName | None:
    """The person name a surface reads as, honorific taken off."""
    return person_name(split_honorific(text)[1])


GENERIC = 3.0  # zipf frequency from which one word alone may be a generic head ("the Dispatch", "the Ledger")


def is_common(word: str, threshold: float = COMMON) -> bool:
    return zipf_frequency(word, "en") >= threshold


def name_like(text: str) -> bool:
    """True when every word but initials is rare (coined or foreign): "Kasia Dobrowolska",
    "Rui M. Quessada", not "Zenthe Mobile"."""
    words = [w for w in plain(text).split() if len(w) > 1]
    return bool(words) and all(not is_common(w) for w in words)


def descriptive_tail(words: list[str]) -> bool:
    """True when the words after an organisation's short name only describe it: everyday
    words ("home appliances", "capital", "joint venture"), numbers, or legal forms."""
    forms = word_list("legal_forms")
    return bool(words) and all(w.isdigit() or w in forms or is_common(w) for w in words)


def abbreviates(short: list[str], long: list[str]) -> bool:
    """"lumenfield eo" abbreviates "lumenfield earth observation": the same first words,
    then the initials of the rest."""
    if len(short) < 2 or len(long) <= len(short):
        return False
    k = len(short) - 1
    rest = [w for w in long[k:] if w not in ("of", "and", "the", "for")]
    return short[:k] == long[:k] and len(rest) >= 2 and short[-1] == "".join(w[0] for w in rest)


def head_subsequence(short: list[str], long: list[str]) -> bool:
    """"product safety authority" within "product safety and standards authority": the
    same first and last word, the other words in order."""
    if len(short) < 2 or len(long) <= len(short) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long[1:-1])
    return all(any(w == x for x in it) for w in short[1:-1])


def acronym_like(text: str) -> bool:
    """"NBM", "AdR", "OQJV": two to eight letters, mostly capitals."""
    t = text.strip().replace(".", "")
    return bool(re.fullmatch(r"[A-Za-z]{2,8}", t)) and sum(c.isupper() for c in t) >= max(2, len(t) - 1)


def rank(surface: str) -> tuple:
    """Which alias names the entity: a full name, capitalised (not shouted), without an
    honorific, the longest (a name written with its acronym is not a candidate)."""
    honorific, core = split_honorific(surface)
    return (len(core.split()) > 1, any(c.isupper() for c in core) and not core.isupper(), not honorific,
            len(core))


def siblings(a: list[str], b: list[str]) -> bool:
    """Two names alike but for one word in the same place: two bodies of one kind
    ("Orvik Commercial Court" / "Orvik District Court"), not one body named two ways."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
