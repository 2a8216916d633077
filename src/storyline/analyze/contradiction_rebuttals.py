"""Rebuttals: one source says what another said is wrong ("the request came from the
league, not from the city"; "900,000 doses, not the 1.2 million announced"; "caused by a
valve, not by faulty ground equipment as the company has said"). The denied words, found
in a statement of another source about the same thing, make the two sides of a
contradiction whatever the slot is: who asked, what caused it, how many.
"""
from __future__ import annotations

import re

from ..lexicon import concepts
from ..story.statements import Statement
from .contradiction_acts import CLAUSE_BREAK

DENIAL = re.compile(r"(?:,|;|\u2014|\u2013|\s-)\s*(?:and\s+|but\s+)?(?:not|rather than|instead of)\s+"
                    r"(?P<neg>(?:[^,;.:!?\"\u201d]|(?<=\d)[.,](?=\d))+)", re.I)
DENIAL_END = re.compile(r"\s(?:as|which|that|who|because|after|before|while|when|according)\s", re.I)
NUMBER = re.compile(r"\d[\d,.]*(?:\s?(?:million|billion|thousand|bn|m)\b)?", re.I)
DENIAL_SIMILARITY = 0.35  # how alike two statements must be when only one denied word is shared
SHARED_ABOUT = 1  # words of the rest of the denying sentence the other statement must share


def words_of(text: str) -> set[str]:
    """Concepts of a text, hyphenated words also taken apart ("ground-side" -> ground, side)."""
    return concepts(text) | concepts(re.sub(r"[-\u2010]", " ", text))


def denials(s: Statement) -> list[tuple[str, set[str], str | None, set[str]]]:
    """(phrase, its words, the figure it names, the words of what is said instead) of each
    thing the statement denies: "the request came from the league, not from the city" ->
    ("from the city", {city}, None, {request, came, league})."""
    memo = s.__dict__.setdefault("_memo", {})
    if "denials" not in memo:
        out = []
        text = s.sentence.text
        for m in DENIAL.finditer(text):
            phrase = DENIAL_END.split(" " + m.group("neg") + " ")[0].strip()
            phrase = " ".join(phrase.split()[:8])
            number = NUMBER.search(phrase)
            parts = [p for p in CLAUSE_BREAK.split(text[:m.start()]) if p and p.strip()]
            instead = " ".join(parts[-2:]) if parts and len(parts[-1].split()) < 3 else (parts[-1] if parts else "")
            out.append((phrase, words_of(phrase), number.group(0).strip() if number else None,
                        words_of(instead) - words_of(phrase)))
        memo["denials"] = out
    return memo["denials"]


def rebuttal(s: Statement, t: Statement) -> tuple[str, tuple[int, int]] | None:
    """`s` denies what `t`, from another source, states: the denied phrase and how well `t`
    fits it (denied words it says, words of the act it shares), or None."""
    if s.source == t.source or s.key == t.key or (s.origin and s.origin == t.origin and s.doc_id != t.doc_id):
        return None
    t_words = words_of(t.sentence.text)
    for phrase, words, number, instead in denials(s):
        if number:
            if not re.search(rf"(?<![\d.,]){re.escape(number)}(?!\d|[.,]\d)", t.sentence.text):
                continue
            heads = {q.head for q in s.sentence.quantities if q.head} & \
                {q.head for q in t.sentence.quantities if q.head}
            if not heads:
                continue
        else:
            if len(words) < 2 and not re.search(r"\b[A-Z]", phrase):
                continue  # "billions, not millions": a figure of speech, not a claim of another
            hit = words & t_words
            if not hit or len(hit) < min(len(words), max(2, (2 * len(words) + 2) // 3)):
                continue  # the other statement must say most of what is denied
            sim = s.similarity(t)
            if len(hit) < 2 and (sim or 0.0) < DENIAL_SIMILARITY and len(instead & t_words) < 2:
                continue  # one denied word in common: the rest must show it is the same matter
        if len(instead & t_words) < SHARED_ABOUT:
            continue  # it must speak of the same act or thing ("came from", "caused by")
        if any(words <= w for _, w, _, _ in denials(t)):
            continue  # the other denies it too
        return phrase, (len(words & t_words), len(instead & t_words))
    return None


MOST_SIDES = 5  # statements put on the denied side


def rebutted(s: Statement, others: list[Statement]) -> dict[str, list[Statement]]:
    """The statements `s` denies, best fits only, by denied phrase."""
    found: dict[str, list[tuple[tuple[int, int], Statement]]] = {}
    seen = set()
    for o in others:
        if o.key in seen:
            continue
        seen.add(o.key)
        hit = rebuttal(s, o)
        if hit:
            found.setdefault(hit[0], []).append((hit[1], o))
    out = {}
    for phrase, scored in found.items():
        best = max(score for score, _ in scored)
        out[phrase] = sorted((o for score, o in scored if score == best), key=lambda x: x.key)[:MOST_SIDES]
    return out
