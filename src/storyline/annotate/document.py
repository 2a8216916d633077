"""Annotate one document: sentences, tense, mentions, time expressions and claims.

The spaCy parse runs on the truecased text, which has the same length as the cleaned text,
so every offset stored points into the cleaned text the dossier shows.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field

from ..model import Claim, Document, Evidence, Mention, Sentence, TimeValue
from .attribution import PERSON_DESCRIPTION, Attribution, Attributor, quote_spans
from .quantities import find_quantities
from .timex import Anchor, Tagger

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
          "FAC": "FACILITY", "EVENT": "EVENT"}
FACILITY = re.compile(
    r"\b(?P<name>(?:(?:[A-Z][\w'’]*|al|Al|el|El|ad|as|an)[- ]){0,3}[A-Z][\w'’]*)[- ]"
    r"(?P<kind>[Aa]ir [Bb]ase|[Aa]ir[Bb]ase|[Mm]ilitary [Bb]ase|[Bb]ase|[Aa]irport|[Aa]irfield)\b")
ACRONYM_DEF = re.compile(r"\b(?P<long>(?:[A-Z][\w'-]*\s+(?:(?:of|the|and|for)\s+)*){1,7})\((?P<short>[A-Z][A-Za-z]{1,9})\)")
PLACE_HEAD = re.compile(r"\s+(?:province|governorate|region|county|district|prefecture)\b", re.I)
# Arabic-style names joined by particles: "Karim al-Nouri", "Abu Salim al-Haddad".
PARTICLE_NAME = re.compile(
    r"\b[A-Z][a-z’']+(?:\s+(?:Abu|Abdul|Abd|Bin|Ibn|Abi)\b)?(?:\s+[A-Z][a-z’']+)?\s+(?:al|el|Al|El)-[A-Z][a-z’']+\b")
NAME_PARTICLES = {"abu", "abdul", "abd", "bin", "ibn", "abi", "umm"}
NAME_CONNECTORS = {"of", "the", "and", "for", "al", "el", "bin", "ibn", "de", "da", "du", "von",
                   "van", "der", "la", "le", "&"}
FUTURE_LEMMAS = {"plan", "schedule", "expect", "intend", "aim", "prepare", "propose", "set"}
PLANNED_WORDS = {"planned", "scheduled", "upcoming", "expected", "proposed", "intended"}


@dataclass
class Annotations:
    doc_id: str
    sentences: list[Sentence]
    mentions: list[Mention]
    timexes: list[TimeValue]
    claims: list[Claim]
    tenses: list[str] = field(default_factory=list)  # per sentence


def sentence_spans(sdoc, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences, also cut at line breaks, trimmed of white space."""
    spans = []
    for sent in sdoc.sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", text[sent.start_char: sent.end_char]):
            if piece and not piece.startswith("\n"):
                s = start + len(piece) - len(piece.lstrip())
                e = start + len(piece.rstrip())
                if e > s and re.search(r"\w", text[s:e]):
                    spans.append((s, e))
            start += len(piece)
    return spans


def tense_of(token) -> str:
    """past / present / future for the clause governing a token."""
    node = token
    for _ in range(8):
        if any(c.lower_ in PLANNED_WORDS for c in node.children) or node.lower_ in PLANNED_WORDS:
            return "future"
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "amod":
            break
        if node.head is node:
            break
        node = node.head
    verb = node
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "would", "shall", "'ll", "wo") for a in auxes):
        return "future"
    if verb.lemma_ in FUTURE_LEMMAS or (verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_LEMMAS):
        return "future"
    if verb.dep_ == "xcomp" and any(c.lower_ in ("will", "would") for c in verb.head.children):
        return "future"
    if any(a.lower_ in ("going",) for a in auxes) or (verb.head.lower_ == "going" and verb.dep_ == "xcomp"):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (
            verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "past"


def token_finder(sdoc):
    """A function from a character offset to the token that holds it."""
    starts = [t.idx for t in sdoc]

    def token_at(pos: int):
        return sdoc[max(0, bisect.bisect_right(starts, pos) - 1)]

    return token_at


def tense_finder(sdoc):
    """A function from a character offset to the tense of its clause."""
    token_at = token_finder(sdoc)
    return lambda pos: tense_of(token_at(pos))


def governing_verb(token) -> str | None:
    """Lemma of the verb a token hangs from ("approved" for "in March 2019")."""
    node = token
    for _ in range(8):
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node.lemma_.lower()
        if node.head is node:
            return None
        node = node.head
    return None


def claim_id(doc_id: str, sentence: int, speaker: str) -> str:
    return "c" + hashlib.sha1(f"{doc_id}:{sentence}:{speaker}".encode()).hexdigest()[:10]


def annotate(doc: Document, sdoc, anchor: Anchor) -> Annotations:
    text = doc.text
    spans = sentence_spans(sdoc, text)
    starts = [s for s, _ in spans]

    def sentence_at(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    sentences = [Sentence(doc.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]
    token_at = token_finder(sdoc)

    mentions = find_mentions(doc, sdoc, text, sentence_at)
    tagger = Tagger(anchor)
    timexes: list[TimeValue] = []
    tenses: list[str] = []
    for sent in sentences:
        root = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
        sent.tense = tense_of(root.root) if root is not None and len(root) else "past"
        sent.verbs = [t.lemma_.lower() for t in root if t.pos_ == "VERB"] if root is not None else []
        sent.quantities = find_quantities(sent.text, list(root) if root is not None else None, sent.start)
        tenses.append(sent.tense)
        def tense_at(pos: int, s: Sentence = sent) -> str:
            return tense_of(token_at(s.start + pos))

        for t in tagger.tag(sent.text, tense_at,
                            lowercase=doc.lowercase):
            timexes.append(TimeValue(doc.id, sent.index, sent.start + t.start, sent.start + t.end,
                                     t.text, t.kind, t.value, t.granularity, anchor.value,
                                     anchor.origin, t.modifier, t.tense,
                                     governing_verb(token_at(sent.start + t.start))))
    claims = find_claims(doc, sdoc, sentences, sentence_at)
    return Annotations(doc.id, sentences, mentions, timexes, claims, tenses)


def find_mentions(doc: Document, sdoc, text: str, sentence_at) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for ent in sdoc.ents:
        label = LABELS.get(ent.label_)
        if not label:
            continue
        start, end = ent.start_char, ent.end_char
        if "\n" in ent.text or _has_lowercase_word(sdoc.text[start:end], doc.lowercase):
            continue
        if label in ("GPE", "LOC"):
            head = PLACE_HEAD.match(text, end)
            if head:
                end = head.end()
        surface = text[start:end]
        if surface.lower().startswith("the "):
            start, surface = start + 4, surface[4:]
        surface = re.sub(r"[’']s$", "", surface)
        end = start + len(surface)
        if len(surface) < 2:
            continue
        found[(start, end)] = Mention(doc.id, sentence_at(start), start, end, surface, label)
    cased = sdoc.text
    for m in PARTICLE_NAME.finditer(cased):
        start, end = m.start() + _trim_title_words(m.group()), m.end()
        overlapping = [k for k in found if k[0] < end and start < k[1]]
        if any(found[k].label not in ("PERSON", "ORG") for k in overlapping):
            continue
        for key in overlapping:
            del found[key]
        found[(start, end)] = Mention(doc.id, sentence_at(start), start, end, text[start:end], "PERSON")
    for m in FACILITY.finditer(cased):
        start, end = m.start(), m.end()
        for key in [k for k in found if k[0] < end and start < k[1]]:
            del found[key]
        found[(start, end)] = Mention(doc.id, sentence_at(start), start, end, text[start:end], "FACILITY")
    for m in ACRONYM_DEF.finditer(cased):
        long = m.group("long").strip()
        lead = re.match(r"(?:The|the)\s+", m.group("long"))
        if [w[0] for w in long.split() if w[0].isupper()] and len(m.group("short")) >= 2:
            start = m.start("long") + (lead.end() if lead else 0)
            end = m.end()
            label = next((x.label for k, x in found.items() if k[0] >= start and k[1] <= end), "ORG")
            for key in [k for k in found if k[0] < end and start < k[1]]:
                del found[key]
            found[(start, end)] = Mention(doc.id, sentence_at(start), start, end, text[start:end], label)
    for mention in found.values():
        if mention.label == "PERSON":
            mention.role = role_of(cased, mention.start, mention.end, text)
    return sorted(found.values(), key=lambda x: x.start)


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


def find_claims(doc: Document, sdoc, sentences: list[Sentence], sentence_at) -> list[Claim]:
    text = doc.text
    attributor = Attributor(sdoc, text)
    claims: list[Claim] = []
    taken: set[tuple[int, str]] = set()

    def add(sent: Sentence, att: Attribution, claim_text: str | None = None) -> None:
        key = (sent.index, att.speaker.lower())
        if key in taken or not att.speaker.strip():
            return
        taken.add(key)
        claims.append(Claim(
            id=claim_id(doc.id, sent.index, att.speaker), doc_id=doc.id, sentence=sent.index,
            speaker=att.speaker, text=(claim_text or att.text or sent.text).strip(), cue=att.cue,
            anonymous=att.anonymous, via=att.via,
            evidence=[Evidence(doc.id, sent.index, sent.text)]))

    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        p_start, p_end = para.start(), para.end()
        in_para = [s for s in sentences if s.start >= p_start and s.end <= p_end]
        quotes = [(p_start + s, p_start + e) for s, e in quote_spans(para.group())]
        own: dict[int, Attribution] = {}
        transcript = attributor.transcript_speaker(p_start, para.group())
        if transcript is not None:
            attributor.last = transcript[0]  # "I" and "he" in a transcript are its speaker
        for s in in_para:
            span = sdoc.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            att = attributor.attribute(span, quotes)
            if att is not None:
                own[s.index] = att
                attributor.last = att
        previous: Attribution | None = None
        for s in in_para:
            att = own.get(s.index)
            if att is None:
                quote_att = _quote_speaker(s, in_para, quotes, own)
                if quote_att is not None:
                    att = Attribution(quote_att.speaker, "", "quotation", quote_att.anonymous,
                                      quote_att.person, quote_att.via)
                elif transcript is not None and s.end > transcript[1]:
                    att = transcript[0]
                elif previous is not None and previous.cue not in ("quotation", "transcript", "continued"):
                    att = Attribution(previous.speaker, "", "continued", previous.anonymous,
                                      previous.person, previous.via)
            if att is not None:
                body = text[max(s.start, transcript[1]): s.end] if (
                    att.cue == "transcript" and transcript and s.start < transcript[1]) else None
                add(s, att, body)
                previous = att
                attributor.last = att if att.cue != "continued" else attributor.last
            else:
                previous = None
    return claims


def _quote_speaker(sent: Sentence, in_para: list[Sentence], quotes, own) -> Attribution | None:
    """The speaker of a quotation this sentence lies in, named in another of its sentences."""
    for qs, qe in quotes:
        if not (qs < sent.end and qe > sent.start):
            continue
        for other in in_para:
            if other.index != sent.index and other.start < qe + 3 and other.end > qs - 3 \
                    and other.index in own:
                return own[other.index]
    return None


def tag_times(text: str, anchor: Anchor, nlp) -> list:
    """Parse one text and tag its time expressions with the parse's tenses (used by the
    temporal tagger's tests and evaluation, exactly as the annotate stage tags)."""
    sdoc = nlp(text)
    return Tagger(anchor).tag(text, tense_finder(sdoc))
