"""What makes a year's overview fast (issue 16 point 5): the day rows added up per month, and
each regulator ticket's first reply kept on the ticket, both kept right whatever writes."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text, update

from tests.conftest import make_common_area_order, make_community
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import LOCAL_TZ, today_local
from wuye_desktop.core.orders.list_query import OrderFilter, order_page
from wuye_desktop.core.overview import summary
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor
from wuye_desktop.regulator import inbox
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OverviewDay, OverviewMonth, RegulatorTicket, WorkOrder
from wuye_desktop.storage.overview_months import unpack

_ORDERS_AT = [
    datetime(2026, 3, 1, 0, 5, tzinfo=LOCAL_TZ),
    datetime(2026, 3, 17, 9, 0, tzinfo=LOCAL_TZ),
    datetime(2026, 3, 31, 23, 59, tzinfo=LOCAL_TZ),
    datetime(2026, 4, 1, 0, 0, tzinfo=LOCAL_TZ),
    datetime(2026, 4, 20, 12, 0, tzinfo=LOCAL_TZ),
]


def _orders(db: Database, admin: Actor) -> tuple[int, list[int]]:
    community = make_community(db, admin)
    ids = [make_common_area_order(db, admin, community.id) for _ in _ORDERS_AT]
    with db.transaction() as s:
        for order_id, at in zip(ids, _ORDERS_AT, strict=True):
            s.execute(update(WorkOrder).where(WorkOrder.id == order_id).values(reported_at=at))
    return community.id, ids


def _months_from_days(db: Database) -> dict[tuple[int, date, str], Any]:
    """The month rows as they should be: the day rows added up by hand."""
    want: dict[tuple[int, date, str], Any] = {}
    with db.read() as s:
        for row in s.execute(select(OverviewDay)).scalars():
            key = (row.community_id, row.day.replace(day=1), row.tier)
            counts, cells, response, completion = want.setdefault(
                key, (defaultdict(int), defaultdict(lambda: defaultdict(int)), [], [])
            )
            for k, n in json.loads(row.counts).items():
                counts[k] += n
            for column, values in json.loads(row.cells).items():
                for value, n in values.items():
                    cells[column][value] += n
            response.extend(unpack(row.response_minutes))
            completion.extend(unpack(row.completion_minutes))
    return {
        k: (dict(c), {col: dict(v) for col, v in cells.items()}, sorted(r), sorted(m))
        for k, (c, cells, r, m) in want.items()
    }


def _months(db: Database) -> dict[tuple[int, date, str], Any]:
    with db.read() as s:
        return {
            (row.community_id, row.month, row.tier): (
                json.loads(row.counts),
                json.loads(row.cells),
                list(unpack(row.response_minutes)),
                list(unpack(row.completion_minutes)),
            )
            for row in s.execute(select(OverviewMonth)).scalars()
        }


def test_the_month_rows_add_up_the_day_rows_after_every_change(
    any_db: Database, any_admin: Actor
) -> None:
    _cid, ids = _orders(any_db, any_admin)
    summary.refresh_database(any_db)
    months = _months(any_db)
    assert {(m, tier) for _c, m, tier in months} == {
        (date(2026, 3, 1), "time_limited"),
        (date(2026, 4, 1), "time_limited"),
    }
    assert months == _months_from_days(any_db)
    assert months[_cid, date(2026, 3, 1), "time_limited"][0]["reported"] == 3
    # Behind the services' back: one order moved to May, one cancelled, one deleted.
    with any_db.engine.begin() as conn:
        may = datetime(2026, 5, 2, 8, 0, tzinfo=LOCAL_TZ).astimezone(UTC)
        conn.execute(update(WorkOrder).where(WorkOrder.id == ids[1]).values(reported_at=may))
        conn.execute(update(WorkOrder).where(WorkOrder.id == ids[3]).values(status="cancelled"))
        conn.execute(text("DELETE FROM order_event WHERE order_id = :o"), {"o": ids[4]})
        conn.execute(text("DELETE FROM work_order WHERE id = :o"), {"o": ids[4]})
    summary.refresh_database(any_db)
    months = _months(any_db)
    assert months == _months_from_days(any_db)
    assert months[_cid, date(2026, 3, 1), "time_limited"][0]["reported"] == 2
    assert months[_cid, date(2026, 5, 1), "time_limited"][0]["reported"] == 1
    april = months[_cid, date(2026, 4, 1), "time_limited"]
    assert april[0]["reported"] == 1 and april[1]["status"] == {"cancelled": 1}


def test_a_year_reads_the_month_rows_and_a_week_the_day_rows(
    any_db: Database, any_admin: Actor
) -> None:
    """A year is twelve rows a community and tier, not 365: shown by spoiling March's day rows
    (which only the counting itself could do), which the year does not see and a week does."""
    _orders(any_db, any_admin)
    year, week = ov.year(2026), ov.week(date(2026, 3, 16))
    now = datetime(2026, 12, 1, tzinfo=LOCAL_TZ)
    assert ov.overview(any_db, any_admin, year, now=now).figure("reported").value == 5
    assert ov.overview(any_db, any_admin, week, now=now).figure("reported").value == 1
    with any_db.engine.begin() as conn:
        conn.execute(
            update(OverviewDay)
            .where(OverviewDay.day >= date(2026, 3, 1), OverviewDay.day < date(2026, 4, 1))
            .values(counts="{}")
        )
    assert ov.overview(any_db, any_admin, year, now=now).figure("reported").value == 5
    assert ov.overview(any_db, any_admin, week, now=now).figure("reported").value == 0


def _ticket(db: Database, n: int, received: datetime, due: datetime | None) -> int:
    with db.transaction() as s:
        row = RegulatorTicket(
            ticket_id=f"T-{n}",
            received_at=received,
            reply_due_at=due,
            payload="{}",
        )
        s.add(row)
        s.flush()
        return row.id


def _reply(db: Database, ticket: int, at: datetime) -> int:
    with db.engine.begin() as conn:
        stamp = at.astimezone(UTC)
        value = stamp.strftime("%Y-%m-%d %H:%M:%S.%f") if db.is_sqlite else stamp
        conn.execute(
            text(
                "INSERT INTO ticket_reply (ticket_row_id, at, result, content, reason, username)"
                " VALUES (:t, :at, 'resolved', '已处理', '', 'desk')"
            ),
            {"t": ticket, "at": value},
        )
        return int(conn.execute(text("SELECT max(id) FROM ticket_reply")).scalar_one())


def _first_reply(db: Database, ticket: int) -> datetime | None:
    with db.read() as s:
        return s.scalar(select(RegulatorTicket.first_reply_at).where(RegulatorTicket.id == ticket))


def test_a_tickets_first_reply_follows_its_replies_whatever_writes_them(
    any_db: Database,
) -> None:
    t0 = datetime(2026, 11, 3, 9, 30, 0, 250_000, tzinfo=UTC)
    ticket = _ticket(any_db, 1, t0, None)
    assert _first_reply(any_db, ticket) is None
    later = _reply(any_db, ticket, t0 + timedelta(hours=5))
    assert _first_reply(any_db, ticket) == t0 + timedelta(hours=5)
    earlier = _reply(any_db, ticket, t0 + timedelta(hours=2))
    assert _first_reply(any_db, ticket) == t0 + timedelta(hours=2)
    _reply(any_db, ticket, t0 + timedelta(hours=3))
    assert _first_reply(any_db, ticket) == t0 + timedelta(hours=2)
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE ticket_reply SET at = :at WHERE id = :r"), {
            "at": (t0 + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M:%S.%f")
            if any_db.is_sqlite
            else t0 + timedelta(hours=9),
            "r": earlier,
        })  # fmt: skip
    assert _first_reply(any_db, ticket) == t0 + timedelta(hours=3)
    with any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM ticket_reply WHERE id <> :r"), {"r": later})
    assert _first_reply(any_db, ticket) == t0 + timedelta(hours=5)
    with any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM ticket_reply"))
    assert _first_reply(any_db, ticket) is None


def test_a_ticket_without_a_deadline_is_due_a_day_later_to_the_microsecond(
    any_db: Database,
) -> None:
    """The deadline rule runs in the database (both engines' time arithmetic): a reply at the
    very moment is in time, a microsecond later is late."""
    t0 = datetime(2026, 11, 3, 9, 30, 0, 250_000, tzinfo=UTC)
    day = timedelta(days=1)
    on_time = _ticket(any_db, 1, t0, None)
    _reply(any_db, on_time, t0 + day)
    late = _ticket(any_db, 2, t0, None)
    _reply(any_db, late, t0 + day + timedelta(microseconds=1))
    _ticket(any_db, 3, t0, None)  # never answered: late once its day is over
    given = _ticket(any_db, 4, t0, t0 + timedelta(hours=2))  # the platform's deadline rules
    _reply(any_db, given, t0 + timedelta(hours=3))
    just_in = t0 + day - timedelta(microseconds=1)
    early = inbox.reply_rate(any_db, just_in)
    assert (early.in_time, early.counted) == (1, 3)  # the unanswered one is not due yet
    rate = inbox.reply_rate(any_db, t0 + day + timedelta(microseconds=1))
    assert (rate.in_time, rate.counted) == (1, 4)
    # The overview counts with the same rule.
    month = ov.month(date(2026, 11, 1))
    result = ov.overview(any_db, SYSTEM_ACTOR, month, now=t0 + timedelta(days=3))
    figure = result.figure("regulator_reply_rate")
    assert (figure.hits, figure.count) == (1, 4)


def test_the_reply_rate_lists_exactly_the_orders_it_counts(
    any_db: Database, any_admin: Actor
) -> None:
    """The drill-down of the reply rate is the orders of the tickets counted, those in time and
    those late, with no list of ids to carry."""
    community = make_community(any_db, any_admin)
    t0 = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    made = []
    for n, reply_after in enumerate((timedelta(hours=1), timedelta(days=2), None, None)):
        order_id = make_common_area_order(any_db, any_admin, community.id)
        ticket = _ticket(any_db, n, t0 if n < 3 else t0 + timedelta(days=20), None)
        with any_db.transaction() as s:
            s.execute(
                update(RegulatorTicket)
                .where(RegulatorTicket.id == ticket)
                .values(order_id=order_id)
            )
        if reply_after is not None:
            _reply(any_db, ticket, t0 + reply_after)
        made.append(order_id)
    now = t0 + timedelta(days=20, hours=1)  # the fourth is inside its day: not counted yet
    result = ov.overview(any_db, any_admin, ov.month(date(2026, 11, 1)), now=now)
    figure = result.figure("regulator_reply_rate")
    assert (figure.hits, figure.count) == (1, 3)
    assert figure.drill is not None and figure.drill_hits is not None
    assert figure.drill_missed is not None
    assert _listed(any_db, any_admin, figure.drill, now) == set(made[:3])
    assert _listed(any_db, any_admin, figure.drill_hits, now) == {made[0]}
    assert _listed(any_db, any_admin, figure.drill_missed, now) == set(made[1:3])


def _listed(db: Database, actor: Actor, f: OrderFilter, now: datetime) -> set[int]:
    ids, after = order_page(db, actor, f, limit=100, now=now)
    assert after is None
    return set(ids)


def test_a_few_orders_moves_are_looked_up_by_their_index(any_db: Database) -> None:
    """Counting a batch of noted orders reads their moves by the orders' index; SQLite took the
    covering index of every move instead, a scan of a million orders' moves per 500 ids."""
    if not any_db.is_sqlite:
        return  # PostgreSQL plans it by the orders' index of itself
    with any_db.engine.connect() as conn:
        sql = summary.completions_of([1, 2, 3]).compile(
            conn, compile_kwargs={"literal_binds": True}
        )
        plan = " ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "ix_order_event_order_moves (order_id=?)" in plan


def test_a_whole_backlog_counts_each_day_once(
    any_db: Database, any_admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In one transaction (the demo's fill) a day is counted once however many batches touch
    it; in a transaction a batch (an upgrade's build, the tab's catch-up) once a batch."""
    _orders(any_db, any_admin)
    counted: list[date] = []
    real = summary._count_day

    def count_day(s: Any, q: Any, day: date) -> None:
        counted.append(day)
        real(s, q, day)

    monkeypatch.setattr(summary, "_count_day", count_day)
    with any_db.transaction() as s:
        summary.refresh(s, size=2)
    assert sorted(counted) == sorted({at.date() for at in _ORDERS_AT} | {today_local()})
    with any_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO overview_dirty (order_id, community_id, at)"
                " SELECT id, community_id, reported_at FROM work_order"
            )
        )
    counted.clear()
    with any_db.transaction() as s:
        summary.refresh(s, batches=3, size=2)  # 2, 2 and 1 orders: a day each
    assert len(counted) == 5
    assert _months(any_db) == _months_from_days(any_db)


def _ticket_community(db: Database, ticket: int) -> int | None:
    with db.read() as s:
        return s.scalar(select(RegulatorTicket.community_id).where(RegulatorTicket.id == ticket))


def test_a_tickets_community_follows_its_order_whatever_writes_it(
    any_db: Database, any_admin: Actor
) -> None:
    """A community's reply rate reads its tickets by the ticket's own community_id: set when
    the ticket gets its order, changed when the order moves, by triggers (plain SQL here)."""
    from wuye_desktop.core import directory

    first = make_community(any_db, any_admin)
    other = directory.create_community(
        any_db,
        any_admin,
        directory.CommunityInput(code="QD009", name="第二小区", project_code="370202-009"),
    )
    order = make_common_area_order(any_db, any_admin, first.id)
    t0 = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    placed = _ticket(any_db, 1, t0, None)
    unplaced = _ticket(any_db, 2, t0, None)
    assert _ticket_community(any_db, placed) is None
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE regulator_ticket SET order_id = :o WHERE id = :t"), {
            "o": order, "t": placed
        })  # fmt: skip
    assert _ticket_community(any_db, placed) == first.id
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE work_order SET community_id = :c WHERE id = :o"), {
            "c": other.id, "o": order
        })  # fmt: skip
    assert _ticket_community(any_db, placed) == other.id
    assert _ticket_community(any_db, unplaced) is None
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE regulator_ticket SET order_id = NULL WHERE id = :t"), {
            "t": placed
        })  # fmt: skip
    assert _ticket_community(any_db, placed) is None
    with any_db.engine.begin() as conn:  # a ticket written with its order at once
        conn.execute(
            text(
                "INSERT INTO regulator_ticket (ticket_id, project_code, level, category, content,"
                " received_at, first_seen_at, order_id, problem, payload) VALUES ('T-9', '',"
                " 'normal', 'other', '', :at, :at, :o, '', '{}')"
            ),
            {"at": t0.strftime("%Y-%m-%d %H:%M:%S.%f") if any_db.is_sqlite else t0, "o": order},
        )
        made = conn.execute(text("SELECT id FROM regulator_ticket WHERE ticket_id = 'T-9'"))
    assert _ticket_community(any_db, made.scalar_one()) == other.id
