"""Tense from words alone, where the parse cannot be trusted or is not there.

A deadline ("by Dec. 31", "postponed to June 15"; one looked back on, "was supposed to
report by Dec. 31", stays past), a modal right before a date ("will next June") or a look ahead ("in the coming days") settles the tense of a time expression
whatever the parse says; without a parse, a clause's future cues decide.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..dates import MONTH_RE

Tense = str  # "past" | "present" | "future"

FUTURE_CUE = re.compile(
    r"\b(will|would|shall|'ll|going to|plans? to|planned|planning|scheduled|expected to|expects?|"
    r"intends? to|set to|is to|are to|due to|aims? to|to be held|upcoming|coming|next)\b", re.I)

DEADLINE = re.compile(r"\b(by|until|till|before|no later than|deadline(?: is| of)?)\s+(?:the\s+)?$", re.I)
# the date a thing was moved to ("put back, for a third time, the handover ... to March 15"):
# the new date, ahead of the telling, whatever old deadline the words between recall
MOVE_STEM = r"(?:postpon|delay|reschedul|adjourn|push|mov|put off|defer|extend)\w*\b"  # the verbs of a date moved
MOVED_TO = re.compile(rf"\b{MOVE_STEM}[^.;]{{0,160}}?\b(to|until|till|for)\s+$", re.I)
# a move looked back on: "which had been moved to May 4", "that was pushed back to August 15 in
# April": the date moved to lies either side of the telling, at the nearest such day
PAST_MOVE = re.compile(rf"\bhad\s+(?:been\s+)?{MOVE_STEM}[^.;]{{0,160}}?\b(?:to|until|till|for)\s+$", re.I)
PASSIVE_MOVE = re.compile(rf"\b(?:was|were)\s+{MOVE_STEM}[^.;]{{0,160}}?\b(?:to|until|till|for)\s+$", re.I)
MOVE_DATED_BACK = re.compile(rf"^[^,.;]{{0,20}}?\s(?:in|last)\s+(?:{MONTH_RE}|week|month)\b", re.I)  # "... in April"

# the day a thing was moved away from, after the day moved to ("pushed the vote to June 4 from ")
MOVED_FROM_TAIL = re.compile(rf"\b{MOVE_STEM}[^.;]{{0,160}}?\b(?:to|until|till)\s+[^.;]{{1,40}}?\s+from\s+(?:the\s+)?$", re.I)

# the day an act is fixed for ("called a general strike for 20 November", "set the vote for
# March 3"): the day of the act, not of the fixing, so it may lie after the telling
SCHEDULED_FOR = re.compile(r"\b(?:call|set|schedul|fix|slat|book|arrang|conven|summon)\w*\s+(?:[\w'-]+\s+){1,6}?"
                           r"for\s+(?:the\s+)?$", re.I)


PAST_DEADLINE = re.compile(
    r"\b(?:was|were|had been)\s+(?:supposed|meant|due|required|obliged)\s+to\b|\b(?:missed|failed to)\b[^.;]*$"
    r"|\b(?:had|has|have|did)\s*(?:not|n[\'\u2019]t|never)\b(?:(?!\b(?:will|would|shall)\b)[^.;])*$"
    # "had not finished the repairs by the end of May" (not "tenants had not replied, would be done by July")
    r"|\b(?:had|has|have)\s+(?:already\s+|now\s+)?(?:been\s+)?(?!(?:been|planned|scheduled|set|targeted|aimed|hoped|expected|"
    r"promised|pledged|vowed|agreed|intended|wanted|decided|told|asked|ordered|given|granted|allowed|extended|delayed|"
    r"postponed|pushed|moved|deferred|rescheduled)\b)\w+(?:ed|en|wn|ne|id)\b(?!\s+to\b)"
    r"(?:(?!\b(?:will|would|shall|to)\b)[^.;,])*$",
    # "70 percent had been paid their wages by the end of May": a tally at a day passed
    # (not "had promised to pay by June", "has been told to leave by Friday", "has been delayed,
    # with bidders given until June 30")
    re.I)
# a plan told as made earlier ("originally promised to pay by June 30", "said it would
# finish by May", "set a new target of September 15"): the date may lie before the telling
EARLIER_PLAN = re.compile(r"\b(?:would|originally|initially|previously|promised|pledged|vowed|agreed|"
                          r"had\s+(?:planned|scheduled|set|targeted|aimed)|set\s+an?\s+(?:new\s+|fresh\s+|revised\s+)?"
                          r"(?:target|deadline|date))\b[^.;]*$", re.I)
# the day of a saying ("said on Tuesday that a decision was expected ..."): the saying is past
SAID_ON = re.compile(r"\b(?:said|told|announced|confirmed|added|stated|wrote|reported|warned|revealed|admitted|"
                     r"insisted|explained)\s+(?:(?:reporters|journalists|parliament|lawmakers|the\s+\w+|us|him|her|"
                     r"them)\s+)?(?:late\s+|early\s+|last\s+)?$", re.I)
MODAL_BEFORE = re.compile(r"\b(will|would|shall|'ll)\s+$", re.I)
AHEAD = re.compile(r"(next|coming|upcoming)\b", re.I)


def deadline_tense(text: str, pos: int) -> Tense | None:
    """Words that settle the tense whatever the parse says: a deadline ("by Dec. 31",
    "until June", "postponed to June 15"), the day of a saying ("said on Tuesday that ...
    would"), a modal right before ("will next June"), or an
    expression that looks ahead ("next June", "in the coming days")."""
    if DEADLINE.search(text[max(0, pos - 60): pos]):
        # "was supposed to report by December 15": a deadline looked back on
        return "past" if PAST_DEADLINE.search(text[max(0, pos - 80): pos]) else "future"
    if MOVED_TO.search(text[max(0, pos - 200): pos]) or SCHEDULED_FOR.search(text[max(0, pos - 80): pos]):
        return "future"
    if SAID_ON.search(text[max(0, pos - 40): pos]):
        return "past"
    if MODAL_BEFORE.search(text[max(0, pos - 12): pos]):
        return "future"
    if AHEAD.match(text, pos) or re.match(r"in\s+the\s+(coming|next)\b", text[pos:], re.I):
        return "future"
    return None


def guess_tense(text: str, pos: int) -> Tense:
    """Tense of the clause around `pos` from its words alone (used without a parse)."""
    lo = max(text.rfind(p, 0, pos) for p in (".", ";", ":", "\n", ","))
    hi = min([i for i in (text.find(p, pos) for p in (".", ";", ",", "\n")) if i > pos] or [len(text)])
    clause = text[lo + 1: hi]
    if FUTURE_CUE.search(clause):
        return "future"
    return "past"




# a deadline or target told as past: "had been due to open the bridge by May 4", "which was due
# to sit on October 9", "the new target for the audit was August 21", "failed to pay by the May 20
# deadline"
DUE_BEFORE = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:supposed|meant|due|scheduled|set|expected|required)\s+to\b[^.;]{0,80}?"
    r"\b(?:by|on|in|for|until|before)\s+(?:the\s+)?$"
    r"|\b(?:deadline|target|due\s+date|cut-?off)\b[^.;]{0,40}?\b(?:was|of)\s+(?:the\s+)?$", re.I)
DUE_BY = re.compile(r"\b(?:by|before|no later than)\s+(?:the\s+)?$", re.I)  # not "did not reopen until July 9": a past day
DUE_AFTER = re.compile(r"^[^.;,]{3,16}?\s(?:deadline|target|due\s+date|cut-?off)\b", re.I)  # "the May 20 deadline"


def year_tense(text: str, pos: int, tense: Tense, parsed: Callable[[], Tense] | None = None) -> Tense:
    """The direction in which to seek the year of a date written without one: a plan looked
    ahead to from an earlier telling ("said it would finish by May", "originally promised
    ... by June 30") lies at the nearest such day, before or after the page, not always the
    next one. A deadline told as past ("had been due by May 4", "failed to pay by the May 20
    deadline", the parse's tense `parsed` past) is the nearest such day too: a delay is
    often announced just ahead of the day missed."""
    before = text[max(0, pos - 200):pos]
    if MOVED_FROM_TAIL.search(before):
        return "nearest"  # "pushed the vote to 9 June from 12 May": the old day, before or after
    if tense == "future" and (EARLIER_PLAN.search(before[-120:]) or SCHEDULED_FOR.search(before[-80:])
                              or move_looked_back(text, pos)):
        return "nearest"
    due = DUE_BEFORE.search(before[-140:]) or DUE_AFTER.match(text, pos, pos + 40) or DUE_BY.search(before[-60:])
    if due and (tense != "future" or parsed is not None and parsed() == "past"):
        return "nearest"
    return tense


def move_looked_back(text: str, pos: int) -> bool:
    """The date at `pos` is one a thing was moved to, told as looked back on ("which had been
    moved to May 4", "that was pushed back to August 15 in April")."""
    before = text[max(0, pos - 200):pos]
    return bool(PAST_MOVE.search(before) or PASSIVE_MOVE.search(before) and MOVE_DATED_BACK.match(text[pos:]))
