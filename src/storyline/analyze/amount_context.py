"""Where a figure stands in its sentence: a part of a whole ("its four satellites"), a base
another figure is measured against ("up from 900"), what is left rather than what was done
("seven are still missing"), a possibility or an expectation ("could be 90,000"), or a figure
the other sentence writes too. Figures so placed are not compared as rival tellings of one
measure (analyze/amounts.py). Also a whole counted smaller than a part of it another source
counts ("164 people on board" / "182 passengers"), which cannot both hold.
"""
from __future__ import annotations

import functools
import re

from ..dates import compatible
from ..lexicon import DOWN, UP, concepts, word_groups, word_list
from ..model import Quantity
from ..story.statements import Statement
from .contradiction_acts import clause_around

MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def firm(s: Statement, value: str) -> bool:
    """A time the statement gives stands on its own: the page's date is firm, or the time
    names its month ("on Tuesday, March 3"). A day told only against a page's guessed or
    header date ("this morning", "on Tuesday" on an undated page) may be a week off: no ground
    to accuse another source, nor to hold two readings for one moment. (The year is left
    out of the match: a yearless day may have been read in another source's year.)"""
    return not s.weak_date or any(t.value and t.value[4:] == value[4:] and MONTH_NAME.search(t.text or "") for t in s.times)


def overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller set's words the two sets have in common."""
    return len(a & b) / max(1, min(len(a), len(b)))


def figure_clause(s: Statement, q: Quantity) -> str:
    """The clause of the sentence that holds the figure."""
    return clause_around(s.sentence.text, q.start, q.start + len(q.text))


def order(a: Statement, b: Statement) -> tuple[Statement, Statement] | None:
    """(earlier, later) by their pages' dates, None when they cannot be ordered."""
    if not (a.date and b.date) or compatible(a.date, b.date):
        return None
    return (a, b) if a.date < b.date else (b, a)


def tolled(s: Statement, q: Quantity) -> bool:
    """The figure counts a toll ("two workers are dead", "nine died"): one that
    grows as the missing are found, whatever day it is told of."""
    said = set(re.findall(r"[a-z]+", figure_clause(s, q).lower())) | set(s.sentence.verbs)
    return bool(said & word_list("running_totals"))


PART = re.compile(r"(?:\b(?:its|their|his|her|our|my|your|next|other|remaining|first|last|another)|'s|\u2019s"
                  r"|\binclud(?:es|ed|ing)(?:\s+(?:about|some|around|nearly|almost))?)\s+$", re.I)


BASE_OF_COMPARISON = re.compile(r"(?:\b(?:above|below|than|compared (?:with|to))\s+(?:the|an?|its|their|last year's)\s+"
                                r"(?:[\w-]+\s+)?|\b(?:up|down)\s+from\s+(?:the\s+|an?\s+)?)$", re.I)


def compared_base(s: Statement, q: Quantity) -> bool:
    """A figure the sentence measures another against ("62 per cent above the $2.1-billion
    estimate", "up from 900"): an earlier or other value the sentence itself sets apart."""
    return bool(BASE_OF_COMPARISON.search(s.sentence.text[max(0, q.start - 40):q.start]))


REMAINDER = re.compile(r"\b(?:remain\w*|still|missing|outstanding|unaccounted|yet to|more(?!\s+than))\b", re.I)


def remainder(s: Statement, q: Quantity) -> bool:
    """The figure counts what is left ("400 more remain in prison", "seven are still
    missing"), not what was done ("158 were released", "nine were killed"): two such figures
    of one counted thing are two facts."""
    return bool(REMAINDER.search(figure_clause(s, q)))


OTHER_SET = re.compile(r"\s+(?:other|more|additional|further|extra|remaining)\b", re.I)  # "26 other miners"


def part_of(s: Statement, q: Quantity) -> bool:
    """A figure of one party's share, of a later batch or of a part the sentence sets in a
    whole ("its four satellites", "the next two", "a budget that includes €2.9 million
    for ..."): a part, not the whole another source counts."""
    return bool(PART.search(s.sentence.text[max(0, q.start - 20):q.start])
                or OTHER_SET.match(s.sentence.text, q.start + len(q.text)))


HEDGE = re.compile(r"\b(?:[Cc]ould|[Mm]ight|may)\b(?:\s+\S+){0,3}\s*$")  # "May" is a month
EXPECTATION = re.compile(r"\b(?:expected|forecast|predicted|projected|hoped|feared|guessed)\b(?:\s+\S+){0,5}\s*$", re.I)


def hedged(s: Statement, q: Quantity) -> bool:
    """A figure told as a possibility ("there could be 90,000 ..."), an expectation ("analysts
    had expected a figure closer to 200 million") or inside a question, not as a fact."""
    before = s.sentence.text[max(0, q.start - 50):q.start]
    return bool(HEDGE.search(before[-30:]) or EXPECTATION.search(before)
                or re.search(r"\?[\"\u201d\u2019']?\s*$", s.sentence.text))


def says(s: Statement, q: Quantity) -> bool:
    """The sentence writes this figure too, maybe as a part ("seven satellites, four of
    them for one customer"): then the two figures are of different things."""
    text = s.sentence.text
    for m in re.finditer(rf"(?<![\d.,]){re.escape(q.text)}(?![\d]|[.,]\d)", text, re.I):
        if not re.search(r"\bnot\s+(?:the\s+|an?\s+)?(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()], re.I):
            return True  # written, not denied ("190,000, not the 118,000 the company cited")
    return False


SET_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?!(?:them|it|those|these|this|that|which)\b)[A-Za-z]")


def share_of_set(s: Statement, q: Quantity) -> bool:
    """A share of a named set ("a quarter of the recalled phones", "38 percent of people who
    tried"), not a rate or a change ("a base rate of 5.5 per cent", "shares closed up 3.8
    per cent"): such shares are compared whatever their ratio, and a later one is no update
    unless the sentence tells a change."""
    if q.unit != "percent":
        return False
    text = s.sentence.text
    return bool(SET_AFTER.match(text[q.start + len(q.text):]) or SET_BEFORE.search(text[max(0, q.start - 60):q.start])
                or RATIO_WORDS.search(q.text) or q.approx == "fraction")


SET_BEFORE = re.compile(r"\b[Oo]f\s+(?:the\s+|its\s+|their\s+|all\s+)?[\w\s'-]{3,50},\s*$")  # "Of the members who voted, 71 percent"
RATIO_WORDS = re.compile(r"\b(?:in|out\s+of)\b|quarter|third|half|fifth|tenth", re.I)  # "three in four", "a quarter"


PROPOSING = re.compile(r"\b(?:propos|offer|demand|seek|sought|request|ask|bid)\w*", re.I)


def one_proposal(a: Statement, b: Statement) -> bool:
    """Both sentences tell a proposal with the same word ("a proposed penalty of $1.8 million" /
    "the $2.4 million penalty the office proposed"): two tellings of one proposal, whose
    figure is a fact; a demand against an offer is two parties' positions."""
    wa = {m.group(0).lower()[:5] for m in PROPOSING.finditer(a.sentence.text)}
    wb = {m.group(0).lower()[:5] for m in PROPOSING.finditer(b.sentence.text)}
    return bool(wa & wb)


def proposed(s: Statement, q: Quantity) -> bool:
    """The figure is what someone asks for or offers ("the union is demanding 9 percent"):
    the word of proposing stands in the figure's own clause, not elsewhere in the sentence
    ("a 7.2 per cent stake" in a sentence that says a vote "was demanded")."""
    return "propose" in s.actions and "propose" in concepts(figure_clause(s, q))


def states(s: Statement, q: Quantity) -> set[str]:
    """The states the clause of a count tells its members in (dead, injured, alive, ...)."""
    clause = figure_clause(s, q).lower()
    groups = word_groups("count_states")
    return {groups[w] for w in re.findall(r"[a-z]+", clause) if w in groups}


def different_states(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """Two counts told in different states ("six brought out alive" / "killed two"): two sets."""
    sa, sb = states(a, qa), states(b, qb)
    return bool(sa and sb and not sa & sb)


def whole_under_part(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """One counts a whole with a general noun ("164 people on board", "340 properties"),
    the other a kind within it ("182 passengers", "520 homes"), and the whole is the
    smaller: the two cannot both hold (judged only for sentences alike, by the caller)."""
    if qa.unit != "count" or qb.unit != "count" or not (qa.head and qb.head) or qa.head == qb.head \
            or a.source == b.source:
        return False
    general = word_list("general_count_nouns")
    if (qa.head in general) == (qb.head in general):
        return False
    whole, part = (qa, qb) if qa.head in general else (qb, qa)
    if max(whole.value, part.value) / max(1.0, min(whole.value, part.value)) > 2:
        return False
    slack = (0.05 if whole.approx or part.approx else 0.02) * part.value
    return whole.high + slack < part.low


def money_measure(noun: str) -> str | None:
    """The measure of money a noun names (data/lexicons/money_measures), if listed."""
    return word_groups("money_measures").get(noun)


# a figure set against another source's: "well above the figure the council gave", "less than
# half the estimate the ministry published", "at odds with the official count"
CONTRASTED = re.compile(r"\b(?:above|below|higher\s+than|lower\s+than|more\s+than|less\s+than|short\s+of|"
                        r"at\s+odds\s+with|contradict\w*|disput\w*)\s+(?:(?:double|twice|half|triple)\s+)?"
                        r"(?:the|its|their|his|her)\s+(?:[\w'-]+\s+){0,2}(?:figures?|estimates?|numbers?|counts?|"
                        r"tall(?:y|ies)|totals?)\s+(?:the|that|which|given|announced|published|released|cited|"
                        r"reported|put\s+forward|issued|offered)\b", re.I)


def contrasted(s: Statement) -> bool:
    """The statement sets its figure against another source's."""
    return bool(CONTRASTED.search(s.sentence.text))


DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|no later than|not before)\s+(?:the\s+)?$", re.I)


def deadline_before(text: str, phrase: str | None) -> bool:
    """The date is written as a deadline ("due to open by Nov. 15")."""
    at = text.find(phrase) if phrase else -1
    return at > 0 and bool(DEADLINE_BEFORE.search(text[max(0, at - 20):at]))


def slack_of(qa: Quantity, qb: Quantity) -> float:
    """How far apart two figures may lie and still be one, by rounding ("about 1,200" and
    "about 1,150" agree)."""
    rounding = 0.05 if qa.approx or qb.approx else 0.02
    if "fraction" in (qa.approx, qb.approx):
        return 3.0  # "two-thirds" is no more exact than 64 to 70 percent
    if qa.unit in ("percent", "bp"):
        return 0.5
    if not (qa.approx or qb.approx):  # "2,146" and "2,164" are both exact; "7,000" may round "7,100"
        return min(rounding * max(qa.value, qb.value), max(grain(qa.value), grain(qb.value)))
    return rounding * max(qa.value, qb.value)


def grain(value: float) -> float:
    """The rounding a figure shows: the largest power of ten it is a multiple of (1 for 2,146,
    100 for 2,100, 100,000 for 12.9 million)."""
    whole = round(value)
    if abs(value - whole) > 1e-6 * max(1.0, value) or whole <= 0:
        return 0.0  # a fraction ("96.1")
    g = 1
    while whole % (g * 10) == 0:
        g *= 10
    return float(g)


def ranges_meet(qa: Quantity, qb: Quantity, slack: float) -> bool:
    return not (qa.high + slack < qb.low or qb.high + slack < qa.low)


DECIMAL = re.compile(r"\d\.\d")


def _significant(value: float) -> str:
    """A figure's digits without the zeros that only place it ("4,100,000" -> "41")."""
    digits = f"{value:.6f}".replace(".", "").strip("0")
    return digits or "0"


def slipped(qa: Quantity, qb: Quantity) -> bool:
    """Two figures that one slip of the pen turns into each other: the same digits in
    another order ("2,146" / "2,164", "14" / "41") or the decimal point moved ("4.1 million" /
    "41 million"). Outlets copying a figure make these errors; a changing count does not
    move that way, so the pair is one figure told wrongly, not an update or two facts."""
    if any(q.low != q.value or q.high != q.value or q.value <= 0 for q in (qa, qb)) or qa.value == qb.value:
        return False  # a bound ("more than 4,000") is no figure to miscopy; "about" or "an estimated" is
    da, db = _significant(qa.value), _significant(qb.value)
    if da == db:
        return any(DECIMAL.search(q.text) for q in (qa, qb))  # not "12" and "120": two figures
    return len(da) >= 2 and len(da) == len(db) and sorted(da) == sorted(db)


def anchored(a: Statement, b: Statement, qa: Quantity) -> bool:
    """Both sentences count the things the figure measures with one number ("14 contracts"):
    they speak of one set, so its figures are one measure told twice."""
    return any(x.unit == "count" and x.head == qa.head and any(
        y.unit == "count" and y.head == x.head and y.value == x.value for y in b.sentence.quantities)
        for x in a.sentence.quantities)


IRREGULAR_PAST = {"rose", "risen", "grew", "grown", "fell", "fallen", "shrank", "shrunk"}


def changed(text: str) -> bool:
    """A change told by a verb ("inflation rose to 8.4%", "sales dropped"), not a noun that
    names an amount agreed or planned ("a pay rise of 4 percent")."""
    return any(w in UP | DOWN and (w.endswith("ed") or w in IRREGULAR_PAST)
               for w in re.findall(r"[a-z]+", text.lower()))


NOUN_CUES = {"rise"}  # cue words that are as often the noun of an amount agreed ("a pay rise of 4 percent")
NOUN_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+(?:[\w.%-]+\s+){0,3}$")


def update_cued(text: str) -> bool:
    """The text tells a figure as the latest reading of a changing state ("so far", "rose to",
    "up from"; data/lexicons/update_cues.txt), not as an amount named by a noun ("gives drivers
    a pay rise of 6.5 percent")."""
    padded = f" {text.lower()} "
    return any(not (m.group() in NOUN_CUES and NOUN_BEFORE.search(padded[:m.start()]))
               for m in _update_cues().finditer(padded))


@functools.cache
def _update_cues() -> re.Pattern[str]:
    """Every update cue as one pattern, each a whole run of words between spaces (no cue's
    first word is another cue, so the occurrences are those of the cues one by one)."""
    cues = sorted(word_list("update_cues"), key=len, reverse=True)
    return re.compile(r"(?<= )(?:" + "|".join(re.escape(c) for c in cues) + r")(?= )")

