"""The word lists attribution reads, from `storyline/data/lexicons/` (vocabulary is data).

Each list is a text file headed by comment lines ('#') saying what it is for and where it
came from; entries are one a line, compared in lower case. annotate/ may not import the
clean stage's loader, so this is its own small one.
"""
from __future__ import annotations

import functools
import re

from ..lexicon import lexicon_lines


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of data/lexicons/NAME.txt, lower case, comments and blanks left out."""
    return lexicon_lines(name)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(entries(name))


@functools.cache
def speech_verbs() -> dict[str, str | None]:
    """Lemma -> the particle it needs ("point" -> "out"), or None."""
    out: dict[str, str | None] = {}
    for entry in entries("speech_verbs"):
        lemma, _, particle = entry.partition(" ")
        out[lemma] = particle or None
    return out


@functools.cache
def organisation_classes() -> tuple[frozenset[str], ...]:
    """Classes of organisation head nouns; the first is the class of names with none."""
    return tuple(frozenset(line.split()) for line in entries("speaker_organisation_nouns"))


@functools.cache
def organisation_class(noun: str) -> frozenset[str] | None:
    return next((c for c in organisation_classes() if noun in c), None)


@functools.cache
def organisation_nouns() -> frozenset[str]:
    return frozenset().union(*organisation_classes())


def named_kind(name: str) -> str | None:
    """The kind of organisation a name says it is: its last organisation noun ("Oregon
    Public Utility Commission" is a commission, not "the utility")."""
    nouns = [w for w in re.findall(r"[a-z]+", name.lower()) if w in organisation_nouns()]
    return nouns[-1] if nouns else None


@functools.cache
def gender_words() -> dict[str, str]:
    """"mr" -> "m", "spokeswoman" -> "f"."""
    pairs = (line.split() for line in entries("speaker_gender_words"))
    return {p[0]: p[1] for p in pairs if len(p) >= 2}


def role_nouns() -> frozenset[str]:
    return word_set("speaker_role_nouns")


def person_nouns() -> frozenset[str]:
    return word_set("speaker_person_nouns") | role_nouns()


def collective_nouns() -> frozenset[str]:
    return word_set("speaker_collective_nouns")


def informant_nouns() -> frozenset[str]:
    return word_set("speaker_informant_nouns")


def spokesperson_nouns() -> frozenset[str]:
    return word_set("speaker_spokesperson_nouns")


def document_nouns() -> frozenset[str]:
    return word_set("speaker_document_nouns")


def finding_verbs() -> frozenset[str]:
    return word_set("speech_finding_verbs")


@functools.cache
def cue_lemmas() -> frozenset[str]:
    """Every lemma that can attribute a sentence: speech verbs, finding verbs."""
    return frozenset(speech_verbs()) | finding_verbs()


def titles() -> frozenset[str]:
    return word_set("speaker_titles")


@functools.cache
def anonymity_cue() -> re.Pattern[str]:
    """Any of the anonymity cues, on word boundaries."""
    cues = sorted(entries("speaker_anonymity_cues"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")
