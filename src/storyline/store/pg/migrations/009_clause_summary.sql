-- storyline store (PostgreSQL), version 9: as ../../migrations/009_clause_summary.sql.
ALTER TABLE timexes ADD COLUMN summary TEXT COLLATE "C";
