-- storyline store, version 4: the quantities each sentence states (JSON list of
-- {value, unit, head, approx, text, start}), read at annotation time from the parse.
ALTER TABLE sentences ADD COLUMN quantities TEXT NOT NULL DEFAULT '[]';
