-- storyline store, version 1: documents, sentences, annotations and derived story items.
CREATE TABLE documents (
    id                    TEXT PRIMARY KEY,      -- content hash of the cleaned text
    source                TEXT NOT NULL,
    url                   TEXT,
    title                 TEXT,
    outlet                TEXT,
    outlet_origin         TEXT,
    published             TEXT,
    published_granularity TEXT,
    published_origin      TEXT,
    published_flag        TEXT,
    anchor                TEXT,                  -- reference date for relative expressions
    anchor_origin         TEXT,                  -- published | inferred | none
    author                TEXT,
    kind                  TEXT NOT NULL,
    text                  TEXT NOT NULL,
    removed               TEXT NOT NULL DEFAULT '[]',
    lowercase             INTEGER NOT NULL DEFAULT 0,
    duplicate_of          TEXT REFERENCES documents(id),
    similarity            REAL,
    minhash               BLOB,
    annotated             INTEGER NOT NULL DEFAULT 0,
    added_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE sentences (
    rowid   INTEGER PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    verbs   TEXT NOT NULL DEFAULT '',        -- lemmas of the sentence's verbs, space-separated
    tense   TEXT,
    UNIQUE (doc_id, idx)
);

CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    label     TEXT NOT NULL,
    role      TEXT,
    entity_id TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_id);

CREATE TABLE timexes (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence      INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    value         TEXT,
    granularity   TEXT,
    anchor        TEXT,
    anchor_origin TEXT,
    modifier      TEXT,
    tense         TEXT,
    verb          TEXT                       -- lemma of the verb that governs it
);
CREATE INDEX timexes_doc ON timexes(doc_id);

CREATE TABLE claims (
    id             TEXT PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence       INTEGER NOT NULL,
    speaker        TEXT NOT NULL,
    speaker_entity TEXT,
    text           TEXT NOT NULL,
    cue            TEXT NOT NULL,
    anonymous      INTEGER NOT NULL DEFAULT 0,
    via            TEXT,
    said_on        TEXT,
    evidence       TEXT NOT NULL DEFAULT '[]',
    extra          TEXT NOT NULL DEFAULT '{}'      -- corroboration, filled by analyze
);
CREATE INDEX claims_doc ON claims(doc_id);

-- Cross-document items, rebuilt by the resolve and analyze stages.
CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    aliases  TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    "when"       TEXT,
    granularity  TEXT,
    summary      TEXT NOT NULL,
    status       TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '[]',
    evidence     TEXT NOT NULL DEFAULT '[]',
    extra        TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE contradictions (
    id      TEXT PRIMARY KEY,
    summary TEXT NOT NULL,
    kind    TEXT NOT NULL,
    sides   TEXT NOT NULL DEFAULT '[]',
    extra   TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE commitments (
    id            TEXT PRIMARY KEY,
    summary       TEXT NOT NULL,
    due           TEXT,
    status        TEXT NOT NULL,
    stated_on     TEXT,
    committed_by  TEXT,
    superseded_by TEXT NOT NULL DEFAULT '[]',
    evidence      TEXT NOT NULL DEFAULT '[]',
    extra         TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
