"""Cross-document judgement: contradictions, commitments, corroboration."""
from __future__ import annotations

from ..store import Store


def run_analysis(store: Store, as_of: str | None = None) -> dict[str, int]:
    """Rebuild the judged layers from the stored events and claims."""
    from .commitments import find_commitments
    from .contradictions import find_contradictions
    from .corroboration import annotate_corroboration

    import datetime as dt

    commitments = find_commitments(store, dt.date.fromisoformat(as_of) if as_of else None)
    contradictions = find_contradictions(store)
    notes = annotate_corroboration(store)
    return {"commitments": len(commitments), "contradictions": len(contradictions), **notes}
