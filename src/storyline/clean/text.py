"""Line-level boilerplate removal for scraped plain text.

Scraped pages are the article's lines mixed with the site's: language menus, share and
print bars, comment forms, "related articles" lists, weather widgets, video timestamps,
navigation crumbs and footers. Each line is judged on its own shape and words; after a
strong footer marker the short lines that follow are footer too. Every line that is not
judged boilerplate is kept, however short: a one-line paragraph may be a sentence we need.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..dates import ABSOLUTE_DATE_PATTERNS

# Names of languages in their own language, as language menus list them.
LANGUAGE_NAMES = [
    "english", "français", "francais", "deutsch", "español", "espanol", "italiano",
    "português", "portugues", "русский", "日本語", "한국어", "한어", "中文", "简体中文", "繁體中文",
    "العربية", "فارسی", "türkçe", "polski", "nederlands", "svenska", "suomi", "suomalainen",
    "ελληνικά", "indonesian", "bahasa", "latina", "sanskrit", "hindi", "हिन्दी", "עברית",
    "tiếng việt", "ไทย", "українська", "čeština", "magyar", "română", "dansk", "norsk", "urdu", "اردو",
]

_PHRASES = {
    "comment form": [
        r"please enter your (comment|name|email)", r"^add your comments?", r"^your comment",
        r"^user ?name( required)?", r"enter the words you see", r"^no comments?\.?$",
        r"comments (may|will) be (removed|moderated)", r"^leave a (reply|comment)",
        r"^post a comment", r"\d+\s*comment\(s\)", r"^go to forum", r"^\d+\s+comments?$",
        r"^(name|email|website)\s*\*?$", r"save my name, email", r"^comments?$",
        r"you must be logged in to post",
    ],
    "share bar": [
        r"^share( this( article| story| page)?)?(\s+on\s+\w+)?\s*:?$", r"^print\s*e-?mail",
        r"bookmark and share", r"^(tweet|email|print|whatsapp|facebook|twitter|telegram|linkedin)$",
        r"adjust font size", r"^font size", r"^(share|print|email)( \| (share|print|email))+",
    ],
    "related": [
        r"^related (articles?|stories|news|posts|content)$", r"^latest (articles?|news|stories)$",
        r"^most (read|popular|viewed)$", r"^(recommended|trending|read more|more stories)$",
        r"^you (may|might) also like", r"^stay connected$", r"^follow us", r"^subscribe",
        r"newsletter$", r"^send your stories", r"^get more from", r"^editor'?s picks?$",
    ],
    "footer": [
        r"^(©|\(c\)|copyright\b)", r"all rights reserved",
        # the site speaking of itself: "X's website can also be reached at ...", "visit our site"
        r"\b(web ?site|site|app)\b.{0,40}\b(address(es)?|accessed|reached|available at|download)\b",
        r"^(terms of use|privacy policy|contact us|about us)",
        r"^source\s*:\s*\S", r"^(back to top|top of page)$",
    ],
}
PATTERNS = [(kind, re.compile(p, re.I)) for kind, ps in _PHRASES.items() for p in ps]
LONG_LINE_PATTERNS = [(k, p) for k, p in PATTERNS if k == "comment form"]

# Kinds after which the rest of the page is the site's, not the article's.
FOOTER_MARKERS = {"comment form", "share bar", "related"}

TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
WEATHER = re.compile(r"^-?\d{1,3}(\.\d)?\s*°?\s*[CF]\b.{0,30}$")
URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", re.I)
CRUMB = re.compile(r"^[\w&' -]{1,30}(\s*[/>»|›]\s*[\w&' -]{1,30})+$")
WIRE_END = re.compile(r"\s*(\benditem\b|\(end\)|\bends\b|-30-)\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?…\"”’)]$")

# Words that begin a sentence; a period glued to one of them ("iraq.the") is a lost space.
SENTENCE_STARTERS = ("the", "a", "an", "this", "that", "these", "those", "it", "its", "he",
                     "she", "they", "we", "i", "there", "however", "but", "and", "in", "on",
                     "at", "as", "after", "before", "since", "when", "while", "although",
                     "according", "meanwhile", "its", "his", "her", "their", "our", "so")
GLUED = re.compile(rf"(?<=[a-z0-9]{{3}})\.(?=(?:{'|'.join(SENTENCE_STARTERS)})\b)", re.I)


@dataclass
class CleanText:
    title: str | None
    body: str
    removed: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # lines above the body (title, dates, menus)
    lines: list[str] = field(default_factory=list)  # every raw line, stripped
    verdicts: list[str | None] = field(default_factory=list)  # kind of boilerplate, or None


def is_language_menu(line: str) -> bool:
    low = line.lower()
    hits = sum(1 for name in LANGUAGE_NAMES if name in low)
    if hits >= 3 or hits < 2:
        return hits >= 3
    scripts = {unicodedata.name(c, "?").split()[0] for c in line if c.isalpha()}
    return len(scripts) >= 3


def is_date_line(line: str) -> bool:
    """A line that is only a date (with an optional weekday)."""
    stripped = line.strip(" ,|-")
    if len(stripped) > 60:
        return False
    for pattern in ABSOLUTE_DATE_PATTERNS:
        m = pattern.search(stripped)
        if m and len(stripped) - (m.end() - m.start()) <= 12:
            return True
    return False


def classify_line(line: str) -> str | None:
    """The kind of boilerplate a single line is, or None for article text."""
    text = line.strip().strip("•·*-–").strip()
    if not text:
        return None
    if is_language_menu(text):
        return "language menu"
    if TIMESTAMP.match(text):
        return "timestamp"
    if WEATHER.match(text):
        return "weather"
    if URL_ONLY.match(text):
        return "footer"
    if is_date_line(text):
        return "date line"
    words = len(text.split())
    for kind, pattern in (PATTERNS if words <= 14 else LONG_LINE_PATTERNS):
        if pattern.search(text):
            return kind
    if CRUMB.match(text) and words <= 8 and not SENTENCE_END.search(text):
        return "crumb"
    return None


def _find_title(lines: list[str], verdicts: list[str | None]) -> int | None:
    """The first headline-shaped line near the top; one-word lines before it are section
    labels ("news", "world") and are marked so."""
    labels: list[int] = []
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if not ln or v is not None:
            continue
        words = len(ln.split())
        if words == 1:
            labels.append(i)
        elif words <= 25 and not ln.endswith((".", ":")):
            for j in labels:
                verdicts[j] = "section label"
            return i
        else:
            return None
        if len(labels) > 2:
            return None
    return None


def clean_text(raw: str, find_title: bool = True) -> CleanText:
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    verdicts = [classify_line(ln) for ln in lines]

    # After a strong footer marker, short lines with no sentence ending are the site's too.
    footer_started = False
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if v in FOOTER_MARKERS and _rest_is_short(lines[i + 1:]):
            footer_started = True
        elif footer_started and ln and v is None and len(ln.split()) <= 8 and not SENTENCE_END.search(ln):
            verdicts[i] = "footer"

    title_index = _find_title(lines, verdicts) if find_title else None
    title = lines[title_index] if title_index is not None else None

    body_lines: list[str] = []
    removed: list[str] = []
    header: list[str] = []
    body_started = False
    for i, (ln, v) in enumerate(zip(lines, verdicts, strict=True)):
        if i == title_index:
            header.append(ln)
            continue
        if v is not None:
            removed.append(ln)
            if not body_started:
                header.append(ln)
            continue
        if ln:
            body_started = True
            body_lines.append(WIRE_END.sub("", ln))
    body = "\n\n".join(b for b in body_lines if b)
    return CleanText(title=title, body=body, removed=removed, header=header, lines=lines,
                     verdicts=verdicts)


def _rest_is_short(rest: list[str]) -> bool:
    """True when what follows has no paragraph of running text (so it is not the article)."""
    return not any(len(ln.split()) > 25 and SENTENCE_END.search(ln) for ln in rest)


def repair_glued_sentences(text: str) -> str:
    """Put back the space lost between two sentences ("iraq.the" -> "iraq. the")."""
    return GLUED.sub(". ", text)
