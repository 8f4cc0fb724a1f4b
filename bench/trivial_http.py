"""A trivial HTTP server, the floor's other end: every request is read to its end and answered
``201`` with the same small JSON body, nothing parsed, checked or stored.

It serves with the very stack ``wuye regulator-sim`` serves with (uvicorn on a socket bound by
:func:`wuye_desktop.web_serving.bind`, the same event loop and HTTP parser), in a process of its
own, so that a bare client loop against it measures what HTTP on loopback costs and nothing
else. Run as ``python -m bench.trivial_http``: it prints ``listening on URL`` once it serves
and runs until SIGTERM.
"""

from __future__ import annotations

import signal
import sys
import threading
from typing import Any

import uvicorn

# About the size of the reference server's answer to a report ({"id", "regulator_id"}).
ANSWER = b'{"id":"GD20261120-00000001","regulator_id":"R000000001"}'
_HEADERS = [
    (b"content-type", b"application/json; charset=utf-8"),
    (b"content-length", str(len(ANSWER)).encode()),
]


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 201, "headers": _HEADERS})
    await send({"type": "http.response.body", "body": ANSWER})


def main() -> int:
    from wuye_desktop.web_serving import bind, serve

    sock = bind("127.0.0.1", 0)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server, thread = serve(config, sock, "trivial-http")
    print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.5) and thread.is_alive():
        pass
    server.should_exit = True
    thread.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
