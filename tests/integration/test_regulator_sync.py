"""Real data through real HTTP to the reference server: orders, events, callbacks, dispatched
tickets with redelivery, supervision notices, replies and disclosures."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import func, select

from tests.integration.conftest import Reference
from tests.integration.regulator_workload import (
    assert_platform_holds_exactly,
    closed_quarter,
    make_orders,
)
from wuye_desktop.core import directory
from wuye_desktop.core import outbox as core_outbox
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import inbox, queue, settings
from wuye_desktop.regulator.sync import sync_once
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import RegulatorTicket, WorkOrder


def test_orders_events_and_callbacks_arrive_once_in_order(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    make_orders(db, admin, community.id, 12)
    report = sync_once(db)
    assert report.state == "ok", report
    assert report.sent == queue.counts(db, with_sent=True).sent > 0
    assert_platform_holds_exactly(db, reference.store, reference.company)
    first = reference.store.work_orders(reference.company)[0]
    assert first["caller_phone_masked"] is None and "caller_name" not in first
    # Nothing left: a second sync sends nothing and stays ok.
    again = sync_once(db)
    assert (again.state, again.sent) == ("ok", 0)
    status = settings.load_status(db)
    assert status.state == "ok" and status.last_success_at


def test_tickets_become_orders_once_despite_redelivery(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    store, code = reference.store, reference.company
    ids = [
        store.add_ticket(
            code,
            project_code="370202-001",
            category="elevator",
            content=f"12345来电 {i}：电梯异响",
            level="urgent" if i == 0 else "normal",
            household={"building": "3", "unit": "2", "room": "1201"} if i % 2 else None,
            caller_phone_masked="139****0001",
        )
        for i in range(5)
    ]
    reference.server.faults.redeliver_rate = 1.0  # every listing repeats acknowledged tickets
    for _ in range(3):
        report = sync_once(db)
        assert report.state == "ok", report
    with db.read() as s:
        orders = s.scalar(select(func.count()).select_from(WorkOrder))
        placed = dict(s.execute(select(RegulatorTicket.ticket_id, RegulatorTicket.order_id)).all())
    assert orders == 5 and set(placed) == set(ids) and None not in placed.values()
    assert queue.failed_events(db) == []
    assert_platform_holds_exactly(db, store, code)
    for t in store.tickets(code):
        report_of_order = next(
            o for o in store.work_orders(code) if o["id"] == t["acked_work_order_id"]
        )
        assert report_of_order["dispatch_ticket_id"] == t["ticket_id"]


def test_replies_supervisions_and_the_reply_rate(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    store, code = reference.store, reference.company
    due = (now_utc() + timedelta(hours=2)).isoformat()
    ticket_id = store.add_ticket(
        code, project_code="370202-001", category="drainage", content="下水道堵塞", reply_due_at=due
    )
    assert sync_once(db).tickets == 1
    with db.read() as s:
        order_id = s.scalar(select(RegulatorTicket.order_id))
        number = s.scalar(select(WorkOrder.number).where(WorkOrder.id == order_id))
    assert order_id is not None and number is not None
    inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("in_progress", "已派人疏通"))
    inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("resolved", "已疏通"))
    deadline = (now_utc() + timedelta(days=1)).isoformat()
    sid = store.add_supervision(code, content="请加快处理", deadline=deadline, ticket_id=ticket_id)
    report = sync_once(db)
    assert report.state == "ok" and report.supervisions == 1, report
    [server_ticket] = store.tickets(code)
    assert [r["result"] for r in server_ticket["replies"]] == ["in_progress", "resolved"]
    assert store.reply_rate(code) == 1.0
    assert inbox.reply_rate(db).rate == 1.0
    [notice] = store.supervisions(code)
    assert notice["supervision_id"] == sid and notice["acked"]
    with db.read() as s:
        order = s.get(WorkOrder, order_id)
        assert order is not None and order.supervision_due is not None


def test_disclosures_and_a_refused_one_parks_without_blocking_others(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    good = {
        "project_code": "370202-001",
        "period": "2026Q3",
        "account": {"bank": "青岛银行", "account_no_masked": "6222********1234"},
        "opening_balance": "10000.00",
        "income": [{"category": "elevator_ads", "amount": "3000.00"}],
        "expense": [{"category": "facility_repair", "amount": "500.00"}],
        "closing_balance": "12500.00",
        "entries": 42,
        "ledger_head_hash": "a" * 64,
        "published_at": "2026-10-08T10:00:00+08:00",
    }
    bad = {**good, "period": "2026Q2", "closing_balance": "99999.00"}
    with db.transaction() as s:
        for body, stream in ((bad, "disclosure:QD001:bad"), (good, "disclosure:QD001")):
            core_outbox.enqueue(
                s, stream=stream, kind="disclosure", path="/public-income/disclosures", body=body
            )
    make_orders(db, admin, community.id, 2)
    report = sync_once(db)
    assert report.parked == 1 and report.state == "ok"
    [failed] = queue.failed_events(db)
    assert failed.error_code == "unbalanced" and failed.kind == "disclosure"
    [held] = reference.store.disclosures(reference.company)
    assert held["period"] == "2026Q3"
    assert len(reference.store.work_orders(reference.company)) == 2  # not blocked
    # A person fixes nothing here, so a retry is refused again, with the same message.
    assert queue.retry_failed(db, admin) == 1
    assert sync_once(db).parked == 1


def test_published_disclosure_from_the_ledger_is_accepted(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    from wuye_desktop.core.ledger import disclosure

    finance = closed_quarter(db, admin, income="3000.00")
    body = disclosure.publish(db, finance, "QD001", "2026Q3")
    report = sync_once(db)
    assert report.state == "ok" and report.parked == 0, queue.failed_events(db)
    [held] = reference.store.disclosures(reference.company)
    assert held["closing_balance"] == body["closing_balance"] == "13000.00"


def test_wuye_sync_once_from_the_command_line(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    make_orders(db, admin, community.id, 3)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "wuye_desktop.cli",
            "--db",
            db.url.render_as_string(hide_password=False),
            "sync",
            "--once",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok: sent ")
    assert reference.secret not in run.stdout + run.stderr
    assert_platform_holds_exactly(db, reference.store, reference.company)
    status = subprocess.run(
        [
            sys.executable,
            "-m",
            "wuye_desktop.cli",
            "--db",
            db.url.render_as_string(hide_password=False),
            "regulator",
            "status",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "0 pending" in status.stdout and reference.secret not in status.stdout


def test_a_wrong_secret_stops_with_a_message_and_keeps_everything(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    make_orders(db, admin, community.id, 1)
    settings.save_connection(
        db, admin, settings.Connection(reference.server.base_url, "", 60, True), "x" * 64
    )
    report = sync_once(db)
    assert report.state == "auth" and "bad_signature" in report.message
    assert queue.counts(db, with_sent=True).sent == 0
    assert "x" * 64 not in json.dumps(settings.load_status(db).__dict__)
