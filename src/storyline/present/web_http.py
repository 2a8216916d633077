"""HTTP plumbing of the web app: the request guard, query parameters, paginated answers.

The guard is plain ASGI, in front of everything. On the write endpoint it checks the
token from the headers before a byte of the body is read (only "Authorization: Bearer T"
counts), then reads the body itself, counting the bytes actually received: a body over
the limit is refused with 413 as soon as the limit is passed, whatever Content-Length
says or whether there is one (chunked uploads), and the connection is closed so the rest
is never read. Every answer gets the security headers, and a Server-Timing header with
the time the request spent in the app.
"""
from __future__ import annotations

import gzip
import hmac
import json
import time
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request
from fastapi.responses import Response

from ..dates import to_date
from .views import STATUSES, Filters, date_bound

MAX_BODY = 5 * 1024 * 1024
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"),
                    (b"content-security-policy", b"default-src 'self'; style-src 'self' 'unsafe-inline'")]
AUTH_HINT = "missing or wrong token: send 'Authorization: Bearer TOKEN'"
NO_TOKEN = "writing is disabled: start the server with --token (or STORYLINE_TOKEN) to allow it"


def token_ok(authorization: str | None, token: str) -> bool:
    """True for exactly "Bearer <token>" (the scheme in any case, RFC 7235)."""
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


class Guard:
    """ASGI middleware: token before body on writes, body limits on the bytes read."""

    def __init__(self, app, token: str | None, writes: set[tuple[str, str]], max_body: int = MAX_BODY):
        self.app = app
        self.token = token
        self.writes = writes
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        length = headers.get("content-length")
        has_body = bool(length and length != "0") or "transfer-encoding" in headers
        write = (scope["method"], scope["path"].rstrip("/")) in self.writes

        state = {"body_read": False}
        t0 = time.perf_counter()

        async def secured(message) -> None:
            if message["type"] == "http.response.start":
                # Server-Timing: the time this request spent in the app (queueing excluded)
                extra = [*SECURITY_HEADERS, (b"server-timing", b"app;dur=%.1f" % (1000 * (time.perf_counter() - t0)))]
                if has_body and not state["body_read"]:
                    extra.append((b"connection", b"close"))  # do not read an unread body to its end
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        if write and not self.token:
            await refuse(secured, 403, NO_TOKEN)
            return
        if write and not token_ok(headers.get("authorization"), self.token or ""):
            await refuse(secured, 401, AUTH_HINT, [(b"www-authenticate", b'Bearer realm="storyline"')])
            return
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await refuse(secured, 413, self.too_large(), read=0)
            return
        if not write:
            await self.app(scope, receive, secured)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await refuse(secured, 413, self.too_large(), read=len(body))
                return
            if not message.get("more_body", False):
                break
        state["body_read"] = True
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()  # waits for the disconnect
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, secured)

    def too_large(self) -> str:
        return f"body too large (limit {self.max_body // 1024 // 1024} MB)"


async def refuse(send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None,
                 read: int | None = None) -> None:
    """An error answer sent before the app is reached (`read`: the body bytes read, if any)."""
    body = json.dumps({"detail": detail} if read is None else {"detail": detail, "read_bytes": read}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


# -- query parameters --------------------------------------------------------------------
Status = Literal[STATUSES]  # type: ignore[valid-type]
StatusQuery = Annotated[Status | None, Query(description="event status (past, planned, conditional) or "
                                                         "commitment status (open, met, missed, superseded, unverified)")]


async def filters(date_from: str | None = Query(None, alias="from", max_length=10, examples=["2020-01"],
                                           description="items on or after this date: YYYY, YYYY-MM or YYYY-MM-DD"),
            date_to: str | None = Query(None, alias="to", max_length=10, examples=["2021-12-31"],
                                         description="items on or before this date: YYYY, YYYY-MM or YYYY-MM-DD"),
            entity: str | None = Query(None, max_length=200, description="entity id or any of its names"),
            outlet: str | None = Query(None, max_length=200, description="outlet name"),
            status: StatusQuery = None) -> Filters:
    try:
        lo, hi = date_bound(date_from, "from"), date_bound(date_to, "to")
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    if lo and hi and to_date(lo) > to_date(hi, end=True):
        raise HTTPException(422, f"from={lo} is after to={hi}")
    return Filters(lo, hi, entity.strip() or None if entity else None,
                   outlet.strip() or None if outlet else None, status)


@dataclass(frozen=True)
class Page:
    offset: int
    limit: int


def paging(default: int, maximum: int, max_offset: int = 10_000_000):
    """A dependency: limit/offset with a default and a maximum (async: no worker thread for it)."""
    async def page(limit: int = Query(default, ge=1, le=maximum, description=f"items per page (at most {maximum})"),
             offset: int = Query(0, ge=0, le=max_offset, description="items to skip")) -> Page:
        return Page(offset, limit)
    return page


def next_link(request: Request, page: Page, next_offset: int | None) -> str | None:
    if next_offset is None:
        return None
    params = dict(request.query_params)
    params.update(offset=str(next_offset), limit=str(page.limit))
    return f"{request.url.path}?{urlencode(params)}"


def page_data(items: list, page: Page) -> tuple[bytes, int, int | None]:
    """One page of a list serialized, the list's length, and the offset of the next page."""
    chunk = items[page.offset:page.offset + page.limit]
    nxt = page.offset + page.limit if page.offset + page.limit < len(items) else None
    return dumps(chunk), len(items), nxt


def list_headers(request: Request, page: Page, total: int, nxt: int | None) -> dict[str, str]:
    """The total and the next page of a list: X-Total-Count, Link: <...>; rel="next"."""
    headers = {"X-Total-Count": str(total)}
    link = next_link(request, page, nxt)
    if link:
        headers["Link"] = f'<{link}>; rel="next"'
    return headers


def accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
        name, _, params = part.partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().removeprefix("q=")
            try:
                return not params.strip() or float(q) > 0
            except ValueError:
                return True
    return False


def gzip_bytes(raw: bytes) -> bytes:
    return gzip.compress(raw, 6, mtime=0)


async def respond(request: Request, cache, entry, key: Any, raw: bytes, media_type: str,
                  headers: dict[str, str] | None = None) -> Response:
    """A memoised body, gzip-compressed (once per dossier) for clients that accept it."""
    headers = dict(headers or {})
    if len(raw) >= 1024:
        headers["Vary"] = "Accept-Encoding"
        if accepts_gzip(request):
            headers["Content-Encoding"] = "gzip"
            return Response(await cache.memo(entry, (key, "gzip"), gzip_bytes, raw), media_type=media_type,
                            headers=headers)
    return Response(raw, media_type=media_type, headers=headers)


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


LIST_HEADERS = {"X-Total-Count": {"description": "items in the whole (filtered) list", "schema": {"type": "integer"}},
                "Link": {"description": 'the next page, as <URL>; rel="next" (absent on the last page)',
                         "schema": {"type": "string"}}}


def list_responses(description: str, total: bool = True) -> dict:
    headers = LIST_HEADERS if total else {"Link": LIST_HEADERS["Link"]}
    return {200: {"description": description, "headers": headers,
                  "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}},
            422: {"description": "a parameter that cannot be read (the message says which and why)"}}
