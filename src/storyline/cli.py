"""storyline's command line: thin, over the pipeline's plain functions."""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .errors import StoreBusy, StorylineError, UsageError

DEFAULT_DB = "storyline.db"


class BarReporter:
    """Draws a tqdm bar on stderr when the work is long enough to need one."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.bar = None

    def start(self, stage: str, total: int | None) -> None:
        if self.quiet:
            return
        from tqdm import tqdm

        self.bar = tqdm(total=total, desc=stage, unit="item", file=sys.stderr, leave=False,
                        disable=None if (total or 0) > 20 else True)

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _store(args):
    from .store.factory import open_store

    return open_store(args.db)


def _writing(args, command: str):
    """The store's writer lock, taken before the store is opened: two writers that open a new
    store at once would both create its tables."""
    from .pipeline_lock import writing

    return writing(args.db, command, args.wait)


def cmd_ingest(args) -> int:
    from .pipeline import ingest

    with _writing(args, "ingest"), _store(args) as store:
        info = ingest(args.paths, store, BarReporter(args.quiet), wait=args.wait)
    near = info.notes.get("near_duplicates", 0)
    print(f"ingest: {info.items_out} added ({near} linked as near-duplicates), "
          f"{info.skipped} skipped as duplicates, {len(info.failed)} failed "
          f"[{info.seconds:.1f}s] -> {args.db}")
    for source, reason in info.failed:
        print(f"  failed: {source}: {reason}", file=sys.stderr)
    if info.items_out == 0 and info.skipped == 0 and info.failed:
        return 1
    return 0


def cmd_build(args) -> int:
    from .engine import make_engine
    from .pipeline import build

    engine = make_engine(args.engine, args.workers, args.scheduler)
    with _writing(args, "build"), _store(args) as store:
        if store.docs.count() == 0:
            raise UsageError(f"{args.db} has no documents yet. Run `storyline ingest PATH...` first.")
        infos = build(store, BarReporter(args.quiet), rebuild=args.rebuild, engine=engine,
                      wait=args.wait, retry_failed=args.retry_failed)
    for info in infos:
        notes = ", ".join(f"{k}={v}" for k, v in info.notes.items())
        print(f"{info.stage}: {info.items_out} items{(' (' + notes + ')') if notes else ''} [{info.seconds:.1f}s]")
    aside = [f for info in infos for f in info.failed]
    for doc_id, reason in aside:
        print(f"  set aside: {doc_id}: {reason}", file=sys.stderr)
    if aside:
        print(f"  {len(aside)} document(s) set aside, the rest is built: `storyline documents --failed` "
              "lists them; `storyline forget DOC` removes one, `storyline build --retry-failed` tries "
              "them again.", file=sys.stderr)
    return 0


def cmd_documents(args) -> int:
    with _store(args) as store:
        rows = store.docs.statuses(failed_only=args.failed)
    if not rows:
        print("no documents set aside" if args.failed else f"{args.db} has no documents")
        return 0
    for r in rows:
        print(f"{r.id[:16]}  {r.status:<9}  {r.published or '-':<10}  {(r.outlet or '-')[:24]:<24}  {r.source}")
        if r.failed_stage:
            print(f"{'':16}  failed at {r.failed_stage} ({r.failed_at}): {r.failed_reason}")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())), file=sys.stderr)
    return 0


def cmd_forget(args) -> int:
    from .pipeline import forget_documents

    with _writing(args, "forget"), _store(args) as store:
        ids: list[str] = []
        for ref in args.documents:
            found = store.docs.find(ref)
            if not found:
                raise UsageError(f"no document {ref!r} in {args.db}: `storyline documents` lists them "
                                 "(an id, the start of one, or a source)")
            if len(found) > 1:
                raise UsageError(f"{ref!r} names {len(found)} documents ({', '.join(f[:16] for f in found[:5])}"
                                 f"{', ...' if len(found) > 5 else ''}): give more of the id")
            ids += [f for f in found if f not in ids]
        done = forget_documents(store, ids, wait=args.wait)
    for doc_id, heir in done:
        print(f"forgot {doc_id}" + (f"; its reprint {heir} takes its place (annotated at the next build)"
                                    if heir else ""))
    return 0


def _dossier(store, as_of=None):
    from .present.dossier import build_dossier

    return build_dossier(store, as_of=as_of)


def cmd_export(args) -> int:
    from .present import exports

    with _store(args) as store:
        dossier = _dossier(store, args.as_of)
    if args.format == "json":
        _write(args.out, exports.dossier_json_chunks(dossier))
    elif args.format == "md":
        _write(args.out, exports.markdown_brief(dossier))
    elif args.format == "timelinejs":
        import json

        _write(args.out, json.dumps(exports.timelinejs(dossier), ensure_ascii=False, indent=2))
    elif args.format == "ics":
        _write(args.out, exports.icalendar(dossier))
    elif args.format == "csv":
        folder = Path(args.out or "out/csv")
        if folder.suffix:
            raise UsageError("--format csv writes one file per section: give --out a folder, not a file.")
        folder.mkdir(parents=True, exist_ok=True)
        for section in exports.SECTIONS:
            (folder / f"{section}.csv").write_text(exports.section_csv(dossier, section), encoding="utf-8")
        print(f"wrote {len(exports.SECTIONS)} CSV files to {folder}/", file=sys.stderr)
    return 0


def _write(out: str | None, text: str | Iterable[str]) -> None:
    """Write a text, or its pieces in turn, to a file (`out`) or to standard output."""
    pieces = [text] if isinstance(text, str) else text
    if out in (None, "-"):
        sys.stdout.writelines(pieces)
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.writelines(pieces)
    print(f"wrote {path}", file=sys.stderr)


def cmd_report(args) -> int:
    from .present.report import render_report

    with _store(args) as store:
        html = render_report(store, _dossier(store, args.as_of))
    _write(args.out or "report.html", html)
    return 0


def cmd_search(args) -> int:
    with _store(args) as store:
        hits = store.search(args.query, limit=args.limit)
        titles = {d.id: (d.outlet or d.source) for d in store.docs.all()}
    if not hits:
        print(f"no sentence matches {args.query!r}")
        return 0
    for sentence, snippet in hits:
        print(f"[{titles.get(sentence.doc_id, sentence.doc_id)} #{sentence.index}] {snippet}")
    return 0


def cmd_serve(args) -> int:
    import os

    import uvicorn

    from .present.web import create_app
    from .store.factory import is_url

    token = args.token or os.environ.get("STORYLINE_TOKEN")
    if not is_url(args.db) and not Path(args.db).exists():
        raise UsageError(f"{args.db} does not exist. Run `storyline ingest PATH... --db {args.db}` "
                         "and `storyline build` first, or `storyline demo`.")
    app = create_app(args.db, token=token, as_of=args.as_of)
    print(f"storyline: serving {args.db} on http://{args.host}:{args.port}/ "
          f"(writing {'enabled' if token else 'disabled: no --token'})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_demo(args) -> int:
    from .pipeline import build, demo_corpus, ingest
    from .present import exports
    from .present.report import render_report
    from .store import Store

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "storyline.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with Store(db) as store:
        info = ingest([str(demo_corpus())], store, BarReporter(args.quiet))
        build(store, BarReporter(args.quiet))
        dossier = _dossier(store, args.as_of)
        (out / "dossier.json").write_text(exports.dossier_json(dossier), encoding="utf-8")
        (out / "report.html").write_text(render_report(store, dossier), encoding="utf-8")
    story = dossier["story"]
    dates = story["date_range"]
    print(f"storyline demo: {story['documents']} documents ({info.items_out} ingested), "
          f"{len(story['outlets'])} outlets ({', '.join(story['outlets'])})")
    print(f"  published: {dates[0] + ' to ' + dates[1] if dates else 'unknown'}")
    print(f"  {len(dossier['entities'])} entities, {len(dossier['events'])} events "
          f"(+{len(dossier.get('background_events', []))} background), {len(dossier['claims'])} claims, {len(dossier['contradictions'])} contradictions, "
          f"{len(dossier['commitments'])} commitments")
    print(f"  dossier: {out / 'dossier.json'}")
    print(f"  report:  {out / 'report.html'}")
    return 0


def _workers(value: str) -> int:
    """--workers: a whole number of processes, at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (1 or more)")
    return int(value)


def _as_of(value: str) -> str:
    """--as-of: a calendar day; commitment statuses are judged at it."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day: write it as YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="storyline",
        description="Turn raw news pages about one story into a sourced dossier: timeline, "
                    "claims, contradictions and commitments, each traced to its sentence.",
        epilog="Typical run: storyline ingest pages/ && storyline build && storyline report --out report.html")
    p.add_argument("--version", action="version", version=f"storyline {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name, func, help_):
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=func)
        if name != "demo":
            sp.add_argument("--db", default=DEFAULT_DB, help=f"the store: a SQLite file or a postgresql:// URL (default: {DEFAULT_DB})")
        sp.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
        return sp

    sp = add("ingest", cmd_ingest, "Read pages (files, folders, globs) into the store: .txt, "
             ".html/.htm, .jsonl/.json, .warc/.warc.gz, .rss/.atom/.xml. Re-ingesting is a no-op.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    _wait_option(sp, 600.0, "another ingest or build")
    sp = add("build", cmd_build, "Annotate new documents and rebuild entities, events, "
             "contradictions and commitments.")
    sp.add_argument("--rebuild", action="store_true",
                    help="forget the cross-document items and build the story again from all documents")
    sp.add_argument("--workers", type=_workers, metavar="N",
                    help="processes that annotate in parallel (default: one per core; 1: this process)")
    sp.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="where annotation runs: local processes (default) or a Dask cluster")
    sp.add_argument("--scheduler", metavar="ADDRESS",
                    help="the Dask scheduler for --engine dask (e.g. tcp://10.0.0.5:8786)")
    sp.add_argument("--retry-failed", action="store_true",
                    help="try again the documents earlier builds set aside (see `storyline documents --failed`)")
    _wait_option(sp, 0.0, "another build or ingest")
    sp = add("documents", cmd_documents, "List the stored documents with their status (new, "
             "annotated, in story, duplicate, failed).")
    sp.add_argument("--failed", action="store_true",
                    help="only the documents set aside, with the stage that failed on them and why")
    sp = add("forget", cmd_forget, "Remove documents and everything that came only from them "
             "(annotations, story index, evidence, commitments and entities no other document supports).")
    sp.add_argument("documents", nargs="+", metavar="DOC", help="an id, the start of one, or a source")
    _wait_option(sp, 60.0, "a build or ingest")
    sp = add("export", cmd_export, "Write the dossier: json (the contract), csv (a folder, one "
             "file per section), md (a brief), timelinejs (TimelineJS3 JSON) or ics (commitment "
             "deadlines as iCalendar).")
    sp.add_argument("--format", choices=["json", "csv", "md", "timelinejs", "ics"], default="json")
    sp.add_argument("--out", help="file (json, md) or folder (csv); default: standard output")
    sp.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="judge commitments as of this day, if before the newest page (default: the newest page)")
    sp = add("report", cmd_report, "Write the HTML report: one self-contained file, readable offline.")
    sp.add_argument("--out", help="output file (default: report.html)")
    sp.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="judge commitments as of this day, if before the newest page (default: the newest page)")
    sp = add("search", cmd_search, "Full-text search over sentences (SQLite FTS5 syntax: "
             "words, \"phrases\", prefix*, AND/OR/NOT).")
    sp.add_argument("query")
    sp.add_argument("--limit", type=int, default=20)
    sp = add("serve", cmd_serve, "Serve the web app and the HTTP API (/api/v1, OpenAPI at "
             "/api/v1/openapi.json) over a store.")
    sp.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    sp.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sp.add_argument("--token", help="token that allows POST /api/v1/documents (or set STORYLINE_TOKEN); "
                    "without one, writing is refused")
    sp.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="judge commitments as of this day, if before the newest page (default: the newest page)")
    sp = add("demo", cmd_demo, "Run the whole pipeline on the built-in corpus and write "
             "dossier.json and report.html.")
    sp.add_argument("--out", default="out/demo", help="output folder (default: out/demo)")
    sp.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="judge commitments as of this day, if before the newest page (default: the newest page)")
    return p


def _wait_option(sp: argparse.ArgumentParser, default: float, other: str) -> None:
    sp.add_argument("--wait", type=float, default=default, metavar="SECONDS",
                    help=f"how long to wait for {other} writing to the same store (default: {default:g}; "
                         "after that, or at once with 0, it stops with exit code 75)")


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        p.print_help()
        return 2
    try:
        return args.func(args)
    except StoreBusy as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return 75  # EX_TEMPFAIL: try again later
    except StorylineError as exc:
        print(f"storyline: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("storyline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
