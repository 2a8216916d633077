-- storyline store (PostgreSQL), version 2: as ../../migrations/002_story_index.sql.
-- The look-up indexes end with rowid: "the most recent rows of a concept" is an index scan.
CREATE TABLE statements (
    doc_id   TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    data     JSON NOT NULL,
    PRIMARY KEY (doc_id, sentence)
);

CREATE TABLE concept_index (
    rowid    BIGSERIAL PRIMARY KEY,
    concept  TEXT COLLATE "C" NOT NULL,
    doc_id   TEXT COLLATE "C" NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE INDEX concept_index_concept ON concept_index(concept, rowid);
CREATE INDEX concept_index_doc ON concept_index(doc_id);

CREATE TABLE concept_df (
    concept TEXT COLLATE "C" PRIMARY KEY,
    n       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE entity_keys (
    key        TEXT COLLATE "C" PRIMARY KEY,
    entity_id  TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    last_token TEXT COLLATE "C" NOT NULL,
    initials   TEXT COLLATE "C" NOT NULL,
    bucket     TEXT COLLATE "C" NOT NULL,
    docs       JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX entity_keys_last ON entity_keys(last_token);
CREATE INDEX entity_keys_initials ON entity_keys(initials);
CREATE INDEX entity_keys_bucket ON entity_keys(bucket);

CREATE TABLE event_evidence (
    event_id TEXT COLLATE "C" NOT NULL,
    doc_id   TEXT COLLATE "C" NOT NULL,
    sentence INTEGER NOT NULL,
    text     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (event_id, doc_id, sentence)
);
CREATE INDEX event_evidence_doc ON event_evidence(doc_id, sentence);

CREATE TABLE event_index (
    rowid    BIGSERIAL PRIMARY KEY,
    concept  TEXT COLLATE "C" NOT NULL,
    year     TEXT COLLATE "C" NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX event_index_concept ON event_index(concept, year, rowid);
CREATE INDEX event_index_event ON event_index(event_id);

CREATE TABLE commitment_index (
    rowid         BIGSERIAL PRIMARY KEY,
    action        TEXT COLLATE "C" NOT NULL,
    commitment_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX commitment_index_action ON commitment_index(action, rowid);
CREATE INDEX commitment_index_commitment ON commitment_index(commitment_id);

CREATE TABLE contradiction_members (
    contradiction_id TEXT COLLATE "C" NOT NULL,
    doc_id           TEXT COLLATE "C" NOT NULL,
    sentence         INTEGER NOT NULL,
    side             INTEGER NOT NULL,
    PRIMARY KEY (contradiction_id, doc_id, sentence)
);
CREATE INDEX contradiction_members_sentence ON contradiction_members(doc_id, sentence);

ALTER TABLE documents ADD COLUMN story_indexed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN data JSON NOT NULL DEFAULT '{}';
CREATE INDEX events_when ON events("when");
ALTER TABLE commitments ADD COLUMN data JSON NOT NULL DEFAULT '{}';
