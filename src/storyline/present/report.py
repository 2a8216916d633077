"""The static HTML report: one self-contained file, readable offline.

It renders the same templates as the web app (base, the section partials, the reader),
from the same dossier and view functions, so the two cannot drift apart; only the links
differ (anchors in one file here, pages in the app). Jinja2 autoescaping is on: article
text is untrusted and is always shown as text.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from jinja2 import Environment, PackageLoader, select_autoescape

from ..store import Store
from .dossier import build_dossier
from .views import coverage_svg, timeline_svg

REPORT_NAV = [("Overview", "#overview"), ("Timeline", "#timeline"), ("Claims", "#claims"),
              ("Contradictions", "#contradictions"), ("Commitments", "#commitments"),
              ("Sources", "#sources"), ("Entities", "#entities"), ("Articles", "#articles")]


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


def highlighter(store: Store, doc_ids: list[str]):
    """Pieces of each sentence: plain text, entity mentions and time expressions."""
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for doc_id in doc_ids:
        for m in store.annotations.mentions(doc_id):
            spans[doc_id].append((m.start, m.end, "ent", m.label))
        for t in store.annotations.timexes(doc_id):
            spans[doc_id].append((t.start, t.end, "time", f"{t.kind}: {t.value or 'unresolved'}"))

    def pieces(doc_id: str, s) -> list[dict]:
        inside = sorted((a, b, k, t) for a, b, k, t in spans.get(doc_id, []) if a >= s.start and b <= s.end)
        out, pos = [], s.start
        for a, b, kind, title in inside:
            if a < pos:
                continue
            if a > pos:
                out.append({"text": s.text[pos - s.start: a - s.start], "kind": None})
            out.append({"text": s.text[a - s.start: b - s.start], "kind": kind, "title": title})
            pos = b
        out.append({"text": s.text[pos - s.start:], "kind": None})
        return out

    return pieces


def context(store: Store, dossier: dict, link: Callable, sentence_anchor: Callable,
            nav: list[tuple[str, str]], doc_ids: list[str] | None = None) -> dict:
    sentences = defaultdict(list)
    wanted = set(doc_ids) if doc_ids is not None else {d["id"] for d in dossier["documents"]}
    for doc_id in wanted:
        sentences[doc_id] = store.annotations.sentences(doc_id)
    return {"d": dossier, "docs": {doc["id"]: doc for doc in dossier["documents"]},
            "claims_by_speaker": claims_by_speaker(dossier), "chains": drift_chains(dossier),
            "sentences": sentences, "link": link, "sentence_anchor": sentence_anchor,
            "highlight": highlighter(store, sorted(wanted)), "nav": nav,
            "tl": timeline_svg(dossier["events"], link), "cov": coverage_svg(dossier["documents"])}


def render_report(store: Store, dossier: dict | None = None) -> str:
    dossier = dossier or build_dossier(store)
    ctx = context(store, dossier,
                  link=lambda doc, idx: f"#s-{doc}-{idx}" if idx is not None else f"#doc-{doc}",
                  sentence_anchor=lambda doc, idx: f"s-{doc}-{idx}", nav=REPORT_NAV)
    return environment().get_template("report.html").render(**ctx)
