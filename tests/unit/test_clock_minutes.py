"""The response and completion minutes stored on each order (storage.clock_minutes): the same as
``core.deadlines.elapsed`` on the calendar clock, set by the moves that set the times and
cleared with them when the owner's dissatisfaction reopens the order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.test_work_orders_extra import _intake
from wuye_desktop.core import directory, orders
from wuye_desktop.core.deadlines import ClockMode, Pause, elapsed
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.clock_minutes import calendar_minutes
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import WorkOrder

T0 = datetime(2026, 11, 1, 15, 59, tzinfo=UTC)
minute = st.integers(-600, 6000)


@given(
    end=minute,
    # Distinct starts: core.deadlines cannot sort an open and an ended pause starting together.
    pauses=st.lists(
        st.tuples(minute, st.none() | st.integers(0, 3000)), max_size=4, unique_by=lambda p: p[0]
    ),
    seconds=st.integers(0, 59),
)
def test_calendar_minutes_are_the_deadline_clocks(
    end: int, pauses: list[tuple[int, int | None]], seconds: int
) -> None:
    stop = T0 + timedelta(minutes=end, seconds=seconds)
    cuts = [
        (T0 + timedelta(minutes=a), None if n is None else T0 + timedelta(minutes=a + n))
        for a, n in pauses
    ]
    want = elapsed(T0, stop, ClockMode.CALENDAR, pauses=[Pause(a, b) for a, b in cuts])
    assert calendar_minutes(T0, stop, cuts) == max(want, timedelta(0)).total_seconds() / 60


def _stored(db: Database, oid: int) -> tuple[float | None, float | None]:
    with db.read() as s:
        o = s.get_one(WorkOrder, oid)
        return o.response_minutes, o.completion_minutes


def test_moves_store_the_minutes_and_reopening_clears_them(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    oid = orders.create_order(db, admin, _intake(community, None, location="1号楼大堂"))
    assert _stored(db, oid) == (None, None)

    def version() -> int:
        return orders.get_order(db, admin, oid).version

    orders.dispatch(db, admin, oid, version(), channel="property", handler="王")
    orders.pause(db, admin, oid, version(), "等配件")
    orders.resume(db, admin, oid, version())
    orders.start_work(db, admin, oid, version())
    orders.complete(db, admin, oid, version(), "已修好")
    response, completion = _stored(db, oid)
    with db.read() as s:
        o = s.get_one(WorkOrder, oid)
        assert o.responded_at is not None and o.completed_at is not None
        paused = [(p.start, p.end) for p in o_pauses(s, oid)]
        assert response == calendar_minutes(o.reported_at, o.responded_at, paused)
        assert completion == calendar_minutes(o.reported_at, o.completed_at, paused)
    orders.record_callback(
        db, admin, oid, version(), orders.CallbackInput("phone", "dissatisfied", comment="还漏")
    )
    assert _stored(db, oid) == (None, None)  # reopened: responded and completed again later


def o_pauses(s: object, oid: int) -> list[object]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from wuye_desktop.storage.models import OrderPause

    assert isinstance(s, Session)
    return list(s.scalars(select(OrderPause).where(OrderPause.order_id == oid)))
