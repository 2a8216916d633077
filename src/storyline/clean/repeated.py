"""Lines that several pages of one site share are the site's, not the articles'.

A text scrape keeps whatever furniture the shape and word rules miss (a slogan, a section
list, a promotion), but that furniture comes back on every page of the site while an
article's sentences do not. Given the cleaned texts of pages of one outlet or domain,
`repeated_lines` returns the lines found in two pages or more that are not shaped like a
sentence (a wire sentence reprinted by two pages must survive); `remove_lines` takes them
out of a text.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .lexicons import normal_line
from .lines import ends_like_sentence, is_sentence, word_count


def _key(line: str) -> str:
    return normal_line(line)


def repeated_lines(texts: Iterable[str], min_pages: int = 2) -> set[str]:
    """The lines (as written, stripped) that occur in at least `min_pages` of `texts` and
    are not shaped like a sentence (nor end like one: "Talks failed." is kept). Lines are
    compared without case, spacing, number and edge-punctuation differences ("12 Comments"
    and "3 comments" are one line). Two texts that share most of their sentences are
    versions of one article and count as one page."""
    pages: list[tuple[set[str], set[str]]] = []  # (the sentences, the candidate lines)
    written: dict[str, set[str]] = {}
    for text in texts:
        every, keys = set(), set()
        for raw in text.splitlines():
            line = raw.strip()
            key = _key(line)
            if not key:
                continue
            if is_sentence(line):
                every.add(key)
                continue
            if ends_like_sentence(line) and word_count(line) >= 2:
                continue
            keys.add(key)
            written.setdefault(key, set()).add(line)
        for seen_every, seen_keys in pages:
            if every and seen_every and len(every & seen_every) > 0.5 * min(len(every), len(seen_every)):
                seen_every |= every
                seen_keys |= keys
                break
        else:
            pages.append((every, keys))
    seen = Counter(key for _, page in pages for key in page)
    return {line for key, n in seen.items() if n >= min_pages for line in written[key]}


def remove_lines(text: str, lines: Iterable[str]) -> tuple[str, list[str]]:
    """`text` without the given lines (compared as `repeated_lines` compares them), and the
    lines taken out; paragraphs stay separated by blank lines."""
    drop = {_key(ln) for ln in lines}
    kept: list[str] = []
    removed: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line and _key(line) in drop:
            removed.append(line)
        else:
            kept.append(raw)
    body = "\n".join(kept)
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    return body.strip(), removed
