"""Date sanity: a page whose own content contradicts its date.

A weekday named in a page ("announced on Monday night") is resolved against the
page's date. When another page tells the same act (alike words, same governing verb) on
a date that falls on that same weekday but in another week, the two disagree. If the
page's date is weak — a site header's display date, or one inferred — the evidence is
strong enough to re-anchor the page on the other page's date: its relative expressions
are resolved again, and the page is flagged saying so. A page with a firm date is only
flagged.
"""
from __future__ import annotations

import datetime as dt
import re

from ..dates import WEEKDAYS, parse_iso
from ..store import Store
from ..story.statements import Statement, action_concepts, candidates

WEEKDAY_WORD = re.compile(r"\b(" + "|".join(w for w in WEEKDAYS if len(w) > 3) + r")\b", re.I)
MIN_SHARED = 4
MIN_OVERLAP = 0.3


def weekday_of(value: str | None) -> int | None:
    parts = parse_iso(value)
    return dt.date(*parts).weekday() if parts and len(parts) == 3 else None


def conflict(s: Statement, o: Statement) -> tuple[str, str] | None:
    """(the date `o` gives, why) when `s` names a weekday for an act `o` dates to another
    day of that weekday."""
    shared = s.concepts & o.concepts
    if s.doc_id == o.doc_id or len(shared) < MIN_SHARED or \
            len(shared) / max(1, min(len(s.concepts), len(o.concepts))) < MIN_OVERLAP:
        return None
    for t in s.times:
        m = WEEKDAY_WORD.search(t.text)
        if not (m and t.value and t.granularity == "day"):
            continue
        act = action_concepts([t.verb]) if t.verb else set()
        for ot in o.times:
            if ot.value and ot.granularity == "day" and ot.value != t.value \
                    and weekday_of(ot.value) == WEEKDAYS[m.group(1).lower()] and ot.tense != "future" \
                    and act & action_concepts([ot.verb] if ot.verb else []):
                return ot.value, (f"its '{t.text}' ({t.value}) matches an event "
                                  f"{o.outlet or o.doc_id} dates to {ot.value}")
    return None


def check_document(store: Store, new: list[Statement],
                   pools: dict[tuple[str, int], list[Statement]] | None = None) -> list[tuple[str, str, str, bool]]:
    """(doc, anchor, reason, re-anchor?) for pages that one new document's statements
    contradict, or whose statements contradict the new document's date."""
    found: dict[str, tuple[str, str, str, bool]] = {}
    for s in new:
        if not WEEKDAY_WORD.search(s.sentence.text) and not any(t.granularity == "day" for t in s.times):
            continue
        for o in (pools[s.key] if pools is not None else candidates(store, s)):
            for a, b in ((s, o), (o, s)):
                hit = conflict(a, b)
                if hit and a.doc_id not in found:
                    found[a.doc_id] = (a.doc_id, hit[0], hit[1], a.weak_date)
    return list(found.values())
