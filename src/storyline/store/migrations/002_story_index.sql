-- storyline store, version 2: indexes that let the cross-document stages update
-- incrementally, one new document at a time, instead of rebuilding the story.
CREATE TABLE statements (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    data     TEXT NOT NULL,                 -- JSON: concepts, actions, speaker, times, ...
    PRIMARY KEY (doc_id, sentence)
);

CREATE TABLE concept_index (
    concept  TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE INDEX concept_index_concept ON concept_index(concept);

CREATE TABLE concept_df (
    concept TEXT PRIMARY KEY,
    n       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE entity_keys (
    key        TEXT PRIMARY KEY,
    entity_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    last_token TEXT NOT NULL,
    initials   TEXT NOT NULL,
    bucket     TEXT NOT NULL,
    docs       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX entity_keys_last ON entity_keys(last_token);
CREATE INDEX entity_keys_initials ON entity_keys(initials);
CREATE INDEX entity_keys_bucket ON entity_keys(bucket);

CREATE TABLE event_evidence (
    event_id TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (event_id, doc_id, sentence)
);
CREATE INDEX event_evidence_doc ON event_evidence(doc_id, sentence);

CREATE TABLE event_index (
    concept  TEXT NOT NULL,
    year     TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX event_index_concept ON event_index(concept, year);

CREATE TABLE commitment_index (
    action        TEXT NOT NULL,
    commitment_id TEXT NOT NULL
);
CREATE INDEX commitment_index_action ON commitment_index(action);

CREATE TABLE contradiction_members (
    contradiction_id TEXT NOT NULL,
    doc_id           TEXT NOT NULL,
    sentence         INTEGER NOT NULL,
    side             INTEGER NOT NULL,
    PRIMARY KEY (contradiction_id, doc_id, sentence)
);
CREATE INDEX contradiction_members_sentence ON contradiction_members(doc_id, sentence);

ALTER TABLE documents ADD COLUMN story_indexed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
CREATE INDEX events_when ON events("when");
ALTER TABLE commitments ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
