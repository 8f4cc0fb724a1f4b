"""The inbox: tickets become exactly one order each, notices flag orders, replies go out."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from wuye_desktop.core import directory
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import StateError, ValidationError
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import inbox, queue
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OutboxEvent, RegulatorTicket, WorkOrder


def ticket(ticket_id: str = "T20261122-000001", **extra: object) -> dict[str, object]:
    item: dict[str, object] = {
        "ticket_id": ticket_id,
        "project_code": "370202-001",
        "household": {"building": "3", "unit": "2", "room": "1201"},
        "category": "elevator",
        "content": "12345来电：3号楼电梯停在5楼不动",
        "caller_phone_masked": "139****0001",
        "received_at": "2026-11-22T09:00:00+08:00",
        "reply_due_at": "2026-11-23T09:00:00+08:00",
        "level": "urgent",
        "origin": "hotline_12345",
        "some_future_member": {"ignored": True},
    }
    item.update(extra)
    return item


def outbox_rows(db: Database) -> list[OutboxEvent]:
    with db.read() as s:
        rows = list(s.scalars(select(OutboxEvent).order_by(OutboxEvent.id)))
        s.expunge_all()
        return rows


def test_a_ticket_becomes_one_order_with_its_ack_after_it(
    db: Database, community: directory.CommunityView
) -> None:
    outcome = inbox.receive_ticket(db, ticket())
    assert outcome.created and outcome.order_number
    with db.read() as s:
        order = s.scalar(select(WorkOrder).where(WorkOrder.number == outcome.order_number))
        assert order is not None
        assert order.source == "hotline_12345"
        assert order.tier == "immediate"  # urgent
        assert order.category == "elevator"
        assert order.household_id is not None  # 3-2-1201 was found
        assert order.caller_phone == "139****0001"
        assert order.regulator_ticket_id == "T20261122-000001"
    rows = outbox_rows(db)
    kinds = [(r.kind, r.stream) for r in rows]
    stream = f"order:{outcome.order_number}"
    assert kinds == [("work_order", stream), ("ack", stream)]
    body = json.loads(rows[0].body)
    assert body["dispatch_ticket_id"] == "T20261122-000001"
    assert body["source"] == "hotline_12345"
    assert json.loads(rows[1].body)["work_order_id"] == outcome.order_number
    assert rows[1].path == "/dispatches/T20261122-000001/ack"


def test_redelivery_makes_no_second_order_and_acks_again_only_when_needed(
    db: Database, community: directory.CommunityView
) -> None:
    first = inbox.receive_ticket(db, ticket())
    again = inbox.receive_ticket(db, ticket())
    assert not again.created and again.order_number == first.order_number
    assert len(outbox_rows(db)) == 2  # the ack is still pending: no second one
    queue.mark_sent(db, [r.id for r in outbox_rows(db)])
    inbox.receive_ticket(db, ticket())  # redelivered after the ack went out: ack again
    acks = [r for r in outbox_rows(db) if r.kind == "ack"]
    assert len(acks) == 2
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == 1


def test_an_unknown_project_waits_until_it_is_known(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    outcome = inbox.receive_ticket(db, ticket(project_code="999999-404"))
    assert outcome.order_number is None and "999999-404" in outcome.problem
    assert outbox_rows(db) == []  # not acknowledged: the platform keeps offering it
    directory.create_community(
        db, admin, directory.CommunityInput(code="QD404", name="新小区", project_code="999999-404")
    )
    placed = inbox.receive_ticket(db, ticket(project_code="999999-404"))
    assert placed.created and placed.order_number
    with db.read() as s:
        row = s.scalar(select(RegulatorTicket))
        assert row is not None and row.problem == "" and row.order_id is not None


def test_common_area_and_unknown_rooms_become_places(
    db: Database, community: directory.CommunityView
) -> None:
    a = inbox.receive_ticket(db, ticket("T-A", household=None, level="normal", origin=None))
    b = inbox.receive_ticket(
        db, ticket("T-B", household={"building": "9", "unit": "9", "room": "909"})
    )
    with db.read() as s:
        order_a = s.scalar(select(WorkOrder).where(WorkOrder.number == a.order_number))
        order_b = s.scalar(select(WorkOrder).where(WorkOrder.number == b.order_number))
        assert order_a is not None and order_b is not None
        assert order_a.household_id is None and order_a.location == inbox.COMMON_AREA
        assert order_a.tier == "time_limited" and order_a.source == "regulator_platform"
        assert order_b.household_id is None and order_b.location == "9-9-909"


@pytest.mark.parametrize(
    ("said", "source"),
    [
        ({"source": "hotline_12345"}, "hotline_12345"),  # the protocol's own vocabulary
        ({"origin": "hotline_12345"}, "hotline_12345"),  # our reference server's member
        ({"source": "regulator_platform", "origin": None}, "regulator_platform"),
        ({"source": "walk_in", "origin": None}, "regulator_platform"),  # not a ticket's source
        ({"origin": None}, "regulator_platform"),
    ],
)
def test_a_ticket_keeps_where_it_came_from(
    db: Database, community: directory.CommunityView, said: dict[str, object], source: str
) -> None:
    placed = inbox.receive_ticket(db, ticket("T-S", **said))
    with db.read() as s:
        order = s.scalar(select(WorkOrder).where(WorkOrder.number == placed.order_number))
        assert order is not None and order.source == source


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"ticket_id": ""}, "ticket_id"),
        ({"ticket_id": 42}, "ticket_id"),
        ({"received_at": "2026-11-22 09:00"}, "received_at"),
        ({"received_at": "2026-11-22T09:00:00"}, "received_at"),  # no offset
        ({"household": {"building": 3}}, "household"),
        ({"content": None}, "content"),
    ],
)
def test_unreadable_tickets_are_refused_whole(
    db: Database, community: directory.CommunityView, change: dict[str, object], reason: str
) -> None:
    with pytest.raises(inbox.UnreadableItem, match=reason):
        inbox.receive_ticket(db, ticket(**change))
    assert outbox_rows(db) == []


def test_supervision_flags_its_order_with_the_earliest_deadline(
    db: Database, community: directory.CommunityView
) -> None:
    placed = inbox.receive_ticket(db, ticket())
    soon = now_utc() + timedelta(hours=4)
    later = soon + timedelta(days=1)
    item = {
        "supervision_id": "S1",
        "ticket_id": "T20261122-000001",
        "work_order_id": None,
        "issued_at": "2026-11-22T10:00:00+08:00",
        "deadline": later.isoformat(),
        "content": "请于明日前处理完毕",
    }
    assert inbox.receive_supervision(db, item).order_number == placed.order_number
    item2 = {
        **item,
        "supervision_id": "S2",
        "ticket_id": None,
        "work_order_id": placed.order_number,
        "deadline": soon.isoformat(),
    }
    assert inbox.receive_supervision(db, item2).created
    assert not inbox.receive_supervision(db, item2).created  # redelivered
    with db.read() as s:
        order = s.scalar(select(WorkOrder).where(WorkOrder.number == placed.order_number))
        assert order is not None and order.supervision_due is not None
        assert abs((order.supervision_due - soon).total_seconds()) < 1
    acks = [r for r in outbox_rows(db) if r.kind == "supervision_ack"]
    assert [a.path for a in acks] == ["/supervisions/S1/ack", "/supervisions/S2/ack"]
    assert all(a.stream == f"order:{placed.order_number}" for a in acks)
    # Acknowledged like dispatches (protocol §5): with the order it concerns.
    assert all(json.loads(a.body)["work_order_id"] == placed.order_number for a in acks)
    rows = inbox.supervisions(db)
    assert [r.supervision_id for r in rows] == ["S2", "S1"]  # by deadline


def test_reply_goes_out_on_the_orders_stream_and_counts_for_the_rate(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    placed = inbox.receive_ticket(
        db, ticket(reply_due_at=(now_utc() + timedelta(hours=1)).isoformat())
    )
    with db.read() as s:
        order_id = s.scalar(select(WorkOrder.id).where(WorkOrder.number == placed.order_number))
    assert order_id is not None
    with pytest.raises(ValidationError) as refused:
        inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("not_responsible", "不归我们"))
    assert refused.value.for_field("reason")
    with pytest.raises(ValidationError):
        inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("done", "x"))
    assert inbox.reply_rate(db).counted == 0  # not due yet, not answered
    inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("in_progress", "已派维修工"))
    reply = outbox_rows(db)[-1]
    assert reply.kind == "reply" and reply.stream == f"order:{placed.order_number}"
    body = json.loads(reply.body)
    assert body["result"] == "in_progress" and body["reason"] is None
    rate = inbox.reply_rate(db)
    assert (rate.in_time, rate.counted, rate.rate) == (1, 1, 1.0)
    rows = inbox.tickets(db)
    assert rows[0].replies == 1 and rows[0].last_result == "in_progress"
    # Who replied, as colleagues know them (the order's regulator box shows it): issue 17.3.
    [sent] = inbox.replies_of_order(db, order_id)
    assert (sent.username, sent.display_name) == ("admin", "系统管理员")


def test_reply_to_an_order_not_from_the_regulator_is_refused(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    from wuye_desktop.core.orders import OrderInput, create_order

    order_id = create_order(
        db,
        admin,
        OrderInput(
            community_id=community.id,
            category="cleaning",
            channel="property",
            source="phone",
            tier="immediate",
            description="楼道脏",
            location="3号楼",
        ),
    )
    with pytest.raises(StateError):
        inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput("resolved", "已处理"))


def test_overdue_unanswered_tickets_lower_the_rate(
    db: Database, community: directory.CommunityView
) -> None:
    inbox.receive_ticket(db, ticket("T-OLD", reply_due_at="2026-01-01T00:00:00+08:00"))
    rate = inbox.reply_rate(db)
    assert (rate.in_time, rate.counted) == (0, 1)
    assert not rate.meets_target


def test_inbox_and_sync_lease_on_each_engine(any_db: Database, any_admin: Actor) -> None:
    from wuye_desktop.regulator import settings

    directory.create_community(
        any_db,
        any_admin,
        directory.CommunityInput(code="QD001", name="海尔云谷", project_code="370202-001"),
    )
    first = inbox.receive_ticket(any_db, ticket(household=None))
    again = inbox.receive_ticket(any_db, ticket(household=None))
    assert first.created and not again.created and first.order_number == again.order_number
    assert [r.kind for r in outbox_rows(any_db)] == ["work_order", "ack"]
    # One syncing desk at a time; the holder renews; a lease that ran out is free again.
    assert settings.acquire_lease(any_db)
    assert settings.acquire_lease(any_db)
    with any_db.transaction() as s:
        settings.write_value(
            s,
            settings.LEASE_KEY,
            {
                "host": "other-desk",
                "pid": 1,
                "until": (now_utc() + timedelta(minutes=1)).isoformat(),
            },
        )
    assert not settings.acquire_lease(any_db)
    assert settings.acquire_lease(any_db, now=now_utc() + timedelta(minutes=2))
    settings.release_lease(any_db)
