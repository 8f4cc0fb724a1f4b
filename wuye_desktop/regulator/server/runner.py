"""Run the reference server in a background thread: for tests, benchmarks and ``regulator-sim``.

``start_server`` binds the socket itself, so with ``port=0`` the real port is known before it
returns, and returns only once uvicorn serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from wuye_desktop.regulator.server.app import BASE_PATH, create_app
from wuye_desktop.regulator.server.faults import Faults
from wuye_desktop.regulator.server.store import Store
from wuye_desktop.web_serving import Running, bind, serve


@dataclass
class RunningServer(Running):
    store: Store = field(kw_only=True)
    faults: Faults = field(kw_only=True)

    @property
    def base_url(self) -> str:
        return self.origin + BASE_PATH

    def stop(self) -> None:
        """Stop serving (open connections are closed) and close the store."""
        super().stop()
        self.store.close()


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
    server, thread = serve(config, sock, "regulator-sim", on_failure=store.close)
    return RunningServer(host, sock.getsockname()[1], server, thread, store=store, faults=faults)
