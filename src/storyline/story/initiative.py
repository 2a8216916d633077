"""Who started an act, as a sentence tells it: imposed by another party ("the watchdog
ordered the firm to halt sales", "appointed at the request of the union", "the penalty,
which the minister ordered") or done of the doer's own accord ("the firm paused sales
voluntarily", "on its own initiative", "it was his decision").

Read from the words alone (grammar of English news, and the phrase list
data/lexicons/self_initiative_cues.txt); analyze/contradiction_initiative judges two
such sentences against each other.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..dates import MONTH_RE, WEEKDAY_RE
from ..lexicon import word_list

POSS = r"(?:its|their|his|her|our|my|your|(?:the\s+)?[\w-]+(?:['\u2019]s|s['\u2019]))"
SELF = r"(?:itself|themselves|ourselves|himself|herself|myself)"
PHRASE = r"(?:the\s+)?[\w'\u2019&.-]+(?:\s+(?!(?:to|on|in|at|and|after|before|that|which|who)\b)[\w'\u2019&.-]+){0,4}"
IMPOSING = r"ordered|instructed|told|forced|compelled|directed|required|asked|pressed|pressured|made"
# "ordered the firm on Friday to halt sales", "told the giant to stop selling"
TO_ACT = re.compile(rf"\b(?P<verb>{IMPOSING})\s+(?P<obj>(?:[\w'\u2019,.-]+\s+){{1,7}}?)to\s+(?:\w+ly\s+)?"
                    r"(?P<act>[a-z]+)\b", re.I)
# "ordered the reactor shut down", "ordered the whole site closed"
ORDERED_DONE = re.compile(r"\bordered\s+(?:(?:the|a|an|all|its|their|his|her)\s+)?(?:[\w'\u2019-]+\s+){0,4}?"
                          r"(?P<act>\w+ed|shut|cut|put)\b", re.I)
# "at the request of the union", "on the orders of the governor"
REQUEST_OF = re.compile(rf"\b(?:at|on|after)\s+(?:the\s+)?(?:request|behest|orders?|instructions?|insistence)\s+of\s+"
                        rf"(?P<agent>{PHRASE})", re.I)
CAME_FROM = re.compile(rf"\b(?:request|order|instruction|demand)\s+(?:had\s+)?came\s+from\s+(?P<agent>{PHRASE})", re.I)
BY_PASSIVE = re.compile(rf"\b(?:was|were|had been|has been|have been)\s+(?:ordered|requested|demanded|imposed|forced|"
                        rf"instructed)\s+by\s+(?P<agent>{PHRASE})", re.I)
WHICH_ORDERED = re.compile(r"\b(?:which|that)\s+(?P<agent>(?:[A-Z][\w'\u2019.-]*\s+){1,5})(?:had\s+)?"
                           r"(?:ordered|imposed|requested|demanded)\b")
CLEFT = re.compile(rf"\bit was (?P<agent>{PHRASE}?)(?:,\s+not\s+[^,]+,)?\s+(?:that|who|which)\s+(?:had\s+)?"
                   r"(?:asked|requested|ordered|demanded|called)\b", re.I)
NOT_AN_ACT = {"be", "have", "comment", "say", "speak", "talk", "explain", "answer", "confirm", "expect",
              "attend", "appear", "testify", "give", "provide", "submit", "keep", "wait"}
NEGATED = re.compile(r"\b(?:not|never|hardly|far from|anything but|no longer)\s+(?:\w+\s+)?$|n['\u2019]t\s+(?:\w+\s+)?$",
                     re.I)
UNSURE = re.compile(r"\?|\b(?:if|whether|may have|might have|could have|reportedly|allegedly|apparently|"
                    r"rumou?r\w*|unconfirmed)\b", re.I)
EMPHATIC_SELF = re.compile(rf"\b[A-Za-z][\w'\u2019-]*\s+{SELF}\s+(?:had\s+)?(?P<act>[a-z]+ed)\b", re.I)


@dataclass(frozen=True)
class Initiative:
    kind: str  # "imposed" or "own"
    agent: str | None  # who imposed it, when the sentence names them
    acts: tuple[str, ...]  # the words of what was done ("halt", "closed")
    at: int  # where the cue stands in the sentence


@functools.cache
def _self_cue() -> re.Pattern[str]:
    phrases = sorted(word_list("self_initiative_cues"), key=len, reverse=True)
    alts = [re.escape(p).replace("poss", POSS).replace("self", SELF).replace(r"\ ", r"\s+") for p in phrases]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I)


def initiatives(text: str) -> list[Initiative]:
    """What the sentence says of who started what it tells (empty for a question, a hedge,
    or a sentence that says both)."""
    if UNSURE.search(text):
        return []
    own = [Initiative("own", None, (m.group("act"),) if "act" in m.groupdict() else (), m.start())
           for pattern in (_self_cue(), EMPHATIC_SELF) for m in pattern.finditer(text)
           if not NEGATED.search(text[max(0, m.start() - 25):m.start()])]
    imposed: list[Initiative] = []
    for m in TO_ACT.finditer(text):
        if m.group("act").lower() not in NOT_AN_ACT and not NEGATED.search(text[max(0, m.start() - 25):m.start()]):
            imposed.append(Initiative("imposed", subject_before(text, m.start()), (m.group("act").lower(),), m.start()))
    for m in ORDERED_DONE.finditer(text):
        if not NEGATED.search(text[max(0, m.start() - 25):m.start()]):
            imposed.append(Initiative("imposed", subject_before(text, m.start()), (m.group("act").lower(),), m.start()))
    for pattern in (REQUEST_OF, CAME_FROM, BY_PASSIVE, WHICH_ORDERED, CLEFT):
        for m in pattern.finditer(text):
            if NOT_AGENT.match(re.sub(r"^(?:the)\s+", "", m.group("agent").strip(), flags=re.I)):
                continue  # "was requested by Thursday": a deadline, not who asked
            if not NEGATED.search(text[max(0, m.start() - 25):m.start()]):
                imposed.append(Initiative("imposed", bare(m.group("agent")), (), m.start()))
    if own and imposed:
        return []  # "paused voluntarily before the regulator could order it to": both told, no side taken
    return own or imposed


STOP = r"(?:the|a|an|or|on|in|at|to|by|after|before|when|that|which|who|as|with|from|was|were|had|has|have|is|are|" \
       r"said|says|then|also|not)"
# a name or a noun phrase right before the verb: "the Selwick transport authority", "Office for Water Quality"
SUBJECT = re.compile(rf"(?P<agent>(?:\b[Tt]he\s+|\b[A-Z][\w'\u2019&.-]*\s+)(?:(?!{STOP}\s)[\w'\u2019&.-]+\s+){{0,5}})"
                     r"(?:has\s+|had\s+|have\s+)?$")


def subject_before(text: str, at: int) -> str | None:
    """The name or noun phrase right before a verb ("the safety watchdog ordered")."""
    m = SUBJECT.search(text[:at])
    if not m:
        return None
    return bare(m.group("agent"))


NOT_AGENT = re.compile(rf"^(?:{WEEKDAY_RE}|{MONTH_RE}|next|last|this|end|midnight|noon|\d)\b", re.I)


def bare(agent: str) -> str | None:
    """A captured agent without its article and edges, cut before a conjunction ("the
    union but"); None for a pronoun or a time ("requested by Thursday" names a deadline)."""
    agent = re.split(r"\s+(?:but|and then|while|because|although|though|so)\b", agent.strip(), maxsplit=1)[0]
    agent = re.sub(r"^(?:the|The|THE)\s+", "", agent.strip(" ,.;:"))
    if agent.lower() in ("", "the", "it", "they", "he", "she", "we", "i", "you") or NOT_AGENT.match(agent) \
            or agent.lower() in ("request", "order", "orders", "instruction", "instructions"):
        return None
    return agent
