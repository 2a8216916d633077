"""Date sanity: a page whose own content contradicts its date.

A weekday named in a page ("announced on Thursday evening") is resolved against the
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

WEEKDAY_WORD = re.compile(r"\b(" + "|".join(w for w in WEEKDAYS if len(w) > 3) + r")\b", re.I)
MIN_SHARED = 4
MIN_OVERLAP = 0.3


def weekday_of(value: str | None) -> int | None:
    parts = parse_iso(value)
    return dt.date(*parts).weekday() if parts and len(parts) == 3 else None


def find_reanchors(store: Store) -> list[tuple[str, str, str, bool]]:
    """(doc, new anchor, reason, re-anchor or only flag) for pages their content contradicts."""
    from ..analyze.statements import action_concepts, load_statements

    statements = load_statements(store)
    docs = {d.id: d for d in store.documents(include_duplicates=False)}
    found = []
    done: set[str] = set()
    for s in statements:
        if s.doc_id in done:
            continue
        doc = docs[s.doc_id]
        weak = doc.published.flag == "display-date" or not doc.published.value
        for t in s.times:
            m = WEEKDAY_WORD.search(t.text)
            if not (m and t.value and t.granularity == "day"):
                continue
            named = WEEKDAYS[m.group(1).lower()]
            act = action_concepts([t.verb]) if t.verb else set()
            for o in statements:
                if o.doc_id == s.doc_id:
                    continue
                shared = s.concepts & o.concepts
                if len(shared) < MIN_SHARED or len(shared) / max(1, min(len(s.concepts), len(o.concepts))) < MIN_OVERLAP:
                    continue
                for ot in o.times:
                    if not (ot.value and ot.granularity == "day" and ot.value != t.value
                            and weekday_of(ot.value) == named and ot.tense != "future"):
                        continue
                    if not act or not (act & action_concepts([ot.verb] if ot.verb else [])):
                        continue
                    reason = (f"its '{t.text}' ({t.value}) matches an event {o.outlet or o.doc_id} "
                              f"dates to {ot.value}")
                    found.append((s.doc_id, ot.value, reason, weak))
                    done.add(s.doc_id)
                    break
                if s.doc_id in done:
                    break
            if s.doc_id in done:
                break
    return found
