"""Dates of one act told by two sources: whole sentences that tell the same act, or the
clauses that hold each date (same verb and more words, one's verb named in the other's
clause, or many words in sentences alike); readings of a changing figure ("35 ships were
waiting on Wednesday") and dates of telling ("said on Tuesday") date no single act.
"""
from __future__ import annotations

import functools
import re

from ..dates import WEEKDAY_RE, compatible
from ..lexicon import word_list
from ..story.statements import Statement
from .amount_context import MONTH_NAME, firm
from .amounts import READING_VERBS, TELLING_VERBS, dating, overlap
from .contradiction_acts import (
    act_of,
    clause_concepts,
    clause_similarity,
    clause_text,
    days_apart,
    words_alike,
)

DATE_SIMILARITY = 0.5
DATE_SHARED = 5
DATE_PARAPHRASE = 0.68  # sentence similarity of two tellings of one dated act
DATE_WINDOW_DAYS = 45  # two dates of one act told differently lie this close (one of them a month)
# ... or this close when both are days: two tellings of one act that disagree on its day are
# a weekday misread, a day before or after, a week apart at most; further apart, two acts
# alike in words (orders issued, then lifted; a fire's size read on two days)
DAY_WINDOW_DAYS = 7
FIRST_WINDOW_DAYS = 270  # ... or this close when both tell the first time it happened
DATE_SAME_WORDS = 0.8  # ... or say the same so closely that the verbs need not match
DATE_CLAUSE_SHARED = 2  # words the clauses around two dates share besides the act (same verb)
DATE_SAME_THING = 0.55  # ... or one word (the thing acted on) in sentences this alike
DATE_CLAUSE_SIMILARITY = 0.3  # sentence similarity still needed when only the clauses match
DATE_NAMED_ACT = 0.45  # ... when the two clauses' verbs differ
DATE_CLAUSE_WORDS = 5  # words two clauses with different verbs share to tell one act
DATE_ALIKE = 0.6  # ... and how alike their sentences must be
# Clauses that date one kind of act and mean the same (embeddings of the clauses alone): on
# the development stories, pairs of such clauses at >= 0.55 were one act told two ways in 6
# of 9 (the rest: one act repeated, a rate raised twice, which differing figures tell apart)
CLAUSE_PARAPHRASE = 0.55
WEEK = re.compile(r"\bweek(?:end)?s?\b", re.I)


def event_dates(s: Statement) -> list[str]:
    """Past dates a statement gives (not deadlines, not "since" states)."""
    return cached(s, "event_dates", lambda: [t.value for t in dating(s)])


def cached(s: Statement, name: str, compute):
    """A value derived from a statement, computed once per statement object."""
    memo = s.__dict__.setdefault("_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def explicit_year(side: list[Statement]) -> bool:
    """Some statement of the side writes its date out with the year: a date resolved only
    against a page's own (maybe wrong) date is too weak to accuse another source with."""
    return any(re.search(r"\b\d{4}\b", t.text) for s in side for t in dating(s))


def told_once(side_a: list[Statement], side_b: list[Statement]) -> bool:
    """Both sides tell an act as the first of its kind, with firm dates, one writing its year
    out (so no year was guessed wrong): see close_dates."""
    first = re.compile(r"\bfirst\b", re.I)
    return all(any(first.search(x.sentence.text) for x in side) for side in (side_a, side_b)) \
        and trusted_date(side_a) and trusted_date(side_b) and (explicit_year(side_a) or explicit_year(side_b))


def close_dates(values: list[str], once: bool = False) -> bool:
    """Two dates (days or months) near enough to be one act told two ways: when both were
    resolved against wrong years they would not lie this close. An act told as the first of
    its kind ("was first told in November 2030" / "... first told on 2 March"), by sides
    whose dates are firm, happened once: its two dates may lie further apart."""
    gap = days_apart(values[0], values[1])
    window = FIRST_WINDOW_DAYS if once else DAY_WINDOW_DAYS if min(map(len, values)) >= 10 else DATE_WINDOW_DAYS
    return min(len(values[0]), len(values[1])) >= 7 and gap is not None and gap <= window


ONCE_WINDOW_DAYS = 31  # how far apart two sources may date an act that happens once (data/lexicons/once_acts)


def once_apart(acts: set[str], values: list[str]) -> bool:
    """Two days of an act that happens once to what it is told of (work begins, a chief
    resigns, a person dies), told by two sources weeks apart: one act, dated two ways."""
    gap = days_apart(values[0], values[1])
    return bool(acts & word_list("once_acts")) and min(map(len, values)) >= 10 and gap is not None and gap <= ONCE_WINDOW_DAYS


def once_told_apart(a: Statement, b: Statement, values: list[str]) -> bool:
    """`once_apart` for two statements: an act of that kind dated in both."""
    acts_a = {x for _, act, _ in act_clauses(a) for x in act}
    return once_apart(acts_a & {x for _, act, _ in act_clauses(b) for x in act}, values)


def apart_days(values: list[str]) -> bool:
    """Two days of one act more than a week apart, not the same day of another year: two
    acts alike in words, even with their years written out (a year misprint, "June 3, 2019"
    against "June 3, 2021", stays a disagreement)."""
    if min(len(values[0]), len(values[1])) < 10 or values[0][4:] == values[1][4:]:
        return False
    gap = days_apart(values[0], values[1])
    return gap is not None and gap > DAY_WINDOW_DAYS


def reading(s: Statement) -> bool:
    """A dated reading of a figure ("as of Sunday, 4,020 cases"; "35 vessels were waiting
    on Wednesday"): such readings recur on many days and date no single act."""
    if re.search(r"\bas of\b", s.sentence.text, re.I):
        return True
    verbs = {t.verb for t in dating(s) if t.verb}
    return bool(s.sentence.quantities) and bool(verbs & READING_VERBS)


def trusted_date(side: list[Statement]) -> bool:
    """A side may accuse another of a wrong date when it writes the year out, or when its
    relative date ("on Tuesday") was resolved against a page date that is firm."""
    return explicit_year(side) or all(not s.weak_date for s in side)


def same_event(a: Statement, b: Statement) -> bool:
    """Two statements tell of one act: many shared words and the same act, or sentences
    that paraphrase each other (embeddings) about an act that happened only once on
    dates close enough to be one event told two ways (days or weeks apart, not years)."""
    shared = a.concepts & b.concepts
    if reading(a) or reading(b):
        return False
    if len(shared) >= DATE_SHARED and overlap(a.concepts, b.concepts) >= DATE_SIMILARITY and same_act(a, b):
        return True
    sim = a.similarity(b)
    if sim is None or sim < DATE_PARAPHRASE or len(shared) < 3:
        return False
    if not (same_act(a, b) or sim >= DATE_SAME_WORDS):
        return False
    da, db = max(event_dates(a), key=len), max(event_dates(b), key=len)
    return close_dates([da, db]) and not (a.weak_date and b.weak_date)


def dated_act(a: Statement, b: Statement) -> list[str] | None:
    """The dates two statements give one act, when they do: the whole sentences tell the
    same act, or the clauses that hold a date each do (same verb, more words in common)."""
    if same_event(a, b):
        if readings(a, b):
            return None
        pairs = [(x, y) for x, act_x, words_x in act_clauses(a) for y, act_y, words_y in act_clauses(b)
                 if act_x & act_y or act_x & words_y or act_y & words_x]
        if not pairs:
            return None  # the dates the two give belong to different acts of their sentences
        if len(event_dates(a)) == 1 and len(event_dates(b)) == 1 or len(pairs) == 1:
            if compatible(*pairs[0]):
                return None  # one act, one date each, and they agree ("March 2020" / "14 May 2020")
            values = list(pairs[0])
        else:
            # several dated acts: the pair of one act whose dates disagree, if none of its
            # dates agree with the other's (a date both give to another act says nothing)
            apart = [(x, y) for x, y in pairs if not compatible(x, y)
                     and not any(compatible(x, v) for v in event_dates(b)) and not any(compatible(u, y) for u in event_dates(a))]
            if not apart:
                return None
            values = [max((x for x, _ in apart), key=len), max((y for _, y in apart), key=len)]
        return values if stands(a, values[0]) and stands(b, values[1]) else None
    sim = a.similarity(b)
    if sim is None or sim < DATE_CLAUSE_SIMILARITY or (a.weak_date and b.weak_date) \
            or len(a.concepts & b.concepts) < (1 if sim >= DATE_SAME_THING else 2):
        return None
    for value_a, act_a, words_a in act_clauses(a):
        for value_b, act_b, words_b in act_clauses(b):
            value_a, value_b = same_year(a, value_a, b, value_b)
            once = "first" in words_a and "first" in words_b and told_once([a], [b])
            if stands(a, value_a) and stands(b, value_b) and not compatible(value_a, value_b) \
                    and (close_dates([value_a, value_b], once) or once_apart(act_a & act_b, [value_a, value_b])) \
                    and (one_act(act_a, words_a, act_b, words_b, sim) or paraphrased_act(a, value_a, act_a, b, value_b, act_b)):
                return [value_a, value_b]
    return None


def paraphrased_act(a: Statement, value_a: str, act_a: set[str], b: Statement, value_b: str, act_b: set[str]) -> bool:
    """The clauses holding the two dates say the same in other words ("the barge was refloated
    on May 2" / "which was raised from the riverbed on May 6"): one kind of act, clauses
    alike in meaning, and no figure that tells two acts apart (a rate raised "to 4.75" and
    "to 5.25" on two days is two raises)."""
    if not act_a & act_b or readings(a, b):
        return False
    phrase_a = next((t.text for t in dating(a) if t.value == value_a and t.text), "")
    phrase_b = next((t.text for t in dating(b) if t.value == value_b and t.text), "")
    sim = clause_similarity(clause_text(a.sentence.text, phrase_a), clause_text(b.sentence.text, phrase_b))
    return sim is not None and sim >= CLAUSE_PARAPHRASE


def same_year(a: Statement, value_a: str, b: Statement, value_b: str) -> tuple[str, str]:
    """A day written without its year on a page whose own date is a guess may lie in
    another year than the guess: read it in the year of the other, firmer, date."""
    loose_a, loose_b = yearless(a, value_a), yearless(b, value_b)
    if loose_b and not loose_a:
        return value_a, value_a[:4] + value_b[4:]
    if loose_a and not loose_b:
        return value_b[:4] + value_a[4:], value_b
    return value_a, value_b


def yearless(s: Statement, value: str) -> bool:
    return s.weak_date and not any(t.value == value and re.search(r"\b\d{4}\b", t.text or "") for t in s.times)


def one_act(act_a: set[str], words_a: set[str], act_b: set[str], words_b: set[str], sim: float) -> bool:
    """Two dated clauses tell one act: the same verb and more words in common ("the first
    case was confirmed on ..."); or one's verb named in the other's clause ("voted on the
    18th to strip the city" / "stripped the city on the 15th"); or, in sentences alike,
    several words of the act in common ("the fire broke out on ... during a test of the
    engine" / "a fire on ... destroyed the engine during a test")."""
    shared = words_a & words_b
    if act_a & act_b:  # one kind of act: the same verb or one of its class ("discovered" / "spotted")
        rest = shared - act_a - act_b
        return len(rest) >= DATE_CLAUSE_SHARED or (len(rest) == DATE_CLAUSE_SHARED - 1 and sim >= DATE_SAME_THING)
    if (act_a & words_b) or (act_b & words_a):
        return len(shared - act_a - act_b) >= DATE_CLAUSE_SHARED - 1 and sim >= DATE_NAMED_ACT
    return len(shared) >= DATE_CLAUSE_WORDS and sim >= DATE_ALIKE


def stands(s: Statement, value: str) -> bool:
    """A date one side may set against another's: written out (named) and not read only
    against a guessed page date (firm)."""
    return named(s, value) and firm(s, value)


def named(s: Statement, value: str) -> bool:
    """The statement writes this date out: a month told as "last month" or a day told as
    "this week" is too loose to set against a day another page names."""
    if any(t.value == value and WEEK.search(t.text or "") for t in dating(s)):
        return False
    return len(value) != 7 or any(t.value == value and MONTH_NAME.search(t.text or "") for t in dating(s))


def readings(a: Statement, b: Statement) -> bool:
    """Both sentences give a figure of one measure, at two values: dated readings of a
    changing state (ships waiting on Wednesday, on Thursday), not one act dated twice. Figures
    of two kinds of thing ("six survivors" / "17 of the 19 miners") are no readings of one
    measure; "35 vessels" / "31 ships" are."""
    figures_b = dated_figures(b)
    return any(qa.unit == qb.unit and qa.value != qb.value
               and (not qa.head or not qb.head or words_alike(qa.head, qb.head))
               for qa in dated_figures(a) for qb in figures_b)


def dated_figures(s: Statement) -> list:
    """The figures of the clauses that hold the statement's dates ("the first 64 families
    moved in on Saturday"), not of its other clauses ("3,600 families now live in the camps,
    ... where the first moved in on June 14"); all of them when no date is written."""
    def compute() -> list:
        clauses = [clause_text(s.sentence.text, t.text) for t in dating(s) if t.text]
        if not clauses:
            return s.sentence.quantities
        return [q for q in s.sentence.quantities if any(q.text in c for c in clauses)]
    return cached(s, "dated_figures", compute)


def act_clauses(s: Statement) -> list[tuple[str, set[str], set[str]]]:
    """(date, act, words of its clause) of each past date at least a month precise that
    dates an act rather than a reading ("had recorded 900 cases as of June 15"). A date
    that names a happening told as a noun ("the May 4 collapse", "the riot on Sunday,
    June 8") dates that happening: its act is the noun's as well as the verb's."""
    def compute() -> list[tuple[str, set[str], set[str]]]:
        out = []
        for t in dating(s):
            if not (t.text and t.value and len(t.value) >= 7) or re.search(r"\bas of\b", t.text, re.I):
                continue
            at = s.sentence.text.find(t.text)
            noun = event_noun(s.sentence.text, at, at + len(t.text)) if at >= 0 else None
            verb = t.verb if t.verb and t.verb not in READING_VERBS | TELLING_VERBS else None
            if verb or noun:
                happening = act_of(noun) if noun else set()
                # the happening also counts as a word both clauses share ("fell during a trial
                # run on Monday" / "... on Wednesday"), besides the act (see one_act)
                words = clause_concepts(s.sentence.text, t.text) | {f"~{x}" for x in happening}
                out.append((t.value, (act_of(verb) if verb else set()) | happening, words))
        return out
    return cached(s, "act_clauses", compute)


# a date that names a happening told as a noun: "the May 4 collapse", "Sunday's riot", "the
# riot at Brannoch on Sunday, June 8", "the accord of May 2" (the noun's own words: no
# date of a deadline or a plan, no reading of a figure, no telling)
DETERMINER = r"(?i:the|its|their|his|her|this|that|last|a|an|whose)"
NOUN_AFTER = re.compile(r"^(?:,?\s*\d{4})?,?(?:'s|’s)?\s+(?P<noun>[a-z][a-z-]{2,})\b")
NOUN_BEFORE = re.compile(rf"\b{DETERMINER}\s+(?:[\w'’-]+\s+){{0,2}}?(?P<noun>[a-z][a-z-]{{2,}})"
                         r"(?:\s+(?:at|in|near|off|outside)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:on|of)\s+$")
BEFORE_DATE = re.compile(rf"(?:\b{DETERMINER}|'s|’s)\s+$", re.I)


@functools.cache
def openers() -> frozenset[str]:
    """Words after which a noun phrase opens a phrase of its own (no verb's object)."""
    return word_list("function_words") | word_list("phrase_openers")


@functools.cache
def agents() -> frozenset[str]:
    """Nouns of those who act (bodies, people, groups): no happening of their own."""
    return frozenset().union(*(word_list(n) for n in (
        "org_heads", "public_body_heads", "speaker_person_nouns", "speaker_role_nouns",
        "speaker_organisation_nouns", "speaker_collective_nouns", "speaker_spokesperson_nouns")))


def event_noun(text: str, start: int, end: int) -> str | None:
    """The noun a date names the happening of, if the date is written as its modifier."""
    phrase = text[start:end]
    lead = re.match(r"(?:on|of)\s+", phrase, re.I)
    before = re.sub(rf"\b(?:{WEEKDAY_RE}),?\s+$", "", text[:start], flags=re.I) + (lead.group(0).lower() if lead else "")  # "on Friday, June 6"
    noun = None
    if lead or re.search(r"\b(?:on|of)\s+$", before):
        m = NOUN_BEFORE.search(before)
        if m:
            # the noun's phrase opens a phrase of its own ("after the riot at ... on Sunday"): after
            # a verb it is the verb's object, and the date the verb's ("got the test findings on Monday")
            lead_in = before[:m.start()]
            word = re.findall(r"[A-Za-z'’-]+", lead_in[-40:])
            opens = not word or word[-1].lower() in openers() \
                or m.group(0).lower().startswith("whose") or re.match(r"[,;:(—–-]", lead_in.rstrip()[-1:] or ",")
            noun = m.group("noun") if opens else None
    else:
        m = NOUN_AFTER.match(text[end:])
        owner = m is not None and re.match(r"(?:,?\s*\d{4},?)?(?:'s|’s)", text[end:]) is not None
        if m and (BEFORE_DATE.search(before) and not owner or owner and re.fullmatch(WEEKDAY_RE, phrase.strip(), re.I)):
            noun = m.group("noun")
    plan = word_list("commitment_noun_cues")
    after = re.match(rf"\s*{re.escape(noun)}\s+([a-z]+)", text[end:]) if noun else None
    if noun is None or noun in word_list("function_words") or noun in plan or after and after.group(1) in plan | {"date"} \
            or noun in agents():  # "A tribunal on Monday found": the date is the verb's
        return None
    return noun


def same_act(a: Statement, b: Statement) -> bool:
    """Both statements date the same kind of act: the verb that governs one's date is
    among the other's verbs."""
    acts_a = {x for t in dating(a) if t.verb for x in act_of(t.verb)}
    acts_b = {x for t in dating(b) if t.verb for x in act_of(t.verb)}
    return bool(acts_a & kinds(b) or acts_b & kinds(a))


def kinds(s: Statement) -> set[str]:
    """The kinds of act the statement's verbs tell (their classes, see act_of)."""
    return s.actions | {x for v in s.actions for x in act_of(v)}
