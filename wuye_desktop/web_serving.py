"""Serving an ASGI app with uvicorn in a background thread: the reference regulator server and
the owners' reporting page both run this way (their commands, the tests, the benchmarks).

The socket is bound here, so with ``port=0`` the real port is known before the server starts,
and ``serve`` returns only once uvicorn serves.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

import uvicorn

START_TIMEOUT_S = 15.0


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on accepted
    # sockets that say so, and with Nagle on, a response written as headers then body waits
    # for the client's delayed ACK: ~40 ms per request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


@dataclass
class Running:
    """A server serving in its thread until ``stop()`` (or the end of a ``with`` block)."""

    host: str
    port: int
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop serving (open connections are closed)."""
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    config: uvicorn.Config,
    sock: socket.socket,
    name: str,
    on_failure: Callable[[], None] = lambda: None,
) -> tuple[uvicorn.Server, threading.Thread]:
    """Run *config* on the bound *sock* in a daemon thread named *name*; return once it serves.
    If it does not start, stop it, close the socket, call *on_failure* and raise RuntimeError."""
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout=5)
            sock.close()
            on_failure()
            host, port = sock.getsockname()[:2]
            raise RuntimeError(f"{name} did not start on {host}:{port}")
        time.sleep(0.01)
    return server, thread
