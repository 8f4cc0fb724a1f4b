"""A platform that answers badly: nonsense, wrong types, 50 MB, silence, 401, bad TLS.

The platform here is a deliberately broken test double (stdlib http.server), not the reference
server. In every case the sync must end with a clear message, never crash, and keep the event
to send it once the platform behaves again.
"""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.integration.fake_platform import (  # fixtures too: platform, order_queued
    SECRET,
    FakePlatform,
    assert_kept,
    client_for,
    heal_and_deliver,
    order_queued,
    platform,
    run,
    send,
)
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import queue
from wuye_desktop.regulator.client import T_UNTRUSTED, RegulatorClient
from wuye_desktop.regulator.sync import sync_once
from wuye_desktop.storage.db import Database

__all__ = ["order_queued", "platform"]


def test_malformed_json_on_success_keeps_the_event(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    platform.post = lambda h: send(h, 201, b"{not json")
    report = run(db, platform)
    assert report.deferred == 1
    assert any("not a JSON object" in p for p in report.problems)
    assert_kept(db)
    heal_and_deliver(db, platform)


def test_error_answers_without_the_error_shape_are_still_explained(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    platform.post = lambda h: send(h, 400, b"<html>Bad Request</html>")
    report = run(db, platform)
    assert report.parked == 1
    [failed] = queue.failed_events(db)
    assert "HTTP 400" in failed.message and "no readable error message" in failed.message
    queue.retry_failed(db, admin)
    heal_and_deliver(db, platform)


def test_wrong_types_in_a_listing_are_skipped_with_a_message(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    platform.get = lambda h: send(
        h, 200, json.dumps({"items": [42, {"ticket_id": 7}], "has_more": "yes"}).encode()
    )
    report = run(db, platform)
    assert report.state == "ok"
    assert report.unreadable == 4  # two bad items in each of the two listings
    assert report.sent == 1
    platform.get = lambda h: send(h, 200, b'{"items": "nothing here"}')
    report = run(db, platform)
    assert report.state == "bad_answer" and "no list of items" in report.message


def test_a_50_mb_answer_is_cut_off(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    def huge(h: BaseHTTPRequestHandler) -> None:
        h.send_response(201)
        h.send_header("Content-Type", "application/json")
        h.send_header("Transfer-Encoding", "chunked")  # no Content-Length to trust
        h.end_headers()
        chunk = b"[" + b"0," * 32_000 + b"0]"
        try:
            for _ in range(50 * 1024 * 1024 // len(chunk)):
                h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            h.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up, as it should

    platform.post = huge
    started = time.monotonic()
    report = run(db, platform)
    assert time.monotonic() - started < 30
    assert any("larger than" in p for p in report.problems)
    assert_kept(db)
    heal_and_deliver(db, platform)


def test_a_hanging_platform_times_out(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    release = threading.Event()

    def hang(h: BaseHTTPRequestHandler) -> None:
        release.wait(10)

    platform.post = hang
    report = run(db, platform, timeout_s=0.5)
    release.set()
    assert report.deferred == 1
    assert_kept(db)
    with db.read() as s:
        from wuye_desktop.storage.models import OutboxEvent

        ev = s.query(OutboxEvent).one()
        assert "did not answer in time" in ev.last_error and ev.next_attempt_at is not None
    heal_and_deliver(db, platform)


def test_a_refused_signature_stops_the_sync_and_says_why(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    body = {
        "error": {"code": "bad_signature", "message": "signature does not match", "field": None}
    }
    platform.post = lambda h: send(h, 401, json.dumps(body).encode())
    report = run(db, platform)
    assert report.state == "auth" and report.stopped_for_person
    assert "bad_signature" in report.message and SECRET not in report.message
    assert platform.posts == 1  # not retried blindly
    assert_kept(db)
    heal_and_deliver(db, platform)


def test_clock_skew_shows_both_clocks(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    body = {
        "error": {
            "code": "clock_skew",
            "message": "clock skew",
            "field": None,
            "server_time": "2026-01-01T08:00:00+08:00",
        }
    }
    platform.post = lambda h: send(h, 401, json.dumps(body).encode())
    report = run(db, platform)
    assert report.state == "clock"
    assert "2026-01-01 08:00:00" in report.message and "this computer" in report.message
    assert_kept(db)


def test_rate_limit_waits_retry_after_and_resends(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    answers = iter([429, 429, 201])
    stamps: list[float] = []

    def limited(h: BaseHTTPRequestHandler) -> None:
        stamps.append(time.monotonic())
        status = next(answers)
        if status == 429:
            body = {"error": {"code": "rate_limited", "message": "slow down", "field": None}}
            send(h, 429, json.dumps(body).encode(), Retry_After="1")
        else:
            send(h, 201, b'{"id": "x", "regulator_id": "R1"}')

    platform.post = limited
    report = run(db, platform)
    assert report.state == "ok" and report.sent == 1
    assert stamps[1] - stamps[0] >= 0.9 and stamps[2] - stamps[1] >= 0.9


def test_plain_http_to_another_host_is_refused() -> None:
    with pytest.raises(ValueError, match="only to this computer"):
        RegulatorClient("http://platform.example.cn/api/v1", "X" * 18, SECRET)
    RegulatorClient("http://[::1]:1/api/v1", "X" * 18, SECRET).close()
    RegulatorClient("http://localhost:1/api/v1", "X" * 18, SECRET).close()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_tls_is_verified_and_a_company_ca_is_accepted(
    db: Database, admin: Actor, order_queued: int, tmp_path: Path
) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    fake = FakePlatform(tls=context)
    try:
        with client_for(fake.base_url) as client:
            report = sync_once(db, client=client)
        assert report.state == "offline"
        assert report.message_params == {"detail": T_UNTRUSTED}, report.message
        with client_for(fake.base_url, ca=str(cert)) as client:
            report = sync_once(db, client=client)
        assert report.state == "ok" and report.sent == 1
    finally:
        fake.stop()
