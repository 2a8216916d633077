"""General news vocabulary: words that name the same action or thing, and country names.

Used to compare two statements about one event or quantity: "approved a bill" and
"passed a resolution" are one act; "troops", "forces" and "soldiers" one thing; "US",
"U.S.", "United States" and "American" one country (names, alternative spellings and
demonyms come from the countryinfo package). Directions of change ("reduced" against
"increased") are kept apart so they can be compared.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from .dates import MONTHS, WEEKDAYS
from .letters import latin_letters


@functools.cache
def lexicon_lines(name: str) -> tuple[str, ...]:
    """The entries of data/lexicons/NAME.txt in their order, lower case, each once (lines
    starting with '#' are its header: what the list is for and where it came from). Read once
    per process: lists are asked for inside the loops over statement pairs."""
    path = resources.files("storyline").joinpath("data", "lexicons", f"{name}.txt")
    lines = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


# group name -> its words (data/lexicons/synonym_groups: the first word of a line names it)
SYNONYM_GROUPS = {line.split()[0]: line for line in lexicon_lines("synonym_groups")}
UP = frozenset(lexicon_lines("change_up"))  # words of a rise ("increased", "doubled")
DOWN = frozenset(lexicon_lines("change_down"))  # words of a fall ("cut", "halved")


def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_CANON = {w: head for head, words in SYNONYM_GROUPS.items() for w in words.split()}
_CANON.update({stem(w): head for head, words in SYNONYM_GROUPS.items() for w in words.split()
               if stem(w) not in _CANON})
STOP = frozenset("""a an the of to in on at by for from with and or but is are was were be been being
has have had will would shall that this these those it its as their there they he she his her said
says also not which who whom whose than then into over after before since until during about against
between under more most some any all such other only own same so very can could may might must should
year years month months day days week weeks last next ago earlier later""".split())


@functools.lru_cache(maxsize=1)
def country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lowercase name, spelling or demonym -> country; upper-case code -> country).
    A demonym several countries share ("American") goes to the most populous."""
    from countryinfo import CountryInfo

    names: dict[str, tuple[int, str]] = {}
    codes: dict[str, str] = {}
    for data in CountryInfo.all().values():
        name = data.get("name")
        if not name:
            continue
        population = int(data.get("population") or 0)
        forms = [name, *(data.get("altSpellings") or [])]
        if data.get("demonym"):
            forms.append(data["demonym"])
        for form in forms:
            if re.fullmatch(r"[A-Z]{2,3}", form):
                codes.setdefault(form, name)
                continue
            key = re.sub(r"\s+", " ", form.lower().replace(".", "")).strip()
            if len(key) >= 3 and (key not in names or names[key][0] < population):
                names[key] = (population, name)
    for line in sorted(word_list("country_other_names")):  # "britain|united kingdom"
        other, _, known = line.partition("|")
        if known in names and other not in names:
            names[other] = names[known]
    return {k: v[1] for k, v in names.items()}, codes


def country_of(text: str) -> str | None:
    """"U.S." / "American" / "United States" -> "United States"; "America" too (its demonym)."""
    names, codes = country_tables()
    compact = text.replace(".", "").strip()
    if compact in codes:
        return codes[compact]
    key = re.sub(r"\s+", " ", compact.lower()).strip()
    key = re.sub(r"^the ", "", key)
    if key in names:
        return names[key]
    for suffix in ("n", "an", "i"):  # America -> American, Kenya -> Kenyan
        if key + suffix in names and len(key) > 3:
            return names[key + suffix]
    return None


MONTH_WORDS = set(MONTHS) | set(WEEKDAYS)
# country names that are also everyday words: only trusted when capitalised
AMBIGUOUS_COUNTRY_WORDS = {"turkey", "chad", "jordan", "china", "georgia", "guinea", "niger",
                           "wales",
                           "togo", "malta"}
COUNTRY_PHRASE = re.compile(r"\b(?:the\s+)?(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|U\.S\.|US|USA|UK|UAE)\b")


def concepts(text: str) -> set[str]:
    """Content words of a text, stemmed and folded to one word per synonym group, with
    countries named one way ("country:United States")."""
    out: set[str] = set()
    if not text.isascii():
        text = latin_letters(text)  # "Brannočić" is one word, "brannocic", not "branno" and "i"
    for m in re.finditer(r"\b(?:U\.S\.|U\.K\.)|[A-Za-z][A-Za-z'-]+", text):
        word = m.group()
        word = word.strip("'-")
        if not word:
            continue
        country = country_of(word) if word[0].isupper() or (
            len(word) > 3 and word not in AMBIGUOUS_COUNTRY_WORDS) else None
        if country:
            out.add(f"country:{country}")
            continue
        low = word.lower()
        if low in STOP or len(low) < 3:
            continue
        if low in MONTH_WORDS:
            continue
        st = stem(low)
        out.add(_CANON.get(low) or _CANON.get(st) or _CANON.get(st + "e") or st)
    for m in re.finditer(r"\b[Uu]nited [Ss]tates\b|\b[Uu]nited [Kk]ingdom\b", text):
        out.add(f"country:{country_of(m.group())}")
        out.discard("unit")
        out.discard("stat")
    return out


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word, marked with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"


def direction(text: str, of: set[str] | None = None, window: int = 8) -> str | None:
    """"up" or "down" when the text states a change one way only: a change word that is not
    an intention ("to reduce", "plans to cut") and, when `of` is given, stands within
    `window` words of one of those words (the quantity that changes)."""
    words = re.findall(r"[a-z]+", text.lower())
    found = set()
    for i, w in enumerate(words):
        if w not in UP and w not in DOWN:
            continue
        if i and words[i - 1] in ("to", "would", "will", "could", "may", "might", "should"):
            continue
        if of is not None and not any(x in of for x in words[max(0, i - window): i + window + 1]):
            continue
        found.add("up" if w in UP else "down")
    return found.pop() if len(found) == 1 else None


@functools.cache
@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The entries of data/lexicons/NAME.txt, lower case (lines starting with '#' are its
    header: what the list is for and where it came from)."""
    return frozenset(lexicon_lines(name))


@functools.cache
def word_groups(name: str) -> dict[str, str]:
    """A lexicon of groups, one a line, the first word naming the group: each word of a line
    -> its first word ("dead killed died" -> dead; "crown crowns" -> crown)."""
    groups: dict[str, str] = {}
    for line in sorted(word_list(name)):
        words = line.split()
        for w in words:
            groups.setdefault(w, words[0])
    return groups
