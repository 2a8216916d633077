"""Reading one statement for deadlines: which of its time expressions set a commitment.

A time expression sets a commitment when its clause makes the action planned, promised,
expected, scheduled, targeted or required: a modal or planning cue before it ("will",
"plans to", "is due to", "scheduled for", "no later than", "must ... by", the data list
`commitment_cues`), a move to it ("pushed back to", "adjourned until"), a period given to
act ("gave the defence until March 1 to file"), or a deadline preposition ("by", "no
earlier than") before a date still ahead when it was said ("until" alone only with a ban
or a negation: "no one can be laid off until 2030"). It is not one when it says when
something was said ("said on Tuesday"), when the dated outcome is a demand, a forecaster's
forecast, a wish or the condition of something else, or when a noun cue names a thing in a
report of the act done ("submitted its action plan in early October").

A deadline is a *recall* (an earlier deadline named again, not a new promise) when a recall
cue comes before it ("originally", "had been due to", "instead of", "rather than"), when it
is named with a missed cue ("will not make its April 20 target") or as a thing ("the April
14 start date"), or when it had already passed when it was said; a "now" or a move after
the recall cue makes the next date new again. Dates of deadlines: `commitment_dates`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import near_year, parse_iso, to_date
from ..lexicon import word_list
from ..model import TimeValue
from ..story.statements import Statement
from . import commitment_words as words
from .commitment_dates import (
    END_OF,
    EXPLICIT_YEAR,
    MONTH_NAMED,
    bare_months,
    dates_another_act,
    deadline_due,
    extra_times,
    last_day,
    loose_year,
    shifted_by,
    statement_date,
    told_back,
)

SPEECH_VERBS = {"say", "tell", "state", "announce", "confirm", "add", "note"}
# "gave the firm 30 days to", "has until Friday to" (not "has waited three years to hear")
GIVEN_PERIOD = re.compile(r"\b(?:give[sn]?|gave|granted|grants?|(?:has|have|had)(?!\s+(?!been\b|given\b|granted\b|allowed\b)"
                          r"\w+(?:ed|en|wn|pt|nt)\s))\s+(?:(?!by\b)[\w'-]+\s+){0,6}$", re.I)
GIVEN_TO = re.compile(r"\b(?:extension|deadline|until|till)\s+(?:to\s+|of\s+|until\s+)?(?:the\s+)?$", re.I)
CONTRASTIVE_CUES = {"instead of", "rather than", "replacing", "replaces", "replaced"}  # recall cues that govern a phrase
STILL_STATE = re.compile(r"\b(?:will|would|shall|'ll)\s+still\s+(?:be|have|remain|stay)\b(?:\s+[\w'-]+){0,3}\s*$", re.I)
NEW_IS = re.compile(r"^(?:\s+for\s+[^,;:.]{1,60}?)?\s+(?:is|was|will\s+be)\s+(?:now\s+)?(?:the\s+)?$", re.I)
NO_EARLIER = re.compile(r"\bno\s+(?:earlier|later)\s+than\b", re.I)
UNTIL = re.compile(r"\b(?:until|till)\b", re.I)
RANGE_START = re.compile(r"\b(?:from|between)\s*$", re.I)
RANGE_END = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*", re.I)
MOVED_TO = re.compile(r"\b(?:to|until|till|into)\s+(?:the\s+)?$", re.I)
DEADLINE_PREPOSITION = re.compile(r"(?:\bby|\bbefore|\buntil(?:\s+at\s+least)?|\btill|\bno\s+later\s+than|\bno\s+earlier\s+than|"
                                  r"\bnot\s+before|\bahead\s+of)\s+(?:the\s+)?$", re.I)
NOT_DEADLINE = re.compile(r"(?:\bas\s+of|\bsince|\bas\s+early\s+as|\bago)\s+(?:the\s+)?$", re.I)
# where one clause of a sentence ends and another begins
CLAUSE_BREAK = re.compile(r";|:\s|\s[-–—]\s|\s+but\s|,\s+(?:and|but|while|although|whereas|though|which|who|whose|"
                          r"where|when|after|because|since|as|until|unless|if)\s", re.I)
RESET = re.compile(r"\b(?:now|new|instead)\b|\b(?:moved|pushed\s+back|postponed|delayed|extended|rescheduled|deferred|adjourned|"
                   r"slipped|brought\s+forward|put\s+back|set\s+back|moved\s+back|shifted)\s+(?:to|until|till|into)\b", re.I)
REPORTED = re.compile(r"had\b|earlier|previous", re.I)
NAMED_DEADLINE = re.compile(r"\s*(?:[a-z-]+\s+)?(?:date|deadline|target|goal)\b", re.I)
# "its April 20 target", "the revised end-of-January deadline": a deadline named by its day
DETERMINER = re.compile(r"(?:the|its|their|his|her|an?|[a-z]+'s)\s", re.I)
DETERMINED = re.compile(r"\b(?:the|its|their|his|her|an?|[a-z]+'s)\s+(?:own\s+)?(?:(?:revised|original|initial|earlier|previous|"
                        r"agreed|official|missed|promised|stated)\s+)?$", re.I)
SAME_DAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
LEADING_PREPOSITION = re.compile(r"(?:by|before|until|till)\b", re.I)
REPORTING = re.compile(r"\b(?:said|says|say|told|tells|tell|announced|announces|stated|states|added|adds|confirmed|"
                       r"confirms|reported|reports|wrote|writes|according\s+to|insisted|insists|noted|notes)\b"
                       r"(?:\s+(?:on|in|last|this)\s+\w+)?(?:\s+that\b)?", re.I)
ADJUNCT = re.compile(r"\b(?:because|after|provided|unless|although|though|while|whereas|since|so\s+that|which|who|"
                     r"where|as\s+(?:part|required|agreed|set))\b", re.I)
CONDITION = re.compile(r"\b(?:if|unless|provided|once|whether)\b", re.I)
ATTRIBUTIVE_YEAR = re.compile(r"\b(?:the|a|an|its|their|this|next|last)\s*$", re.I)
PAST_AUX = re.compile(r"\b(?:had|was|were|did)\b", re.I)
PROMISED_FOR = re.compile(r"\b(?:for|(?:target|deadline|date|goal)\s+of)\s+(?:the\s+)?$", re.I)  # "first promised
# for 2031", "gave the board a new target of 14 August": the date promised
PRESENT_NOT_SCHEDULE = re.compile(r"\b(?:has|have|had|was|were|did|not|never|no|n't|usually|often|always|every|each)\b", re.I)
SCHEDULED_ACTS = {"begin", "open", "complete", "launch", "take", "expire", "run", "kick", "close"}  # acts timetables name
ACTING_LIGHT_VERBS = {"take", "make", "give", "get", "go", "come", "move"}  # "takes effect on 1 January"
NOT_NEGATING = {"still", "delayed", "abandoned"}  # missed cues that do not deny the deadline they precede


@dataclass
class Deadline:
    """One time expression of a statement read as a deadline."""

    role: str  # "new": a commitment made; "recall": an earlier deadline named again
    due: str
    phrase: str
    start: int  # offsets in the sentence
    end: int
    clause: str  # the clause that holds it, without its attribution
    whole: str  # the clause with it
    cue: str | None  # the modal or deadline word that made it one
    verb: str | None  # the verb governing the time expression
    loose_year: bool = False  # written without its year on a page whose own date is uncertain


def clause_bounds(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The clause of a sentence that holds the span [start, end). Clauses without a time
    expression of their own (`spans`) share the next one's ("will withdraw from the base, and
    reduce the forces in the capital by September 2025"), or the last one's at the end."""
    cuts = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    segments = [(0 if i == 0 else cuts[i - 1][1], cuts[i][0] if i < len(cuts) else len(text))
                for i in range(len(cuts) + 1)]
    timed = [any(a < hi and lo < b for a, b in (spans or [])) for lo, hi in segments]
    i = next((j for j, (lo, hi) in enumerate(segments) if lo <= start < max(hi, lo + 1)), len(segments) - 1)
    first = i
    while first > 0 and not timed[first - 1]:
        first -= 1
    last = i
    if not any(timed[i + 1:]):
        last = len(segments) - 1
    return segments[first][0], segments[last][1]


def content(clause: str, start: int, end: int) -> str:
    """A clause without its attribution and adjuncts: what follows the last reporting verb
    before the span ("Ministry spokesperson X said the campaign would begin ..." -> "the
    campaign would begin ..."), up to the comma before a reporting verb after it (", X told
    MPs") or an adjunct clause after it ("because ...", "after ...", "provided ...")."""
    lo = 0
    for m in REPORTING.finditer(clause, 0, start):
        lo = m.end()
    hi = len(clause)
    after = REPORTING.search(clause, end)
    if after:
        comma = clause.rfind(",", end, after.start())
        hi = comma if comma >= 0 else hi
    adjunct = ADJUNCT.search(clause, end, hi)
    if adjunct:
        hi = adjunct.start()  # "... after parliament brought forward its debate": another matter
    return clause[lo:hi].strip(" ,.\"'") or clause


def deadlines(s: Statement) -> list[Deadline]:
    """The time expressions of a statement that set (or recall) a deadline."""
    text = s.sentence.text
    stated = statement_date(s)
    extras = extra_times(text, stated)
    spans: list[tuple[int, int, TimeValue | None, str]] = [(a, b, None, v) for a, b, _, v in extras]
    at = 0
    for t in s.times:
        i = text.find(t.text, at) if t.text else -1
        if i < 0:
            i = text.find(t.text)
        if i < 0:
            continue
        at = i + len(t.text)
        if not any(a < i + len(t.text) and i < b for a, b, _, _ in extras):
            spans.append((i, i + len(t.text), t, ""))
    for a, b, _, v in bare_months(text, stated):
        if not any(x < b and a < y for x, y, _, _ in spans):
            spans.append((a, b, None, v))
    out = []
    spans.sort(key=lambda x: x[0])
    where = [(a, b) for a, b, _, _ in spans]
    for i, (start, end, tv, extra_value) in enumerate(spans):
        if i and RANGE_END.fullmatch(text[spans[i - 1][1]:start]) and RANGE_START.search(text[: spans[i - 1][0]]) \
                and not words.has("drift_cues", text[: spans[i - 1][0]]):
            continue  # "from 25 August to 7 September": the deadline is when it starts (not "moved from ... to")
        d = _read(s, text, start, end, tv, extra_value, stated, where)
        if d:
            out.append(d)
    for t, due in [(t, shifted_by(text, text.find(t.text), t.text, t.value, out[0].due)) for t in s.times
                   if t.kind == "duration" and t.text and len(out) == 1][:1]:  # "set for May 3, pushed back by a week"
        out = out if not due else [replace(out[0], role="recall"), replace(out[0], due=due, phrase=t.text, cue="by")]
    new = [d for d in out if d.role == "new"]
    for d in out:
        if d.role == "recall" and new and MONTH_NAMED.search(d.phrase) and not EXPLICIT_YEAR.search(d.phrase) \
                and words.has("recall_cues", d.whole[: d.whole.find(d.phrase)]):
            d.due = near_year(d.due, new[0].due)  # "from 25 August 2025 instead of 18 August": the same year
    return [d for d in out if not any(_inside(x, d) for x in out)]


def _inside(finer: Deadline, coarser: Deadline) -> bool:
    """A finer deadline of the same clause and role inside a coarser one ("the first meeting
    of 2026 is scheduled for 29 January": 29 January, not 2026)."""
    a, b = parse_iso(finer.due) or (), parse_iso(coarser.due) or ()
    return finer is not coarser and finer.role == coarser.role and finer.whole == coarser.whole \
        and len(a) > len(b) and a[: len(b)] == b


def _cue(left: str, right: str, t: TimeValue | None) -> str | None:
    """The word that makes the time expression a deadline: a modal or planning cue before it
    ("will", "is due to", "no later than"), a move to it ("pushed back to", "delayed until"),
    or a future-tense clause with a cue after it ("in 2025, the forces will withdraw")."""
    m = words.last("cues", left)
    if m and not (m.group().lower() == "could" and re.match(r"\s*(?:not|n't)\b", left[m.end():])):
        return m.group()  # "could not go": a past inability, no plan
    drift = words.last("drift_cues", left)
    if drift and (re.search(r"\b(?:to|until|till|into|for)\s+(?:the\s+)?$", left)
                  or re.fullmatch(r"\s+of\s+(?:the\s+)?", left[drift.end():])
                  or _new_named(left)):
        return drift.group()  # "pushed back to", "set a new date of", "the vote's new date is"
    if t is not None and t.tense == "future" and words.has("cues", right):
        return "future"
    return None


def _new_named(left: str) -> bool:
    """A new date named by being ("the vote's new date is 9 May")."""
    drift = words.last("drift_cues", left)
    return bool(drift and drift.group().lower().startswith("new ") and NEW_IS.search(left[drift.end():]))


def _is_forecast(left: str) -> bool:
    """A forecaster's forecast ("Economists expect the bank to keep cutting next year"; "Jonas
    Ostberg, chief economist at X, said he expected a further increase in March"), not a
    promise of the one who acts."""
    cut = 0
    for m in REPORTING.finditer(left):
        cut = m.end()
    said, content_left = left[:cut], left[cut:]
    return words.has("forecasters", content_left) or (
        words.has("forecasters", said) and bool(re.match(r"\s*(?:he|she|they|i|we)\b", content_left, re.I)))


def _after_reporting(left: str) -> str:
    """The part of a clause after its last reporting verb ("X said the patch is due out on")."""
    cut = 0
    for m in REPORTING.finditer(left):
        cut = m.end()
    return left[cut:]


def _moved_from(left: str) -> bool:
    """The date a move starts from ("pushed back to 2 July from 4 June", "moved from 4 June")."""
    return bool(words.MOVED_FROM.search(left))


def cue_before(left: str) -> bool:
    return words.last("cues", left) is not None or words.last("drift_cues", left) is not None


def _scheduled_present(t: TimeValue, left: str, stated: str | None) -> bool:
    """A dated act in the simple present, still ahead when said, is a schedule ("the new law
    takes effect on 1 January", "jury selection begins on Monday"): not a verb of saying,
    planning or being, not a perfect or a negation, not a report of a past day."""
    if t.kind != "date" or t.tense != "present" or not t.verb or not stated or not t.value:
        return False
    if t.verb in SPEECH_VERBS or (t.verb in words.light_verbs() and t.verb not in ACTING_LIGHT_VERBS) or t.modifier in ("since", "after", "ago", "earlier", "later"):
        return False
    if PRESENT_NOT_SCHEDULE.search(left) or _is_forecast(left) or words.has("opinion_cues", left) \
            or t.verb in word_list("stative_verbs"):
        return False  # (a state or a view, "nobody minds a wobble in December", is no act scheduled)
    if t.value < stated[: len(t.value)] and words.fold(t.verb) not in SCHEDULED_ACTS:
        return False  # "the decision follows a fire on 29 July": a past day, not a schedule
    return t.granularity in ("day", "month") or bool(EXPLICIT_YEAR.search(t.text))


def _governs_other(cue: re.Match[str], left: str) -> bool:
    """A contrastive recall cue ("replacing") governs the phrase after it, not a date that a
    deadline preposition of its own sets some words later ("replacing the lead pipes by March")."""
    between = left[cue.end():]
    return " ".join(cue.group().lower().split()) in CONTRASTIVE_CUES and len(between.split()) >= 3 \
        and bool(DEADLINE_PREPOSITION.search(between))


def _act_given(s: Statement, left: str, right: str, t: TimeValue | None) -> str | None:
    """The act a given period or date is for ("gave the bank 30 days to pay", "granted it an
    extension to April 14 to pay"): the infinitive after it, not the verb of giving."""
    m = re.match(r"\s+to\s+([a-z]+)\b", right)
    if not m or t is None or not (GIVEN_PERIOD.search(_drop_until(left, t)) or GIVEN_TO.search(left)):
        return None
    word = m.group(1)
    return next((v for v in s.sentence.verbs if len(v) >= 3 and word.startswith(v[: max(3, len(v) - 1)])), None)


def _planned_act(left: str) -> bool:
    """A planning cue with an infinitive after it ("expects the reform to take effect on")."""
    m = words.last("cues", left)
    return m is not None and bool(re.search(r"\bto\s+[a-z]+", left[m.end():]))


def _drop_until(left: str, t: TimeValue) -> str:
    """The text before "until" when a date follows it ("gave the defence until March 1 to file")."""
    return re.sub(r"\s*\buntil\s*$", " ", left) if t.kind == "date" else left


LOOKING_BACK = re.compile(r"\b(?:first|only|biggest|largest|worst|best|highest|lowest|longest|shortest|deepest|"
                          r"strongest|weakest|heaviest|busiest|fastest|slowest|sharpest|steepest|greatest|smallest|"
                          r"most|least)\b(?:\s+[\w'-]+){1,2}\s*$", re.I)


def _read(s: Statement, text: str, start: int, end: int, t: TimeValue | None, extra_value: str,
          stated: str | None, spans: list[tuple[int, int]]) -> Deadline | None:
    lo, hi = clause_bounds(text, start, end, spans)
    left, right = words.WEEKDAY_TAIL.sub("", text[lo:start]), text[end:hi]  # "until Friday, May 29": "until"
    verb = t.verb if t else None
    prep = DEADLINE_PREPOSITION.search(left) or LEADING_PREPOSITION.match(text[start:end])
    if t is not None:
        if t.kind == "date" and t.modifier in ("since", "after", "later", "ago", "earlier") or NOT_DEADLINE.search(left) \
                or words.set_when(left, text[start:end]) \
                or (dates_another_act(left, t) and not (NAMED_DEADLINE.match(right) and DETERMINED.search(left))):
            return None  # (a deadline named by its day is no act's time: "having exceeded its own 14 April deadline")
        if t.kind == "date" and (verb in SPEECH_VERBS or (verb == "report" and t.tense == "past")) and not prep \
                and not words.has("cues", _after_reporting(left)) and not _new_named(left):
            return None  # when something was said (not "said the patch is due out on 14 October")
        if t.kind == "date" and t.tense == "past" and verb and verb not in words.light_verbs() and not prep \
                and not re.search(r"\b(?:to|until|till|for|into|from)\s+(?:the\s+)?$", left, re.I) \
                and not NAMED_DEADLINE.match(right) and words.done_then(left, verb):
            return None  # "opened on Tuesday", "promised the moon in February and delivered a torch in April"
        given = t.kind == "duration" and GIVEN_PERIOD.search(left) and re.match(r"\s+to\b", right)
        if verb in words.light_verbs() and t.tense == "past" and not prep and not MOVED_TO.search(left) \
                and not PROMISED_FOR.search(left) and not _moved_from(left) and not given and not _planned_act(left):
            return None  # "pledged in March", "the date was set in September": when it was promised (not "gave X 30 days to")
        if t.kind == "duration" and (re.match(r"\s+(?:of|after|from|since)\b", right) or
                                     re.search(r"\b(?:more\s+than|over|first\s+time)\b", t.text + left[-20:], re.I)):
            return None  # "within five years of opening", "in more than a decade": not a period from now
        if t.kind == "duration" and re.match(r"(?:in|for)\s.*\b(?:years?|decades?)\b", t.text, re.I) \
                and LOOKING_BACK.search(left):
            return None  # "their first walkout in 14 years", "the lowest level in a decade": the span looked back on
    if STILL_STATE.search(left[-40:]) and not prep:
        return None  # "it will still be there next week": a state that lasts, no deadline
    if words.is_demand(left) or _is_forecast(left) or words.has("opinion_cues", left) or \
            CONDITION.search(left[words.last_cue_end(left):]) or re.match(r"'s\b", right):
        return None  # a demand, a forecast, a wish, the condition of something else, "next year's games"
    if t is not None and t.kind == "date" and ATTRIBUTIVE_YEAR.search(left) and re.match(r"\s+[A-Za-z]", right) \
            and re.fullmatch(r"(?:19|20)\d\d", t.text.strip()):
        return None  # "the 2027 European Junior Championships": a name, not a time
    if t is not None and t.kind == "date" and t.value and stated and t.value < stated[:len(t.value)] \
            and re.search(r"\b(?:the|its|their|this)\s*$", left, re.I) and re.match(r"\s+[a-z]{3,}\b", right) \
            and not NAMED_DEADLINE.match(right) and not DEADLINE_PREPOSITION.search(left):  # a deadline named as moved ("its pledge to ... by the end of June is now put back")
        return None  # "a report on the July 22 outage by September 15": a past day that names the outage
    if t is not None and not cue_before(left) and _scheduled_present(t, left, stated):
        left = left + " "  # keeps offsets; the cue is the present tense of a dated act
        present = True
    else:
        present = False
    if t is not None and t.kind == "date" and t.granularity == "year" and words.period_of_a_thing(left):
        return None  # "its budget for 2032", "targets for 2030": the period a thing is for
    named = NAMED_DEADLINE.match(right) and (DETERMINED.search(left) or DETERMINER.match(text[start:end]))
    cue = _cue(left, right, t) or (t is not None and GIVEN_PERIOD.search(_drop_until(left, t))
                                    and re.match(r"\s+to\b", right) and "gives") or ("present" if present else None) \
        or (_moved_from(left) and "from")
    if cue and cue.lower() in words.entries("noun_cues") and t is not None and t.tense == "past" \
            and verb and verb not in words.light_verbs() and not prep:
        return None  # "submitted its action plan in early October": done then, no deadline
    if not cue and not named and not (prep and (t is None or t.tense != "past") and not PAST_AUX.search(left + right)):
        if not (extra_value and words.has("recall_cues", left)):
            return None
    if (not cue or present) and not named and prep and UNTIL.search(prep.group()) and not words.has("until_cues", left):
        return None  # "the agreement runs until the end of 2026": how long a state lasts
    unbounded = NO_EARLIER.sub(lambda m: " " * len(m.group()), left)  # "no earlier than" bounds, recalls nothing
    recall_m = words.last("recall_cues", unbounded)
    if recall_m and _governs_other(recall_m, left):
        recall_m = None  # "will finish replacing the lead pipes by March": the date is the act's, not the thing replaced
    if named and not recall_m:
        recall_m = named  # "kept to the May 2 start date", "its April 20 target": a deadline named
    missed_m = words.last("missed_cues", unbounded)
    if missed_m and missed_m.group().lower() not in NOT_NEGATING:
        recall_m = missed_m  # "will not make its April 20 target": the deadline named, not promised
    role = "recall" if recall_m and not RESET.search(left[recall_m.end():]) \
        and not words.cue_spent(text, lo + recall_m.end(), start, spans) else "new"
    if role == "new" and words.moved_by_main_clause(right, end, spans):
        role = "recall"  # "certification, due by December 3, will not happen until December 12"
    moved = words.MOVED_UNTIL.search(left)
    if role == "recall" and recall_m and moved and moved.start() >= recall_m.end() and not REPORTED.match(recall_m.group()):
        role = "new"  # "came a day after the commission postponed the vote from January 25 until March 8": the new date
    if _moved_from(left) or words.MOVED_AWAY.match(right) or words.OFFSET_FROM.search(left):
        role = "recall"  # "pushed back to 2 July from 4 June", "moved from 4 June to 2 July": the old date
    due = extra_value or (deadline_due(t, text, start, (left, right), stated, role, s.weak_date,
                                       bool(GIVEN_PERIOD.search(left))) if t else None)
    if not due:
        return None
    if extra_value and stated and role == "recall" and loose_year(text[start:end]):
        due = near_year(due, stated)  # "in time for the revised end-of-January deadline": the nearest January
    if role == "recall" and recall_m and REPORTED.match(recall_m.group()) and stated and \
            to_date(due, end=True) >= to_date(stated) and not missed_m and not RESET.search(text[end:]):
        role = "new"  # "said it had promised to keep it open until 2026": a promise that stands
    if t is not None and t.kind == "duration" and not words.has("cues", left) and not re.match(r"\s+to\b", right):
        return None  # a period counted from the day it was said needs a promise before it
    if END_OF.search(text[start:end]):
        due = last_day(due)
    # a day placed a little before an estimated page date, or moved to by a move told as done
    loose = role == "new" and t is not None and loose_year(text[start:end]) and \
        (s.weak_date or words.looked_back(text, start, role) == "loose")
    if stated and to_date(due, end=True) < to_date(stated) and not words.TARGET_SET.search(left[-100:]) and not loose:
        role = "recall"  # a date already past when it was said (not a target told as set, then kept or missed)
    elif role == "new" and not loose and stated and to_date(due, end=True) <= to_date(stated, end=True) and \
            (SAME_DAY.search(text[start:end]) or not (cue or t is None or t.tense == "future")):
        return None  # "should check today", "by Monday afternoon": the day it was said, no deadline
    verb = words.IN_FORCE_ACT if words.in_force(left[-40:]) else _act_given(s, left, right, t) or verb
    return Deadline(role, due, text[start:end], start, end, content(text[lo:hi], start - lo, end - lo),
                    text[lo:hi].strip(), cue or (prep.group().strip() if prep else None), verb,
                    (s.weak_date or told_back(t, left)) and loose_year(text[start:end]))
