-- storyline store (PostgreSQL), version 4: as ../../migrations/004_quantities.sql.
ALTER TABLE sentences ADD COLUMN quantities JSON NOT NULL DEFAULT '[]';
