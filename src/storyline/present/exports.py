"""Flat exports of the dossier: CSV (one file per section) and a Markdown brief."""
from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterator

SECTIONS = {
    "documents": ["id", "source", "title", "outlet", "published", "published_origin",
                  "published_flag", "anchor", "anchor_origin", "duplicate_of", "failed_stage",
                  "failed_reason"],
    "entities": ["id", "name", "type", "mentions", "aliases"],
    "events": ["id", "when", "status", "summary", "outlets", "evidence"],
    "claims": ["id", "speaker", "anonymous", "text", "outlet", "evidence"],
    "contradictions": ["id", "kind", "summary", "sides"],
    "commitments": ["id", "summary", "due", "status", "committed_by", "superseded_by", "evidence"],
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict) and "text" in value[0]:
            return " | ".join(f"[{e['doc']}] {e['text']}" for e in value)
        if value and isinstance(value[0], list):
            return " || ".join(" | ".join(f"[{e['doc']}] {e['text']}" for e in side) for side in value)
        return "; ".join(str(v) for v in value)
    return str(value)


def section_csv(dossier: dict, section: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    cols = SECTIONS[section]
    writer.writerow(cols)
    for item in dossier[section]:
        writer.writerow([_cell(item.get(c)) for c in cols])
    return out.getvalue()


def markdown_brief(dossier: dict) -> str:
    story = dossier["story"]
    docs = {d["id"]: d for d in dossier["documents"]}
    lines = [f"# {story['title']}", "",
             f"As of {story['as_of']}: {story['documents']} documents from "
             f"{len(story['outlets'])} outlets ({', '.join(story['outlets']) or 'none named'}).", ""]

    def src(ev: list[dict]) -> str:
        return ", ".join(sorted({docs.get(e["doc"], {}).get("outlet") or e["doc"] for e in ev}))

    lines += ["## Timeline", ""]
    for e in dossier["events"]:
        lines.append(f"- **{e['when'] or 'undated'}** ({e['status']}) {e['summary']} — _{src(e['evidence'])}_")
    lines += ["", "## Who said what", ""]
    for c in dossier["claims"]:
        lines.append(f"- **{c['speaker']}**: {c['text']} — _{src(c['evidence'])}_")
    lines += ["", "## Contradictions", ""]
    for x in dossier["contradictions"]:
        lines.append(f"- {x['summary']} ({x['kind']})")
    lines += ["", "## Commitments", ""]
    for k in dossier["commitments"]:
        lines.append(f"- {k['summary']}: due {k['due'] or '?'} — **{k['status']}**")
    return "\n".join(lines) + "\n"


def dossier_json(dossier: dict) -> str:
    return json.dumps(dossier, ensure_ascii=False, indent=2)


def dossier_json_chunks(dossier: dict) -> Iterator[str]:
    """The same text as `dossier_json`, in pieces: a large story's dossier is written out
    without holding its whole text in memory as well as the dossier itself."""
    return json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(dossier)


def timelinejs(dossier: dict) -> dict:
    """The timeline as TimelineJS3 JSON (what newsrooms use to publish timelines)."""
    docs = {d["id"]: d for d in dossier["documents"]}

    def date_obj(value: str) -> dict:
        parts = value.split("-")
        keys = ("year", "month", "day")
        return {k: p.lstrip("0") or "0" for k, p in zip(keys, parts, strict=False)}

    events = []
    for e in dossier["events"]:
        if not e.get("when"):
            continue
        sources = "; ".join(sorted({docs.get(ev["doc"], {}).get("outlet") or "unknown" for ev in e["evidence"]}))
        body = "<br>".join(html.escape(ev["text"]) for ev in e["evidence"][:3])
        events.append({"start_date": date_obj(e["when"]), "group": e["status"],
                       "unique_id": e["id"],
                       "text": {"headline": html.escape(e["summary"][:120]),
                                "text": f"{body}<br><small>Sources: {html.escape(sources)}</small>"}})
    return {"title": {"text": {"headline": html.escape(dossier["story"]["title"]),
                               "text": f"As of {dossier['story']['as_of']}"}},
            "events": events}


def _ics_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545 folding: lines of at most 75 octets, continued with a leading space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return out


def icalendar(dossier: dict) -> str:
    """Commitment deadlines as an iCalendar file: one all-day event per dated commitment,
    on the last day its deadline covers ("2025" -> 31 December 2025)."""
    from datetime import timedelta

    from ..dates import to_date

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//storyline//commitments//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + _ics_escape(dossier["story"]["title"])]
    stamp = dossier["story"]["as_of"].replace("-", "") + "T000000Z"
    for k in dossier["commitments"]:
        if not k.get("due"):
            continue
        day = to_date(k["due"], end=True)
        summary = f"[{k['status']}] {k['summary'][:150]}"
        evidence = " | ".join(e["text"] for e in k["evidence"])
        description = f"Due {k['due']} (stated {k.get('stated_on') or '?'}). {evidence}"
        lines += ["BEGIN:VEVENT", f"UID:{k['id']}@storyline", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
                  "SUMMARY:" + _ics_escape(summary), "DESCRIPTION:" + _ics_escape(description),
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))
