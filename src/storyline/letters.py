"""Latin letters written plain: the one form in which spellings of a word with and without
accents meet ("Brannočić" / "Brannocic"), for comparing words (lexicon.concepts) and names
(names.plain)."""
from __future__ import annotations

import unicodedata

# letters that do not come apart into a Latin letter and an accent
LETTERS_APART = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d",
                               "ı": "i"})


def latin_letters(text: str) -> str:
    """The text with accented Latin letters written plain ("Tårsel" -> "Tarsel", "Quørvel"
    -> "Quorvel"), each character still one character where it can be."""
    text = unicodedata.normalize("NFKD", text.translate(LETTERS_APART))
    return "".join(c for c in text if not unicodedata.combining(c))
