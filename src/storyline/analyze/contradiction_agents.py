"""Who did it: two sources that tell one act which happens once (asked for, ordered,
discovered, walked out, caused) about the same thing, naming different agents ("the board
asked for the closure" / "the closure was requested by the guild"; "on the orders of the
governor" / "the mayor ordered").

Read from the sentence's own words: the name just before the verb (or a body named by what
it is, "the pilots' union"; or the speaker, "said it had itself asked"), the "by" agent of
a passive ("the request was made by X"), the name in "at the request of X", "on X's
orders", "X asked Y to ...", or a cleft ("It was X, chaired by Y, that asked"). Only
asserted, past, single acts count: hedges, negations, questions, futures, repeated acts
and agents joined in one act ("X and Y asked", "X, backed by Y") are left out. Names are
compared loosely (agent_names: a shared word or an acronym means the same body, or a part
of it), since entity resolution may not be at hand.
"""
from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..dates import MONTHS
from ..lexicon import concepts, word_list
from ..store import Store
from ..story.statements import CANDIDATES_PER_CONCEPT, Statement, agent_act_forms, rarest
from .agent_names import (
    AND_BEFORE,
    OF_BEFORE,
    agent_name,
    body_head,
    described_body,
    mentions,
    one_name,
    same_agent,
)
from .amounts import overlap
from .contradiction_acts import clause_around
from .contradiction_dates import cached

ACTS = agent_act_forms()  # past forms of acts done once by one agent -> the act they tell
VERB = "|".join(sorted(ACTS, key=len, reverse=True))
NAME = r"[A-Z][\w'&.\-]*(?:\s+(?:(?:of|for|de)\s+(?:the\s+)?)?[A-Z][\w'&.\-]*)*"
ACTIVE = re.compile(rf"\b(?P<verb>{VERB})\b")
# "X ordered", "X, who ordered", "It was X who ordered", "X on Tuesday ordered", "X late on Sunday ordered"
DAY_PHRASE = r"(?:late\s+|early\s+)?(?:on|last|this)\s+[A-Z]?[a-z]+(?:\s+(?:morning|afternoon|evening|night))?"
ADVERB = r"(?:first\s+|[a-z]+ly\s+)?"  # "first ordered", "formally requested", "personally ordered"
BEFORE = re.compile(rf"(?P<agent>{NAME})(?:['\u2019]s\s+[a-z]+)?(?:\s+(?:himself|herself|itself|themselves|alone))?"
                    rf"(?:,?\s+(?:which|who|that))?,?\s+"
                    rf"(?:{DAY_PHRASE}\s+)?(?:ha[sd]\s+|have\s+)?{ADVERB}$")
# "was ordered by X", "was ordered on Monday 3 May by X": a short phrase of time or place between
# ... and "by opposition backbencher Ruan Keld": a few lower-case words of who the agent is first
PASSIVE = re.compile(rf"\b(?P<verb>{VERB})\s+(?:(?:on|in|at|last|this|early|late)\b[^,.;]{{0,30}}?\s+)?by\s+"
                     rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?P<agent>{NAME})")
# "It was the Harbour and Ports Committee, chaired by X, that asked": the agent before an appositive
CLEFT = re.compile(rf"\b[Ii]t\s+was\s+(?:the\s+)?(?P<agent>{NAME}(?:\s+(?:and|&)\s+{NAME})?),[^,;]{{1,80}},\s+"
                   rf"(?:that|who|which)\s+(?:ha[sd]\s+)?{ADVERB}(?P<verb>{VERB}|asked)\b")
ROLE_THEN_NAME = re.compile(rf"\s+(?P<role>[a-z][\w-]*)\s+(?P<agent>{NAME})")  # "... Party member Isolde Marr"
REQUEST = re.compile(rf"\b(?:at|on)\s+(?:the\s+)?(?:(?P<kind1>request|behest|orders?|instructions?)\s+of\s+"
                     rf"(?:the\s+)?(?:(?P<agent1>{NAME})|(?P<body1>(?:[a-z][\w-]*(?:['\u2019]s?)?\s+){{0,2}}[a-z]+))|(?P<agent2>{NAME})['\u2019]s?\s+"
                     rf"(?P<kind2>request|behest|orders?|instructions?))")
# "the request came from the confederation", "The order had come from Port Veldane"
CAME_FROM = re.compile(rf"\b(?P<kind>request|call|demand|order|instruction|decision|initiative)s?\s+(?:had\s+|has\s+)?"
                       rf"(?:came|come)\s+from\s+(?:the\s+)?(?:(?P<agent>{NAME})|(?P<body>(?:[a-z][\w-]*\s+){{0,2}}(?P<head>[a-z]+))\b)")
REQUEST_KINDS = {"request", "call", "demand", "behest"}  # asked for, not ordered (CAME_FROM, REQUEST)
NOT_ASSERTED = re.compile(
    r"\?|\b(?:reportedly|allegedly|apparently|purportedly|supposedly|possibly|perhaps|probably|likely|(?-i:may)|"
    r"might|could|would|should|will|shall|rumou?r\w*|unconfirmed|speculat\w*|den(?:y|ies|ied|ial)|not|never|"
    r"no one|nobody|if|whether|believed|thought|suspected|said to|understood to|repeatedly|again|often|"
    r"regularly|routinely|usually|frequently|always|each time|every\s+(?:time|day|week|month|year|morning|afternoon|"
    r"evening|night|weekend|season|quarter|other|few|single|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|once more|twice|several times|"
    r"many times|(?:has|have|had) long)\b|n['\u2019]t\b", re.I)
JOINED = re.compile(r"\b(?:backed|supported|joined|accompanied|aided|assisted|helped|seconded)\s+by\b|"
                    r"\b(?:together|along|jointly|in concert|in coordination|in cooperation|in conjunction)"
                    r"\s+with\b|\bwith the (?:support|backing|help) of\b|\bjointly\b", re.I)
JOINED_BEFORE = re.compile(r"(?:\band|&|\bwith|\bplus|,)\s+(?:the\s+)?$", re.I)
JOINED_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and|&|with|plus)\s+(?:the\s+)?[A-Z]")
NOT_THE_ACT = {"that", "it", "no", "guilty", "dead", "himself", "herself", "themselves", "itself", "out",
               "alive", "innocent", "liable", "responsible", "in", "at", "up", "down", "higher", "lower",
               "flat", "its", "their", "his", "her", "our", "my", "your", "one", "two", "three", "four", "five",
               "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions"}
# "found that ...", "found guilty", "closed at $5", "closed its plant" (each its own), "ordered 40 jets"
PLACE_PREPOSITIONS = re.compile(r"\b(?:in|near|on|to|against|into|across|outside|inside|over|under|by|about)\s+"
                                r"(?:the\s+)?$", re.I)
RARE_ZIPF = 3.0  # a lowercase word rarer than this in English is read as a name (see cased)
AGENT_SIMILARITY = 0.45  # two sentences tell one act on one thing (sentence embeddings)
OBJECT_SHARED = 2  # content words the two share besides the agents and the verb
AGENT_CLOSE = 0.6  # ... one word, when the sentences are this alike ("the delay was requested by X")
UNEMBEDDED_SHARED = 3  # ... when a statement has no embedding
UNEMBEDDED_OVERLAP = 0.6  # ... and the share of the shorter one's words they make


# "asked the authority to examine", "had itself asked the firm to run the sale": a request
ASKED_TO = re.compile(r"\basked\s+(?!to\b|for\b|whether\b|if\b|about\b|why\b|how\b|what\b)"
                      r"(?:[\w'\u2019.&-]+,?\s+){1,6}?to\s+(?!be\b)[a-z]{2,}")
# a choice made once by one body, told by what it chose to do: "voted 6-1 on Tuesday to impose",
# "decided on Thursday that pharmacies may", "voted unanimously in favour of"
CHOICES = {"voted", "decided"}
MONTH_NAME = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
# where and when a vote was taken, between it and what it chose ("at an emergency meeting on
# Monday afternoon", "on August 15")
CHOICE_ADJUNCT = (rf"(?:(?:at|during)\s+(?:an?|its|the|their)\s+(?:[\w-]+\s+){{0,2}}(?:meeting|session|sitting)"
                  rf"|on\s+(?:{MONTH_NAME})\s+\d{{1,2}}(?:st|nd|rd|th)?|{DAY_PHRASE}(?:\s+(?:last|this)\s+week)?)")
TALLY_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
CHOICE_AFTER = re.compile(rf"\s+(?:{TALLY_NUMBER}\s*(?:-|\u2013|to)\s*{TALLY_NUMBER}\s+|unanimously\s+|by\s+[\w-]+\s+(?:votes?\s+)?to\s+[\w-]+\s+)?"
                          rf"(?:{CHOICE_ADJUNCT}\s+){{0,2}}(?:to\s+[a-z]|that\s|in\s+favou?r\s+of\s|for\s+(?:the|a|an|its|their)\s)", re.I)


def agent_acts(s: Statement) -> list[tuple[str, str, str]]:
    """(act, agent, verb as written) of each single past act the statement asserts with a
    named agent."""
    return cached(s, "agent_acts", lambda: _acts(cased(s.sentence.text), s.speaker))


def cased(text: str) -> str:
    """A sentence of an all-lowercase page with capitals put back on its rare words, the
    names ("harbour minister linnet gorrell ordered" -> "... Linnet Gorrell ordered"), so that
    the patterns written for cased text can read it; other text as it is."""
    if any(c.isupper() for c in text):
        return text
    return re.sub(r"[a-z][a-z'-]{2,}", lambda m: m.group(0).capitalize()
                  if zipf_frequency(m.group(0), "en") < RARE_ZIPF else m.group(0), text)


def asserted(text: str, start: int, end: int) -> bool:
    """The act is told as done: no hedge, negation, question or repetition in its clause
    (the rest of the sentence may speak of other things: "X, who ordered the cull, said
    farmers would be paid") and no partner joined anywhere in the sentence."""
    return not (NOT_ASSERTED.search(clause_around(text, start, end)) or "?" in text or JOINED.search(text))


# the other one named only to be denied ("it was the council, not the league, that asked";
# "the request came from the union, not from the ministry"): a contrast that asserts the first
NOT_THE_OTHER = re.compile(r",\s+not\s+(?:from\s+|by\s+)?(?:the\s+)?[\w'\u2019&.-]+(?:\s+[\w'\u2019&.-]+){0,4}(?:,(?=\s)|(?=\s*(?:\.|$)))")


def without_denied(text: str) -> str:
    """The text with ", not Y" contrasts blanked out (same length, so offsets hold)."""
    return NOT_THE_OTHER.sub(lambda m: " " * len(m.group(0)), text)


def _acts(text: str, speaker: str | None = None) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    text = without_denied(text)
    for m in PASSIVE.finditer(text):
        role = ROLE_THEN_NAME.match(text, m.end())  # "by Harbour Party member Isolde Marr"
        role = role if role and role.group("role").lower() not in word_list("function_words") else None
        agent = agent_name(role.group("agent") if role else m.group("agent"), False)
        if agent and not JOINED_AFTER.match(text[m.end():]) and asserted(text, m.start(), m.end()):
            out.append((ACTS[m.group("verb")], agent, m.group("verb")))
    for m in ACTIVE.finditer(text):
        after = text[m.end():].lstrip()
        if m.group("verb") in CHOICES:
            chose = CHOICE_AFTER.match(text, m.end())
            if not chose or not asserted(text[:chose.end()], m.start(), m.end()):
                continue  # "voted against", "decided nothing": no act of its own; what was chosen may be hedged
        elif after.startswith("by") or next_word(text, m.end()) in NOT_THE_ACT or after[:1].isdigit() \
                or after[:1] in "$\u20ac\u00a3" or not asserted(text, m.start(), m.end()):
            continue
        agent = agent_before(text, m.start(), speaker)
        if agent and m.group("verb") == "voted" and not any(
                body_head(w) for w in re.findall(r"[a-z]+", text[max(0, m.start() - 80):m.start()].lower())):
            continue  # a member's vote ("Deputy Governor X voted to hold") is not the body's decision
        if agent:
            out.append((ACTS[m.group("verb")], agent, m.group("verb")))
    for m in CLEFT.finditer(text):
        act = ACTS.get(m.group("verb")) or ("request" if ASKED_TO.match(text, m.start("verb")) else None)
        agent = agent_name(m.group("agent"), False)
        if act and agent and asserted(text, m.start("verb"), m.end("verb")):
            out.append((act, agent, m.group("verb")))
    for m in ASKED_TO.finditer(text):
        agent = agent_before(text, m.start(), speaker)
        if agent and asserted(text, m.start(), m.start() + len("asked")):
            out.append(("request", agent, "asked"))
    for m in DECISION_BY.finditer(text):
        named = m.group("agent")
        agent = agent_name(named, False) if named else \
            (m.group("agent2").rstrip(".'-\u2019") if body_head(m.group("head2")) else None)
        if agent and not JOINED_AFTER.match(text[m.end():]) and asserted(text, m.start(), m.end()):
            kind = m.group("kind").lower()
            out.append(("request" if kind in REQUEST_KINDS else "order", agent, kind))
    for m in CAME_FROM.finditer(text):
        agent = agent_name(m.group("agent"), False) if m.group("agent") else \
            (m.group("body") if body_head(m.group("head")) else None)
        if agent and not JOINED_AFTER.match(text[m.end():]) and asserted(text, m.start(), m.end()):
            out.append(("request" if m.group("kind").lower() in REQUEST_KINDS else "order", agent, m.group("kind")))
    for m in REQUEST.finditer(text):
        kind = m.group("kind1") or m.group("kind2")
        named = m.group("agent1") or m.group("agent2")
        agent = agent_name(named, False) if named else described_body(m.group("body1"))
        if agent and not JOINED_AFTER.match(text[m.end():]):
            out.append(("request" if kind.lower() in REQUEST_KINDS else "order", agent, kind))
    return sorted(set(out))


# "the harbour authority ordered", "the council's board that voted", "The board of the Varl Water
# Company decided": a body named by what it is, with a word or a name that tells which
def body(tag: str = "", lazy: str = "?") -> str:
    """A body's description as a pattern; `lazy` "?" takes the fewest words (for a pattern
    anchored after it), "" the most."""
    return (rf"(?P<agent{tag}>(?:(?=[a-z]+\s+of\s)|[a-z][\w-]+(?:['\u2019]s|s['\u2019])\s+(?:[a-z][\w-]+\s+)?{lazy}"
            rf"|(?:[A-Z][\w-]+\s+){{1,3}}{lazy}|(?:[a-z][\w-]+\s+){{1,2}}{lazy})(?P<head{tag}>[a-z]+)"
            rf"(?:\s+of\s+(?:the\s+)?{NAME}(?:\s+(?:and|&)\s+{NAME})?)?)(?:\s+\([A-Z]{{2,}}\))?")


BODY_BEFORE = re.compile(rf"\b[Tt]he\s+{body()}(?:\s+(?:in|at)\s+{NAME})?(?:,?\s+(?:which|who|that))?\s+(?:ha[sd]\s+|have\s+)?{ADVERB}$")
# "the decision to halt the festival was taken by his own team", "The decision was made by the Varl board",
# "The request was made by her lawyer"
DECISION_BY = re.compile(rf"\b(?P<kind>decision|request|call|demand|order|instruction)s?\b[^.;:]{{0,90}}?\b"
                         rf"(?:was|were|had\s+been)\s+(?:taken|made|issued|given)\s+by\s+"
                         rf"(?:the\s+)?(?:(?P<agent>{NAME})|{body('2', '')})")

# "Osk Ferries said on Thursday that it had ordered", "said it had itself asked", "that he alone
# had decided": the speaker's own act
SELF = r"(?:itself|himself|herself|themselves|ourselves)"
SELF_BEFORE = re.compile(rf"\b(?:that|said|says)\s+(?:{DAY_PHRASE}\s+)?(?:that\s+)?(?:it|he|she|they|we)\s+(?:(?:alone|{SELF})\s+)?"
                         rf"(?:ha[sd]\s+|have\s+)?(?:{SELF}\s+)?{ADVERB}$", re.I)


def partner_or_place(before: str) -> bool:
    """The words before an agent join it to another ("X and the Y ordered") or make it a place
    ("in the Y ordered"): no agent of its own."""
    return bool(JOINED_BEFORE.search(before) or PLACE_PREPOSITIONS.search(before))


def agent_before(text: str, at: int, speaker: str | None) -> str | None:
    """The agent written before an active verb: a name, a public body named by what it is
    ("the harbour authority"), or the speaker when the reported words say "it had ordered"."""
    before = BEFORE.search(text[:at])
    if before:
        start = before.start("agent")
        appositive = text[:start].rstrip().endswith(",") and "," in text[before.end("agent"):at]  # "the head of X, Y, ordered"
        if not partner_or_place(text[:start]) or appositive:
            return agent_name(before.group("agent"), not text[:start].strip())
        joined = AND_BEFORE.search(text[:start])
        if joined and one_name(joined.group("first"), before.group("agent")) \
                and not partner_or_place(text[:joined.start()]) and not OF_BEFORE.search(text[:joined.start()]):
            return agent_name(f"{joined.group('first')}and {before.group('agent')}", not text[:joined.start()].strip())
        # else a name joined to another: the two may name one body ("The board of the Ferrow
        # Rail and Canal Authority voted"), read as a body below
    body = BODY_BEFORE.search(text[:at])
    if body and body_head(body.group("head")) and not partner_or_place(text[:body.start()]):
        return body.group("agent")
    if speaker and SELF_BEFORE.search(text[max(0, at - 60):at]) and agent_name(speaker, False):
        return speaker
    return None


def next_word(text: str, at: int) -> str:
    m = re.match(r"\s*([A-Za-z']+)", text[at:])
    return m.group(1).lower() if m else ""


def shared_words(a: set[str], b: set[str]) -> int:
    """Words the two share, one word's forms counted once ("suspension" / "suspend")."""
    stems = {w[:5] if len(w) >= 5 else w for w in a}
    return len({w[:5] if len(w) >= 5 else w for w in b} & stems)


COORDINATED = re.compile(r";|,?\s+(?:and|but)\s+that\s|,\s+but\s", re.I)


def act_clause(text: str, verb: str) -> str:
    """The part of a sentence that tells an act, up to a coordinated statement of another
    thing: "... that the board voted to close it, and that Y was told only afterwards" names
    Y outside the act; "X asked for it after Y warned" names Y within it."""
    at = text.find(verb)
    if at < 0:
        return text
    cuts = [0] + [m.end() for m in COORDINATED.finditer(text)] + [len(text)]
    lo = max(c for c in cuts if c <= at)
    return text[lo:min(c for c in cuts if c > at)]


def two_sources(a: Statement, b: Statement) -> bool:
    """Different pages of different outlets, not one wire text reprinted; or two speakers,
    not one body, quoted on one page that reports both tellings ("'We told them to halt
    it,' she said" / "the firm said it had stopped of its own accord")."""
    if a.doc_id == b.doc_id:
        return bool(a.speaker and b.speaker and not same_agent(a.speaker, b.speaker))
    return (a.outlet or a.doc_id) != (b.outlet or b.doc_id) and not (a.origin and a.origin == b.origin)


def agent_findings(a: Statement, b: Statement) -> list[tuple[str, dict]]:
    """The act both tell, with the two agents, when they name different ones."""
    acts_a, acts_b = agent_acts(a), agent_acts(b)
    if not acts_a or not acts_b or not two_sources(a, b):
        return []
    sim = a.similarity(b)
    if sim is not None and sim < AGENT_SIMILARITY:
        return []
    for act, agent_a, verb_a in acts_a:
        for act_b, agent_b, verb_b in acts_b:
            if act != act_b or same_agent(agent_a, agent_b):
                continue
            if mentions(act_clause(b.sentence.text, verb_b), agent_a) or mentions(act_clause(a.sentence.text, verb_a), agent_b):
                continue  # the other's act names both: a relation between them, not a rival telling
            names = concepts(f"{agent_a} {agent_b} {verb_a} {verb_b}")
            rest_a, rest_b = a.concepts - names, b.concepts - names
            need = UNEMBEDDED_SHARED if sim is None else OBJECT_SHARED - (sim >= AGENT_CLOSE)
            if shared_words(rest_a, rest_b) < need or \
                    (sim is None and overlap(rest_a, rest_b) < UNEMBEDDED_OVERLAP):
                continue  # without embeddings, most of what was done must be said in both
            return [("agent", {"values": [agent_a, agent_b], "act": act})]
    return []


KEY_WORDS = 3  # rarest words of what was done, by which statements of one act find each other


def act_keys(s: Statement) -> list[str]:
    """Index concepts that find other tellings of the statement's act: its rarest words
    once the agents' names (which differ between rival tellings) are left out."""
    acts = agent_acts(s)
    if not acts:
        return []
    names = concepts(" ".join(agent for _, agent, _ in acts))
    return sorted(s.concepts - names) + sorted({f"slot:act:{act}" for act, _, _ in acts})


def slot_candidates(store: Store, s: Statement, keys: list[str]) -> list[Statement]:
    """Statements of other documents sharing the rarest of these concepts."""
    if not keys:
        return []
    slots = sorted({k for k in keys if k.startswith("slot:")})  # every telling of such an act
    found = store.index.sharing(rarest(store, set(keys) - set(slots), KEY_WORDS) + slots, s.doc_id,
                                CANDIDATES_PER_CONCEPT)
    return [Statement.from_data(k, d) for k, d in store.index.data(found).items()]
