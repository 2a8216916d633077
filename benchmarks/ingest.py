"""Pages per second for the clean + metadata stages, and for a full ingest into SQLite.

    python benchmarks/ingest.py [--pages 5000]

The corpus is the demo pages repeated and varied (benchmarks/corpus.py), written to a
temporary folder so the full ingest also pays for reading files.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import varied_pages  # noqa: E402

from storyline.clean import clean_page  # noqa: E402
from storyline.model import RawPage  # noqa: E402
from storyline.pipeline import ingest  # noqa: E402
from storyline.store import Store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=5000)
    args = ap.parse_args()
    pages = varied_pages(args.pages)
    t0 = time.perf_counter()
    for i, text in enumerate(pages):
        clean_page(RawPage(f"p{i}.txt", text, "text"))
    clean_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for i, text in enumerate(pages):
            (folder / f"p{i:05d}.txt").write_text(text, encoding="utf-8")
        with Store(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            info = ingest([str(folder)], store)
            ingest_s = time.perf_counter() - t0
    print(f"clean + metadata: {len(pages)} pages in {clean_s:.1f}s = {len(pages) / clean_s:,.0f} pages/s")
    print(f"full ingest (read, clean, MinHash dedupe, SQLite): {info.items_out} added, "
          f"{info.notes['near_duplicates']} near-duplicates, {ingest_s:.1f}s = {len(pages) / ingest_s:,.0f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
