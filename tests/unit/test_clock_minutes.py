"""The response and completion minutes stored on each order (storage.clock_minutes): the same as
``core.deadlines.elapsed`` on the calendar clock, set by the moves that set the times and
cleared with them when the owner's dissatisfaction reopens the order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

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


def test_a_working_time_rule_is_computed_on_its_own_clock_whatever_is_stored(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    """Stored minutes are the calendar clock's: under a working-time rule (a tier, or one
    category of a calendar tier) the overview computes those orders' times with the rules now
    in force, so a change of the rules never leaves a stored figure behind."""
    import importlib
    import math
    from dataclasses import replace

    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.clock import LOCAL_TZ
    from wuye_desktop.core.settings import deadline_rules, save_rules
    from wuye_desktop.storage.models import OrderPause

    fill = importlib.import_module("wuye_desktop.storage.migrations.versions.0013_order_minutes")
    start = datetime(2026, 11, 6, 16, 0, tzinfo=LOCAL_TZ)  # a Friday afternoon
    kinds = [("time_limited", "water_leak"), ("immediate", "elevator"), ("immediate", "lighting")]
    with db.transaction() as s:
        for n in range(12):
            tier, category = kinds[n % 3]
            r = start + timedelta(hours=5 * n)
            o = WorkOrder(number=f"GD20261106-{n:04d}", community_id=community.id,
                          category=category, channel="property", source="phone", tier=tier,
                          status="completed", description="漏水", reported_at=r,
                          response_due=r + timedelta(hours=2), completion_due=r + timedelta(days=3),
                          responded_at=r + timedelta(minutes=40 + 97 * n),
                          completed_at=r + timedelta(hours=20 + 7 * n))  # fmt: skip
            s.add(o)
            s.flush()
            s.add(OrderPause(order_id=o.id, start=r + timedelta(minutes=30), end=r + timedelta(hours=3)))  # fmt: skip
    with db.engine.begin() as conn:
        fill.fill_minutes(conn)
    rules = deadline_rules(db)
    working = replace(rules.tiers["time_limited"], mode=ClockMode.WORKING)
    lift = replace(rules.tiers["immediate"], mode=ClockMode.WORKING)
    save_rules(db, admin, replace(rules, tiers={**rules.tiers, "time_limited": working},
                                  overrides={**rules.overrides, ("immediate", "elevator"): lift}))  # fmt: skip
    rules = deadline_rules(db)
    period = ov.parse_period("2026-11")
    got = {f.key: f.value for f in ov.overview(db, admin, period).figures or ()}
    with db.read() as s:
        for stem, at in (("response", "responded_at"), ("completion", "completed_at")):
            values = []
            for o in s.scalars(select(WorkOrder)):
                rule = rules.rule(o.tier, o.category)
                pauses = [Pause(p.start, p.end) for p in o_pauses(s, o.id)]  # type: ignore[attr-defined]
                took = elapsed(o.reported_at, getattr(o, at), rule.mode, rules.calendar, pauses)
                values.append(max(took, timedelta(0)).total_seconds() / 60)
            values.sort()
            assert math.isclose(got[f"{stem}_minutes_avg"] or 0, sum(values) / len(values))
            assert got[f"{stem}_minutes_p90"] == values[math.ceil(0.9 * len(values)) - 1]
