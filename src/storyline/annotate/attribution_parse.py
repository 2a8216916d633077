"""Where the parse puts what an attribution needs: the subject of a reporting verb (also
when the parser hung it inside the quotation, or after an inverted verb), the span of a noun
phrase without its clauses, a verb's clause complement, a token's depth."""
from __future__ import annotations


def depth(token) -> int:
    d = 0
    while token.head.i != token.i and d < 50:
        token, d = token.head, d + 1
    return d


def subject_of(verb):
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    after = [c for c in subjects if c.i > verb.i]
    if after and verb.i > 0 and verb.doc[verb.i - 1].text in (",", "”", '"', "’"):
        return after[0]  # "..., said Ana Hale": the subject after an inverted reporting verb
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)
    for c in verb.lefts:  # "X, which makes Y, and holds Z, said ...": the parser hung X lower
        if c.dep_ in ("ccomp", "conj"):
            inner = [g for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            if inner and inner[0].left_edge.i == verb.sent.start:
                return inner[0]
    return written_after_quote(verb)


def written_after_quote(verb):
    """'"...," the chair, Ana Hale, said': the parser hung the words between the closing
    quotation mark and the verb inside the quotation; the speaker is written there (a name's
    last word, else the last noun)."""
    doc = verb.doc
    lo = max(verb.sent.start, verb.i - 12)
    q = next((i for i in range(verb.i - 1, lo - 1, -1) if doc[i].text in ('"', "\u201d", "\u2019", "'")), None)
    if q is None or q >= verb.i - 1:
        return None
    span = doc[q + 1:verb.i]
    names = [t for t in span if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")]
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return names[-1] if names else nouns[-1] if nouns else None


def phrase(token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative or appositive clauses."""
    left = token.left_edge.i
    right = token.i
    for c in token.rights:
        if c.dep_ in ("relcl", "acl", "appos", "advcl") or c.text in (",", "(", ";", ":", "—", "–"):
            break
        right = c.right_edge.i
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def complement(verb):
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            return c
    for c in verb.children:
        if c.dep_ in ("ccomp",):
            return c
    return None
