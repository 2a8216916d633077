"""The dossier: everything storyline knows about one story, as the JSON contract v1.

`build_dossier` is the one data function behind the JSON export, the CSV and Markdown
exports, the HTML report and the web app, so they never drift apart.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import asdict
from typing import Any

from ..analyze.commitment_access import Commitments
from ..analyze.commitment_restated import collapse_restatements
from ..analyze.commitments import status_of
from ..analyze.corroboration import corroborate
from ..analyze.salience import split_events
from ..clean import readable_title
from ..clean.title import recased, story_forms
from ..dates import granularity_of, shown_date, to_date
from ..model import Document, DocumentDate, Evidence, yearless_day
from ..names import name_key, surname_as_written
from ..store import Store

SCHEMA = "storyline.dossier/1"


def _evidence(items: list[Evidence]) -> list[dict]:
    return [{"doc": e.doc, "sentence": e.sentence, "text": e.text} for e in items]


def surname_aliases(entities: list) -> dict[str, str]:
    """A person is called by the surname alone ("Zelbranne said ..."), whether or not these
    pages did: each person's surname as an alias, unless another entity of the story goes by
    it too (two people of one family, a place of that name), where it would name neither."""
    owners: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    forms: dict[str, set[str]] = {}
    for e in entities:
        for name in [e.name, *e.aliases]:
            owners.setdefault(name_key(name), set()).add(e.id)
        if e.type == "PERSON":
            forms[e.id] = {f for f in (surname_as_written(n) for n in [e.name, *e.aliases]) if f}
            for f in forms[e.id]:
                surnames.setdefault(name_key(f), set()).add(e.id)
    found: dict[str, str] = {}
    for eid, written in forms.items():
        keys = {name_key(f) for f in written}
        if len(keys) != 1:
            continue  # no full name, or surnames that differ: nothing safe to add
        key = keys.pop()
        if owners.get(key, {eid}) <= {eid} and surnames[key] == {eid}:
            found[eid] = min(written, key=lambda f: (f.islower(), f))
    return found


def story_title(store: Store, docs) -> str:
    title = store.get_meta("story_title")
    if title:
        return title
    titles = [d.title for d in docs if d.title and not d.duplicate_of]
    if not titles:
        return "Untitled story"

    # the headline that shares most words with the others, cased ones first: the words it
    # shares with all the others, counted once through how many headlines hold each word
    # (linear in the number of headlines, not quadratic)
    words = [set(re.findall(r"[a-z]{4,}", t.lower())) for t in titles]
    held = Counter(w for ws in words for w in ws)
    shared = [sum(held[w] - 1 for w in ws) for ws in words]
    best = titles[max(range(len(titles)), key=lambda i: (shared[i], any(c.isupper() for c in titles[i])))]
    return readable_title(best, cased_text(docs)) or best


def cased_text(docs: list[Document]) -> str:
    """The text of the story's mixed-case pages (reprints once): how the story writes its words."""
    return " ".join(d.text for d in docs if not d.lowercase and not d.duplicate_of)


def recase_summaries(dossier: dict[str, Any], docs: list[Document]) -> None:
    """Summaries that are an all-lowercase page's sentence itself (no parse summary said
    enough), with the capitals the story's other pages give their words."""
    lowercase = {d.id for d in docs if d.lowercase}
    items = [x for section in ("events", "commitments") for x in dossier[section]
             if any(e.get("doc") in lowercase and e.get("text", "").lower().startswith(x["summary"].rstrip("\u2026").lower())
                    for e in x.get("evidence") or [])]
    if not items:
        return
    forms = story_forms(cased_text(docs))
    for x in items:
        x["summary"] = recased(x["summary"], forms)


def build_dossier(store: Store, as_of: str | None = None) -> dict[str, Any]:
    docs = store.docs.all()
    outlets = {d.id: d.outlet for d in docs}
    published = {d.id: d.published.value for d in docs}
    story_id = hashlib.sha1("".join(sorted(d.id for d in docs)).encode()).hexdigest()[:12]
    dossier: dict[str, Any] = {
        "schema": SCHEMA,
        "story": {"id": story_id, "title": story_title(store, docs),
                  "as_of": as_of or dt.date.today().isoformat(),
                  "documents": len(docs),
                  "outlets": sorted({o for o in outlets.values() if o}),
                  "date_range": _date_range([v for v in published.values() if v])},
        "documents": [],
        "entities": [],
        "events": [],
        "claims": [],
        "contradictions": [],
        "commitments": [],
    }
    # documents a stage failed on (quarantine) are listed, marked with the stage and why;
    # they add nothing to the story until retried
    failed = {f.id: f for f in store.docs.statuses(failed_only=True)}
    by_id = {d.id: d for d in docs}
    for d in docs:
        dossier["documents"].append({
            "id": d.id, "source": d.source, "url": d.url, "title": d.title, "outlet": d.outlet,
            "outlet_origin": d.outlet_origin, **_published(d.published, by_id.get(d.duplicate_of or "")),
            "published_flag": d.published.flag_text(),
            "date_flags": sorted(f.value for f in d.published.flags),
            "date": d.published.reference_date(), "anchor": d.published.reference,
            "anchor_origin": d.published.reference_origin, "author": d.author,
            "duplicate_of": d.duplicate_of,
            "failed_stage": failed[d.id].failed_stage if d.id in failed else None,
            "failed_reason": failed[d.id].failed_reason if d.id in failed else None,
            "lowercase": d.lowercase, "text": d.text,
        })
    roles: dict[str, set[str]] = {}
    for m in store.annotations.mentions():
        if m.entity_id and m.role:
            roles.setdefault(m.entity_id, set()).add(m.role)
    entities = store.items.entities()
    short = surname_aliases(entities)
    for e in entities:
        entry = {**asdict(e), "roles": sorted(roles.get(e.id, set()))}
        if e.id in short:
            entry["aliases"] = sorted(set(e.aliases) | {short[e.id]})
        dossier["entities"].append(entry)
    for ev, extra in store.items.events():
        item: dict[str, Any] = {"id": ev.id, "when": ev.when, "granularity": ev.granularity,
                "summary": ev.summary, "status": ev.status, "participants": ev.participants,
                "outlets": sorted({outlets.get(e.doc) or "unknown" for e in ev.evidence}),
                "evidence": _evidence(ev.evidence)}
        item.update(extra)
        dossier["events"].append(item)
    names = {e.id: e.name for e in store.items.entities()}
    for c in store.annotations.claims():
        dossier["claims"].append({**{
            "id": c.id, "speaker": names.get(c.speaker_entity or "", c.speaker),
            "speaker_entity": c.speaker_entity,
            "anonymous": c.anonymous, "text": c.text, "cue": c.cue, "via": c.via,
            "said_on": c.said_on, "outlet": outlets.get(c.doc_id),
            "evidence": _evidence(c.evidence)}})
    for x, extra in store.items.contradictions():
        item = {"id": x.id, "summary": x.summary, "kind": x.kind,
                "sides": [_evidence(side) for side in x.sides]}
        item.update(extra)
        dossier["contradictions"].append(item)
    day = dt.date.fromisoformat(dossier["story"]["as_of"])
    newest = newest_evidence(docs, day)
    told: dict[str, dict] = {}
    for k, facts in store.items.commitments():
        told[k.id] = facts
        item = {"id": k.id, "summary": k.summary, "due": k.due,
                # judged at the newest evidence (or the day asked for, if earlier): "open" while
                # due after the newest page, "unverified" once a deadline passed with no word
                "status": status_of(k.due, k.stated_on, k.superseded_by, facts, newest),
                "stated_on": k.stated_on, "committed_by": k.committed_by,
                "superseded_by": k.superseded_by, "evidence": _evidence(k.evidence),
                "deadline_text": facts.get("deadline_text"), "outlets": facts.get("outlets", [])}
        dossier["commitments"].append(item)
    dossier["commitments"] = collapse_restatements(dossier["commitments"], told, Commitments(store).alike)
    recase_summaries(dossier, docs)
    corroborate(store, dossier)
    split_events(dossier)
    count_reliance(dossier)
    return dossier


def newest_evidence(docs: list[Document], day: dt.date) -> dt.date:
    """The day of the newest page: its publication date, or for an undated page the date
    its content places it at (to the end of the month or year that date names), never
    after `day`."""
    told = [to_date(v, end=True) for d in docs if not d.duplicate_of
            for v in [d.published.value or d.published.reference] if v]
    return min(day, max(told, default=day))


def count_reliance(dossier: dict) -> None:
    """For each document, how many items of each section rest on its sentences."""
    uses = {d["id"]: {"events": 0, "claims": 0, "contradictions": 0, "commitments": 0}
            for d in dossier["documents"]}
    for section in ("events", "claims", "commitments"):
        for item in dossier[section]:
            for doc in {e["doc"] for e in item["evidence"]}:
                if doc in uses:
                    uses[doc][section] += 1
    for x in dossier["contradictions"]:
        for doc in {e["doc"] for side in x["sides"] for e in side}:
            if doc in uses:
                uses[doc]["contradictions"] += 1
    for d in dossier["documents"]:
        d["relied_on_by"] = uses[d["id"]]


def _date_range(values: list[str]) -> list[str] | None:
    return [min(values), max(values)] if values else None


def _published(date: DocumentDate, original: Document | None = None) -> dict:
    """The date the page states; a dateline's month and day written without the year are
    shown with the year the reference-date inference gave them ("dateline, year inferred");
    a reprint that gives no full date of its own is dated as the page it reprints."""
    if original is not None and not date.value and original.published.reference:
        mine = _published(original.published)
        if mine["published"]:
            return {**mine, "published_origin": f"reprint, as {original.id}"}
    ref = date.reference
    day = yearless_day(date.note)
    if not date.value and day and ref and len(ref) == 10 and ref[5:] == f"{day[0]:02d}-{day[1]:02d}":
        return {"published": ref, "published_granularity": "day", "published_origin": "dateline, year inferred"}
    if not date.value and ref and date.reference_origin == "inferred" and ref == shown_date(date.note):
        # a site header's display date the content or the page most like it confirmed
        return {"published": ref, "published_granularity": granularity_of(ref), "published_origin": "header, confirmed"}
    return {"published": date.value, "published_granularity": date.granularity, "published_origin": date.origin}
