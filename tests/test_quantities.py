"""Counts read from a sentence's parse: what is counted, and numbers that count nothing."""
from __future__ import annotations

from storyline.annotate.quantities import find_quantities


def counts(nlp, text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0) if q.unit == "count"]


def test_the_minutes_of_a_time_or_a_timestamp_count_nothing(nlp):
    assert counts(nlp, "[01:22] PRESENTER:") == []
    assert counts(nlp, "[02:36] REPORTER: The crowd has gone quiet.") == []
    assert counts(nlp, "The Ostby ferry cast off at 20:45 with 212 passengers.") == [(212.0, "passenger")]
