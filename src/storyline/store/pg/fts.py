"""The search syntax of the SQLite store (FTS5) as a PostgreSQL tsquery.

Supported, as in FTS5: words, "phrases" (`""` is a quote inside one), `prefix*` (also after
a phrase: its last word), `AND`, `OR`, `NOT` (binary: `a NOT b`), parentheses, and a space
as AND; precedence NOT > AND > OR. Each word or phrase goes through PostgreSQL's own
parser (`phraseto_tsquery('simple', ...)`), the same one that builds the sentences'
tsvector, so compound tokens (`al-Sadr`, `U.S.`) match the way they were indexed. NEAR
groups and column filters are refused with a clear error.

`tsquery_sql(query)` returns an SQL expression of type tsquery with `%s` parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import StoreError

CONFIG = "simple"  # no stemming and no stop words, like FTS5's unicode61 tokenizer
_SPECIAL = set('"()*')


@dataclass
class _Token:
    kind: str  # word, phrase, op, open, close, star
    text: str


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == '"':
            j, buf = i + 1, []
            while True:
                if j >= len(query):
                    raise ValueError("unterminated \"phrase\"")
                if query[j] == '"':
                    if query[j + 1:j + 2] == '"':
                        buf.append('"')
                        j += 2
                        continue
                    break
                buf.append(query[j])
                j += 1
            out.append(_Token("phrase", "".join(buf)))
            i = j + 1
        elif ch in "()*":
            out.append(_Token({"(": "open", ")": "close", "*": "star"}[ch], ch))
            i += 1
        else:
            j = i
            while j < len(query) and not query[j].isspace() and query[j] not in _SPECIAL:
                j += 1
            word = query[i:j]
            if word in ("AND", "OR", "NOT"):
                out.append(_Token("op", word))
            elif word == "NEAR" and query[j:j + 1] == "(":
                raise ValueError("NEAR(...) is not supported by the PostgreSQL store")
            elif re.match(r"^\w+:", word) or word.startswith(("^", "{", "-")):
                raise ValueError(f"column filters and initial-token queries ({word!r}) are not supported")
            else:
                out.append(_Token("word", word))
            i = j
    return out


class _Parser:
    def __init__(self, tokens: list[_Token]):
        self.tokens, self.pos, self.params = tokens, 0, list[str]()

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise ValueError("the query ends too early")
        self.pos += 1
        return token

    def parse(self) -> str:
        if not self.tokens:
            raise ValueError("empty query")
        expr = self.or_()
        if self.peek() is not None:
            raise ValueError(f"unexpected {self.peek().text!r}")  # type: ignore[union-attr]
        return expr

    def or_(self) -> str:
        expr = self.and_()
        while (t := self.peek()) and t.kind == "op" and t.text == "OR":
            self.take()
            expr = f"({expr} || {self.and_()})"
        return expr

    def and_(self) -> str:
        expr = self.not_()
        while (t := self.peek()) and (t.kind in ("word", "phrase", "open") or (t.kind == "op" and t.text == "AND")):
            if t.kind == "op":
                self.take()
            expr = f"({expr} && {self.not_()})"
        return expr

    def not_(self) -> str:
        expr = self.term()
        while (t := self.peek()) and t.kind == "op" and t.text == "NOT":
            self.take()
            expr = f"({expr} && !!{self.term()})"
        return expr

    def term(self) -> str:
        token = self.take()
        if token.kind == "open":
            expr = self.or_()
            if self.take().kind != "close":
                raise ValueError("missing )")
            return expr
        if token.kind not in ("word", "phrase"):
            raise ValueError(f"unexpected {token.text!r}")
        prefix = (t := self.peek()) is not None and t.kind == "star"
        if prefix:
            self.take()
        return self.leaf(token.text, prefix)

    def leaf(self, text: str, prefix: bool) -> str:
        if not prefix:
            self.params.append(text)
            return f"phraseto_tsquery('{CONFIG}', %s)"
        words = text.split()
        if not words:
            raise ValueError("* after nothing")
        self.params.append("'" + words[-1].replace("\\", "\\\\").replace("'", "''") + "':*")
        last = f"to_tsquery('{CONFIG}', %s)"
        if len(words) == 1:
            return last
        self.params.insert(len(self.params) - 1, " ".join(words[:-1]))
        return f"tsquery_phrase(phraseto_tsquery('{CONFIG}', %s), {last})"


def tsquery_sql(query: str) -> tuple[str, list[str]]:
    """(SQL expression of type tsquery, its parameters) for an FTS5-style query."""
    try:
        parser = _Parser(_tokens(query))
        return parser.parse(), parser.params
    except ValueError as exc:
        raise StoreError(f"cannot search for {query!r}: {exc}. "
                         "Quote phrases with \"...\" and use * only at the end of a word.") from exc
