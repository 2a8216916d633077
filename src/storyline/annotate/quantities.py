"""Quantities in a sentence: amounts of money, percentages, basis points, lengths and
counts of things, each with what it counts and how exact it claims to be.

"about 118,000 tumble dryers" -> 118000 count of "dryer", approx "about";
"£4.2bn" -> 4.2e9 "money:£"; "37 per cent" -> 37 "percent"; "fewer than 1,500
dockworkers" -> 1500 count of "dockworker", approx "fewer than". The counted thing is
read from the parse (the noun a number modifies, or the noun after "of"), so the unit is
whatever the story counts: doses, seats, flights, masts, spectators.

Years, days of the month, clock times, ages and list numbers are not quantities. The
judges compare quantities of one unit and one counted thing (analyze/contradictions.py).
"""
from __future__ import annotations

import functools
import re

from ..lexicon import word_groups
from ..model import OPEN_ABOVE, OPEN_BELOW, Quantity
from .number_words import NUMBER_WORDS, SPELLED, spelled_value
from .quantity_heads import TIME_UNITS, counted_noun, measured_thing

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "crore": 1e7}
CURRENCY_SIGNS = {"$": "$", "us$": "$", "c$": "$", "a$": "$", "nz$": "$", "hk$": "$", "£": "£",
                  "€": "€", "¥": "¥", "₹": "₹", "r$": "$"}
CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "pound": "£", "pounds": "£", "sterling": "£",
                  "euro": "€", "euros": "€", "yen": "¥", "yuan": "¥", "rupees": "₹", "rupee": "₹",
                  "francs": "franc", "franc": "franc", "kroner": "krone", "kronor": "krona",
                  "rand": "rand", "pesos": "peso", "peso": "peso", "usd": "$", "eur": "€",
                  "gbp": "£", "cad": "$", "aud": "$"}
# a length (or an area): the unit it is kept in, and how many of the written unit make one of
# it (metres in kilometres, so "13,000 metres" and "13 kilometres" are one height in one unit)
LENGTHS = {"km": ("km", 1), "kilometre": ("km", 1), "kilometres": ("km", 1), "kilometer": ("km", 1),
           "kilometers": ("km", 1), "mile": ("mile", 1), "miles": ("mile", 1), "metre": ("km", 1000),
           "metres": ("km", 1000), "meter": ("km", 1000), "meters": ("km", 1000),
           "hectare": ("ha", 1), "hectares": ("ha", 1), "acre": ("acre", 1), "acres": ("acre", 1)}
ROUNDED = ("about", "around", "roughly", "approximately", "something like", "in the region of", "some", "nearly",
           "almost", "close to", "as many as", "an estimated", "estimated")
APPROX = re.compile(rf"({'|'.join(ROUNDED + OPEN_ABOVE + OPEN_BELOW)})\s+$", re.I)

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|mln|tn|lakhs?|crores?)\b|(?<=\d)(?:k|m|b)\b)"
# a number written as a word counts too before a unit that tells what it measures ("nine
# kilometres", "five percent", "two million euros", "four point five million"); never before a
# bare "m" or "%" sign, which need digits
WORD_NUM = rf"\b(?!one\b(?!\s+(?:hundred|thousand|million|billion|point)))(?:{SPELLED}|dozen)"  # "eighty-one", not a bare "one"
MONEY = re.compile(
    rf"(?P<sign>US\$|C\$|A\$|NZ\$|HK\$|R\$|\$|£|€|¥|₹)\s?(?P<n>{NUM})(?P<scale>{SCALE})?(?:-(?:billion|million))?"
    rf"|(?P<n2>{NUM}|{WORD_NUM})(?P<scale2>{SCALE})?\s?(?P<word>dollars?|pounds?|sterling|euros?|yen|yuan|rupees?|"
    r"francs?|kroner|kronor|rand|pesos?|USD|EUR|GBP|CAD|AUD)\b", re.I)
# a currency's ISO 4217 code written against a figure ("EUR40 million", "CHF 20m"); Babel's list
CODE_MONEY = re.compile(rf"\b(?P<code>[A-Z]{{3}})\s?(?P<n>{NUM})(?P<scale>{SCALE})?")
# a currency abbreviated before a figure and its scale ("Cr74 million", "Rs 500 crore", "Sh2.3bn"):
# the scale makes it money; a common word is no abbreviation ("In 2 million homes")
PREFIX_MONEY = re.compile(rf"(?<![\w$£€¥₹.,-])(?P<code>[A-Z][a-z]{{0,2}}|[A-Z]{{2}})\.?\s?(?P<n>{NUM})(?P<scale>{SCALE})")
COMMON_WORD_ZIPF = 4.5
LABEL_BEFORE = re.compile(r"\b(?:the|a|an|grade|form|class|type|room|block|gate|level)\s+$", re.I)
# a temperature: "46.1C", "45.6 °C", "104 degrees Fahrenheit" (a bare letter only straight after digits)
TEMPERATURE = re.compile(rf"(?P<n>-?{NUM})\s?(?:°\s?|º\s?|degrees?\s+)(?P<u>C|F|Celsius|Fahrenheit|centigrade)\b"
                         r"|(?<![\w.,])(?P<n2>-?\d{1,3}(?:\.\d)?)(?P<u2>[CF])(?![\w'])")
PERCENT = re.compile(rf"(?P<n>{NUM})\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)"
                     rf"|(?P<w>{WORD_NUM})\s(?:per\s?cent\b|percent\b|percentage points?\b)", re.I)
# a share written as a ratio or a fraction: "three in four voting members", "one out of five",
# "about a quarter of the units", "two-thirds of residents"
RATIO = re.compile(rf"\b(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)}|one)\s+(?:in|out\s+of)\s+(?:every\s+)?"
                   rf"(?P<d>\d{{1,4}}|{'|'.join(NUMBER_WORDS)})\b(?!\s*(?:days?|weeks?|months?|years?|hours?|games?|"
                   r"matches|races|seasons|attempts|tries)\b)", re.I)
FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
FRACTION = re.compile(r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )(?<!final )"
                      r"\b(?P<k>a|one|two|three|four)?[\s-]*(?P<f>half|thirds?|quarters?|fifths?|tenths?)\s+of\s+"
                      r"(?!\d)(?!(?:the\s+)?(?:year|season|century|decade|month|day|week|term|game|match)\b)", re.I)
BASIS = re.compile(rf"(?P<n>{NUM})\s?(?:basis[- ]points?|bps?\b)", re.I)
LENGTH = re.compile(rf"(?:(?P<n>{NUM})[- ]?|(?P<w>{WORD_NUM})[- ])(?P<u>km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|"
                    r"hectares?|acres?)\b", re.I)
# a volume, in cubic metres whatever the metric unit written ("2,000 litres" = "2 m3")
VOLUME = re.compile(rf"(?P<n>{NUM})(?P<scale>{SCALE})?[- ]?(?P<u>litres?|liters?|cubic met(?:re|er)s?|m3|m\u00b3|"
                    r"gallons?|barrels?)(?![\w\u00b3])", re.I)
VOLUMES = {"litre": ("m3", 0.001), "liter": ("m3", 0.001), "cubic": ("m3", 1.0), "m3": ("m3", 1.0),
           "m\u00b3": ("m3", 1.0), "gallon": ("gallon", 1.0), "barrel": ("barrel", 1.0)}
COUNT = re.compile(rf"(?:\b(?P<n>{NUM})|(?P<w>{WORD_NUM}))(?P<scale>{SCALE})?\b", re.I)
# every pattern above needs a digit or a number word: a sentence without one holds no quantity
MAY_HOLD_NUMBER = re.compile(rf"\d|\b(?:{'|'.join(NUMBER_WORDS)}|one|half|thirds?|quarters?|fifths?|tenths?)\b", re.I)
MONTH_BEFORE = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)
NOT_AFTER = re.compile(r"^\s?(?:a\.?m\.?|p\.?m\.?|GMT|BST|ET|EST|CET|o'clock|years? old|-year-old|"
                       r"(?:st|nd|rd|th)\b|:\d|/\d|-\d)", re.I)


@functools.cache
def iso_currencies() -> frozenset[str]:
    """The ISO 4217 currency codes (Babel's CLDR data)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


NOT_CURRENCY = {"gold", "silver", "platinum", "palladium", "unit", "units", "value", "rights", "account", "real",
                "sol", "day", "currency", "fund"}  # CLDR name words that are mostly other words


@functools.cache
def currency_nouns() -> dict[str, str]:
    """Currency nouns, plural and singular, -> the singular ("forints" -> "forint"): the last
    word of each CLDR currency name in English (Babel's data), and data/lexicons'
    currency_names_extra. A singular needs a scale word before it ("a 20 million mark fund")
    to count as money: "passed the 1,000 mark" is not."""
    from babel.numbers import get_currency_name

    out: dict[str, str] = {}
    for code in sorted(iso_currencies()):
        one = get_currency_name(code, count=1, locale="en").split()[-1].lower()
        many = get_currency_name(code, count=2, locale="en").split()[-1].lower()
        if one.isalpha() and one not in NOT_CURRENCY and one not in CURRENCY_WORDS:
            out.setdefault(one, one)
            for plural in {many, one + "s"}:
                if plural.isalpha() and plural != one and plural not in CURRENCY_WORDS:
                    out.setdefault(plural, one)
    for form, one in word_groups("currency_names_extra").items():
        out.setdefault(form, one)
    return out


@functools.cache
def _currency_noun_money() -> re.Pattern[str]:
    words = "|".join(sorted(currency_nouns(), key=len, reverse=True))
    return re.compile(rf"(?P<n>{NUM}|{WORD_NUM})(?P<scale>{SCALE})?[\s-](?P<word>{words})\b", re.I)


@functools.cache
def _part_of_scale_money() -> re.Pattern[str]:
    """ "a half-million-crown reward", "half a million dollars", "a quarter-billion-euro bid"."""
    words = "|".join(sorted(set(currency_nouns()) | set(CURRENCY_WORDS), key=len, reverse=True))
    return re.compile(rf"\b(?P<part>half|quarter)(?:\s+of)?(?:\s+an?\s+|-|\s+)(?P<scale>thousand|million|billion)"
                      rf"[\s-](?P<word>{words})\b", re.I)


PARTS = {"half": 0.5, "quarter": 0.25}


@functools.cache
def abbreviated_currency(code: str) -> str | None:
    """The currency an abbreviation stands for: of the currency nouns (and their plurals)
    that begin with its first letter and hold its letters in order ("Cr" -> crowns, "Rs" ->
    rupees, "Sh" -> shillings), the most used in English (wordfreq); None for a common word."""
    from wordfreq import zipf_frequency

    low = code.lower()
    if zipf_frequency(low, "en") >= COMMON_WORD_ZIPF:
        return None
    forms = {**{w: CURRENCY_WORDS[w] for w in CURRENCY_WORDS if len(w) > 3}, **currency_nouns()}
    fits = [w for w in forms if w.startswith(low[0]) and _in_order(low, w)]
    best = max(fits, key=lambda w: (zipf_frequency(w, "en"), w), default=None)
    return forms[best] if best else code


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(ch in it for ch in letters)


def number(text: str, scale: str | None = None) -> float | None:
    t = text.lower().replace(",", "")
    value = float(NUMBER_WORDS[t]) if t in NUMBER_WORDS else float(t) if re.fullmatch(r"\d+(\.\d+)?", t) \
        else spelled_value(t) if re.search(r"[a-z][\s-][a-z]", t) else None
    if value is None:
        return None
    if scale:
        value *= SCALES.get(scale.strip().lower(), 1.0)
    return value


def _approx(sentence: str, start: int) -> str | None:
    m = APPROX.search(sentence[max(0, start - 20):start])
    return m.group(1).lower() if m else None


def _taken(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def find_quantities(sentence: str, tokens=None, offset: int = 0) -> list[Quantity]:
    """The quantities of one sentence. `tokens` (the sentence's spaCy tokens, offsets from
    `offset` in the document) tell what a bare number counts; without them counts are left
    out, since a number without its noun says nothing comparable."""
    out: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    if not MAY_HOLD_NUMBER.search(sentence):
        return out
    for m in MONEY.finditer(sentence):
        n = m.group("n") or m.group("n2")
        scale = m.group("scale") or m.group("scale2")
        tail = m.group(0)
        if "-billion" in tail.lower():
            scale = "billion"
        elif "-million" in tail.lower():
            scale = "million"
        value = number(n, scale)
        if value is None:
            continue
        sign = (m.group("sign") or "").lower()
        cur = CURRENCY_SIGNS.get(sign) or CURRENCY_WORDS.get((m.group("word") or "").lower(), "?")
        out.append(Quantity(value, f"money:{cur}", measured_thing(tokens, offset, m.start(), m.end()),
                            _approx(sentence, m.start()), m.group(0), m.start()))
        spans.append(m.span())
    for m in CODE_MONEY.finditer(sentence):
        if _taken(spans, *m.span()) or m.group("code") not in iso_currencies():
            continue
        value = number(m.group("n"), m.group("scale"))
        if value is not None:
            code = m.group("code")
            cur = CURRENCY_WORDS.get(code.lower(), code)
            out.append(Quantity(value, f"money:{cur}", measured_thing(tokens, offset, m.start(), m.end()),
                                _approx(sentence, m.start()), m.group(0), m.start()))
            spans.append(m.span())
    for m in PREFIX_MONEY.finditer(sentence):
        named = None if _taken(spans, *m.span()) else abbreviated_currency(m.group("code"))
        value = number(m.group("n"), m.group("scale")) if named else None
        if named and value is not None:
            out.append(Quantity(value, f"money:{named}", measured_thing(tokens, offset, m.start(), m.end()),
                                _approx(sentence, m.start()), m.group(0), m.start()))
            spans.append(m.span())
    for m in _currency_noun_money().finditer(sentence):
        word = m.group("word").lower()
        one = currency_nouns()[word]
        if _taken(spans, *m.span()) or (word == one and not m.group("scale")):
            continue
        value = number(m.group("n"), m.group("scale"))
        if value is not None:
            out.append(Quantity(value, f"money:{one}", measured_thing(tokens, offset, m.start(), m.end()),
                                _approx(sentence, m.start()), m.group(0), m.start()))
            spans.append(m.span())
    for m in _part_of_scale_money().finditer(sentence):
        word = m.group("word").lower()
        currency = CURRENCY_WORDS.get(word) or currency_nouns().get(word)
        if currency and not _taken(spans, *m.span()):
            out.append(Quantity(PARTS[m.group("part").lower()] * SCALES[m.group("scale").lower()], f"money:{currency}",
                                measured_thing(tokens, offset, m.start(), m.end()), _approx(sentence, m.start()),
                                m.group(0), m.start()))
            spans.append(m.span())
    for pattern, unit in ((BASIS, "bp"), (PERCENT, "percent")):
        for m in pattern.finditer(sentence):
            if _taken(spans, *m.span()):
                continue
            value = number(m.group("n") or m.groupdict().get("w") or "")
            if value is not None:
                out.append(Quantity(value, unit, measured_thing(tokens, offset, m.start(), m.end()),
                                    _approx(sentence, m.start()), m.group(0), m.start()))
                spans.append(m.span())
    for q in _shares(sentence, tokens, offset, spans):
        out.append(q)
    for m in TEMPERATURE.finditer(sentence):
        value = number((m.group("n") or m.group("n2") or "").lstrip("-"))
        if value is None or _taken(spans, *m.span()) or (m.group("u2") and LABEL_BEFORE.search(sentence[:m.start()])):
            continue  # "the 3C grade": a label
        unit = (m.group("u") or m.group("u2") or "")[:1].upper()
        out.append(Quantity(-value if m.group(0).startswith("-") else value, f"temperature:{unit}",
                            measured_thing(tokens, offset, m.start(), m.end()), _approx(sentence, m.start()),
                            m.group(0), m.start()))
        spans.append(m.span())
    for m in VOLUME.finditer(sentence):
        if _taken(spans, *m.span()):
            continue
        value = number(m.group("n"), m.group("scale"))
        word = m.group("u").lower().split()[0].rstrip("s")
        unit, factor = VOLUMES.get(word, VOLUMES.get(m.group("u").lower(), (word, 1.0)))
        if value is not None:
            out.append(Quantity(value * factor, f"volume:{unit}", measured_thing(tokens, offset, m.start(), m.end()),
                                _approx(sentence, m.start()), m.group(0), m.start()))
            spans.append(m.span())
    for m in LENGTH.finditer(sentence):
        if _taken(spans, *m.span()):
            continue
        value = number(m.group("n") or m.groupdict().get("w") or "")
        if value is not None:
            unit, per = LENGTHS.get(m.group("u").lower(), (m.group("u").lower(), 1))
            out.append(Quantity(value / per, f"length:{unit}", measured_thing(tokens, offset, m.start(), m.end()),
                                _approx(sentence, m.start()), m.group(0), m.start()))
            spans.append(m.span())
    if tokens is None:
        return out
    for m in COUNT.finditer(sentence):
        if _taken(spans, *m.span()) or _not_a_count(sentence, m):
            continue
        value = number(m.group("n") or m.group("w"), m.group("scale"))
        end, text = m.end(), m.group(0)
        if m.group("w"):  # "four hundred and twelve": one number, not four and a hundred
            spans.append(m.span())
        head = counted_noun(tokens, offset + m.start(), offset + end)
        if value is None or head is None or head in TIME_UNITS:
            continue  # "three years" is a duration (the temporal tagger's), not a count
        if re.match(r"\s+of\s+(?:the|its|their|his|her|our|these|those)\b", sentence[m.end():], re.I):
            continue  # "four of the satellites" is a part, not the whole
        out.append(Quantity(value, "count", head, _approx(sentence, m.start()), text, m.start()))
    return sorted(out, key=lambda q: q.start)


def _shares(sentence: str, tokens, offset: int, spans: list[tuple[int, int]]) -> list[Quantity]:
    """Shares written as a ratio ("nearly three in four members" -> 75 percent of member) or
    a fraction ("about a quarter of the units" -> 25 percent of unit)."""
    out = []
    for m in RATIO.finditer(sentence):
        n, d = number(m.group("n")) if m.group("n").lower() != "one" else 1.0, number(m.group("d"))
        if n is None or not d or n >= d or _taken(spans, *m.span()):
            continue
        head = counted_noun(tokens, offset + m.start("d"), offset + m.end("d")) if tokens is not None else None
        out.append(Quantity(round(100 * n / d, 1), "percent", head, _approx(sentence, m.start()) or "fraction",
                            m.group(0), m.start()))
        spans.append(m.span())
    for m in FRACTION.finditer(sentence):
        whole = m.group("k") or ""
        parts = {"a": 1.0, "one": 1.0, "": 1.0, "two": 2.0, "three": 3.0, "four": 4.0}[whole.lower()]
        kind = m.group("f").lower().rstrip("s")
        fits = whole.lower() in ("", "a", "one") if kind == "half" else bool(whole)
        if not fits or _taken(spans, *m.span()):
            continue
        value = parts * FRACTIONS[kind]
        if value >= 100:
            continue
        head = measured_thing(tokens, offset, m.start("f"), m.end("f")) if tokens is not None else None
        out.append(Quantity(round(value, 1), "percent", head, _approx(sentence, m.start()) or "fraction",
                            m.group(0).rstrip().removesuffix("of").rstrip(), m.start()))
        spans.append(m.span())
    return out


NAME_BEFORE = re.compile(r"\S\s+[A-Z][a-z]+\s$")  # a capitalised word inside the sentence, right before


def _not_a_count(sentence: str, m: re.Match) -> bool:
    """Years, days of the month, times, ages, scores and ordinals are not counts."""
    written = m.group("n") or m.group("w")
    raw = written.replace(",", "")
    if re.fullmatch(r"(1[89]|20)\d\d", raw) and "," not in written:
        return True
    before, after = sentence[max(0, m.start() - 12):m.start()], sentence[m.end():m.end() + 12]
    if MONTH_BEFORE.search(before) or NOT_AFTER.match(after):
        return True
    if re.match(r"^\s?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", after, re.I):
        return True
    if raw.isdigit() and int(raw) < 100 and NAME_BEFORE.search(sentence[:m.start()]):
        return True  # a name's number ("the Line 4 depot", "Phase 3"): news style spells small counts out
    if re.search(r"\d:$", before):
        return True  # the minutes of a time or a timestamp ("[03:14]", "at 20:45")
    return bool(re.search(r"[-–]\s*$", before) or re.search(r"(?:no\.|number|#|page|article|section)\s*$", before, re.I))
