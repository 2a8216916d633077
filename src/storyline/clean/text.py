"""Line-level boilerplate removal for scraped plain text.

Scraped pages are the article's lines mixed with the site's: menus, share and print bars,
captions and credits, prompts, comment forms, "most read" lists, weather widgets, video
timestamps, crumbs and footers. Each line is first judged on its own (`lines.classify_line`);
then on its neighbours: a run of three or more short lines without sentence punctuation is a
menu; the short headline-like lines under a list heading ("Trending", "More from ...") are
the list, up to the next sentence; after a strong footer marker the short lines that follow
are footer too. A line shaped like a sentence is never removed by a rule of shape, and every
line not judged boilerplate is kept, however short: a one-line paragraph may be a sentence
we need.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicons as lx
from .lines import (  # noqa: F401  (classify_line is part of this module's API)
    classify_line,
    ends_like_sentence,
    is_sentence,
    word_count,
)

# two sentences in one line: "... the union said. Talks ..." (not "B.C. NEWS", "Dr. Lee", "Jan. 8")
INNER_SENTENCE_END = re.compile(r"[a-z]{3}\.[\"”’]?\s+[\"“‘]?[A-Z]")  # (a headline may ask "...? ...")
BULLET = re.compile(r"^(?:[•·*▪‣◦–-]|\d{1,2}[.)])\s+\S")
# A wire story's end mark: "Enditem", "(END)", "ENDS" (in capitals: "the strike ends" is text)
WIRE_END = re.compile(r"\s*(?:(?i:\benditem\b|\(end\))|\bENDS\b|-30-)\s*$")
# "title: ...", "url: ...", "date: ..." lines a scraper writes above the page text.
FIELD_LINE = re.compile(r"^(?P<k>title|headline|url|link|canonical|source url|date|published|"
                        r"author|byline|site|site name|outlet|publisher)\s*[:=]\s*(?P<v>\S.*)$", re.I)
URL_LINE = re.compile(r"^(?:url\s*:\s*)?(?P<v>https?://\S+)$", re.I)

# Words that begin a sentence; a period glued to one of them ("harbour.the") is a lost space.
SENTENCE_STARTERS = ("the", "a", "an", "this", "that", "these", "those", "it", "its", "he",
                     "she", "they", "we", "i", "there", "however", "but", "and", "in", "on",
                     "at", "as", "after", "before", "since", "when", "while", "although",
                     "according", "meanwhile", "his", "her", "their", "our", "so")
GLUED = re.compile(rf"(?<=[a-z0-9]{{3}})\.(?=(?:{'|'.join(SENTENCE_STARTERS)})\b)", re.I)

# Kinds after which the rest of the page is the site's, once no running text follows.
FOOTER_MARKERS = {"comment form", "share bar", "list heading", "footer", "prompt"}
# Kinds a title-case headline can be mistaken for; the title finder falls back on them.
SOFT_KINDS = {"word list", "crumb"}


@dataclass
class CleanText:
    title: str | None
    body: str
    removed: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # lines above the body (title, dates, menus)
    lines: list[str] = field(default_factory=list)  # every raw line, stripped
    verdicts: list[str | None] = field(default_factory=list)  # kind of boilerplate, or None
    fields: dict[str, str] = field(default_factory=dict)  # "url", "date", "author" a scraper wrote
    first_body: int | None = None  # index in `lines` of the first body line
    title_index: int | None = None  # index in `lines` of the title line

    def top_lines(self, after_body: int = 1) -> list[str]:
        """The lines above the body and the first `after_body` body lines: where a byline,
        a dateline or a "Published ..." line belongs."""
        if self.first_body is None:
            return list(self.lines)
        end, seen = self.first_body, 0
        while end < len(self.lines) and seen < after_body:
            if self.lines[end] and self.verdicts[end] is None:
                seen += 1
            end += 1
        return self.lines[:end]


def _read_fields(lines: list[str], verdicts: list[str | None]) -> dict[str, str]:
    """Key-value lines and a bare URL a scraper wrote at the top of the page."""
    fields: dict[str, str] = {}
    seen = 0
    for i, ln in enumerate(lines):
        if not ln:
            continue
        seen += 1
        if seen > 8:
            break
        m = URL_LINE.match(ln)
        if m:
            fields.setdefault("url", m.group("v"))
            verdicts[i] = "metadata"
            continue
        m = FIELD_LINE.match(ln)
        if m:
            key = m.group("k").lower()
            key = {"headline": "title", "link": "url", "canonical": "url", "source url": "url",
                   "published": "date", "byline": "author", "site": "outlet",
                   "site name": "outlet", "publisher": "outlet"}.get(key, key)
            fields.setdefault(key, m.group("v").strip())
            verdicts[i] = "metadata"
    return fields


def _find_title(lines: list[str], verdicts: list[str | None]) -> int | None:
    """The headline near the top: among the lines above the first paragraph of running text,
    the first of six words or more without a final period (slogans and site names are
    shorter), else the first of four or more; the lines before it that are not boilerplate
    are labels (a site name, a slogan, a section: "news", "world") and are marked so. A
    title-case line that reads like a menu, or a short line, is taken only when no other
    headline comes before the body."""
    candidates: list[int] = []
    labels: list[int] = []
    fallback = None
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if not ln:
            continue
        if v is not None:
            if v in SOFT_KINDS and fallback is None and _headline_sized(ln, v):
                fallback = i
            continue
        words = word_count(ln)
        if not _slogan(ln) and (words > 25 or (is_sentence(ln) and words >= 10) or
                                (words >= 8 and INNER_SENTENCE_END.search(ln))):
            break  # running text: the body has begun
        if ln.endswith((".", ":")) and words >= 6 and not _slogan(ln):
            break
        headline = words >= 4 and not ln.endswith((".", ":")) and not _masthead_shaped(ln)
        (candidates if headline else labels).append(i)
        if len(candidates) >= 4 or len(candidates) + len(labels) > 20:
            break
    title = _pick_title(lines, verdicts, candidates)
    if title is None:
        multiword = [i for i in labels if word_count(lines[i]) >= 2]
        return fallback if fallback is not None else (multiword[-1] if multiword else None)
    for j in candidates + labels:
        if j < title:
            verdicts[j] = "section label"
    return title


def _slogan(line: str) -> bool:
    """A site's slogan in several very short sentences ("Your coast. Your people. Your
    paper. Out every Friday."): no sentence of it runs to six words, as running text's do."""
    parts = [p for p in re.split(r"[.!?]+\s*", line) if p.strip()]
    return len(parts) >= 2 and all(word_count(p) < 6 for p in parts)


def _masthead_shaped(line: str) -> bool:
    """A site's name with its slogan: "Harbour Courier - Local news since 1888", "HARBOUR
    COURIER | Penmarth's daily paper": before a spaced dash or bar, one to four capitalised
    words, the last a word outlet names are made of."""
    parts = re.split(r"\s+[-–—|]\s+|\s*\|\s*", line, maxsplit=1)
    if len(parts) < 2:
        return False
    words = parts[0].split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and \
        words[-1].lower() in lx.word_set("outlet_words")


def _pick_title(lines: list[str], verdicts: list[str | None], candidates: list[int]) -> int | None:
    """Of the headline-sized lines above the body, the last before the byline or date line
    (or before the body); when that one directly follows another headline-sized line of
    six words or more (only blank lines between), it is the standfirst and the one before
    it the title. Slogans and site names above the title (short, or menus between) are
    thus passed over."""
    if not candidates:
        return None
    anchor = next((j for j in range(candidates[0], len(lines))
                   if verdicts[j] in ("byline", "date line", "date label")), None)
    before = [i for i in candidates if anchor is None or i < anchor] or candidates[:1]
    last = before[-1]
    if len(before) >= 2:
        previous = before[-2]
        adjacent = not any(lines[j] for j in range(previous + 1, last))
        if adjacent and word_count(lines[previous]) >= 6:
            return previous
    return last


def _headline_sized(line: str, kind: str) -> bool:
    """A title-case headline ("word list"), or one with the site's name after a bar
    ("Ferry Talks Fail Again | Harbor Star")."""
    parts = re.split(r"\s*\|\s*", line)
    if kind == "crumb":
        return len(parts) == 2 and 4 <= word_count(parts[0]) <= 20
    return 3 <= word_count(parts[0]) <= 20


def _short_fragment(line: str) -> bool:
    return word_count(line) <= 4 and not ends_like_sentence(line)


def _mark_runs(lines: list[str], verdicts: list[str | None], keep: set[int]) -> None:
    """Three or more short lines in a row without sentence punctuation (blank lines between
    them allowed; boilerplate lines count): a menu or a link list."""
    run: list[int] = []
    for i in [*range(len(lines)), None]:
        if i is not None and not lines[i]:
            continue
        if i is not None and i not in keep and (verdicts[i] is not None or _short_fragment(lines[i])):
            run.append(i)
            continue
        fresh = [j for j in run if verdicts[j] is None]
        if len(run) >= 3 and len(fresh) >= 2:
            for j in fresh:
                verdicts[j] = "menu"
        run = []


def _mark_caption_before_credit(lines: list[str], verdicts: list[str | None], keep: set[int]) -> None:
    """A bare picture credit on its own line ("Getty Images", "Photo: Jane Doe/Agency") closes
    a caption: the short line just above it, when it reports no speech, is that caption."""
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if v != "caption" or word_count(ln) > 6 or ends_like_sentence(ln):
            continue  # "The images were shared." is a short sentence, not a credit
        j = i - 1
        while j >= 0 and not lines[j]:
            j -= 1
        if j < 0 or verdicts[j] is not None or j in keep:
            continue
        above = lines[j]
        if word_count(above) <= 20 and not re.search(r"[\"“”«»]|\b(?:said|says|told|added)\b", above):
            verdicts[j] = "caption"


def _mark_prompt_blurbs(lines: list[str], verdicts: list[str | None], keep: set[int]) -> None:
    """The blurb inside a sign-up box: a short line right under a prompt ("Get the weekly
    email") and right above a form or another prompt ("Your email", "Subscribe")."""
    filled = [i for i, ln in enumerate(lines) if ln]
    for k in range(1, len(filled) - 1):
        above, i, below = filled[k - 1], filled[k], filled[k + 1]
        if verdicts[i] is None and i not in keep and verdicts[above] == "prompt" and \
                verdicts[below] in ("prompt", "furniture", "comment form") and \
                word_count(lines[i]) <= 30 and not re.search(r"[\"“”«»]|\b(?:said|says|told)\b", lines[i]):
            verdicts[i] = "prompt"


def _mark_lists(lines: list[str], verdicts: list[str | None], keep: set[int]) -> None:
    """Under a list heading ("Most Read", "Related", "More from ..."), the headline-like lines
    are the list, up to the first line shaped like running text."""
    for i, v in enumerate(verdicts):
        if v != "list heading":
            continue
        for j in range(i + 1, len(lines)):
            ln = lines[j]
            if not ln or verdicts[j] is not None:
                continue
            bulleted = bool(BULLET.match(ln))  # "· headline", "- headline", "1. headline"
            if (is_sentence(ln) and not bulleted) or word_count(ln) > 20 or j in keep:
                break
            verdicts[j] = "related"


def _mark_footer(lines: list[str], verdicts: list[str | None], keep: set[int]) -> None:
    """After a strong footer marker, with no paragraph of running text below it, the short
    lines are the site's too; after a legal notice ("©", "All rights reserved") even short
    sentences are ("This material may not be republished.")."""
    legal = False
    started = False
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if v == "footer" and lx.anywhere("footer_legal").search(lx.normal_line(ln)):
            if _rest_is_short(lines[i + 1:], verdicts[i + 1:], paragraph=25):
                started = legal = True
        elif v in FOOTER_MARKERS and _rest_is_short(lines[i + 1:], verdicts[i + 1:]):
            started = True
        elif started and ln and v is None and i not in keep:
            if (not is_sentence(ln) and word_count(ln) <= 12) or (legal and word_count(ln) <= 40):
                verdicts[i] = "footer"


def _rest_is_short(rest: list[str], verdicts: list[str | None], paragraph: int = 10) -> bool:
    """True when what follows has no paragraph of running text (a sentence of `paragraph`
    words or more), so it is not the article. After a legal notice only a long paragraph
    counts: the short sentences of a notice follow it."""
    return not any(v is None and word_count(ln) >= paragraph and is_sentence(ln)
                   for ln, v in zip(rest, verdicts, strict=True))


def strip_credit(line: str) -> str:
    """A caption line without its picture credit: "... on March 3. (AP Photo/Jane Doe)" ->
    "... on March 3."; "[File: Jane Doe/Agency]" and a trailing "Photo: Jane Doe" likewise."""
    words = lx.alternation("caption_words")
    bracket = re.compile(rf"\s*[(\[][^()\[\]]{{0,80}}\b(?:{words})s?\b[^()\[\]]{{0,80}}[)\]]\s*$", re.I)
    tail = re.compile(rf"(?<=[.!?\"”])\s+(?:{words})s?(?:\s+credit)?\s*:\s*[^.!?]{{1,80}}$", re.I)
    return tail.sub("", bracket.sub("", line)).rstrip()


def clean_text(raw: str, find_title: bool = True) -> CleanText:
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    verdicts = [classify_line(ln) for ln in lines]
    fields = _read_fields(lines, verdicts)

    title_index = _find_title(lines, verdicts) if find_title and "title" not in fields else None
    title = fields.get("title") or (lines[title_index] if title_index is not None else None)
    keep = {title_index} if title_index is not None else set()
    if title_index is not None:
        verdicts[title_index] = None
    _mark_caption_before_credit(lines, verdicts, keep)
    _mark_prompt_blurbs(lines, verdicts, keep)
    _mark_runs(lines, verdicts, keep)
    _mark_lists(lines, verdicts, keep)
    _mark_footer(lines, verdicts, keep)

    return assemble(lines, verdicts, title, fields, title_index)


def assemble(lines: list[str], verdicts: list[str | None], title: str | None,
             fields: dict[str, str], title_index: int | None) -> CleanText:
    """The body (lines judged article text, picture credits and wire end marks cut), the
    removed lines and the header, from the lines and their verdicts."""
    body_lines: list[str] = []
    removed: list[str] = []
    header: list[str] = []
    first_body = None
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if i == title_index:
            header.append(ln)
            continue
        if v is not None:
            removed.append(ln)
            if first_body is None:
                header.append(ln)
            continue
        if ln:
            first_body = i if first_body is None else first_body
            text = WIRE_END.sub("", strip_credit(ln))
            if text != ln:
                removed.append(ln[len(text):].strip())
            body_lines.append(text)
    body = "\n\n".join(b for b in body_lines if b)
    return CleanText(title=title, body=body, removed=removed, header=header, lines=lines,
                     verdicts=verdicts, fields=fields, first_body=first_body,
                     title_index=title_index)


def repair_glued_sentences(text: str) -> str:
    """Put back the space lost between two sentences ("harbour.the" -> "harbour. the")."""
    return GLUED.sub(". ", text)
