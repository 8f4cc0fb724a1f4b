"""The client is SIGKILLed at random moments during a sync of 2,000 events, at least 20 times,
and restarted each time: the platform ends up holding every event exactly once, in ``seq``
order per order, and every dispatched ticket is exactly one work order."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from typing import Any

import pytest
from sqlalchemy import text

from tests.integration.conftest import Reference
from tests.integration.regulator_workload import (
    assert_platform_holds_exactly,
    make_orders,
    outbox_count,
)
from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import inbox, queue
from wuye_desktop.storage.db import Database

KILLS = 20
EVENTS = 2_000


def progress(stats: dict[str, Any]) -> int:
    keys = ("orders", "events", "callbacks", "tickets_acked")
    return sum(int(stats[k]) for k in keys)


def spawn(db: Database) -> subprocess.Popen[bytes]:
    url = db.url.render_as_string(hide_password=False)
    return subprocess.Popen(
        [sys.executable, "-m", "wuye_desktop.cli", "--db", url, "sync", "--once"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.slow
def test_killed_again_and_again_the_sync_loses_and_duplicates_nothing(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    store, code = reference.store, reference.company
    make_orders(db, admin, community.id, 370)
    assert outbox_count(db) >= EVENTS

    def add_tickets(first: int, count: int) -> None:
        for i in range(first, first + count):
            store.add_ticket(
                code,
                project_code="370202-001",
                category="greenery",
                content=f"12345来电 {i}：绿地被占",
                household={"building": "3", "unit": "2", "room": "1201"},
            )

    add_tickets(0, 30)
    # A little latency so that a run lasts long enough to be killed in the middle of it.
    reference.server.faults.latency_ms = 2
    rng = random.Random(20261122)
    kills = 0
    runs = 0
    deadline = time.monotonic() + 600
    while kills < KILLS:
        assert time.monotonic() < deadline, f"only {kills} kills in time"
        before = progress(store.stats(code))
        proc = spawn(db)
        runs += 1
        # Wait until this run is visibly delivering (or has ended), then kill it at a random
        # moment: while posting, while marking events sent, while taking in tickets.
        start = time.monotonic()
        while proc.poll() is None and progress(store.stats(code)) == before:
            if time.monotonic() - start > 30:
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.25))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            if kills == KILLS // 2:
                add_tickets(30, 10)  # more arrive while the desk keeps crashing
        else:
            assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
            if queue.counts(db).pending == 0 and len(inbox.tickets(db)) == 40:
                add_tickets(100 + runs, 1)  # finished early: give the next run work
        if proc.stderr:
            proc.stderr.close()

    # Left alone, the desk finishes the job.
    for _ in range(10):
        proc = spawn(db)
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        done = queue.counts(db).pending == 0 and all(
            t["acked_work_order_id"] for t in store.tickets(code)
        )
        if done:
            break
    assert kills >= KILLS
    assert_platform_holds_exactly(db, store, code)
    tickets = store.tickets(code)
    assert len(inbox.tickets(db)) == len(tickets) >= 40
    with db.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
