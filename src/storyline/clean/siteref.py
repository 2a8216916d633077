"""Lines at the end of a page where the site speaks of itself.

Below the article a site describes and sells itself: "Harbor Star is a member of the Press
Standards Council.", "Harbor Star is free to read. Support independent journalism: ...",
"Advertise with Harbor Star · reach 40,000 readers", "All content is copyright Harbor Star
Media unless stated otherwise." Once the outlet's name is known, a line below the last
paragraph of the article that names the outlet and reads as such a notice is the site's:
it is not running text, or it speaks to the reader, or it holds a footer, legal or prompt
word, or it opens with the name and describes it ("Harbor Star is ...", "Harbor Star - ...").
"""
from __future__ import annotations

import re

from . import lexicons as lx
from .lines import is_sentence, word_count
from .text import CleanText, assemble


def _name_forms(outlet: str) -> list[str]:
    name = re.sub(r"\s+", " ", outlet).strip().lower()
    forms = {name, re.sub(r"^the\s+", "", name)}
    return sorted((f for f in forms if len(f) >= 3), key=len, reverse=True)


def _notice(line: str, normal: str, form: str) -> bool:
    """A line naming the site that reads as the site's own notice (see the module docstring)."""
    if not is_sentence(line) or lx.anywhere("reader_pronouns").search(normal):
        return True
    for name in ("footer_legal", "furniture_footer", "furniture_prompts", "credit_lines"):
        if lx.anywhere(name).search(normal):
            return True
    opening = re.match(rf"^(?:the\s+)?{re.escape(form)}(?:'s)?\s*(?:is\s+(?:{lx.alternation('self_description')})\b|[-–—,.:|])", normal)
    return bool(opening)


def site_notice_lines(cleaned: CleanText, outlet: str | None) -> list[int]:
    """Indexes (into `cleaned.lines`) of body lines below the article that are the site's
    notices about itself."""
    if not outlet:
        return []
    forms = _name_forms(outlet)
    if not forms:
        return []
    lines, verdicts = cleaned.lines, cleaned.verdicts
    body = [i for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True))
            if ln and v is None and i != cleaned.title_index]
    mentions = {i: next((f for f in forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)",
                                                       lx.normal_line(lines[i]))), None)
                for i in body}
    article = [i for i in body if mentions[i] is None and is_sentence(lines[i])
               and word_count(lines[i]) >= 10]
    end = article[-1] if article else -1
    found = []
    for i in body:
        form = mentions[i]
        if i > end and form and word_count(lines[i]) <= 40 and \
                _notice(lines[i], lx.normal_line(lines[i]), form):
            found.append(i)
    return found


def drop_site_notices(cleaned: CleanText, outlet: str | None) -> CleanText:
    """`cleaned` without the site's notices about itself (kept in `removed`)."""
    found = site_notice_lines(cleaned, outlet)
    if not found:
        return cleaned
    verdicts = list(cleaned.verdicts)
    for i in found:
        verdicts[i] = "site notice"
    return assemble(cleaned.lines, verdicts, cleaned.title, cleaned.fields, cleaned.title_index)
