"""Contradictions: two statements about the same thing whose values cannot both be true.

Three kinds of slot are compared:
- the date of one event: statements alike in what they say (folded words, same actors)
  that date it at incompatible points (March 2019 against 14 May 2020; 2020 and
  14 May 2020 are compatible);
- an amount: durations ("4-6 months" against "a year") proposed or
  demanded by the same party, and counts of the same thing ("2,400 soldiers");
- a direction of change of the same quantity ("cut its troops" against "an increase
  in the number of troops").
Each is labelled "between-sources" when different outlets or speakers disagree, or
"change-over-time" when the same source revised itself at a later date.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from ..dates import compatible, maybe_date, parse_iso, to_date
from ..lexicon import direction
from ..model import Contradiction, Evidence
from ..store import Store
from ..story.statements import Statement, action_concepts, candidates, judgeable
from .amounts import amount_findings, dating, overlap

DATE_SIMILARITY = 0.5
DATE_SHARED = 5
DATE_PARAPHRASE = 0.68  # sentence similarity of two tellings of one dated act
DATE_WINDOW_DAYS = 45  # two dates of one act told differently lie this close
DATE_SAME_WORDS = 0.8  # ... or say the same so closely that the verbs need not match


def xid(*parts: str) -> str:
    return "x" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def evidence(s: Statement) -> Evidence:
    return Evidence(s.doc_id, s.sentence.index, s.sentence.text)


def kind_of(a: list[Statement], b: list[Statement]) -> str:
    """Same source at two different times revising itself, or two sources disagreeing."""
    sources_a = {s.source for s in a}
    sources_b = {s.source for s in b}
    if sources_a & sources_b:
        dates = {s.date for s in a} | {s.date for s in b}
        if len(dates) > 1:
            return "change-over-time"
    return "between-sources"


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


def close_dates(values: list[str]) -> bool:
    """Two day dates near enough to be one act told two ways."""
    xa, xb = maybe_date(values[0]), maybe_date(values[1])
    return len(values[0]) == len(values[1]) == 10 and xa is not None and xb is not None \
        and abs((xa - xb).days) <= DATE_WINDOW_DAYS


READING_VERBS = {"be", "have", "record", "register", "wait", "remain", "stand", "total", "reach",
                 "rise", "climb", "fall", "report", "count", "number"}


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
    if len(da) < 7 or len(db) < 7:
        return False  # a bare year is too coarse to accuse another source with
    xa, xb = maybe_date(da), maybe_date(db)
    return xa is not None and xb is not None and abs((xa - xb).days) <= DATE_WINDOW_DAYS \
        and not (a.weak_date and b.weak_date)


def same_act(a: Statement, b: Statement) -> bool:
    """Both statements date the same kind of act: the verb that governs one's date is
    among the other's verbs."""
    acts_a = action_concepts([t.verb for t in dating(a) if t.verb])
    acts_b = action_concepts([t.verb for t in dating(b) if t.verb])
    return bool(acts_a & b.actions or acts_b & a.actions)


QUANTITY_WORDS = {"forces", "troops", "soldiers", "troop", "force", "personnel", "number", "price",
                  "prices", "budget", "spending", "casualties", "deaths", "production", "output"}


def names_in(s: Statement) -> set[str]:
    """Capitalised words after the first: the names a statement speaks of."""
    words = re.findall(r"[A-Za-z][\w'-]*", s.sentence.text)[1:]
    return {w.lower() for w in words if w[0].isupper() and w.lower() not in ("i", "the")}


def fact_time(s: Statement) -> str | None:
    """When what a statement says holds: its own past date, else its document's date."""
    dates = event_dates(s)
    return max(dates, key=len) if dates else (s.date)


def describe(slot: str, a: list[Statement], b: list[Statement], info: dict) -> str:
    values = info["values"]
    if slot == "date":
        return f"Date of the same event: {human(values[0])} vs {human(values[1])}"
    if slot == "duration":
        return f"Length of the period asked for: {', '.join(values[0])} vs {', '.join(values[1])}"
    if slot == "amount":
        what = info["unit"]
        label = {"percent": "Share", "bp": "Change in basis points"}.get(what) or (
            "Amount of money" if what.startswith("money") else "Length" if what.startswith("length")
            else f"Number of {what}s" if not what.endswith("s") else f"Number of {what}")
        return f"{label}: {values[0]} vs {values[1]}"
    return f"Direction of change: {values[0]} ({a[0].source}) vs {values[1]} ({b[0].source})"


def human(value: str) -> str:
    parts = parse_iso(value)
    if not parts:
        return value
    d = to_date(value)
    if len(parts) == 3:
        return f"{d.day} {d.strftime('%B %Y')}"
    if len(parts) == 2:
        return d.strftime("%B %Y")
    return value


def durations(s: Statement) -> set[str]:
    return cached(s, "durations", lambda: {t.value for t in s.times if t.kind == "duration" and t.value
                                           and re.search(r"[YM]", t.value)})


def pair_findings(a: Statement, b: Statement) -> list[tuple[str, dict]]:
    """The slots on which two statements disagree, with the values each gives."""
    found: list[tuple[str, dict[str, Any]]] = []
    shared = a.concepts & b.concepts
    if a.doc_id != b.doc_id and event_dates(a) and event_dates(b) and same_event(a, b) \
            and not any(compatible(x, y) for x in event_dates(a) for y in event_dates(b)):
        found.append(("date", {"values": [max(event_dates(a), key=len), max(event_dates(b), key=len)]}))
    if a.doc_id != b.doc_id and durations(a) and durations(b) and durations(a) != durations(b) \
            and "propose" in a.concepts and "propose" in b.concepts:
        parties = {c for c in shared if c.startswith("country:")}
        if parties and shared - parties:
            found.append(("duration", {"values": [sorted(durations(a)), sorted(durations(b))]}))
    found += amount_findings(a, b)
    da = cached(a, "direction", lambda: direction(a.sentence.text, QUANTITY_WORDS)) if a.speaker else None
    db = cached(b, "direction", lambda: direction(b.sentence.text, QUANTITY_WORDS)) if b.speaker else None
    if da and db and da != db and a.source != b.source:
        ta, tb = fact_time(a), fact_time(b)
        parties = {c for c in shared if c.startswith("country:")} | (names_in(a) & names_in(b))
        if not (ta and tb and ta[:4] != tb[:4]) and parties and shared & {"forces", "number", "price", "budget"}:
            found.append(("direction", {"values": [da, db]}))
    return found


def side_value(slot: str, s: Statement, info: dict, first: bool) -> object:
    """What a statement says on the slot, to place it on the side that says the same."""
    if slot == "date":
        return max(event_dates(s), key=len) if event_dates(s) else None
    if slot == "direction":
        return direction(s.sentence.text, QUANTITY_WORDS)
    if slot == "amount":
        return next((q.value for q in s.sentence.quantities
                     if f"{q.unit}:{q.head or ''}" == info.get("measure")), None)
    return info["values"][0 if first else 1]


def fits(slot: str, value, side_values: list) -> bool:
    if value is None:
        return False
    if slot == "date":
        return all(compatible(value, v) for v in side_values)
    if slot == "amount":
        return any(isinstance(v, float) and abs(value - v) <= 0.02 * max(value, v) for v in side_values)
    return value in side_values


def describe_sides(slot: str, a: list[Statement], b: list[Statement], info: dict) -> tuple[str, str, dict]:
    summary = describe(slot, a, b, info)
    extra = {"slot": slot, "values": info["values"],
             **{k: info[k] for k in ("unit", "measure", "similarity") if k in info},
             "speakers": [sorted({s.source for s in a}), sorted({s.source for s in b})],
             "outlets": [sorted({s.outlet or "unknown" for s in a}), sorted({s.outlet or "unknown" for s in b})],
             "dates": [sorted({s.date or "unknown" for s in a}),
                       sorted({s.date or "unknown" for s in b})]}
    return summary, kind_of(a, b), extra


def update_contradictions(store: Store, new: list[Statement],
                          pools: dict[tuple[str, int], list[Statement]] | None = None) -> int:
    """Compare one document's statements with those they may contradict; returns how many
    contradictions it created (others it may join)."""
    created = 0
    for i, s in enumerate(new):
        if pools is not None and s.key in pools and not pools[s.key] and not judgeable(s):
            continue
        others = (pools[s.key] if pools is not None else candidates(store, s)) + new[:i]
        for o in others:
            for slot, info in pair_findings(o, s):
                if join_existing(store, slot, o, s, info):
                    continue
                side_a, side_b = [o], [s]
                if slot == "date":
                    pool = [x for x in others if x.key not in (o.key, s.key) and event_dates(x)
                            and overlap(x.concepts, s.concepts) >= DATE_SIMILARITY and same_act(x, s)]
                    side_a += [x for x in pool if fits("date", side_value("date", x, info, True), [info["values"][0]])
                               and x.doc_id != s.doc_id]
                    side_b += [x for x in pool if fits("date", side_value("date", x, info, False), [info["values"][1]])
                               and x.doc_id != o.doc_id]
                    if not (explicit_year(side_a) and explicit_year(side_b)) and \
                            not (close_dates(info["values"]) and trusted_date(side_a) and trusted_date(side_b)):
                        continue
                cid = xid(slot, *sorted(f"{x.doc_id}:{x.sentence.index}" for x in (o, s)))
                summary, kind, extra = describe_sides(slot, side_a, side_b, info)
                store.items.upsert_contradiction(Contradiction(cid, summary, kind), extra,
                                           [[x.key for x in side_a], [x.key for x in side_b]])
                created += 1
    return created


def join_existing(store: Store, slot: str, o: Statement, s: Statement, info: dict) -> bool:
    """Put `s` on its side of a contradiction that already holds `o` (or itself)."""
    existing = store.items.contradictions_with([o.key, s.key], slot)
    for cid, found in existing.items():
        members = found["members"]
        extra = found["extra"]
        for side in (0, 1):
            side_values = [side_value(slot, x, extra, side == 0)
                           for x in _statements(store, members[side])]
            if s.key not in members[side] and fits(slot, side_value(slot, s, info, False), side_values):
                members[side].append(s.key)
                a, b = _statements(store, members[0]), _statements(store, members[1])
                summary, kind, new_extra = describe_sides(slot, a, b, extra)
                store.items.upsert_contradiction(Contradiction(cid, summary, kind), new_extra, members)
                return True
        if s.key in members[0] or s.key in members[1]:
            return True
    return False


def _statements(store: Store, keys: list) -> list[Statement]:
    data = store.index.data([tuple(k) for k in keys])
    return [Statement.from_data(k, d) for k, d in data.items()]
