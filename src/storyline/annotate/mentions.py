"""Mentions of named things on one page: the NER model's entities, cleaned and completed,
plus the names it misses, each with a label the resolver reads (resolve/entities.py).

The NER model (spaCy's small English model) misses names and cuts them: it reads
"SafeHearth Consumer Trust" as "Consumer Trust", a dateline "LONDON (Wirex) -" as a place
with an acronym, a bare surname or a company's short name as nothing at all, "Ms Doe" as
"Doe" (a place, sometimes). find_mentions cuts entities at datelines, credits and
possessives; grows them to the capitalised name they are part of and to the honorific
before them; adds names ending in the head of an organisation, facility or event, names
recurring on the page in another form, and rare capitalised words of unknown kind (NAME).
Offsets point into the cleaned text; matching runs on the truecased text of the same length.
"""
from __future__ import annotations

import functools
import re

from ..dates import MONTHS, WEEKDAYS
from ..lexicon import country_of, word_list
from ..model import Document, Mention
from ..names import acronym_forms, name_key, split_alias
from .attribution import PERSON_DESCRIPTION
from .mention_outlets import own_outlet_mentions
from .mention_roles import role_of
from .nlp import ents, text_of
from .truecase import gazetteer_forms

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FACILITY", "EVENT": "EVENT"}
FACILITY = re.compile(
    r"\b(?P<name>(?:(?:[A-Z][\w'’]*|al|Al|el|El|ad|as|an)[- ]){0,3}[A-Z][\w'’]*)[- ]"
    r"(?P<kind>[Aa]ir [Bb]ase|[Aa]ir[Bb]ase|[Mm]ilitary [Bb]ase|[Bb]ase|[Aa]irport|[Aa]irfield)\b")
ACRONYM_DEF = re.compile(r"\b(?P<long>(?:[A-ZÀ-ÖØ-ÞČŠŽŁ][\w'-]*\s+(?:(?:of|the|and|for|de|da|do|dos|du|van|der|von|&)\s+)*)"
                         r"{1,7})\((?P<short>[A-Z][A-Za-z]{1,9})\)")
PLACE_HEAD = re.compile(r"\s+(?:province|governorate|region|county|district|prefecture|island)\b", re.I)
# Arabic-style names joined by particles: "Karim al-Nouri", "Abu Salim al-Haddad".
PARTICLE_NAME = re.compile(
    r"\b[A-Z][a-z’']+(?:\s+(?:Abu|Abdul|Abd|Bin|Ibn|Abi)\b)?(?:\s+[A-Z][a-z’']+)?\s+(?:al|el|Al|El)-[A-Z][a-z’']+\b")
NAME_PARTICLES = {"abu", "abdul", "abd", "bin", "ibn", "abi", "umm"}
NAME_CONNECTORS = {"of", "the", "and", "for", "al", "el", "bin", "ibn", "de", "da", "du", "von",
                   "van", "der", "la", "le", "&"}

def find_mentions(doc: Document, sdoc, text: str, sentence_at) -> list[Mention]:
    """Named things of one document: the NER model's entities, cut at datelines, credits and
    possessives, grown to the whole capitalised name and its honorific; plus the names the
    model misses (_missed_names, _repeated_names, _unknown_names). Labels: PERSON, ORG,
    GPE, LOC, NORP, FACILITY, EVENT, or NAME when the kind is unknown (the resolver lets a
    NAME join an entity, never start one)."""
    cased = text_of(sdoc)
    found: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int, label: str, replace: bool = True) -> None:
        start, end = _trim_mention(cased, start, end)
        overlapping = [k for k in found if k[0] < end and start < k[1]]
        if end - start < 2 or overlapping and not (
                replace and all(start <= k[0] and k[1] <= end for k in overlapping)):
            return
        for key in overlapping:
            del found[key]
        found[(start, end)] = Mention(doc.id, sentence_at(start), start, end, text[start:end], label)

    runs = _cap_runs(cased)
    for ent in ents(sdoc):
        label = LABELS.get(ent.label_)
        if not label or "\n" in ent.text or _has_lowercase_word(cased[ent.start_char:ent.end_char], doc.lowercase):
            continue
        for start, end, piece_label in _entity_pieces(cased, ent.start_char, ent.end_char, label):
            if piece_label in ("GPE", "LOC") and (head := PLACE_HEAD.match(text, end)):
                end = head.end()
            elif piece_label in ("ORG", "FACILITY", "PERSON", "GPE"):
                start, end, piece_label = _grown(cased, runs, *_trim_mention(cased, start, end), piece_label)
            add(start, end, piece_label)
    for m in PARTICLE_NAME.finditer(cased):
        start = m.start() + _trim_title_words(m.group())
        if all(found[k].label in ("PERSON", "ORG") for k in found if k[0] < m.end() and start < k[1]):
            add(start, m.end(), "PERSON")
    for m in FACILITY.finditer(cased):
        add(m.start(), m.end(), "FACILITY")
    for m in ACRONYM_DEF.finditer(cased):
        para = max((b.end() for b in re.finditer(r"\n\s*\n", m.group("long"))), default=0)  # within one paragraph
        raw, short = m.group("long")[para:], m.group("short")
        long = raw.strip()
        lead = re.match(r"(?:The|the)\s+", raw)
        cut = next((c.start() for c in re.finditer(r"\S+", long) if c.group()[0].isupper()
                    and short.upper() in acronym_forms(long[c.start():])), 0)
        if re.match(r"\s*[-–—]\s", cased[m.end():m.end() + 4]) and long.isupper():
            continue  # a dateline's credit, "TARNOW (Merlin Wire) -": a place and an agency
        if long and len(short) >= 2 and not (_is_place(long) and short.upper() not in acronym_forms(long)):
            start = m.start("long") + para + (cut or (lead.end() if lead else 0))
            label = next((x.label for k, x in found.items() if k[0] >= start and k[1] <= m.end()), "ORG")
            add(start, m.end(), label)
    for start, end, label in own_outlet_mentions(doc, cased) + _missed_names(cased, runs):
        add(start, end, label)
    rare = 3.0 if doc.lowercase else 4.5  # truecasing capitalises words it saw in names
    for start, end, label in _repeated_names(runs, list(found.values()), rare):
        add(start, end, label, replace=False)
    for start, end, label in _unknown_names(runs):
        add(start, end, label, replace=False)
    inner = {m.group(1) for m in re.finditer(r"[a-z,;]\s+([A-Z][\w'’-]*)", cased)}  # capitalised mid-sentence
    mentions = [m for m in found.values() if _keep(m, doc.lowercase) and not (
        len(m.text.split()) == 1 and m.text not in inner and _zipf(m.text) >= 3.5 and not _is_place(m.text)
        and re.search(r"(?:^|[.!?:\"“”]\s*|\n\s*)$", cased[max(0, m.start - 4):m.start]))]  # "Turnout was"
    for mention in mentions:
        mention.label = _relabel(mention, cased)
        if mention.label == "PERSON":
            mention.role = role_of(cased, mention.start, mention.end, text)
    return sorted(mentions, key=lambda x: x.start)


UPPER = "A-ZÀ-ÖØ-ÞČĆĐŁŚŠŹŻŽŘŤĎŇĽŃ"
CAP_TOKEN = re.compile(r"(?:[^\W\d_][\w'’-]*[^\W_]\.?|[^\W\d_]\.|&|\d+)(?=[\s,.;:!?)\"”]|$)")
RUN_JOINERS = {"of", "and", "for", "on", "de", "da", "do", "dos", "das", "du", "van", "der", "den",
               "von", "&", "y", "e"}
SURNAME_STARTS = {"van", "von", "de", "da", "dos", "du", "ter", "ten"}  # "van der Meulen said"
LOWER_HEAD = re.compile(r"((?:\s+[a-z][a-z-]+){1,3})\b")
MINISTRY = re.compile(r"\b(?<![-’'])((?:[a-z][a-z-]+\s+){1,2})ministry\b")
LEGAL_AFTER = re.compile(r",?\s+((?:[A-Za-z]{1,3}\.){2,4}|[A-Z][A-Za-z]{1,4}\b\.?)")
PAREN_ALIAS = re.compile(rf"\s*\(([{UPPER}][^()\n]{{1,60}})\)")
NAME_WORD = rf"[{UPPER}][\w-]*(?:['’](?!s\b)[\w-]+)?"
KNOWN_AS = re.compile(
    rf"\b({NAME_WORD}(?:\s+(?:{NAME_WORD}|of|and|for|de|da|do|dos|du|van|der|von|&))*),\s+(?:also\s+|locally\s+|"
    rf"widely\s+|better\s+)?known\s+(?:locally\s+)?(?:as|by\s+(?:its|their|the)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:acronym|initials|abbreviation|name))\s+({NAME_WORD}(?:\s+{NAME_WORD})*)")
DATELINE_CREDIT = re.compile(rf"^[{UPPER}][{UPPER}\s.,'-]+(?:,\s*[^()\n]{{2,30}})?\s*\(([{UPPER}][\w.&' -]{{1,40}})\)\s*[-–—]", re.M)


@functools.cache
def _lex(*names: str) -> frozenset[str]:
    """The words of these lexicons (data/lexicons/NAME.txt) together."""
    return frozenset().union(*(word_list(n) for n in names))


@functools.lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower().strip("."), "en")


def _is_place(word: str) -> bool:
    return word.lower() in gazetteer_forms() or country_of(word) is not None


RUN_END = re.compile(r"['’]s$|[^\W\d_]{2,}\.$")  # a possessive or a word's full stop ends a run
INITIAL = re.compile(r"[a-z]\.")


@functools.cache
def _run_skips() -> frozenset[str]:
    """Words a run of capitalised words does not start with."""
    return _lex("function_words", "speaker_titles") | frozenset(MONTHS) | frozenset(WEEKDAYS)


def _cap_runs(cased: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words on one line ("Product Safety and Standards Authority"), small
    joining words and numbers inside; cut after a possessive or a full stop; without
    leading function words, dates and titles."""
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    skip = _run_skips()
    for m in CAP_TOKEN.finditer(cased):
        word = m.group()
        ended = run and RUN_END.search(run[-1][2]) and \
            run[-1][2].lower().rstrip(".") not in _lex("name_honorifics", "legal_forms")
        if run and not ended and cased[run[-1][1]:m.start()] == " " and (
                word[0].isupper() or word.lower() in RUN_JOINERS or word.isdigit() or INITIAL.fullmatch(word)):
            run.append((m.start(), m.end(), word))
            continue
        runs.append(run)
        run = [(m.start(), m.end(), word)] if word[0].isupper() or word in SURNAME_STARTS else []
    runs.append(run)
    out = []
    for run in runs:
        while run and (run[0][2].lower().rstrip(".") in skip or not run[0][2][0].isupper()) and not (
                run[0][2] in SURNAME_STARTS and len(run) > 1 and run[-1][2][0].isupper() and run[0][0] > 0
                and cased[run[0][0] - 1] == " " and cased[run[0][0] - 2:run[0][0] - 1].islower()):
            run = run[1:]
        while run and not run[-1][2][0].isupper() and not run[-1][2].isdigit():
            run = run[:-1]
        if run:
            out.append([(s, e - (w.endswith(".") and len(w) > 2 and w.lower()[:-1] not in _lex("legal_forms")),
                         w) for s, e, w in run])
    return out


def _grown(cased: str, runs, start: int, end: int, label: str) -> tuple[int, int, str]:
    """An entity grown to the capitalised name it is part of, over rare words and numbers
    ("Severn" before "Vale Fire & Rescue", "2025" after "Stichting Tarn Zwemsport"), and to a
    name of it in brackets ("Water Board (Waterschap Rivierland)")."""
    run = next((r for r in runs if r[0][0] <= start < r[-1][1]), None)
    if run is not None:
        inside = [t for t in run if t[0] < end and t[1] > start]
        i, j = i0, j0 = run.index(inside[0]), run.index(inside[-1])
        titles = _lex("speaker_titles", "speaker_role_nouns", "name_honorifics")
        while i > 0 and run[i - 1][2].lower().rstrip(".") not in titles | {"of", "and", "for", "on", "&"} and (
                _zipf(run[i - 1][2]) < 3.5 or run[i - 1][2] in SURNAME_STARTS | {"der", "den"} and i > 1):
            i -= 1
        while run[i][2] in SURNAME_STARTS | {"der", "den"}:
            i += 1
        while j < len(run) - 1 and (run[j + 1][2].isdigit() or _zipf(run[j + 1][2]) < 3.0 or label == "ORG"
                                    and run[j + 1][2].lower() not in titles | set(MONTHS) | set(WEEKDAYS)):
            j += 1
        while run[j][2].lower() in RUN_JOINERS or run[j][2].isdigit() and run[j - 1][2].lower() in RUN_JOINERS:
            j -= 1  # not "on 15" after a name
        if (i, j) != (i0, j0) and label == "GPE":
            label = "NAME"
        start, end = min(start, run[i][0]), max(end, run[j][1])
    legal = LEGAL_AFTER.match(cased, end)  # "Korda d.o.o.", "Velta Foods S.A."
    if legal and (label == "ORG" or label == "PERSON" and ("." in legal.group(1) or len(legal.group(1)) > 2)) \
            and re.sub(r"\W", "", legal.group(1)).lower() in _lex("legal_forms"):
        end, label = legal.end(1), "ORG"
    alias = PAREN_ALIAS.match(cased, end)  # (not a transcript's speaker and affiliation: "ana kresz (studio kresz):")
    if alias and label in ("ORG", "FACILITY") and cased[alias.end():alias.end() + 1] != ":" and all(
            w[0].isupper() or w.lower() in RUN_JOINERS for w in alias.group(1).split()):
        end = alias.end()
    return start, end, label


def _missed_names(cased: str, runs) -> list[tuple[int, int, str]]:
    """Names the model misses: an honorific and a name ("Professor Vlietstra"); capitalised words
    ending in the head of an organisation, facility or event ("the Harbour Safety
    Authority"), or followed by one in lower case ("Tarn organising committee", "Mirel
    treatment centre"); "the health ministry"; the agency credited in a dateline; a name and
    the other name it is "known as" (one mention, read as two names of one thing)."""
    heads = {"ORG": _lex("org_heads"), "FACILITY": _lex("facility_heads"), "EVENT": _lex("event_heads")}
    lower_heads = {**heads, "ORG": _lex("org_heads_after_name")}

    def kind(word: str, table: dict[str, frozenset[str]]) -> str | None:
        return next((k for k, v in table.items() if word.lower() in v), None)

    out = []
    for run in runs:
        words = [w for _, _, w in run]
        if words[0].rstrip(".").lower() in _lex("name_honorifics") and len(run) > 1:
            out.append((run[0][0], run[-1][1], "PERSON"))
        elif len(run) > 1 and kind(words[-1], heads):
            out.append((run[0][0], run[-1][1], kind(words[-1], heads) or "ORG"))
        elif (after := LOWER_HEAD.match(cased, run[-1][1])) and (not re.search(r"['’]s$", words[-1]) or _is_place(
                re.sub(r"['’]s$", "", words[-1]))) and any(
                _zipf(w) < 4.5 or _is_place(w) or re.search(r"(?:an|ese|ish)$", w) for w in words):
            lower = after.group(1).split()
            n = next((n for n in range(len(lower), 0, -1) if kind(lower[n - 1], lower_heads)), 0)
            first = max([i + 1 for i, w in enumerate(words) if w.lower() in RUN_JOINERS], default=0)
            if n and first < len(run) and not set(lower[:n]) & _lex("function_words"):
                end = cased.index(lower[n - 1], run[-1][1]) + len(lower[n - 1])
                out.append((run[first][0], end, kind(lower[n - 1], lower_heads) or "ORG"))
    for m in MINISTRY.finditer(cased):
        if not set(m.group(1).split()) & (_lex("function_words") | {"the", "a", "its", "their"}):
            out.append((m.start(), m.end(), "ORG"))
    out += [(m.start(1), m.end(1), "ORG") for m in DATELINE_CREDIT.finditer(cased)]
    out += [(m.start(1), m.end(2), "ORG") for m in KNOWN_AS.finditer(cased)]
    return out


def _repeated_names(runs, mentions: list[Mention], rare: float) -> list[tuple[int, int, str]]:
    """Other places on the page where a name found on it recurs, however spelled: the
    surname of a person named in full, the first word of an organisation's coined name
    ("Velta" for "Velta Home Appliances", with the capitalised words after it), an acronym the
    page defined."""
    forms: dict[str, str] = {}
    for m in mentions:
        if m.label not in ("PERSON", "ORG", "FACILITY", "GPE", "LOC", "EVENT"):
            continue
        parts = split_alias(m.text) or (m.text,)
        for part in parts:
            forms.setdefault(name_key(part), m.label if part == parts[0] else "ORG")
        words = re.sub(r"\s*\(.*", "", m.text).split()
        if m.label == "PERSON" and len(words) > 1:
            start = next((i for i, w in enumerate(words[1:], 1) if w.lower() in NAME_CONNECTORS), len(words) - 1)
            forms.setdefault(name_key(" ".join(words[start:])), "PERSON")
        elif m.label == "ORG" and len(words) > 1 and _zipf(words[0]) < 3.5 and not _is_place(words[0]):
            forms.setdefault(name_key(words[0]), "ORG")
    out = []
    for run in runs:
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + 4), i, -1):
                key = name_key(" ".join(w for _, _, w in run[i:j]))
                if key in forms and (j - i > 1 or _zipf(run[i][2]) < rare):
                    last = len(run) if forms[key] == "ORG" and i == 0 else j  # "Velta" of "Velta Foods Group"
                    out.append((run[i][0], run[last - 1][1], forms[key]))
                    i = j - 1
                    break
            i += 1
    return out


def _unknown_names(runs) -> list[tuple[int, int, str]]:
    """Capitalised words the model gave no kind but that read as a name: rare words or an
    acronym ("Tarnow", "Halda Vrbič", "NBM"), without everyday words before them."""
    out = []
    for run in runs:
        while len(run) > 1 and _zipf(run[0][2]) >= 4.0:
            run = run[1:]
        if any(_zipf(w) < 3.0 or re.fullmatch(r"[A-Z]{2,6}", w) for _, _, w in run):
            out.append((run[0][0], run[-1][1], "NAME"))
    return out


def _keep(m: Mention, lowercase_page: bool) -> bool:
    """Not an everyday word alone ("Policy", "FAMILY", a sentence's first word)."""
    if len(m.text.split()) > 1 or _is_place(m.text):
        return True
    z = _zipf(m.text)
    return z < 5.0 and not (z >= 4.0 and m.text.isupper()) and not (z >= 3.0 and lowercase_page)


def _relabel(m: Mention, cased: str) -> str:
    """One unknown word the model calls a place is a NAME unless a preposition makes it one
    ("in Tarnow"); a name ending in a facility's or an event's head is that; rare words the
    model calls a facility with no such head are a person's name."""
    words = m.text.split()
    if m.text.isupper() and (m.start == 0 or cased[m.start - 1] == "\n") and DATELINE_TAIL.match(cased, m.end):
        return "GPE"  # a dateline's place: "TARNOW, May 2 (Merlin Wire) -", "TARNOW -"
    if len(words) == 1 and m.label in ("GPE", "LOC", "NORP") and not _is_place(m.text):
        before = re.search(r"(\w+)\s+$", cased[max(0, m.start - 20):m.start])
        if m.label == "NORP" or not (before and before.group(1).lower() in _lex("locative_prepositions")):
            return "NAME"
    last = words[-1].lower()
    if len(words) > 1 and m.label in ("ORG", "FACILITY", "PERSON") and last in _lex("event_heads"):
        return "EVENT"
    if len(words) > 1 and m.label == "ORG" and last in _lex("facility_heads"):
        return "FACILITY"
    if m.label == "FACILITY" and not FACILITY.search(cased[m.start:m.end]) and last not in _lex(
            "facility_heads") and all(_zipf(w) < 3.5 and not _is_place(w) for w in re.split(r"[\s-]+", m.text)
                                      if w.lower() not in NAME_CONNECTORS):
        return "PERSON"
    if words[0].rstrip(".").lower() in _lex("name_honorifics") and len(words) > 1:
        return "PERSON"
    return m.label


DATELINE_TAIL = re.compile(r"(?:,\s*[^()\n]{2,30}?)?\s*(?:\([^()\n]{1,40}\))?\s*[-–—]\s")
WHEN_AFTER = re.compile(rf"\s+(?:(?:late|early)\s+)?(?:on|last|this|next)\s+(?:{'|'.join(WEEKDAYS)})"
                        rf"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)


def _trim_mention(cased: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the", a trailing possessive, a day after the name ("reported by
    the Harbour Star on Tuesday") or a leading reporting verb ("said Jane Doe" on a truecased
    page); with the honorific before a name ("Ms Doe")."""
    lead = re.match(r"(?:the|said|says|told)\s+", cased[start:end], re.I)
    if lead and end - start > lead.end():
        start += lead.end()
    end = start + len(re.sub(r"[’']s?$", "", cased[start:end]))
    end = start + len(WHEN_AFTER.sub("", cased[start:end]))  # "The Quarry Lamp on Tuesday": the name alone
    before = re.search(r"\b([A-Z][a-z]{1,8})\.?\s+$", cased[max(0, start - 12):start])
    if before and before.group(1).lower() in _lex("name_honorifics"):
        start -= len(before.group())
    return start, end


def _entity_pieces(cased: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """An entity cut at datelines, credits and possessives: "KESTRAVA - Ministry of Health",
    "Review/Jo Vennard", "Orlenburg (CPA)" (a credit: not the place's acronym), "Tarnia's Bank"."""
    surface = cased[start:end]
    pieces, pos = [], 0
    for m in re.finditer(r"\s+[-–—]\s+|/|['’]s\s+(?=[A-Z])|$", surface):
        piece = surface[pos:m.start()]
        if piece.strip() and not (m.group() and re.fullmatch(r"[A-Z\s,.]{4,}", piece)):
            pieces.append((start + pos, start + m.start(), "GPE" if m.group().startswith(("'", "’")) else label))
        pos = m.end()
    out = []
    for s, e, lab in pieces:
        closed = cased[s:e] + (")" if cased[e:e + 1] == ")" else "")  # the model may leave ")" out
        credit = re.fullmatch(r"(.*?\S)\s*\(([A-Z][A-Za-z]{1,9})\)", closed)
        if credit and credit.group(2).upper() not in acronym_forms(credit.group(1)):
            lab = "GPE" if _is_place(credit.group(1)) else lab
            out += [(s, s + len(credit.group(1)), lab), (s + credit.start(2), s + credit.end(2), "ORG")]
        else:
            out.append((s, e, lab))
    return out


def _has_lowercase_word(cased: str, lowercase_page: bool) -> bool:
    """A name with a plain lowercase word in it ("organization islamic state occupied") is noise.
    On a lowercase page, truecasing leaves rare words (unknown names) lowercase: only common
    words count there."""
    from wordfreq import zipf_frequency

    for w in re.findall(r"[A-Za-z][\w.'’-]*", cased):
        if w[0].islower() and w.lower() not in NAME_CONNECTORS and not re.match(r"^(al|el)-", w):
            if not lowercase_page or zipf_frequency(w, "en") >= 4.5:
                return True
    return False


def _trim_title_words(cased: str) -> int:
    """How many leading characters of a name match are titles or common words ("Adviser ")."""
    from wordfreq import zipf_frequency

    cut = 0
    for m in re.finditer(r"\S+\s+", cased):
        word = m.group().strip()
        low = word.lower()
        if word.startswith(("al-", "Al-", "el-", "El-")) or low in NAME_PARTICLES or (
                low not in PERSON_DESCRIPTION and zipf_frequency(low, "en") < 4.2):
            break
        cut = m.end()
    return cut
