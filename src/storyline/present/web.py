"""The web app and the HTTP API: `storyline serve`.

Pages (server-rendered, same templates as the static report): the overview with the
timeline and coverage charts, the timeline list, claims by speaker, contradictions side
by side, the commitments board with drift chains, sources, entities, a reader view of each
article with its annotations, and full-text search. Every item links to its sentence.

API under /api/v1 (OpenAPI document at /api/v1/openapi.json): the dossier and each of
its sections, filtered by date range, entity, outlet and status; exports; search; and
POST /api/v1/documents to add articles, which updates the story incrementally. Write
endpoints need the token given at start-up (--token or STORYLINE_TOKEN) as
"Authorization: Bearer TOKEN"; without a configured token they are refused.
"""
from __future__ import annotations

import datetime as dt
import hmac
import threading
from typing import Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field, model_validator

from ..errors import StoreError, StorylineError
from ..model import RawPage
from ..pipeline import add_pages, build
from ..store import Store
from . import exports
from .dossier import build_dossier
from .report import context, environment
from .views import filter_dossier

MAX_BODY = 5 * 1024 * 1024
SECTIONS = ("documents", "entities", "events", "claims", "contradictions", "commitments")
NAV = [("Overview", "/"), ("Timeline", "/timeline"), ("Claims", "/claims"),
       ("Contradictions", "/contradictions"), ("Commitments", "/commitments"), ("Sources", "/sources"),
       ("Entities", "/entities"), ("Search", "/search")]
PAGES = {
    "timeline": ("Timeline", ["_timeline.html"]),
    "claims": ("Who said what", ["_claims.html"]),
    "contradictions": ("Contradictions", ["_contradictions.html"]),
    "commitments": ("Commitments", ["_commitments.html"]),
    "sources": ("Sources", ["_sources.html"]),
    "entities": ("Entities", ["_entities.html"]),
}


class Article(BaseModel):
    """One article to add: plain text or HTML, with what is known of it."""

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO date, as precise as known")
    outlet: str | None = None

    @model_validator(mode="after")
    def needs_content(self) -> Article:
        if not ((self.text and self.text.strip()) or (self.html and self.html.strip())):
            raise ValueError("an article needs 'text' or 'html'")
        return self


class Articles(BaseModel):
    articles: list[Article] = Field(..., min_length=1, max_length=500)


def web_link(doc: str, idx: int | None) -> str:
    return f"/documents/{doc}#s-{idx}" if idx is not None else f"/documents/{doc}"


def create_app(db_path: str, token: str | None = None, as_of: str | None = None) -> FastAPI:
    store = Store(db_path)
    lock = threading.RLock()  # one SQLite connection, one request at a time
    env = environment()
    app = FastAPI(title="storyline", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="A sourced dossier of one news story: timeline, claims, "
                              "contradictions, commitments, each item traced to its sentence.")
    app.state.store = store

    def dossier(day: str | None) -> dict:
        with lock:
            return build_dossier(store, as_of=day)

    def as_of_query(as_of_: str | None = Query(
            None, alias="as_of", description="the day commitment statuses are judged at "
                                             "(YYYY-MM-DD; default: the server's --as-of, else today)")) -> str | None:
        if as_of_ is None:
            return as_of
        try:
            return dt.date.fromisoformat(as_of_).isoformat()
        except ValueError:
            raise HTTPException(422, f"as_of {as_of_!r} is not a day: write it as YYYY-MM-DD") from None

    def render(template: str, d: dict, doc_ids: list[str] | None = None, **extra) -> HTMLResponse:
        with lock:
            ctx = context(store, d, web_link, lambda doc, idx: f"s-{idx}", NAV, doc_ids=doc_ids or [])
        ctx.update(extra, pages={"search": "/search"})
        return HTMLResponse(env.get_template(template).render(**ctx))

    def require_token(authorization: str | None = Header(None)) -> None:
        if not token:
            raise HTTPException(403, "writing is disabled: start the server with --token "
                                     "(or STORYLINE_TOKEN) to allow it")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY:
            return JSONResponse({"detail": f"body too large (limit {MAX_BODY // 1024 // 1024} MB)"}, 413)
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'"
        return response

    # -- pages --------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(day: str | None = Depends(as_of_query)):
        d = dossier(day)
        return render("page.html", d, page_title=d["story"]["title"], sections=["_overview.html"], filters=None)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader(doc_id: str, day: str | None = Depends(as_of_query)):
        d = dossier(day)
        doc = next((x for x in d["documents"] if x["id"] == doc_id), None)
        if doc is None:
            raise HTTPException(404, "no such document")
        return render("document.html", d, doc_ids=[doc_id], doc=doc)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "", day: str | None = Depends(as_of_query)):
        d = dossier(day)
        hits, error = [], None
        if q.strip():
            try:
                hits = search_hits(q, d)
            except StoreError as exc:
                error = str(exc)
        return render("search.html", d, q=q, hits=hits, error=error)

    for name, (title, sections) in PAGES.items():
        def page(date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
                 entity: str | None = None, outlet: str | None = None, status: str | None = None,
                 day: str | None = Depends(as_of_query), _title=title, _sections=sections):
            d = filter_dossier(dossier(day), date_from, date_to, entity, outlet, status)
            filters = ", ".join(f"{k}={v}" for k, v in (("from", date_from), ("to", date_to), ("entity", entity),
                                                         ("outlet", outlet), ("status", status)) if v)
            return render("page.html", d, page_title=_title, sections=_sections, filters=filters)
        app.add_api_route(f"/{name}", page, response_class=HTMLResponse, include_in_schema=False)

    def search_hits(q: str, d: dict) -> list[dict]:
        outlets = {x["id"]: x["outlet"] for x in d["documents"]}
        with lock:
            found = store.search(q, limit=100)
        return [{"doc": s.doc_id, "sentence": s.index, "text": s.text, "snippet": snip,
                 "outlet": outlets.get(s.doc_id)} for s, snip in found]

    # -- API ----------------------------------------------------------------------------
    def filtered(day, date_from, date_to, entity, outlet, status) -> dict:
        return filter_dossier(dossier(day), date_from, date_to, entity, outlet, status)

    @app.get("/api/v1/dossier", summary="The whole dossier (contract storyline.dossier/1), filtered")
    def api_dossier(date_from: str | None = Query(None, alias="from", description="ISO date"),
                    date_to: str | None = Query(None, alias="to", description="ISO date"),
                    entity: str | None = Query(None, description="entity id or any of its names"),
                    outlet: str | None = None, status: str | None = None,
                    day: str | None = Depends(as_of_query)) -> dict:
        return filtered(day, date_from, date_to, entity, outlet, status)

    @app.get("/api/v1/search", summary="Full-text search over sentences (FTS5 syntax)")
    def api_search(q: str = Query(..., min_length=1)) -> list[dict]:
        try:
            return search_hits(q, dossier(None))
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from exc

    @app.get("/api/v1/export/{fmt}", summary="Exports: json, md, timelinejs, ics, or csv of one section")
    def api_export(fmt: Literal["json", "md", "timelinejs", "ics", "csv"],
                   section: Literal[SECTIONS] = "events",  # type: ignore[valid-type]
                   day: str | None = Depends(as_of_query)):
        d = dossier(day)
        if fmt == "json":
            return Response(exports.dossier_json(d), media_type="application/json")
        if fmt == "md":
            return PlainTextResponse(exports.markdown_brief(d), media_type="text/markdown")
        if fmt == "timelinejs":
            return JSONResponse(exports.timelinejs(d))
        if fmt == "ics":
            return Response(exports.icalendar(d), media_type="text/calendar")
        return Response(exports.section_csv(d, section), media_type="text/csv")

    @app.get("/api/v1/documents/{doc_id}", summary="One document with its cleaned text")
    def api_document(doc_id: str) -> dict:
        doc = next((x for x in dossier(None)["documents"] if x["id"] == doc_id), None)
        if doc is None:
            raise HTTPException(404, "no such document")
        return doc

    for section in SECTIONS:
        def section_view(date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
                         entity: str | None = None, outlet: str | None = None, status: str | None = None,
                         day: str | None = Depends(as_of_query), _section=section) -> list[dict]:
            return filtered(day, date_from, date_to, entity, outlet, status)[_section]
        app.add_api_route(f"/api/v1/{section}", section_view, methods=["GET"],
                          summary=f"The dossier's {section}, filtered")

    @app.post("/api/v1/documents", status_code=201, dependencies=[Depends(require_token)],
              summary="Add articles; the story is updated incrementally")
    def api_add(body: Articles) -> dict:
        pages = [RawPage(source=f"api#{a.url or a.title or i}", content=a.html or a.text or "",
                         kind="html" if a.html else "text", url=a.url, title=a.title,
                         published=a.published, outlet=a.outlet) for i, a in enumerate(body.articles)]
        with lock:
            try:
                info = add_pages(pages, store)
                infos = build(store)
            except StorylineError as exc:
                raise HTTPException(400, str(exc)) from exc
        return {"added": info.items_out, "duplicates": info.skipped,
                "failed": [{"source": s, "reason": r} for s, r in info.failed],
                "documents": info.ids, "story": infos[-1].notes}

    return app
