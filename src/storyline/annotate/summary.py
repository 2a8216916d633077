"""A headline-style summary of one parsed sentence: who does what to what (and when).

From the parse only: the main clause, or the content clause of a reporting verb ("X said" dropped),
cut into pieces -- verb group, subject and object head phrases, then prepositional phrases,
participles, shared-subject verbs, a short time -- added by priority while 15 words last."""
from __future__ import annotations

from spacy.tokens import Span, Token

MAX_WORDS = 15
SOFT_WORDS = 12  # pieces of priority 4 and above are added only up to this length
REPORTING = frozenset("""say tell add state announce confirm report note explain write tweet claim stress insist
warn reiterate disclose reveal acknowledge admit declare emphasize emphasise argue believe think show find""".split())
ARTICLES = frozenset({"a", "an", "the"})
DASHES = frozenset({"-", "--", "—", "–"})
HYPHENS = frozenset({"-", "‐"})
TRAILING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX", "PUNCT", "SYM", "SPACE"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither"})
NP_DEPS = frozenset({"compound", "nummod", "poss", "case", "amod", "quantmod", "nmod", "det", "predet", "neg", "flat"})
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
OBJECTS = frozenset({"dobj", "attr", "acomp", "oprd", "dative"})
COMPLEMENTS = frozenset({"npadvmod", "prep", "dobj", "pobj", "xcomp", "ccomp"})  # an adjective's own ("worth $9m")
QUANTIFIERS = frozenset({"one", "some", "many", "most", "all", "each", "part", "any", "none", "those", "few"})
VERBS = ("VERB", "AUX")
PRONOUNS = {"he": False, "she": False, "it": False, "they": True}  # pronoun -> plural

Piece = tuple[float, int, int, list[Token]]  # priority, number, parent's number, tokens
Keyed = list[tuple[tuple[int, int], Token]]  # tokens with their place in the summary


def summarize(span: Span) -> str:
    """Who did what to what in at most 15 words; never ends on a function word or mark."""
    if not span.text.strip():
        return ""
    start = _after_dateline(span)
    root, subject, speaker = _main(span)
    subjects = [c for c in root.children if c.dep_ in SUBJECTS and c.i >= start]
    usable = root.pos_ in VERBS and root.i >= start and len(subjects) < 2 \
        and not any(t.text == ":" for t in span.doc[start:root.i])  # not "Floods: 12 dead"
    text = _render(_cut(_select(root, start, subject, speaker))) if usable else ""
    text = text if len(text.split()) > 1 else _first_words(span, start) or " ".join(span.text.split()[:MAX_WORDS])
    return _finish(text)


def _finish(text: str) -> str:
    text = " ".join(text.split()).rstrip(" .,;:!?-–—>»|/*•·\"“”‘(") or text
    return text[:1].upper() + text[1:]


def _main(span: Span) -> tuple[Token, Token | None, Token | None]:
    """The verb the summary tells (the words of a reporting verb, not the saying), with the
    subject found apart from it and the speaker."""
    root, subject, speaker = span.root, None, None
    if root.pos_ not in VERBS:  # "Ana Sorel, who ..., announced ..." parsed as noun + acl
        subject, root = root, next((c for c in root.children if c.pos_ in VERBS and c.i > root.i and c.dep_
                                    in ("acl", "dep", "parataxis", "ccomp") and _kid(c, SUBJECTS) is None), root)
    while root.lemma_.lower() in REPORTING and (inner := _kid(root, ("ccomp",), VERBS)):
        speaker = _kid(root, ("nsubj",)) or subject
        root, subject = inner, None
    return root, subject, speaker


CLAUSES = frozenset({"relcl", "acl", "advcl", "conj", "ccomp", "parataxis"})
RELATIVE = frozenset({"WDT", "WP", "WP$"})
TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "moment", "date", "night", "morning", "hour",
                        "weekend", "season", "period"})  # "the day the plant closed": no object


def clause_summary(span: Span, token: Token | None) -> str | None:
    """The summary of the clause a time expression dates, when that is not the clause the
    sentence's summary tells: "the 17 miners rescued in March" -> "17 miners rescued in
    March", "Steamboat remains under a Level 3 order, and Glide was lowered to Level 1 last
    week" -> "Glide was lowered to Level 1". None when the time dates the main clause (or
    the saying of it), or its clause cannot stand alone."""
    if token is None or not span.text.strip():
        return None
    root, _, told_by = _main(span)
    verb = token
    while verb.pos_ not in VERBS or verb.dep_ in ("xcomp", "aux", "auxpass"):
        if verb.head.i == verb.i or verb.i == root.i:
            return None
        verb = verb.head
    while verb.dep_ not in CLAUSES and verb.i != root.i and verb.head.i != verb.i:
        verb = verb.head  # a gerund or an infinitive belongs to the clause it completes
    if not (span.start <= verb.i < span.end):
        return None  # the walk left the sentence
    start = _after_dateline(span)
    if verb.lemma_.lower() in REPORTING and verb.i != root.i:
        return _saying(span, verb, root, start)
    if verb.i == root.i or verb.is_ancestor(root):
        return None
    head = verb.head
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    subject, obj = None, None
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "NUM"):
        if not own or own[0].tag_ in RELATIVE:  # "miners rescued in March", "fire that broke out"
            subject = head
        elif any(c.dep_ == "dobj" and c.tag_ in RELATIVE for c in verb.children) or (
                verb.dep_ == "relcl" and head.lemma_.lower() not in TIME_NOUNS
                and not any(c.dep_ in (*OBJECTS, "ccomp", "xcomp", "prt") for c in verb.children)):
            obj = head  # "the firm that X hired", "the logs the utility submitted in June"
    elif verb.dep_ == "conj" and not own:  # "cut jobs in March and closed the plant in June"
        subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subject is None and (not own or own[0].tag_ in RELATIVE) or len(own) > 1:
        return None
    speaker = told_by if root.is_ancestor(verb) else None  # "it" of "X said it would ..."
    speaker = speaker or next((a.head for a in verb.ancestors if a.dep_ == "relcl" and a.head.pos_ == "PROPN"), None)
    # ... and "she" of "Ana Sorel, who ran the depot until she retired in 2019"
    chosen = [(k, t) for k, t in _select(verb, start, subject, speaker, skip=RELATIVE, obj=obj)
              if t.tag_ not in RELATIVE]  # "whose term ends in 2027" -> "term ends in 2027"
    text = _render(_cut(chosen))
    return _finish(text) if len(text.split()) > 2 else None


def _saying(span: Span, verb: Token, root: Token, start: int) -> str | None:
    """A date that dates the saying ("X said on Monday it had installed sensors") dates the
    announcement, not what it tells of: the summary keeps who said it ("X said it had
    installed sensors"). None when the sayer is a pronoun or missing (the words' summary
    stays), or the saying is not the one the summary tells."""
    sayer = _kid(verb, ("nsubj",))
    if sayer is None or sayer.pos_ == "PRON":
        return None
    if verb.is_ancestor(root) and root.i > verb.i:  # "X said on Monday (that) ..."
        chosen = _select(verb, start, None, None)
        if not any(root.is_ancestor(t) or t.i == root.i for _, t in chosen):
            return None  # what was said did not fit: not "X told a court on Tuesday"
    elif verb.is_ancestor(root) or verb.head.i == root.i and verb.dep_ in ("parataxis", "ccomp") \
            and _kid(verb, ("ccomp",)) is None:
        # "The credit will appear in July, a spokeswoman said Monday": who said it, then the words
        lead = sorted([*_np(sayer), *_verb(verb)], key=lambda t: t.i)
        _, subject, speaker = _main(span)
        chosen = [((-1, k), t) for k, t in enumerate(lead)] + _select(root, start, subject, speaker)
    else:
        return None
    text = _render(_cut(chosen))
    return _finish(text) if len(text.split()) > 2 else None


def _kid(t: Token, deps: tuple[str, ...], pos: tuple[str, ...] = ()) -> Token | None:
    return next((c for c in t.children if c.dep_ in deps and (not pos or c.pos_ in pos)), None)


def _after_dateline(span: Span) -> int:
    """The index after a leading dateline ("LISBON (Merlin Wire) -"), else the span's start."""
    dash = next((t for t in span[1:12] if t.text in DASHES and t.whitespace_), None)
    if dash is not None and all(x.pos_ in ("PROPN", "PUNCT", "NUM") or x.is_upper for x in span.doc[span.start:dash.i]):
        return dash.i + 1
    return span.start


def _np(noun: Token) -> list[Token]:
    """The head noun with its compounds, numbers, possessives and adjectives."""
    out = [noun]
    for c in noun.children:
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "punct" and not c.whitespace_) \
                or c.dep_ == "npadvmod" and (c.like_num or _kid(c, ("nummod",)) is not None):  # "3 percent contained"
            out.extend(c.subtree)
        elif c.dep_ == "amod" and any(x.dep_ in COMPLEMENTS for x in c.children):
            out.extend(c.subtree if len(list(c.subtree)) <= 5 else [])  # "worth 12 million crowns", or none of it
        elif c.dep_ in NP_DEPS or (c.dep_ == "advmod" and noun.dep_ in ("nummod", "amod")):
            out.extend(_np(c))
    return out


def _verb(verb: Token) -> list[Token]:
    """The verb with auxiliaries, negation, particle and any infinitive complement chain."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt"):
            out.append(c)
        elif c.dep_ == "advmod" and any(x.lower_ in NEGATIONS for x in c.subtree):
            out.extend(c.subtree)
        elif c.dep_ == "xcomp" and c.pos_ in VERBS and c.i > verb.i:
            out.extend(_verb(c))
    return out


def _is_time(t: Token) -> bool:
    return any(x.ent_type_ in ("DATE", "TIME") for x in (t, *t.children))


def _select(root: Token, start: int, subject: Token | None, speaker: Token | None,
            skip: frozenset[str] = frozenset(), obj: Token | None = None) -> Keyed:
    pieces: list[Piece] = []
    moved: dict[int, tuple[int, int]] = {}  # token index -> place, for a replaced pronoun

    def add(prio: float, parent: int, toks: list[Token]) -> int:
        pieces.append((prio, len(pieces), parent, toks))
        return len(pieces) - 1

    def prep(c: Token, prio: float, parent: int, depth: int) -> None:
        if _is_time(c) or _is_time(_kid(c, ("pobj",)) or c):  # a short time, last of all
            if c.right_edge.i - c.left_edge.i < 6:
                add(prio + 6, parent, list(c.subtree))
        elif (pobj := _kid(c, ("pobj",))) is not None:
            if pobj.lower_ not in QUANTIFIERS or _kid(pobj, ("prep",)) is None:  # not "in one" of "in one of ..."
                noun(pobj, prio, parent, depth + 1, (c,))
        elif (pcomp := _kid(c, ("pcomp",), VERBS)) is not None and depth < 2:  # "a plan of reopening the port"
            clause(pcomp, prio, parent, depth + 1, (c,))

    def noun(n: Token, prio: float, parent: int, depth: int, lead: tuple[Token, ...] = ()) -> None:
        me = add(prio, parent, [*lead, *_np(n)])
        for i, c in enumerate([c for c in n.children if c.dep_ == "prep"][: 2 if depth == 0 else 1]):
            prep(c, prio + (1.5 if c.lower_ == "of" else 2) + 2 * i, me, depth)
        for c in n.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM"):
                noun(c, prio + 0.5, me, depth + 1, tuple(x for x in n.children if x.dep_ == "cc" and n.i < x.i < c.i)[:1])
            elif c.dep_ == "acl" and c.pos_ == "VERB" and depth < 2:
                clause(c, prio + 2.5, me, depth + 1)
            elif c.dep_ == "xcomp" and c.pos_ in VERBS and n.pos_ == "ADJ" and c.i > n.i and depth < 2:
                clause(c, prio + 0.5, me, depth + 1)  # "is due to end", "is likely to approve the merger"

    def clause(v: Token, prio: float, parent: int, depth: int, lead: tuple[Token, ...] = ()) -> None:
        core = _verb(v)
        kids = sorted((c for h in core if h is v or h.dep_ == "xcomp" for c in h.children), key=lambda c: c.i)
        comps = [c for c in kids if c.i > v.i and (c.dep_ in OBJECTS or c.dep_ in ("prep", "agent")
                                                   and not _is_time(c) and c.lower_ != "according")]
        if depth and comps:  # a participle or clause never stands without its first complement
            core += [comps[0], *_np(_kid(comps[0], ("pobj",)) or comps[0])]
        me = add(prio, parent, [*lead, *core, *(c for c in kids if c.dep_ == "mark" and depth)])
        subj = [c for c in kids if c.dep_ in SUBJECTS and c.i >= start and c.tag_ not in skip][-1:]  # "Ondrell said it would"
        for s in subj or ([subject] if subject is not None and depth == 0 else []):  # -> "Ondrell would"
            plural = PRONOUNS.get(s.lower_)
            if depth == 0 and speaker is not None and plural is not None and speaker.pos_ != "PRON" \
                    and (speaker.pos_ == "PROPN" or (speaker.tag_ in ("NNS", "NNPS")) == plural):
                moved.update({t.i: (s.i, k) for k, t in enumerate(sorted(_np(speaker)))})
                add(prio, me, _np(speaker))
            else:
                noun(s, prio, me, depth)
        if depth == 0 and obj is not None:  # the noun a relative clause tells of, as its object
            last = max(t.i for t in core)
            moved.update({t.i: (last, k + 1) for k, t in enumerate(sorted(_np(obj)))})
            noun(obj, prio, me, depth + 1)
        n_prep, has_obj = 0, set()
        for c in (c for c in kids if c.i > v.i):
            if c.dep_ in OBJECTS and c.pos_ != "ADP" and c.tag_ not in skip and not (c.dep_ == "dobj" and c.head.i in has_obj):
                has_obj |= {c.head.i} if c.dep_ != "dative" else set()  # "fined him 40,000 crowns": both
                noun(c, prio + (c.dep_ == "dative"), me, depth)
            elif c.dep_ == "ccomp":
                clause(c, prio + 1, me, depth + 1)
            elif c.dep_ == "conj" and c.pos_ in VERBS and _kid(c, SUBJECTS) is None:
                clause(c, prio + 2.5, me, depth + 1, tuple(x for x in kids if x.dep_ == "cc" and v.i < x.i < c.i)[:1])
            elif c.dep_ == "advcl" and depth < 2 and _kid(c, ("mark", "nsubj")) is None and (
                    c.tag_ in ("VBG", "VBN") or c.tag_ == "VB" and _kid(c, ("aux",)) is not None):
                comma = c.doc[c.left_edge.i - 1]
                clause(c, prio + 2 + (c.tag_ != "VB"), me, depth + 1, (comma,) if comma.text == "," else ())
            elif c.dep_ in ("prep", "agent", "dative") and c.lower_ != "according":
                prep(c, prio + (1 if c.dep_ == "agent" else 2 + 2 * n_prep), me, depth)
                n_prep += not _is_time(c)
            elif c.dep_ in ("advmod", "npadvmod") and c.right_edge.i - c.left_edge.i < 4:
                quantity = c.like_num or _kid(c, ("nummod",)) is not None  # "rose 12%", "voted 7-2"
                add(prio + (6 if _is_time(c) else 1 if quantity else 3.5), me, list(c.subtree))

    clause(root, 0, -1, 0)
    chosen: set[int] = set()
    for prio, idx, parent, _ in sorted(pieces):
        if parent < 0 or parent in chosen:
            n = len(_render(_keyed(pieces, chosen | {idx}, start, moved)).split())
            if prio < 1 or n <= (MAX_WORDS if prio < 4 else SOFT_WORDS):
                chosen.add(idx)
    return _keyed(pieces, chosen, start, moved)


def _keyed(pieces: list[Piece], chosen: set[int], start: int, moved: dict[int, tuple[int, int]]) -> Keyed:
    """The chosen pieces' tokens in order, less a phrase's opening article ("half a point")."""
    keep = {t.i: t for p in pieces if p[1] in chosen for t in p[3] if t.i >= start or t.i in moved}
    for t in list(keep.values()):  # a word written with hyphens is kept whole ("two co-defendants")
        while not t.whitespace_ and t.i + 1 < len(t.doc) and t.i + 1 not in keep and t.i not in moved \
                and (t.text in HYPHENS or t.doc[t.i + 1].text in HYPHENS and t.i + 2 < len(t.doc)):
            t = keep.setdefault(t.i + 1, t.doc[t.i + 1])
    return sorted((moved.get(i, (i, 0)), t) for i, t in keep.items() if not (
        t.lower_ in ARTICLES and t.dep_ == "det" and getattr(keep.get(i - 1), "head", None) != t.head))


def _cut(tokens: Keyed) -> Keyed:
    """At most MAX_WORDS words, not ending on a function word or punctuation."""
    while tokens and (len(_render(tokens).split()) > MAX_WORDS or tokens[-1][1].pos_ in TRAILING_POS
                      and tokens[-1][1].lower_ not in NEGATIONS):
        tokens = tokens[:-1]
    return tokens


def _render(tokens: Keyed) -> str:
    """Tokens with their own spacing where adjacent; marks only between words ("heat-pump")."""
    toks = [t for _, t in tokens]
    kept: list[Token] = []
    for n, t in enumerate(toks):
        glued = kept and kept[-1].i == t.i - 1 and not kept[-1].whitespace_ and not t.whitespace_
        possessive = t.dep_ == "case" and kept and kept[-1].i == t.i - 1 and not kept[-1].whitespace_  # "dockers'"
        if not t.is_punct or t.text == "%" or possessive or (kept and n + 1 < len(toks) and toks[n + 1].i == t.i + 1
                                                             and (glued or t.text == ",")):
            kept.append(t)
    text = "".join(t.text + (t.whitespace_ if b.i == t.i + 1 else "" if b.text == "," else " ")
                   for t, b in zip(kept, [*kept[1:], *kept[:1]], strict=True))
    return " ".join(text.split()).strip(" ,;:'\"")


def _first_words(span: Span, start: int) -> str:
    """The span's first words (at most MAX_WORDS), cut before a trailing function word."""
    toks = [t for t in span.doc[start:span.end] if not t.is_space] or [t for t in span if not t.is_space]
    words = [n for n, t in enumerate(toks) if n == 0 or toks[n - 1].whitespace_]
    end = words[MAX_WORDS] if len(words) > MAX_WORDS else len(toks)
    while end and (toks[end - 1].pos_ in TRAILING_POS or toks[end - 1].lower_ in ARTICLES
                   or not any(ch.isalnum() or ch == "%" for ch in toks[end - 1].text)):
        opening = [n for n in range(end - 1) if toks[n].text == "("] if toks[end - 1].text == ")" else []
        end = opening[-1] if opening else end - 1  # "LISBON (Merlin Wire)" -> "LISBON"
    return span.doc[toks[0].i:toks[end - 1].i + 1].text.strip() if end else ""
