"""Serving the page on a port: for ``wuye owner-portal``, and for tests and benchmarks, which
start it on a free port (``port=0``) and learn the real one before it returns.

uvicorn's own limits apply too: idle keep-alive connections are closed after 5 s, at most
*limit_concurrency* connections are served at once (503 beyond), and the client's address is
taken from X-Forwarded-For only when the connection comes from a trusted proxy
(*forwarded_allow_ips*, the local nginx by default).
"""

from __future__ import annotations

from dataclasses import dataclass

import uvicorn

from wuye_desktop.portal.app import PortalConfig, create_app
from wuye_desktop.storage.db import Database
from wuye_desktop.web_serving import Running, bind, serve


@dataclass
class RunningPortal(Running):
    @property
    def base_url(self) -> str:
        return self.origin


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
    sock = bind(host, port)
    config_ = uvicorn_config(db, config, forwarded_allow_ips=forwarded_allow_ips)
    server, thread = serve(config_, sock, "owner-portal")
    return RunningPortal(host, sock.getsockname()[1], server, thread)
