"""The clean stage's word lists, read from `storyline/data/lexicons/*.txt`, and line matchers.

Each list is a data file headed by comment lines that say what it is for and where it came
from; this module only reads them and compiles them into matchers. Lines are compared in a
normal form (`normal_line`): NFKC, words a scrape glued together split ("storiesGet"), lower
case, curly quotes straightened, every number written as "0", bullets and trailing
punctuation removed, so "12 Comments:" matches the listed "0 comments".
"""
from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "storiesGet" glued by a scrape
_NUMBER = re.compile(r"\d[\d.,]*[kmb]?(?![^\W\d_])")
_LEAD = "•·*▪‣◦►▶»›>|-–— \t"
_TRAIL = _LEAD + ":;,.!?…()[]\"'"


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """The entries of data/lexicons/NAME.txt (comment lines start with '#')."""
    path = resources.files("storyline").joinpath("data", "lexicons", f"{name}.txt")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(normal_line(line, keep_edges=True))
    return tuple(dict.fromkeys(entries))


@functools.cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(words(name))


@functools.lru_cache(maxsize=16384)
def normal_line(line: str, keep_edges: bool = False, unglue: bool = True) -> str:
    """The form lines are compared in: see the module docstring."""
    text = unicodedata.normalize("NFKC", line).translate(_QUOTES)
    text = (_GLUED.sub(" ", text) if unglue else text).lower()
    text = _NUMBER.sub("0", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if keep_edges else text.lstrip(_LEAD).rstrip(_TRAIL)


def _alternation(entries: tuple[str, ...]) -> str:
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))


def _bounded(entries: tuple[str, ...]) -> str:
    """The entries as one regex alternation with word boundaries where the entry has a word
    character at that end ("©" has none)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for e in entries:
        left = r"(?<![^\W_])" if re.match(r"\w", e) else ""
        right = r"(?![^\W_]|-\w)" if re.search(r"\w$", e) else ""
        groups.setdefault((left, right), []).append(e)
    return "|".join(f"{left}(?:{_alternation(tuple(group))}){right}"
                    for (left, right), group in groups.items())


@functools.cache
def whole_line(name: str) -> frozenset[str]:
    """A list matched against a whole normal line."""
    return frozenset(normal_line(e) for e in words(name))


@functools.cache
def starts_with(name: str, separators: str = "") -> re.Pattern[str]:
    """A list matched at the start of a normal line; with `separators`, one of them (or the
    end of the line) must follow the entry."""
    follow = rf"\s*(?:[{re.escape(separators)}]|$)" if separators else ""
    return re.compile(rf"^(?:{_bounded(words(name))}){follow}")


@functools.cache
def anywhere(name: str) -> re.Pattern[str]:
    """A list matched anywhere in a normal line, on word boundaries."""
    return re.compile(_bounded(words(name)))


@functools.cache
def alternation(name: str) -> str:
    """The list as a bare regex alternation, for patterns built around it."""
    return _alternation(words(name))


@functools.cache
def delimited(name: str) -> re.Pattern[str]:
    """A list matched anywhere in a normal line where the entry stands between separators
    (| • · / , .) or line ends: "privacy policy | terms of use", not "about us troops"."""
    edge = r"[|•·/,.;]"
    return re.compile(rf"(?:^|{edge})\s*(?:{_alternation(words(name))})\s*(?={edge}|$)")
