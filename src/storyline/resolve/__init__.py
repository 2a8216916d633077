"""Cross-document resolution: near-duplicates, entities, events."""
