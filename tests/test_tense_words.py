"""Tense from words alone: deadlines looked back on, moved to, or still ahead. Invented names."""
from __future__ import annotations

import pytest

from storyline.annotate.tense import deadline_tense


@pytest.mark.parametrize("text, phrase, tense", [
    ("The agency confirmed that Ostby Chemicals had not completed the removal of silt by the end of March.",
     "the end of March", "past"),
    ("It said the remaining pumps, many of them in homes whose owners had not replied, would be fixed by the "
     "end of June.", "the end of June", "future"),
    ("The two sides agreed to push back, for the second time, the deadline for fighters to hand over their "
     "weapons, which had been due on Wednesday, to January 31.", "January 31", "future"),
    ("The council was supposed to report by December 15.", "December 15", "past"),
])
def test_deadline_tense(text, phrase, tense):
    assert deadline_tense(text, text.index(phrase)) == tense
