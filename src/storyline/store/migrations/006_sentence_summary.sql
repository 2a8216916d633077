-- storyline store, version 6: a short summary of each sentence (who does what to what,
-- at most 15 words) built from its parse at annotation time, for events and commitments.
ALTER TABLE sentences ADD COLUMN summary TEXT;
