"""What one line of a scraped page is, judged on its own: its shape and its words.

Shapes are language-independent: a line shaped like a sentence (it ends with sentence
punctuation or a closing quote and has six words or more) is running text; a list of items
separated by | • · or a spaced slash, a line of capitalised words with no function word,
a line in three scripts with no sentence punctuation are menus. Words come from the
furniture lists in data/lexicons (see `lexicons`). `classify_line` gives the kind of
boilerplate a line is, or None for article text; the context rules (runs of short lines,
lists under a "Most read" heading, footers) are in `text`.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..dates import ABSOLUTE_DATE_PATTERNS
from . import lexicons as lx

SENTENCE_END = re.compile(r"[.!?…。！？؟।۔][\"'”’»)\]]*$|[\"”»]$")
TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
WEATHER = re.compile(r"^-?\d{1,3}(\.\d)?\s*°?\s*[CF]\b.{0,30}$")
URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", re.I)
EMAIL = re.compile(r"[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.I)
CRUMB = re.compile(r"^[\w&' -]{1,30}(\s*[/>»|›]\s*[\w&' -]{1,30})+$")
LIST_SEPARATORS = re.compile(r"\s*[|•·▪‧∙◦]\s*|\s+/\s+|\s+[>»›]\s+|\s{2,}")
TIMECODE = r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?"
NO_LETTERS = re.compile(r"^[\W\d_]*$")
CJK_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*日")
# Thai, Lao, Myanmar, Khmer, kana and CJK ideographs: scripts written without spaces
UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
                      r"\u4e00-\u9fff\uf900-\ufaff]")


@functools.lru_cache(maxsize=16384)
def word_count(line: str) -> int:
    """Words in a line; in scripts written without spaces, about one word per two characters."""
    return len(line.split()) + len(UNSPACED.findall(line)) // 2


def is_sentence(line: str) -> bool:
    """Shaped like a sentence of running text: ends with . ? ! (or a closing quote) and has
    six words or more. Short lines can be sentences too; this is the shape no furniture has."""
    text = line.strip()
    return bool(SENTENCE_END.search(text)) and word_count(text) >= 6


def is_lowercase_text(text: str) -> bool:
    """A page scraped all in lower case (fewer than one letter in 200 a capital)."""
    letters = sum(map(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, text)) / letters < 0.005


def ends_like_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line.strip()))


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ")[0]


def scripts_of(line: str) -> set[str]:
    return {_script(c) for c in line if c.isalpha()}


def is_multiscript_menu(line: str) -> bool:
    """Three scripts or more in a line without sentence punctuation: a menu of languages
    written in their own scripts ("中文 English Русский العربية")."""
    if line.isascii() or ends_like_sentence(line) or word_count(line) > 20:
        return False
    return len(scripts_of(line)) >= 3


def is_separated_list(line: str) -> bool:
    """Items separated by | • · or a spaced slash, each short: a menu or link list."""
    items = [i for i in LIST_SEPARATORS.split(line.strip()) if i.strip()]
    if ends_like_sentence(line) and not (line.count("|") >= 3 and len(items) >= 4):
        return False  # (a menu of four pipe-separated items may end on "WIN!")
    if len(items) < 2 or (len(items) == 2 and "|" not in line):
        return False
    return all(len(i.split()) <= 5 for i in items)


def starts_with_date(line: str) -> bool:
    """A short line that opens with a date: "8 Sep 2025 | Updated 06:12 GMT",
    "March 13, 2025 11:48 AM GMT"."""
    if word_count(line) > 14 or is_sentence(line):
        return False
    for pattern in ABSOLUTE_DATE_PATTERNS:
        m = pattern.match(line.strip(" ,|-"))
        if m:
            return True
    return False


def is_video_line(line: str, normal: str) -> bool:
    """A video item: "01:52  Watchdog chief explains decision", "VIDEO 02:14 | The moment ..."."""
    if is_sentence(line) or word_count(line) > 25:
        return False
    text = line.strip()
    if re.match(rf"^{TIMECODE}\s+\S", text):
        return True
    m = re.match(rf"^[\[(]?(?:{lx.alternation('caption_prefixes')}|{lx.alternation('furniture_prefixes')})"
                 rf"[\])]?\s*[:|-]?\s*{TIMECODE}(?:\s|$)", text.lower())
    return bool(m)


def _capitalised(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return token in {"&", "+"}
    first = letters[0]
    return first.isupper() or not (first.isupper() or first.islower())  # uncased scripts


def is_word_list(line: str) -> bool:
    """Five capitalised words or more, none of them a function word, no sentence
    punctuation: a menu or a list of names ("Home News Sport Business Opinion")."""
    tokens = line.split()
    if len(tokens) < 5 or ends_like_sentence(line) or any(c.isdigit() for c in line):
        return False
    function = lx.word_set("function_words")
    for t in tokens:
        bare = t.strip(",.:;'\"()").lower()
        if not _capitalised(t) or bare in function:
            return False
    return True


# a clock time beside a date ("at 4:12 p.m.", "06:12 EDT", "19:00 CET")
CLOCK = re.compile(r"(?:\bat\s+)?\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?(?:\s+(?-i:[A-Z]{2,5})\b)?"
                   r"|\b\d{1,2}\s*[ap]\.\s?m\.?(?:\s+(?-i:[A-Z]{2,5})\b)?", re.I)


@functools.cache
def _update_stamp() -> re.Pattern[str]:
    """An "Updated"/"Last modified" label after a date, at the line's start or after a bar."""
    return re.compile(rf"(?:^|[|•·]\s*)(?:{lx.alternation('date_labels_updated')})\b[\s:]*", re.I)


def is_date_line(line: str) -> bool:
    """A line that is only a date (with an optional weekday, clock time and "Updated"
    stamp: "May 13, 2025 at 4:12 p.m.", "March 18, 2026 | Updated 4:52 p.m.")."""
    stripped = line.strip(" ,|-")
    if len(stripped) > 80:
        return False
    bare = CLOCK.sub("", stripped)
    bare = _update_stamp().sub(" ", bare)
    bare = re.sub(r"[\s,|•·]+", " ", bare).strip(" ,|-")
    if len(bare) > 60:
        return False
    for pattern in (*ABSOLUTE_DATE_PATTERNS, CJK_DATE):
        m = pattern.search(bare)
        if m and len(bare) - (m.end() - m.start()) <= 12:
            return True
    return False


def is_labelled_date(line: str) -> bool:
    """A date label and then only a date ("Published Feb. 11, 2026 6:05 a.m. | Updated Feb.
    11, 2026 9:40 a.m.", "Broadcast: Friday 14 November 2025, 19:00 CET")."""
    text = line.strip().lower()  # (not the normal form: it writes every number as 0)
    for name in ("date_labels_published", "date_labels_updated"):
        m = lx.starts_with(name).match(text)
        if m:
            rest = re.sub(r"^[\s:.-]+", "", text[m.end():])
            first = re.split(r"\s*[|•·]\s*", rest)[0]
            return bool(first) and is_date_line(first)
    return False


def _labelled(normal: str, name: str) -> bool:
    return bool(lx.starts_with(name).match(normal))


def is_date_label_line(line: str, normal: str) -> bool:
    """ "Published 11:02 a.m. ET Jan. 8, 2023", "Updated 2 hours ago", "date 2024-03-05". """
    if word_count(line) > 24:
        return False
    if is_sentence(line) and word_count(line) > 12 and not is_labelled_date(line):
        return False
    if not (_labelled(normal, "date_labels_published") or _labelled(normal, "date_labels_updated")):
        return False
    return bool(re.search(r"\d", line)) or "ago" in normal


def is_byline(line: str) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe, Harbor Star", "By Jane Doe | March 3, 2024"."""
    m = re.match(rf"^(?:{lx.alternation('byline_prefixes')})\s+(.+)$", line.strip(), re.I)
    if not m or word_count(line) > 16:
        return False
    head = re.split(r"\s*[|,•·—–]\s*|\s+-\s+", m.group(1))[0]
    tokens = head.split()
    if not tokens or len(tokens) > 6 or (len(tokens) < 2 and word_count(line) > 3) or (is_sentence(line) and not is_date_line(m.group(1))):
        return False
    connectors = {"and", "&", "und", "et", "y", "e"}
    return all(t[:1].isupper() or t.lower() in connectors or t[:1] in "@" for t in tokens)


def is_furniture_words(normal: str) -> bool:
    """A line made only of furniture words: "Print E-mail Bookmark and Share", "Menu   Search
    Log in", "Share: Facebook X LinkedIn"."""
    whole = lx.whole_line("furniture_whole_lines")
    joiners = {"and", "&", "+"}
    for splitter in (r"\s{2,}|\s*[|/•·]\s*|:\s+", r"[\s|/•·:]+"):
        items = [t.strip(" .,:;*") for t in re.split(splitter, normal) if t.strip(" .,:;*")]
        if len(items) >= 2 and all(t in whole or t in joiners for t in items):
            return any(t in whole for t in items)
    return False


def is_comment_form(line: str, normal: str) -> bool:
    """A line of a comment form: a long phrase of one anywhere, a short one ("leave a
    comment") in a line that is not running text or speaks to the reader."""
    found = [m.group(0) for m in lx.anywhere("furniture_comment_form").finditer(normal)]
    if not found:
        return False
    longest = max(len(f.split()) for f in found)
    if longest >= 4 or (longest == 3 and word_count(line) <= 15):
        return True
    return not is_sentence(line) or bool(lx.anywhere("reader_pronouns").search(normal))


def is_caption(line: str, normal: str) -> bool:
    """A caption or picture credit: "Photo: ...", "FILE - ...", "Image source, ...", or a short
    line naming a picture ("Getty Images", "Photo courtesy of Jane Doe")."""
    if lx.starts_with("caption_prefixes", ":,-|/").match(normal.lstrip("([ ")):
        return True  # also in brackets: "(Photo: Fans outside the ground. Jane Doe/Agency)"
    if is_sentence(line) or word_count(line) > 6:
        return False
    return bool(lx.anywhere("caption_words").search(normal))


def is_prompt(line: str, normal: str) -> bool:
    """A subscription, newsletter, cookie, app or share prompt."""
    if word_count(line) > 40:
        return False
    speaks_to_reader = bool(lx.anywhere("reader_pronouns").search(normal))
    if lx.starts_with("furniture_prompts").match(normal):
        return not is_sentence(line) or speaks_to_reader or word_count(line) <= 20
    if not lx.anywhere("furniture_prompts").search(normal):
        return False
    return not is_sentence(line) or speaks_to_reader


def is_footer(line: str, normal: str) -> bool:
    """A copyright notice or a footer link line."""
    if word_count(line) > 60:
        return False
    if lx.starts_with("footer_legal").match(normal):
        return True
    legal = [m.group(0) for m in lx.anywhere("footer_legal").finditer(normal)]
    if word_count(line) <= 30 and any(not re.fullmatch(r"\w+", m) for m in legal):
        return True  # "©", "all rights reserved" anywhere; a bare "copyright" only at the start
    if is_sentence(line):
        return False
    return bool(lx.anywhere("footer_legal").search(normal) or lx.delimited("furniture_footer").search(normal)
                or lx.starts_with("furniture_footer").match(normal))


def is_list_heading(line: str, normal: str) -> bool:
    """ "Most Read", "Related stories", "More from Harbor Star", "Top stories in Europe"."""
    if ends_like_sentence(line) or word_count(line) > 8:
        return False
    if normal in lx.whole_line("furniture_list_headings"):
        return True
    m = lx.starts_with("furniture_list_headings").match(normal)
    return m is not None and len(normal[m.end():].split()) <= 4


def is_inline_list(line: str, normal: str) -> bool:
    """A list heading with its list on the same line: "Most read this week: 1. ... | 2. ..."."""
    m = lx.starts_with("furniture_list_headings").match(normal)
    if not m or word_count(line) > 80:
        return False
    rest = re.match(r"^(?:\s+\S+){0,3}?\s*:(?P<items>.*)$", normal[m.end():])
    if not rest:
        return False
    items = rest.group("items")
    # "Latest figures: the rate rose to 5%, the ministry said." is a sentence, not a list
    return bool(re.search(r"(?:^|\s)0[.)]\s|[|•·]", items)) or not is_sentence(line)


def is_credit_line(line: str, normal: str) -> bool:
    """ "... contributed to this report", "This story was originally published by ...",
    "Disclaimer: ...". """
    if lx.starts_with("credit_lines").match(normal):
        return True
    return word_count(line) <= 30 and bool(lx.anywhere("credit_lines").search(normal))


def classify_line(line: str) -> str | None:
    """The kind of boilerplate a single line is, or None for article text."""
    text = line.strip().strip("•·*▪‣◦-–").strip()
    if not text:
        return None
    normal = lx.normal_line(text)
    if is_date_line(text) or starts_with_date(text):
        return "date line"
    if NO_LETTERS.match(text):
        return "timestamp" if TIMESTAMP.match(text) else "decoration"
    if WEATHER.match(text):
        return "weather"
    if URL_ONLY.match(text) or (EMAIL.search(text) and word_count(text) <= 15 and not is_sentence(text)):
        return "footer"  # a web or e-mail address the site gives ("Contact: news@...")
    if is_multiscript_menu(text):
        return "language menu"
    if word_count(text) > 60:
        return None  # a paragraph of running text
    if is_list_heading(text, normal):
        return "list heading"
    if is_inline_list(text, normal):
        return "related"
    plain = lx.normal_line(text, unglue=False)  # "LinkedIn" is a word, "storiesGet" two
    if any(_whole_furniture(n) or is_furniture_words(n) for n in {normal, plain}):
        bar = normal.startswith(("share", "copy link")) or is_furniture_words(normal)
        return "share bar" if bar else "furniture"
    if is_comment_form(text, normal):
        return "comment form"
    if is_date_label_line(text, normal):
        return "date label"
    if is_byline(text):
        return "byline"
    if is_footer(text, normal):
        return "footer"
    if re.match(r"^(?:source|sources)\s*:\s*\S", normal) and word_count(text) <= 6:
        return "footer"  # "source: metro daily news" (read by the outlet finder)
    if lx.starts_with("furniture_prefixes", ":-|>").match(normal) and word_count(text) <= 30:
        return "related"
    if is_video_line(text, normal):
        return "video"
    if is_caption(text, normal):
        return "caption"
    if is_credit_line(text, normal):
        return "credit"
    if is_prompt(text, normal):
        return "prompt"
    if _self_reference(text):
        return "footer"
    if is_separated_list(text) or (CRUMB.match(text) and word_count(text) <= 8
                                   and not ends_like_sentence(text)):
        return "crumb"
    if is_word_list(text):
        return "word list"
    return None


def _whole_furniture(normal: str) -> bool:
    """A listed furniture line, also with a count or a duration after it ("Comments (23)",
    "Listen to this article (9 min)")."""
    whole = lx.whole_line("furniture_whole_lines")
    if normal in whole:
        return True
    bare = re.sub(r"\s*[(\[]?\s*0\s*(?:min|mins|minutes|sec|secs|seconds|s)?\s*[)\]]?\s*$|\s*\(0$", "", normal)
    bare = re.sub(r"\s*[(\[]?0:0(?::0)?[)\]]?$", "", bare).rstrip(" :-|")
    return bare != normal and bare in whole


def _self_reference(text: str) -> bool:
    """The site speaking of itself: "X's website can also be reached at ...", "get the app"."""
    return word_count(text) <= 20 and bool(re.search(
        r"\b(web ?site|site|app)\b.{0,40}\b(address(es)?|accessed|reached|available at|download)\b",
        text, re.I))
