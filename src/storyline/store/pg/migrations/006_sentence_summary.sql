-- storyline store (PostgreSQL), version 6: as ../../migrations/006_sentence_summary.sql.
ALTER TABLE sentences ADD COLUMN summary TEXT COLLATE "C";
