-- storyline store, version 9: the summary of the clause a time expression dates, when that
-- clause is not the one the sentence's summary tells ("the 17 miners rescued in March").
ALTER TABLE timexes ADD COLUMN summary TEXT;
