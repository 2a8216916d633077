"""Offsets counted from a day the sentence names: "nine days after the June 30 deadline",
"reopened on Thursday, eighteen days after the flood" (that Thursday), "more than five weeks
after the crash" (no day of its own)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .timex_calendar import NUM, UNIT, Timex, num, shift_day

# what follows "N days before/after" when the offset is counted from a thing the words name
MEASURED_FROM = re.compile(r"\s+(?:than\b|(?!(?:on|in|at|when|as|and|but|or|to|that|with|by)\b)[a-z\u2019'-]*[a-z])", re.I)

OFFSET_WORDS = re.compile(rf"^(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>before|after)$", re.I)
HEDGED = re.compile(r"\b(?:(?:more|less|fewer)\s+than|nearly|almost|about|around|roughly|some|over|under|"
                    r"at\s+least|at\s+most|up\s+to)\s+$", re.I)
APPOSED = re.compile(r"^\s*,\s*(?:just|only|exactly|some|more\s+than|less\s+than|nearly|almost|about|around|over)?\s*$",
                     re.I)
NAMED_DAY_GAP = 16  # characters between "N days after" and the day it names ("after the June 30 date")


def counted_offsets(text: str, chosen: list[Timex]) -> list[Timex]:
    """Offsets from a thing the sentence dates: "nine days after the June 30 deadline" counts
    from June 30; "reopened on Thursday, eighteen days after the eruption" is that Thursday
    (the offset tells how long after the eruption it was, not a day of its own)."""
    for i, t in enumerate(chosen):
        m = OFFSET_WORDS.match(t.text)
        if t.kind != "date" or not m or not MEASURED_FROM.match(text, t.end):
            continue
        sign = -1 if m.group("dir").lower() == "before" else 1
        hedged = bool(HEDGED.search(text[:t.start]))  # "more than five weeks after the crash": no day of its own
        named = next((x for x in chosen[i + 1:] if x.kind == "date" and x.granularity == "day" and x.value
                      and x.start - t.end <= NAMED_DAY_GAP), None)
        prior = chosen[i - 1] if i else None
        if named is not None and named.value and not hedged:
            value, gran = shift_day(date.fromisoformat(named.value), m.group("unit").lower(), sign * int(num(m.group("n"))))
            chosen[i] = replace(t, value=value, granularity=gran)
        elif prior is not None and prior.kind == "date" and prior.granularity == "day" and prior.value \
                and APPOSED.match(text[prior.end:t.start]):
            chosen[i] = replace(t, value=prior.value, granularity="day")
        elif hedged:
            chosen[i] = replace(t, value=None, granularity=None)
    return chosen
