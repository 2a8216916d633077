"""Commitments: statements that something will be done by a date, and what became of them.

A commitment is read from a clause that makes a dated action planned, promised, expected,
scheduled, targeted or required ("will open in 2027", "is due to report by September 30",
"no earlier than February 15", "must sell ... by 30 September", "would close within 10
days" said on 2 May); see `commitment_reading`. The same commitment restated by another
page (same due date, same action and theme, see `commitment_matching`) is one item with
more evidence. The store keeps facts only; the status, as of a day, is judged in one place,
`status_of`:
- superseded: a later statement gave the same action and theme another deadline
  (`superseded_by` points to the next link, so deadlines drift in chains);
- met / missed: a later statement reports the action done in time / late or not done;
- open: the deadline has not passed;
- unverified: the deadline passed and nothing in the corpus says what happened.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from ..annotate.told import told_summary
from ..dates import MONTH_RE, WEEKDAY_RE, granularity_of, near_year, parse_iso, to_date
from ..model import Commitment, Evidence
from ..store import Store
from ..story.statements import Statement
from . import commitment_words as words
from .commitment_access import Commitments
from .commitment_chains import first_stated, later, link, same_deadline
from .commitment_dates import add_period, statement_date
from .commitment_matching import (
    MERGE_SCORE,
    OUTCOME_SCORE,
    Report,
    actions_of,
    compatible_due,
    met_in_time,
    names_in,
    objects_in,
    outcome,
    reports,
    similarity,
    theme_of,
)
from .commitment_reading import Deadline, deadlines

__all__ = ["add_period", "status_of", "statement_date", "update_commitments"]

CANDIDATES = 50  # commitments looked up per index key: bounds the work per article
LOOK_BACK = 20  # statements of earlier pages looked up per rare concept for a new commitment's outcome
RARE_KEYS = 4
OUTCOME_ALIKE = 0.6  # a dated act told in a sentence this alike to a promise's may be the promise kept,
OUTCOME_WINDOW_DAYS = 31  # ... when done within this many days of the deadline's end (after it: missed)
NEGATION = re.compile(r"\b(?:not|no|never|without)\b|n't\b", re.I)
THIN_THEME = 1.2  # a clause whose theme weighs less is read with the sentence before it
ATTRIBUTION_WEIGHT = 0.3
CONTEXT_WEIGHT = 0.5


@dataclass
class Draft:
    statement: Statement
    deadline: Deadline
    stated_on: str | None
    statements: list[Statement] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # the sentence before each statement

    @property
    def clauses(self) -> list[str]:
        return [x.clause for x in self.deadlines]

    @property
    def due(self) -> str:
        return self.deadline.due


def drafts_of(s: Statement, role: str = "new", before: str = "") -> list[Draft]:
    return [Draft(s, d, statement_date(s), [s], [d], [before]) for d in deadlines(s) if d.role == role]


def theme_of_deadline(s: Statement, x: Deadline, before: str) -> dict[str, float]:
    """The theme of a deadline's clause: its content at full weight, its attribution ("the
    Joint Committee ... said on Tuesday that") at a third, and, when the clause names its
    subject only by a pronoun ("It will now close on May 2": a theme too thin to compare),
    the rest of its own sentence at half ("... said the new timetable would be late,
    and now plans to publish it on 9 May"), then the sentence before."""
    theme = theme_of(x.clause, actions_of(s, x.clause))
    for c, w in theme_of(x.whole, actions_of(s, x.whole)).items():
        theme.setdefault(c, w * ATTRIBUTION_WEIGHT)
    if sum(theme.values()) < THIN_THEME and len(x.whole) < len(s.sentence.text):
        for c, w in theme_of(s.sentence.text, actions_of(s, s.sentence.text)).items():
            theme.setdefault(c, w * CONTEXT_WEIGHT)
    if before and sum(theme.values()) < THIN_THEME:
        for c, w in theme_of(before).items():
            theme.setdefault(c, w * CONTEXT_WEIGHT)
    return theme


def facts_of(d: Draft) -> dict:
    theme: dict[str, float] = {}
    actions: set[str] = set()
    for s, x, before in zip(d.statements, d.deadlines, d.context, strict=True):
        for c, w in theme_of_deadline(s, x, before).items():
            theme[c] = max(theme.get(c, 0.0), w)
        actions |= actions_of(s, x.clause)
    main = sorted({words.fold(x.verb) for x in d.deadlines if x.verb and x.verb not in words.light_verbs()})
    actions |= set(main)
    theme = {c: w for c, w in sorted(theme.items()) if c not in actions}
    return {"actions": sorted(actions), "main": main, "theme": theme,
            "entities": sorted(set().union(*(s.entities for s in d.statements))),
            "deadline_text": d.deadline.phrase, "due_granularity": granularity_of(d.due),
            "outlets": sorted({s.outlet or "unknown" for s in d.statements}),
            "keys": [list(s.key) for s in d.statements], "clauses": list(d.clauses),
            "heads": [x.whole[: max(0, x.whole.find(x.phrase))] for x in d.deadlines],
            "stated": sorted({x for x in (statement_date(s) for s in d.statements) if x}),
            "drift": any(words.has("drift_cues", c) for c in d.clauses),
            "loose_year": all(x.loose_year for x in d.deadlines),
            "outcomes": [], "corrected_date": any(s.corrected_date for s in d.statements),
            "names": sorted(set().union(*(names_in(x.whole) for x in d.deadlines))),
            "objects": sorted(set().union(*(objects_in(x.clause, x.verb, x.phrase) for x in d.deadlines
                                            if x.verb and x.verb not in words.light_verbs())))}


def index_keys(facts: dict) -> list[str]:
    return sorted(set(facts["actions"]) | set(facts["theme"]))


def merge_score(a: str | None, b: str | None) -> float:
    """How much of the same action and theme makes two statements one commitment: less when
    they name the very same day ("no earlier than February 15" twice)."""
    return MERGE_SCORE * (0.6 if a == b and len(a or "") == 10 else 1.0)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One commitment per action and deadline within a document; a coarser deadline of the
    same action in the same document ("delayed the first flight until next year") joins the
    finer one ("will launch no earlier than February 15, 2025")."""
    merged: list[Draft] = []
    for d in sorted(drafts, key=lambda x: -len(x.due)):
        home = next((m for m in merged if (compatible_due(m.due, d.due) or within(m.due, d.due)) and (
            m.statement.key == d.statement.key or similarity(facts_of(m), facts_of(d)) >= merge_score(m.due, d.due))),
                    None)
        if home is None:
            merged.append(d)
        elif d.statement.key not in {s.key for s in home.statements}:
            home.statements.append(d.statement)
            home.deadlines.append(d.deadline)
            home.context.append(d.context[0])
    return sorted(merged, key=lambda m: (m.statement.sentence.index, m.deadline.start))


def within(finer: str, coarser: str) -> bool:
    a, b = parse_iso(finer) or (), parse_iso(coarser) or ()
    return len(a) > len(b) > 0 and a[: len(b)] == b


def status_of(due: str | None, stated_on: str | None, superseded_by: list[str], facts: dict,
              as_of: dt.date) -> str:
    """The status of a commitment as of a day, from what the corpus says of it: the reports
    dated up to that day count; a miss counts once the deadline has passed."""
    if superseded_by:
        return "superseded"
    if due is None:
        return "unverified"
    known = [[o[0].split("-")[0], *o[1:]] for o in facts.get("outcomes", [])
             if to_date(o[1]) <= as_of]  # (kind, day it happened or was told, ...)
    if any(o[0] == "met" for o in known):
        return "met"
    if any(o[0] == "cancelled" for o in known):
        return "missed"  # called off: it will not be done by then
    if to_date(due, end=True) >= as_of:
        return "open"
    if any(o[0] == "missed" for o in known):
        return "missed"
    return "unverified"


def cid(d: Draft) -> str:
    s = d.statement
    return "k" + hashlib.sha1(f"{s.doc_id}:{s.sentence.index}:{d.due}".encode()).hexdigest()[:10]


def restate(db: Commitments, k: Commitment, f: dict, d: Draft) -> None:
    """Add a restatement (or a recall) of a commitment to its evidence."""
    if d.deadline.role == "new":
        if k.due and within(d.due, k.due):
            k.due = d.due  # "in January", then "on January 15": the finer date of the same deadline
            f["due_granularity"] = granularity_of(d.due)
        g = facts_of(d)
        added = sorted(set(g["actions"]) - set(f["actions"]))
        f["actions"] = sorted(set(f["actions"]) | set(g["actions"]))
        f["main"] = sorted(set(f.get("main", [])) | set(g["main"]))
    else:
        added = []
    for s, x in zip(d.statements, d.deadlines, strict=True):
        if list(s.key) in f["keys"]:
            continue
        f["keys"].append(list(s.key))
        f["clauses"].append(x.clause)
        k.evidence.append(Evidence(s.doc_id, s.sentence.index, s.sentence.text))
        f["outlets"] = sorted(set(f["outlets"]) | {s.outlet or "unknown"})
        said = statement_date(s)
        if said and d.deadline.role == "new":
            f["stated"] = sorted(set(f["stated"]) | {said})
    db.put(k, f, added)


def candidates(db: Commitments, facts: dict, own: set[tuple[str, int]],
               only: str | None = None) -> list[tuple[Commitment, dict]]:
    """The stored commitments sharing an index key with these facts (`only`: that one, if
    it does), but for those holding one of the `own` statements."""
    ids = db.sharing(index_keys(facts), CANDIDATES)
    if only is not None:
        ids = [only] if only in ids else []
    return [(k, f) for k, f in db.get(ids) if not any(tuple(x) in own for x in f["keys"])]


def update_commitments(store: Store, new: list[Statement]) -> int:
    """Read one document's commitments, merge restatements into the commitments they restate,
    link new ones into drift chains, and let the statements tell what became of earlier ones."""
    before = {s.key: p.sentence.text for p, s in zip(new, new[1:], strict=False) if p.doc_id == s.doc_id}
    found = [d for s in new for d in drafts_of(s, before=before.get(s.key, ""))]
    drafts = merge_drafts(found)
    db = Commitments(store)
    created: list[tuple[Commitment, dict]] = []
    for d in drafts:
        if not any(actions_of(s, x.clause) or theme_of(x.clause, actions_of(s, x.clause))
                   for s, x in zip(d.statements, d.deadlines, strict=True)):
            continue  # "We will continue tomorrow": nothing said of what is to be done
        facts = facts_of(d)
        others = candidates(db, facts, set())  # an old deadline its sentence recalls is a candidate too
        same = [(k, f) for k, f in others if same_deadline(k.due, f, d.due, facts)
                and similarity(facts, f) >= merge_score(k.due, d.due)
                and not (facts["drift"] and len(k.due or "") != len(d.due))]  # "now from 25 August": not "in August"
        if same:
            k, f = max(same, key=lambda kf: similarity(facts, kf[1]))
            if f.pop("recalled", False):  # first told only as recalled: this is its own telling,
                k.stated_on = d.stated_on  # which may place it in the chains before links told since
                link(db, (k, f), [(o, g) for o, g in others if o.id != k.id], recalled_dues(d))
            restate(db, k, f, d)
            continue
        s = d.statement
        by = s.speaker or (f"reported by {s.outlet}" if s.outlet else None)
        item = Commitment(cid(d), summary_of(d), d.due, d.stated_on, by, [],
                          [Evidence(x.doc_id, x.sentence.index, x.sentence.text) for x in d.statements])
        link(db, (item, facts), others, recalled_dues(d))
        if d.stated_on and told_missed(d.deadline):
            facts["outcomes"].append(["missed", d.stated_on, d.stated_on, list(s.key)])
        db.put(item, facts, index_keys(facts))
        created.append((item, facts))
        created += recalled_only(db, item, d, others)
    tell_outcomes(db, new)
    for item, facts in created:
        look_back(db, item, facts, {s.doc_id for s in new})
    return len(drafts)


TIME_NAMED = re.compile(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE})\b|\b(?:19|20)\d\d\b", re.I)


NOT_OWN_MISS = re.compile(r"\byet\b|later than|\bafter\b|abandon|\bbut no\b", re.I)


def told_missed(x: Deadline) -> bool:
    """The clause that sets the deadline tells it as one that will go unkept ("its pledge to
    reopen the pier by 1 March will not be met"): a missed cue nearer this deadline's
    words than any other time the clause names ("will not rule until September 15, having
    missed its June 30 deadline" says nothing of September 15), a comma counting as a few
    words. Cues of what is only not yet done ("has yet to") say nothing before the deadline
    has passed, and those that place a day against a deadline ("later than planned",
    "no later than", "after the") or drop a plan ("abandoned") say nothing of this one."""
    at = x.whole.find(x.phrase)
    if at < 0:
        return False
    times = [(at, at + len(x.phrase))] + [m.span() for m in TIME_NAMED.finditer(x.whole)
                                          if not at <= m.start() < at + len(x.phrase)]

    def apart(a: int, b: int) -> int:
        between = x.whole[min(a, b):max(a, b)]
        return len(between.split()) + 3 * between.count(",")

    for m in words.matcher("missed_cues").finditer(x.whole):
        if NOT_OWN_MISS.search(m.group()):
            continue
        gaps = [apart(m.end(), t0) if t0 >= m.end() else apart(t1, m.start()) for t0, t1 in times]
        if gaps[0] < min(gaps[1:], default=gaps[0] + 1):
            return True
    return False


def summary_of(d: Draft) -> str:
    """What an analyst reads of a commitment: the parse's summary of the clause its deadline
    dates ("the board will be asked to confirm it at a meeting on June 2"), else of its
    sentence; a short sentence itself when neither says enough ("Council said", "Was
    realistic"); the sentence, shortened, only when it could not be parsed into one."""
    s, x = d.statement, d.deadline
    own = next((t.summary for t in s.times if t.summary and x.phrase and (x.phrase in t.text or t.text in x.phrase)), None)
    return told_summary(s.sentence.text, own, s.sentence.summary, limit=160, keep=x.phrase)


def recalled_dues(d: Draft) -> list[str]:
    """The earlier deadlines the draft's sentences recall ("first planned for April 4")."""
    return [r.due for x in d.statements for r in deadlines(x) if r.role == "recall"]


def recalled_only(db: Commitments, item: Commitment, d: Draft,
                  others: list[tuple[Commitment, dict]]) -> list[tuple[Commitment, dict]]:
    """The earlier deadline a moved commitment's own sentence recalls ("the swap, meant to
    happen this Friday, will now take place on April 9"), when no page of the story gave it
    before: a commitment of its own, superseded by the new one, evidenced by that sentence."""
    made = []
    for r in (r for s in d.statements[:1] for r in drafts_of(s, role="recall")):
        if not later(r.due, item.due):
            continue
        facts = facts_of(r)
        if any(same_deadline(k.due, f, r.due, facts) and similarity(facts, f) >= MERGE_SCORE * 0.6
               for k, f in others):
            continue  # told before: the recall is evidence of that one (tell_outcomes)
        facts["stated"], facts["recalled"] = [], True
        old = Commitment(cid(r), item.summary, r.due, None, item.committed_by, [item.id], list(item.evidence[:1]))
        db.put(old, facts, index_keys(facts))
        made.append((old, facts))
    return made


def paraphrased_outcome(db: Commitments, k: Commitment, f: dict, rep: Report) -> tuple[str, str] | None:
    """("met", day) when a later statement tells, in other words, of the promised act done on
    a day between the promise and its deadline ("every player will have his salary by April
    10" / "the wages reached the players' accounts on April 9"): a dated act in a sentence alike in
    meaning to the promise's and about the same things; ("missed", day) when it was done
    within as many days after the deadline ("... on April 16")."""
    said, when = first_stated(k, f), rep.when or ""
    if when and k.due and rep.loose_year:
        when = near_year(when, k.due)  # "reached them on April 9" on an undated page: the April nearest the deadline
    if rep.kind != "done" or len(when) < 7 or not k.due or not said \
            or to_date(when) < to_date(said) \
            or abs((to_date(k.due, end=True) - to_date(when, end=True)).days) > OUTCOME_WINDOW_DAYS \
            or any(words.has(cues, rep.clause) for cues in ("missed_cues", "cancel_cues", "pending_cues")) \
            or NEGATION.search(rep.clause):
        return None
    alike = db.alike(f, {"keys": [list(rep.statement.key)]})
    if alike is None or alike < OUTCOME_ALIKE or similarity(f, rep.facts()) < OUTCOME_SCORE * 0.6:
        return None
    return ("met" if met_in_time(when, k.due) else "missed", when)  # done, but late: the deadline was missed


def tell_outcomes(db: Commitments, statements: list[Statement], only: str | None = None) -> None:
    """What these statements say of earlier promises: reports of the action done or not done
    become outcomes, recalled deadlines become evidence."""
    for s in statements:
        for rep in reports(s):
            probe = rep.facts()
            for k, f in candidates(db, probe, {s.key}, only):
                said = outcome(f, k.due, first_stated(k, f), rep) or paraphrased_outcome(db, k, f, rep)
                if said and [said[0], said[1], rep.said, list(s.key)] not in f["outcomes"]:
                    f["outcomes"].append([said[0], said[1], rep.said, list(s.key)])
                    db.put(k, f)
        for r in drafts_of(s, role="recall"):
            facts = facts_of(r)
            for k, f in candidates(db, facts, {s.key}, only):
                if same_deadline(k.due, f, r.due, facts) and \
                        similarity(facts, f) >= MERGE_SCORE * 0.6:
                    restate(db, k, f, r)


def look_back(db: Commitments, item: Commitment, facts: dict, docs: set[str]) -> None:
    """Statements of pages already in the story that may tell what became of a new commitment."""
    rare = sorted(facts["theme"], key=lambda c: (-facts["theme"][c], c))[:RARE_KEYS]
    keys: list[tuple[str, int]] = []
    for doc in sorted(docs):
        keys += [k for k in db.store.index.sharing(rare, doc, LOOK_BACK) if k[0] not in docs]
    data = db.store.index.data(sorted(set(keys)))
    tell_outcomes(db, [Statement.from_data(k, v) for k, v in data.items()], only=item.id)
