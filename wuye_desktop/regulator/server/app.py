"""The API of regulator-protocol.md §5 under ``/api/v1``, with its OpenAPI description.

:class:`~wuye_desktop.regulator.server.gateway.Gateway` has authenticated every request that
reaches an endpoint here; FastAPI validates the body against the strict models (400 naming the
field); the store applies the rules and keeps the answer under the Idempotency-Key. Every error,
FastAPI's own included, comes out as ``{"error": {"code", "message", "field"}}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server import models
from wuye_desktop.regulator.server.admin_page import add_admin_page
from wuye_desktop.regulator.server.errors import ApiError, error_body, validation
from wuye_desktop.regulator.server.faults import Faults
from wuye_desktop.regulator.server.gateway import COMPANY_SCOPE_KEY, Gateway
from wuye_desktop.regulator.server.store import (
    Action,
    Outcome,
    Page,
    Store,
    canonical_json,
    rfc3339_at,
)

BASE_PATH = "/api/v1"
OPENAPI_PATH = f"{BASE_PATH}/openapi.json"
DOCS_PATH = f"{BASE_PATH}/docs"
HEALTH_PATH = f"{BASE_PATH}/health"
_CURSOR_RE = re.compile(r"^c(0|[1-9][0-9]{0,17})$")

_DESCRIPTIONS = {
    400: "validation_failed (the `field` is named) or, for a disclosure, unbalanced",
    401: "bad_signature, unknown_company, clock_skew (with `server_time`) or replayed",
    404: "not_found",
    409: "a conflict: see the operation's description for its codes",
    413: "too_large: the body is over 1 MiB",
    429: "rate_limited: wait Retry-After seconds, then send the same request again",
    500: "server_error",
    502: "server_error (bad gateway)",
    503: "server_error (unavailable)",
}
_SIGNED = (401, 413, 429, 500, 502, 503)
_REPLAY_HEADER = {
    protocol.H_IDEMPOTENT_REPLAY: {
        "description": "`true` when this is the stored answer to an earlier request with the "
        "same Idempotency-Key and body",
        "schema": {"type": "string", "enum": ["true"]},
    }
}


class ProtocolJSON(JSONResponse):
    """JSON as §1 says: UTF-8, declared in the Content-Type."""

    media_type = protocol.JSON_CONTENT_TYPE


def _responses(*statuses: int, success: int | None = None) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    if success is not None:
        out[success] = {"headers": _REPLAY_HEADER}
    for status in (*statuses, *_SIGNED):
        entry: dict[str, Any] = {"model": models.ErrorBody, "description": _DESCRIPTIONS[status]}
        if status == 429:
            entry["headers"] = {
                protocol.H_RETRY_AFTER: {
                    "description": "whole seconds to wait",
                    "schema": {"type": "integer", "minimum": 1},
                }
            }
        out[status] = entry
    return out


def _signed_header_parameters() -> list[dict[str, Any]]:
    """The §2 headers as OpenAPI parameters. Only documented: the gateway has checked them
    before FastAPI sees a request, so FastAPI need not parse them again."""
    headers = (
        (
            protocol.H_COMPANY,
            "the company's unified social credit code",
            r"^[0-9A-HJ-NPQRTUWXY]{18}$",
        ),
        (protocol.H_TIMESTAMP, "Unix seconds", r"^-?[0-9]{1,12}$"),
        (protocol.H_NONCE, "16 to 64 lowercase hex characters, never reused", r"^[0-9a-f]{16,64}$"),
        (
            protocol.H_SIGNATURE,
            "lowercase hex HMAC-SHA256(secret, canonical string), protocol §2",
            r"^[0-9a-f]{64}$",
        ),
    )
    return [
        {
            "name": name,
            "in": "header",
            "required": True,
            "description": description,
            "schema": {"type": "string", "pattern": pattern},
        }
        for name, description, pattern in headers
    ]


IdempotencyKey = Annotated[
    str,
    Header(
        alias=protocol.H_IDEMPOTENCY_KEY,
        description="a UUID, the same on every retry of one request (§3)",
        pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    ),
]
OrderId = Annotated[str, Path(min_length=1, max_length=64, description="the order's `id`")]
ItemId = Annotated[str, Path(min_length=1, max_length=64)]
After = Annotated[
    str | None,
    Query(max_length=64, description="the opaque `next_cursor` of the previous page"),
]
Limit = Annotated[int, Query(ge=1, le=500)]


def _cursor(position: int) -> str:
    return f"c{position}"


def _listing(page: Page) -> Response:
    """A page of dispatches or supervision notices as §5 lists them."""
    return ProtocolJSON(
        {"items": page.items, "next_cursor": _cursor(page.last_position), "has_more": page.has_more}
    )


def _position(cursor: str | None) -> int:
    if cursor is None:
        return 0
    match = _CURSOR_RE.match(cursor)
    if not match:
        raise validation("Not a cursor this server gave out", "after")
    return int(match.group(1))


def _field(loc: tuple[int | str, ...]) -> str | None:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts.pop(0)
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text or None


def _validation_answer(exc: RequestValidationError) -> ApiError:
    errors = exc.errors()
    if not errors:
        return validation("The request is not valid", None)
    first = errors[0]
    if first.get("type") == "json_invalid":
        return validation("The body is not valid JSON", None)
    field = _field(tuple(first.get("loc", ())))
    message = str(first.get("msg", "not valid"))
    error = (first.get("ctx") or {}).get("error")
    if first.get("type") == "value_error" and error is not None:
        message = str(error)
    return validation(f"{field}: {message}" if field else message, field)


def _install_error_handlers(app: FastAPI) -> None:
    def answer(error: ApiError) -> Response:
        return ProtocolJSON(error.body(), status_code=error.status, headers=error.headers)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return answer(exc)

    @app.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> Response:
        return answer(_validation_answer(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        if status == 404:
            code, message = protocol.E_NOT_FOUND, "No such resource"
        elif status == 405:
            code, message = "method_not_allowed", "This resource does not take this method"
        elif status == 400:
            code, message = protocol.E_VALIDATION, "The body cannot be read"
        elif status == 413:
            code, message = protocol.E_TOO_LARGE, "The body is too large"
        else:
            code, message = f"http_{status}", str(exc.detail)
        return ProtocolJSON(error_body(code, message), status_code=status, headers=exc.headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        return ProtocolJSON(
            error_body(protocol.E_SERVER, "The server failed; try again later"), status_code=500
        )


def create_app(store: Store, faults: Faults | None = None) -> FastAPI:
    """The whole server; *faults* may be changed while it runs."""
    faults = faults if faults is not None else Faults()
    app = FastAPI(
        title="Regulator exchange: reference server",
        version=f"{protocol.PROTOCOL_VERSION}",
        description="regulator-protocol.md version 1 (物业服务台). Every operation but "
        "/health needs the four signature headers of §2; every POST an Idempotency-Key.",
        openapi_url=OPENAPI_PATH,
        docs_url=DOCS_PATH,
        redoc_url=None,
        default_response_class=ProtocolJSON,
        redirect_slashes=False,
        strict_content_type=False,
    )
    app.state.store = store
    app.state.faults = faults

    open_router = APIRouter(prefix=BASE_PATH)

    @open_router.get("/health", response_model=models.Health, tags=["health"])
    async def health() -> Response:
        """No authentication; the client compares `time` with its clock."""
        return ProtocolJSON({"status": "ok", "time": rfc3339_at(store.now())})

    api = APIRouter(prefix=BASE_PATH)

    def company_of(request: Request) -> str:
        return str(request.scope[COMPANY_SCOPE_KEY])

    async def run(request: Request, key: str, make: Callable[[str], Action]) -> Response:
        company = company_of(request)
        try:
            body = canonical_json(await request.json())
            body.encode("utf-8")
        except UnicodeEncodeError:
            raise validation("The body holds an unpaired surrogate (\\ud800...)", None) from None
        path = request.scope.get("raw_path", b"").decode("latin-1") or request.url.path
        outcome: Outcome = store.idempotent(
            company, key.lower(), request.method, path, body, make(company)
        )
        headers = {protocol.H_IDEMPOTENT_REPLAY: "true"} if outcome.replayed else None
        return Response(
            outcome.body.encode("utf-8"),
            status_code=outcome.status,
            media_type=protocol.JSON_CONTENT_TYPE,
            headers=headers,
        )

    @api.post(
        "/work-orders",
        status_code=201,
        response_model=models.OrderCreated,
        responses=_responses(400, 409, success=201),
        tags=["work orders"],
    )
    async def report_order(
        request: Request, body: models.WorkOrderReport, key: IdempotencyKey
    ) -> Response:
        """Report a work order. 409 already_exists: its `id` was reported under another key;
        idempotency_conflict: the key was used for another request."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.report_order(c, data))

    @api.post(
        "/work-orders/{order_id}/events",
        status_code=201,
        response_model=models.EventCreated,
        responses=_responses(400, 404, 409, success=201),
        tags=["work orders"],
    )
    async def add_event(
        request: Request, order_id: OrderId, body: models.StatusEvent, key: IdempotencyKey
    ) -> Response:
        """A status change. 409 out_of_order (with `expected_seq`) or idempotency_conflict;
        a promised order moving to in_progress needs promised_date and commitment_no."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.add_event(c, order_id, data))

    @api.post(
        "/work-orders/{order_id}/callbacks",
        status_code=201,
        response_model=models.Empty,
        responses=_responses(400, 404, 409, success=201),
        tags=["work orders"],
    )
    async def add_callback(
        request: Request, order_id: OrderId, body: models.Callback, key: IdempotencyKey
    ) -> Response:
        """A callback (回访). 409 wrong_state unless the order's last status is completed or
        closed; idempotency_conflict."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.add_callback(c, order_id, data))

    @api.get(
        "/dispatches",
        response_model=models.DispatchPage,
        responses=_responses(400),
        tags=["dispatches"],
    )
    async def dispatches(request: Request, after: After = None, limit: Limit = 100) -> Response:
        """Every unacknowledged ticket after the cursor, in the server's order. Delivery is at
        least once: de-duplicate by ticket_id."""
        redeliver = faults.rng if faults.chance(faults.redeliver_rate) else None
        return _listing(
            store.dispatch_page(company_of(request), _position(after), limit, redeliver)
        )

    @api.post(
        "/dispatches/{ticket_id}/ack",
        status_code=200,
        response_model=models.Empty,
        responses=_responses(400, 404, 409, success=200),
        tags=["dispatches"],
    )
    async def ack_ticket(
        request: Request, ticket_id: ItemId, body: models.TicketAck, key: IdempotencyKey
    ) -> Response:
        """The ticket became this work order; 409 already_acked with another work order, or
        idempotency_conflict."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.ack_ticket(c, ticket_id, data))

    @api.post(
        "/dispatches/{ticket_id}/reply",
        status_code=201,
        response_model=models.Empty,
        responses=_responses(400, 404, 409, success=201),
        tags=["dispatches"],
    )
    async def reply_ticket(
        request: Request, ticket_id: ItemId, body: models.TicketReply, key: IdempotencyKey
    ) -> Response:
        """A reply to the platform; `reason` is required for not_responsible. 409
        idempotency_conflict."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.reply_ticket(c, ticket_id, data))

    @api.get(
        "/supervisions",
        response_model=models.SupervisionPage,
        responses=_responses(400),
        tags=["supervisions"],
    )
    async def supervisions(request: Request, after: After = None, limit: Limit = 100) -> Response:
        """Every unacknowledged supervision notice (督办) after the cursor; at least once."""
        redeliver = faults.rng if faults.chance(faults.redeliver_rate) else None
        return _listing(
            store.supervision_page(company_of(request), _position(after), limit, redeliver)
        )

    @api.post(
        "/supervisions/{supervision_id}/ack",
        status_code=200,
        response_model=models.Empty,
        responses=_responses(400, 404, 409, success=200),
        tags=["supervisions"],
    )
    async def ack_supervision(
        request: Request,
        supervision_id: ItemId,
        body: models.SupervisionAck,
        key: IdempotencyKey,
    ) -> Response:
        """Acknowledge a notice (again: 200). 409 idempotency_conflict."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.ack_supervision(c, supervision_id, data))

    @api.post(
        "/public-income/disclosures",
        status_code=201,
        response_model=models.DisclosureCreated,
        responses=_responses(400, 409, success=201),
        tags=["public income"],
    )
    async def disclose(request: Request, body: models.Disclosure, key: IdempotencyKey) -> Response:
        """A period's disclosure (公示). 400 unbalanced unless opening + income − expense =
        closing to the fen; 409 stale unless published later than the one in force, or
        idempotency_conflict. Every version is kept."""
        data = models.dump(body)
        return await run(request, key, lambda c: store.disclose(c, data))

    app.include_router(open_router)
    app.include_router(api)
    add_admin_page(app, store)
    _install_error_handlers(app)
    app.add_middleware(
        Gateway,
        store=store,
        faults=faults,
        base=BASE_PATH,
        open_paths=frozenset(
            {HEALTH_PATH, OPENAPI_PATH, DOCS_PATH, f"{DOCS_PATH}/oauth2-redirect"}
        ),
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            # Errors never come as FastAPI's 422: they are 400 validation_failed, listed.
            for path, operations in schema.get("paths", {}).items():
                for operation in operations.values():
                    operation.get("responses", {}).pop("422", None)
                    if path != HEALTH_PATH:
                        operation.setdefault("parameters", []).extend(_signed_header_parameters())
            components = schema.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                components.pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
