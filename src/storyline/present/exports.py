"""Flat exports of the dossier: CSV (one file per section) and a Markdown brief."""
from __future__ import annotations

import csv
import io
import json

SECTIONS = {
    "documents": ["id", "source", "title", "outlet", "published", "published_origin",
                  "published_flag", "anchor", "anchor_origin", "duplicate_of"],
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
