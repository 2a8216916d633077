"""Outlet names as people write them, from a web address and the page that carries it.

"usatoday.com" is "USA Today", "nydailynews.com" "NY Daily News", "theguardian.com" "The
Guardian". The label of the address that names the site is found with the public suffix
list (the `tld` package: "bbc.co.uk" -> "bbc"; "www.", "m.", "edition." and other generic
host prefixes dropped). The page is asked first: a run of words on it whose letters, or
whose initials and letters, spell that label ("Harbor Star" or "HarborStar" for
"harborstar", "New York Daily News" for "nydailynews"), which also finds the name in a
copyright or byline line. Failing that, the label is split into its most probable words
(word frequencies from `wordfreq`, dynamic programming over the split points) and cased:
short chunks that are not words are acronyms.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from . import lexicons as lx
from .lines import is_lowercase_text

# The language of a country's domain, for splitting its labels into words.
TLD_LANGUAGES = {"fr": "fr", "be": "fr", "de": "de", "at": "de", "ch": "de", "es": "es",
                 "mx": "es", "ar": "es", "co": "es", "cl": "es", "pe": "es", "it": "it",
                 "pt": "pt", "br": "pt", "nl": "nl", "se": "sv", "no": "nb", "dk": "da",
                 "pl": "pl", "tr": "tr", "id": "id", "ph": "en"}
MAX_NAME_WORDS = 7


@dataclass(frozen=True)
class Domain:
    host: str
    label: str  # the label that names the site: "nydailynews" in m.nydailynews.com
    suffix: str  # "com", "co.uk"
    others: tuple[str, ...] = ()  # specific host labels before it ("abcnews" in abcnews.go.com)
    listed: bool = True  # the suffix is in the public suffix list (not "report.pdf")


def parse_domain(url: str) -> Domain | None:
    """The naming label of a web address or bare host name, or None (no host, an IP)."""
    text = url.strip()
    host = urlparse(text if "//" in text else "//" + text).hostname
    if not host or "." not in host or re.fullmatch(r"[\d.]+", host):
        return None
    from tld import get_tld

    found = get_tld(host, fix_protocol=True, as_object=True, fail_silently=True)
    listed = found is not None and not isinstance(found, str) and bool(found.domain)
    if listed:
        label, suffix, sub = found.domain, found.tld, found.subdomain  # type: ignore[union-attr]
    else:
        parts = host.split(".")
        label, suffix, sub = parts[-2], parts[-1], ".".join(parts[:-2])
    generic = lx.word_set("generic_subdomains")
    others = tuple(s for s in reversed(sub.split(".")) if s and s not in generic)
    return Domain(host, label.lower(), suffix.lower(), others, listed)


def _languages(suffix: str) -> tuple[str, ...]:
    lang = TLD_LANGUAGES.get(suffix.rsplit(".", 1)[-1])
    return ("en", lang) if lang and lang != "en" else ("en",)


@functools.lru_cache(maxsize=65536)
def _zipf(word: str, langs: tuple[str, ...]) -> float:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, lang) for lang in langs)


def _chunk_score(chunk: str, langs: tuple[str, ...], whole: bool,
                 known: frozenset[str] = frozenset()) -> float:
    """Log10 probability of a chunk as one word (zipf - 9), less one for each word. A long
    chunk that is rare as a word is most often a glued name from web text ("aljazeera",
    "middleeast"), so splitting it is preferred; a chunk that is no word (or a single letter)
    costs more than a rare word, more the longer it is; a short rare word is taken for a
    piece of a name rather than a word, and the words outlet names end in are preferred, so
    "halmoorherald" is "halmoor" + "herald", not "hal" + "moor" + "herald". A word the page itself writes as a name (`known`)
    counts as a common word: the page spells the site's name ("Brayford", "Penmarth")."""
    z = _zipf(chunk, langs) if len(chunk) > 1 else 0.0
    if z <= 0:  # a letter alone is an initial ("h" + "courier"), cheaper than a run of them
        score = -11.0 if len(chunk) == 1 else -12.0 - 0.6 * len(chunk)
    else:
        score = z - 10.0  # one more word costs a little: "el pais" before "elp a is"
        if z < 3.0 and len(chunk) >= 6:
            score -= 4.0 if whole else 2.0
        elif z < 3.0 and re.search("[aeiou]", chunk):
            score -= 4.0  # a short rare word is more likely a piece of a name ("vel" + "grad")
        if chunk in lx.word_set("outlet_words"):
            score += 3.0  # names end in "Herald", "Times": "halmoor" + "herald"
    return max(score, -5.0) if chunk in known else score


def split_label(label: str, suffix: str = "com", known: frozenset[str] = frozenset()) -> list[str]:
    """The most probable word sequence of a domain label: "nydailynews" -> ["ny", "daily",
    "news"]; digits stand apart ("france24" -> ["france", "24"]); hyphens are the writer's
    own word breaks ("the-quayside-echo"), so a part that is a word stays whole. `known`:
    lower-case words the page writes as names, preferred as chunks."""
    langs = _languages(suffix)
    words: list[str] = []
    parts = [p for p in label.lower().split("-") if p]
    for part in parts:
        for chunk in re.findall(r"[^\W\d_]+|\d+", part):
            if chunk.isdigit() or (len(parts) > 1 and (_zipf(chunk, langs) > 0 or chunk in known)):
                words.append(chunk)
            else:
                words += _segment(chunk, langs, known)
    return words


def _segment(text: str, langs: tuple[str, ...], known: frozenset[str] = frozenset()) -> list[str]:
    n = len(text)
    if n <= 5 and not re.search("[aeiou]", text):
        return [text]  # "kvtn": an acronym, not "kv" + "tn"
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            if best[start][0] == -math.inf:
                continue
            score = best[start][0] + _chunk_score(text[start:end], langs,
                                                  start == 0 and end == n, known)
            if score > best[end][0]:
                best[end] = (score, start)
    words: list[str] = []
    end = n
    while end > 0:
        start = best[end][1]
        words.insert(0, text[start:end])
        end = start
    return words


def looks_acronym(word: str, langs: tuple[str, ...] = ("en",)) -> bool:
    """A lower-case word that is better written in capitals: no vowel ("cnn", "ny"), a short
    chunk that is not a word ("usa", "ap"), or a rare short one ("pnn")."""
    if not word.isalpha():
        return False
    w = word.lower()
    vowels = "aeiouy" if len(w) >= 3 else "aeiou"
    if not any(c in vowels for c in w):
        return True
    if w in lx.word_set("function_words") or w in lx.word_set("outlet_words"):
        return False
    if len(w) <= 3:
        common = _zipf(w, langs)
        return not (common >= 4.95 or re.fullmatch(r"[^aeiou][aeiouy][^aeiou]", w) and common >= 4.0)
    return len(w) <= 4 and _zipf(w, langs) < 2.5


def case_words(words: list[str], langs: tuple[str, ...] = ("en",)) -> str:
    """Lower-case words as a name: acronyms in capitals, other words capitalised, function
    words after the first lower-case."""
    function = lx.word_set("function_words")
    out = []
    for i, w in enumerate(words):
        if looks_acronym(w, langs) or re.fullmatch(r"[a-z]{1,3}\d{1,3}", w):  # "wr2", "tv3": "WR2", "TV3"
            out.append(w.upper())
        elif i > 0 and w in function and w not in lx.word_set("outlet_words"):
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def name_from_label(label: str, suffix: str = "com", page_text: str = "") -> str:
    """ "usatoday" -> "USA Today", "theguardian" -> "The Guardian", "bbc" -> "BBC". Words the
    page writes as names ("Penmarth" in "penmarth24") are kept whole and cased as it writes them."""
    forms = _page_names(page_text)
    langs = _languages(suffix)
    words = split_label(label, suffix, frozenset(forms))
    cased = case_words(words, langs).split()
    return " ".join(forms.get(w, c) if len(w) >= 4 else c for w, c in zip(words, cased, strict=True))


def _page_names(text: str) -> dict[str, str]:
    """Capitalised words of four letters or more on a page (not in capitals throughout), by
    their lower-case form: the names it writes."""
    counts: dict[str, dict[str, int]] = {}
    for m in re.finditer(r"(?<![\w'’-])[A-Z][a-z]+(?:[A-Z][a-z]+)*(?![\w'’-])", text):
        word = m.group(0)
        if len(word) >= 4:
            forms = counts.setdefault(word.lower(), {})
            forms[word] = forms.get(word, 0) + 1
    return {low: max(forms, key=lambda f: (forms[f], f)) for low, forms in sorted(counts.items())}


@functools.lru_cache(maxsize=4096)
def display_outlet(name: str) -> str:
    """Tidy an outlet name; lowercase names get their capitals back ("kbc news" -> "KBC News"),
    shouting ones their lower case ("HARBOR STAR" -> "Harbor Star", "USA" kept)."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;|-–—")
    if not name:
        return name
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(name.split()) > 1:
        return " ".join(w if looks_acronym(w) else w.capitalize() for w in name.split())
    if any(c.isupper() for c in name):
        return name
    return case_words(name.split())


_TOKEN = re.compile(r"[^\W_]+")
_JOIN = re.compile(r"^(?:[ \t]|[ \t]?[-&][ \t]?|\.)$")


def name_on_page(label: str, text: str) -> str | None:
    """The page's own way of writing the name a domain label spells: a run of up to seven
    words whose letters ("Harbor Star", "USA TODAY"), or initials and letters ("New York
    Daily News" for "nydailynews"), make the label, the last word perhaps cut short
    ("Riverbend Magazine" for "riverbendmag"). The most frequent form wins."""
    key = re.sub(r"[^a-z0-9]", "", label.lower())
    if len(key) < 2 or not text:
        return None
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    lowercase_page = is_lowercase_text(text)
    # the name as the address spells it; failing that, with a middle word the address leaves out
    counts = _spellings(tokens, text, key, lowercase_page, False) or _spellings(tokens, text, key, lowercase_page, True)
    if not counts:
        return None
    best = max(counts, key=lambda f: (counts[f], len(f.split()), sum(c.isupper() for c in f)))
    return display_outlet(_fuller(best, text))


def _fuller(name: str, text: str) -> str:
    """The name as the page writes it in full when the address gives only its first words
    ("quellby" for "Quellby Shipping Review"): the name followed by up to three capitalised
    words ending in a word outlets' names are made of, written so at least twice."""
    found: dict[str, int] = {}
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}((?:[ \t]+[A-Z][\w'&-]*){{1,3}})", text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            if words[n - 1].lower() in lx.word_set("outlet_words"):
                form = " ".join([name, *words[:n]])
                found[form] = found.get(form, 0) + 1
                break
    if not found:
        return name
    form = max(found, key=lambda f: (found[f], len(f)))
    return form if found[form] >= 2 else name


def _spellings(tokens: list[tuple[int, int, str]], text: str, key: str, lowercase_page: bool,
               may_skip: bool) -> dict[str, int]:
    """How often each run of words on the page spells the label."""
    counts: dict[str, int] = {}
    for i, (start, stop, tok) in enumerate(tokens):
        if not key.startswith(tok[0].lower()) or not (tok[0].isupper() or lowercase_page
                                                     or tok[0].isdigit()):
            continue
        if text[max(0, start - 1):start] in (".", "/", "@", ":") or re.match(r"\.[a-z]", text[stop:stop + 2]):
            continue  # a web or e-mail address ("www.harborstar.com"), not the name written
        if tok.lower() == key and len(key) <= 4 and not (tok.isupper() or lowercase_page):
            continue  # a short label is an acronym: "Go" is no name for "go"
        end = _match_from(tokens, text, i, key, lowercase_page, may_skip)
        if end is not None:
            form = re.sub(r"\s+", " ", text[start:tokens[end][1]])
            counts[form] = counts.get(form, 0) + 1
    return counts


def _match_from(tokens: list[tuple[int, int, str]], text: str, i: int, key: str,
                lowercase_page: bool, may_skip: bool = False) -> int | None:
    """The index of the last token of a name starting at token i that spells `key`."""
    def walk(j: int, pos: int, full: int, initials: int, skipped: bool = False) -> int | None:
        if pos == len(key):
            ok = (full >= 1 and (initials == 0 or any(
                len(tokens[k][2]) >= 3 for k in range(i, j)))) or j - i == 1 or \
                (initials == j - i >= 2 and tokens[j - 1][2].lower() in lx.word_set("outlet_words"))
            if skipped:  # "oxladepost" for "Oxlade Valley Post": whole words only, ending in a newspaper word
                ok = initials == 0 and full >= 2 and tokens[j - 1][2].lower() in lx.word_set("outlet_words")
            return j - 1 if ok and initials <= 3 else None
        if j >= len(tokens) or j - i >= MAX_NAME_WORDS:
            return None
        if j > i and not _JOIN.match(text[tokens[j - 1][1]:tokens[j][0]]):
            return None
        if j > i and "&" in text[tokens[j - 1][1]:tokens[j][0]] and key.startswith("and", pos):
            pos += 3  # "Fern & Fable" for "fernandfable": the address spells the ampersand
        tok = tokens[j][2]
        low = tok.lower()
        rest = key[pos:]
        if len(rest) >= 3 and len(low) > len(rest) and low.startswith(rest) and full >= 1:
            return j  # the label abbreviates the name's last word: "riverbendmag", "Magazine"
        if key.startswith(low, pos):
            found = walk(j + 1, pos + len(low), full + 1, initials, skipped)
            if found is not None:
                return found
        if len(low) > 1 and key[pos] == low[0] and (tok[0].isupper() or lowercase_page):
            found = walk(j + 1, pos + 1, full, initials + 1, skipped)
            if found is not None:
                return found
        if may_skip and not skipped and pos > 0 and len(low) >= 3 and (tok[0].isupper() or lowercase_page):
            return walk(j + 1, pos, full, initials, True)  # a middle word the address leaves out
        return None

    return walk(i, 0, 0, 0)


def outlet_for_url(url: str, page_text: str = "") -> tuple[str, str] | None:
    """(name, origin) for the site at `url`: the page's way of writing the name its domain
    spells ("page"), else the domain's label split into words ("domain")."""
    domain = parse_domain(url)
    if domain is None:
        return None
    label = domain.label
    if "." not in domain.suffix and domain.suffix in lx.word_set("outlet_words"):
        # "theharbourlamp.news": "The Harbour Lamp News", or "The Harbour Lamp" when the page writes
        # that, in two words or more (not the place "Wendle" for "wendle.news")
        label = domain.label + domain.suffix
        named = name_on_page(label, page_text)
        if named:
            return named, "page"
        bare = name_on_page(domain.label, page_text)
        if bare and (len(bare.split()) > 1 or looks_acronym(domain.label)):
            return bare, "page"  # (or initials the page writes: "hpr news" for "hpr.tv")
    labels: tuple[str, ...] = (label, *domain.others)
    if len(label) <= 3 and domain.others:  # a short host of several sites ("go.com")
        labels = (*domain.others, label)
    for label in labels:
        name = name_on_page(label, page_text) or acronym_on_page(label, page_text)
        if name:
            return name, "page"
    return name_from_label(labels[0], domain.suffix, page_text), "domain"


def acronym_on_page(label: str, text: str) -> str | None:
    """An agency's initials the page writes, which its address spells with an outlet word
    after them ("qpawire" on a page that says "WENDLE POINT, March 3 (QPA) -")."""
    key = label.replace("-", "").lower()  # "qpa-news"
    for word in sorted(lx.word_set("outlet_words"), key=len, reverse=True):
        base = key[:-len(word)] if key.endswith(word) else ""
        if 2 <= len(base) <= 5 and re.search(rf"(?<![\w-]){base.upper()}(?![\w-])", text):
            return base.upper()
    return None


def without_frequency(words: list[str]) -> list[str]:
    """A broadcaster's name without the frequency or channel number after it."""
    core = list(words)
    while len(core) > 1 and re.fullmatch(r"\d+(?:[.,]\d+)?(?:fm|am|mhz)?", core[-1], re.I):
        core.pop()
    return core
