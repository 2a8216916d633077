"""The web app and the HTTP API: `storyline serve`.

Pages (server-rendered, same templates as the static report): the overview with the
timeline and coverage charts, the timeline list, claims by speaker, contradictions side
by side, the commitments board with drift chains, sources, entities, a reader view of each
article with its annotations, and full-text search. Every item links to its sentence.

API under /api/v1 (OpenAPI document at /api/v1/openapi.json): the dossier and each of
its sections, filtered by date range, entity, outlet and status and paginated
(`limit`/`offset`; the total in X-Total-Count, the next page in a Link header); exports;
search; and POST /api/v1/documents to add articles, which updates the story
incrementally. Writing needs the token given at start-up (--token or STORYLINE_TOKEN) as
"Authorization: Bearer TOKEN"; without a configured token it is refused.

How it holds under load (web_cache): the dossier is built once per store version and day,
off the event loop, and everything the pages and the API serve is sliced or rendered
from it once; each request only checks the store version (microseconds). Writes go
in a writer process, one pass at a time (the POSTs that queued meanwhile written together,
web_writes), and dossiers are built in a builder process
(web_workers), so neither stalls the requests this process answers.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from . import web_api, web_pages
from .report import environment
from .web_cache import DossierCache, Pool
from .web_http import MAX_BODY, Guard
from .web_workers import Worker
from .web_writes import WriteQueue

log = logging.getLogger(__name__)
MIN_DAY, MAX_DAY = dt.date(1800, 1, 1), dt.date(2200, 12, 31)


class Context:
    """What the routes share: the cache, the read pool, the worker processes, the token."""

    def __init__(self, db_path: str, token: str | None, as_of: str | None, processes: bool = True):
        self.path = db_path
        self.token = token
        self.as_of = as_of
        self.writer = Worker("writer", processes)
        self.writes = WriteQueue(self.writer, db_path)  # POSTs queue here, written in batches
        self.builder = Worker("dossier builder", processes)
        self.cache = DossierCache(db_path, self.default_day, self.builder)
        self.pool = Pool(db_path)
        self.env = environment()
        self.search = partial(web_api.search_hits, self)

    def default_day(self) -> str:
        return self.as_of or dt.date.today().isoformat()

    async def day_param(self, as_of: str | None = Query(
            None, max_length=10, description="the day commitment statuses are judged at "
                                             "(YYYY-MM-DD; default: the server's --as-of, else today)")) -> str:
        if as_of is None:
            return self.default_day()
        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError:
            raise HTTPException(422, f"as_of {as_of!r} is not a day: write it as YYYY-MM-DD") from None
        if not MIN_DAY <= day <= MAX_DAY:
            raise HTTPException(422, f"as_of {as_of!r} is outside {MIN_DAY.year}-{MAX_DAY.year}")
        return day.isoformat()

    async def run(self, fn, *args, **kwargs):
        return await run_in_threadpool(fn, *args, **kwargs)

    def scrub(self, message: str) -> str:
        """A message without the server's paths (the store's file name only)."""
        for path in {os.path.abspath(self.path), os.path.realpath(self.path), self.path}:
            if os.sep in path:
                message = message.replace(path, os.path.basename(path))
        return message

    def close(self) -> None:
        self.cache.close()
        self.pool.close()
        self.writer.close()
        self.builder.close()


def create_app(db_path: str, token: str | None = None, as_of: str | None = None,
               processes: bool = True) -> FastAPI:
    """The app over the store at `db_path`; `processes=False` runs the dossier builds and
    the writes in threads of this process instead of worker processes."""
    ctx = Context(db_path, token, as_of, processes)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        warm = asyncio.create_task(ctx.cache.get(ctx.default_day()))  # the first page need not wait
        warm.add_done_callback(lambda t: t.cancelled() or t.exception())
        yield
        warm.cancel()
        ctx.close()

    app = FastAPI(title="storyline", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json", lifespan=lifespan,
                  description="A sourced dossier of one news story: timeline, claims, "
                              "contradictions, commitments, each item traced to its sentence. "
                              "Lists are paginated with limit/offset: the total is in the "
                              "X-Total-Count header, the next page in a Link header.")
    app.state.ctx = ctx

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error; the server's log has the details"}, 500)

    web_pages.register(app, ctx)
    web_api.register(app, ctx)
    app.add_middleware(Guard, token=token, writes={("POST", "/api/v1/documents")}, max_body=MAX_BODY)
    return app
