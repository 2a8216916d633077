-- storyline store (PostgreSQL), version 5: as ../../migrations/005_statement_vectors.sql.
ALTER TABLE statements ADD COLUMN vector BYTEA;
