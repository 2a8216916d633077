"""Events: what happened or is planned, dated, merged across the outlets that tell it.

Every statement that carries a resolved calendar date yields one candidate per distinct
date: its `when` is the date the sentence gives (not the article's date), its status comes
from the tense of the clause holding the date (planned for the future, conditional under
"if"/"unless", past otherwise). A candidate joins an existing event of another document
when their dates agree at the coarser precision and their concepts and entities overlap
enough (the coarser the date, the more overlap it takes); it is compared only with the
events that share its rarer concepts in the same year (an index look-up), so adding a
document costs the same however large the story is.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from ..annotate.told import told_summary
from ..dates import WEEKDAY_RE, compatible, granularity_of, to_date
from ..lexicon import word_list
from ..model import Event, Evidence
from ..store import Store
from ..story.statements import Statement, rarest

CONDITIONAL = re.compile(r"\b(if|unless|provided that|in case)\b", re.I)
DATELINE_ONLY = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}\s*\([^)]{1,40}\)\s*(--|—|–|-)?\s*$")
QUESTION = re.compile(r"\?[\"\u201d\u2019']?\s*$")
HABITUAL = re.compile(r"\b(usually|normally|typically|generally|traditionally|often|every (year|month|week)|each (year|month|week))\b", re.I)
REPORTING = {"say", "tell", "announce", "report", "confirm", "state", "add", "write"}
CAPTION_WORDS = 25
FINITE_AUX = re.compile(r"\b(is|are|was|were|be|been|has|have|had|will|would|shall|can|could|(?-i:may)|might|must|"
                        r"should|does|did|do)\b|\w[\'\u2019](s|re|ve|ll|d)\b", re.I)  # "has been present": no VERB; "May" a month
POSSESSIVE = re.compile(r"[\'\u2019]s\b")
PREPOSITION_BEFORE = re.compile(r"\b(on|in|at|by|until|till|from|since|before|after|during|for|through|"
                                r"around|between|of|to)\s*$", re.I)
PREPOSITION_START = re.compile(r"(on|in|at|by|until|till|from|since|before|after|during)\b", re.I)
SPEECH = {"say", "tell", "add"}
SAID_BEFORE = re.compile(r"\b(said|says|told|tells|added|adds)\b(\s+[\w\u2019'-]+){0,5}\s*$", re.I)
# the first auxiliary or copula of the reported words: a state or a view when it is one of STATIVE
FINITE = re.compile(r"\b(is|are|was|were|am|remains?|remained|seems?|seemed|should|could|might|(?-i:may)|can|"
                    r"cannot|must|has|have|had|will|would|shall|did|does|do|wo|ca)\b", re.I)
STATIVE = {"is", "are", "was", "were", "am", "remain", "remains", "remained", "seem", "seems", "seemed",
           "should", "could", "might", "may", "can", "cannot", "must", "ca"}
ACT_AFTER_BE = re.compile(r"(\s+(not|never|still|also|now|already|just|being|been|n['\u2019]t))*\s+\w+(ing|ed|en|wn)\b", re.I)
PLAN_BEFORE = re.compile(r"\b(was|were|had been|has been|have been)\s+(originally\s+|first\s+|initially\s+)?"
                         r"(supposed|meant|due|scheduled|slated|expected|planned|set)\b", re.I)
SET_AS_PLAN = re.compile(r",?\s+as\s+(?:the|its|their|a)\s+(?:new\s+|revised\s+|next\s+|provisional\s+)?"
                         r"(?:date|deadline|target|start\s+date|opening\s+date)\b", re.I)
NEEDED = {"day": 0.12, "month": 0.2, "year": 0.25}
# Sentence-embedding similarity that joins two tellings of one event whatever their words
# (all-MiniLM-L6-v2 cosine; paraphrases of one news fact score 0.6-0.9, different facts of
# one story 0.3-0.6). A coarser date needs a closer paraphrase; on one and the same day,
# different facts that also read alike are rare (on the development stories, cross-outlet
# pairs on one day at >= 0.4: 17 tellings of one event, 5 of different ones).
PARAPHRASE = {"day": 0.4, "month": 0.55, "year": 0.62}
MEMBERS = 6  # member statements kept per event for the embedding comparison
MAX_CONCEPTS = 80
EVENTS_PER_CONCEPT = 30
RECENT_IN_YEAR = 30  # also compared: the latest events of the same year, whatever their words


@dataclass
class Candidate:
    statement: Statement
    when: str
    status: str
    summary: str | None = None  # the dated clause's own, when it is not the sentence's main one

    @property
    def doc_id(self) -> str:
        return self.statement.doc_id


def similarity(concepts_a: set[str], entities_a: set[str], concepts_b: set[str], entities_b: set[str]) -> float:
    w = len(concepts_a & concepts_b) / max(1, min(len(concepts_a), len(concepts_b)))
    e = (len(entities_a & entities_b) / max(1, min(len(entities_a), len(entities_b)))
         if entities_a and entities_b else 0.0)
    return 0.7 * w + 0.3 * e


def inside_quote(text: str, t) -> bool:
    """A date inside quotation marks ("Today is the start ...") belongs to the quote."""
    start = t.start - (t.start - text.find(t.text)) if text.find(t.text) >= 0 else -1
    if start < 0:
        return False
    before = text[:start]
    if (before.count("\u201c") > before.count("\u201d")) or before.count('"') % 2 == 1:
        return True
    return continued_quote(text, start)


QUOTE_THEN_ATTRIBUTION = re.compile(r"[\"\u201d]\s*,?\s*(?:[\w.'\u2019-]+\s+){0,4}(?:said|says|told|tells|added|adds|"
                                    r"according)\b", re.I)


def continued_quote(text: str, start: int) -> bool:
    """The sentence goes on a quotation opened in an earlier one ('I would not want to be
    the one who tells them in December," she said.'): a date before the closing mark,
    followed by who said it, with no opening mark before it, is the speaker's."""
    flat = text.replace("\u201c", '"').replace("\u201d", '"')
    close = QUOTE_THEN_ATTRIBUTION.search(text, start)
    return close is not None and flat.count('"') % 2 == 1 and '"' not in flat[:close.start()]


def no_event(s: Statement) -> bool:
    """A sentence that tells of no happening, by its grammar: a question, a fragment without
    a verb (a caption, a menu line) or nothing but a time stamp, a generic or habitual statement ("the rains usually
    arrive in November"), or a photo caption's present tense set on a past day ("Workers
    wait outside the plant on Friday."; "Claims open on September 1." after the page's day is
    a timetable, not a caption)."""
    text = s.sentence.text.strip()
    if QUESTION.search(text) or not (s.sentence.verbs or FINITE_AUX.search(text)):
        return True
    rest = text
    for t in s.times:
        rest = rest.replace(t.text or "\0", " ")
    if len(re.findall(r"[A-Za-z]{2,}", re.sub(r"\b(?:at|on|in|by|[ap]\.?m|GMT|UTC|[A-Z]{2,4}T)\b\.?", " ", rest))) < 2:
        return True  # nothing but a time stamp ("May 13, 2025 at 4:12 p.m.")
    if s.sentence.tense == "present" and HABITUAL.search(text):
        return True
    return (s.sentence.tense == "present" and len(text.split()) <= CAPTION_WORDS
            and not any(v in REPORTING for v in s.sentence.verbs)
            and any(t.kind == "date" and t.granularity == "day" and t.tense == "present"
                    and (not (s.date and t.value) or to_date(t.value) <= to_date(s.date, end=True)) for t in s.times))


def plan_looked_back(text: str, t) -> bool:
    """The date of a plan told as one of the past ("the campaign was due to start in
    November", "was supposed to reopen by March", "had been scheduled for October") or set as
    one ("the court set March 4 as the new date"): when the thing was meant to happen, not when
    anything did. It stays on the timeline as a planned date (the day a deadline passed is part
    of the story), not as a happening."""
    at = text.find(t.text)
    return at >= 0 and (bool(PLAN_BEFORE.search(re.split(r"[;,:]", text[max(0, at - 120): at])[-1]))
                        or bool(SET_AS_PLAN.match(text, at + len(t.text))))


def stative(text: str, t) -> bool:
    """A date that hangs from a verb of state, possession or view ("families have their
    people back today", "timber that has had no rain since May"), unless it is where the
    state ends ("will stay until the end of 2026": the date of the leaving) or the deadline
    a state is measured at ("two-thirds had their power back by Friday": the target passing)."""
    if t.verb not in word_list("stative_verbs") or t.modifier in ("until", "till", "by"):
        return False
    at = text.find(t.text)
    return at < 0 or not re.search(r"\b(?:by|until|till)\s+$", text[max(0, at - 8):at], re.I)


def bound_only(t) -> bool:
    """A date that only bounds a time: "before the end of 2026", "what happens after 2026".
    ("Present since 2003" and "will stay until the end of 2026" stay: the start or the end of
    a state is often the only date a page gives the happening that began or ends it.)"""
    return t.modifier in ("before", "after") and t.text.lower().startswith(t.modifier)


def attributive_year(text: str, t) -> bool:
    """A year that qualifies a thing rather than dates a happening: "last year's level",
    "2024's figures". (A year before a noun, "the 2005 floods", often is the date.)"""
    if t.granularity != "year":
        return False
    at = text.find(t.text)
    return at >= 0 and bool(POSSESSIVE.match(text[at + len(t.text):]))


def copular_date(text: str, t) -> bool:
    """A date that is what a thing is rather than when something happened: the complement
    of "be" ("the original deadline was Jan. 14", "it was 2024") or a name's part ("the
    2025 edition is ..."). A date in a phrase of its own ("the hearing is on May 3") stays."""
    if t.verb != "be":
        return False
    at = text.find(t.text)
    return at >= 0 and not PREPOSITION_BEFORE.search(text[:at]) and not PREPOSITION_START.match(t.text)


def dated_view(s: Statement, t) -> bool:
    """The day of a saying whose words are a view or a state ("the minister said on Tuesday
    that she was confident", "the pension question remained the sticking point, he said on
    Friday"): the sentence is a claim (annotate/attribution), not something that happened
    that day. The words' first finite verb tells it: a copula or a modal of possibility."""
    if t.verb not in SPEECH:
        return False
    text = s.sentence.text
    at = text.find(t.text)
    if at < 0 or not SAID_BEFORE.search(text[:at]):
        return False
    words = s.sentence.summary or text
    first = FINITE.search(words)
    if not first or first.group(1).lower() not in STATIVE:
        return False
    # "is recalling", "were deployed": a progressive or a passive tells of an act
    be = first.group(1).lower() in ("is", "are", "was", "were", "am")
    return not (be and ACT_AFTER_BE.match(words[first.end():]))


def candidates_of(statements: list[Statement]) -> list[Candidate]:
    out, seen = [], set()
    texts: set[str] = set()
    for s in statements:
        if DATELINE_ONLY.match(s.sentence.text) or no_event(s):
            continue
        text = " ".join(s.sentence.text.lower().split())
        if text in texts:
            continue  # a caption or a pull quote repeated on one page is one telling
        texts.add(text)
        for t in s.times:
            when = t.value or month_of_weekday(s, t)
            if t.kind != "date" or not when or (s.key, when) in seen:
                continue
            if inside_quote(s.sentence.text, t):
                continue  # a speaker's own words
            if stative(s.sentence.text, t) or bound_only(t) or attributive_year(s.sentence.text, t) or copular_date(s.sentence.text, t) \
                    or dated_view(s, t):
                continue
            seen.add((s.key, when))
            status = "future" if t.tense == "future" or t.modifier in ("by", "until", "till", "before") \
                or plan_looked_back(s.sentence.text, t) else "past"
            if status == "future" and CONDITIONAL.search(s.sentence.text):
                status = "conditional"
            out.append(Candidate(s, when, {"future": "planned"}.get(status, status), t.summary))
    return out


PAST_WEEKDAY = re.compile(rf"^(?:(?:last|on)\s+)?{WEEKDAY_RE}", re.I)


def month_of_weekday(s: Statement, t) -> str | None:
    """A past weekday ("on Sunday", "last Monday") on a page known only to its month (an
    undated page placed by its content): that month, as the event's date at that precision."""
    if t.value or t.granularity != "day" or t.tense == "future" or not (s.date and len(s.date) == 7):
        return None
    return s.date if PAST_WEEKDAY.match((t.text or "").strip()) else None


def event_id(c: Candidate) -> str:
    return "v" + hashlib.sha1(f"{c.doc_id}:{c.statement.sentence.index}:{c.when}".encode()).hexdigest()[:10]


def best_event(store: Store, c: Candidate) -> tuple[str, dict] | None:
    s = c.statement
    ids = store.items.events_sharing(rarest(store, s.concepts, 6), [c.when[:4]], EVENTS_PER_CONCEPT)
    ids += [i for i in store.items.events_in_year(c.when[:4], RECENT_IN_YEAR) if i not in ids]
    rows = {eid: row for eid, row in store.items.event_rows(ids).items()
            if not store.items.event_has_doc(eid, c.doc_id)
            and all(compatible(w, c.when) for w in row.get("whens", [row["when"]]))}
    members = store.index.data(sorted({tuple(k) for row in rows.values() for k in row.get("members", [])}))
    best, best_score = None, 0.0
    for eid, row in rows.items():
        gran = granularity_of(min(row.get("whens", [row["when"]]) + [c.when], key=len)) or "year"
        sim = similarity(s.concepts, s.entities, set(row.get("concepts", [])), set(row.get("entities", [])))
        vectors = [Statement.from_data(tuple(k), members[tuple(k)]) for k in row.get("members", [])
                   if tuple(k) in members]
        para = max((x for x in (s.similarity(v) for v in vectors) if x is not None), default=None)
        # a paraphrase joins on its own; shared words join as before, unless the embeddings
        # say the sentences speak of different things
        joins = (para is not None and para >= PARAPHRASE[gran]) or \
            (sim >= NEEDED[gran] and (para is None or para >= PARAPHRASE[gran] - 0.25))
        score = max(sim, para or 0.0)
        if joins and score > best_score:
            best, best_score = (eid, row), score
    return best


def flat(text: str) -> str:
    return " ".join(re.sub(r"[\u2018\u2019]", "'", re.sub(r"[\u201c\u201d]", '"', text)).lower().split())


def reprint_evidence(reprints: list[tuple[str, str]], s: Statement) -> list[Evidence]:
    """The same sentence in the reprints of its page: a syndicated copy tells the event too
    (its outlet carried it), though it is no independent source (analyze/corroboration)."""
    mine = flat(s.sentence.text)
    return [Evidence(doc, s.sentence.index, s.sentence.text) for doc, text in reprints
            if mine and mine in text]


def update_events(store: Store, statements: list[Statement]) -> int:
    """Add one document's dated statements to the timeline; returns how many events it created."""
    created = 0
    reprints = [(doc, flat(text)) for doc, text in store.docs.reprints(statements[0].doc_id)] if statements else []
    for c in candidates_of(statements):
        s = c.statement
        found = best_event(store, c)
        row: dict[str, Any]
        if found is None:
            eid, row = event_id(c), {"when": c.when,
                                     "summary": told_summary(s.sentence.text, c.summary, s.sentence.summary, limit=120),
                                     "whens": [], "concepts": [], "entities": [], "statuses": []}
            created += 1
        else:
            eid, row = found
        whens = sorted(set(row.get("whens", [])) | {c.when})
        statuses = sorted(set(row.get("statuses", [])) | {c.status})
        known = set(row.get("concepts", []))
        new_concepts = sorted(s.concepts - known)[: max(0, MAX_CONCEPTS - len(known))]
        members = [list(k) for k in row.get("members", [])]
        if len(members) < MEMBERS and s.vector:
            members.append(list(s.key))
        entities = sorted(set(row.get("entities", [])) | s.entities)[:MAX_CONCEPTS]
        data = {"whens": whens, "concepts": sorted(known | set(new_concepts)),
                "entities": entities, "statuses": statuses, "members": members}
        when = max(whens, key=len)
        status = "past" if "past" in statuses else ("planned" if "planned" in statuses else "conditional")
        event = Event(eid, when, row["summary"], status, entities, [], granularity_of(when))
        store.items.upsert_event(event, data, new_concepts, c.when[:4],
                           [Evidence(s.doc_id, s.sentence.index, s.sentence.text)] + reprint_evidence(reprints, s))
    return created
