"""Sentences that do not end at an abbreviation: "Gov. Ana Lund said", "under Art. 12".

spaCy's tokenizer splits many abbreviations into a word and a full stop ("Art" + "."), and
its parser then often starts a new sentence after them, cutting "under Art." from "12 of
the treaty, the minister said" and losing the speaker. Two small additions to the pipeline
fix that, from the general list `data/lexicons/sentence_abbreviations.txt`:
- tokenizer exceptions keep each abbreviation one token ("Art.", "Lt.", "Insp.");
- a component before the parser marks the word after an abbreviation as no sentence start
  when it is what the abbreviation announces: a capitalised word after a title, a number
  after a reference ("Art. 12", "No. 10", "Jan. 5"), and no line break lies between them.
"""
from __future__ import annotations

import functools
import re

from . import attribution_words as words

COMPONENT = "abbreviations_continue_sentences"
ROMAN = re.compile(r"^[IVXLC]+$")


@functools.cache
def abbreviations() -> dict[str, str]:
    """Abbreviation (lower case, with its full stop) -> "name" | "number"."""
    out = {}
    for entry in words.entries("sentence_abbreviations"):
        abbr, _, follows = entry.partition(" ")
        out[abbr] = follows.strip() or "name"
    return out


def announces(abbr: str, following: str) -> bool:
    """Whether `following` is what the abbreviation `abbr` ("art.") is written before."""
    kind = abbreviations().get(abbr.lower())
    if kind is None or not following:
        return False
    if kind == "number":
        return following[0].isdigit() or bool(ROMAN.match(following.rstrip(".,;:)")))
    return following[0].isupper()


def continue_sentences(doc):
    """Clear the sentence start the parser would put after an abbreviation."""
    for i, token in enumerate(doc[:-1]):
        if token.text.endswith(".") and "\n" not in token.whitespace_ \
                and announces(token.text, doc[i + 1].text):
            doc[i + 1].is_sent_start = False
    return doc


def add_to(nlp) -> None:
    """Tokenizer exceptions for the abbreviations and the guard component before the parser."""
    from spacy.attrs import ORTH
    from spacy.language import Language

    for abbr in abbreviations():
        form = abbr[:1].upper() + abbr[1:]  # "Art.": lower and upper case are other words
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=continue_sentences)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
