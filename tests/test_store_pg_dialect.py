"""The SQLite -> PostgreSQL statement translation and the search syntax (no server needed)."""
from __future__ import annotations

import pytest

from storyline.errors import StoreError
from storyline.store.factory import is_url
from storyline.store.pg.connection import split_url
from storyline.store.pg.dialect import Schema, Untranslatable, translate
from storyline.store.pg.fts import tsquery_sql

SCHEMA = Schema(
    columns={"concept_df": ["concept", "n"], "statements": ["doc_id", "sentence", "data", "vector"],
             "events": ["rowid", "id", "when", "summary"], "meta": ["key", "value"]},
    keys={"statements": ["doc_id", "sentence"], "concept_df": ["concept"], "events": ["id"], "meta": ["key"]},
    not_null={"doc_id", "sentence", "id", "concept", "rowid", "n"})


@pytest.mark.parametrize("sqlite, postgres", [
    ("SELECT * FROM meta WHERE key = ? AND value != ?", "SELECT * FROM meta WHERE key = %s AND value != %s"),
    ("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
     "INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT DO NOTHING"),
    ("INSERT OR REPLACE INTO statements (doc_id, sentence, data, vector) VALUES (?,?,?,?)",
     "INSERT INTO statements (doc_id, sentence, data, vector) VALUES (%s,%s,%s,%s) ON CONFLICT (doc_id, sentence)"
     ' DO UPDATE SET "data" = EXCLUDED."data", "vector" = EXCLUDED."vector"'),
    ("INSERT INTO concept_df (concept, n) VALUES (?, 1) ON CONFLICT(concept) DO UPDATE SET n = n + 1",
     "INSERT INTO concept_df (concept, n) VALUES (%s, 1) ON CONFLICT(concept) DO UPDATE SET n = concept_df.n + 1"),
    ('INSERT INTO events (id, "when") VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET "when" = excluded."when"',
     'INSERT INTO events (id, "when") VALUES (%s, %s) ON CONFLICT(id) DO UPDATE SET "when" = excluded."when"'),
    ("SELECT id FROM x WHERE json_extract(x.extra, '$.slot') = ?",
     "SELECT id FROM x WHERE (x.extra::json ->> 'slot') = %s"),
    ("SELECT json_extract(extra, '$.a.b') FROM x", "SELECT (extra::json #>> '{a,b}') FROM x"),
    ('SELECT * FROM events ORDER BY "when", id', 'SELECT * FROM events ORDER BY "when" NULLS FIRST, id'),
    ("SELECT id FROM events ORDER BY rowid DESC LIMIT ?", "SELECT id FROM events ORDER BY rowid DESC LIMIT %s"),
    ("SELECT id FROM c ORDER BY due IS NULL, due DESC, id",
     "SELECT id FROM c ORDER BY due IS NULL, due DESC NULLS LAST, id"),
    ("SELECT id FROM c WHERE id IN () AND x NOT IN ()", "SELECT id FROM c WHERE id = ANY ('{}') AND x <> ALL ('{}')"),
    ("UPDATE e SET n = MAX(0, n - ?), m = max(n) WHERE id = ?", "UPDATE e SET n = GREATEST(0, n - %s), m = max(n) WHERE id = %s"),
    ("SELECT IFNULL(a, 1) FROM t WHERE b LIKE '%x?%'", "SELECT COALESCE(a, 1) FROM t WHERE b ILIKE '%%x?%%'"),
    ("UPDATE d SET at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
     "UPDATE d SET at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"),
])
def test_translation(sqlite, postgres):
    assert translate(sqlite, SCHEMA) == postgres


@pytest.mark.parametrize("sql", ["PRAGMA data_version", "SELECT 1 FROM t WHERE a GLOB ?",
                                 "INSERT OR REPLACE INTO nokey (a) VALUES (?)",
                                 "SELECT strftime('%Y', d) FROM t"])
def test_what_cannot_be_translated_says_so(sql):
    with pytest.raises(Untranslatable):
        translate(sql, SCHEMA)


@pytest.mark.parametrize("query, sql, params", [
    ("withdraw", "phraseto_tsquery('simple', %s)", ["withdraw"]),
    ("withdraw*", "to_tsquery('simple', %s)", ["'withdraw':*"]),
    ('"combat troops" base', "(phraseto_tsquery('simple', %s) && phraseto_tsquery('simple', %s))",
     ["combat troops", "base"]),
    ("a OR b c", "(phraseto_tsquery('simple', %s) || (phraseto_tsquery('simple', %s) && "
                 "phraseto_tsquery('simple', %s)))", ["a", "b", "c"]),
    ("a NOT b", "(phraseto_tsquery('simple', %s) && !!phraseto_tsquery('simple', %s))", ["a", "b"]),
    ('"it""s o\'k"*', "tsquery_phrase(phraseto_tsquery('simple', %s), to_tsquery('simple', %s))",
     ['it"s', "'o''k':*"]),
])
def test_search_query_translation(query, sql, params):
    assert tsquery_sql(query) == (sql, params)


@pytest.mark.parametrize("query", ['"open', "(a OR b", "a OR", "", "NEAR(a b)", "text:a", "*"])
def test_bad_search_queries_are_clear_errors(query):
    with pytest.raises(StoreError, match="cannot search"):
        tsquery_sql(query)


def test_urls():
    assert is_url("postgresql://h/db") and is_url("postgres://h/db") and not is_url("out/storyline.db")
    libpq, schema, shown = split_url("postgresql://u:secret@h:5433/db?schema=story_1&sslmode=disable")
    assert libpq == "postgresql://u:secret@h:5433/db?sslmode=disable" and schema == "story_1"
    assert "secret" not in shown and shown.startswith("postgresql://u:***@h:5433/db?")
    with pytest.raises(StoreError, match="schema"):
        split_url("postgresql://h/db?schema=bad;name")
