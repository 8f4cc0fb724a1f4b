"""A platform failing 30 % of requests with 5xx (half of them after doing the work), slow and
rate limited: the sync still converges, with nothing lost and nothing duplicated."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from tests.integration.conftest import Reference
from tests.integration.regulator_workload import assert_platform_holds_exactly, make_orders
from wuye_desktop.core import directory
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import inbox, queue
from wuye_desktop.regulator.sync import seconds_until_next, sync_once
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import RegulatorTicket


@pytest.mark.slow
def test_sync_converges_through_failures_latency_and_rate_limits(
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    reference: Reference,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The real back-off starts at 1 s and doubles; scaled down so the test takes seconds.
    monkeypatch.setattr(queue, "BACKOFF_FIRST_S", 0.05)
    monkeypatch.setattr(queue, "BACKOFF_CAP_S", 1.0)
    store, code = reference.store, reference.company
    make_orders(db, admin, community.id, 40)
    tickets = [
        store.add_ticket(
            code,
            project_code="370202-001",
            category="parking",
            content=f"12345投诉 {i}：车辆乱停",
            reply_due_at=(now_utc() + timedelta(hours=3)).isoformat(),
        )
        for i in range(12)
    ]
    faults = reference.server.faults
    faults.fail_rate, faults.latency_ms, faults.rate_limit = 0.3, 5, 80.0
    faults.redeliver_rate = 0.5

    replied = False
    states: set[str] = set()
    deferred = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        report = sync_once(db)
        states.add(report.state)
        deferred += report.deferred
        assert report.parked == 0, queue.failed_events(db)
        if not replied and len(inbox.tickets(db)) == len(tickets):
            with db.read() as s:
                orders = [o for (o,) in s.query(RegulatorTicket.order_id) if o is not None]
            for order_id in orders:
                inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("resolved", "已处理"))
            for t in tickets[:4]:
                store.add_supervision(
                    code,
                    content="督办：请尽快回复",
                    ticket_id=t,
                    deadline=(now_utc() + timedelta(days=1)).isoformat(),
                )
            replied = True
            continue
        done = (
            replied
            and queue.counts(db).pending == 0
            and all(t["acked_work_order_id"] for t in store.tickets(code))
            and all(s["acked"] for s in store.supervisions(code))
            and len(store.supervisions(code)) == 4
        )
        if done:
            break
        time.sleep(min(0.5, seconds_until_next(db, 0.5)))
    else:
        pytest.fail(f"did not converge: {queue.counts(db)}, states {states}")

    faults.fail_rate = faults.redeliver_rate = 0.0
    assert deferred > 10  # the failures did happen, and were retried
    assert_platform_holds_exactly(db, store, code)
    assert len(inbox.tickets(db)) == len(tickets)  # one order per ticket
    assert all(len(t["replies"]) == 1 for t in store.tickets(code))
    assert len(inbox.supervisions(db)) == 4
