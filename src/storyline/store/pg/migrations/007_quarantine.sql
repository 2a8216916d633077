-- storyline store (PostgreSQL), version 7: as ../../migrations/007_quarantine.sql.
ALTER TABLE documents ADD COLUMN failed_stage TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN failed_reason TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN failed_at TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN story_queue INTEGER NOT NULL DEFAULT 0;
