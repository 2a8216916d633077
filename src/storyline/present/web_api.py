"""The HTTP API under /api/v1: the dossier, its sections (filtered and paginated), one
document, search, exports, and POST documents (token-protected)."""
from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Security
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, model_validator
from starlette.concurrency import run_in_threadpool

from ..errors import StoreError
from ..model import RawPage
from . import exports
from .views import SECTIONS, Filters, filter_dossier, filter_section
from .web_http import (  # noqa: I001
    AUTH_HINT,
    NO_TOKEN,
    Page,
    dumps,
    filters,
    list_headers,
    list_responses,
    next_link,
    page_data,
    paging,
    respond,
    token_ok,
)
from .web_workers import WorkerDied

log = logging.getLogger(__name__)
Section = Literal[SECTIONS]  # type: ignore[valid-type]
EXPORTS = {"json": "application/json", "md": "text/markdown; charset=utf-8",
           "timelinejs": "application/json", "ics": "text/calendar; charset=utf-8", "csv": "text/csv; charset=utf-8"}
OBJECT: dict[int | str, dict[str, Any]] = {200: {"content": {"application/json": {"schema": {"type": "object"}}}},
          422: {"description": "a parameter that cannot be read (the message says which and why)"}}


BEARER = HTTPBearer(auto_error=False, description="the token given at start-up (--token or STORYLINE_TOKEN)")


class Article(BaseModel):
    """One article to add: plain text or HTML, with what is known of it."""

    text: str | None = Field(None, pattern=r"\S", description="the article as plain text")
    html: str | None = Field(None, pattern=r"\S", description="the article as an HTML page")
    url: str | None = Field(None, max_length=4000)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100, description="ISO date, as precise as known")
    outlet: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def needs_content(self) -> Article:
        if not ((self.text and self.text.strip()) or (self.html and self.html.strip())):
            raise ValueError("an article needs 'text' or 'html'")
        return self


class Articles(BaseModel):
    articles: list[Article] = Field(..., min_length=1, max_length=500)


def register(app: FastAPI, ctx) -> None:
    """The API routes, over the app's context (cache, read pool, writer, token)."""
    cache = ctx.cache
    day_dep = ctx.day_param

    async def section_page(section: str, request: Request, f: Filters, page: Page, day: str) -> Response:
        entry = await cache.get(day)
        items = await cache.memo(entry, ("items", section, f.key()), filter_section, entry.dossier, section, f,
                                 entry.docs, thread=f.active())
        key = ("page", section, f.key(), page.offset, page.limit)
        body, total, nxt = await cache.memo(entry, key, page_data, items, page, thread=page.limit > 200)
        return await respond(request, cache, entry, key, body, "application/json",
                             list_headers(request, page, total, nxt))

    def section_route(section: str):
        async def view(request: Request, f: Annotated[Filters, Depends(filters)],
                       page: Annotated[Page, Depends(paging(100, 1000))], day: str = Depends(day_dep)) -> Response:
            return await section_page(section, request, f, page, day)
        view.__name__ = f"api_{section}"
        return view

    for section in SECTIONS:
        app.add_api_route(f"/api/v1/{section}", section_route(section), methods=["GET"],
                          summary=f"The dossier's {section}, filtered, a page at a time",
                          response_class=Response, responses=list_responses(f"a page of {section}"))

    @app.get("/api/v1/dossier", summary="The whole dossier (contract storyline.dossier/1), filtered",
             response_class=Response, responses=OBJECT)
    async def api_dossier(request: Request, f: Annotated[Filters, Depends(filters)],
                          day: str = Depends(day_dep)) -> Response:
        entry = await cache.get(day)
        key = ("dossier", f.key()) if f.active() else ("dossier",)
        body = await cache.memo(entry, key, lambda: dumps(filter_dossier(entry.dossier, *f.key())))
        return await respond(request, cache, entry, key, body, "application/json")

    @app.get("/api/v1/documents/{doc_id}", summary="One document with its cleaned text",
             response_class=Response, responses={**OBJECT, 404: {"description": "no such document"}})
    async def api_document(doc_id: str = Path(..., max_length=200)) -> Response:
        entry = await cache.get(ctx.default_day())
        doc = entry.docs.get(doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return Response(await cache.memo(entry, ("document", doc_id), dumps, doc, thread=False),
                        media_type="application/json")

    @app.get("/api/v1/search", summary="Full-text search over sentences (FTS5 syntax), best first",
             response_class=Response, responses={**list_responses("a page of matching sentences", total=False),
                                                 400: {"description": "a query FTS5 cannot read"}})
    async def api_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
                         page: Annotated[Page, Depends(paging(100, 200, max_offset=1000))]) -> Response:
        hits, more = await ctx.search(q, page)
        headers = {}
        link = next_link(request, page, page.offset + page.limit if more else None)
        if link:
            headers["Link"] = f'<{link}>; rel="next"'
        return Response(dumps(hits), media_type="application/json", headers=headers)

    @app.get("/api/v1/export/{fmt}", summary="Exports: json, md, timelinejs, ics, or csv of one section",
             response_class=Response, responses={200: {"content": {t.split(";")[0]: {} for t in EXPORTS.values()}}})
    async def api_export(request: Request, fmt: Literal["json", "md", "timelinejs", "ics", "csv"],
                         section: Section = "events", day: str = Depends(day_dep)) -> Response:
        entry = await cache.get(day)
        key = ("export", fmt, section if fmt == "csv" else None)
        body = await cache.memo(entry, key, export, entry.dossier, fmt, section)
        return await respond(request, cache, entry, key, body, EXPORTS[fmt])

    async def authorized(credentials: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]) -> None:
        # the guard in front of the app has checked this before reading the body; checked
        # again here so the route is never open whatever the middleware stack becomes
        if not ctx.token:
            raise HTTPException(403, NO_TOKEN)
        if credentials is None or not token_ok(f"Bearer {credentials.credentials}", ctx.token):
            raise HTTPException(401, AUTH_HINT, headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/v1/documents", status_code=201, dependencies=[Depends(authorized)],
              summary="Add articles; the story is updated incrementally",
              responses={400: {"description": "the articles could not be added (the message says why)"},
                         401: {"description": AUTH_HINT}, 403: {"description": NO_TOKEN},
                         413: {"description": "body over 5 MB"}})
    async def api_add(body: Articles) -> dict:
        pages = [RawPage(source=f"api#{a.url or a.title or i}", content=a.html or a.text or "",
                         kind="html" if a.html else "text", url=a.url, title=a.title,
                         published=a.published, outlet=a.outlet) for i, a in enumerate(body.articles)]
        cache.writers += 1
        try:
            try:  # queued: the POSTs waiting together are written in one pass (web_writes)
                result = await ctx.writes.write(pages)
            except WorkerDied as exc:
                raise HTTPException(500, f"{exc}; some of the articles may be stored: send them again "
                                         "(stored ones count as duplicates)") from None
            log.info("stored %s (store generation %d)", result.get("documents"), cache.watch.now())
            if "error" in result:
                raise HTTPException(400, ctx.scrub(result["error"]))
            try:  # answer once the cache holds the new documents: the next GET shows them
                await cache.get(ctx.default_day(), fresh=True)
            except Exception:  # noqa: BLE001 - stored all the same; the next GET rebuilds
                log.exception("refreshing the dossier after a write failed")
        finally:
            cache.writers -= 1
        result["failed"] = [{**f, "reason": ctx.scrub(f["reason"])} for f in result["failed"]]
        return result


def export(d: dict, fmt: str, section: str) -> bytes:
    if fmt == "json":
        return exports.dossier_json(d).encode()
    if fmt == "md":
        return exports.markdown_brief(d).encode()
    if fmt == "timelinejs":
        return dumps(exports.timelinejs(d))
    if fmt == "ics":
        return exports.icalendar(d).encode()
    return exports.section_csv(d, section).encode()


async def search_hits(ctx, q: str, page: Page) -> tuple[list[dict], bool]:
    entry = await ctx.cache.get(ctx.default_day())

    def run() -> list:
        with ctx.pool.connection() as store:
            return store.search(q, limit=page.offset + page.limit + 1)

    try:
        found = await run_in_threadpool(run)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from exc
    hits = [{"doc": s.doc_id, "sentence": s.index, "text": s.text, "snippet": snip,
             "outlet": (entry.docs.get(s.doc_id) or {}).get("outlet")} for s, snip in found]
    return hits[page.offset:page.offset + page.limit], len(hits) > page.offset + page.limit
