-- storyline store, version 3: one typed document date, commitment status computed at
-- read time only, and document membership of story items in relation tables.

-- The date's trust as named flags (JSON list of DateFlag values) and the reason a page
-- was judged contradicted; the old free-text flag is converted and dropped.
ALTER TABLE documents ADD COLUMN date_flags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN date_note TEXT;
UPDATE documents SET date_flags = '["display-date"]' WHERE published_flag LIKE '%display-date%';
ALTER TABLE documents DROP COLUMN published_flag;

-- Status depends on the day it is judged: it is computed from the stored facts.
ALTER TABLE commitments DROP COLUMN status;

-- Which documents each commitment rests on.
CREATE TABLE commitment_evidence (
    commitment_id TEXT NOT NULL,
    doc_id        TEXT NOT NULL,
    sentence      INTEGER NOT NULL,
    PRIMARY KEY (commitment_id, doc_id, sentence)
);
CREATE INDEX commitment_evidence_doc ON commitment_evidence(doc_id);
INSERT OR IGNORE INTO commitment_evidence (commitment_id, doc_id, sentence)
    SELECT c.id, json_extract(e.value, '$.doc'), json_extract(e.value, '$.sentence')
    FROM commitments c, json_each(c.evidence) e;

-- Which documents each entity key was seen in.
CREATE TABLE entity_key_documents (
    key    TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (key, doc_id)
);
CREATE INDEX entity_key_documents_doc ON entity_key_documents(doc_id);
INSERT OR IGNORE INTO entity_key_documents (key, doc_id)
    SELECT k.key, d.value FROM entity_keys k, json_each(k.docs) d;
ALTER TABLE entity_keys DROP COLUMN docs;
