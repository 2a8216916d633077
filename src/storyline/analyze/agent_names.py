"""Names of the agents of acts: which words of a captured name tell who it is, whether a
name is a pronoun or a common noun, a body named by what it is ("the pilots' union"), words
joined by "and" inside one name ("Water and Infrastructure Minister X"), and whether two
names are one body (analyze/contradiction_agents).
"""
from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..dates import MONTHS, WEEKDAYS
from ..lexicon import word_list

TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "governor", "mayor", "president", "minister", "premier",
          "senator", "judge", "chief", "general", "prime", "secretary", "chairman", "chairwoman", "chair",
          "director", "commissioner", "inspector", "sheriff", "captain", "lord", "lady", "prof",
          "professor", "rep", "sen", "gov", "deputy", "acting", "former", "the", "of", "for", "de"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who", "which",
            "there", "one", "someone", "everyone"}
CALENDAR = {m.lower() for m in MONTHS} | {w.lower() for w in WEEKDAYS}
NAME_ZIPF = 3.5  # a word of a name rarer than this in English tells who it is (a surname, not "Justice")


def name_words(name: str) -> list[str]:
    """The words of a name that tell who it is (titles, articles, calendar words left out)."""
    return [w for w in re.findall(r"[A-Za-z][\w'&.\-]*", name)
            if w.lower() not in TITLES and w.lower() not in CALENDAR and w != "and"]


def body_head(word: str | None) -> bool:
    """A word that ends a body's description: a public body's ("council", "ministry") or
    another body's that acts as one ("union", "watchdog")."""
    return bool(word) and (word in word_list("public_body_heads") or word in word_list("agent_body_heads"))


def described_body(phrase: str | None) -> str | None:
    """A body named by what it is, up to its head word ("pilots' union" in "the pilots'
    union, which"), or None when no body head ends it."""
    words = (phrase or "").split()
    for i in range(len(words), 0, -1):
        if body_head(words[i - 1].lower().strip("'\u2019")):
            return " ".join(words[:i])
    return None


# "Water and Infrastructure Minister X", "the Product Safety and Standards Authority", "the
# Ministry of Transport and Communications": capitalised words joined by "and" inside one name
AND_BEFORE = re.compile(r"(?<![\w'&.\-])(?P<first>(?:[A-Z][\w'&.\-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){1,4})(?:and|&)\s+$")


OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")  # "the board of the Ferrow Rail and Canal Authority": a body, read below


def one_name(first: str, second: str) -> bool:
    """Whether the words before "and" belong to the name after it: an "of" ("Ministry of
    Transport and") or a head or title after the "and" that governs both, with none before."""
    def heads(words: str) -> bool:
        return any(w in TITLES - {"the", "of", "for", "de"} or body_head(w) for w in words.lower().split())
    return "of" in first.split() or (not heads(first) and heads(second))


def agent_name(name: str, at_start: bool) -> str | None:
    """The named agent in a captured name, or None for a pronoun or a common noun that
    begins the sentence ("Officials asked for ...")."""
    words = name.rstrip(".'-\u2019").split()
    while words and (words[0].lower() in TITLES - {"of", "for", "de"} | CALENDAR or words[0].lower() == "the"):
        words = words[1:]
        at_start = False if words and words[0][0].isupper() else at_start
    if not words or words[-1].lower() in ("of", "for", "de"):
        return None
    if len(words) == 1 and (words[0].lower() in PRONOUNS or (at_start and common(words[0])
                                                              and not body_head(words[0].lower()))):
        return None
    return " ".join(words) if name_words(" ".join(words)) else None


def common(word: str) -> bool:
    """A common lower-case word, capitalised only because it begins the sentence."""
    if word.isupper() and len(word) > 1:
        return False
    return zipf_frequency(word.lower(), "en") >= 4.0


def tokens(name: str) -> set[str]:
    return {w.lower().strip(".") for w in name_words(name)}


def same_agent(x: str, y: str) -> bool:
    """One body under two names, or one a part of the other: a shared word (surname, head
    word) or one the acronym of the other."""
    tx, ty = tokens(x), tokens(y)
    if tx & ty:
        return True
    for short, long in ((x, y), (y, x)):
        letters = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'&\-]*", long) if w.lower() not in ("the",)
                          and w[0].isupper())
        caps = [w.replace(".", "") for w in short.split() if w.replace(".", "").isupper()]
        if letters and any(c == letters or c == letters.upper() for c in caps):
            return True
    return False


def mentions(text: str, agent: str) -> bool:
    """The text names the agent (any of its telling words; a body's head word alone, "union"
    of "the union", tells no one body: "a former union official"). Of a name with rare words
    ("Justice Minister Hallam Vrelk"), only those tell who it is: "the Justice Ministry" does
    not name the minister."""
    words = {w.lower().strip(".") for w in re.findall(r"[A-Za-z][\w'&.\-]*", text)}
    telling = {w for w in tokens(agent) if not body_head(w)}
    rare = {w for w in telling if zipf_frequency(w, "en") < NAME_ZIPF}
    return bool((rare or telling) & words)
