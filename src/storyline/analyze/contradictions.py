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

from ..dates import compatible, parse_iso, to_date
from ..lexicon import direction, word_list
from ..model import Contradiction, Evidence
from ..store import Store
from ..story.statements import (
    CANDIDATES_PER_CONCEPT,
    Statement,
    candidates,
    judgeable,
)
from .amounts import amount_findings, count_keys, overlap
from .contradiction_agents import act_keys, agent_acts, agent_findings, slot_candidates
from .contradiction_dates import (
    DATE_SIMILARITY,
    apart_days,
    cached,
    close_dates,
    dated_act,
    event_dates,
    explicit_year,
    once_told_apart,
    same_act,
    told_once,
    trusted_date,
)
from .contradiction_initiative import initiative_findings, told_initiatives
from .contradiction_rebuttals import denials, rebutted
from .contradiction_tallies import tallies, tally_findings, tally_keys


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
    if slot == "denial":
        return f"Denied by another source: {values[1]}"
    if slot == "agent":
        return f"Who {ACT_NAMES.get(info.get('act', ''), 'did it')}: {values[0]} vs {values[1]}"
    if slot == "initiative":
        return f"Who decided it: {values[0]} vs {values[1]}"
    if slot == "tally":
        return f"{'Score' if info.get('unit') == 'score' else 'Tally of the vote'}: {values[0]} vs {values[1]}"
    if slot == "duration":
        return f"Length of the period asked for: {', '.join(values[0])} vs {', '.join(values[1])}"
    if slot == "amount":
        what = info["unit"]
        label = {"percent": "Share", "bp": "Change in basis points"}.get(what) or (
            "Amount of money" if what.startswith("money") else "Length" if what.startswith("length")
            else f"Number of {what}" if what.endswith("s") or what in word_list("same_plural_nouns")
            else f"Number of {what}s")
        return f"{label}: {values[0]} vs {values[1]}"
    return f"Direction of change: {values[0]} ({a[0].source}) vs {values[1]} ({b[0].source})"


ACT_NAMES = {"request": "asked for it", "order": "ordered it", "discover": "found it",
             "walkout": "walked out", "cause": "caused it"}


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
    dates = dated_act(a, b) if a.doc_id != b.doc_id and event_dates(a) and event_dates(b) else None
    if dates:
        found.append(("date", {"values": dates}))
    if a.doc_id != b.doc_id and durations(a) and durations(b) and durations(a) != durations(b) \
            and "propose" in a.concepts and "propose" in b.concepts:
        parties = {c for c in shared if c.startswith("country:")}
        if parties and shared - parties:
            found.append(("duration", {"values": [sorted(durations(a)), sorted(durations(b))]}))
    agents = agent_findings(a, b)
    found += amount_findings(a, b) + agents + tally_findings(a, b) + ([] if agents else initiative_findings(a, b))
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
             **{k: info[k] for k in ("unit", "measure", "similarity", "act") if k in info},
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
    blocks: dict[str, list[Statement]] = {}  # earlier statements of this document by slot kind
    for s in new:
        keys = block_keys(s)
        earlier = {x.key: x for k in keys for x in blocks.get(k, [])[-SAME_DOCUMENT_PEERS:]}
        for k in [k for k in keys if k not in ("any", "denial")] + ["any"] + (["denial"] if denials(s) else []):
            blocks.setdefault(k, []).append(s)
        acts = bool(agent_acts(s) or tallies(s) or told_initiatives(s))
        if pools is not None and s.key in pools and not pools[s.key] and not judgeable(s) and not denials(s) \
                and not acts:
            continue
        found = pools[s.key] if pools is not None and s.key in pools and (pools[s.key] or not acts) \
            else candidates(store, s)
        if denials(s):
            found = found + denied_candidates(store, s)
        if acts or count_keys(s):
            keys_ = {x.key for x in found}
            found = found + [x for x in slot_candidates(store, s, act_keys(s) + tally_keys(s) + count_keys(s)
                                                                + (["slot:initiative"] if told_initiatives(s) else []))
                             if x.key not in keys_]
        others = found + [earlier[k] for k in sorted(earlier)]
        if denials(s):
            created += record_denials(store, s, others)
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
                    once = told_once(side_a, side_b)
                    single = once_told_apart(o, s, info["values"])  # (work began on one day or the other)
                    if not (explicit_year(side_a) and explicit_year(side_b)) and \
                            not ((close_dates(info["values"], once) or single) and (trusted_date(side_a) or trusted_date(side_b))):
                        continue
                    if apart_days(info["values"]) and not (once or single):
                        continue
                cid = xid(slot, *sorted(f"{x.doc_id}:{x.sentence.index}" for x in (o, s)))
                summary, kind, extra = describe_sides(slot, side_a, side_b, info)
                store.items.upsert_contradiction(Contradiction(cid, summary, kind), extra,
                                           [[x.key for x in side_a], [x.key for x in side_b]])
                created += 1
    return created


SIDE_MEMBERS = 20  # statements a side of one contradiction holds at most (each join reads them all)
SAME_DOCUMENT_PEERS = 40  # earlier statements of its own page a statement is compared with, per slot kind


def record_denials(store: Store, s: Statement, others: list[Statement]) -> int:
    """A contradiction for each thing `s` denies that other sources state."""
    created = 0
    for phrase, side in sorted(rebutted(s, others).items()):
        cid = xid("denial", f"{s.doc_id}:{s.sentence.index}", phrase)
        info = {"values": [side[0].sentence.text[:120], phrase]}
        summary, kind, extra = describe_sides("denial", side, [s], info)
        store.items.upsert_contradiction(Contradiction(cid, summary, kind), extra,
                                         [[x.key for x in side], [s.key]])
        created += 1
    return created


def denied_candidates(store: Store, s: Statement) -> list[Statement]:
    """Statements of other documents holding the words a statement denies."""
    words = sorted({w for _, ws, _, _ in denials(s) for w in ws})
    keys = store.index.sharing(words, s.doc_id, CANDIDATES_PER_CONCEPT) if words else []
    return [Statement.from_data(k, d) for k, d in store.index.data(keys).items()]


def block_keys(s: Statement) -> list[str]:
    """The kinds of slot a statement could disagree on: only statements sharing one are
    compared, and only the latest few of a long page, so a page costs linear time."""
    keys = [f"qty:{q.unit}" for q in s.sentence.quantities]
    if event_dates(s):
        keys.append("date")
    if durations(s):
        keys.append("duration")
    if s.speaker:
        keys.append("direction")
    keys += [f"agent:{act}" for act, _, _ in agent_acts(s)] + (["tally"] if tallies(s) else [])
    keys += ["initiative"] if told_initiatives(s) else []
    keys.append("any" if denials(s) else "denial")  # a denial meets any statement of its page
    return sorted(set(keys))


def join_existing(store: Store, slot: str, o: Statement, s: Statement, info: dict) -> bool:
    """Put the one of `o` and `s` that a contradiction holding the other lacks on its side
    of it: a later page's figure met first by one telling and then by another of the same
    page ("a 75m-franc fund" in the headline, "a relief fund of 75 million francs" in the
    body) joins the contradiction the first made, instead of being dropped."""
    existing = store.items.contradictions_with([o.key, s.key], slot)
    for cid, found in existing.items():
        members = found["members"]
        extra = found["extra"]
        held = {k for side in members for k in side}
        if o.key in held and s.key in held:
            return True
        new, first = (o, True) if s.key in held else (s, False)
        for side in (0, 1):
            side_values = [side_value(slot, x, extra, side == 0)
                           for x in _statements(store, members[side][:SIDE_MEMBERS])]
            if fits(slot, side_value(slot, new, info, first), side_values):
                if len(members[side]) >= SIDE_MEMBERS:
                    return True  # a side this well supported takes no more: its cost stays bounded
                members[side].append(new.key)
                a, b = _statements(store, members[0][:SIDE_MEMBERS]), _statements(store, members[1][:SIDE_MEMBERS])
                summary, kind, new_extra = describe_sides(slot, a, b, extra)
                store.items.upsert_contradiction(Contradiction(cid, summary, kind), new_extra, members)
                return True
        if new is o:
            return True  # a third value against one already held: the pair judge alone is too loose for it
    return False


def _statements(store: Store, keys: list) -> list[Statement]:
    data = store.index.data([tuple(k) for k in keys])
    return [Statement.from_data(k, d) for k, d in data.items()]
