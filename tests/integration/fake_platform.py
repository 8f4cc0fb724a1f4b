"""A deliberately broken platform (stdlib http.server, not the reference server) for the tests
of what the sync does when the platform answers badly, slowly or not at all."""

from __future__ import annotations

import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wuye_desktop.core import directory
from wuye_desktop.core.clock import LOCAL_TZ
from wuye_desktop.core.orders import OrderInput, create_order
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import queue
from wuye_desktop.regulator.client import RegulatorClient
from wuye_desktop.regulator.sync import SyncReport, sync_once
from wuye_desktop.storage.db import Database

SECRET = "s" * 64
Behaviour = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


def health(handler: BaseHTTPRequestHandler) -> None:
    now = datetime.now(LOCAL_TZ).isoformat(timespec="seconds")
    send(handler, 200, json.dumps({"status": "ok", "time": now}).encode())


class FakePlatform:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.post: Behaviour = lambda h: send(h, 201, b'{"id": "x", "regulator_id": "R1"}')
        self.get: Behaviour = lambda h: send(h, 200, b'{"items": [], "has_more": false}')
        self.health: Behaviour = health
        self.posts = 0
        self.posted: list[str] = []  # the paths of every POST, in order
        platform = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.endswith("/health"):
                    platform.health(self)
                else:
                    platform.get(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                self.rfile.read(length)
                platform.posts += 1
                platform.posted.append(self.path)
                platform.post(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        scheme = "https" if tls else "http"
        host = "localhost" if tls else "127.0.0.1"
        self.base_url = f"{scheme}://{host}:{self.server.server_address[1]}/api/v1"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def platform() -> Iterator[FakePlatform]:
    fake = FakePlatform()
    yield fake
    fake.stop()


@pytest.fixture
def order_queued(db: Database, admin: Actor, community: directory.CommunityView) -> int:
    return create_order(
        db,
        admin,
        OrderInput(
            community_id=community.id,
            category="lighting",
            channel="property",
            source="phone",
            tier="immediate",
            description="路灯不亮",
            location="2号楼前",
        ),
    )


def client_for(platform_url: str, timeout_s: float = 5.0, ca: str = "") -> RegulatorClient:
    from tests.conftest import valid_credit_code

    return RegulatorClient(
        platform_url, valid_credit_code(), SECRET, timeout_s=timeout_s, ca_bundle=ca
    )


def assert_kept(db: Database) -> None:
    c = queue.counts(db, with_sent=True)
    assert c.pending == 1 and c.failed == 0 and c.sent == 0


def heal_and_deliver(db: Database, platform: FakePlatform) -> None:
    platform.post = lambda h: send(h, 201, b'{"id": "x", "regulator_id": "R1"}')
    platform.get = lambda h: send(h, 200, b'{"items": [], "has_more": false}')
    queue.retry_deferred_now(db)
    with client_for(platform.base_url) as client:
        report = sync_once(db, client=client)
    assert report.state == "ok", report
    assert queue.counts(db, with_sent=True).sent == 1


def run(db: Database, platform: FakePlatform, timeout_s: float = 5.0) -> SyncReport:
    with client_for(platform.base_url, timeout_s) as client:
        return sync_once(db, client=client)


def trickle(handler: BaseHTTPRequestHandler, head: bool = True, seconds: float = 20.0) -> None:
    """Answer one byte every 0.2 s for up to *seconds*: in the headers, or in the body.

    Every byte arrives well within any per-read timeout, so only a deadline on the whole
    request ends it.
    """
    body = json.dumps({"status": "ok", "time": "x" * 500}).encode()
    if head:
        raw = b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"." * 1000 + b"\r\n"
    else:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.flush()
        raw = body
    end = time.monotonic() + seconds
    try:
        for byte in raw:
            if time.monotonic() > end:
                break
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:  # the client gave up and closed the connection: what we want
        pass
    handler.close_connection = True


def error(
    handler: BaseHTTPRequestHandler, status: int, code: str, message: str, **headers: str
) -> None:
    body = {"error": {"code": code, "message": message, "field": None}}
    send(handler, status, json.dumps(body, ensure_ascii=False).encode(), **headers)
