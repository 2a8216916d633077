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

from ..dates import WEEKDAYS, maybe_date, parse_iso
from ..store import Store
from ..story.statements import (
    CANDIDATE_CONCEPTS,
    CANDIDATES_PER_CONCEPT,
    Statement,
    action_concepts,
    candidates,
    rarest,
)

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
        # a weekday left unread (a page placed only to the month) is placed by the other page,
        # if that day is no later than the page can be
        latest = maybe_date(s.date, end=True) if s.weak_date and not t.value else None
        if not (m and t.granularity == "day" and (t.value or latest)):
            continue
        act = action_concepts([t.verb]) if t.verb else set()
        for ot in o.times:
            if ot.value and ot.granularity == "day" and ot.value != t.value \
                    and weekday_of(ot.value) == WEEKDAYS[m.group(1).lower()] and ot.tense != "future" \
                    and (t.value or (latest and (d := maybe_date(ot.value)) and d <= latest)) \
                    and act & action_concepts([ot.verb] if ot.verb else []):
                return ot.value, (f"its '{t.text}' ({t.value}) matches an event "
                                  f"{o.outlet or o.doc_id} dates to {ot.value}")
    return None


def wider_pool(store: Store, s: Statement, known: set[tuple[str, int]]) -> list[Statement]:
    """More company for a statement with a weekday its page could not read: the statements
    that share any of its twice as many rarer concepts (still bounded per concept)."""
    keys = [k for k in store.index.sharing(rarest(store, s.concepts, 2 * CANDIDATE_CONCEPTS), s.doc_id,
                                           CANDIDATES_PER_CONCEPT) if tuple(k) not in known]
    return [Statement.from_data(k, d) for k, d in store.index.data(keys).items()]


def check_document(store: Store, new: list[Statement],
                   pools: dict[tuple[str, int], list[Statement]] | None = None) -> list[tuple[str, str, str, bool]]:
    """(doc, anchor, reason, re-anchor?) for pages that one new document's statements
    contradict, or whose statements contradict the new document's date."""
    found: dict[str, tuple[str, str, str, bool]] = {}
    for s in new:
        if not WEEKDAY_WORD.search(s.sentence.text) and not any(t.granularity == "day" for t in s.times):
            continue
        pool = pools[s.key] if pools is not None else candidates(store, s)
        if s.weak_date and any(t.granularity == "day" and not t.value for t in s.times):
            pool = pool + wider_pool(store, s, {o.key for o in pool})
        for o in pool:
            for a, b in ((s, o), (o, s)):
                hit = conflict(a, b)
                if hit and a.doc_id not in found:
                    found[a.doc_id] = (a.doc_id, hit[0], hit[1], a.weak_date)
    return list(found.values())
