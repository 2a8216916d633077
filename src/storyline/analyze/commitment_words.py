"""The commitment judges' word lists, read from `storyline/data/lexicons/commitment_*.txt`.

Each list is a data file headed by comment lines saying what it is for and where it came
from (modality and deadline cues, recall and drift cues, missed and met cues, demand cues,
light verbs, action groups, theme stop words); this module only reads them and compiles
them into whole-word matchers.
"""
from __future__ import annotations

import functools
import re

from ..annotate.nlp import irregular_verbs
from ..annotate.quantities import find_quantities
from ..annotate.tense import move_looked_back
from ..lexicon import _CANON, lexicon_lines, stem


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The lines of data/lexicons/commitment_NAME.txt, lower case, comments left out."""
    return lexicon_lines(f"commitment_{name}")


@functools.cache
def matcher(name: str) -> re.Pattern[str]:
    """One pattern that finds any entry of a list as whole words ("is to", "'ll")."""
    alts = sorted(entries(name), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in alts)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.I)


def has(name: str, text: str) -> bool:
    return bool(matcher(name).search(text))


def last(name: str, text: str) -> re.Match[str] | None:
    """The last match of a list in a text (the cue nearest a following time expression)."""
    found = None
    for m in matcher(name).finditer(text):
        found = m
    return found


@functools.cache
def light_verbs() -> frozenset[str]:
    """Verbs that say how a promise stands, not what is promised: the light verbs and the
    one-word drift cues ("adjourn", "postpone")."""
    return frozenset(entries("light_verbs")) | frozenset(e for e in entries("drift_cues") if " " not in e)


SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ed", "es", "s")


def strip_suffix(word: str) -> str:
    low = word.lower()
    for suffix in SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)]
    return low


@functools.lru_cache(maxsize=50000)
def base(word: str) -> str:
    """One short form for the forms of a word ("modified", "modifying", "modification" ->
    "modif"; "registered", "registration" -> "regist")."""
    low = strip_suffix(word)
    if len(low) > 3 and low[-1] == low[-2] and low[-1] not in "aeiouls":
        low = low[:-1]  # "shipped" -> "ship", "fitted" -> "fit"
    low = low[:6]
    return low.rstrip("eiy") if len(low.rstrip("eiy")) >= 4 else low


@functools.cache
def _groups() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in entries("action_groups"):
        group = line.split()
        for w in group:
            for form in (w, strip_suffix(w), stem(w), w.rstrip("e")):
                out.setdefault(form, group[0])
    for line in entries("action_groups"):  # the lexicon's group of a word names the same act
        group = line.split()
        for w in group:
            canon = _CANON.get(w) or _CANON.get(stem(w))
            if canon:
                out.setdefault(canon, group[0])
    return out


def is_group(key: str) -> bool:
    """Whether a folded key names an action group ("open", "complete", "decide")."""
    return key in set(_groups().values())


@functools.lru_cache(maxsize=50000)
def fold(word: str) -> str:
    """One key for the forms of a word, whichever way it came (a verb's lemma, a statement's
    action concept, a theme word): its action group ("finishing" -> "complete"; "ratify",
    which the lexicon folds into "approve", -> "decide"), else the lexicon's synonym group
    ("forces", "withdraw"), else its short form (`base`)."""
    low = word.lower()
    groups = _groups()
    canon = _CANON.get(low) or _CANON.get(stem(low))
    for form in (low, strip_suffix(low), stem(low), strip_suffix(low) + "e", canon):
        if form and form in groups:
            return groups[form]
    if canon:
        return canon
    return base(low)


IN_FORCE = re.compile(r"\b(?:take|takes|took|taken|taking|come|comes|came|coming|enter|enters|entered|entering|"
                      r"go|goes|went|gone|going)\s+(?:into\s+)?(?:force|effect)\b", re.I)
IN_FORCE_ACT = "in-force"  # "takes effect", "came into force", "enters into force": one act


def in_force(text: str) -> bool:
    """Whether a text says a rule starts to apply, however it is worded."""
    return bool(IN_FORCE.search(text))


@functools.cache
def not_theme() -> frozenset[str]:
    """Words that say nothing of a commitment's theme: the theme stop words, the one-word
    cues of every list and the light verbs."""
    found = set(entries("theme_stopwords")) | set(light_verbs())
    for name in ("cues", "recall_cues", "drift_cues", "missed_cues", "pending_cues", "met_cues", "cancel_cues"):
        found |= {e for e in entries(name) if " " not in e}
    return frozenset(found | {stem(w) for w in found})


# a move of a date: the date it starts from ("pushed back to 2 July from 4 June", "moved from 4 June"), and
# the date it goes to, whatever recall cue comes before ("came after the board postponed the vote until March 8")
MOVE_VERB = r"(?:pushed\s+back|pushed|moved|postponed|delayed|brought\s+forward|rescheduled|slipped|put\s+off|deferred|adjourned|shifted)"
MOVED_FROM = re.compile(rf"\b{MOVE_VERB}\s+(?:[\w'-]+\s+){{0,4}}?(?:(?:to|until|till|into)\s+[^,;]{{1,30}}?\s+)?from\s+"
                        r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:earlier\s+|original\s+|previous\s+|planned\s+|scheduled\s+)?$", re.I)
MOVED_UNTIL = re.compile(rf"(?<!\bhad\sbeen\s)(?<!\bhas\sbeen\s)\b{MOVE_VERB}\s+(?:[\w'-]+\s+){{0,5}}?"
                         r"(?:from\s+[^,;]{1,30}?\s+)?(?:to|until|till|into)\s+(?:the\s+)?$", re.I)
# the date a move went from, told before the move ("the promise of power by the end of March has
# slipped to the end of May"): the old deadline
MOVED_AWAY = re.compile(rf"^[^.;]{{0,40}}?\b(?:has|have|had|was|were)\s+(?:now\s+)?(?:been\s+)?{MOVE_VERB}\s+"
                        r"(?:again\s+)?(?:to|until|till|into)\b", re.I)
# "five days ahead of the end-of-June deadline", "a week after its March 31 target": a deadline
# named as the reference of a done act, not promised
OFFSET_FROM = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:before|ahead\s+of|after|later\s+than|earlier\s+than)"
                         r"\s+(?:(?:the|its|their|his|her|[a-z]+'s)(?:\s+[\w'-]+){0,3}\s*)?$", re.I)  # or the phrase's own "the"


LABEL = re.compile(r"^\s*[A-Za-z][\w.'\u2019-]*(?:\s+[A-Za-z][\w.'\u2019-]*){0,3}\s*:\s+")  # "mara velt: ...", "Update: ..."
FIGURE_WEIGHT = 0.8  # a target's figure ("60 percent", "sixty percent") names it about as well as a rare word


def without_label(clause: str) -> str:
    """The clause without a leading label (a transcript's speaker, "Update:"): not what is promised."""
    return LABEL.sub("", clause, count=1)


def figure_keys(clause: str) -> dict[str, float]:
    """Theme keys of the shares and sums a clause names ("60 percent by September 30", "sixty
    percent by the end of the year"): one key a figure however it is written."""
    return {f"#{q.value:g}{q.unit}": FIGURE_WEIGHT for q in find_quantities(clause)
            if q.unit == "percent" or q.unit.startswith("money")}


# a plan told in the passive, looked back on ("which was promised by September 30")
PASSIVE_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:promised|pledged|scheduled|planned|set|due|expected|meant)"
                          r"\b[^.;]{0,60}?\b(?:by|for|on|in|until)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


# a plan told in the past perfect ("had promised to pay by June 27", "had vowed to sign it by
# December 15"): told after it was made, the day may be past
PERFECT_PLAN = re.compile(r"\bhad\s+(?:(?:already|originally|initially|first|earlier|once|repeatedly)\s+)?"
                          r"(?:promised|pledged|vowed|planned|aimed|intended|undertaken|committed|hoped|expected|targeted|"
                          r"said|told|insisted|announced|agreed)\b[^.;]{0,60}?\b(?:by|for|on|in|until|before)\s+(?:the\s+)?"
                          r"(?:end\s+of\s+)?$", re.I)


# a promise told as made at some earlier time, with no day of making it ("the grants the
# council promised them by mid-October", "kiosks she promised would be running by 12
# March", "despite his promise that the refunds would come in August"): the day may be
# past; a promise made on a day the sentence gives ("promised on Monday to ...") is the telling's
PAST_PROMISE = re.compile(r"\b(?:promised|pledged|vowed|(?:promise|pledge|vow)\s+that)\b"
                          r"(?:(?!\b(?:on|this|last|yesterday|today|will|shall)\b)[^.;]){0,80}?"
                          r"\b(?:by|for|on|in|until|before)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


# a target set, told as a past act ("the airline set a new target of September 15"): the day
# may lie on either side of the telling, and when it lies before, the target is still one
TARGET_SET = re.compile(r"\b(?:set|gave|fixed)\s+(?:it(?:self)?\s+|them(?:selves)?\s+)?an?\s+(?:new\s+|fresh\s+|revised\s+|later\s+)?"
                        r"(?:target|deadline|date)\s+(?:of|for)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


# a move told as done ("was postponed until May 20", "has slipped to June 30", "pushed it back
# to 20 March"): the day moved to may already lie a little before the telling
MOVE_DONE = re.compile(r"\b(?:(?:was|were|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?(?:\w+ed|put)|(?:has|have)\s+(?:\w+ly\s+)?"
                       r"(?:slipped|shifted|moved)|(?<!\bbe\s)(?:postponed|delayed|rescheduled|adjourned|pushed|moved|"
                       r"deferred|slipped|extended|shifted|put))\b(?:(?!\b(?:will|would|shall|could|might|should)\b)[^.;]){0,120}?"
                       r"\b(?:to|until|till)\s+(?:the\s+)?$", re.I)
MOVE_STEMS = re.compile(r"\b(?:postpon|delay|reschedul|adjourn|push|mov|put|defer|slipp|extend|shift)", re.I)
NOT_DONE = re.compile(r"\b(?:will|would|shall|could|may|might|should|to|be|'ll|expected|likely|plans?|wants?)\s+"
                      r"(?:\w+\s+)?$", re.I)
WEEKDAY_TAIL = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?$", re.I)


def looked_back(text: str, start: int, role: str) -> str:
    """A new deadline's role for placing its year: "recall" (the nearest such day) when the
    words before it tell a plan or a move looked back on ("which was promised by September
    30", "which had been moved to May 4", "that was pushed back to August 15 in April", "set
    a new target of September 15"); "loose" (a few months back or ahead) when they tell a
    move done ("was postponed until May 20")."""
    before = WEEKDAY_TAIL.sub("", text[max(0, start - 140):start])
    back = PASSIVE_PLAN.search(before[-100:]) or PERFECT_PLAN.search(before[-100:]) or TARGET_SET.search(before[-100:]) \
        or PAST_PROMISE.search(before[-100:]) or move_looked_back(text, start)
    if role == "new" and not back:
        done = MOVE_DONE.search(before)
        if done and MOVE_STEMS.search(done.group()) and not NOT_DONE.search(before[:done.start()]):
            return "loose"
    return "recall" if role == "new" and back else role


# "the March 31 deadline set by the government in November": when a deadline was set (set_when)
SET_WHEN = re.compile(r"\b(?:deadline|date|target|timetable|goal)s?\s+(?:(?:was|were|had\s+been)\s+)?(?:set|agreed|fixed|given)\s+"
                      r"(?:by\s+(?:[\w'\u2019.-]+\s+){1,5}?)?(?:in|on|at|last|this)\s+(?:the\s+)?$", re.I)
# "had promised to do so within ten days": a period counted from a day the sentence does not give
PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:already|originally|initially|first|earlier|once)\s+)?(?:been\s+)?"
                          r"(?:[a-z]+ed|said|told|set|given|taken|made|sworn|undertaken)\b", re.I)


def set_when(left: str, phrase: str) -> bool:
    """The time phrase tells when a deadline was set ("the March 31 deadline set by the
    government in November"), not a deadline."""
    opening = re.match(r"(?:in|on|at|last|this)\s+(?:the\s+)?", phrase, re.I)
    return bool(SET_WHEN.search(left + (opening.group() if opening else "")))


def is_demand(left: str) -> bool:
    """Someone's demand or proposal, not a promise ("the union is demanding a guarantee until
    2030"); a passive participle ("the work demanded by the regulator") is no demand."""
    m = last("demand_cues", left)
    return m is not None and not re.match(r"\s+by\b", left[m.end():])


def period_of_a_thing(left: str) -> bool:
    m = re.search(r"([\w'-]+)\s+for\s+(?:the\s+)?(?:(?:fiscal|financial|calendar|school|academic)\s+)?(?:year\s+)?$", left, re.I)
    if not m:
        return False
    word = m.group(1).lower()
    return not (word.endswith("ed") or word in {"in", "out", "back", "on", "up", "off"} or has("cues", word)
                or has("drift_cues", word))


MODAL_AHEAD = re.compile(r"\b(?:will|won't|shall)\b", re.I)
# ", will not happen until", ", is now expected": a main clause that moves or denies the deadline before it
MAIN_CLAUSE_MOVES = re.compile(r"\s*,\s+(?:(?:will|won't|would|is|are|was|were|has|have|had)\s+(?:now\s+|still\s+)?"
                               r"(?:not|no\s+longer|never)|(?:will|is|are)\s+now)\b", re.I)


def cue_spent(text: str, cue_end: int, start: int, spans: list[tuple[int, int]]) -> bool:
    """A recall cue governs the time after it, not one told after another time and a "will"
    ("originally due by December 3, will not happen until December 12")."""
    return any(cue_end <= a and b <= start and MODAL_AHEAD.search(text[b:start]) for a, b in spans)


def moved_by_main_clause(right: str, end: int, spans: list[tuple[int, int]]) -> bool:
    """A deadline told between commas that the main clause then moves or denies, with a later
    time ("certification of the result, due by December 3, will not happen until December 12")."""
    return bool(MAIN_CLAUSE_MOVES.match(right)) and any(a >= end for a, _ in spans)


SUPPOSED = re.compile(r"\b(?:was|were|is|are)\s+supposed\s+to\b", re.I)  # a plan told as not kept


@functools.cache
def _cue_verbs() -> frozenset[str]:
    """The verbs the outcome cues are made of ("kept to", "met its", "missed", "beat"), as lemmas."""
    first = {e.split()[0] for e in entries("met_cues")} | {e for e in entries("missed_cues") if " " not in e}
    return frozenset({irregular_verbs().get(w, w) for w in first} | {stem(w) for w in first})


def not_cue_verbs(acts: set[str]) -> set[str]:
    """Acts but those that only say how a deadline went ("kept to the May 2 start date")."""
    return {a for a in acts if a not in _cue_verbs() and stem(a) not in _cue_verbs()}


PART_OF = re.compile(r"\b\d[\d,]*\s+of\s+(?:the|its|their)\s+\d", re.I)  # "1,200 of the 2,000 cabins"


@functools.lru_cache(maxsize=4096)  # asked once per dated report of a sentence
def partial(text: str) -> bool:
    """A sentence that tells a promise kept only in part: a partial cue before a figure ("only
    37 percent had received it", "210 homes, against the 800 it had promised"), a shortfall
    ("short of its promise"), or a part of a figure ("1,200 of the 2,000 cabins")."""
    return any(re.match(r"\s*(?:[a-z]+\s+){0,2}\d", text[m.end():], re.I) for m in matcher("partial_cues").finditer(text)) \
        or has("shortfall_cues", text) or bool(PART_OF.search(text))


@functools.cache
def past_forms(verb: str) -> tuple[str, ...]:
    """The irregular past forms of a verb ("hold" -> "held"), from the model's lemmatizer tables."""
    return tuple(sorted(f for f, lemma in irregular_verbs().items() if lemma == verb and not f.endswith(("ing", "s"))))


def done_then(left: str, verb: str) -> bool:
    """The date's own verb is in the simple past, active, before it in the clause ("bidding,
    which will carry ..., opened on Tuesday"): an act done on that day, whatever cue comes before."""
    stem = verb[:-1] if verb[-1:] in ("e", "y") else verb
    irregular = "".join(f"|{f}" for f in past_forms(verb))  # "began", "held"
    found = list(re.finditer(rf"\b(?:{re.escape(stem)}\w*ed{irregular})\b", left, re.I))
    if not found:
        return False
    before = left[max(0, found[-1].start() - 20):found[-1].start()]
    if re.search(r"\b(?:and|or|then)\s+$", before, re.I) and \
            re.search(r"\b(?:will|would|shall|to|could|may|might|must|should)\b", left[:found[-1].start()], re.I):
        return False  # "would be shipped in the spring and assembled from June": the modal is shared
    return not re.search(r"\b(?:to|will|would|shall|has|have|had|be|been|being|is|are|was|were|not|n't)\s+"
                         r"(?:\w+\s+)?$", before, re.I)


def last_cue_end(left: str) -> int:
    """Where the last commitment cue before a time ends (0 when there is none)."""
    m = last("cues", left)
    return m.end() if m else 0


def named_outcome(whole: str, phrase: str) -> str | None:
    """What a clause says of the deadline it names: "missed" ("came in nine days past the
    June 30 target", "failed to ... by", "would not be met"), "met" ("four days before the
    regulator's deadline of 12 May", "comfortably inside the promised 60 days"), or nothing."""
    before = whole[: max(0, whole.find(phrase))]
    m = OFFSET_FROM.search(before)
    if m:
        return "met" if re.search(r"before|ahead|earlier", m.group(), re.I) else "missed"
    if has("missed_cues", whole):
        return "missed"
    if has("met_cues", whole):
        return "met"
    return None


KEPT_NOUN = re.compile(r"^\s+(?:[\w'-]+\s+){0,2}?(?:deadlines?|targets?|goals?|dates?|promises?|pledges?)\b", re.I)


def without_kept_deadline(text: str) -> str:
    """A clause without the deadline a met cue names ("met its deadline, publishing the rules
    on June 28"): that noun is no plan of the dated act."""
    m = last("met_cues", text)
    return text[: m.start()] + KEPT_NOUN.sub(" ", text[m.end():]) if m else text
