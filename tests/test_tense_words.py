"""Tense from words alone: deadlines looked back on, moved to, or still ahead. Invented names."""
from __future__ import annotations

import pytest

from storyline.annotate.tense import deadline_tense


@pytest.mark.parametrize("text, phrase, tense", [
    ("The agency confirmed that Ulvmarsh Chemicals had not completed the removal of silt by the end of March.",
     "the end of March", "past"),
    ("It said the remaining pumps, many of them in homes whose owners had not replied, would be fixed by the "
     "end of June.", "the end of June", "future"),
    ("The two sides agreed to push back, for the second time, the deadline for fighters to hand over their "
     "weapons, which had been due on Wednesday, to January 31.", "January 31", "future"),
    ("The council was supposed to report by December 15.", "December 15", "past"),
    # a tally at a day passed; a plan or an order told in the perfect still looks ahead
    ("The agency said 62 percent of homeowners had received their first grant by the end of December.",
     "the end of December", "past"),
    ("The Tarvelle council had promised to pay every claim by the end of December.", "the end of December", "future"),
    ("Tenants have been told to leave the tower by Friday.", "Friday", "future"),
    ("The sale of the Tarvelle mill has been delayed again, with bidders given until June 30.", "June 30", "future"),
    # the day of a saying is past, whatever the words said look ahead to
    ("The Ulvmarsh harbour master said on Tuesday that a decision was expected by the end of January.", "on Tuesday",
     "past"),
    ("The mayor told reporters on Monday the bridge would reopen in June.", "on Monday", "past"),
])
def test_deadline_tense(text, phrase, tense):
    assert deadline_tense(text, text.index(phrase)) == tense


@pytest.mark.parametrize("text, anchor, value", [
    # a plan told as made earlier: the nearest such day, before or after the page
    ("Brenmoor Rail originally promised to refund every ticket by June 30.", "2026-10-28", "2026-06-30"),
    ("When that slipped, the operator set a new target of September 15.", "2026-10-28", "2026-09-15"),
    ("The chief executive said the Ulvmarsh brand would be retired by the end of May.", "2026-06", "2026-05"),
    ("Brenmoor Rail originally promised to refund every ticket by June 30.", "2026-02-10", "2026-06-30"),
    # a plan told now looks ahead: the next such day
    ("Brenmoor Rail will refund every ticket by June 30.", "2026-10-28", "2027-06-30"),
    ("Talks are planned for June 3.", "2026-10-01", "2027-06-03"),
])
def test_the_year_of_a_plan_told_as_made_earlier(text, anchor, value):
    from storyline.annotate.timex import tag_text

    assert [t.value for t in tag_text(text, anchor) if t.kind == "date"] == [value]


@pytest.mark.parametrize("text, anchor, value", [
    # a deadline told as past may still lie just ahead of the telling: a delay announced before the day
    ("Marrowgate Foods had been due to ship its first load of grain by March 3.", "2026-02-20", "2026-03-03"),
    ("The inquest, which was due to sit on November 17, has been put off.", "2026-11-04", "2026-11-17"),
    ("The harbour board said its revised target for the audit was October 8.", "2026-09-12", "2026-10-08"),
    # ... or behind it
    ("The council was supposed to publish its audit by December 15.", "2027-01-20", "2026-12-15"),
    ("Brenmoor Rail did not hand in its safety plan by the March 21 cut-off.", "2026-05-06",
     "2026-03-21"),
    # a past day that is not a deadline stays behind the telling, however near the next one
    ("The ferry did not sail again until Feb. 6, the inspectors found.", "2026-10-15", "2026-02-06"),
    ("The ferry sailed on 18 July, three weeks late.", "2026-06-20", "2025-07-18"),
])
def test_the_year_of_a_deadline_told_as_past(text, anchor, value):
    from storyline.annotate.timex import tag_text

    assert [t.value for t in tag_text(text, anchor) if t.kind == "date"][:1] == [value]


@pytest.mark.parametrize("text, anchor, value", [
    ("That plan unravelled when Brenmoor Rail, the smaller of the two bidders, did not hand in its safety case "
     "for the line by the March 21 cut-off.", "2026-05-06", "2026-03-21"),
    ("the council's pledge to reopen every library in the district by the end of march has been pushed back to "
     "the end of june.", "2026-04-03", "2026-03"),
    # a past act joined to a plan ("started on June 2 and is due to ..."): the plan is the other clause's
    ("Dredging of the Tarvel canal started on June 2 and is due to be finished along its whole length by "
     "September 2026, the canal trust expects.", "2025-12-19", "2025-06-02"),
])
def test_the_year_of_a_deadline_in_a_past_clause_read_with_the_parse(nlp, text, anchor, value):
    from storyline.annotate.document import tag_times
    from storyline.annotate.timex import Anchor

    assert [t.value for t in tag_times(text, Anchor(anchor, "published"), nlp) if t.kind == "date"][:1] == [value]
