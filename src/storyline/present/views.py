"""Data for the views: one function per page, shared by the web app, the API and the
static report, so that what a page shows and what the API serves never drift apart.

Also the two visual pieces drawn server-side as SVG (no script, no CDN): the timeline of
events (x: date, colour: status, size: independent sources) and the coverage of each
outlet over time.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from ..dates import parse_iso, to_date
from ..names import name_key

STATUS_COLOURS = {"past": "#2f6fb3", "planned": "#c77a12", "conditional": "#8a5bb5"}


def in_range(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    if not (date_from or date_to):
        return True
    if not value:
        return False
    start, end = to_date(value), to_date(value, end=True)
    if date_from and end < to_date(date_from):
        return False
    return not (date_to and start > to_date(date_to, end=True))


def filter_dossier(d: dict, date_from: str | None = None, date_to: str | None = None,
                   entity: str | None = None, outlet: str | None = None, status: str | None = None) -> dict:
    """The dossier narrowed to a date range, an entity (id or name), an outlet and a status."""
    docs = {x["id"]: x for x in d["documents"]}
    ent_ids: set[str] = set()
    if entity:
        key = name_key(entity)
        ent_ids = {e["id"] for e in d["entities"]
                   if e["id"] == entity or key in {name_key(a) for a in e["aliases"] + [e["name"]]}}
    okey = name_key(outlet) if outlet else None

    def doc_ok(doc_id: str) -> bool:
        return okey is None or name_key(docs.get(doc_id, {}).get("outlet") or "") == okey

    def evidence_ok(items: list[dict]) -> bool:
        return any(doc_ok(e["doc"]) for e in items)

    out = dict(d)
    out["documents"] = [x for x in d["documents"] if doc_ok(x["id"])
                        and in_range(x["date"], date_from, date_to)]
    out["events"] = [e for e in d["events"] if in_range(e["when"], date_from, date_to)
                     and evidence_ok(e["evidence"]) and (not status or e["status"] == status)
                     and (not entity or set(e["participants"]) & ent_ids)]
    out["claims"] = [c for c in d["claims"] if evidence_ok(c["evidence"])
                     and (not entity or c["speaker_entity"] in ent_ids or name_key(c["speaker"]) == name_key(entity))
                     and in_range(docs.get(c["evidence"][0]["doc"], {}).get("date"), date_from, date_to)]
    out["commitments"] = [k for k in d["commitments"] if evidence_ok(k["evidence"])
                          and (not status or k["status"] == status)
                          and (not (date_from or date_to) or in_range(k["due"], date_from, date_to))]
    out["contradictions"] = [x for x in d["contradictions"] if any(evidence_ok(s) for s in x["sides"])]
    out["entities"] = [e for e in d["entities"] if not entity or e["id"] in ent_ids]
    return out


def _x(value: str, lo: dt.date, hi: dt.date, width: float) -> float:
    span = max(1, (hi - lo).days)
    start, end = to_date(value), to_date(value, end=True)
    mid = start + (end - start) / 2
    return 40 + (mid - lo).days / span * (width - 80)


def timeline_svg(events: list[dict], link, width: int = 1000, height: int = 220) -> dict:
    """Circles for the dated events: positions, sizes, colours, labels and links."""
    dated = [e for e in events if e.get("when")]
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
