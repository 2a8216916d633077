-- storyline store, version 7: documents set aside by a stage that failed on them
-- (quarantine), and the order of documents sent back to the story queue.

-- The stage that failed on a document ('annotate' or 'story'), why, and when. A document
-- with a failed stage is skipped by every later build until it is retried or forgotten.
ALTER TABLE documents ADD COLUMN failed_stage TEXT;
ALTER TABLE documents ADD COLUMN failed_reason TEXT;
ALTER TABLE documents ADD COLUMN failed_at TEXT;

-- A document taken out of the story again (its date re-anchored) goes to the end of the
-- queue: 0 for documents in their first pass, then 1, 2, ... in the order they were sent
-- back, so a build resumed after a crash takes them in the order an uninterrupted one would.
ALTER TABLE documents ADD COLUMN story_queue INTEGER NOT NULL DEFAULT 0;
