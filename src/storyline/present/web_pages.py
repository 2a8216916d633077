"""The server-rendered pages: overview, the list pages (filtered, a page at a time), the
reader view of one article, and search. Same templates as the static report; each
rendered page is memoised with the dossier it was rendered from."""
from __future__ import annotations

import html
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from .report import context
from .views import Filters, filter_section
from .web_http import Page, filters, paging, respond

HTML = "text/html; charset=utf-8"
NAV = [("Overview", "/"), ("Timeline", "/timeline"), ("Claims", "/claims"),
       ("Contradictions", "/contradictions"), ("Commitments", "/commitments"), ("Sources", "/sources"),
       ("Entities", "/entities"), ("Search", "/search")]
# page -> (title, template partials, the dossier section it lists)
PAGES = {
    "timeline": ("Timeline", ["_timeline.html"], "events"),
    "claims": ("Who said what", ["_claims.html"], "claims"),
    "contradictions": ("Contradictions", ["_contradictions.html"], "contradictions"),
    "commitments": ("Commitments", ["_commitments.html"], "commitments"),
    "sources": ("Sources", ["_sources.html"], "documents"),
    "entities": ("Entities", ["_entities.html"], "entities"),
}


def web_link(doc: str, idx: int | None) -> str:
    return f"/documents/{doc}#s-{idx}" if idx is not None else f"/documents/{doc}"


def pager(path: str, params: dict[str, str], total: int, page: Page) -> str:
    """Where this page is in its list, with links to the pages before and after it."""
    if total <= page.limit and page.offset == 0:
        return ""
    first, last = min(total, page.offset + 1), min(total, page.offset + page.limit)
    parts = [f"Showing {first}–{last} of {total}"]
    for label, offset in (("← previous", max(0, page.offset - page.limit) if page.offset else None),
                          ("next →", page.offset + page.limit if page.offset + page.limit < total else None)):
        if offset is not None:
            href = f"{path}?{urlencode({**params, 'offset': offset, 'limit': page.limit})}"
            parts.append(f'<a rel="{"prev" if "prev" in label else "next"}" href="{html.escape(href)}">{label}</a>')
    return '<nav class="pager small muted">' + " · ".join(parts) + "</nav>\n"


def register(app: FastAPI, ctx) -> None:
    cache = ctx.cache
    day_dep = ctx.day_param

    def render(template: str, d: dict, doc_ids: list[str] | None = None, **extra) -> bytes:
        with ctx.pool.connection() as store:
            c = context(store, d, web_link, lambda doc, idx: f"s-{idx}", NAV, doc_ids=doc_ids or [])
        c.update(extra, pages={"search": "/search"})
        return ctx.env.get_template(template).render(**c).encode()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def overview(request: Request, day: str = Depends(day_dep)) -> Response:
        entry = await cache.get(day)
        d = entry.dossier
        key = ("html", "overview")
        body = await cache.memo(entry, key, lambda: render(
            "page.html", d, page_title=d["story"]["title"], sections=["_overview.html"], filters=None))
        return await respond(request, cache, entry, key, body, HTML)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    async def reader(request: Request, doc_id: str = Path(..., max_length=200),
                     day: str = Depends(day_dep)) -> Response:
        entry = await cache.get(day)
        doc = entry.docs.get(doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        key = ("html", "reader", doc_id)
        body = await cache.memo(entry, key, lambda: render("document.html", entry.dossier, doc_ids=[doc_id], doc=doc))
        return await respond(request, cache, entry, key, body, HTML)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: str = Query("", max_length=500), day: str = Depends(day_dep)) -> HTMLResponse:
        entry = await cache.get(day)
        hits: list[dict] = []
        error = None
        if q.strip():
            try:
                hits, _ = await ctx.search(q, Page(0, 100))
            except HTTPException as exc:
                error = exc.detail
        body = await ctx.run(render, "search.html", entry.dossier, q=q, hits=hits, error=error)
        return HTMLResponse(body)

    def list_page(name: str, title: str, sections: list[str], section: str):
        async def page(request: Request, f: Annotated[Filters, Depends(filters)],
                       pg: Annotated[Page, Depends(paging(200, 1000))], day: str = Depends(day_dep)) -> Response:
            entry = await cache.get(day)
            pinned = "as_of" in request.query_params
            params = {k: v for k, v in zip(("from", "to", "entity", "outlet", "status"), f.key(), strict=True) if v}
            if pinned:
                params["as_of"] = day

            def build() -> bytes:
                items = filter_section(entry.dossier, section, f, entry.docs)
                d = dict(entry.dossier)
                d[section] = items[pg.offset:pg.offset + pg.limit]
                if section == "events":  # the background list follows the timeline's last page
                    last = pg.offset + pg.limit >= len(items)
                    d["background_events"] = filter_section({**entry.dossier, "events": entry.dossier.get(
                        "background_events", [])}, "events", f, entry.docs) if last else []
                out = render("page.html", d, page_title=title, sections=sections, filters=f.describe() or None)
                nav = pager(f"/{name}", params, len(items), pg).encode()
                return out.replace(b"</main>", nav + b"</main>", 1) if nav else out

            key = ("html", name, f.key(), pg.offset, pg.limit, pinned)
            return await respond(request, cache, entry, key, await cache.memo(entry, key, build), HTML)
        page.__name__ = f"page_{name}"
        return page

    for name, (title, sections, section) in PAGES.items():
        app.add_api_route(f"/{name}", list_page(name, title, sections, section), response_class=HTMLResponse,
                          include_in_schema=False)
