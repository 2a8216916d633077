"""A readable story or page title: a title written all in lower (or upper) case gets its
capitals back from the way the page itself writes its words, or at least sentence case."""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _mid_sentence_forms(text: str) -> dict[str, Counter[str]]:
    """How often each word is written in each form in `text`, counting only words that do not
    open a sentence or a line (where a capital says nothing)."""
    forms: dict[str, Counter[str]] = {}
    for m in _WORD.finditer(text):
        word = m.group(0)
        before = text[max(0, m.start() - 3):m.start()]
        if not before.strip() or re.search(r"[.!?:\"“”]\s*$", before) or "\n" in before:
            continue  # a sentence or line start
        forms.setdefault(word.lower(), Counter())[word] += 1
    return forms


def _cased_forms(text: str) -> dict[str, str]:
    """Each word's most frequent cased form in `text`, when it is written so more often than
    in lower case mid-sentence."""
    best = {}
    for low, counter in _mid_sentence_forms(text).items():
        form, n = counter.most_common(1)[0]
        if form != low and n > sum(c for f, c in counter.items() if f == low):
            best[low] = form
    return best


def readable_title(title: str | None, text: str = "") -> str | None:
    """`title` as it reads best: unchanged when it is already in mixed case; else each word
    in the case the page's text writes it in mid-sentence ("us" -> "US" where the text says
    "US"), the first word capitalised. `text` can be one page or several of the story."""
    if not title:
        return title
    letters = [c for c in title if c.isalpha()]
    if not letters or (any(c.isupper() for c in letters) and any(c.islower() for c in letters)):
        return title
    forms = _cased_forms(text)
    low = title.lower()

    def recase(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in forms:
            return forms[word]
        parts = re.split(r"([-'’])", word)  # "us-led" -> "US-led" from "US"
        if len(parts) > 1 and any(p in forms for p in parts):
            return "".join(forms.get(p, p) for p in parts)
        return word

    cased = _WORD.sub(recase, low)
    for i, c in enumerate(cased):
        if c.isalpha():
            return cased[:i] + c.upper() + cased[i + 1:]
    return cased


def without_site(title: str | None, outlet: str | None) -> str | None:
    """A headline without the site's name that a browser title adds after a bar or dash:
    "Pier closes | Harbor Star" -> "Pier closes" when the outlet is the Harbor Star."""
    if not title or not outlet:
        return title
    name = re.escape(re.sub(r"^the\s+", "", outlet.strip(), flags=re.I))
    cut = re.sub(rf"\s+(?:\||[-–—:]{{1,2}})\s+(?:the\s+)?{name}\s*$", "", title, flags=re.I)
    return cut if len(cut.split()) >= 3 else title


def story_forms(cased_text: str) -> dict[str, str]:
    """How a story writes its words with capitals: each word the story's mixed-case pages
    write mid-sentence with a capital at least twice and never in lower case."""
    return {low: c.most_common(1)[0][0] for low, c in _mid_sentence_forms(cased_text).items()
            if low not in c and c.most_common(1)[0][1] >= 2}


def recased(text: str, forms: dict[str, str]) -> str:
    """A line from an all-lowercase page with each lowercase word in the form the story
    writes it ("port of brannoch" -> "Port of Brannoch"); other words stay as they are."""
    return _WORD.sub(lambda m: forms.get(m.group(0), m.group(0)) if m.group(0).islower() else m.group(0), text)
