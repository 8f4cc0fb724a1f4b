"""Pure ASGI middleware in front of the API: faults, 413, 429 and the §2 signature.

It runs before FastAPI parses anything, so the answers come in the order the protocol needs
(413, then 401, then the body's 400) and the signature is checked on the exact bytes and request
target received (``raw_path`` and ``query_string``, never a re-encoded URL). The body it read is
handed on to FastAPI unchanged.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.auth import authenticate
from wuye_desktop.regulator.server.errors import ApiError, error_body
from wuye_desktop.regulator.server.faults import Faults, TokenBuckets, retry_after_header
from wuye_desktop.regulator.server.store import Store

COMPANY_SCOPE_KEY = "wuye.company"  # the authenticated company's code, for the endpoints
# A too-large body up to this size is read and dropped before the 413, so that a client still
# sending it reads the answer instead of a reset connection; beyond it, the answer comes at once.
_DRAIN_LIMIT = 16 * protocol.MAX_REQUEST_BODY
_FAULT_STATUSES = (500, 502, 503)
_JSON = protocol.JSON_CONTENT_TYPE.encode("latin-1")


async def send_json(
    send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> None:
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    raw_headers = [(b"content-type", _JSON), (b"content-length", str(len(data)).encode())]
    raw_headers += [
        (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": data})


async def send_api_error(send: Send, error: ApiError) -> None:
    await send_json(send, error.status, error.body(), error.headers)


def request_target(scope: Scope) -> str:
    """The path and query exactly as on the request line (what the client signed)."""
    raw: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
    query: bytes = scope.get("query_string") or b""
    return (raw + (b"?" + query if query else b"")).decode("latin-1")


class _TooLarge(Exception):
    pass


class Gateway:
    def __init__(
        self, app: ASGIApp, *, store: Store, faults: Faults, base: str, open_paths: frozenset[str]
    ) -> None:
        self.app = app
        self.store = store
        self.faults = faults
        self.base = base
        self.open_paths = open_paths
        self.buckets = TokenBuckets()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or not path.startswith(self.base + "/")
            or path in self.open_paths
        ):
            await self.app(scope, receive, send)
            return
        faults = self.faults
        delay = faults.latency_s()
        if delay:
            await asyncio.sleep(delay)
        fail_after = False
        if faults.chance(faults.fail_rate):
            if faults.rng.random() < 0.5:
                await self._fail(send, "before handling it")
                return
            fail_after = True
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        try:
            body = await self._read_body(headers, receive)
            if body is None:  # the client went away
                return
            # Before the signature check, so that a refused request does not use up its nonce.
            wait = self.buckets.take(
                headers.get(protocol.H_COMPANY.lower(), ""), faults.rate_limit, faults.clock()
            )
            if wait:
                raise ApiError(
                    429,
                    protocol.E_RATE_LIMITED,
                    f"More than {faults.rate_limit:g} requests per second",
                    headers={protocol.H_RETRY_AFTER: retry_after_header(wait)},
                )
            company = authenticate(
                self.store, headers, scope["method"], request_target(scope), body
            )
        except ApiError as error:
            await send_api_error(send, error)
            return
        except _TooLarge:
            await send_json(
                send,
                413,
                error_body(
                    protocol.E_TOO_LARGE,
                    f"A request body has at most {protocol.MAX_REQUEST_BODY} bytes",
                ),
            )
            return

        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        inner_scope = dict(scope)
        inner_scope[COMPANY_SCOPE_KEY] = company
        if not fail_after:
            await self.app(inner_scope, replay, send)
            return

        async def swallow(message: Message) -> None:
            pass

        await self.app(inner_scope, replay, swallow)
        await self._fail(send, "after handling it")

    async def _fail(self, send: Send, when: str) -> None:
        status = self.faults.rng.choice(_FAULT_STATUSES)
        await send_json(
            send,
            status,
            error_body(protocol.E_SERVER, f"Injected failure (fail rate), {when}"),
        )

    async def _read_body(self, headers: dict[str, str], receive: Receive) -> bytes | None:
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > protocol.MAX_REQUEST_BODY:
            if int(declared) <= _DRAIN_LIMIT:
                await self._drain(receive)
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > protocol.MAX_REQUEST_BODY:
                if message.get("more_body", False):
                    await self._drain(receive, size)
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _drain(self, receive: Receive, size: int = 0) -> None:
        while size <= _DRAIN_LIMIT:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            if not message.get("more_body", False):
                return
