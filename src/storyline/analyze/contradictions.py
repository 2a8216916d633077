"""Contradictions: two statements about the same thing whose values cannot both be true.

Three kinds of slot are compared:
- the date of one event: statements alike in what they say (folded words, same actors)
  that date it at incompatible points (January 2018 against 5 January 2020; 2020 and
  5 January 2020 are compatible);
- an amount: durations ("2-5 years" against "three years, shortened to two") proposed or
  demanded by the same party, and counts of the same thing ("2,400 soldiers");
- a direction of change of the same quantity ("reduced its forces" against "an increase
  in the number of American forces").
Each is labelled "between-sources" when different outlets or speakers disagree, or
"change-over-time" when the same source revised itself at a later date.
"""
from __future__ import annotations

import hashlib
import re
from itertools import combinations

from ..dates import parse_iso, to_date
from ..lexicon import direction
from ..model import Contradiction, Evidence
from ..store import Store
from .statements import Statement, action_concepts, load_statements

DATE_SIMILARITY = 0.5
DATE_SHARED = 5
COUNT = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+(?:[a-z-]+\s+){0,2}?"
                   r"(soldiers|troops|people|civilians|dead|deaths|killed|casualties|wounded|"
                   r"injured|refugees|fighters|militants|members|personnel|victims)\b", re.I)


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def compatible(a: str, b: str) -> bool:
    pa, pb = parse_iso(a), parse_iso(b)
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def xid(*parts: str) -> str:
    return "x" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def evidence(s: Statement) -> Evidence:
    return Evidence(s.doc_id, s.sentence.index, s.sentence.text)


def kind_of(a: list[Statement], b: list[Statement]) -> str:
    """Same source at two different times revising itself, or two sources disagreeing."""
    sources_a = {s.source for s in a}
    sources_b = {s.source for s in b}
    if sources_a & sources_b:
        dates = {s.published or s.anchor for s in a} | {s.published or s.anchor for s in b}
        if len(dates) > 1:
            return "change-over-time"
    return "between-sources"


def event_dates(s: Statement) -> list[str]:
    """Past dates a statement gives (not deadlines, not "since" states)."""
    return [t.value for t in dating(s)]


def dating(s: Statement):
    return [t for t in s.times if t.kind == "date" and t.value and t.tense != "future"
            and t.modifier not in ("since", "by", "until", "till", "before", "after")]


def explicit_year(side: list[Statement]) -> bool:
    """Some statement of the side writes its date out with the year: a date resolved only
    against a page's own (maybe wrong) date is too weak to accuse another source with."""
    return any(re.search(r"\b\d{4}\b", t.text) for s in side for t in dating(s))


def same_act(a: Statement, b: Statement) -> bool:
    """Both statements date the same kind of act: the verb that governs one's date is
    among the other's verbs."""
    acts_a = action_concepts([t.verb for t in dating(a) if t.verb])
    acts_b = action_concepts([t.verb for t in dating(b) if t.verb])
    return bool(acts_a & b.actions or acts_b & a.actions)


def date_contradictions(statements: list[Statement]) -> list[tuple[str, list[Statement], list[Statement], dict]]:
    dated = [s for s in statements if event_dates(s)]
    found = []
    seen: set[tuple] = set()
    for a in dated:
        rivals = [b for b in dated if b.doc_id != a.doc_id
                  and len(a.concepts & b.concepts) >= DATE_SHARED
                  and overlap(a.concepts, b.concepts) >= DATE_SIMILARITY
                  and same_act(a, b)
                  and not any(compatible(x, y) for x in event_dates(a) for y in event_dates(b))]
        if not rivals:
            continue
        # the other side: the rivals that agree with each other
        b0 = rivals[0]
        side_b = [b for b in rivals if any(compatible(x, y) for x in event_dates(b) for y in event_dates(b0))]
        side_a = [a] + [s for s in dated if s is not a and s.doc_id not in {b.doc_id for b in side_b}
                        and s.key not in {b.key for b in side_b}
                        and any(compatible(x, y) for x in event_dates(s) for y in event_dates(a))
                        and overlap(a.concepts, s.concepts) >= DATE_SIMILARITY
                        and len(a.concepts & s.concepts) >= DATE_SHARED]
        key = tuple(sorted({x.key for x in side_a} | {x.key for x in side_b}))
        if key in seen or not (explicit_year(side_a) and explicit_year(side_b)):
            continue
        seen.add(key)
        va = max(event_dates(a), key=len)
        vb = max(event_dates(b0), key=len)
        found.append(("date", side_a, side_b, {"values": [va, vb]}))
    return found


def durations(s: Statement) -> set[str]:
    return {t.value for t in s.times if t.kind == "duration" and t.value and
            re.search(r"[YM]", t.value)}


def amount_contradictions(statements: list[Statement]) -> list[tuple[str, list[Statement], list[Statement], dict]]:
    found = []
    proposals = [s for s in statements if durations(s) and "propose" in s.concepts]
    for a, b in combinations(proposals, 2):
        if a.doc_id == b.doc_id or durations(a) == durations(b):
            continue
        parties = {c for c in a.concepts & b.concepts if c.startswith("country:")}
        if parties and (a.concepts & b.concepts) - parties:
            found.append(("duration", [a], [b], {"values": [sorted(durations(a)), sorted(durations(b))]}))
    counted = [(s, COUNT.findall(s.sentence.text)) for s in statements]
    counted = [(s, c) for s, c in counted if c]
    for (a, ca), (b, cb) in combinations(counted, 2):
        if a.doc_id == b.doc_id or overlap(a.concepts, b.concepts) < 0.5 or len(a.concepts & b.concepts) < 4:
            continue
        for na, ua in ca:
            for nb, ub in cb:
                if ua.lower() != ub.lower():
                    continue
                x, y = float(na.replace(",", "")), float(nb.replace(",", ""))
                if abs(x - y) > 0.1 * max(x, y):
                    found.append(("count", [a], [b], {"values": [na, nb], "unit": ua.lower()}))
    return found


QUANTITY_WORDS = {"forces", "troops", "soldiers", "troop", "force", "personnel", "number", "price",
                  "prices", "budget", "spending", "casualties", "deaths", "production", "output"}


def names_in(s: Statement) -> set[str]:
    """Capitalised words after the first: the names a statement speaks of."""
    words = re.findall(r"[A-Za-z][\w'-]*", s.sentence.text)[1:]
    return {w.lower() for w in words if w[0].isupper() and w.lower() not in ("i", "the")}


def fact_time(s: Statement) -> str | None:
    """When what a statement says holds: its own past date, else its document's date."""
    dates = event_dates(s)
    return max(dates, key=len) if dates else (s.published or s.anchor)


def direction_contradictions(statements: list[Statement]) -> list[tuple[str, list[Statement], list[Statement], dict]]:
    found = []
    moving = [(s, direction(s.sentence.text, QUANTITY_WORDS)) for s in statements if s.speaker]
    moving = [(s, d) for s, d in moving if d]
    for (a, da), (b, db) in combinations(moving, 2):
        if da == db or a.source == b.source:
            continue
        ta, tb = fact_time(a), fact_time(b)
        if ta and tb and ta[:4] != tb[:4]:
            continue  # a change in another year is history, not a disagreement
        shared = a.concepts & b.concepts
        parties = {c for c in shared if c.startswith("country:")} | (names_in(a) & names_in(b))
        if parties and shared & {"forces", "number", "price", "budget"}:
            found.append(("direction", [a], [b], {"values": [da, db]}))
    return group_sides(found)


def group_sides(found):
    """Pairs that share a statement become one contradiction: all of one direction against
    all of the other."""
    groups: list[list] = []
    for item in found:
        keys = {s.key for s in item[1] + item[2]}
        home = next((g for g in groups if keys & {s.key for it in g for s in it[1] + it[2]}), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    merged = []
    for g in groups:
        first_dir = g[0][3]["values"][0]
        stmts = {}
        for _, a, b, info in g:
            for s, d in ((a[0], info["values"][0]), (b[0], info["values"][1])):
                stmts[s.key] = (s, d)
        side_a = [s for s, d in stmts.values() if d == first_dir]
        side_b = [s for s, d in stmts.values() if d != first_dir]
        other = "up" if first_dir == "down" else "down"
        merged.append(("direction", side_a, side_b, {"values": [first_dir, other]}))
    return merged


def describe(slot: str, a: list[Statement], b: list[Statement], info: dict) -> str:
    values = info["values"]
    if slot == "date":
        return f"Date of the same event: {human(values[0])} vs {human(values[1])}"
    if slot == "duration":
        return f"Length of the period asked for: {', '.join(values[0])} vs {', '.join(values[1])}"
    if slot == "count":
        return f"Number of {info['unit']}: {values[0]} vs {values[1]}"
    return f"Direction of change: {values[0]} ({a[0].source}) vs {values[1]} ({b[0].source})"


def human(value: str) -> str:
    d = to_date(value)
    parts = parse_iso(value)
    if len(parts) == 3:
        return f"{d.day} {d.strftime('%B %Y')}"
    if len(parts) == 2:
        return d.strftime("%B %Y")
    return value


def build_contradictions(statements: list[Statement]) -> tuple[list[Contradiction], dict[str, dict]]:
    items, extra = [], {}
    for slot, a, b, info in (date_contradictions(statements) + amount_contradictions(statements)
                             + direction_contradictions(statements)):
        cid = xid(slot, *sorted(f"{s.doc_id}:{s.sentence.index}" for s in a + b))
        if cid in extra:
            continue
        items.append(Contradiction(cid, describe(slot, a, b, info), kind_of(a, b),
                                   [[evidence(s) for s in a], [evidence(s) for s in b]]))
        extra[cid] = {"slot": slot, "values": info["values"],
                      "speakers": [sorted({s.source for s in a}), sorted({s.source for s in b})],
                      "outlets": [sorted({s.outlet or "unknown" for s in a}),
                                  sorted({s.outlet or "unknown" for s in b})],
                      "dates": [sorted({s.published or s.anchor or "unknown" for s in a}),
                                sorted({s.published or s.anchor or "unknown" for s in b})]}
    return items, extra


def find_contradictions(store: Store) -> list[Contradiction]:
    items, extra = build_contradictions(load_statements(store))
    store.replace_contradictions(items, extra)
    return items
