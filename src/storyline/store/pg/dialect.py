"""SQLite's SQL, as the table classes write it, rewritten for PostgreSQL.

`translate(sql, schema)` covers the subset the store uses: `?` placeholders, `INSERT OR
IGNORE`/`OR REPLACE`, `ON CONFLICT ... DO UPDATE SET n = n + 1` (PostgreSQL wants the
target's columns qualified there), `json_extract(x, '$.k')`, `IFNULL`, `IN ()`,
`MAX(a, b)`, `strftime(..., 'now')`, case-insensitive `LIKE`, and SQLite's NULL ordering
(NULLs sort first ascending, last descending; PostgreSQL does the opposite, so nullable
sort keys get an explicit `NULLS FIRST/LAST`). Quoted literals are masked first, so
nothing inside them is rewritten. What cannot be translated (PRAGMA, GLOB, SQLite-only
functions, an `OR REPLACE` on a table without a primary key) raises `Untranslatable`:
that statement needs an explicit PostgreSQL override in store/pg/store.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


class Untranslatable(ValueError):
    """A statement outside the translated subset of SQLite's SQL."""


@dataclass
class Schema:
    """What translation needs to know of the tables: columns, primary keys, nullability."""

    columns: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    not_null: set[str] = field(default_factory=set)  # column names NOT NULL in every table


_LITERAL = re.compile(r"'(?:[^']|'')*'")
_MARK = re.compile(r"\x01(\d+)\x01")
_INSERT_OR = re.compile(r"^\s*(?:INSERT\s+OR\s+(IGNORE|REPLACE)|(REPLACE))\s+INTO\s+(\"?\w+\"?)\s*\(([^)]*)\)",
                        re.I)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?", re.I)
_JSON_EXTRACT = re.compile(r"json_extract\(\s*([\w.\"]+)\s*,\s*\x01(\d+)\x01\s*\)", re.I)
_NOW = re.compile(r"\b(?:strftime\(\s*\x01(\d+)\x01\s*,|datetime\()\s*\x01(\d+)\x01\s*\)", re.I)
_TIME_CODES = {"Y": "YYYY", "m": "MM", "d": "DD", "H": "HH24", "M": "MI", "S": "SS", "f": "SS.MS",
               "j": "DDD", "s": None, "%": "%"}
_SQLITE_ONLY = re.compile(r"\b(strftime|datetime|julianday|unixepoch|json_each|json_tree|json_group_array|"
                          r"json_group_object|group_concat|printf|instr|total|typeof|last_insert_rowid|"
                          r"changes|randomblob|zeroblob|likelihood|iif)\s*\(", re.I)
_DO_UPDATE = re.compile(r"\bDO\s+UPDATE\s+SET\s+", re.I)
_ORDER_BY = re.compile(r"\bORDER\s+BY\s+", re.I)
_CLAUSE_END = re.compile(r"\b(LIMIT|OFFSET|FETCH|FOR|UNION|INTERSECT|EXCEPT|RETURNING)\b", re.I)
_BARE_COLUMN = re.compile(r"^(?:\w+\.)?\"?(\w+)\"?(?:\s+(ASC|DESC))?$", re.I)
_IDENT = re.compile(r"(?<![.\w\"\x01])(\"?)([A-Za-z_]\w*)\1(?![\w\"(.])")
_KEYWORDS = {"and", "or", "not", "is", "in", "null", "true", "false", "case", "when", "then", "else",
             "end", "excluded", "select", "from", "where", "distinct", "as", "between", "like"}


def translate(sql: str, schema: Schema) -> str:
    """The PostgreSQL text of one SQLite statement (psycopg's `%s` placeholders)."""
    literals: list[str] = []

    def mask(m: re.Match[str]) -> str:
        literals.append(m.group(0))
        return f"\x01{len(literals) - 1}\x01"

    s = _LITERAL.sub(mask, sql)
    if re.match(r"\s*PRAGMA\b", s, re.I) or re.search(r"\bGLOB\b", s, re.I):
        raise Untranslatable(f"SQLite-only statement: {sql.strip()[:80]}")
    s = s.replace("%", "%%").replace("?", "%s").replace("==", "=")
    s = re.sub(r"\bIFNULL\s*\(", "COALESCE(", s, flags=re.I)
    s = re.sub(r"\bNOT\s+IN\s*\(\s*\)", "<> ALL ('{}')", s, flags=re.I)  # SQLite allows IN ()
    s = re.sub(r"\bIN\s*\(\s*\)", "= ANY ('{}')", s, flags=re.I)
    s = re.sub(r"\bLIKE\b", "ILIKE", s, flags=re.I)
    s = _scalar_min_max(s)
    s = _JSON_EXTRACT.sub(lambda m: _json_path(m, literals), s)
    s = _NOW.sub(lambda m: _now(m, literals), s)
    if m := _SQLITE_ONLY.search(s):
        raise Untranslatable(f"SQLite-only function {m.group(1)}(): {sql.strip()[:80]}")
    s = _insert_or(s, schema)
    s = _qualify_update(s, schema)
    s = _order_nulls(s, schema)
    return _MARK.sub(lambda m: literals[int(m.group(1))].replace("%", "%%"), s)


def _scalar_min_max(s: str) -> str:
    """SQLite's MAX(a, b) and MIN(a, b) of several arguments are GREATEST and LEAST."""
    out, pos = [], 0
    for m in re.finditer(r"\b(MAX|MIN)\s*\(", s, re.I):
        end = _clause_end(s, m.end())
        if m.start() < pos or len(_top_level_split(s[m.end():end])) < 2:
            continue
        out.append(s[pos:m.start()] + ("GREATEST(" if m.group(1).upper() == "MAX" else "LEAST("))
        pos = m.end()
    return "".join(out) + s[pos:]


def _json_path(m: re.Match[str], literals: list[str]) -> str:
    path = literals[int(m.group(2))][1:-1]
    keys = path.split(".")
    if keys[0] != "$" or len(keys) < 2 or not all(re.fullmatch(r"\w+", k) for k in keys[1:]):
        raise Untranslatable(f"json_extract path {path!r}: only $.key or $.key.key")
    if len(keys) == 2:
        literals.append(f"'{keys[1]}'")
        return f"({m.group(1)}::json ->> \x01{len(literals) - 1}\x01)"
    literals.append("'{" + ",".join(keys[1:]) + "}'")
    return f"({m.group(1)}::json #>> \x01{len(literals) - 1}\x01)"


def _now(m: re.Match[str], literals: list[str]) -> str:
    """strftime(FORMAT, 'now') and datetime('now'): the current UTC time as text."""
    if literals[int(m.group(2))].lower() != "'now'":
        raise Untranslatable("strftime/datetime of anything but 'now'")
    fmt = literals[int(m.group(1))][1:-1] if m.group(1) else "%Y-%m-%d %H:%M:%S"
    out = []
    for i, piece in enumerate(re.split(r"%(.)", fmt)):
        if i % 2:
            code = _TIME_CODES.get(piece)
            if code is None:
                raise Untranslatable(f"strftime code %{piece}")
            out.append(code)
        elif piece:
            out.append(f'"{piece}"' if re.search(r"[A-Za-z]", piece) else piece)
    literals.append("'" + "".join(out) + "'")
    return f"to_char(clock_timestamp() AT TIME ZONE 'UTC', \x01{len(literals) - 1}\x01)"


def _insert_or(s: str, schema: Schema) -> str:
    m = _INSERT_OR.match(s)
    if not m:
        return s
    table = m.group(3).strip('"')
    columns = [c.strip().strip('"') for c in m.group(4).split(",")]
    head = f"INSERT INTO {m.group(3)} ({m.group(4)})"
    rest = s[m.end():].rstrip().rstrip(";")
    returning = re.search(r"\bRETURNING\b", rest, re.I)
    tail = ""
    if returning:
        rest, tail = rest[:returning.start()], " " + rest[returning.start():]
    if (m.group(1) or "").upper() == "IGNORE":
        return f"{head}{rest} ON CONFLICT DO NOTHING{tail}"
    keys = schema.keys.get(table)
    if not keys:
        raise Untranslatable(f"INSERT OR REPLACE into {table}: no primary key to replace on")
    updates = [c for c in columns if c not in keys]
    action = ("DO UPDATE SET " + ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in updates)
              if updates else "DO NOTHING")
    return f"{head}{rest} ON CONFLICT ({', '.join(keys)}) {action}{tail}"


def _top_level_split(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _clause_end(s: str, start: int) -> int:
    """Where a clause that starts at `start` ends: a closing parenthesis of the enclosing
    level, a keyword that ends it at the same level, or the end."""
    depth, i = 0, start
    while i < len(s):
        ch = s[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (m := _CLAUSE_END.match(s, i)) and (i == 0 or not s[i - 1].isalnum()):
            return m.start()
        i += 1
    return len(s)


def _qualify_update(s: str, schema: Schema) -> str:
    """`DO UPDATE SET n = n + 1`: the right-hand side's bare columns are the target row's."""
    m = _DO_UPDATE.search(s)
    insert = _INSERT.match(s)
    if not m or not insert:
        return s
    table = insert.group(1)
    columns = set(schema.columns.get(table, []))
    end = _clause_end(s, m.end())
    where = re.search(r"\bWHERE\b", s[m.end():end], re.I)
    if where:
        end = m.end() + where.start()
    assignments = []
    for part in _top_level_split(s[m.end():end]):
        lhs, eq, rhs = part.partition("=")
        if eq:
            rhs = _IDENT.sub(lambda x: _qualified(x, table, columns), rhs)
        assignments.append(lhs + eq + rhs)
    return s[:m.end()] + ",".join(assignments) + s[end:]


def _qualified(m: re.Match[str], table: str, columns: set[str]) -> str:
    quoted, name = m.group(1), m.group(2)
    if name in columns and (quoted or name.lower() not in _KEYWORDS):
        return f"{table}.{m.group(0)}"
    return m.group(0)


def _order_nulls(s: str, schema: Schema) -> str:
    out, pos = [], 0
    for m in _ORDER_BY.finditer(s):
        if m.start() < pos:
            continue
        end = _clause_end(s, m.end())
        items = []
        for item in _top_level_split(s[m.end():end]):
            body = item.strip()
            bare = _BARE_COLUMN.match(body)
            if (re.search(r"\bNULLS\s+(FIRST|LAST)\b", body, re.I)
                    or re.search(r"\bIS\s+(NOT\s+)?NULL$", body, re.I)
                    or (bare and bare.group(1) in schema.not_null)):
                items.append(item)
                continue
            desc = re.search(r"\bDESC$", body, re.I)
            items.append(item.rstrip() + (" NULLS LAST" if desc else " NULLS FIRST")
                         + item[len(item.rstrip()):])
        out.append(s[pos:m.end()] + ",".join(items))
        pos = end
    out.append(s[pos:])
    return "".join(out)
