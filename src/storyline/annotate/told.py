"""What an analyst reads of an event or a commitment: the parse's summary when it says
enough, else the sentence itself, cut where a clause ends, in normal case."""
from __future__ import annotations

import re

from ..lexicon import shorten, word_groups, word_list
from .nlp import irregular_verbs
from .truecase import CaseLexicon, truecase

SUMMARY_MIN_WORDS = 4  # a summary shorter than this says too little of who does what
SUMMARY_PLAIN_WORDS = 25  # a sentence this short is shown whole in its place
SUMMARY_CLAUSE_WORDS = 8  # a sentence cut at a clause's end keeps at least this many words
CLAUSE_END = re.compile(r"[,;:]\s+|\s+[\u2013\u2014-]{1,2}\s+")


def told_summary(sentence: str, *summaries: str | None, limit: int = 160, keep: str | None = None) -> str:
    """What an analyst reads of an item, in normal case: the first of the parse's summaries
    that says enough (four words or more, not left hanging on a function word or on who
    spoke: "the council said", "insisted that ... and said" say too little); else the sentence
    itself when it is short; else its opening clauses, cut where a clause ends, never in the
    middle of one (and holding `keep`, a commitment's deadline, when the sentence does); else
    a short summary; else the sentence shortened with an ellipsis. A sentence of an
    all-lowercase page gets its capitals back from the parse's summaries (which read the
    page with them) and from the calendar and gazetteer (annotate/truecase)."""
    told = next((x for x in summaries if x and len(x.split()) >= SUMMARY_MIN_WORDS and not hanging(x)), None)
    if told is None:
        plain = re.sub(r"\s+", " ", sentence).strip()
        told = plain if len(plain.split()) <= SUMMARY_PLAIN_WORDS else (
            opening_clauses(plain, limit, keep) or next((x for x in summaries if x and not hanging(x)), None)
            or shorten(plain, limit))
        if not re.search(r"[A-Z]", told):
            told = with_capitals(told, summaries)
    return told


def hanging(summary: str) -> bool:
    """A summary that stops on a function word ("... and said that", "decided to") or on a
    verb of saying ("the council said", "the minister told"); a pronoun object ends a clause
    well ("defended it"), and a word with a capital is a name ("by the end of May")."""
    word = re.sub(r"[^\w'-]+$", "", summary.split()[-1])
    last = word.lower()
    if word != last:
        return False
    return (last in word_list("function_words") and summary_word(last) != "object") or saying(last)


def summary_word(word: str) -> str | None:
    """The group of data/lexicons/summary_words a word belongs to, if any."""
    return word_groups("summary_words").get(word)


def saying(word: str) -> bool:
    """A past form of a common verb of saying ("said", "told", "added"): a summary ending
    on one tells who spoke, not what happened."""
    forms = {irregular_verbs().get(word, "")}
    if word.endswith("ed"):
        forms |= {word[:-1], word[:-2]}  # "stated", "added"
    return any(summary_word(f) == "reporting" for f in forms if f)


def opening_clauses(text: str, limit: int, keep: str | None = None) -> str | None:
    """The sentence's opening clauses up to the end of one: at least a few words, at most
    `limit` characters and the plain length, with a verb before the first comma (not a
    subject left alone: "The review, led by ...") and not opening on a phrase ("In a letter
    sent on Friday, ...") ("The harbour trust delayed its vote on selling the
    old quay, which the rowers use, because ..." -> "... on selling the old quay")."""
    first = re.split(r"[,;:(]", text, maxsplit=1)[0].split()
    if not first or summary_word(first[0].lower().strip("\"'\u201c([")) == "opener":
        return None
    if not any(summary_word(w.lower()) == "auxiliary" or w.lower().endswith("ed") or irregular_form(w.lower())
               for w in first):
        return None
    for m in CLAUSE_END.finditer(text):
        head = text[:m.start()].rstrip()
        n = len(head.split())
        if n > SUMMARY_PLAIN_WORDS or len(head) > limit:
            break
        if n >= SUMMARY_CLAUSE_WORDS and head.count('"') % 2 == 0 and head.count("(") == head.count(")") \
                and head.count("\u201c") == head.count("\u201d") and not hanging(head) \
                and not (keep and keep in text and keep not in head):
            return head
    return None


def irregular_form(word: str) -> bool:
    return word in irregular_verbs() and irregular_verbs()[word] != word


def with_capitals(text: str, summaries: tuple[str | None, ...]) -> str:
    lexicon = CaseLexicon()
    for x in summaries:
        if x:
            lexicon.learn(x)
    return truecase(text, lexicon)
