"""Who started it: one source tells an act as imposed by another party ("the watchdog
ordered the firm to halt sales", "at the request of the union"), another as done of the
doer's own accord ("the firm paused sales voluntarily", "on its own initiative"). Both
cannot hold.

The two must tell one act: the words of what was done are one verb or share an act class
(halt, pause, stop; data/lexicons/act_classes.txt) or the sentences are alike in meaning and share a word
besides names; acts dated apart are two acts. A sentence that names the imposing party
before its own-accord cue ("the regulator acted on its own initiative") agrees with it.
"""
from __future__ import annotations

import re

from ..lexicon import concepts
from ..story.initiative import Initiative, initiatives
from ..story.statements import Statement, act_class
from .agent_names import tokens
from .contradiction_acts import days_apart
from .contradiction_agents import two_sources
from .contradiction_dates import cached, event_dates

EPISODE_DAYS = 7  # an order and the act it ordered lie this close at most (acts further apart are two)
SAME_ACT_SIMILARITY = 0.4  # sentences this alike, sharing a word of what was done, tell one act
ALIKE = 0.6  # sentences this alike tell one act whatever their words
TELLING = {"say", "tell", "decide", "choose", "be", "have", "do", "make", "announce", "add", "confirm", "order",
           "ask", "request", "instruct", "force", "require", "direct", "state", "report"}


def told_initiatives(s: Statement) -> list[Initiative]:
    return cached(s, "initiatives", lambda: initiatives(s.sentence.text))


def lemma_forms(word: str) -> set[str]:
    """A word and the verbs it may be written from ("halted" -> halt, "postponement" ->
    postpone)."""
    w = word.lower()
    if w.endswith("ed"):
        return {w, w[:-1], w[:-2], w[:-3]}
    if w.endswith("ment"):
        return {w, w[:-4]}
    return {w}


def act_kinds(s: Statement, told: list[Initiative]) -> set[str]:
    """What was done, as verbs and their classes: the words a cue names ("to halt"), else
    the sentence's verbs other than those of telling and imposing, and its nouns made from
    verbs ("postponement")."""
    words = {f for i in told for a in i.acts for f in lemma_forms(a)}
    if not words:
        words = ((set(s.sentence.verbs) | s.actions) - TELLING) | {f for w in re.findall(r"\b[a-z]+ment\b", s.sentence.text)
                                                     for f in lemma_forms(w)}
    return {w for w in words if w not in TELLING} | {c for w in words if (c := act_class(w))}


def names(text: str) -> set[str]:
    return concepts(" ".join(re.findall(r"\b[A-Z][\w'\u2019-]*", text)))


def one_act(a: Statement, b: Statement, ta: list[Initiative], tb: list[Initiative]) -> bool:
    da, db = event_dates(a), event_dates(b)
    gaps = [g for x in da for y in db if (g := days_apart(x, y)) is not None]
    if gaps and min(gaps) > EPISODE_DAYS:
        return False
    sim = a.similarity(b)
    if sim is not None and sim >= ALIKE:
        return True
    if act_kinds(a, ta) & act_kinds(b, tb):
        return True
    shared = (a.concepts & b.concepts) - names(a.sentence.text) - names(b.sentence.text) - {"propose"}
    return sim is not None and sim >= SAME_ACT_SIMILARITY and bool(shared)


def initiative_findings(a: Statement, b: Statement) -> list[tuple[str, dict]]:
    """Imposed on one side, of the doer's own accord on the other."""
    if not two_sources(a, b):
        return []
    ta, tb = told_initiatives(a), told_initiatives(b)
    if not ta or not tb:
        return []
    if ta[0].kind == tb[0].kind == "imposed":
        return rival_imposers(a, b, ta, tb)
    if ta[0].kind == tb[0].kind:
        return []
    imposed, own = (ta, tb) if ta[0].kind == "imposed" else (tb, ta)
    own_text = (b if own is tb else a).sentence.text
    agents = [i.agent for i in imposed if i.agent]
    before_cue = {w.lower() for w in re.findall(r"[A-Za-z][\w'\u2019&.-]*", own_text[:own[0].at])}
    if any(len(tokens(x) & before_cue) * 2 >= len(tokens(x)) > 0 for x in agents):
        return []  # the imposing party itself acted of its own accord: no disagreement
    if not one_act(a, b, ta, tb):
        return []
    values = [f"imposed by {agents[0]}" if agents else "imposed by another party", "of the doer's own accord"]
    return [("initiative", {"values": values if imposed is ta else values[::-1]})]


def rival_imposers(a: Statement, b: Statement, ta: list[Initiative], tb: list[Initiative]) -> list[tuple[str, dict]]:
    """Both tell the act as imposed, by parties with no word of their names in common
    ("at the request of the union" / "after the employers asked for a mediator")."""
    xa = next((i.agent for i in ta if i.agent), None)
    xb = next((i.agent for i in tb if i.agent), None)
    if not (xa and xb) or tokens(xa) & tokens(xb) or not one_act(a, b, ta, tb):
        return []
    return [("initiative", {"values": [f"imposed by {xa}", f"imposed by {xb}"]})]
