"""Who said what: reported speech, quotations, transcripts, interviews and anonymous sources.

Each sentence is read for an attribution of its own (attribution_speakers.py: the subject of
the speech verb nearest the root, "according to X", "X's report finds", "X quoted Y as
saying", and "X also stated, ..." on pages the parser cannot punctuate), its speaker
resolved against what the article said before (attribution_discourse.py: pronouns,
definite descriptions, spokespeople, described anonymous sources). Then, paragraph by
paragraph:
- a quotation takes the speaker of the attribution that closes it ("...," she said), else of
  the one that opens it (He said: "..."), else of the sentence just before it; a paragraph
  that is only a quotation continues the speaker of the paragraph before;
- a quotation over several sentences gives each of them the whole quotation as evidence;
- the broadcast-transcript line "Name, role: statement" attributes its paragraph, and the
  answers of a question-and-answer interview go to the person interviewed;
- a sentence right after reported speech in the same paragraph, with no attribution of its
  own and no other named subject, continues it.
A speaker is always a person, an organisation or a description of one (never a place, a
pronoun or a fragment of a sentence).
"""
from __future__ import annotations

import bisect
import hashlib
import re

from wordfreq import zipf_frequency

from ..model import Claim, Evidence, Sentence
from . import attribution_words as words
from .attribution_discourse import Discourse, Speaker, clean_name
from .attribution_paragraphs import evidence_text, names_someone_else, quote_owner, reported_form
from .attribution_parse import complement, depth, phrase, subject_of
from .attribution_speakers import Attribution, SpeakerFinder, speech_verb
from .nlp import ents, with_words

__all__ = ["PERSON_DESCRIPTION", "Attribution", "find_claims", "quote_spans", "quotations"]

PERSON_DESCRIPTION = words.role_nouns()
QUOTE_OPEN = "“\"«"
QUOTE_CLOSE = "”\"»"
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
TRANSCRIPT = re.compile(r"^(?P<lead>[^:\n]{3,160}?):\s*(?=\S)")
CAPS_LABEL = re.compile(r"^(?P<name>[A-Z][A-Z\'\u2019-]{2,}(?:\s+[A-Z][A-Z\'\u2019-]{2,})?)\s*(?:\([^)]{1,30}\))?\s*$")
NAME_LABEL = re.compile(r"^(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3})\s*(?:\([^)]{1,40}\))?\s*$")


def rare_name(name: str) -> bool:
    """Two to four words, the last a rare word (a surname, not "Breaking News" or "Live Update")."""
    last = name.split()[-1].lower()
    return zipf_frequency(last, "en") < RARE_NAME_ZIPF


RARE_NAME_ZIPF = 3.5
LOOSE_SPEECH = re.compile(
    r"^(?P<spk>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:also\s+|further\s+)?"
    r"(?P<verb>said|stated|added|noted|stressed|emphasized|emphasised|explained|insisted|warned)"
    r"\s*[,:]\s*(?P<claim>\S.*)$")
FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us|me)\b")
CONTINUING = ("quotation", "transcript", "continued", "interview")
EMPTY_CLAIMS = ("", "this", "that", "it", "so", "these", "those")  # what no one can check
OUTLET_HEADS = words.organisation_class("newspaper") or frozenset()  # what a reporting name is


def quotations(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation in a paragraph, the marks excluded."""
    spans, start = [], None
    for i, ch in enumerate(text):
        if start is None and ch in QUOTE_OPEN and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            start = i + 1
        elif start is not None and ch in QUOTE_CLOSE and i > start:
            spans.append((start, i, True))
            start = None
    if start is not None:
        spans.append((start, len(text), False))
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in quotations(text)]


def _cue_tokens(doc) -> list[int]:
    """The tokens that may attribute: speech and finding verbs, "according"."""
    return with_words(doc, words.cue_lemmas(), frozenset({"according"}))


def claim_id(doc_id: str, sentence: int, speaker: str) -> str:
    return "c" + hashlib.sha1(f"{doc_id}:{sentence}:{speaker}".encode()).hexdigest()[:10]


class Attributor:
    """The attributions sentences make themselves, over one parsed article."""

    def __init__(self, sdoc, text: str, discourse: Discourse):
        self.sdoc = sdoc
        self.text = text
        self.discourse = discourse
        self.finder = SpeakerFinder(sdoc, text, discourse)
        self.tried = False  # the last sentence read had attributing words but no speaker

    def make(self, speaker: Speaker, text: str, cue: str, start: int, via: str | None = None) -> Attribution:
        return Attribution(speaker.name, text, cue, speaker.anonymous, speaker.kind == "person", via,
                           speaker.kind, start, speaker)

    def claim_text(self, sent, verb, quotes: list[tuple[int, int]]) -> str:
        inside = [(s, e) for s, e in quotes if s < sent.end_char and e > sent.start_char]
        comp = complement(verb) if verb is not None else None
        lead = self.leading_clause(sent, verb, comp)
        if lead is not None and not any(s <= lead[0] + 2 and e >= lead[1] - 2 for s, e in inside):
            return self.text[slice(*lead)].strip(" ,“”\"")
        if comp is not None and lead is None:
            toks = list(comp.subtree)
            lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            # the quotation is the claim when it holds what the verb reports ('"...," she
            # said'); a few quoted words inside the reported clause ('said the bank "should
            # wait"') or outside it ('who urged "caution", said ...') are not the claim
            if not any(s - 2 <= lo and hi <= e + 2 for s, e in inside):
                return self.text[lo:hi].strip(" ,")
        if inside:
            s, e = inside[0]
            return self.text[max(s, sent.start_char): min(e, sent.end_char)].strip(" ,.“”\"")
        if comp is not None:
            toks = list(comp.subtree)
            return self.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)].strip(" ,")
        if verb is not None:
            return self.text[verb.idx + len(verb.text): sent.end_char].strip(" ,.:")
        return sent.text.strip()

    @staticmethod
    def leading_clause(sent, verb, comp) -> tuple[int, int] | None:
        """The clause a trailing reporting clause reports ("It will close on May 2, the union
        said, with results due later"): what comes before its subject, when that holds a
        verb and the speech verb has no complement of its own after it."""
        subj = subject_of(verb) if verb is not None else None
        if subj is None or subj.i > verb.i or subj.left_edge.i - sent.start < 3:
            return None
        doc = verb.doc
        if doc[subj.left_edge.i - 1].text not in (",", "”", '"', "’") or not any(
                t.pos_ in ("VERB", "AUX") for t in doc[sent.start: subj.left_edge.i]):
            return None
        if comp is not None and comp.i > verb.i and (verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ","):
            return None
        return sent.start_char, doc[subj.left_edge.i - 1].idx

    def attribute(self, sent, quotes: list[tuple[int, int]]) -> Attribution | None:
        """The attribution a sentence makes itself, if any: of its attributing words outside
        quotation marks, the one nearest the root whose speaker resolves."""
        def outside(tok) -> bool:
            return not any(s <= tok.idx < e for s, e in quotes)

        cues = []
        quoted = any(s < sent.end_char and e > sent.start_char for s, e in quotes)
        doc, cue_tokens = sent.doc, _cue_tokens(sent.doc)
        for i in cue_tokens[bisect.bisect_left(cue_tokens, sent.start):]:
            if i >= sent.end:
                break
            tok = doc[i]
            if not outside(tok):
                continue
            if speech_verb(tok, quoted) and not any(c.dep_ == "neg" for c in tok.children) and not (
                    tok.dep_ == "xcomp" and tok.head.lemma_.lower() in words.word_set("speech_refusals")):
                cues.append((depth(tok), tok.i, tok))  # "did not respond", "declined to comment": nothing
            elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                cues.append((depth(tok), tok.i, tok))
            elif tok.lemma_.lower() in words.finding_verbs() and tok.pos_ == "VERB":
                subj = subject_of(tok)
                if subj is not None and subj.lemma_.lower() in words.document_nouns():
                    cues.append((depth(tok), tok.i, tok))
        self.tried = bool(cues)
        reported: set[int] = set()  # tokens of what a speaker we could not resolve reports
        for _, _, tok in sorted(cues, key=lambda c: (c[0], c[1])):
            if tok.i in reported:
                continue  # "X said Y had told him": when X is nobody we accept, Y is not the speaker
            found = self.from_cue(tok, sent, quotes)
            if found is not None:
                return found
            comp = complement(tok)
            reported.update(t.i for t in comp.subtree) if comp is not None else None
        return self.loose(sent)

    def from_cue(self, tok, sent, quotes) -> Attribution | None:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            to = next(c for c in tok.children if c.lower_ == "to")
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            speaker = self.finder.resolve(obj) if obj is not None else None
            if speaker is None or obj is None:
                return None
            rest = self.text[obj.right_edge.idx + len(obj.right_edge.text): sent.end_char].strip(" ,.")
            if tok.idx - sent.start_char > 20:
                rest = self.text[sent.start_char: tok.idx].strip(" ,.")
            return self.make(speaker, rest, "according to", obj.idx)
        if lemma == "quote":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is None or not re.search(r"\bas\s+saying\b", sent.text):
                return None
            speaker = self.finder.resolve(obj)
            subj = subject_of(tok)
            if speaker is None:
                return None
            via = self.text[slice(*phrase(subj))] if subj is not None else None
            return self.make(speaker, self.claim_text(sent, None, quotes), "quoted as saying", obj.idx, via)
        subj = subject_of(tok)
        if subj is None or subj.dep_ == "nsubjpass" or any(
                c.lower_ in ("neither", "no", "nobody", "none") for c in subj.subtree):
            return None  # "Neither X nor Y responded": nobody said anything
        if not words_reported(tok, sent, quotes):
            return None  # "announced a fund", "the date it had promised": a thing, not words
        speaker = self.finder.resolve(subj, reporting=lemma in ("report", "write"))
        if speaker is None:
            return None
        via = None
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and c.ent_type_ == "ORG":
                via = self.text[slice(*phrase(c))]
        return self.make(speaker, self.claim_text(sent, tok, quotes), lemma, subj.idx, via)

    def loose(self, sent) -> Attribution | None:
        """"X also stated, ..." on pages whose punctuation the parser cannot use."""
        m = LOOSE_SPEECH.match(sent.text.strip())
        if not m:
            return None
        start = sent.start_char + sent.text.index(m.group("spk"))
        tok = self.sdoc.char_span(start, start + len(m.group("spk")), alignment_mode="expand")
        speaker = self.finder.resolve(tok.root) if tok is not None else None
        if speaker is None:
            return None
        return self.make(speaker, m.group("claim"), m.group("verb").lower(), start)

    def transcript_speaker(self, para_start: int, para_text: str) -> tuple[Attribution, int] | None:
        """"Name, role: statement" (or "role Name: statement") opening a paragraph."""
        m = TRANSCRIPT.match(para_text)
        if not m or len(m.group("lead").split()) > 25:
            return None
        lead_end = para_start + m.end("lead")
        for e in ents(self.sdoc):
            if para_start <= e.start_char < lead_end and e.label_ == "PERSON" \
                    and not self.discourse.is_place(e.text):
                name = clean_name(self.finder.cased[e.start_char:min(e.end_char, lead_end)], True)
                if name and (" " in name or self.discourse.book.canonical(name) != name):
                    speaker = Speaker(self.discourse.book.canonical(name), "person")
                    return self.make(speaker, "", "transcript", e.start_char), para_start + m.end()
        cased = self.finder.cased[para_start:lead_end]
        name = cased.split(",", 1)[0].strip()
        parts = name.split()
        if "," in cased and 2 <= len(parts) <= 4 and all(w[:1].isupper() for w in parts):
            speaker = Speaker(self.text[para_start:para_start + len(name)], "person")
            return self.make(speaker, "", "transcript", para_start), para_start + m.end()
        named = NAME_LABEL.match(cased)  # "Ana Brell:", "ANA BRELL (HALE CAPITAL):": a full name as the label
        if named and rare_name(named.group("name")):
            full = " ".join(w if not w.isupper() else w.capitalize() for w in named.group("name").split())
            return self.make(Speaker(self.discourse.book.canonical(full), "person"), "", "transcript",
                             para_start), para_start + m.end()
        label = CAPS_LABEL.match(self.text[para_start:lead_end])
        if label:  # "VESTERGAARD (recorded): ...": a transcript's label, the surname of someone the page named
            surname = " ".join(w.capitalize() for w in label.group("name").split())
            full = self.discourse.book.canonical(surname)
            if full != surname and " " in full:
                return self.make(Speaker(full, "person"), "", "transcript", para_start), para_start + m.end()
        return None


def interviewee(text: str, paragraphs: list[tuple[int, int]], discourse: Discourse) -> tuple[set[int], Speaker] | None:
    """The answer paragraphs of a question-and-answer interview and the person answering:
    at least two question paragraphs each followed by an answer in the first person; the
    person is the one the rest of the page names most (not the interviewer of a byline)."""
    def question(i: int) -> bool:
        body = text[slice(*paragraphs[i])].strip()
        return body.endswith("?") and len(body.split()) <= 60 and not any(q in body for q in QUOTE_OPEN)

    answers: set[int] = set()
    for i in range(len(paragraphs) - 1):
        if question(i):
            j = i + 1
            while j < len(paragraphs) and not question(j) and FIRST_PERSON.search(text[slice(*paragraphs[j])]) \
                    and not any(q in text[slice(*paragraphs[j])] for q in QUOTE_OPEN):
                answers.add(j)
                j += 1
    if len(answers) < 2:
        return None
    counts: dict[str, list[str]] = {}
    for r in discourse.referents:
        if r.speaker.kind != "person" or r.said:
            continue
        if re.search(r"\bby\s*$", text[max(0, r.start - 20):r.start], re.I):
            continue
        counts.setdefault(r.speaker.name.split()[-1].lower(), []).append(r.speaker.name)
    if not counts:
        return None
    names = max(counts.values(), key=len)
    name = discourse.book.canonical(max(names, key=len))
    return {paragraphs[i][0] for i in answers}, Speaker(name, "person")


def whole_if_fragment(said: str, sentence: str) -> str:
    """A claim's words cut down to a fragment of one or two words ("all charges" of "X denied
    all charges", "to re" of a split "re-tender") read as the whole sentence."""
    return sentence.strip() if len(re.findall(r"\w+", said)) < 3 else said


ACTS_ON_THINGS = frozenset({"announce", "promise", "pledge", "vow", "threaten"})  # "announced a fund": an act


def words_reported(tok, sent, quotes) -> bool:
    """Whether a speech verb reports words: a clause or a quotation, not only a thing ("the
    company announced a $15 million fund", "meeting the deadline it had promised the
    commission"), and not the promise a relative clause recalls of its noun ("the bypass,
    which the firm had promised to complete by June, ...")."""
    if any(s < sent.end_char and e > sent.start_char for s, e in quotes):
        return True
    if ":" in sent.doc.text[tok.idx:sent.end_char]:
        return True  # "announced a record crowd: 112,000 spectators"
    comp = complement(tok)
    if tok.dep_ == "relcl" and (comp is None or comp.dep_ == "xcomp"):
        return False
    return comp is not None or tok.lemma_.lower() not in ACTS_ON_THINGS or not any(
        c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "NUM") for c in tok.children)


def find_claims(doc, sdoc, sentences: list[Sentence]) -> list[Claim]:
    """The claims of one annotated document: each attributed sentence with its speaker."""
    text = doc.text
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    quotes = [(p + s, p + e, closed) for p, pe in paragraphs for s, e, closed in quotations(text[p:pe])]
    discourse = Discourse(sdoc, [s.start for s in sentences], [(s, e) for s, e, _ in quotes])
    attributor = Attributor(sdoc, text, discourse)
    interview = interviewee(text, paragraphs, discourse)
    claims: list[Claim] = []
    taken: set[tuple[int, str]] = set()
    carried: Attribution | None = None  # the last attribution of the paragraph before

    def add(sent: Sentence, att: Attribution, body: str | None, evidence: str) -> None:
        key = (sent.index, att.speaker.lower())
        if key in taken or not att.speaker.strip():
            return
        said = (body or att.text).strip(" .,“”\"").lower()
        if att.cue not in CONTINUING and said in EMPTY_CLAIMS and not any(qs < sent.end and qe > sent.start for qs, qe, _ in quotes):
            return  # '"...," / she said.' split off its quotation; "The company denied this."
        taken.add(key)
        claims.append(Claim(
            id=claim_id(doc.id, sent.index, att.speaker), doc_id=doc.id, sentence=sent.index,
            speaker=att.speaker, text=whole_if_fragment((body or att.text or sent.text).strip(), sent.text), cue=att.cue,
            anonymous=att.anonymous, via=att.via, evidence=[Evidence(doc.id, sent.index, evidence)]))

    starts = [s.start for s in sentences]
    for p_start, p_end in paragraphs:
        in_para = [s for s in sentences[bisect.bisect_left(starts, p_start): bisect.bisect_right(starts, p_end)]
                   if s.end <= p_end]
        para_quotes = [(s, e) for s, e, _ in quotes if p_start <= s <= p_end]
        transcript = attributor.transcript_speaker(p_start, text[p_start:p_end])
        if transcript is not None:
            discourse.last = Speaker(transcript[0].speaker, "person")
        own: dict[int, Attribution] = {}
        unresolved: set[int] = set()  # sentences whose own attribution names nobody we accept
        for s in in_para:
            span = sdoc.char_span(s.start, s.end, alignment_mode="expand")
            att = attributor.attribute(span, para_quotes) if span is not None else None
            if att is not None:
                own[s.index] = att
                outlet = att.cue in ("report", "write") and att.kind in ("org", "name")
                discourse.add_speaker(att.who or Speaker(att.speaker, att.kind, att.anonymous),
                                      att.start, OUTLET_HEADS if outlet else None)
            elif attributor.tried:
                unresolved.add(s.index)
        owners = {q: quote_owner(q, in_para, own, unresolved) for q in para_quotes}
        if para_quotes and para_quotes[0][0] - p_start <= 1 and owners[para_quotes[0]] is None \
                and not own and carried is not None:
            owners[para_quotes[0]] = carried
        previous: Attribution | None = None
        for s in in_para:
            att = own.get(s.index)
            if att is None:
                owner = next((owners[q] for q in para_quotes if q[0] < s.end and q[1] > s.start
                              and owners[q] is not None), None)
                if owner is not None:
                    att = Attribution(owner.speaker, "", "quotation", owner.anonymous, owner.person,
                                      owner.via, owner.kind, owner.start, owner.who)
                elif transcript is not None and s.end > transcript[1]:
                    att = transcript[0]
                elif interview is not None and p_start in interview[0]:
                    att = attributor.make(interview[1], "", "interview", s.start)
                elif previous is not None and previous.cue not in CONTINUING and s.index not in unresolved \
                        and reported_form(sdoc, s, previous.text) and not names_someone_else(sdoc, s, previous, discourse):
                    att = Attribution(previous.speaker, "", "continued", previous.anonymous,
                                      previous.person, previous.via, previous.kind, previous.start,
                                      previous.who)
            if att is None:
                previous = None
                continue
            body = text[max(s.start, transcript[1]): s.end] if (
                att.cue == "transcript" and transcript and s.start < transcript[1]) else None
            label = text[s.start:transcript[1]].strip() if transcript and s.start < transcript[1] else ""
            if body is None and label and att.text.startswith(label):  # "ana kresz: ..., the bureau says"
                body = att.text[len(label):].lstrip(" :")
            add(s, att, body, evidence_text(text, s, in_para, [q for q in quotes if q[2]]))
            previous = att
            if att.cue in ("quotation", "transcript", "interview"):
                discourse.last = att.who or Speaker(att.speaker, att.kind, att.anonymous)
        carried = previous or (own[max(own)] if own else None)
    return claims
