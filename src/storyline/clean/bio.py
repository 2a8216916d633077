"""The author's biography below an article: "Jane Doe is the Courier's transport reporter.
Contact her at ...", "Jane Doe covers transport and the harbour."

Once the byline has named the author, a body line in the lower half of the article that opens
with the author's full name and goes on to describe a journalist (a word of
data/lexicons/bio_words.txt: "reporter", "covers", "joined", an e-mail address) is the site's
note about its writer, not the story; so is any line opening with the name right under an
"About the author" heading. A story rarely names its own writer, so the name is a safe anchor.
"""
from __future__ import annotations

import re

from . import lexicons as lx
from .lines import is_lowercase_text
from .text import CleanText, assemble

SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*", re.I)


def author_names(author: str | None) -> list[str]:
    """ "Jane Doe and John Roe" -> ["Jane Doe", "John Roe"] (names of two words or more)."""
    if not author:
        return []
    names = [n.strip(" .") for n in SPLIT_NAMES.split(author)]
    return [n for n in names if len(n.split()) >= 2 and len(n) <= 40]


def _describes_writer(normal: str) -> bool:
    return bool(lx.anywhere("bio_words").search(normal)) or "@" in normal


def bio_lines(cleaned: CleanText, author: str | None) -> list[int]:
    """Indexes (into `cleaned.lines`) of body lines that are the author's biography."""
    names = [n.lower() for n in author_names(author)]
    if not names:
        return []
    lines, verdicts = cleaned.lines, cleaned.verdicts
    body = [i for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True))
            if ln and v is None and i != cleaned.title_index]
    found = []
    for rank, i in enumerate(body):
        normal = lx.normal_line(lines[i])
        name = next((n for n in names if normal.startswith(n + " ") or normal.startswith(n + "'s ")), None)
        if name is None:
            continue
        heading = any(lx.normal_line(lines[j]) in ("about the author", "about the authors")
                      for j in range(max(0, i - 3), i))
        if heading or (rank >= len(body) / 2 and _describes_writer(normal[len(name):])):
            found.append(i)
    return found


def lowercase_byline_author(cleaned: CleanText) -> str | None:
    """ "by jane doe" on a page scraped in lower case -> "jane doe"."""
    if not is_lowercase_text("\n".join(cleaned.lines)):
        return None
    prefixes = lx.alternation("byline_prefixes")
    for ln in cleaned.top_lines(after_body=1):
        m = re.match(rf"^(?:{prefixes})\s+([a-z][\w.'’-]*(?:\s+[a-z][\w.'’-]*){{1,2}})\s*(?:$|[,|•·—–])", ln.strip())
        if m:
            return m.group(1)
    return None


def drop_author_bio(cleaned: CleanText, author: str | None) -> CleanText:
    """`cleaned` without the author's biography (kept in `removed`)."""
    found = bio_lines(cleaned, author or lowercase_byline_author(cleaned))
    if not found:
        return cleaned
    verdicts = list(cleaned.verdicts)
    for i in found:
        verdicts[i] = "author bio"
    return assemble(cleaned.lines, verdicts, cleaned.title, cleaned.fields, cleaned.title_index)
