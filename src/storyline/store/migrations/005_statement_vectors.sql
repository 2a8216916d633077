-- storyline store, version 5: a sentence embedding (all-MiniLM-L6-v2, float16) for the
-- statements the judges compare, so paraphrases are found without shared words.
ALTER TABLE statements ADD COLUMN vector BLOB;
