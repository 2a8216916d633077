"""Data for the views: one function per page, shared by the web app, the API and the
static report, so that what a page shows and what the API serves never drift apart.

Also the two visual pieces drawn server-side as SVG (no script, no CDN): the timeline of
events (x: date, colour: status, size: independent sources) and the coverage of each
outlet over time.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..dates import maybe_date, parse_iso, to_date
from ..names import name_key

STATUS_COLOURS = {"past": "#2f6fb3", "planned": "#c77a12", "conditional": "#8a5bb5"}


EVENT_STATUSES = ("past", "planned", "conditional")
COMMITMENT_STATUSES = ("open", "met", "missed", "superseded", "unverified")
STATUSES = EVENT_STATUSES + COMMITMENT_STATUSES
SECTIONS = ("documents", "entities", "events", "claims", "contradictions", "commitments")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def date_bound(value: str | None, name: str) -> str | None:
    """A `from`/`to` filter value checked: an ISO date at any precision (YYYY, YYYY-MM or
    YYYY-MM-DD) naming a real day; ValueError with a message meant for the user."""
    if value is None or value == "":
        return None
    if not _ISO.fullmatch(value):
        raise ValueError(f"{name}={value[:40]!r} is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        to_date(value)
        to_date(value, end=True)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a real date (month 01-12, a day the month has)") from None
    return value


@dataclass(frozen=True)
class Filters:
    """What a list is narrowed to: a date range, an entity (id or name), an outlet, a status."""

    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    outlet: str | None = None
    status: str | None = None

    def key(self) -> tuple:
        return (self.date_from, self.date_to, self.entity, self.outlet, self.status)

    def active(self) -> bool:
        return any(self.key())

    def describe(self) -> str:
        names = ("from", "to", "entity", "outlet", "status")
        return ", ".join(f"{k}={v}" for k, v in zip(names, self.key(), strict=True) if v)


def in_range(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    if not (date_from or date_to):
        return True
    start, end = maybe_date(value), maybe_date(value, end=True)
    if start is None or end is None:
        return False  # undated, or a stored value that is not a date
    if date_from and end < to_date(date_from):
        return False
    return not (date_to and start > to_date(date_to, end=True))


def _entity_ids(d: dict, entity: str | None) -> set[str]:
    if not entity:
        return set()
    key = name_key(entity)
    return {e["id"] for e in d["entities"]
            if e["id"] == entity or key in {name_key(a) for a in e["aliases"] + [e["name"]]}}


def filter_section(d: dict, section: str, f: Filters, docs: dict[str, dict] | None = None) -> list[dict]:
    """One section of the dossier narrowed by `f` (the others are not touched)."""
    items: list[dict] = d[section]
    if not f.active():
        return items
    docs = docs if docs is not None else {x["id"]: x for x in d["documents"]}
    ent_ids = _entity_ids(d, f.entity)
    okey = name_key(f.outlet) if f.outlet else None
    lo, hi = f.date_from, f.date_to

    def doc_ok(doc_id: str) -> bool:
        return okey is None or name_key(docs.get(doc_id, {}).get("outlet") or "") == okey

    def evidence_ok(ev: list[dict]) -> bool:
        return okey is None or any(doc_ok(e["doc"]) for e in ev)

    if section == "documents":
        return [x for x in items if doc_ok(x["id"]) and in_range(x.get("date"), lo, hi)]
    if section == "events":
        return [e for e in items if in_range(e["when"], lo, hi) and evidence_ok(e["evidence"])
                and (not f.status or e["status"] == f.status)
                and (not f.entity or set(e["participants"]) & ent_ids)]
    if section == "claims":
        speaker = name_key(f.entity) if f.entity else None
        return [c for c in items if evidence_ok(c["evidence"])
                and (not f.entity or c["speaker_entity"] in ent_ids or name_key(c["speaker"]) == speaker)
                and in_range(docs.get(c["evidence"][0]["doc"], {}).get("date") if c["evidence"] else None, lo, hi)]
    if section == "commitments":
        return [k for k in items if evidence_ok(k["evidence"]) and (not f.status or k["status"] == f.status)
                and (not (lo or hi) or in_range(k["due"], lo, hi))]
    if section == "contradictions":
        return [x for x in items if okey is None or any(evidence_ok(s) for s in x["sides"])]
    if section == "entities":
        return [e for e in items if not f.entity or e["id"] in ent_ids]
    raise KeyError(section)


def filter_dossier(d: dict, date_from: str | None = None, date_to: str | None = None,
                   entity: str | None = None, outlet: str | None = None, status: str | None = None) -> dict:
    """The dossier narrowed to a date range, an entity (id or name), an outlet and a status."""
    f = Filters(date_from, date_to, entity, outlet, status)
    if not f.active():
        return d
    docs = {x["id"]: x for x in d["documents"]}
    out = dict(d)
    for section in SECTIONS:
        out[section] = filter_section(d, section, f, docs)
    if d.get("background_events"):
        out["background_events"] = filter_section({**d, "events": d["background_events"]}, "events", f, docs)
    return out


def page_of(items: list, offset: int, limit: int) -> tuple[list, int | None]:
    """A slice of a list and the offset of the next one (None after the last)."""
    chunk = items[offset:offset + limit]
    return chunk, (offset + limit if offset + limit < len(items) else None)


_NUMBERED = re.compile(r"^(.*?)(#\d+)$")


def relative_sources(sources: list[str]) -> dict[str, str]:
    """Each document source as it may be shown: file paths relative to the common folder of
    the ingested paths (a lone folder gives the file name), so no server path is exposed;
    API sources (`api#...`) and URLs are kept."""
    parsed: dict[str, tuple[str, str]] = {}
    for s in sources:
        if s.startswith("api#") or "://" in s.split("#", 1)[0]:
            continue
        m = _NUMBERED.match(s)
        path, suffix = (m.group(1), m.group(2)) if m else (s, "")
        parsed[s] = (path, suffix)
    out = {s: s for s in sources}
    for absolute in (True, False):
        group = {s: v for s, v in parsed.items() if posixpath.isabs(v[0]) == absolute}
        if not group:
            continue
        folders = {posixpath.dirname(posixpath.normpath(p)) for p, _ in group.values()}
        try:
            common = posixpath.commonpath(list(folders)) if folders else ""
        except ValueError:
            common = ""
        for s, (path, suffix) in group.items():
            rel = posixpath.relpath(posixpath.normpath(path), common or ".") if common else posixpath.basename(path)
            if rel.startswith("..") or posixpath.isabs(rel):
                rel = posixpath.basename(path)
            out[s] = (rel or posixpath.basename(path)) + suffix
    return out


def _x(value: str, lo: dt.date, hi: dt.date, width: float) -> float:
    span = max(1, (hi - lo).days)
    start, end = to_date(value), to_date(value, end=True)
    mid = start + (end - start) / 2
    return 40 + (mid - lo).days / span * (width - 80)


def timeline_svg(events: list[dict], link, width: int = 1000, height: int = 220) -> dict:
    """Circles for the dated events: positions, sizes, colours, labels and links."""
    dated = [e for e in events if maybe_date(e.get("when")) and e.get("evidence")]
    if not dated:
        return {"width": width, "height": height, "dots": [], "ticks": []}
    lo = to_date(min(e["when"] for e in dated))
    hi = to_date(max(e["when"] for e in dated), end=True)
    lo, hi = dt.date(lo.year, 1, 1), dt.date(hi.year, 12, 31)
    rows: dict[int, int] = defaultdict(int)
    dots = []
    for e in sorted(dated, key=lambda e: e["when"]):
        x = _x(e["when"], lo, hi, width)
        slot = round(x / 14)
        rows[slot] += 1
        y = height - 40 - (rows[slot] - 1) * 18
        r = 4 + 2.5 * min(4, e.get("independent_sources", 1))
        ev = e["evidence"][0]
        dots.append({"x": round(x, 1), "y": max(12, y), "r": r, "colour": STATUS_COLOURS.get(e["status"], "#777"),
                     "id": e["id"], "label": f"{e['when']} · {e['summary']}", "status": e["status"],
                     "href": link(ev["doc"], ev["sentence"])})
    ticks = []
    years = hi.year - lo.year + 1
    step = max(1, years // 10)
    for y in range(lo.year, hi.year + 1, step):
        ticks.append({"x": round(_x(str(y), lo, hi, width), 1), "label": str(y)})
    return {"width": width, "height": height, "dots": dots, "ticks": ticks}


def coverage_svg(documents: list[dict], width: int = 1000, bar_height: int = 18) -> dict:
    """Documents per outlet and year (by publication date, or the inferred one)."""
    counts: Counter = Counter()
    for d in documents:
        when = d.get("date")
        parts = parse_iso(when) if when else None
        if parts:
            counts[(d.get("outlet") or "unknown", parts[0])] += 1
    outlets = sorted({o for o, _ in counts})
    years = sorted({y for _, y in counts})
    if not years:
        return {"width": width, "height": 40, "rows": [], "years": []}
    cell = (width - 160) / len(years)
    rows = []
    top = max(counts.values())
    for i, outlet in enumerate(outlets):
        cells = []
        for j, year in enumerate(years):
            n = counts.get((outlet, year), 0)
            if n:
                cells.append({"x": round(160 + j * cell, 1), "w": round(max(4, cell * n / top) - 2, 1),
                              "n": n, "year": year})
        rows.append({"y": 24 + i * (bar_height + 6), "outlet": outlet, "cells": cells})
    return {"width": width, "height": 40 + len(outlets) * (bar_height + 6), "rows": rows,
            "years": [{"x": round(160 + j * cell, 1), "label": str(y)} for j, y in enumerate(years)],
            "bar_height": bar_height}
