"""Serving the page on a port: for ``wuye owner-portal``, and for tests and benchmarks, which
start it on a free port (``port=0``) and learn the real one before it returns.

uvicorn's own limits apply too: idle keep-alive connections are closed after 5 s, at most
*limit_concurrency* connections are served at once (503 beyond), and the client's address is
taken from X-Forwarded-For only when the connection comes from a trusted proxy
(*forwarded_allow_ips*, the local nginx by default).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType

import uvicorn

from wuye_desktop.portal.app import PortalConfig, create_app
from wuye_desktop.storage.db import Database

_START_TIMEOUT_S = 15.0


@dataclass
class RunningPortal:
    host: str
    port: int
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> RunningPortal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP so that asyncio turns Nagle off on accepted sockets (see the regulator's
    # runner: ~40 ms per response otherwise).
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


def uvicorn_config(
    db: Database,
    config: PortalConfig | None = None,
    *,
    forwarded_allow_ips: str = "127.0.0.1",
    limit_concurrency: int = 200,
) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(db, config),
        log_level="warning",
        access_log=False,
        lifespan="off",
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=limit_concurrency,
        h11_max_incomplete_event_size=16 * 1024,  # request line and headers
        timeout_graceful_shutdown=5,
    )


def start_portal(
    db: Database,
    host: str = "127.0.0.1",
    port: int = 0,
    config: PortalConfig | None = None,
    *,
    forwarded_allow_ips: str = "127.0.0.1",
) -> RunningPortal:
    """Serve the page for *db* on *host*:*port* (0: a free port) in a thread until ``stop()``."""
    sock = _bind(host, port)
    server = uvicorn.Server(uvicorn_config(db, config, forwarded_allow_ips=forwarded_allow_ips))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="owner-portal", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout=5)
            sock.close()
            raise RuntimeError(f"the owners' reporting page did not start on {host}:{port}")
        time.sleep(0.01)
    return RunningPortal(host, sock.getsockname()[1], server, thread)
