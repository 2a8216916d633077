"""What a figure measures, read from the parse: the noun a count counts ("1,200 workers",
"4,000 of its members") and the thing an amount or a share is of ("a package worth £160
million", "68 percent of voting members", "the tunnel will cost $2.1 billion")."""
from __future__ import annotations

TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
              "quarter", "weekend", "night", "time", "p.m.", "a.m.", "o'clock"}


def _token_at(tokens, pos: int):
    for t in tokens:
        if t.idx <= pos < t.idx + max(1, len(t.text)):
            return t
    return None


def counted_noun(tokens, start: int, end: int) -> str | None:
    """The noun a number counts: its head when it modifies a noun ("1,200 workers"), the
    object of "of" ("4,000 of its members"), else a noun right after it."""
    tok = _token_at(tokens, end - 1)
    if tok is None:
        return None
    if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        noun = tok.head
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # "12 tanker cargoes" counts cargoes
        return noun.lemma_.lower()
    if tok.dep_ in ("compound", "nummod") and tok.head.dep_ == "nummod" and tok.head.head.pos_ == "NOUN":
        return tok.head.head.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj.lemma_.lower()
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 4)):
        t = doc[j]
        if t.pos_ == "NOUN":
            return t.lemma_.lower()
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "PUNCT", "NUM") and t.dep_ != "compound":
            break
    return None


MEASURE_VERBS = {"cost", "fine"}  # verbs that name what the amount they take measures


AMOUNT_WORDS = {"value", "total", "sum", "amount", "size", "worth"}  # nouns that name no thing of their own
VALUING_VERBS = {"put", "estimate", "value", "set", "peg", "place", "price", "assess", "calculate", "fix", "cap"}


def measured_thing(tokens, offset: int, start: int, end: int) -> str | None:
    head = _measure_of(tokens, offset, start, end)
    return None if head in ("percent", "cent", "per", "%") else head  # "71 percent backed it": no noun named


def _measure_of(tokens, offset: int, start: int, end: int) -> str | None:
    """What an amount or a share measures, when the parse says: "68 percent of voting
    members" -> member; "€42,000 in prize money" -> money; "a package worth £160 million" ->
    package; "a 7 percent pay rise" -> rise; "Turnout was 64 percent" -> turnout;
    "wages rise by 4.8 percent" -> wage; "the cost ... climbed to $3.4 billion" -> cost."""
    if tokens is None:
        return None
    tok = _token_at(tokens, offset + end - 1)
    if tok is None:
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "in"):  # "68 percent of members", "€42,000 in prize money"
        for obj in nxt.children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and (nxt.lower_ == "of" or obj.lemma_.lower() not in TIME_UNITS):
                return obj.lemma_.lower()
    prep = tok.head
    while prep is not None and prep.head is not prep and prep.pos_ == "NUM":
        prep = prep.head  # "4" of "4 percent"
    if prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in AMOUNT_WORDS \
            and prep.head.head.lower_ in VALUED:
        prep = prep.head.head  # "14 contracts, worth a total of 8.6 million": what is worth it
    if prep is not None and prep.lower_ == "at" and prep.head.lower_ in VALUED and prep.head.head.pos_ == "NOUN":
        prep = prep.head  # "the deal, valued at $4 billion"
    if prep is not None and prep.lower_ in VALUED and prep.i < tok.i:
        if prep.head.pos_ == "NOUN" and prep.head.i < prep.i:
            return prep.head.lemma_.lower()  # "a support package worth £160 million"
        counted = _counted_before(prep) if prep.dep_ not in ("acomp", "attr") else None  # ("was worth": the subject)
        if counted is not None:
            return counted  # "won 14 contracts from the city since 2021, worth 6.8 million", however parsed
    if prep is not None and prep.lower_ in ("of", "for") and prep.head.pos_ == "NOUN" and prep.head.i < tok.i:
        return _phrase_head(prep.head).lemma_.lower()  # "a pay rise of 4 percent", "a fine of EUR2 million"
    if prep is not None and prep.lower_ == "for" and prep.i > 0 and doc[prep.i - 1].pos_ == "NOUN":
        return _thing_of(doc[prep.i - 1])  # "sent the firm an invoice for €4.6 million", however attached
    if prep is not None and prep.lower_ == "for" and prep.head.pos_ == "VERB":
        for child in prep.head.children:  # "faces a bill from the state for €6 million": the bill
            if child.dep_ == "dobj" and child.pos_ == "NOUN" and child.i < prep.i:
                return _thing_of(child)
    node = tok
    for _ in range(3):  # the noun the amount modifies: "a 41% share", "a £4.8bn takeover"
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.i > tok.i:  # "... the 4.1-km Tessmark Road Tunnel"
            while node.pos_ == "PROPN" and node.dep_ == "compound" and node.head.i > node.i:
                node = node.head  # a name's last word
            return node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX"):
            break
    verb = tok
    for _ in range(6):  # else the subject of the clause the amount completes
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for form in (verb.lemma_.lower(), verb.lower_[:-1], verb.lower_[:-2]):  # "fined": the model's lemma is "fin"
        if form in MEASURE_VERBS:
            return form  # "the tunnel will cost $2.1 billion" measures its cost
    if verb.lemma_.lower() == "add" and nxt is not None and nxt.lower_ == "to":
        for obj in doc[nxt.i + 1: nxt.i + 4]:  # "would add 5.3 million to the cost of the vote": the cost
            if obj.pos_ == "NOUN":
                return _thing_of(obj)
    if prep is not None and prep.lower_ == "at" and verb.lemma_.lower() in VALUING_VERBS:
        for child in verb.children:  # "puts the cost of the repairs at 90 million": the thing valued
            if child.dep_ == "dobj" and child.pos_ == "NOUN":
                return _thing_of(child)
    for child in verb.children:  # (not the amount itself: "the 12 million the council set aside covers ...")
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and not offset + start <= child.idx < offset + end:
            return _thing_of(child)
    return None


VALUED = ("worth", "valued", "costing")  # words that join an amount to the thing it is the value of


def _phrase_head(noun):
    """The first noun of a chain of nouns joined by prepositions, through nouns without an
    article of their own: what a figure written at the chain's end is the value of ("a
    settlement in place of salary of 2 million" -> settlement, "a penalty for late delivery of
    $4 million" -> penalty; but "warned the council of a levy of $1 million" -> levy)."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN" \
            and noun.head.head.i < noun.i and not any(c.dep_ in ("det", "poss") for c in noun.children):
        noun = noun.head.head
    return noun


def _counted_before(word):
    """The nearest noun before `word` that a number counts ("14 contracts ..."), in its
    sentence: the things a trailing "worth 6.8 million" values when the parse hangs it elsewhere."""
    for t in reversed(list(word.sent)[: word.i - word.sent.start]):
        if t.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in t.children):
            return t.lemma_.lower()
    return None


def _thing_of(noun) -> str:
    """The noun's lemma, or for a word that only says an amount is measured ("the value of
    the deal", "the total of the fines") the thing it is of."""
    lemma = noun.lemma_.lower()
    if lemma in AMOUNT_WORDS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                        return obj.lemma_.lower()
    return lemma
