"""Shared by the sync tests: real work through the core, and what the platform must then hold."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from wuye_desktop.core import orders as core_orders
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import queue
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Callback, OutboxEvent, RegulatorTicket, WorkOrder

CATEGORIES = ("lighting", "elevator", "water_leak", "cleaning", "drainage", "doors_windows")


def _version(db: Database, order_id: int) -> int:
    with db.read() as s:
        version = s.scalar(select(WorkOrder.version).where(WorkOrder.id == order_id))
    assert version is not None
    return version


def make_orders(db: Database, actor: Actor, community_id: int, count: int) -> list[int]:
    """``count`` orders, most taken through the whole flow; 6 outbox events for a full one."""
    ids = []
    for i in range(count):
        order_id = core_orders.create_order(
            db,
            actor,
            core_orders.OrderInput(
                community_id=community_id,
                category=CATEGORIES[i % len(CATEGORIES)],
                channel="property",
                source="phone",
                tier="time_limited",
                description=f"测试工单 {i}：公共区域问题",
                location=f"{i % 9 + 1}号楼",
            ),
        )
        ids.append(order_id)
        if i % 10 == 9:
            continue  # some stay accepted
        core_orders.dispatch(
            db, actor, order_id, _version(db, order_id), channel="property", handler="维修班 李工"
        )
        core_orders.start_work(db, actor, order_id, _version(db, order_id))
        core_orders.complete(db, actor, order_id, _version(db, order_id), result="已修好")
        satisfaction = "dissatisfied" if i % 7 == 3 else "satisfied"
        core_orders.record_callback(
            db,
            actor,
            order_id,
            _version(db, order_id),
            core_orders.CallbackInput(
                "phone", satisfaction, "业主", "还是漏" if i % 7 == 3 else ""
            ),
        )
    return ids


def outbox_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxEvent)) or 0)


@dataclass
class Expected:
    orders: dict[str, int]  # number -> last seq
    callbacks: dict[str, int]  # number -> count
    tickets: dict[str, str]  # ticket id -> order number


def expected(db: Database) -> Expected:
    with db.read() as s:
        orders = dict(s.execute(select(WorkOrder.number, WorkOrder.last_event_seq)).all())
        callbacks = dict(
            s.execute(
                select(WorkOrder.number, func.count())
                .join(Callback, Callback.order_id == WorkOrder.id)
                .group_by(WorkOrder.number)
            ).all()
        )
        tickets = dict(
            s.execute(
                select(RegulatorTicket.ticket_id, WorkOrder.number).join(
                    WorkOrder, WorkOrder.id == RegulatorTicket.order_id
                )
            ).all()
        )
    return Expected(orders, callbacks, tickets)


def assert_platform_holds_exactly(db: Database, store: Any, company: str) -> None:
    """Every order once, its events 1..n once each in seq order, its callbacks once, every
    ticket one order, acknowledged with that order; nothing pending or failed locally."""
    c = queue.counts(db)
    assert (c.pending, c.failed) == (0, 0), c
    want = expected(db)
    got_orders = store.work_orders(company)
    ids = [o["id"] for o in got_orders]
    assert len(ids) == len(set(ids)) == len(want.orders)
    assert set(ids) == set(want.orders)
    seqs: dict[str, list[int]] = defaultdict(list)
    for ev in store.events(company):
        seqs[ev["order_id"]].append(ev["seq"])
    for number, last in want.orders.items():
        assert seqs.get(number, []) == list(range(1, last + 1)), number
    got_callbacks: dict[str, int] = defaultdict(int)
    for cb in store.callbacks(company):
        got_callbacks[cb["order_id"]] += 1
    assert dict(got_callbacks) == want.callbacks
    server_tickets = {t["ticket_id"]: t for t in store.tickets(company)}
    assert set(server_tickets) == set(want.tickets)
    for ticket_id, number in want.tickets.items():
        assert server_tickets[ticket_id]["acked_work_order_id"] == number


def bodies(db: Database, kind: str) -> list[dict[str, Any]]:
    with db.read() as s:
        rows = s.scalars(select(OutboxEvent.body).where(OutboxEvent.kind == kind))
        return [json.loads(r) for r in rows]


def closed_quarter(db: Database, admin: Actor, *, income: str | None = None) -> Actor:
    """A finance user, QD001's special account opened on 2026-07-01 with 10,000.00, optionally
    one elevator-advertising income on 07-05, and 2026Q3 closed: ready to disclose."""
    from datetime import date

    from tests.conftest import make_user
    from wuye_desktop.core.ledger import services
    from wuye_desktop.core.roles import Role

    finance = make_user(db, admin, Role.FINANCE, "cw")
    services.open_account(
        db,
        finance,
        "QD001",
        services.AccountInput(
            bank="青岛银行",
            account_no="6222021234561234",
            opening_balance="10000.00",
            opened_on=date(2026, 7, 1),
        ),
    )
    if income is not None:
        services.post_entry(
            db,
            finance,
            "QD001",
            services.EntryInput(
                entry_date=date(2026, 7, 5),
                direction="income",
                category="elevator_ads",
                amount=income,
                voucher_no="记-001",
                counterparty="分众传媒",
                note="电梯广告",
            ),
        )
    for month in ("2026-07", "2026-08", "2026-09"):
        services.close_period(db, finance, "QD001", month)
    return finance
