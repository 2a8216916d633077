"""Cross-document judgement: contradictions, commitments, corroboration.

Each judge takes one new document's statements and compares them with the statements,
commitments and contradictions already in the store that may concern them (found through
indexes), so the story grows one document at a time; see pipeline.update_story.
"""
