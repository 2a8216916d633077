"""The static HTML report: one self-contained file, readable offline.

It renders the same templates as the web app (base, sections, macros), from the same
dossier data, so the two cannot drift apart. Jinja2 autoescaping is on: article text is
untrusted and is always shown as text.
"""
from __future__ import annotations

from collections import defaultdict

from jinja2 import Environment, PackageLoader, select_autoescape

from ..store import Store
from .dossier import build_dossier


def environment() -> Environment:
    return Environment(loader=PackageLoader("storyline", "present/templates"),
                       autoescape=select_autoescape(["html"], default=True),
                       trim_blocks=True, lstrip_blocks=True)


def claims_by_speaker(dossier: dict) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in dossier["claims"]:
        groups[c["speaker"]].append(c)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def drift_chains(dossier: dict) -> list[str]:
    """Each chain of superseded deadlines on one line, oldest to newest."""
    by_id = {k["id"]: k for k in dossier["commitments"]}
    targets = {t for k in dossier["commitments"] for t in k.get("superseded_by", [])}
    chains = []
    for k in dossier["commitments"]:
        if k["id"] in targets or not k.get("superseded_by"):
            continue
        parts, current, seen = [f"{k['due'] or '?'} ({k['summary']})"], k, {k["id"]}
        while current.get("superseded_by"):
            nxt = [by_id[i] for i in current["superseded_by"] if i in by_id and i not in seen]
            if not nxt:
                break
            parts.append(" / ".join(f"{n['due'] or '?'}" for n in nxt))
            seen.update(n["id"] for n in nxt)
            current = nxt[0]
        chains.append(" → ".join(parts))
    return chains


def context(store: Store, dossier: dict | None = None) -> dict:
    dossier = dossier or build_dossier(store)
    sentences = defaultdict(list)
    for s in store.sentences():
        sentences[s.doc_id].append(s)
    return {"d": dossier, "docs": {doc["id"]: doc for doc in dossier["documents"]},
            "claims_by_speaker": claims_by_speaker(dossier), "chains": drift_chains(dossier),
            "sentences": sentences,
            "link": lambda doc, idx: f"#s-{doc}-{idx}" if idx is not None else f"#doc-{doc}"}


def render_report(store: Store, dossier: dict | None = None) -> str:
    return environment().get_template("report.html").render(**context(store, dossier))
