-- storyline store, version 8: mentions found by their position.
-- Entity resolution sets each mention's entity by (document, sentence, start); with only
-- the index on the document, each of those updates read all the document's mentions:
-- quadratic in a long document's mentions (a 1 MB page: 11,000 mentions, 37 s).
CREATE INDEX IF NOT EXISTS mentions_position ON mentions(doc_id, sentence, start);
