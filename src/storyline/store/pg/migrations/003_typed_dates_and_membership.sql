-- storyline store (PostgreSQL), version 3: as ../../migrations/003_typed_dates_and_membership.sql.
ALTER TABLE documents ADD COLUMN date_flags JSONB NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN date_note TEXT COLLATE "C";
UPDATE documents SET date_flags = '["display-date"]' WHERE published_flag LIKE '%display-date%';
ALTER TABLE documents DROP COLUMN published_flag;

ALTER TABLE commitments DROP COLUMN status;

CREATE TABLE commitment_evidence (
    commitment_id TEXT COLLATE "C" NOT NULL,
    doc_id        TEXT COLLATE "C" NOT NULL,
    sentence      INTEGER NOT NULL,
    PRIMARY KEY (commitment_id, doc_id, sentence)
);
CREATE INDEX commitment_evidence_doc ON commitment_evidence(doc_id);
INSERT INTO commitment_evidence (commitment_id, doc_id, sentence)
    SELECT c.id, e ->> 'doc', (e ->> 'sentence')::integer
    FROM commitments c, json_array_elements(c.evidence) e
    ON CONFLICT DO NOTHING;

CREATE TABLE entity_key_documents (
    key    TEXT COLLATE "C" NOT NULL,
    doc_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (key, doc_id)
);
CREATE INDEX entity_key_documents_doc ON entity_key_documents(doc_id);
INSERT INTO entity_key_documents (key, doc_id)
    SELECT k.key, d FROM entity_keys k, jsonb_array_elements_text(k.docs) d
    ON CONFLICT DO NOTHING;
ALTER TABLE entity_keys DROP COLUMN docs;
