"""Work orders in the core: intake, the status flow, commitments, callbacks, the outbox."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import make_user
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc, to_local, today_local
from wuye_desktop.core.errors import (
    ConcurrentEdit,
    PermissionDenied,
    StateError,
    ValidationError,
)
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OutboxEvent


def leak(
    community: directory.CommunityView, household_id: int | None, tier: str = "time_limited"
) -> orders.OrderInput:
    return orders.OrderInput(
        community_id=community.id,
        household_id=household_id,
        category="water_leak",
        channel="property",
        source="phone",
        tier=tier,
        description="卫生间天花板渗水",
        caller_name="张三",
        caller_phone="13812345678",
    )


@pytest.fixture
def household_id(db: Database, admin: Actor, community: directory.CommunityView) -> int:
    return directory.get_household(db, admin, "QD001-3-2-1201").id


@pytest.fixture
def desk(db: Database, admin: Actor) -> Actor:
    return make_user(db, admin, Role.DESK, "desk1")


def outbox(db: Database) -> list[OutboxEvent]:
    with db.read() as s:
        return list(s.scalars(select(OutboxEvent).order_by(OutboxEvent.id)))


def test_full_flow_with_dissatisfied_callback_reopens(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id))
    d = orders.get_order(db, desk, oid)
    assert d.row.number.startswith("GD" + to_local(now_utc()).strftime("%Y%m%d"))
    assert d.row.status == "accepted" and d.row.caller_phone == "138****5678"
    assert d.row.completion_due is not None and d.response_due is not None
    assert d.row.completion_due - d.row.reported_at == timedelta(hours=72)
    orders.dispatch(db, desk, oid, d.version, channel="repair_contractor", handler="李师傅")
    orders.start_work(db, desk, oid, orders.get_order(db, desk, oid).version)
    orders.complete(db, desk, oid, orders.get_order(db, desk, oid).version, "已更换管件")
    assert oid in orders.callback_queue_ids(db, desk)
    orders.record_callback(
        db,
        desk,
        oid,
        orders.get_order(db, desk, oid).version,
        orders.CallbackInput("phone", "dissatisfied", "张三", "还在渗水"),
    )
    d = orders.get_order(db, desk, oid)
    assert d.row.status == "reopened"
    assert [e.status for e in d.timeline if e.kind == "status"] == [
        "accepted",
        "dispatched",
        "in_progress",
        "completed",
        "reopened",
    ]
    assert all(e.username == "desk1" for e in d.timeline)
    assert oid not in orders.callback_queue_ids(db, desk)
    # The outbox holds the order, then its events with seq 1.., then the callback, in order.
    events = outbox(db)
    assert [e.kind for e in events] == [
        "work_order",
        "event",
        "event",
        "event",
        "callback",
        "event",
    ]
    seqs = [json.loads(e.body)["seq"] for e in events if e.kind == "event"]
    assert seqs == [1, 2, 3, 4]
    first = json.loads(events[0].body)
    assert first["caller_phone_masked"] == "138****5678"
    assert "13812345678" not in events[0].body
    assert first["household"] == {"building": "3", "unit": "2", "room": "1201"}
    assert len({e.idempotency_key for e in events}) == len(events)


def test_satisfied_callback_closes(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id, "immediate"))
    orders.dispatch(
        db, desk, oid, orders.get_order(db, desk, oid).version, channel="property", handler="王"
    )
    orders.start_work(db, desk, oid, orders.get_order(db, desk, oid).version)
    orders.complete(db, desk, oid, orders.get_order(db, desk, oid).version, "已修好")
    orders.record_callback(
        db,
        desk,
        oid,
        orders.get_order(db, desk, oid).version,
        orders.CallbackInput("visit", "satisfied"),
    )
    d = orders.get_order(db, desk, oid)
    assert d.row.status == "closed" and d.closed_at is not None
    assert d.callbacks[0].satisfaction == "satisfied"


def test_illegal_transitions_refused(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id))
    with pytest.raises(StateError, match="callback is made after completion"):
        orders.record_callback(
            db,
            desk,
            oid,
            orders.get_order(db, desk, oid).version,
            orders.CallbackInput("phone", "satisfied"),
        )
    with pytest.raises(ValidationError):
        orders.cancel(db, desk, oid, orders.get_order(db, desk, oid).version, "  ")
    orders.cancel(db, desk, oid, orders.get_order(db, desk, oid).version, "业主已自行修好")
    with pytest.raises(StateError, match="cancelled cannot become completed"):
        orders.complete(db, desk, oid, orders.get_order(db, desk, oid).version, "已修好")
    assert orders.get_order(db, desk, oid).row.status == "cancelled"


def test_promised_order_needs_commitment(
    db: Database, admin: Actor, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id, "promised"))
    orders.dispatch(
        db,
        desk,
        oid,
        orders.get_order(db, desk, oid).version,
        channel="developer",
        handler="海尔地产",
    )
    with pytest.raises(StateError, match="without its commitment"):
        orders.start_work(db, desk, oid, orders.get_order(db, desk, oid).version)
    promise = orders.CommitmentInput(
        "更换防水层", today_local() + timedelta(days=10), "海尔地产", "赵主任"
    )
    with pytest.raises(PermissionDenied):  # the desk prints letters but does not issue them
        orders.issue_commitment(db, desk, oid, orders.get_order(db, desk, oid).version, promise)
    too_late = orders.CommitmentInput("x", today_local() + timedelta(days=31), "u", "p")
    with pytest.raises(ValidationError) as bad:
        orders.issue_commitment(db, admin, oid, orders.get_order(db, desk, oid).version, too_late)
    assert bad.value.for_field("promised_date")
    number = orders.issue_commitment(
        db, admin, oid, orders.get_order(db, desk, oid).version, promise
    )
    assert number.startswith("CN")
    orders.start_work(db, desk, oid, orders.get_order(db, desk, oid).version)
    d = orders.get_order(db, desk, oid)
    assert d.commitment is not None and d.commitment.number == number
    assert to_local(d.row.completion_due).date() == promise.promised_date  # type: ignore[arg-type]
    body = json.loads(outbox(db)[-1].body)
    assert body["status"] == "in_progress"
    assert body["commitment_no"] == number
    assert body["promised_date"] == promise.promised_date.isoformat()


def test_stale_version_refused(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id))
    seen = orders.get_order(db, desk, oid).version
    orders.dispatch(db, desk, oid, seen, channel="property", handler="王师傅")
    with pytest.raises(ConcurrentEdit):
        orders.dispatch(db, desk, oid, seen, channel="developer", handler="赵")
    assert orders.get_order(db, desk, oid).row.handler == "王师傅"


def test_numbers_are_consecutive_per_day(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    numbers = [
        orders.get_order(
            db, desk, orders.create_order(db, desk, leak(community, household_id))
        ).row.number
        for _ in range(3)
    ]
    tails = [int(n.rsplit("-", 1)[1]) for n in numbers]
    assert tails == [1, 2, 3]


def test_bad_intake_refused_field_by_field(
    db: Database, desk: Actor, community: directory.CommunityView
) -> None:
    data = orders.OrderInput(
        community.id, "nonsense", "property", "phone", "immediate", "", caller_phone="123"
    )
    with pytest.raises(ValidationError) as bad:
        orders.create_order(db, desk, data)
    assert {e.field for e in bad.value.errors} == {
        "category",
        "description",
        "location",
        "caller_phone",
    }
    assert outbox(db) == []


def test_finance_cannot_take_orders(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    finance = make_user(db, admin, Role.FINANCE, "fin1")
    lamp = orders.OrderInput(
        community.id, "lighting", "property", "phone", "immediate", "路灯不亮", location="3号楼前"
    )
    with pytest.raises(PermissionDenied):
        orders.create_order(db, finance, lamp)


def test_pause_and_resume_extends_deadline(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id))
    orders.dispatch(
        db, desk, oid, orders.get_order(db, desk, oid).version, channel="property", handler="王"
    )
    before = orders.get_order(db, desk, oid).row.completion_due
    orders.pause(db, desk, oid, orders.get_order(db, desk, oid).version, "等业主在家")
    assert orders.get_order(db, desk, oid).row.paused
    with pytest.raises(StateError):
        orders.complete(db, desk, oid, orders.get_order(db, desk, oid).version, "已修好")
    orders.resume(db, desk, oid, orders.get_order(db, desk, oid).version)
    after = orders.get_order(db, desk, oid).row.completion_due
    assert before is not None and after is not None and after >= before
    kinds = [e.kind for e in orders.get_order(db, desk, oid).timeline]
    assert kinds[-2:] == ["pause", "resume"]


def test_list_filters_and_duplicates(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    a = orders.create_order(db, desk, leak(community, household_id))
    b = orders.create_order(
        db,
        desk,
        orders.OrderInput(
            community.id,
            "lighting",
            "property",
            "phone",
            "immediate",
            "路灯不亮",
            location="3号楼前",
        ),
    )

    def ids(f: orders.OrderFilter) -> list[int]:
        return orders.order_page(db, desk, f)[0]

    assert ids(orders.OrderFilter(text="渗水")) == [a]
    assert ids(orders.OrderFilter(text="3-2-1201")) == [a]
    assert ids(orders.OrderFilter(categories=["lighting"])) == [b]
    assert set(ids(orders.OrderFilter(community_id=community.id))) == {a, b}
    assert ids(orders.OrderFilter(text="100%")) == []
    assert orders.order_count(db, desk, orders.OrderFilter(community_id=community.id)) == 2
    assert orders.open_duplicates(db, desk, household_id, "water_leak") == [
        orders.get_order(db, desk, a).row.number
    ]
    rows = orders.order_rows(db, desk, [b, a])
    assert [r.id for r in rows] == [b, a] and rows[1].place == "3-2-1201"
    assert orders.get_order(db, desk, "WUYE:W:" + rows[0].number).id == b


def test_weekly_list_reads_status_as_of_friday(
    db: Database, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    oid = orders.create_order(db, desk, leak(community, household_id))
    week = orders.current_week(now_utc() + timedelta(days=7))
    assert oid in orders.weekly_unfinished(db, desk, week).order_ids
    orders.cancel(db, desk, oid, orders.get_order(db, desk, oid).version, "重复报修")
    assert oid not in orders.weekly_unfinished(db, desk, week).order_ids
    with pytest.raises(ValidationError):
        orders.week_cutoff("2026-47")


def test_reveal_caller_phone_is_audited(
    db: Database, admin: Actor, desk: Actor, community: directory.CommunityView, household_id: int
) -> None:
    from wuye_desktop.core import audit

    oid = orders.create_order(db, desk, leak(community, household_id))
    assert orders.reveal_caller_phone(db, desk, oid) == "13812345678"
    rows = audit.audit_rows(db, admin, audit.audit_ids(db, admin, "phone.reveal"))
    assert rows and rows[0].username == "desk1"


def test_keyset_pages_cover_every_order_once(any_db: Database, any_admin: Actor) -> None:
    db, actor = any_db, any_admin
    c = directory.create_community(db, actor, directory.CommunityInput("QD009", "测试小区"))
    made = [
        orders.create_order(
            db,
            actor,
            orders.OrderInput(
                c.id,
                ["lighting", "elevator", "greenery"][i % 3],
                "property",
                "phone",
                ["immediate", "time_limited"][i % 2],
                f"第{i}号问题",
                location=f"{i % 4}号楼前",
            ),
        )
        for i in range(13)
    ]
    for sort in sorted(orders.SORT_COLUMNS):
        for descending in (True, False):
            seen: list[int] = []
            cursor: orders.PageCursor | None = None
            while True:
                ids, cursor = orders.order_page(
                    db, actor, orders.OrderFilter(), sort, descending, cursor, limit=4
                )
                seen += ids
                if cursor is None:
                    break
            assert sorted(seen) == sorted(made), (sort, descending)
            assert len(seen) == len(set(seen)), (sort, descending)
