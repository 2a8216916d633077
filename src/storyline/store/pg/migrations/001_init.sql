-- storyline store (PostgreSQL), version 1: the same tables as ../../migrations/001_init.sql.
-- Dialect: every text column sorts and compares by code point (COLLATE "C", as SQLite's
-- BINARY), so listings come out in the same order from both stores; JSON columns are
-- json (objects: text kept exactly, key order included) or jsonb (lists of plain
-- strings); blobs are bytea; SQLite's implicit rowid is an explicit bigserial `rowid`
-- where the store orders by insertion; full-text search is a GIN index on the
-- sentences' tsvector ('simple' configuration: no stemming, no stop words, like FTS5's
-- unicode61 tokenizer).
CREATE TABLE documents (
    id                    TEXT COLLATE "C" PRIMARY KEY,
    source                TEXT COLLATE "C" NOT NULL,
    url                   TEXT COLLATE "C",
    title                 TEXT COLLATE "C",
    outlet                TEXT COLLATE "C",
    outlet_origin         TEXT COLLATE "C",
    published             TEXT COLLATE "C",
    published_granularity TEXT COLLATE "C",
    published_origin      TEXT COLLATE "C",
    published_flag        TEXT COLLATE "C",
    anchor                TEXT COLLATE "C",
    anchor_origin         TEXT COLLATE "C",
    author                TEXT COLLATE "C",
    kind                  TEXT COLLATE "C" NOT NULL,
    text                  TEXT COLLATE "C" NOT NULL,
    removed               JSONB NOT NULL DEFAULT '[]',
    lowercase             INTEGER NOT NULL DEFAULT 0,
    duplicate_of          TEXT COLLATE "C" REFERENCES documents(id),
    similarity            DOUBLE PRECISION,
    minhash               BYTEA,
    annotated             INTEGER NOT NULL DEFAULT 0,
    added_at              TEXT COLLATE "C" NOT NULL
                          DEFAULT (to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);

CREATE TABLE sentences (
    rowid   BIGSERIAL PRIMARY KEY,
    doc_id  TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT COLLATE "C" NOT NULL,
    verbs   TEXT COLLATE "C" NOT NULL DEFAULT '',
    tense   TEXT COLLATE "C",
    UNIQUE (doc_id, idx)
);
CREATE INDEX sentences_fts ON sentences USING gin (to_tsvector('simple', text));

CREATE TABLE mentions (
    doc_id    TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT COLLATE "C" NOT NULL,
    label     TEXT COLLATE "C" NOT NULL,
    role      TEXT COLLATE "C",
    entity_id TEXT COLLATE "C"
);
CREATE INDEX mentions_doc ON mentions(doc_id);

CREATE TABLE timexes (
    doc_id        TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence      INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT COLLATE "C" NOT NULL,
    kind          TEXT COLLATE "C" NOT NULL,
    value         TEXT COLLATE "C",
    granularity   TEXT COLLATE "C",
    anchor        TEXT COLLATE "C",
    anchor_origin TEXT COLLATE "C",
    modifier      TEXT COLLATE "C",
    tense         TEXT COLLATE "C",
    verb          TEXT COLLATE "C"
);
CREATE INDEX timexes_doc ON timexes(doc_id);

CREATE TABLE claims (
    id             TEXT COLLATE "C" PRIMARY KEY,
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence       INTEGER NOT NULL,
    speaker        TEXT COLLATE "C" NOT NULL,
    speaker_entity TEXT COLLATE "C",
    text           TEXT COLLATE "C" NOT NULL,
    cue            TEXT COLLATE "C" NOT NULL,
    anonymous      INTEGER NOT NULL DEFAULT 0,
    via            TEXT COLLATE "C",
    said_on        TEXT COLLATE "C",
    evidence       JSON NOT NULL DEFAULT '[]',
    extra          JSON NOT NULL DEFAULT '{}'
);
CREATE INDEX claims_doc ON claims(doc_id);

CREATE TABLE entities (
    id       TEXT COLLATE "C" PRIMARY KEY,
    name     TEXT COLLATE "C" NOT NULL,
    type     TEXT COLLATE "C" NOT NULL,
    aliases  JSONB NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE events (
    rowid        BIGSERIAL NOT NULL,
    id           TEXT COLLATE "C" PRIMARY KEY,
    "when"       TEXT COLLATE "C",
    granularity  TEXT COLLATE "C",
    summary      TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    participants JSONB NOT NULL DEFAULT '[]',
    evidence     JSON NOT NULL DEFAULT '[]',
    extra        JSON NOT NULL DEFAULT '{}'
);

CREATE TABLE contradictions (
    id      TEXT COLLATE "C" PRIMARY KEY,
    summary TEXT COLLATE "C" NOT NULL,
    kind    TEXT COLLATE "C" NOT NULL,
    sides   JSON NOT NULL DEFAULT '[]',
    extra   JSON NOT NULL DEFAULT '{}'
);

CREATE TABLE commitments (
    id            TEXT COLLATE "C" PRIMARY KEY,
    summary       TEXT COLLATE "C" NOT NULL,
    due           TEXT COLLATE "C",
    status        TEXT COLLATE "C" NOT NULL,
    stated_on     TEXT COLLATE "C",
    committed_by  TEXT COLLATE "C",
    superseded_by JSONB NOT NULL DEFAULT '[]',
    evidence      JSON NOT NULL DEFAULT '[]',
    extra         JSON NOT NULL DEFAULT '{}'
);

CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C"
);
