"""A person's title or role beside a mention of them: "Major General X", "X, spokesman for
the ministry" (Mention.role)."""
from __future__ import annotations

import re

TITLE_BEFORE = re.compile(
    r"((?:(?:[A-Z][a-z]+|[A-Z][a-z]*\.)\s+){0,6}?(?:Major General|Lieutenant General|Brigadier General|"
    r"General|Lt\. Gen\.|Maj\. Gen\.|Gen\.|Colonel|Col\.|President|Prime Minister|Minister|"
    r"Spokesman|Spokeswoman|Spokesperson|Adviser|Advisor|Ambassador|Secretary|Senator|Governor|"
    r"Mayor|Chairman|Chief|Commander|Director|Head|Leader|Judge|Reporter|reporter|spokesman)"
    r"(?:\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,6})?)\s*$")
ROLE_AFTER = re.compile(
    r"^,\s+((?:the\s+|a\s+|an\s+)?(?:former\s+|deputy\s+|senior\s+|acting\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:spokesman|spokeswoman|spokesperson|minister|president|adviser|advisor|commander|head|chief|"
    r"leader|director|ambassador|secretary|general|official|reporter|correspondent|envoy|mayor|governor)"
    r"(?:\s+(?:of|for|to|at)\s+[^,.:;]{3,80})?)(?=[,.:;])", re.I)


def role_of(cased: str, start: int, end: int, text: str | None = None) -> str | None:
    """The title before a name ("Major General X") or the role after it ("X, spokesman for …"),
    found in the truecased text and returned as the page writes it."""
    text = text or cased
    after = ROLE_AFTER.match(cased[end:end + 160])
    if after:
        return text[end + after.start(1): end + after.end(1)].strip()
    lo = max(0, start - 90)
    before = TITLE_BEFORE.search(cased[lo:start])
    if before:
        return text[lo + before.start(1): lo + before.end(1)].strip()
    return None
