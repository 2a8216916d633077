"""Commitments: statements that something will happen by a date, and what became of them.

A commitment is read from a future-tense statement with a deadline: a date ("will withdraw
in 2025", "the deadline is Dec. 31", "will stay until the end of 2026"), a period counted
from when it was said ("would leave within 15 days" said on 24 November), or a vague
horizon ("will begin in the coming days", no date). Its status, as of a given day:
- superseded: a later statement about the same action (same act, same forces or country)
  moved the deadline later (`superseded_by` links them, so deadlines drift in chains);
- open: the deadline has not passed;
- met: a statement after it was made reports the action done before the deadline;
- missed: a statement after the deadline says the action is still pending;
- unverified: the deadline passed and nothing in the corpus says what happened.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from ..dates import granularity_of, iso, parse_iso, to_date
from ..model import Commitment, Evidence, TimeValue
from ..store import Store
from .statements import Statement, action_concepts, load_statements

DEADLINE_MODIFIERS = ("by", "until", "till", "before")
OBJECT_CONCEPTS = {"forces", "presence"}
VAGUE_GRACE_DAYS = 30


@dataclass
class Draft:
    statement: Statement
    due: str | None
    stated_on: str | None
    horizon: str  # the words that set the deadline
    statements: list[Statement] = field(default_factory=list)

    @property
    def action(self) -> set[str]:
        acts = set().union(*(s.actions for s in self.statements))
        concepts = set().union(*(s.concepts for s in self.statements))
        if "end" in concepts and "presence" in concepts:
            acts.add("withdraw")  # "their presence will end" is a withdrawal
        return acts - {"set", "continue", "begin", "start"}

    @property
    def objects(self) -> set[str]:
        concepts = set().union(*(s.concepts for s in self.statements))
        return {c for c in concepts if c in OBJECT_CONCEPTS or c.startswith("country:")}


def statement_date(s: Statement, skip: TimeValue | None = None) -> str | None:
    """When a statement was made: a past day it names ("On Nov. 24, X said"), else its page's date."""
    for t in s.times:
        if t is not skip and t.kind == "date" and t.granularity == "day" and t.value \
                and t.tense in ("past", "present") and t.verb in (None, "say", "tell", "state", "announce"):
            return t.value
    return s.published or s.anchor


def add_period(start: str, period: str) -> str | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMY])", period)
    parts = parse_iso(start)
    if not m or not parts:
        return None
    n, unit = float(m.group(1)), m.group(2)
    if unit in "DW" and len(parts) == 3:
        days = n * (7 if unit == "W" else 1)
        return (dt.date(*parts) + dt.timedelta(days=days)).isoformat()
    if unit == "M" and len(parts) >= 2:
        total = parts[0] * 12 + parts[1] - 1 + int(n)
        return iso(total // 12, total % 12 + 1)
    if unit == "Y":
        return iso(parts[0] + int(n))
    return None


def drafts_of(s: Statement) -> list[Draft]:
    out = []
    for t in s.times:
        future = t.tense == "future" or t.modifier in DEADLINE_MODIFIERS
        if not future:
            continue
        stated = statement_date(s, skip=t)
        if t.kind == "date" and t.value:
            if stated and to_date(t.value, end=True) < to_date(stated):
                continue  # a date already past when said is no deadline
            out.append(Draft(s, t.value, stated, t.text, [s]))
        elif t.kind == "duration" and t.value and t.modifier in ("within", "next", "coming") and stated:
            due = add_period(stated, t.value)
            if due:
                out.append(Draft(s, due, stated, t.text, [s]))
        elif t.kind == "date" and t.value is None and t.modifier == "future":
            out.append(Draft(s, None, stated, t.text, [s]))
    return out


def same_action(a: Draft, b: Draft) -> bool:
    """The same act (a shared verb concept) on the same thing: shared forces or countries, or
    at least two other shared concepts ("submit" ... "budget", "government")."""
    acts = a.action & b.action
    if not acts:
        return False
    if a.objects & b.objects:
        return True
    ca = set().union(*(s.concepts for s in a.statements)) - acts
    cb = set().union(*(s.concepts for s in b.statements)) - acts
    return len(ca & cb) >= 3


def later(a: str | None, b: str | None) -> bool:
    """b is strictly later than a, compared at the coarser of their precisions."""
    pa, pb = parse_iso(a), parse_iso(b)
    if not pa or not pb:
        return False
    n = min(len(pa), len(pb))
    return pb[:n] > pa[:n]


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One commitment per action and deadline within a document."""
    merged: list[Draft] = []
    for d in drafts:
        home = next((m for m in merged if m.statement.doc_id == d.statement.doc_id and m.due == d.due
                     and (same_action(m, d) or m.statement.key == d.statement.key
                          or not (m.action and d.action))), None)
        if home is None:
            merged.append(d)
        elif d.statement.key not in {s.key for s in home.statements}:
            home.statements.append(d.statement)
    return merged


def status_of(d: Draft, successors: list[Draft], statements: list[Statement], as_of: dt.date) -> str:
    if successors:
        return "superseded"
    if d.due is None:
        stated = to_date(d.stated_on) if d.stated_on else None
        return "open" if stated is None or (as_of - stated).days <= VAGUE_GRACE_DAYS else "unverified"
    due_end = to_date(d.due, end=True)
    if due_end >= as_of:
        return "open"
    stated = to_date(d.stated_on) if d.stated_on else None
    for s in statements:
        if s.key in {x.key for x in d.statements}:
            continue
        when = s.published or s.anchor
        when_d = to_date(when) if when else None
        probe = Draft(s, None, None, "", [s])
        if not same_action(d, probe) or when_d is None:
            continue
        if re.search(r"\bstill\b", s.sentence.text, re.I) and when_d > due_end:
            return "missed"
        # done: a past-tense statement dating the same act after the promise, by the deadline
        done = [t for t in s.times if t.kind == "date" and t.value and t.tense == "past"
                and t.verb and action_concepts([t.verb]) & d.action]
        for t in done:
            td = to_date(t.value)
            if stated and stated < td <= due_end and when_d >= td:
                return "met"
    return "unverified"


def next_revisions(d: Draft, drafts: list[Draft]) -> list[Draft]:
    """The first later statements about the same action that moved its deadline later."""
    later_ones = [o for o in drafts if o is not d and o.due and d.due and same_action(d, o)
                  and later(d.stated_on, o.stated_on) and later(d.due, o.due)]
    return [o for o in later_ones if not any(later(x.stated_on, o.stated_on) for x in later_ones)]


def cid(d: Draft) -> str:
    s = d.statement
    return "k" + hashlib.sha1(f"{s.doc_id}:{s.sentence.index}:{d.due}".encode()).hexdigest()[:10]


def summary_of(d: Draft) -> str:
    text = re.sub(r"\s+", " ", d.statement.sentence.text).strip()
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


def build_commitments(statements: list[Statement], as_of: dt.date) -> tuple[list[Commitment], dict[str, dict]]:
    drafts = merge_drafts([d for s in statements for d in drafts_of(s)])
    newest = max((to_date(s.published or s.anchor) for s in statements if s.published or s.anchor),
                 default=as_of)
    items, extra = [], {}
    for d in drafts:
        successors = next_revisions(d, drafts)
        by = d.statement.speaker or (f"reported by {d.statement.outlet}" if d.statement.outlet else None)
        k = Commitment(cid(d), summary_of(d), d.due, status_of(d, successors, statements, as_of),
                       d.stated_on, by, sorted(cid(o) for o in successors),
                       [Evidence(s.doc_id, s.sentence.index, s.sentence.text) for s in d.statements])
        items.append(k)
        extra[k.id] = {"deadline_text": d.horizon, "due_granularity": granularity_of(d.due),
                       "status_at_newest_evidence": status_of(d, successors, statements, newest),
                       "newest_evidence": newest.isoformat(),
                       "outlets": sorted({s.outlet or "unknown" for s in d.statements})}
    items.sort(key=lambda k: (k.due or "9999", k.id))
    return items, extra


def find_commitments(store: Store, as_of: dt.date | None = None) -> list[Commitment]:
    items, extra = build_commitments(load_statements(store), as_of or dt.date.today())
    store.replace_commitments(items, extra)
    return items
