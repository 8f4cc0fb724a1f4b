"""What keeps strangers on the internet from wearing the page down: how often one address may
ask (in memory, per process; per household it is core's, counted in the database), how big a
request may be and how long it may take to arrive."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SlidingWindow:
    """At most *limit* events per *seconds* per key (a client address)."""

    def __init__(self, limit: int, seconds: float, max_keys: int = 50_000) -> None:
        self.limit, self.seconds, self.max_keys = limit, seconds, max_keys
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._events) > self.max_keys:  # an address flood: forget the quiet ones
                self._events = {k: v for k, v in self._events.items() if v and v[-1] > now - 1}
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.seconds:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True


class BodyTooLarge(Exception):
    pass


class BodyTooSlow(Exception):
    pass


class RequestLimits:
    """ASGI middleware: a body over *max_body* bytes is refused (by its Content-Length at once,
    or when the bytes sent pass it), and one that trickles in (no chunk for *chunk_timeout*
    seconds, or not whole after *body_timeout*) is cut off. The app answers both with its own
    page through *refuse*."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int,
        chunk_timeout: float,
        body_timeout: float,
        refuse: Callable[[int], tuple[bytes, list[tuple[bytes, bytes]]]],
    ) -> None:
        self.app, self.max_body = app, max_body
        self.chunk_timeout, self.body_timeout = chunk_timeout, body_timeout
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._answer(send, 413)
            return
        started = time.monotonic()
        received = 0
        answered = False

        async def limited_receive() -> Message:
            nonlocal received
            left = self.body_timeout - (time.monotonic() - started)
            try:
                message = await asyncio.wait_for(receive(), max(0.0, min(self.chunk_timeout, left)))
            except TimeoutError:
                raise BodyTooSlow from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal answered
            answered = answered or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except (BodyTooLarge, BodyTooSlow) as exc:
            if not answered:
                await self._answer(send, 413 if isinstance(exc, BodyTooLarge) else 408)

    async def _answer(self, send: Send, status: int) -> None:
        body, headers = self.refuse(status)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
