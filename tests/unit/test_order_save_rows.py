"""The rows one saved order writes, column by column, on both engines: the order with its
search keys, its timeline, pictures, outbox event, audit entry and day counter. The expected
rows (tests/data/order_save_rows.json) were written by the save path as it was before it
left the ORM session (issue 18); a faster path must write exactly these."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from tests.conftest import make_community, stored_owners
from wuye_desktop.core import audit, directory, orders, outbox, settings
from wuye_desktop.core.errors import NotFound, ValidationError
from wuye_desktop.core.orders import create
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    AuditEntry,
    DayCounter,
    OrderEvent,
    OrderPhoto,
    OutboxEvent,
    Setting,
    WorkOrder,
)

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "order_save_rows.json"
MOMENT = datetime(2026, 12, 6, 23, 30, 5, 123456, tzinfo=UTC)  # 07:30 the next day locally
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00\x08\xfc\x02\xfe\xa7"
    b"\x9a\xa0\xa0\x00\x00\x00\x00IEND\xaeB`\x82"
)
# Columns the database layer stamps itself (a column default), compared as being set.
CLOCKED = {("order_photo", "added_at")}
TABLES = (WorkOrder, OrderEvent, OrderPhoto, OutboxEvent, AuditEntry, DayCounter)
# Rows other than the saves' own (the company, the community) are left out by these.
ONLY_SAVES = {AuditEntry: AuditEntry.action == "order.create"}


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every "now" of the save is MOMENT, and the Idempotency-Keys count up."""
    count = iter(range(1, 1000))
    for module in (create, audit, outbox):
        monkeypatch.setattr(module, "now_utc", lambda: MOMENT)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(count)))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _rows(db: Database) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    with db.read() as s:
        for model in TABLES:
            table = model.__table__
            stmt = select(table)
            if model in ONLY_SAVES:
                stmt = stmt.where(ONLY_SAVES[model])
            pk = list(table.primary_key.columns)
            rows = s.execute(stmt.order_by(*pk)).mappings()
            found[table.name] = [
                {k: "now" if (table.name, k) in CLOCKED else _plain(v) for k, v in row.items()}
                for row in rows
            ]
    return found


def _saves(db: Database, actor: Actor) -> Iterator[int]:
    c = make_community(db, actor)
    home = directory.get_household(db, actor, "QD001-3-2-1201")
    owner_id = stored_owners(db, "QD001-3-2-1201")[0][0]
    base = dict(community_id=c.id, category="water_leak", channel="property", source="phone")
    yield orders.create_order(
        db,
        actor,
        orders.OrderInput(
            **base,  # type: ignore[arg-type]
            tier="time_limited",
            description="  卫生间顶棚渗水，楼上业主不在家 ",
            household_id=home.id,
            caller_name=" 王建国 ",
            caller_phone="138 0000 1234",
        ),
    )
    yield orders.create_order(
        db,
        actor,
        orders.OrderInput(
            **base,  # type: ignore[arg-type]
            tier="immediate",
            description="电梯困人 Lift stuck",
            location=" 2号楼 电梯 ",
            caller_phone="0532-8888 1234",
            reported_at=datetime(2026, 12, 6, 1, 2, 3, tzinfo=UTC),
        ),
    )
    yield orders.create_order(
        db,
        actor,
        orders.OrderInput(
            **base,  # type: ignore[arg-type]
            tier="time_limited",
            description="楼道灯不亮",
            household_id=home.id,
            caller_phone=home.owners[0].phone,  # as the desk sees it: masked
            caller_owner_id=owner_id,
            photos=[("楼道.png", PNG)],
        ),
    )
    with db.transaction() as s:
        yield create.create_order_in(
            s,
            Actor(user_id=None, username="regulator", role=actor.role),
            orders.OrderInput(
                **base,  # type: ignore[arg-type]
                tier="immediate",
                description="供暖不热",
                location="公共区域",
                caller_phone="139****0000",
                regulator_ticket_id="T20261206-000001",
            ),
        )


def test_a_save_writes_exactly_these_rows(
    any_db: Database, any_admin: Actor, fixed_time: None
) -> None:
    ids = list(_saves(any_db, any_admin))
    got = {"ids": ids, **_rows(any_db)}
    if os.environ.get("WUYE_WRITE_EXPECTED_ROWS"):  # how the expected rows were made
        EXPECTED.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    expected = json.loads(EXPECTED.read_text())
    assert got == expected


def test_bad_input_is_refused_as_before_and_writes_nothing(
    any_db: Database, any_admin: Actor
) -> None:
    db, actor = any_db, any_admin
    c = make_community(db, actor)
    other = directory.create_community(db, actor, directory.CommunityInput("QD002", "二号"))
    home = directory.get_household(db, actor, "QD001-3-2-1201")
    owner_id = stored_owners(db, "QD001-3-2-1201")[0][0]
    good = orders.OrderInput(c.id, "water_leak", "property", "phone", "time_limited", "漏水")
    before = _rows(db)
    cases: list[tuple[orders.OrderInput, type[Exception], list[str]]] = [
        (
            orders.OrderInput(c.id, "x", "y", "z", "w", " "),
            ValidationError,
            ["category", "channel", "source", "tier", "description", "location"],
        ),
        (
            orders.OrderInput(
                **{**good.__dict__, "household_id": home.id, "community_id": other.id}
            ),
            ValidationError,
            ["household"],
        ),
        (
            orders.OrderInput(**{**good.__dict__, "community_id": 99999, "location": "门口"}),
            NotFound,
            [],
        ),
        (
            orders.OrderInput(
                **{**good.__dict__, "location": "门口", "caller_phone": "138****1234"}
            ),
            ValidationError,
            ["caller_phone"],
        ),
        (
            orders.OrderInput(
                **{
                    **good.__dict__,
                    "location": "门口",
                    "caller_phone": "138****1234",
                    "caller_owner_id": owner_id,
                }
            ),
            ValidationError,
            ["caller_phone"],
        ),
        (
            orders.OrderInput(**{**good.__dict__, "location": "门口", "caller_phone": "12"}),
            ValidationError,
            ["caller_phone"],
        ),
    ]
    for data, error, fields in cases:
        with pytest.raises(error) as caught:
            orders.create_order(db, actor, data)
        if isinstance(caught.value, ValidationError):
            assert [e.field for e in caught.value.errors] == fields
    assert _rows(db) == before


def test_the_next_save_follows_the_deadlines_as_just_edited(
    any_db: Database, any_admin: Actor
) -> None:
    """The rules are parsed once per stored text, not read once per process: an edit here,
    or written by another desk's program (here: straight into the table), applies at once."""
    db, actor = any_db, any_admin
    c = make_community(db, actor)
    data = orders.OrderInput(
        c.id, "water_leak", "property", "phone", "time_limited", "漏水", location="门口"
    )

    def completion_hours() -> float:
        order_id = orders.create_order(db, actor, data)
        with db.read() as s:
            row = s.execute(
                select(WorkOrder.reported_at, WorkOrder.completion_due).where(
                    WorkOrder.id == order_id
                )
            ).one()
        return float((row.completion_due - row.reported_at).total_seconds()) / 3600

    rules = settings.deadline_rules(db)
    before = completion_hours()
    assert before == rules.tiers["time_limited"].completion.total_seconds() / 3600
    longer = replace(rules.tiers["time_limited"], completion=timedelta(hours=100))
    settings.save_rules(db, actor, replace(rules, tiers={**rules.tiers, "time_limited": longer}))
    assert completion_hours() == 100
    elsewhere = replace(rules.tiers["time_limited"], completion=timedelta(hours=7))
    text = json.dumps(
        settings.rules_to_json(replace(rules, tiers={**rules.tiers, "time_limited": elsewhere}))
    )
    with db.transaction() as s:
        s.execute(update(Setting).where(Setting.key == settings.DEADLINES_KEY).values(value=text))
    assert completion_hours() == 7
