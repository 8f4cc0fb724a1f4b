"""Names, notes and reasons on a work order have limits the core states (DESIGN §6: bad input gets
a clear message and changes nothing). On PostgreSQL a value longer than its column used to be a
database error with a traceback; on SQLite it was kept whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database


@pytest.fixture
def order(any_db: Database, any_admin: Actor) -> int:
    c = directory.create_community(
        any_db, any_admin, directory.CommunityInput(code="QD001", name="海尔云谷", project_code="")
    )
    h = directory.create_household(
        any_db, any_admin, c.id, directory.HouseholdInput("3", "2", "1201", [])
    )
    return orders.create_order(
        any_db,
        any_admin,
        orders.OrderInput(
            community_id=c.id,
            household_id=h.id,
            category="water_leak",
            channel="property",
            source="phone",
            tier="promised",
            description="卫生间天花板渗水",
        ),
    )


def refused(
    db: Database, actor: Actor, order_id: int, field: str, move: Callable[[int], object]
) -> None:
    before = orders.get_order(db, actor, order_id)
    with pytest.raises(ValidationError) as caught:
        move(before.version)
    assert [e.field for e in caught.value.errors] == [field]
    assert "At most" in caught.value.errors[0].message()
    after = orders.get_order(db, actor, order_id)
    assert (after.version, len(after.timeline)) == (before.version, len(before.timeline))


def test_too_long_is_refused_and_the_longest_allowed_is_kept(
    any_db: Database, any_admin: Actor, order: int
) -> None:
    db, a = any_db, any_admin
    name, unit, note = "王" * orders.MAX_NAME, "房" * orders.MAX_UNIT, "记" * orders.MAX_NOTE

    def dispatch(handler: str, note: str = "") -> Callable[[int], object]:
        return lambda v: orders.dispatch(
            db, a, order, v, channel="property", handler=handler, note=note
        )

    refused(db, a, order, "handler", dispatch(name + "王"))
    refused(db, a, order, "note", dispatch("王工", note + "记"))
    orders.dispatch(
        db, a, order, orders.get_order(db, a, order).version, channel="property", handler=name
    )
    assert orders.get_order(db, a, order).row.handler == name

    refused(db, a, order, "reason", lambda v: orders.pause(db, a, order, v, "等" * 201))

    def start(**changed: str) -> Callable[[int], object]:
        fields = {"plan": "换管", "unit": "房修公司", "person": "李工", **changed}
        promise = orders.CommitmentInput(
            fields["plan"], today_local() + timedelta(days=3), fields["unit"], fields["person"]
        )
        return lambda v: orders.start_work(db, a, order, v, commitment=promise)

    refused(db, a, order, "responsible_person", start(person=name + "李"))
    refused(db, a, order, "responsible_unit", start(unit=unit + "房"))
    refused(db, a, order, "plan", start(plan=note + "换"))
    start(person=name, unit=unit, plan=note)(orders.get_order(db, a, order).version)

    refused(db, a, order, "result", lambda v: orders.complete(db, a, order, v, note + "记"))
    orders.complete(db, a, order, orders.get_order(db, a, order).version, note)

    def callback(person: str, comment: str) -> Callable[[int], object]:
        data = orders.CallbackInput("phone", "satisfied", person, comment)
        return lambda v: orders.record_callback(db, a, order, v, data)

    refused(db, a, order, "person_reached", callback(name + "业", ""))
    refused(db, a, order, "comment", callback("", note + "好"))
    callback(name, note)(orders.get_order(db, a, order).version)
    assert orders.get_order(db, a, order).row.status == "closed"
