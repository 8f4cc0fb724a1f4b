"""The routes of the owners' reporting page.

``/h/{key}`` an in-home card's page and ``/e/{key}`` an entrance's (GET the form, POST a
report); ``/f/{secret}`` the private follow link (GET the order, POST the rating);
``/healthz`` for the reverse proxy and monitoring. Anything else, a key that opens nothing
and a follow link that opens nothing all answer the same 404 page. Every answer is a small
HTML page with no store, no referrer and no framing; no answer carries a traceback.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from wuye_desktop.core import portal
from wuye_desktop.core.errors import StateError, ValidationError, WuyeError
from wuye_desktop.core.portal.follow import follow_view, rate_order
from wuye_desktop.core.portal.reports import (
    MAX_PHOTOS,
    Duplicate,
    ReportInput,
    TooMany,
    file_report,
)
from wuye_desktop.portal import pages
from wuye_desktop.portal.forms import check_token, issue_token
from wuye_desktop.portal.limits import (
    BodyTooLarge,
    BodyTooSlow,
    RequestLimits,
    SlidingWindow,
)
from wuye_desktop.portal.photos import MAX_UPLOAD_BYTES, PhotoRejected, clean_photo
from wuye_desktop.storage.db import Database

log = logging.getLogger(__name__)

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # the follow link's secret never leaves in a Referer
    "Cache-Control": "no-store",
}
MAX_FIELD_BYTES = 4096  # a text field: 500 Chinese characters are 1500 bytes of UTF-8


@dataclass(frozen=True)
class PortalConfig:
    """The page's limits (the defaults are for the internet; tests make them small)."""

    requests_per_minute: int = 60  # per client address, every page
    posts_per_10_minutes: int = 10  # per client address, reports and ratings
    reports_per_hour: int = 5  # per QR key and per household (core counts them)
    max_body: int = MAX_PHOTOS * MAX_UPLOAD_BYTES + 256 * 1024
    chunk_timeout_s: float = 15.0  # no byte of the body for this long: cut off
    body_timeout_s: float = 60.0  # the body not whole after this long: cut off
    settings_ttl_s: float = 3.0  # how soon the desk's switch reaches the page


def html(body: bytes, status: int = 200) -> Response:
    return Response(body, status, headers=HEADERS, media_type="text/html; charset=utf-8")


def refusal(status: int) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """The page and headers of what the request limits refuse before the app sees it."""
    text = pages.TOO_LARGE if status == 413 else pages.TOO_SLOW
    headers = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
    headers += [(b"content-type", b"text/html; charset=utf-8"), (b"connection", b"close")]
    return pages.message("无法提交", text), headers


def create_app(db: Database, config: PortalConfig | None = None) -> RequestLimits:
    """The page as an ASGI app on *db*, wrapped in its request limits."""
    cfg = config or PortalConfig()
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    every = SlidingWindow(cfg.requests_per_minute, 60)
    posts = SlidingWindow(cfg.posts_per_10_minutes, 600)
    state: dict[str, object] = {}

    def secret() -> bytes:
        if "secret" not in state:
            state["secret"] = portal.portal_secret(db)
        value = state["secret"]
        assert isinstance(value, bytes)
        return value

    async def key_secret_now() -> bytes:
        # Read once, then kept: no trip through the thread pool for it on every request.
        value = state.get("secret")
        return value if isinstance(value, bytes) else await run_in_threadpool(secret)

    def settings() -> portal.PortalSettings:
        at = state.get("settings_at")
        if not isinstance(at, float) or time.monotonic() - at > cfg.settings_ttl_s:
            state["settings"] = portal.portal_settings(db)
            state["settings_at"] = time.monotonic()
        value = state["settings"]
        assert isinstance(value, portal.PortalSettings)
        return value

    def client(request: Request) -> str:
        # Behind the proxy, uvicorn has put the owner's address here (X-Forwarded-For from
        # the trusted proxy only; runner.py).
        return request.client.host if request.client else "?"

    def gate(request: Request, post: bool = False) -> Response | None:
        """The page switched off, or the address asking too often: the answer; else None."""
        if not settings().enabled:
            return html(pages.message("暂停使用", pages.PAUSED), 503)
        address = client(request)
        if not every.allow(address) or (post and not posts.allow(address)):
            response = html(pages.message("请稍后再试", pages.TOO_MANY), 429)
            response.headers["Retry-After"] = "60"
            return response
        return None

    def not_found() -> Response:
        return html(pages.message("无法识别", pages.NOT_FOUND), 404)

    @app.get("/healthz")
    def healthz() -> Response:
        return PlainTextResponse("ok", headers={"Cache-Control": "no-store"})

    @app.get("/{kind}/{key}")
    async def report_page(kind: str, key: str, request: Request) -> Response:
        if kind == "f":
            return await follow_page(key, request)
        refused = gate(request)
        if refused is not None:
            return refused
        place = await run_in_threadpool(portal.open_key, db, kind, key)
        if place is None:
            return not_found()
        token = issue_token(await key_secret_now(), key)
        return html(pages.report_form(place, token))

    @app.post("/{kind}/{key}")
    async def submit(kind: str, key: str, request: Request) -> Response:
        if kind == "f":
            return await rate(key, request)
        refused = gate(request, post=True)
        if refused is not None:
            return refused
        place = await run_in_threadpool(portal.open_key, db, kind, key)
        if place is None:
            return not_found()
        fields, uploads = await read_report(request)
        key_secret = await key_secret_now()
        nonce = check_token(key_secret, key, fields["token"])
        if nonce is None:
            return html(pages.message("页面已过期", pages.EXPIRED), 403)
        errors: list[str] = []
        photos: list[bytes] = []
        for raw in uploads:
            try:
                photos.append(await run_in_threadpool(clean_photo, raw))
            except PhotoRejected:
                errors = ["photo"]
        household: int | None = None
        if place.kind == "h":
            household = place.rooms[0].household_id
        elif fields["room"]:
            room = fields["room"]
            household = int(room) if room.isdigit() and len(room) < 12 else -1
        if not errors:
            data = ReportInput(
                category=fields["category"],
                description=fields["description"],
                phone=fields["phone"],
                form_token=nonce,
                name=fields["name"],
                household_id=household,
                photos=tuple(photos),
            )
            try:
                result = await run_in_threadpool(
                    lambda: file_report(db, place, data, key_secret, per_hour=cfg.reports_per_hour)
                )
            except ValidationError as exc:
                errors = sorted({e.field for e in exc.errors})
            except TooMany:
                return html(pages.message("请稍后再试", pages.TOO_MANY), 429)
            else:
                if isinstance(result, Duplicate):
                    return html(pages.duplicate(result))
                return html(pages.filed(result, follow_url(request, result.follow_secret)))
        # Corrected and sent again with a fresh token: the rejected one filed nothing.
        form_page = pages.report_form(place, issue_token(key_secret, key), fields, errors)
        return html(form_page, 400)

    async def read_report(request: Request) -> tuple[dict[str, str], list[bytes]]:
        """The form's text fields ("" for a missing one) and its photos' bytes (a photo over
        the size limit keeps one byte more, enough to be refused)."""
        async with request.form(
            max_files=MAX_PHOTOS, max_fields=12, max_part_size=MAX_FIELD_BYTES
        ) as form:
            fields = {
                name: value if isinstance(value := form.get(name), str) else ""
                for name in ("token", "category", "description", "phone", "name", "room")
            }
            uploads = [
                await upload.read(MAX_UPLOAD_BYTES + 1)
                for upload in form.getlist("photo")
                # no file chosen: browsers send an empty part
                if isinstance(upload, UploadFile) and upload.filename
            ]
        return fields, uploads

    def follow_url(request: Request, follow: str) -> str:
        base = settings().public_url or str(request.base_url).rstrip("/")
        return f"{base}/f/{follow}"

    async def follow_page(follow: str, request: Request) -> Response:
        refused = gate(request)
        if refused is not None:
            return refused
        view = await run_in_threadpool(follow_view, db, follow)
        return not_found() if view is None else html(pages.follow(view))

    async def rate(follow: str, request: Request) -> Response:
        refused = gate(request, post=True)
        if refused is not None:
            return refused
        async with request.form(max_files=0, max_fields=4, max_part_size=MAX_FIELD_BYTES) as form:
            satisfaction = form.get("satisfaction")
            comment = form.get("comment")
        notice = ""
        try:
            view = await run_in_threadpool(
                rate_order,
                db,
                follow,
                satisfaction if isinstance(satisfaction, str) else "",
                comment if isinstance(comment, str) else "",
            )
        except ValidationError as exc:
            fields = {e.field for e in exc.errors}
            notice = "请写下哪里没修好，我们会重新处理。" if "comment" in fields else "请选择评价"
            view = await run_in_threadpool(follow_view, db, follow)
        except StateError:
            notice = "这张报修单现在不能评价（可能已经评价过了）。"
            view = await run_in_threadpool(follow_view, db, follow)
        if view is None:
            return not_found()
        return html(pages.follow(view, notice), 400 if notice else 200)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:  # a malformed form, more photos than allowed
            return html(pages.message("无法提交", pages.TOO_LARGE), 400)
        return not_found()

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        body, _headers = refusal(413)
        response = html(body, 413)
        response.headers["Connection"] = "close"
        return response

    @app.exception_handler(BodyTooSlow)
    async def too_slow(request: Request, exc: BodyTooSlow) -> Response:
        body, _headers = refusal(408)
        response = html(body, 408)
        response.headers["Connection"] = "close"
        return response

    @app.exception_handler(WuyeError)
    async def refused_by_core(request: Request, exc: WuyeError) -> Response:
        log.warning("owner-portal: %s %s: %s", request.method, request.url.path, exc)
        return html(pages.message("暂时无法处理", pages.BROKEN), 503)

    @app.exception_handler(Exception)
    async def broken(request: Request, exc: Exception) -> Response:
        log.exception("owner-portal: %s %s", request.method, request.url.path)
        return html(pages.message("暂时无法处理", pages.BROKEN), 500)

    return RequestLimits(
        app,
        max_body=cfg.max_body,
        chunk_timeout=cfg.chunk_timeout_s,
        body_timeout=cfg.body_timeout_s,
        refuse=refusal,
    )
