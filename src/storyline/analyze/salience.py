"""Salience: which dated happenings belong on the story's timeline, and which are background.

A page dates many things: the happening it reports, and around it the history, the side
facts, a speaker's recollection, a figure of last year. An analyst's timeline holds the
first kind. News writing marks them in general ways, whatever the story: what matters
comes first (the inverted pyramid), is told by several outlets, is dated to the day, names
the actors, and is told in the reporter's words rather than inside a quotation; background
comes late in the article, dated to a month or a year, or long before the page was written.

`salience` turns those signals into a probability with a logistic model whose weights live
in `data/models/event_salience.json` (fitted by `eval/fit_salience.py` on the development
stories' answer keys, with the validation stories held out; see the file's "about"). An
event told by the pages of two or more outlets (a reprint's too) is always kept; a
single-source event below the model's threshold moves to the dossier's `background_events`,
so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from importlib import resources
from typing import Any

from ..dates import parse_iso

QUOTE = re.compile(r'["\u201c\u201d]')


@functools.cache
def model() -> dict[str, Any]:
    path = resources.files("storyline").joinpath("data", "models", "event_salience.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if len(data["weights"]) != len(FEATURES):
        raise ValueError(f"event_salience.json has {len(data['weights'])} weights for {len(FEATURES)} features")
    return data


FEATURES = ("bias", "log_sentence", "month", "year", "planned", "long_before_page", "after_page",
            "quoted", "words", "participants", "tellings")


def _mid(value: str | None) -> dt.date | None:
    p = parse_iso(value) if value else None
    if not p:
        return None
    return dt.date(p[0], p[1] if len(p) > 1 else 7, p[2] if len(p) > 2 else 15)


def page_dates(dossier: dict) -> dict[str, str | None]:
    return {d["id"]: d.get("date") for d in dossier["documents"]}


def features(event: dict, pages: dict[str, str | None]) -> list[float]:
    """The model's inputs for one dossier event (see FEATURES): where its first telling
    stands in its page, how precisely and when it is dated against the page's own date,
    whether it is told inside a quotation, how long that sentence is, how many of the
    story's entities take part, and how many sentences tell it."""
    evidence = event.get("evidence") or [{}]
    first = min(evidence, key=lambda e: e.get("sentence", 0))
    page = _mid(pages.get(first.get("doc", "")))
    when = _mid(event.get("when"))
    gap = (page - when).days if page and when else 0
    text = first.get("text", "")
    return [1.0, math.log1p(first.get("sentence", 0)),
            float(event.get("granularity") == "month"), float(event.get("granularity") == "year"),
            float(event.get("status") == "planned"), float(gap > 180), float(gap < -1),
            float(bool(QUOTE.search(text))), len(text.split()) / 30.0,
            min(3, len(event.get("participants") or [])) / 3.0,
            math.log(len({(e.get("doc"), e.get("sentence")) for e in evidence}))]


def salience(event: dict, pages: dict[str, str | None]) -> float:
    z = sum(w * x for w, x in zip(model()["weights"], features(event, pages), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def split_events(dossier: dict) -> None:
    """Give each event its salience; move the single-source ones below the threshold from
    `events` to `background_events` (kept whole, in the same order)."""
    pages = page_dates(dossier)
    threshold = model()["threshold"]
    kept: list[dict] = []
    background: list[dict] = []
    for e in dossier["events"] + dossier.get("background_events", []):
        e["salience"] = round(salience(e, pages), 3)
        many = (e.get("sources") or 1) >= 2  # reprints too: a wire story carried by two sites
        (kept if many or e["salience"] >= threshold else background).append(e)
    order = {e["id"]: i for i, e in enumerate(dossier["events"] + dossier.get("background_events", []))}
    dossier["events"] = sorted(kept, key=lambda e: order[e["id"]])
    dossier["background_events"] = sorted(background, key=lambda e: order[e["id"]])
