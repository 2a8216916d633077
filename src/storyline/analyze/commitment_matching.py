"""Whether two statements speak of the same promised action, and what a later one reports of it.

A commitment is described by its *action* (the verbs of its clause that say what is to be
done, light verbs such as "expect", "plan", "say" or "postpone" left out, each named by its
action group: "finish" and "complete" are one) and its *theme* (the other content words of
the clause, each weighted by how rare the word is in English, so a name, "dryer" or
"ballot" count and "company" hardly does). Two commitments are about the same action and
theme when they share an action group (or one names by a noun the act the other names by a
verb: "the first launch is now planned for ...") and enough of their weighted theme;
two different acts need more of it, and more than one shared word (an actor's name alone
does not make two of its promises one).

A later statement reports what became of a commitment ("outcome") when it is about the same
action and theme and:
- it dates the action in the past ("was fixed on 18 July"; "completed on 19 December"):
  met if that day is on or before the due date (a little after for a coarse due), else missed;
- it reports the action done without a date ("says it has finished fitting ..."), said by
  the due date: met;
- it names the deadline with a missed cue ("missed its own deadline", "came a week after the
  March 31 target", "failed to publish ... by the end of March"), or, said after the due
  date, reports the action still pending ("still", "has yet to", "not yet"): missed;
- it names the deadline with a met cue ("well within the 30 days it had promised",
  "inside the year-end deadline"): met.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from wordfreq import zipf_frequency

from ..annotate.nlp import irregular_verbs
from ..dates import granularity_of, near_year, parse_iso, to_date
from ..lexicon import SYNONYM_GROUPS, concepts, stem
from ..story.statements import Statement
from . import commitment_words as words
from .commitment_dates import loose_year, statement_date
from .commitment_reading import CLAUSE_BREAK, DETERMINED, NAMED_DEADLINE, clause_bounds, deadlines

# The scores below (and ATTRIBUTION_WEIGHT, CONTEXT_WEIGHT, THIN_THEME, EXPLICIT_LINK in
# commitments.py) were calibrated as a set against the development stories and the demo
# (eval/run.py: commitments found, due, status, chains): change one only with the others.
LINK_SCORE = 0.45  # a later deadline of the same action and theme (0.8 of it when it says the date moved)
MERGE_SCORE = 0.5  # a restatement of one commitment (the same due date)
OUTCOME_SCORE = 0.45  # a report of the action done or not done (0.6 of it when it names the deadline)
ON_THE_DAY_ACT = 0.5  # ... of it when the act promised is reported done on the very day promised
LATE_LIMIT = 183  # days after the deadline within which a dated report of the act is this promise kept late
GROUP_ACT = 0.3  # a word of an action group ("open") counts from less: common words weigh little
THEME_ACT = 0.5  # a word of the clause itself (not of its attribution or context) can name the act
CHAINED = "-chained"  # an outcome told of the act as another link of the chain names it
NOT_THE_ACT = re.compile(r"\b(?:not|no|never|without|deadline|target)\b|n't\b", re.I)  # "the deadline passed without ..."
CANCEL_FACTOR = 1.2  # a cancellation names no act of its own: more of the theme must be shared
GRACE_DAYS = {"day": 0, "week": 0, "month": 7, "year": 31}  # a coarse due is met a little after it ends


def theme_of(clause: str, verbs: Iterable[str] = ()) -> dict[str, float]:
    """The theme words of a clause (`theme_key`), each weighted by how rare it is in English
    (wordfreq's Zipf scale): a name or "dryer" weighs 1, "forces" half, "company" a third;
    stop words, cue words, light verbs and the forms of `verbs` (the statement's verbs,
    compared as actions) left out."""
    skip = {words.fold(v) for v in verbs}
    out: dict[str, float] = words.figure_keys(clause)
    for m in TOKEN.finditer(words.without_label(clause)):
        if (key := theme_key(m.group())) and key not in skip:
            out[key] = max(out.get(key, 0.0), 0.6 if key.startswith("country:") else rarity(m.group()))
    return out


TOKEN = re.compile(r"\b(?:U\.S\.|U\.K\.)|[^\W\d_][\w'-]*")
DETERMINERS = {"every", "all", "the", "a", "an", "its", "their", "his", "her", "each", "any", "some", "no",
               "those", "these", "many", "most", "our", "your", "other", "remaining"}


@functools.lru_cache(maxsize=50000)
def theme_key(word: str) -> str | None:
    """One key for the forms of a theme word ("modified", "modifying" -> the action group
    "repair"; "registered", "registration" -> "regist"): the lexicon's group when it folds
    the word into one ("troops" -> "forces"), else `commitment_words.fold`; None for stop
    words, cue words and light verbs."""
    low = word.lower().strip("'-")
    if not low.isascii():
        return low if len(low) > 2 else None  # a name the lexicon cannot spell ("Þórhildur")
    found = concepts(word)
    if len(found) != 1:
        return None
    c = found.pop()
    if c.startswith("country:"):
        return c
    if low in words.not_theme() or stem(low) in words.not_theme():
        return None
    return words.fold(c if c in SYNONYM_GROUPS else low)


@functools.lru_cache(maxsize=20000)
def rarity(word: str) -> float:
    z = zipf_frequency(word.lower().strip("'-"), "en")
    return min(1.0, max(0.1, (7.0 - z) / 4.0))


PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.I)


def objects_in(clause: str, verb: str | None, phrase: str) -> set[str]:
    """The theme keys of what an act is done to: the few words after its verb in the clause,
    up to the time expression ("will open [the new Varro Street library] on May 5"), and of a
    passive the few before it too ("[the permit] will be issued on 2 June")."""
    stop = clause.find(phrase) if phrase and phrase in clause else len(clause)
    head = (verb or "").lower()[: max(3, len(verb or "") - 2)]
    m = next((m for m in TOKEN.finditer(clause[:stop]) if m.group().lower().startswith(head)), None) if verb else None
    passive = PASSIVE_BEFORE.search(clause[:m.start()]) if m else None
    near = list(TOKEN.finditer(clause[m.end():stop]))[:6] if m else []
    parts = re.split(r"[,;:]", clause[:passive.start()]) if passive else []  # "[the alarm system], which ..., will be"
    near += [w for p in {parts[0], parts[-1]} for w in list(TOKEN.finditer(p))[-3:]] if parts else []
    return {key for w in near if (key := theme_key(w.group()))}


def names_in(clause: str) -> set[str]:
    """The theme keys of the words a clause writes with a capital (not its first word): the
    names of who acts and where, which two different promises of one actor share."""
    found = set()
    for m in TOKEN.finditer(clause):
        if m.start() > 0 and m.group()[:1].isupper():
            key = theme_key(m.group())
            if key:
                found.add(key)
    return found


def actions_of(s: Statement, clause: str) -> set[str]:
    """The action groups of a statement's verbs that stand in a clause, light verbs left out,
    and participles used as adjectives ("every registered unit") too."""
    tokens = re.findall(r"[a-z][a-z'-]+", clause.lower())
    out = set()
    for a in s.actions:
        if a in words.light_verbs() or a.startswith("country:"):
            continue
        head = a[: max(4, len(a) - 2)]
        uses = [i for i, t in enumerate(tokens) if t.startswith(head) or irregular_verbs().get(t) == a]  # "paid"
        if not uses and a not in concepts(clause):
            continue
        if uses and all(tokens[i].endswith("ed") and i and tokens[i - 1] in DETERMINERS for i in uses):
            continue
        out.add(words.fold(a))
    return out


def similarity(a: dict, b: dict) -> float:
    """How surely two described clauses (facts with "actions" and a weighted "theme") are
    about the same action and theme, from 0 to 1: the weighted share of the smaller theme
    they have in common, raised when they share an action group (or one names by a noun the
    act the other names by a verb), lowered when both name actions and none is shared."""
    ta: dict[str, float] = {}
    tb: dict[str, float] = {}
    for src, dst in ((a["theme"], ta), (b["theme"], tb)):
        dst.update(src)
    if not ta or not tb:
        return 0.0
    shared = set(ta) & set(tb)
    acts_a, acts_b = set(a["actions"]), set(b["actions"])
    named = (0.0 if acts_b else sum(tb[k] for k in acts_a & set(tb))) + \
        (0.0 if acts_a else sum(ta[k] for k in acts_b & set(ta)))  # "will launch" / "the launch is planned"
    overlap = min(1.0, (sum(max(ta[k], tb[k]) for k in shared) + named) / min(sum(ta.values()), sum(tb.values())))
    oa, ob = set(a.get("objects", [])), set(b.get("objects", []))
    other_things = bool(oa and ob and not oa & ob)  # "open the library" / "publish the budget"
    if acts_a & acts_b or (not acts_a and acts_b & set(ta)) or (not acts_b and acts_a & set(tb)):
        return overlap if other_things else min(1.0, overlap + 0.25)  # the same act, named by a verb or a noun
    if acts_a and acts_b:  # two different acts: of one actor unless more than its names is shared
        plain = shared - set(a.get("names", [])) - set(b.get("names", []))
        return overlap * (0.75 if len(shared) > 1 and plain and not other_things else 0.4)
    return overlap * 0.9


def compatible_due(a: str | None, b: str | None) -> bool:
    """The same deadline written at the same precision, or a month and a day in it ("2025-06"
    and "2025-06-30"); not a year against a month or a day."""
    pa, pb = parse_iso(a), parse_iso(b)
    if not pa or not pb or abs(len(pa) - len(pb)) > 1 or min(len(pa), len(pb)) < 2:
        return pa == pb
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def met_in_time(done: str, due: str) -> bool:
    grace = GRACE_DAYS.get(granularity_of(due) or "day", 0)
    return (to_date(done) - to_date(due, end=True)).days <= grace


@dataclass
class Report:
    """What one later statement says of commitments: done on a day, or not done."""

    statement: Statement
    clause: str
    actions: set[str]
    theme: dict[str, float]
    kind: str  # "done" | "pending" | "missed" | "met" | "cancelled"
    when: str | None  # the day it was done, or the deadline it names
    said: str | None
    loose_year: bool = False  # `when` took its year from an uncertain page date

    def facts(self) -> dict:
        return {"actions": sorted(self.actions), "theme": self.theme}


PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:still\s+)?(?P<neg>not\s+|never\s+)?(?:now\s+|already\s+|finally\s+|yet\s+)?"
                     r"(?:been\s+)?(?P<verb>[a-z]+(?:ed|en|t))\b", re.I)
PAST_REPORT_SKIP = ("since", "after", "later", "before", "earlier", "by", "until")


def _acts_named(s: Statement, word: str) -> set[str]:
    """The action groups of the statement's verbs a word is a form of ("fitted" -> "fit"),
    found by their lemmas and by the lexicon's concepts of them."""
    low = word.lower()
    named = {words.fold(v) for v in s.sentence.verbs if v not in words.light_verbs()
             and len(v) >= 3 and (low.startswith(v[: max(3, len(v) - 1)])  # its lemma ("finished" -> "finish")
                                  or irregular_verbs().get(low) == v)}  # or an irregular form of it ("paid")
    return named | {words.fold(a) for a in s.actions if low.startswith(a[: max(3, min(len(a), 5) - 1)])
                    and a not in words.light_verbs()}


def reports(s: Statement) -> list[Report]:
    """The outcome reports a statement makes (see the module docstring)."""
    text = s.sentence.text
    said = statement_date(s)
    out: list[Report] = []
    recalled = [d for d in deadlines(s) if d.role == "recall" or words.OFFSET_FROM.search(d.whole[: d.whole.find(d.phrase)])]
    for d in recalled:
        kind = words.named_outcome(d.whole, d.phrase)
        if kind:
            acts = words.not_cue_verbs(actions_of(s, d.clause))  # else "..., five days ahead of the deadline": the sentence's
            out.append(Report(s, d.clause, acts or words.not_cue_verbs(actions_of(s, text)), with_context(s, d.clause),
                              kind, d.due, said, d.loose_year))
    for t in s.times:
        if t.kind != "date" or not t.value or t.tense != "past" or not t.verb or t.modifier in PAST_REPORT_SKIP:
            continue
        if t.verb in words.light_verbs() and t.verb not in words.entries("support_verbs") and not words.in_force(text):
            continue
        clause = _clause_of(text, t.text, s)
        before = clause[: max(0, clause.find(t.text))]
        own = _after_other_times(before, s, t)
        if _verb_cue(words.without_kept_deadline(own)) or words.has("pending_cues", clause) \
                or words.SUPPOSED.search(own):
            continue  # "would begin on": a plan; "had not been fitted by", "was supposed to": not done
        if NAMED_DEADLINE.match(clause[clause.find(t.text) + len(t.text):]) and DETERMINED.search(before):
            continue  # "three weeks after the June 2 date": a deadline named, not the day of the act
        acts = {words.fold(t.verb)} | _participles(s, clause) | _past_verbs(s, before)
        if words.in_force(before[-40:]):
            acts.add(words.fold(words.IN_FORCE_ACT))  # "came into force on 1 January"
        if t.verb in words.entries("support_verbs"):  # "handed down its ruling", "the election was held"
            acts |= {c for c, w in theme_of(clause, actions_of(s, clause)).items() if w >= THEME_ACT}
        out.append(Report(s, clause, acts, with_context(s, clause), "missed" if words.partial(text) else "done",
                          t.value, said, s.weak_date and loose_year(t.text)))  # "only 37 percent had it by May 1"
    for m in PERFECT.finditer(text):
        acts = _acts_named(s, m.group("verb"))
        if not acts or words.has("cues", text[: m.start()]):
            continue
        kind = "pending" if m.group("neg") or words.has("pending_cues", text[max(0, m.start() - 12): m.end()]) \
            or words.partial(text) else "done"
        out.append(Report(s, text, acts, theme_of(text, actions_of(s, text)), kind, None, said))
    for clause in _clauses(text):
        cancel = words.matcher("cancel_cues").search(clause)
        if cancel and not words.has("cues", clause[: cancel.start()]) and not re.search(r"\b(?:not|no|never|n't)\b", clause[: cancel.start()]):
            out.append(Report(s, clause, set(), with_context(s, clause), "cancelled", None, said))
    if not recalled:
        for clause in _clauses(text):
            acts = _pending_acts(s, clause)
            if acts:
                out.append(Report(s, clause, acts, with_context(s, clause), "pending", None, said))
    return out


def _after_other_times(before: str, s: Statement, t) -> str:
    """What comes between the statement's last other time expression and a date: a cue
    before that other time dates it, not the dated act ("the footbridge first promised for
    early April at last opened to walkers on 9 May"; "was meant to open on 3 March but
    opened on 11 March")."""
    ends = [i + len(o.text) for o in s.times if o is not t and o.text and (i := before.rfind(o.text)) >= 0]
    return before[max(ends):] if ends else before


def _verb_cue(text: str) -> bool:
    """A cue that makes a plan of what follows, not a noun a determiner leads ("endorsed the
    plan once the members had voted on it on Friday": the vote took place)."""
    return any(not (w := text[: m.start()].split()[-1:]) or w[0].lower() not in DETERMINERS
               for m in words.matcher("cues").finditer(text))


def _clauses(text: str) -> list[str]:
    cuts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _pending_acts(s: Statement, clause: str) -> set[str]:
    """The acts a clause says are not done yet: those named within a few words after a
    pending cue ("has yet to disclose", "has still not been published", "still run only")."""
    found: set[str] = set()
    for m in words.matcher("pending_cues").finditer(clause):
        for w in re.findall(r"[a-z][a-z'-]+", clause[m.end():].lower())[:6]:
            found |= _acts_named(s, w)
    return found


def _participles(s: Statement, clause: str) -> set[str]:
    """Acts a clause reports done with its dated verb (", completing the second drive")."""
    found = set()
    for m in re.finditer(r",\s+([a-z]+ing)\b", clause):
        found |= _acts_named(s, m.group(1))
    return found


def _past_verbs(s: Statement, clause: str) -> set[str]:
    """Other acts the part of a dated clause before its date reports done in the simple past
    ("nurses voted to accept the offer in a ballot that closed on April 17"): past forms of the
    statement's verbs, not adjectives after a determiner ("the revised plan"), nor after a
    modal or "to", nor passive participles ("redundancies caused by automation")."""
    found: set[str] = set()
    for m in re.finditer(r"\b([a-z]+ed)\b(?!\s+by\b)", clause):
        before = clause[: m.start()].split()[-1:]
        if before and before[0].lower() in DETERMINERS | {"to", "will", "would", "had", "be", "been", "being"}:
            continue
        found |= _acts_named(s, m.group(1))
    return found


def with_context(s: Statement, clause: str) -> dict[str, float]:
    """The theme of a clause, with the rest of its sentence at half weight ("we were able to
    close it on 27 June": "it" is named earlier in the sentence)."""
    theme = theme_of(clause, actions_of(s, clause))
    for c, w in theme_of(s.sentence.text, actions_of(s, s.sentence.text)).items():
        theme.setdefault(c, w * 0.5)
    return theme


def _clause_of(text: str, phrase: str, s: Statement) -> str:
    i = max(0, text.find(phrase))
    spans = [(j, j + len(t.text)) for t in s.times if (j := text.find(t.text)) >= 0]
    lo, hi = clause_bounds(text, i, i + len(phrase), spans)
    return text[lo:hi]


def outcome(facts: dict, due: str | None, stated_on: str | None, r: Report) -> tuple[str, str] | None:
    """("met", day) or ("missed", day) when a report tells what became of a commitment
    (the day is when it was done, or when the report was made)."""
    if due is None or r.said is None or (stated_on and to_date(r.said) < to_date(stated_on)):
        return None
    need = OUTCOME_SCORE
    when = near_year(r.when, due) if r.when and r.loose_year else r.when
    if r.kind in ("missed", "met"):
        if not compatible_due(when, due):
            return None
        need = OUTCOME_SCORE * 0.6  # it names the deadline itself
    # done on the very day promised: the day ties the report to the promise told in other
    # words ("to reopen on July 20" / "made her first crossing on Monday July 20")
    on_the_day = r.kind == "done" and bool(when) and len(when or "") == 10 and len(due) == 10 and when == due \
        and not NOT_THE_ACT.search(r.statement.sentence.text)  # "was not tabled before the council rose on"
    acts = set(facts.get("main") or facts["actions"] or
               [c for c, w in facts["theme"].items() if w >= THEME_ACT or (w >= GROUP_ACT and words.is_group(c))])
    if on_the_day:  # the promised act itself, done that very day, needs nothing more in common
        need = OUTCOME_SCORE * (ON_THE_DAY_ACT if r.actions & acts else 0.6)
    if similarity(facts, r.facts()) < need:
        return None
    # "would be open": the act named otherwise, by a word of the clause itself
    pooled = set(facts.get("chain_acts", [])) - acts  # the same act named otherwise by another link of its chain
    if r.kind in ("done", "pending") and not r.actions & acts and r.actions & pooled:
        said = outcome({**facts, "main": sorted(r.actions & pooled)}, due, stated_on, r)
        return (said[0] + CHAINED, said[1]) if said else None
    if r.kind == "cancelled":  # "organisers have cancelled the tournament": it will not be done
        return ("cancelled", r.said) if similarity(facts, r.facts()) >= OUTCOME_SCORE * CANCEL_FACTOR else None
    if r.kind in ("done", "pending") and not r.actions & acts and not on_the_day:
        return None  # reports without the deadline must name the promised action itself
    due_end = to_date(due, end=True)
    if r.kind == "done" and when:
        if stated_on and to_date(when) < to_date(stated_on):
            return None  # done before it was promised: another occasion
        if met_in_time(when, due):
            return ("met", when)
        if (to_date(when) - due_end).days > LATE_LIMIT:
            return None  # done long after: another time the act was done, not this promise kept late
        return ("missed", when)
    if r.kind == "done":
        return ("met", r.said) if to_date(r.said) <= due_end else None
    if r.kind == "met":
        return ("met", r.said)
    if r.kind == "missed":  # said before the deadline only when it says it will not be kept
        keeps = to_date(r.said) >= to_date(due) or re.search(r"\bnot\b|n't\b", r.clause)
        return ("missed", r.said) if keeps else None
    if to_date(r.said) > due_end:  # "still", "has yet to", said after the deadline
        return ("missed", r.said)
    return None
