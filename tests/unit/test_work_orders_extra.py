"""Core additions for the work-order UI: intake helpers, queue rows, settings readers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import make_user
from tests.unit.test_work_orders import outbox
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database

# --- intake helpers (caller's owner, photos, deadline preview) and the callback queue rows ---


def _intake(
    community: directory.CommunityView, household_id: int | None, **changes: object
) -> orders.OrderInput:
    data = orders.OrderInput(
        community_id=community.id,
        household_id=household_id,
        category="water_leak",
        channel="property",
        source="phone",
        tier="time_limited",
        description="厨房水管漏水",
        caller_name="张三",
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def _owner_id(db: Database, admin: Actor, code: str) -> int:
    return directory.get_household(db, admin, code).owners[0].id


def test_masked_caller_phone_of_the_owner_keeps_the_stored_number(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk_x1")
    home = directory.get_household(db, desk, "QD001-3-2-1201")
    shown = home.owners[0].phone
    assert shown == "138****5678"  # what the desk sees and leaves as it is
    oid = orders.create_order(
        db,
        desk,
        _intake(community, home.id, caller_phone=shown, caller_owner_id=home.owners[0].id),
    )
    assert orders.get_order(db, desk, oid).row.caller_phone == "138****5678"
    assert orders.reveal_caller_phone(db, desk, oid) == "13812345678"
    # A number typed over the masked one is the caller's, not the owner's.
    other = orders.create_order(
        db,
        desk,
        _intake(
            community, home.id, caller_phone="139 0000 1111", caller_owner_id=home.owners[0].id
        ),
    )
    assert orders.reveal_caller_phone(db, desk, other) == "13900001111"


def test_masked_caller_phone_needs_an_owner_of_the_household(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    home_id = directory.get_household(db, admin, "QD001-3-2-1201").id
    with pytest.raises(ValidationError) as bad:
        orders.create_order(db, admin, _intake(community, home_id, caller_phone="138****5678"))
    assert [e.message() for e in bad.value.for_field("caller_phone")] == ["Type the whole number"]
    stranger = directory.create_household(
        db,
        admin,
        community.id,
        directory.HouseholdInput("3", "2", "1202", [directory.OwnerInput("李四", "13900005678")]),
    )
    with pytest.raises(ValidationError) as bad:
        orders.create_order(
            db,
            admin,
            _intake(
                community,
                home_id,
                caller_phone="139****5678",
                caller_owner_id=stranger.owners[0].id,
            ),
        )
    assert bad.value.for_field("caller_phone")
    assert orders.order_count(db, admin, orders.OrderFilter()) == 0
    assert outbox(db) == []


_PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def test_photos_are_saved_with_the_order_or_not_at_all(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    home_id = directory.get_household(db, admin, "QD001-3-2-1201").id
    with pytest.raises(ValidationError) as bad:
        orders.create_order(
            db, admin, _intake(community, home_id, photos=[("a.png", _PNG), ("b.txt", b"hello")])
        )
    assert bad.value.for_field("photo")
    assert orders.order_count(db, admin, orders.OrderFilter()) == 0 and outbox(db) == []
    oid = orders.create_order(db, admin, _intake(community, home_id, photos=[("水渍.png", _PNG)]))
    d = orders.get_order(db, admin, oid)
    assert [name for _pid, name in d.photos] == ["水渍.png"]
    assert orders.photo_data(db, admin, d.photos[0][0]) == ("水渍.png", "image/png", _PNG)
    assert [e.kind for e in d.timeline] == ["status", "photo"]


def test_preview_deadlines_follow_the_company_rules(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    from wuye_desktop.core import settings
    from wuye_desktop.core.deadlines import TierRule

    at = now_utc()
    leak_preview = orders.preview_deadlines(db, "time_limited", "water_leak", at)
    assert leak_preview.response_due == at + timedelta(hours=2)
    assert leak_preview.completion_due == at + timedelta(hours=72)
    lift = orders.preview_deadlines(db, "time_limited", "elevator", at)
    assert lift.completion_due == at + timedelta(hours=24)
    rules = settings.deadline_rules(db)
    rules.overrides[("time_limited", "elevator")] = TierRule(
        timedelta(hours=1), timedelta(hours=12)
    )
    settings.save_rules(db, admin, rules)
    lift = orders.preview_deadlines(db, "time_limited", "elevator", at)
    assert lift.response_due == at + timedelta(hours=1)
    assert lift.completion_due == at + timedelta(hours=12)
    # What intake previews is what the order gets.
    home_id = directory.get_household(db, admin, "QD001-3-2-1201").id
    oid = orders.create_order(
        db, admin, _intake(community, home_id, category="elevator", reported_at=at)
    )
    assert orders.get_order(db, admin, oid).row.completion_due == lift.completion_due
    with pytest.raises(ValidationError):
        orders.preview_deadlines(db, "someday", "elevator", at)


def test_callback_rows_mark_overdue_callbacks(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    home_id = directory.get_household(db, admin, "QD001-3-2-1201").id
    oid = orders.create_order(db, admin, _intake(community, home_id, caller_phone="13812345678"))
    orders.dispatch(
        db, admin, oid, orders.get_order(db, admin, oid).version, channel="property", handler="王"
    )
    orders.start_work(db, admin, oid, orders.get_order(db, admin, oid).version)
    orders.complete(db, admin, oid, orders.get_order(db, admin, oid).version, "已修好")
    assert orders.work_order_options(db) == orders.WorkOrderOptions(3, 240)
    [row] = orders.callback_rows(db, admin, orders.callback_queue_ids(db, admin))
    assert row.id == oid and row.place == "3-2-1201" and row.caller_phone == "138****5678"
    assert row.callback_due is not None and row.completed_at is not None
    assert row.callback_due - row.completed_at == timedelta(days=3)
    assert not row.overdue
    [late] = orders.callback_rows(db, admin, [oid], now=row.callback_due + timedelta(minutes=1))
    assert late.overdue
    assert orders.callback_rows(db, admin, []) == []
