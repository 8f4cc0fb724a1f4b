"""Run the reference server in a background thread: for tests, benchmarks and ``regulator-sim``.

``start_server`` binds the socket itself, so with ``port=0`` the real port is known before it
returns, and returns only once uvicorn serves.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import uvicorn

from wuye_desktop.regulator.server.app import BASE_PATH, create_app
from wuye_desktop.regulator.server.faults import Faults
from wuye_desktop.regulator.server.store import Store

_START_TIMEOUT_S = 15.0


@dataclass
class RunningServer:
    host: str
    port: int
    store: Store
    faults: Faults
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{BASE_PATH}"

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop serving (open connections are closed) and close the store."""
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.store.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


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


def start_server(
    data_dir: Path, host: str = "127.0.0.1", port: int = 0, faults: Faults | None = None
) -> RunningServer:
    """Serve the store in *data_dir* on *host*:*port* (0: a free port) until ``stop()``."""
    store = Store(Path(data_dir))
    faults = faults if faults is not None else Faults()
    try:
        sock = bind(host, port)
    except OSError:
        store.close()
        raise
    config = uvicorn.Config(
        create_app(store, faults),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=3,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="regulator-sim", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout=5)
            sock.close()
            store.close()
            raise RuntimeError(f"the regulator server did not start on {host}:{port}")
        time.sleep(0.01)
    return RunningServer(host, sock.getsockname()[1], store, faults, server, thread)
