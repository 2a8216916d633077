"""Commitments: statements that something will happen by a date, and what became of them.

A commitment is read from a future-tense statement with a deadline: a date ("will open
in 2027", "the deadline is March 31", "will stay until the end of 2030"), a period counted
from when it was said ("would close within 10 days" said on 2 May), or a vague
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
from ..lexicon import shorten
from ..model import Commitment, Evidence, TimeValue
from ..store import Store
from ..story.statements import Statement, action_concepts

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
    """When a statement was made: a past day it names ("On May 2, X said"), else its page's date."""
    for t in s.times:
        if t is not skip and t.kind == "date" and t.granularity == "day" and t.value \
                and t.tense in ("past", "present") and t.verb in (None, "say", "tell", "state", "announce"):
            return t.value
    return s.date


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


def facts_of(d: Draft) -> dict:
    concepts = set().union(*(s.concepts for s in d.statements))
    return {"actions": sorted(d.action), "objects": sorted(d.objects), "concepts": sorted(concepts),
            "deadline_text": d.horizon, "due_granularity": granularity_of(d.due),
            "outlets": sorted({s.outlet or "unknown" for s in d.statements}),
            "keys": [list(s.key) for s in d.statements], "met_on": None, "met_by": None, "missed_by": None,
            "corrected_date": any(s.corrected_date for s in d.statements)}


def same_action_facts(a: dict, b: dict) -> bool:
    """The same act (a shared verb concept) on the same thing: shared forces or countries, or
    at least three other shared concepts ("submit" ... "budget", "government", "minister")."""
    acts = set(a["actions"]) & set(b["actions"])
    if not acts:
        return False
    if set(a["objects"]) & set(b["objects"]):
        return True
    return len((set(a["concepts"]) - acts) & (set(b["concepts"]) - acts)) >= 3


def same_action(a: Draft, b: Draft) -> bool:
    return same_action_facts(facts_of(a), facts_of(b))


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


def status_of(due: str | None, stated_on: str | None, superseded_by: list[str], facts: dict,
              as_of: dt.date) -> str:
    """The status of a commitment as of a day, from what the corpus says of it."""
    if superseded_by:
        return "superseded"
    if due is None:
        stated = to_date(stated_on) if stated_on else None
        return "open" if stated is None or (as_of - stated).days <= VAGUE_GRACE_DAYS else "unverified"
    if to_date(due, end=True) >= as_of:
        return "open"
    if facts.get("met_on"):
        return "met"
    if facts.get("missed_by"):
        return "missed"
    return "unverified"


def outcome(facts: dict, due: str | None, stated_on: str | None, s: Statement,
            probe: dict) -> tuple[str, str] | None:
    """("met", date) or ("missed", date) when a statement reports what became of a commitment."""
    if due is None:
        return None
    if not same_action_facts(facts, probe):
        return None
    when = s.date
    if when is None:
        return None
    when_d = to_date(when)
    due_end = to_date(due, end=True)
    if re.search(r"\bstill\b", s.sentence.text, re.I) and when_d > due_end:
        return ("missed", when)
    stated = to_date(stated_on) if stated_on else None
    for t in s.times:
        if t.kind == "date" and t.value and t.tense == "past" and t.verb and \
                action_concepts([t.verb]) & set(facts["actions"]):
            td = to_date(t.value)
            if stated and stated < td <= due_end and when_d >= td:
                return ("met", t.value)
    return None


def cid(d: Draft) -> str:
    s = d.statement
    return "k" + hashlib.sha1(f"{s.doc_id}:{s.sentence.index}:{d.due}".encode()).hexdigest()[:10]


CANDIDATES = 50


def update_commitments(store: Store, new: list[Statement]) -> int:
    """Read one document's commitments, link them into drift chains with the commitments
    about the same action, and let its statements tell what became of earlier ones."""
    drafts = merge_drafts([d for s in new for d in drafts_of(s)])
    for d in drafts:
        facts = facts_of(d)
        own = {s.key for s in d.statements}
        ids = store.items.commitments_sharing(facts["actions"], CANDIDATES)
        others = [(k, f) for k, f in store.items.commitments(ids) if not any(tuple(x) in own for x in f["keys"])]
        others = [(k, f) for k, f in others if same_action_facts(facts, f)]
        mine = cid(d)
        # A page whose date had to be corrected cannot say when its promise was made
        # firmly enough to order a drift chain: it may be moved, it moves nothing.
        later_ones = [(k, f) for k, f in others if k.due and d.due and later(d.stated_on, k.stated_on)
                      and later(d.due, k.due) and not f.get("corrected_date")]
        successors = sorted(k.id for k, f in later_ones
                            if not any(later(x.stated_on, k.stated_on) for x, _ in later_ones))
        for k, f in others:  # earlier promises this one moves
            if facts["corrected_date"] or not (k.due and d.due and later(k.stated_on, d.stated_on) and later(k.due, d.due)):
                continue
            current = store.items.commitments(k.superseded_by) if k.superseded_by else []
            if not current or all(later(d.stated_on, c.stated_on) for c, _ in current):
                k.superseded_by = [mine]
            elif not any(later(c.stated_on, d.stated_on) for c, _ in current) and mine not in k.superseded_by:
                k.superseded_by = sorted(k.superseded_by + [mine])
            else:
                continue
            store.items.upsert_commitment(k, f)
        by = d.statement.speaker or (f"reported by {d.statement.outlet}" if d.statement.outlet else None)
        item = Commitment(mine, shorten(d.statement.sentence.text, 160), d.due, d.stated_on, by, successors,
                          [Evidence(s.doc_id, s.sentence.index, s.sentence.text) for s in d.statements])
        store.items.upsert_commitment(item, facts, facts["actions"])
    # what the new statements say of earlier promises
    for s in new:
        acts = sorted(s.actions)
        could_tell = re.search(r"\bstill\b", s.sentence.text, re.I) or any(
            t.kind == "date" and t.value and t.tense == "past" for t in s.times)
        if not acts or not could_tell:
            continue  # only a dated past act or a "still" can say what became of a promise
        probe = facts_of(Draft(s, None, None, "", [s]))
        for k, f in store.items.commitments(store.items.commitments_sharing(acts, CANDIDATES)):
            if any(tuple(x) == s.key for x in f["keys"]) or f.get("met_on") or f.get("missed_by"):
                continue
            found = outcome(f, k.due, k.stated_on, s, probe)
            if found:
                if found[0] == "met":
                    f["met_on"], f["met_by"] = found[1], list(s.key)
                else:
                    f["missed_by"] = list(s.key)
                store.items.upsert_commitment(k, f)
    return len(drafts)
