"""Figures that disagree: two sources giving different values of one measure (a count of
one thing, an amount of money, a share, a length) for one moment.

A figure tied to its own time ("in June", "on Wednesday"), a change ("rose 4 per cent") or
a latest reading ("so far", "now") is compared only with figures of the same moment; a
later, larger running total (a toll, a cost estimate) updates an earlier one. Both
sentences giving both figures ("7.1% in April, from 8.4% in February") is no disagreement.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from ..dates import compatible, maybe_date
from ..lexicon import direction, word_list
from ..model import Quantity
from ..story.statements import Statement
from .amount_context import (
    anchored,
    changed,
    compared_base,
    contrasted,
    deadline_before,
    different_states,
    figure_clause,
    firm,
    hedged,
    money_measure,
    one_proposal,
    order,
    overlap,
    part_of,
    proposed,
    ranges_meet,
    remainder,
    says,
    share_of_set,
    slack_of,
    slipped,
    tolled,
    update_cued,
    whole_under_part,
)
from .contradiction_acts import days_apart, words_alike

AMOUNT_SHARED = 2  # concepts two statements of one amount share besides the number
AMOUNT_SIMILARITY = 0.3  # concept overlap, when a statement has no embedding
AMOUNT_EMBEDDING = 0.55  # sentence similarity for figures of one named measure
UNMEASURED_EMBEDDING = 0.65  # ... and for money or shares whose measured noun is unknown
AMOUNT_SAME_THING = 0.45  # ... when both name one counted thing and share several words
AMOUNT_SAME_DAY = 0.5  # ... when both name one counted thing on one named day
AMOUNT_CLOSE = 0.7  # sentences this alike need no more shared words than the counted thing
SAME_MOMENT_DAYS = 3  # two pages this close report the same state of a changing figure
UPDATE_DAYS = 2  # pages this many days apart or more: a larger later figure is an update
APART_DAYS = 31  # figures of acts dated this far apart are of two acts


def dating(s: Statement):
    """The past dates a statement gives of what happened: not deadlines ("by Nov. 15", "no
    later than"), bounds or starts of states."""
    return [t for t in s.times if t.kind == "date" and t.value and t.tense != "future"
            and t.modifier not in ("since", "by", "until", "till", "before", "after")
            and not deadline_before(s.sentence.text, t.text)]


def same_measure(qa: Quantity, qb: Quantity) -> bool:
    """One unit, and one counted or measured thing when the parse names it."""
    if qa.unit != qb.unit:
        return False
    if qa.unit == "count":
        return qa.head is not None and qa.head == qb.head
    general = word_list("general_count_nouns") if qa.unit == "percent" else frozenset()  # "38 percent of people"
    if qa.unit.startswith("money") and qa.head and qb.head and money_measure(qa.head) == money_measure(qb.head) is not None:
        return True  # "the cost of the bridge" / "the budget for the bridge"
    return not (qa.head and qb.head and qa.head != qb.head and not {qa.head, qb.head} & general
                and not words_alike(qa.head, qb.head))  # "the deal" / "the agreement", "payout" / "payment"


def values_disagree(qa: Quantity, qb: Quantity, shares: bool = False) -> bool:
    """The two figures cannot both hold: their ranges ("more than 4,000", "fewer than
    1,500") do not meet, beyond rounding ("about 1,200" and "roughly 1,200" agree), and
    they are of one order of magnitude (a figure ten times another is about something else;
    `shares` of one set lie between 0 and 100, where 12 and 38 percent are rival tellings but
    2 and 78 percent, like counts more than four times apart, are shares of two things)."""
    x, y = qa.value, qb.value
    if slipped(qa, qb):
        return True  # "4.1 million" / "41 million": one figure, miscopied
    if x <= 0 or y <= 0 or max(x, y) / min(x, y) > (4 if qa.unit == "count" or shares else 2):
        return False
    slack = slack_of(qa, qb)
    if not ranges_meet(qa, qb, slack):
        return True
    exact = qa.high == qa.low == qa.value and qb.high == qb.low == qb.value
    return exact and abs(x - y) > slack


def values_agree(qa: Quantity, qb: Quantity) -> bool:
    """One measure and ranges that meet, beyond rounding: the same figure told twice."""
    return same_measure(qa, qb) and ranges_meet(qa, qb, slack_of(qa, qb))


TELLING_VERBS = {"say", "tell", "add", "state", "note", "quote", "report", "write", "comment"}  # date a telling
READING_VERBS = {"be", "have", "record", "register", "wait", "remain", "stand", "total", "reach",
                 "rise", "climb", "fall", "report", "count", "number", "slow", "ease", "drop", "decline",
                 "increase", "grow", "accelerate", "jump", "hold", "keep", "stay", "hit", "dip", "slide"}  # verbs of a reading of a changing state


def explicit_day(s: Statement) -> str | None:
    """A past time the statement itself names ("as of Monday, December 9", "on Aug. 19",
    "in June"): the most precise one; the day of a telling ("the agency said on Thursday that
    70 percent had been paid by the end of May") only when it names no other."""
    times = [t for t in s.times if t.kind == "date" and t.value and t.granularity in ("day", "month")
             and t.tense != "future" and t.modifier not in ("since", "until", "till", "after")]
    told = [str(t.value) for t in times if t.verb not in TELLING_VERBS] or [str(t.value) for t in times]
    return max(told, key=len) if told else None


def is_update(earlier: tuple[Statement, Quantity], later: tuple[Statement, Quantity], cued: bool = True,
              totals: bool = True) -> bool:
    """A later, larger figure of a running total, or one told as the latest state ("rose to",
    "so far"), updates an earlier one (`cued` False: of one past period, such words do not;
    `totals` False, the next day: only words that say the figure moved, "now", "has risen")."""
    (_, q1), (s2, q2) = earlier, later
    if q2.value <= q1.value:
        return False
    cues = word_list("update_cues" if totals else "latest_cues")
    head = q2.head or q1.head
    text = f" {s2.sentence.text.lower()} "
    return (totals and head in word_list("running_totals") if head else False) or (cued and any(f" {c} " in text for c in cues))


def reading_day(s: Statement) -> str | None:
    """A time the statement names for a reading of a changing state ("as of Monday", "35
    ships were waiting on Wednesday"), not for a one-off act whose figure does not change
    ("a round that closed last month", "inspectors found nine faults on Aug. 26")."""
    times = [t.value for t in s.times if t.kind == "date" and t.value and t.granularity in ("day", "month")
             and t.tense != "future" and t.modifier not in ("since", "until", "till", "after")
             and (t.verb in READING_VERBS or not t.verb or re.search(r"\b(?:as of|by)\b", t.text or "", re.I))]
    return max(times, key=len) if times else None


def past_period(s: Statement) -> str | None:
    """The past time, to the year at least, a statement names for what it tells ("in
    November", "last year")."""
    times = [t.value for t in s.times if t.kind == "date" and t.value and t.tense == "past"
             and t.modifier not in ("since", "until", "till", "after", "by", "before")]
    return max(times, key=len) if times else None


def one_past_period(a: Statement, b: Statement) -> bool:
    """Both tell their figures of one past period ("on Tuesday" / "at last year's conference")."""
    pa, pb = past_period(a), past_period(b)
    return bool(pa and pb and compatible(pa, pb))


def apart(a: Statement, b: Statement) -> bool:
    """Both statements name the times their figures belong to, and these lie weeks apart; or
    one names a past year ("an explosion in 2009 killed 31") that the other's time is not in."""
    ta, tb = explicit_day(a), explicit_day(b)
    gap = days_apart(ta, tb) if ta and tb else None
    if gap is not None and gap > APART_DAYS and not (str(ta)[4:] == str(tb)[4:] and (a.weak_date or b.weak_date)):
        return True  # (one month and day whose year a page's uncertain date gave: one day)
    for x, y, ty in ((a, b, tb), (b, a, ta)):
        year = named_year(x)
        other = ty or (y.date if not y.weak_date else None)
        if year and other and other[:4] != year and not named_year(y):
            return True
    return False


def named_year(s: Statement) -> str | None:
    """A past year the statement writes out as the time of what it tells ("in 2009")."""
    years = sorted({t.value for t in s.times if t.kind == "date" and t.granularity == "year" and t.value
                    and t.tense != "future" and t.modifier not in ("since", "until", "till", "after", "before")
                    and re.search(r"\b\d{4}\b", t.text or "")})
    return years[0] if len(years) == 1 else None


def time_bound(s: Statement, q: Quantity | None = None) -> bool:
    """A figure of a changing state: the sentence dates it ("in June", "on Wednesday"),
    measures a change ("rose 4 per cent", "raised by 75 basis points") or tells it as the
    latest reading ("so far", "now"). With the figure given, the change and the cue must
    stand in its own clause ("the roof fell in" elsewhere in the sentence changes nothing).
    A temperature always is: it holds for a place and a moment."""
    if q is not None and q.unit.startswith("temperature:"):
        return True
    text = figure_clause(s, q) if q is not None else s.sentence.text
    return bool(reading_day(s) or (direction(text) and changed(text)) or update_cued(text))


def same_moment(a: Statement, b: Statement) -> bool:
    """Both figures hold for one moment: the same time named, or pages a few days apart
    (a named day against the other page's date)."""
    ta, tb = explicit_day(a), explicit_day(b)
    if ta and tb:
        return compatible(ta, tb) and firm(a, ta) and firm(b, tb)  # (a weekday of a guessed page: no moment)
    if a.doc_id == b.doc_id and not (ta or tb):
        return True  # one page, no time named: both hold as the page speaks
    if not (ta or a.date and len(a.date) == 10) or not (tb or b.date and len(b.date) == 10):
        return False  # a page dated only to its month is no moment
    da, db = maybe_date(ta or a.date), maybe_date(tb or b.date)
    return da is not None and db is not None and abs((da - db).days) <= SAME_MOMENT_DAYS


def rose_later(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """The later page gives the larger figure and the two do not name one moment: a value
    that rises as time passes (a toll, a count, an estimate) is an update."""
    ta, tb = explicit_day(a), explicit_day(b)
    if ta and tb and compatible(ta, tb):
        return False
    if one_past_period(a, b):
        return False  # both tell one past period ("in November" / "last year"): no later reading
    if qa.unit not in ("count", "percent", "bp") and qa.head and qb.head and (
            qa.head == qb.head or money_measure(qa.head) == money_measure(qb.head) is not None
            or words_alike(qa.head, qb.head)) and not (changing(a, qa) or changing(b, qb)):
        return False  # one named fixed amount (a fine or a penalty, a length) does not rise with time; counts often do
    if share_of_set(a, qa) and share_of_set(b, qb) and not (changing(a, qa) or changing(b, qb)):
        return False  # a share of a closed set ("a quarter of the units were sold in ...") told as a plain fact
    first = order(a, b)
    gap = days_apart(a.date, b.date) if a.date and b.date else None
    if first is None or gap is None or gap < UPDATE_DAYS:
        return False  # the same or the next day: two tellings of one fact more often than a change
    told = explicit_day(first[1])  # the later page tells of the earlier one's day, firmly: no later reading
    if told and len(told) == 10 and told == first[0].date and firm(first[1], told) and not any(
            changing(s, q) or tolled(s, q) for s, q in ((a, qa), (b, qb))):
        return False  # ("400 volunteers were needed" that day, told days after "about 150")
    return qb.value > qa.value if first[0] is a else qa.value > qb.value


ACTED_ON = re.compile(r"\b(?:against|over|about|into|with)\b", re.I)
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been)\s+(?:now\s+|still\s+)?\w+ing\b", re.I)
PERFECT = re.compile(r"\b(?:has|have)\s+(?:now\s+|so far\s+)?(?!(?:said|told|described|reported|stated|added|"
                     r"confirmed|announced|estimated|put|been)\b)\w+(?:ed|en|wn|ne)\b", re.I)  # "has been fined": a passive


def changing(s: Statement, q: Quantity) -> bool:
    """The figure is one that moves as time passes: a running total (a toll, cases), a
    reading of a state, an estimate or forecast, or an amount told in the progressive ("is
    costing") or as the latest reading ("so far", "now", "has risen to")."""
    text = s.sentence.text
    before = text[max(0, q.start - 60):q.start]  # the words that tell this figure
    moving = [m for m in (PROGRESSIVE.search(before), PERFECT.search(before)) if m and not (
        q.head and re.search(rf"\b{re.escape(q.head)}", before[m.end():], re.I)) and not ACTED_ON.search(before[m.end():])]
    # ("is facing a bill for 6 million", "has handed it an invoice for": the verb holds the bill;
    # "has lodged an appeal against the 21 million penalty": the verb acts on the figure)
    return bool((q.head and q.head in word_list("running_totals")) or time_bound(s, q) or FORECAST.search(text)
                or moving)


def related(a: Statement, b: Statement, qa: Quantity, qb: Quantity, sim: float | None) -> bool:
    """The two sentences speak of one measure: alike in meaning, sharing words."""
    shared = len(a.concepts & b.concepts)
    named = bool(qa.head and qb.head)
    if sim is None:
        return shared >= AMOUNT_SHARED and overlap(a.concepts, b.concepts) >= AMOUNT_SIMILARITY
    if named and sim >= AMOUNT_CLOSE:
        return True
    if named and qa.head == qb.head and qa.unit.startswith("length") and sim >= AMOUNT_SIMILARITY:
        return True  # one named thing's length ("the 4.1-km viaduct" / "the 3.6-km viaduct") does not change
    if sim >= (AMOUNT_EMBEDDING if named else UNMEASURED_EMBEDDING) and shared >= AMOUNT_SHARED:
        return True
    if named and qa.head == qb.head and sim >= AMOUNT_EMBEDDING:
        return True  # one counted thing ("412 flights" / "480 flights") in sentences alike, if sharing no other word
    if shared >= AMOUNT_SHARED and share_of_set(a, qa) and share_of_set(b, qb) and one_set(a, b, qa, qb):
        return True  # shares of one named set ("71 percent of members who voted" / "68 percent of voting members")
    if named and qa.head == qb.head and anchored(a, b, qa):
        return True  # "14 contracts, worth a combined 6.8 million" / "14 contracts, worth a total of 8.6 million"
    if not named or (a.doc_id != b.doc_id and (latest_reading(a) or latest_reading(b))):
        return False  # below: looser matches, not for a figure told as the state so far (on another page)
    if sim >= AMOUNT_SAME_DAY and same_day(a, b) and not (reading_day(a) or reading_day(b)):
        return True  # one counted thing of one act on one named day ("412 flights cancelled on Friday")
    return shared >= AMOUNT_SHARED and sim >= AMOUNT_SAME_THING


def one_set(a: Statement, b: Statement, qa: Quantity, qb: Quantity) -> bool:
    """Two shares are of one set: the same noun, or one unnamed and the other's noun in its
    sentence ("Of the members who voted, 71 percent" / "68 percent of voting members")."""
    if qa.head and qb.head:
        return qa.head == qb.head
    named_head, other = (qa.head, a) if qa.head else (qb.head, b) if qb.head else (None, None)
    if named_head is None or other is None:
        return False
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", (b if other is a else a).sentence.text)}
    return named_head.rstrip("s") in words


def latest_reading(s: Statement) -> bool:
    """The figure is told as the state so far ("had been affected so far", "now"): a reading
    that a later one of the same day may exceed."""
    return bool(_update_cue().search(s.sentence.text))


@functools.cache
def _update_cue() -> re.Pattern[str]:
    # "now" left out: "the authority now says 850 cubic metres" dates the telling, not the figure
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(word_list("update_cues") - {"now"})) + r")\b",
                      re.I)


def same_day(a: Statement, b: Statement) -> bool:
    ta, tb = explicit_day(a), explicit_day(b)
    return bool(ta and tb and len(ta) == len(tb) == 10 and ta == tb)


CUMULATIVE = (" so far ", " to date ", " in total ", " total ", " cumulative ", " altogether ")


def shrunk_total(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """A running total ("has so far sold 14,200", a toll) given smaller on a later page than
    on an earlier one, with no fall told: such totals only grow, so the two disagree."""
    if a.weak_date or b.weak_date or qa.unit != "count" or not qa.head or qa.head != qb.head:
        return False  # the order of two pages is known only when both are firmly dated
    ta, tb = explicit_day(a) or a.date, explicit_day(b) or b.date
    if not (ta and tb) or compatible(ta, tb):
        return False
    (early, qe), (late, ql) = ((a, qa), (b, qb)) if ta < tb else ((b, qb), (a, qa))
    if not ql.high < qe.low or direction(late.sentence.text) or direction(early.sentence.text):
        return False
    text = f" {early.sentence.text.lower()} {late.sentence.text.lower()} "
    return qe.head in word_list("running_totals") or any(c in text for c in CUMULATIVE)


FORECAST = re.compile(r"\b(?:will|would|expected|estimated?|projected|forecast|predicted|budgeted)\b", re.I)


def forecasts_apart(a: Statement, b: Statement) -> bool:
    """Either figure is an estimate of what will be ("will cost $1.8 billion", "is expected
    to cost"), and the pages lie weeks apart: an estimate made later revises an earlier one."""
    if not (FORECAST.search(a.sentence.text) or FORECAST.search(b.sentence.text)):
        return False
    gap = days_apart(a.date, b.date) if a.date and b.date else None
    return gap is not None and gap > APART_DAYS


def count_keys(s: Statement) -> list[str]:
    """Index concepts that find other counts of what a sentence counts, told with another
    noun ("164 people on board" / "182 passengers"): the acts the sentence tells."""
    if not any(q.unit == "count" and q.head for q in s.sentence.quantities):
        return []
    return sorted(s.actions)


def amount_findings(a: Statement, b: Statement) -> list[tuple[str, dict[str, Any]]]:
    """Figures of one measure that two sources give differently for one moment."""
    if not (a.sentence.quantities and b.sentence.quantities):
        return []
    if a.doc_id == b.doc_id and a.source == b.source:
        return []
    positions = not one_proposal(a, b)
    found: list[tuple[str, dict[str, Any]]] = []
    revised = forecasts_apart(a, b)
    held_a = [positions and proposed(a, q) for q in a.sentence.quantities]  # each figure read once, not per pair
    held_b = [positions and proposed(b, q) for q in b.sentence.quantities]
    for qa, pa in zip(a.sentence.quantities, held_a, strict=True):
        for qb, pb in zip(b.sentence.quantities, held_b, strict=True):
            if pa or pb:
                continue  # a demand or an offer is a position, not a statement of fact
            slip = slipped(qa, qb)
            if qa.unit.startswith("money") and revised and not slip:
                continue  # estimates of what a thing will cost, made months apart: the later revises
            whole = whole_under_part(a, qa, b, qb)
            shares = share_of_set(a, qa) and share_of_set(b, qb)
            if not (whole or same_measure(qa, qb) and values_disagree(qa, qb, shares)) or part_of(a, qa) or part_of(b, qb) \
                    or compared_base(a, qa) or compared_base(b, qb) or remainder(a, qa) != remainder(b, qb) \
                    or says(a, qb) or says(b, qa) or hedged(a, qa) or hedged(b, qb) or different_states(a, qa, b, qb):
                continue
            if any(values_agree(qa, x) for x in b.sentence.quantities) or \
                    any(values_agree(qb, x) for x in a.sentence.quantities):
                continue  # both sentences give both figures ("7.1% in April, from 8.4% in February")
            sim = a.similarity(b)
            if not related(a, b, qa, qb, sim) or whole and (sim is None or sim < AMOUNT_CLOSE):
                continue
            if (time_bound(a, qa) or time_bound(b, qb)) and not same_moment(a, b) and not shrunk_total(a, qa, b, qb):
                continue  # readings of a changing state at different moments
            if apart(a, b):
                continue  # figures of acts named at times far apart: two acts
            ordered = order(a, b)  # the later page's "well above the figure the council gave": a rival figure
            rival = contrasted(ordered[1]) if ordered else contrasted(a) or contrasted(b)
            rival = rival or slip  # a miscopied figure is no update
            if not whole and not rival and rose_later(a, qa, b, qb):
                continue  # a larger figure on a later page: an update, unless both name one moment
            moment = same_moment(a, b)  # pages days apart, or one day both name
            if not rival and (not moment or not (explicit_day(a) and explicit_day(b)) and ordered is not None):
                pairs = [((a, qa), (b, qb)), ((b, qb), (a, qa))]
                if ordered is not None:
                    pairs = [pairs[0] if ordered[0] is a else pairs[1]]
                if any(is_update(x, y, cued=not one_past_period(a, b), totals=not moment) for x, y in pairs):
                    continue  # a running total that grew (the next day, only told as the latest: "now")
            unit = qa.head if qa.unit == "count" else qa.unit
            if whole and qa.head in word_list("general_count_nouns"):
                unit = qb.head
            found.append(("amount", {"values": [qa.text, qb.text], "unit": unit,
                                     "measure": f"{qa.unit}:{qa.head or ''}",
                                     "similarity": round(sim, 3) if sim is not None else None}))
            return found
    return found
