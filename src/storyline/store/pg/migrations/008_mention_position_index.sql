-- storyline store (PostgreSQL), version 8: as ../../migrations/008_mention_position_index.sql.
CREATE INDEX IF NOT EXISTS mentions_position ON mentions(doc_id, sentence, start);
