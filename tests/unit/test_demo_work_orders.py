"""Demo work orders: a believable year of a desk's work that obeys every rule the core keeps."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from wuye_desktop import demo
from wuye_desktop.cli import main
from wuye_desktop.core import orders as core_orders
from wuye_desktop.core import settings, users
from wuye_desktop.core.clock import LOCAL_TZ, to_local
from wuye_desktop.core.deadlines import (
    ClockMode,
    DeadlineRules,
    Pause,
    TierRule,
    deadlines_for,
    default_rules,
)
from wuye_desktop.core.orders import OPEN_STATUSES, OrderFilter, Status, allowed_next
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.core.vocab import Category, Source, Tier
from wuye_desktop.demo import order_rows
from wuye_desktop.demo import orders as demo_orders
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Callback,
    Commitment,
    Community,
    DayCounter,
    Household,
    OrderEvent,
    OrderPause,
    OutboxEvent,
    Unit,
    WorkOrder,
)
from wuye_desktop.storage.search_keys import order_keys
from wuye_desktop.storage.types import UTCDateTime

# Monday 23 November 2026, 10:30 in Qingdao: the desk's busiest hour.
ANCHOR = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
RULES = default_rules()


def fresh(tmp_path: Path, name: str) -> Database:
    db = Database(str(tmp_path / name))
    migrate.upgrade(db)
    return db


def fill(db: Database, orders: int, households: int = 400, seed: int = 3) -> None:
    demo.fill_demo(db, households=households, seed=seed, extra={"work_orders": orders}, now=ANCHOR)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A year of 6,000 orders in 600 homes: enough for the shares to show."""
    db = fresh(tmp_path_factory.mktemp("year"), "year.sqlite3")
    fill(db, 6000, households=600)
    yield db
    db.dispose()


def orders_of(db: Database) -> list[WorkOrder]:
    with db.read() as s:
        return list(s.scalars(select(WorkOrder).order_by(WorkOrder.id)))


def events_by_order(db: Database) -> dict[int, list[OrderEvent]]:
    out: dict[int, list[OrderEvent]] = defaultdict(list)
    with db.read() as s:
        for e in s.scalars(select(OrderEvent).order_by(OrderEvent.id)):
            out[e.order_id].append(e)
    return out


# --- every rule the core keeps -------------------------------------------------------------------


def check_timelines(orders: list[WorkOrder], events: dict[int, list[OrderEvent]]) -> None:
    for o in orders:
        timeline = events[o.id]
        first = timeline[0]
        assert (first.kind, first.status, first.seq, first.note) == (
            "status",
            "accepted",
            None,
            "Order taken",
        ), o.number
        assert first.at == o.reported_at
        assert [e.at for e in timeline] == sorted(e.at for e in timeline), o.number
        seqs = [e.seq for e in timeline if e.seq is not None]
        assert seqs == list(range(1, o.last_event_seq + 1)), o.number
        assert all((e.seq is not None) == (e.kind == "status") for e in timeline[1:]), o.number
        status_events = [e for e in timeline if e.kind == "status"]
        assert status_events[-1].status == o.status, o.number
        for before, after in itertools.pairwise(status_events):
            assert Status(after.status) in allowed_next(Status(before.status)), (
                o.number,
                before.status,
                after.status,
            )
        assert o.updated_at == timeline[-1].at, o.number
        assert o.version >= 1


def check_fields(data: dict[str, Any], rules: DeadlineRules = RULES) -> None:
    events: dict[int, list[OrderEvent]] = data["events"]
    commitments = {c.order_id: c for c in data["commitments"]}
    callbacks: dict[int, list[Callback]] = data["callbacks"]
    pauses: dict[int, list[OrderPause]] = data["pauses"]
    for o in data["orders"]:
        timeline = events[o.id]
        reached = {e.status for e in timeline if e.kind == "status"}
        status = Status(o.status)
        finished = status in (Status.COMPLETED, Status.CLOSED)
        assert (o.completed_at is not None) == finished, o.number
        assert (o.closed_at is not None) == (status in (Status.CLOSED, Status.CANCELLED)), o.number
        if status is Status.CANCELLED:
            assert timeline[-1].note, "a cancelled order says why"
        completions = [e.at for e in timeline if e.kind == "status" and e.status == "completed"]
        called = [e.at for e in timeline if e.kind == "callback"]
        # Due from completion until the callback; closing without one leaves it (as close() does).
        waiting = finished and (not called or called[-1] < completions[-1])
        assert (o.callback_due is not None) == waiting, o.number
        if waiting:
            assert o.callback_due == completions[-1] + timedelta(days=3)
        if o.tier == Tier.PROMISED.value and Status.IN_PROGRESS.value in reached:
            c = commitments.get(o.id)
            assert c is not None, f"{o.number} started without its commitment"
            start = next(e.at for e in timeline if e.status == "in_progress")
            assert c.issued_at <= start
            assert c.number == next(e.note for e in timeline if e.kind == "commitment")
            latest = to_local(c.issued_at).date() + timedelta(days=rules.promised_max_days)
            assert date.fromisoformat(c.promised_date) <= latest
            assert c.issued_at - o.reported_at <= timedelta(hours=48)
            assert o.responded_at == c.issued_at
        if o.tier != Tier.PROMISED.value:
            assert o.id not in commitments
        open_pause = [p for p in pauses.get(o.id, []) if p.end is None]
        assert (o.paused_since is not None) == bool(open_pause), o.number
        if open_pause:
            assert status in OPEN_STATUSES and open_pause[0].start == o.paused_since
        cbs = callbacks.get(o.id, [])
        assert [cb.at for cb in cbs] == called
        assert len(cbs) <= len(completions), f"{o.number}: callback without completion"
        for cb, done in zip(cbs, completions, strict=False):
            assert cb.at > done
        after_callbacks = [timeline[i + 1] for i, e in enumerate(timeline) if e.kind == "callback"]
        for cb, after in zip(cbs, after_callbacks, strict=True):
            expected = "reopened" if cb.satisfaction == "dissatisfied" else "closed"
            assert (after.kind, after.status, after.at) == ("status", expected, cb.at), o.number
            assert cb.satisfaction != "dissatisfied" or cb.comment
        if o.source in (Source.HOTLINE_12345.value, Source.REGULATOR_PLATFORM.value):
            assert o.regulator_ticket_id, o.number
        else:
            assert o.regulator_ticket_id is None
        if o.household_id is None:
            assert o.location, f"{o.number}: a common-area order says where"
        keys = order_keys(o.number, o.caller_phone, o.caller_name, o.description, o.location)
        assert o.search_text == keys, o.number  # what create_order writes
        if "reopened" not in reached:  # deadlines as the services would have set them
            promised = (
                date.fromisoformat(commitments[o.id].promised_date) if o.id in commitments else None
            )
            stops = [Pause(p.start, p.end, p.reason) for p in pauses.get(o.id, [])]
            if o.paused_since is not None:
                stops = stops[:-1]  # deadlines stay as they were while the clock is stopped
            d = deadlines_for(rules, o.tier, o.category, o.reported_at, stops, promised)
            assert (o.response_due, o.completion_due) == (d.response_due, d.completion_due), (
                o.number
            )


def check_numbers(db: Database, orders: list[WorkOrder], commitments: list[Commitment]) -> None:
    with db.read() as s:
        counters = dict(s.execute(select(DayCounter.key, DayCounter.last)).all())
    for prefix, numbered in (
        ("GD", [(o.number, o.reported_at, o.id) for o in orders]),
        ("CN", [(c.number, c.issued_at, c.id) for c in commitments]),
    ):
        per_day: dict[str, list[tuple[int, datetime]]] = defaultdict(list)
        for number, at, _ in numbered:
            key, _, n = number.partition("-")
            assert key == prefix + to_local(at).strftime("%Y%m%d"), number
            per_day[key].append((int(n), at))
        assert len({n for n, _, _ in numbered}) == len(numbered), "numbers are unique"
        for key, items in per_day.items():
            assert sorted(n for n, _ in items) == list(range(1, len(items) + 1)), key
            assert counters[key] == len(items), key
            # Numbered in the order taken (or issued), as the desks would have.
            assert [at for _, at in sorted(items)] == sorted(at for _, at in items), key
        assert {k for k in counters if k.startswith(prefix)} == set(per_day)


def load_all(db: Database) -> dict[str, Any]:
    with db.read() as s:
        commitments = list(s.scalars(select(Commitment).order_by(Commitment.id)))
        callbacks: dict[int, list[Callback]] = defaultdict(list)
        for cb in s.scalars(select(Callback).order_by(Callback.id)):
            callbacks[cb.order_id].append(cb)
        pauses: dict[int, list[OrderPause]] = defaultdict(list)
        for p in s.scalars(select(OrderPause).order_by(OrderPause.id)):
            pauses[p.order_id].append(p)
        places = {}
        for hid, b, u, r in s.execute(
            select(Household.id, Building.number, Unit.number, Household.room)
            .join(Unit, Unit.id == Household.unit_id)
            .join(Building, Building.id == Unit.building_id)
        ):
            places[hid] = f"{b}-{u}-{r}"
        outbox = s.scalar(select(func.count(OutboxEvent.id)))
    return {
        "orders": orders_of(db),
        "events": events_by_order(db),
        "commitments": commitments,
        "callbacks": callbacks,
        "pauses": pauses,
        "places": places,
        "outbox": outbox,
    }


def test_demo_orders_keep_every_rule_of_the_core(any_db: Database) -> None:
    fill(any_db, 1500, households=300)
    data = load_all(any_db)
    orders = data["orders"]
    assert len(orders) == 1500
    check_timelines(orders, data["events"])
    check_fields(data)
    check_numbers(any_db, orders, data["commitments"])
    assert data["outbox"] == 0, "demo orders count as already reported"


def test_the_year_keeps_the_rules_too(year: Database) -> None:
    data = load_all(year)
    check_timelines(data["orders"], data["events"])
    check_fields(data)
    check_numbers(year, data["orders"], data["commitments"])


# --- believable ------------------------------------------------------------------------------------


def share(counter: Counter[str], key: str) -> float:
    return counter[key] / sum(counter.values())


def test_a_believable_year(year: Database) -> None:
    orders = orders_of(year)
    events = events_by_order(year)
    local = [to_local(o.reported_at) for o in orders]
    assert min(local).date() == ANCHOR.astimezone(LOCAL_TZ).date() - timedelta(days=364)
    assert max(o.reported_at for o in orders) <= ANCHOR
    assert ANCHOR - max(o.reported_at for o in orders) < timedelta(hours=2), "taken this morning"

    tiers = Counter(o.tier for o in orders)
    assert abs(share(tiers, "immediate") - 0.5) < 0.05
    assert abs(share(tiers, "time_limited") - 0.4) < 0.05
    assert abs(share(tiers, "promised") - 0.1) < 0.03
    assert set(Counter(o.category for o in orders)) == {c.value for c in Category}
    assert set(Counter(o.source for o in orders)) == {s.value for s in Source}
    assert len({o.community_id for o in orders}) == 4  # QD004's common areas too
    homes = sum(o.household_id is not None for o in orders) / len(orders)
    assert 0.6 < homes < 0.9, "mostly households, some common areas"

    # Every status, in the timelines and among the orders as they stand now.
    reached = {e.status for timeline in events.values() for e in timeline if e.kind == "status"}
    assert reached == {s.value for s in Status}
    now_status = Counter(o.status for o in orders)
    assert {"accepted", "dispatched", "in_progress", "completed", "closed", "cancelled"} <= set(
        now_status
    )
    assert share(now_status, "closed") > 0.85
    assert 0.01 < share(now_status, "cancelled") < 0.06
    # Old orders are finished; the open ones are recent, apart from a few promised repairs.
    for o in orders:
        if o.status in {s.value for s in OPEN_STATUSES} and o.tier != Tier.PROMISED.value:
            assert ANCHOR - o.reported_at < timedelta(days=30), o.number

    # Weekdays and hours: Monday mornings are busy, Sunday nights quiet.
    weekdays = Counter(t.weekday() for t in local)
    assert weekdays[0] > 1.3 * weekdays[6]
    hours = Counter(t.hour for t in local)
    assert hours[9] > 10 * hours[3]
    # Seasons: leaks in the summer rains, heating in winter.
    by_month: dict[int, Counter[str]] = defaultdict(Counter)
    for o, t in zip(orders, local, strict=True):
        by_month[t.month][o.category] += 1
    summer = by_month[7] + by_month[8]
    winter = by_month[12] + by_month[1]
    assert share(summer, "water_leak") > 1.8 * share(winter, "water_leak")
    assert share(winter, "heating_gas") > 2.5 * share(summer, "heating_gas")
    heating = [
        o.description
        for o, t in zip(orders, local, strict=True)
        if o.category == "heating_gas" and t.month in (12, 1)
    ]
    assert heating and all("暖" in d for d in heating), "heating in winter"

    with year.read() as s:
        satisfaction = Counter(s.scalars(select(Callback.satisfaction)))
        completed = s.scalar(
            select(func.count(func.distinct(OrderEvent.order_id))).where(
                OrderEvent.status == "completed"
            )
        )
        called = s.scalar(select(func.count(func.distinct(Callback.order_id))))
        paused = s.scalar(
            select(func.count(WorkOrder.id)).where(WorkOrder.paused_since.is_not(None))
        )
    assert abs(share(satisfaction, "satisfied") - 0.8) < 0.04
    assert abs(share(satisfaction, "basically_satisfied") - 0.15) < 0.04
    assert 0.02 < share(satisfaction, "dissatisfied") < 0.08
    assert called / completed > 0.85, "most completed orders got their callback"
    assert paused and paused < 20, "a few paused"


def test_recent_orders_stand_out_on_the_real_list(year: Database) -> None:
    """Against the anchor's clock, a few open orders are overdue; most are on time.

    (Due-soon orders, within 4 hours of their deadline, are a matter of volume: at 16 calls a
    day few deadlines fall in any 4 hours; the benchmark's million orders show dozens.)
    """
    actor, _ = users.login(year, "desk", "desk1234")
    overdue = core_orders.order_count(year, actor, OrderFilter(overdue_only=True), now=ANCHOR)
    open_now = core_orders.order_count(
        year, actor, OrderFilter(statuses=[s.value for s in OPEN_STATUSES]), now=ANCHOR
    )
    assert 0 < overdue < open_now / 2
    ids, _ = core_orders.order_page(year, actor, OrderFilter(), limit=40, now=ANCHOR)
    rows = core_orders.order_rows(year, actor, ids, now=ANCHOR)
    assert rows[0].reported_at == max(o.reported_at for o in orders_of(year))
    assert all("*" in r.caller_phone for r in rows if r.caller_phone), "masked in lists"


# --- determinism, size, speed of use --------------------------------------------------------------


def snapshot(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as s:
        rows = [
            tuple(r)
            for r in s.execute(
                select(
                    WorkOrder.number,
                    Household.code,
                    WorkOrder.category,
                    WorkOrder.tier,
                    WorkOrder.status,
                    WorkOrder.description,
                    WorkOrder.caller_phone,
                    WorkOrder.handler,
                    WorkOrder.reported_at,
                    WorkOrder.completion_due,
                )
                .outerjoin(Household, Household.id == WorkOrder.household_id)
                .order_by(WorkOrder.id)
            )
        ]
        rows += [
            tuple(r)
            for r in s.execute(
                select(
                    OrderEvent.order_id, OrderEvent.at, OrderEvent.kind, OrderEvent.note
                ).order_by(OrderEvent.id)
            )
        ]
        rows += [
            tuple(r)
            for r in s.execute(
                select(Callback.order_id, Callback.satisfaction).order_by(Callback.id)
            )
        ]
    return rows


def test_the_same_seed_and_anchor_give_the_same_orders(tmp_path: Path) -> None:
    a, b, c = (fresh(tmp_path, f"{n}.sqlite3") for n in "abc")
    fill(a, 800, households=200, seed=9)
    fill(b, 800, households=200, seed=9)
    fill(c, 800, households=200, seed=10)
    assert snapshot(a) == snapshot(b)
    assert snapshot(a) != snapshot(c)
    for db in (a, b, c):
        db.dispose()


def test_orders_without_households_are_in_common_areas(db: Database) -> None:
    fill(db, 300, households=0)
    orders = orders_of(db)
    assert len(orders) == 300
    assert all(o.household_id is None and o.location for o in orders)
    assert not {o.category for o in orders} & {
        "water_leak",
        "wall_crack",
        "doors_windows",
        "indoor_plumbing",
        "electrical",
        "heating_gas",
    }


def test_progress_is_reported_while_orders_are_written(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_orders, "_ORDER_BATCH", 100)
    calls: list[tuple[int, int]] = []
    demo.fill_demo(
        db,
        households=50,
        extra={"work_orders": 1000},
        now=ANCHOR,
        progress=lambda d, t: calls.append((d, t)),
    )
    inside = [d for d, t in calls if 50 < d < 1050]
    assert len(inside) >= 5, "reported batch by batch"
    assert calls[-1] == (1050, 1050)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.psycopg.dialect()])
def test_times_are_written_as_the_column_type_writes_them(dialect: Any) -> None:
    write = order_rows.time_writer(dialect)
    reference = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    start = datetime(2025, 12, 31, 15, 59, 59, tzinfo=UTC)
    for minutes in (0, 1, 61, 60 * 24 * 45 + 7, 60 * 24 * 400):
        moment = start + timedelta(minutes=minutes)
        assert write(int(moment.timestamp())) == reference(moment)
    assert write(None) is None


# --- the core services on demo orders --------------------------------------------------------------


def test_the_core_works_on_demo_orders(any_db: Database) -> None:
    fill(any_db, 1200, households=300)
    desk, _ = users.login(any_db, "desk", "desk1234")
    orders = orders_of(any_db)
    # Any open order may be dispatched (again: a transfer).
    waiting = next(o for o in reversed(orders) if Status(o.status) in OPEN_STATUSES)
    core_orders.dispatch(
        any_db, desk, waiting.id, waiting.version, channel="property", handler="王师傅"
    )
    detail = core_orders.get_order(any_db, desk, waiting.id)
    assert detail.row.status == "dispatched"
    assert detail.timeline[-1].seq == waiting.last_event_seq + 1
    completed = next(o for o in reversed(orders) if o.status == "completed")
    assert completed.id in core_orders.callback_queue_ids(any_db, desk, now=ANCHOR)
    core_orders.record_callback(
        any_db,
        desk,
        completed.id,
        completed.version,
        core_orders.CallbackInput("phone", "dissatisfied", "业主", "还是不行"),
    )
    assert core_orders.get_order(any_db, desk, completed.id).row.status == "reopened"
    with pytest.raises(Exception, match="Somebody else changed"):
        core_orders.complete(any_db, desk, completed.id, completed.version, "已修好")

    # A new order on the demo's last day goes on from its numbers and ids.
    last = orders[-1]
    new_id = core_orders.create_order(
        any_db,
        desk,
        core_orders.OrderInput(
            community_id=last.community_id,
            category="lighting",
            channel="property",
            source="phone",
            tier="immediate",
            description="3号楼楼道灯不亮",
            location="3号楼2单元",
            reported_at=ANCHOR + timedelta(minutes=1),
        ),
    )
    assert new_id == last.id + 1
    new = core_orders.get_order(any_db, desk, new_id)
    day, _, n = last.number.partition("-")
    if to_local(last.reported_at).date() == to_local(ANCHOR).date():
        assert new.row.number == f"{day}-{int(n) + 1:04d}"
    ids, _ = core_orders.order_page(any_db, desk, OrderFilter(), limit=5)
    assert ids[:2] == [new_id, last.id], "sorted among the demo's by the time taken"
    found, _ = core_orders.order_page(any_db, desk, OrderFilter(text=new.row.number.lower()))
    assert found == [new_id]


def test_pages_in_every_sort_order_are_the_full_sort(any_db: Database) -> None:
    """Keyset pages over demo orders, for each sortable column both ways, with and without a
    filter: together exactly the whole list in the promised order (many orders share a
    status or a tier: within one value they come newest first in the sort's direction)."""
    fill(any_db, 700, households=150)
    desk, _ = users.login(any_db, "desk", "desk1234")
    orders = orders_of(any_db)
    keys = {
        "number": lambda o: (o.number, o.id),
        "reported_at": lambda o: (o.reported_at, o.id),
        "completion_due": lambda o: (o.completion_due, o.id),
        "updated_at": lambda o: (o.updated_at, o.id),
        "status": lambda o: (o.status, o.reported_at, o.id),
        "tier": lambda o: (o.tier, o.reported_at, o.id),
        "category": lambda o: (o.category, o.reported_at, o.id),
        "channel": lambda o: (o.channel, o.reported_at, o.id),
        "source": lambda o: (o.source, o.reported_at, o.id),
        "community": lambda o: (o.community_id, o.reported_at, o.id),
        "handler": lambda o: (o.handler, o.reported_at, o.id),
    }
    assert set(keys) == set(core_orders.SORT_COLUMNS)
    community = orders[0].community_id
    filters = (
        (OrderFilter(), lambda o: True),
        (OrderFilter(community_id=community), lambda o: o.community_id == community),
        (OrderFilter(tiers=["promised"]), lambda o: o.tier == "promised"),
    )
    for sort, key in keys.items():
        for descending in (True, False):
            for f, keep in filters:
                listed: list[int] = []
                cursor = None
                while True:
                    ids, cursor = core_orders.order_page(
                        any_db, desk, f, sort, descending, cursor, 37
                    )
                    listed.extend(ids)
                    if cursor is None:
                        break
                wanted = sorted((o for o in orders if keep(o)), key=key, reverse=descending)
                assert listed == [o.id for o in wanted], (sort, descending, f)


def test_wuye_demo_adds_orders_by_default_and_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = tmp_path / "asked.sqlite3"
    assert main(["--db", str(asked), "demo", "--households", "60", "--work-orders", "250"]) == 0
    assert "Work orders: 250." in capsys.readouterr().out
    plain = tmp_path / "plain.sqlite3"
    assert main(["--db", str(plain), "demo", "--households", "60"]) == 0
    out = capsys.readouterr().out
    assert f"Work orders: {demo.DEFAULT_WORK_ORDERS:,}." in out
    assert demo.step_default("work_orders") == demo.DEFAULT_WORK_ORDERS
    db = Database(str(plain))
    with db.read() as s:
        assert s.scalar(select(func.count(WorkOrder.id))) == demo.DEFAULT_WORK_ORDERS
        newest = s.scalar(select(func.max(WorkOrder.reported_at)))
    db.dispose()
    assert newest is not None
    # Anchored on the real clock: the newest order is from the last day or so.
    assert datetime.now(UTC) - newest < timedelta(days=2)


def test_the_company_deadline_rules_are_followed(tmp_path: Path) -> None:
    """Rules an administrator set before the demo (working hours here) give the deadlines."""
    db = fresh(tmp_path, "rules.sqlite3")
    tiers = dict(RULES.tiers)
    tiers["time_limited"] = TierRule(timedelta(hours=2), timedelta(hours=16), ClockMode.WORKING)
    custom = DeadlineRules(tiers, RULES.overrides, RULES.calendar, 20)
    settings.save_rules(db, SYSTEM_ACTOR, custom)
    fill(db, 600, households=100)
    data = load_all(db)
    check_fields(data, custom)
    working = [
        to_local(o.completion_due)
        for o in data["orders"]
        if o.tier == "time_limited" and o.category != "elevator"
    ]
    assert working and all(time(8, 30) <= t.time() <= time(17, 30) for t in working)
    db.dispose()


def test_regulator_orders_have_their_tickets_and_replies(year: Database) -> None:
    """An order made of a 12345 or platform ticket has that ticket in the inbox, as a ticket
    received by the sync would; the tab's reply rate is the desk's, not a blank."""
    from sqlalchemy import select

    from wuye_desktop.regulator import inbox
    from wuye_desktop.storage.models import RegulatorTicket, WorkOrder

    with year.read() as s:
        orders = dict(
            s.execute(
                select(WorkOrder.regulator_ticket_id, WorkOrder.id).where(
                    WorkOrder.regulator_ticket_id.is_not(None)
                )
            ).all()
        )
        tickets = dict(s.execute(select(RegulatorTicket.ticket_id, RegulatorTicket.order_id)).all())
        projects = set(s.scalars(select(RegulatorTicket.project_code)))
        sources = dict(
            s.execute(
                select(WorkOrder.regulator_ticket_id, WorkOrder.source).where(
                    WorkOrder.regulator_ticket_id.is_not(None)
                )
            ).all()
        )
    assert orders and tickets == orders
    assert "" not in projects  # each ticket names its community's project code
    assert {sources[t] for t in orders} == {"hotline_12345", "regulator_platform"}
    rate = inbox.reply_rate(year)
    assert rate.counted > 0 and rate.rate is not None and rate.rate > 0.5


def test_the_overview_of_the_demo_shows_a_community_that_lags_on_callbacks(
    year: Database,
) -> None:
    """Issue 16.6: a new user's overview has something to find: one service centre calls
    back late and reaches fewer owners, in the figures a manager opens first."""
    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.roles import SYSTEM_ACTOR
    from wuye_desktop.demo.order_odds import CALLBACK_LAGGARD

    quarter = ov.quarter(ANCHOR.astimezone(LOCAL_TZ).date()).previous()
    coverage: dict[str, float] = {}
    with year.read() as s:
        communities = dict(s.execute(select(Community.code, Community.id)).all())
    for code, cid in communities.items():
        figure = ov.overview(year, SYSTEM_ACTOR, quarter, cid, now=ANCHOR).figure(
            "callback_coverage"
        )
        if figure.count and figure.count >= 50:  # enough orders for a share to mean something
            assert figure.value is not None
            coverage[code] = figure.value
    assert CALLBACK_LAGGARD in coverage and len(coverage) >= 3
    others = [v for code, v in coverage.items() if code != CALLBACK_LAGGARD]
    assert coverage[CALLBACK_LAGGARD] < min(others) - 0.05, coverage


def test_the_staff_directory_knows_the_handlers_and_their_workload(year: Database) -> None:
    """Each community has its own technicians (with skills), its contractors' and developer's
    contacts; the company's teams work everywhere; orders name their handler from it, save the
    odd casual worker typed freely."""
    from wuye_desktop.core import staff
    from wuye_desktop.storage.models import Community, Staff, WorkOrder

    rows = staff.list_staff(year, SYSTEM_ACTOR)
    with year.read() as s:
        communities = s.scalars(select(Community.id)).all()
        linked, typed = (
            s.scalar(select(func.count()).where(WorkOrder.handler != "", condition))
            for condition in (WorkOrder.handler_id.is_not(None), WorkOrder.handler_id.is_(None))
        )
        named = s.execute(
            select(WorkOrder.handler, Staff.name).join(Staff, Staff.id == WorkOrder.handler_id)
        ).all()
    for cid in communities:
        own = [r for r in rows if r.community_id == cid]
        assert {r.channel for r in own} == {"property", "repair_contractor", "developer"}
        assert all(r.skills for r in own)
        assert any(r.kind == "technician" and "water_leak" in r.skills for r in own)
    assert {r.name for r in rows if r.community_id is None} >= {"保洁班", "绿化班"}
    assert linked and typed and linked > 4 * typed  # typed names are the exception
    assert all(handler == name for handler, name in named)
    assert sum(r.open_orders for r in rows) > 0
