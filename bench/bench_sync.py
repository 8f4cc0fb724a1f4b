"""Regulator sync (DESIGN.md §6): 10,000 queued outbox events to the reference server on
loopback, beside a bare HTTP client loop posting the same requests.

The reference server runs as its own process (``wuye regulator-sim``), as it would for a
company. The outbox holds 2,000 orders with 4 status events each, queued as the core queues
them (one stream per order). The sync is timed from the call to ``sync_once`` to its return:
the clock check, every POST with its signature and Idempotency-Key, the ``sent`` marks in the
database, and the two (empty) inbox listings. The bare loop is one ``httpx.Client`` posting
the same signed requests to a second, fresh server, with no database at all: the floor that
the protocol and the server set.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ORDERS = 2_000
EVENTS_PER_ORDER = 4
TARGET_S = 20.0
STATUSES = ("dispatched", "in_progress", "completed", "closed")


@contextmanager
def _server(data: Path, code: str) -> Iterator[tuple[str, str]]:
    from wuye_desktop.regulator.server.store import Store

    store = Store(data)
    secret = store.register_company(code, name="基准测试物业")
    store.close()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wuye_desktop.cli",
            "regulator-sim",
            "--port",
            "0",
            "--data",
            str(data),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"regulator-sim did not start: {line!r}")
        yield line.split()[-1], secret
    finally:
        proc.terminate()
        proc.wait(30)


def _requests(project: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(stream, path, body) in commit order, as the core would have queued them."""
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    out: list[tuple[str, str, dict[str, Any]]] = []
    for i in range(ORDERS):
        number = f"GD20261120-{i + 1:04d}"
        at = start + timedelta(minutes=i)
        stream = f"order:{number}"
        out.append(
            (
                stream,
                "/work-orders",
                {
                    "id": number,
                    "number": number,
                    "project_code": project,
                    "household": {"building": "3", "unit": "2", "room": f"{i % 30 + 1:02d}01"},
                    "category": "water_leak",
                    "channel": "property",
                    "source": "phone",
                    "tier": "time_limited",
                    "description": "卫生间顶部渗水",
                    "caller_phone_masked": None,
                    "reported_at": at.isoformat(),
                    "due_at": (at + timedelta(hours=72)).isoformat(),
                    "dispatch_ticket_id": None,
                },
            )
        )
        for seq, status in enumerate(STATUSES[: EVENTS_PER_ORDER - 1], start=1):
            out.append(
                (
                    stream,
                    f"/work-orders/{number}/events",
                    {
                        "seq": seq,
                        "status": status,
                        "at": (at + timedelta(hours=seq)).isoformat(),
                        "note": "",
                        "promised_date": None,
                        "commitment_no": None,
                    },
                )
            )
    return out


def _queue(db_path: Path, code: str, requests: list[tuple[str, str, dict[str, Any]]]) -> Any:
    from wuye_desktop.core import users
    from wuye_desktop.storage import migrate
    from wuye_desktop.storage.db import Database
    from wuye_desktop.storage.models import OutboxEvent

    db = Database(str(db_path))
    migrate.upgrade(db)
    users.first_run(
        db,
        company_name="基准测试物业",
        credit_code=code,
        admin_username="admin",
        admin_display_name="管理员",
        password="admin-pass-1",
    )
    now = datetime.now(UTC)
    with db.transaction() as s:
        s.add_all(
            OutboxEvent(
                created_at=now,
                idempotency_key=str(uuid.uuid4()),
                stream=stream,
                kind="event" if "events" in path else "work_order",
                method="POST",
                path=path,
                body=json.dumps(body, ensure_ascii=False, sort_keys=True),
                state="pending",
            )
            for stream, path, body in requests
        )
    return db


def _bare_loop(base_url: str, code: str, secret: str, requests: list[Any]) -> float:
    import httpx

    from wuye_desktop.regulator import protocol as p

    bodies = [
        (path, json.dumps(body, ensure_ascii=False, sort_keys=True).encode())
        for _, path, body in requests
    ]
    with httpx.Client() as client:
        started = time.perf_counter()
        for path, body in bodies:
            url = httpx.URL(base_url + path)
            headers = {"Content-Type": p.JSON_CONTENT_TYPE, p.H_IDEMPOTENCY_KEY: str(uuid.uuid4())}
            headers.update(
                p.auth_headers(code, secret, "POST", url.raw_path.decode(), body, time.time())
            )
            response = client.post(url, content=body, headers=headers)
            if response.status_code != 201:
                raise RuntimeError(f"bare loop: {response.status_code} {response.text}")
        return time.perf_counter() - started


def run() -> Iterator[dict[str, Any]]:
    from wuye_desktop.core.validation import credit_code_check_char
    from wuye_desktop.regulator import queue, settings
    from wuye_desktop.regulator.client import RegulatorClient
    from wuye_desktop.regulator.sync import sync_once

    body = "91370200MA3C12345"
    code = body + credit_code_check_char(body)
    requests = _requests("370202-001")
    with tempfile.TemporaryDirectory(prefix="wuye-bench-sync-") as tmp:
        root = Path(tmp)
        db = _queue(root / "desk.sqlite3", code, requests)
        with _server(root / "platform", code) as (url, secret):
            with db.transaction() as s:  # the connection, as an administrator would set it
                settings.write_value(
                    s, settings.CONNECTION_KEY, {"base_url": url, "enabled": True, "interval_s": 60}
                )
            client = RegulatorClient(url, code, secret)
            started = time.perf_counter()
            report = sync_once(db, client=client)
            synced = time.perf_counter() - started
            client.close()
            counts = queue.counts(db, with_sent=True)
            if report.state != "ok" or counts.sent != len(requests) or counts.pending:
                raise RuntimeError(f"sync incomplete: {report} {counts}")
        db.dispose()
        with _server(root / "platform-bare", code) as (url, secret):
            bare = _bare_loop(url, code, secret, requests)
    yield {
        "name": "sync_10000_events_s",
        "value": round(synced, 2),
        "unit": "s",
        "target": TARGET_S,
    }
    yield {
        "name": "sync_bare_http_loop_same_requests_s",
        "value": round(bare, 2),
        "unit": "s",
        "target": None,
    }
    yield {
        "name": "sync_events_per_s",
        "value": round(len(requests) / synced, 1),
        "unit": "events/s",
        "target": None,
    }
