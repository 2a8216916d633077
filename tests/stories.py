"""Small invented stories built end to end: pages written to a folder, ingested, built and
exported as the dossier a user would get (the real pipeline and a real SQLite store)."""
from __future__ import annotations

from pathlib import Path


def build_story(tmp_path: Path, pages: dict[str, str], as_of: str = "2026-11-22") -> dict:
    """The dossier of these pages ({file name: text}) as of a day."""
    from storyline.pipeline import build, ingest
    from storyline.present.dossier import build_dossier
    from storyline.store import Store

    folder = tmp_path / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([str(folder)], store)
        build(store)
        return build_dossier(store, as_of=as_of)


def page(title: str, date: str, body: str) -> str:
    """A scraped page as it often comes: headline, date line, body."""
    return f"{title}\n\n{date}\n\n{body}"
