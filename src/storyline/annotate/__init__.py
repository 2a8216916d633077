"""Per-document annotation: sentences, casing, entities, time expressions, claims."""
