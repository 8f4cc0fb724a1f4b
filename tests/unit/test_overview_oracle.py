"""Every figure of the overview against a brute-force computation over the same rows, and every
drill-down against the work-order list (DESIGN §3 "Overview": the list and the figure agree),
on SQLite and PostgreSQL.

Hypothesis writes orders straight into the tables, with times the services would only give over
weeks: reports around Asia/Shanghai midnight and the months' boundaries, pauses (ended and
open), status moves (completed, reopened, closed, cancelled, and notes written while completed),
callbacks, commitment letters, the regulator's tickets with their replies and supervision
notices. The oracle is plain Python over what was generated.
"""

from __future__ import annotations

import importlib
import itertools
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from tests.conftest import _set_up_company
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import LOCAL_TZ
from wuye_desktop.core.orders.list_query import OrderFilter, order_page
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.settings import DEFAULT_DUE_SOON_MINUTES
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Callback,
    Commitment,
    Community,
    OrderEvent,
    OrderPause,
    RegulatorTicket,
    Supervision,
    TicketReply,
    WorkOrder,
)

PERIOD = ov.parse_period("2026-11")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LOCAL_TZ)
OPEN = {"accepted", "dispatched", "in_progress", "reopened"}
DAYS = [date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 31), date(2026, 11, 1),
        date(2026, 11, 15), date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)]  # fmt: skip
MINUTE_OF_DAY = st.one_of(st.sampled_from([0, 1, 479, 480, 1438, 1439]), st.integers(0, 1439))
SATISFACTION = ["satisfied", "basically_satisfied", "dissatisfied"]
offset = st.integers(0, 60 * 24 * 45)  # minutes after the report


@st.composite
def moment(draw: st.DrawFn) -> datetime:
    day = draw(st.sampled_from(DAYS))
    return datetime.combine(day, time(0), LOCAL_TZ) + timedelta(minutes=draw(MINUTE_OF_DAY))


order_st = st.fixed_dictionaries(
    {
        "community": st.integers(0, 1),
        "tier": st.sampled_from(["immediate", "time_limited", "promised"]),
        "category": st.sampled_from(["water_leak", "elevator", "lighting"]),
        "channel": st.sampled_from(["property", "repair_contractor", "developer"]),
        "source": st.sampled_from(["phone", "qr_code", "regulator_platform"]),
        "status": st.sampled_from(
            [
                "accepted",
                "dispatched",
                "in_progress",
                "completed",
                "closed",
                "reopened",
                "cancelled",
            ]
        ),
        "reported": moment(),
        "response_due": st.integers(1, 60 * 24 * 3),
        "responded": st.none() | offset,
        "completion_due": st.integers(60, 60 * 24 * 20),
        "completed": st.none() | offset,
        "paused_now": st.booleans(),
        "pauses": st.lists(st.tuples(offset, st.integers(1, 60 * 24 * 3)), max_size=2),
        "events": st.lists(
            st.tuples(
                st.sampled_from(["completed", "reopened", "closed", "cancelled", "note"]), offset
            ),
            max_size=3,
        ),
        "callbacks": st.lists(st.tuples(offset, st.sampled_from(SATISFACTION)), max_size=2),
        "commitment": st.none() | st.integers(0, 60 * 24 * 4),
        "callback_due": st.none() | st.integers(-60 * 24 * 5, 60 * 24 * 5),  # from NOW
    }
)
ticket_st = st.fixed_dictionaries(
    {
        "received": moment(),
        "due": st.none() | st.integers(0, 60 * 24 * 3),
        "reply": st.none() | st.integers(0, 60 * 24 * 4),
        "order": st.none() | st.integers(0, 30),
        "project": st.integers(0, 2),
    }
)
notice_st = st.fixed_dictionaries(
    {"issued": moment(), "deadline": st.integers(0, 60 * 24 * 10), "order": st.integers(0, 30)}
)
PROJECTS = ["370202-001", "370202-002", "370202-999"]
MINUTES_MIGRATION = importlib.import_module(
    "wuye_desktop.storage.migrations.versions.0013_order_minutes"
)


def _write(db: Database, data: dict[str, Any]) -> tuple[list[int], list[int]]:
    """The generated rows into the tables; the communities' and orders' ids."""
    with db.transaction() as s:
        cids = []
        for i, code in enumerate(("QD001", "QD002")):
            c = Community(code=code, name=f"小区{i}", project_code=PROJECTS[i])
            s.add(c)
            s.flush()
            cids.append(c.id)
        ids = []
        for n, o in enumerate(data["orders"]):
            r = o["reported"]
            w = WorkOrder(
                number=f"GD20261101-{n:04d}",
                community_id=cids[o["community"]],
                category=o["category"],
                channel=o["channel"],
                source=o["source"],
                tier=o["tier"],
                status=o["status"],
                description="漏水",
                reported_at=r,
                response_due=r + timedelta(minutes=o["response_due"]),
                completion_due=r + timedelta(minutes=o["completion_due"]),
                responded_at=_after(r, o["responded"]),
                completed_at=_after(r, o["completed"]),
                paused_since=r + timedelta(minutes=7) if o["paused_now"] else None,
                callback_due=_after(NOW, o["callback_due"]),
            )
            s.add(w)
            s.flush()
            ids.append(w.id)
            for start, length in o["pauses"]:
                s.add(OrderPause(order_id=w.id, start=r + timedelta(minutes=start),
                                 end=r + timedelta(minutes=start + length)))  # fmt: skip
            if o["paused_now"]:
                s.add(OrderPause(order_id=w.id, start=r + timedelta(minutes=7), end=None))
            for status, at in o["events"]:
                kind = "note" if status == "note" else "status"
                s.add(OrderEvent(order_id=w.id, at=r + timedelta(minutes=at), kind=kind,
                                 status="completed" if kind == "note" else status))  # fmt: skip
            for at, satisfaction in o["callbacks"]:
                s.add(Callback(order_id=w.id, at=r + timedelta(minutes=at), method="phone",
                               satisfaction=satisfaction))  # fmt: skip
            if o["commitment"] is not None and o["tier"] == "promised":
                s.add(Commitment(order_id=w.id, number=f"CN20261101-{n:04d}", plan="换管",
                                 promised_date="2026-12-31", responsible_unit="物业",
                                 responsible_person="李工",
                                 issued_at=r + timedelta(minutes=o["commitment"]),
                                 issued_by="desk"))  # fmt: skip
        for n, t in enumerate(data["tickets"]):
            order = ids[t["order"]] if t["order"] is not None and t["order"] < len(ids) else None
            row = RegulatorTicket(ticket_id=f"T{n}", project_code=PROJECTS[t["project"]],
                                  received_at=t["received"], order_id=order,
                                  reply_due_at=_after(t["received"], t["due"]), payload="{}")  # fmt: skip
            s.add(row)
            s.flush()
            if t["reply"] is not None:
                for extra in (0, 30):  # the first reply is the one judged
                    s.add(TicketReply(ticket_row_id=row.id, result="done", content="已处理",
                                      at=t["received"] + timedelta(minutes=t["reply"] + extra)))  # fmt: skip
        for n, v in enumerate(data["notices"]):
            order = ids[v["order"]] if v["order"] < len(ids) else None
            s.add(Supervision(supervision_id=f"S{n}", order_id=order, issued_at=v["issued"],
                              deadline=v["issued"] + timedelta(minutes=v["deadline"]),
                              content="督办", payload="{}"))  # fmt: skip
    return cids, ids


def _change(
    db: Database, data: dict[str, Any], ids: list[int], changes: list[tuple[int, int]]
) -> None:
    """Plain SQL changes the precomputed figures must follow (their triggers note them): an
    order moved to the other community, its timeline, callbacks or letter deleted."""
    with db.engine.begin() as conn:
        for n, what in changes:
            if n >= len(ids):
                continue
            o, oid = data["orders"][n], {"id": ids[n]}
            if what == 0:
                o["community"] = 1 - o["community"]
                conn.execute(
                    text(
                        "UPDATE work_order SET community_id = (SELECT id FROM community"
                        " WHERE code = :code) WHERE id = :id"
                    ),
                    {**oid, "code": ("QD001", "QD002")[o["community"]]},
                )
            elif what == 1:
                o["events"] = []
                conn.execute(text("DELETE FROM order_event WHERE order_id = :id"), oid)
            elif what == 2:
                o["callbacks"] = []
                conn.execute(text("DELETE FROM callback WHERE order_id = :id"), oid)
            else:
                o["commitment"] = None
                conn.execute(text("DELETE FROM commitment WHERE order_id = :id"), oid)


def _after(start: datetime, minutes: int | None) -> datetime | None:
    return None if minutes is None else start + timedelta(minutes=minutes)


# --- the oracle: the definitions of docs/overview.md, in plain Python -------------------------


class Oracle:
    def __init__(self, data: dict[str, Any], cids: list[int], ids: list[int]) -> None:
        self.orders = [
            dict(o, id=i, cid=cids[o["community"]])
            for o, i in zip(data["orders"], ids, strict=True)
        ]
        self.data, self.cids, self.ids = data, cids, ids

    def at(self, o: dict[str, Any], key: str) -> datetime | None:
        return _after(o["reported"], o[key])

    def due(self, o: dict[str, Any], key: str) -> datetime:
        return o["reported"] + timedelta(minutes=o[key])

    def events(self, o: dict[str, Any], status: str) -> list[datetime]:
        return [o["reported"] + timedelta(minutes=m) for s, m in o["events"] if s == status]

    def commitment(self, o: dict[str, Any]) -> datetime | None:
        if o["tier"] != "promised" or o["commitment"] is None:
            return None
        return o["reported"] + timedelta(minutes=o["commitment"])

    def slice(self, key: str, p: ov.Period, cid: int | None, tier: str = "") -> set[int]:
        out = set()
        for o in self.orders:
            if (cid is not None and o["cid"] != cid) or (tier and o["tier"] != tier):
                continue
            if self.holds(key, o, p):
                out.add(o["id"])
        return out

    def holds(self, key: str, o: dict[str, Any], p: ov.Period) -> bool:
        start, end = p.start_at, p.end_at
        if key == "completed_in_period":
            return any(start <= t < end for t in self.events(o, "completed"))
        if key == "called_back":
            return self.holds("completed_in_period", o, p) and bool(o["callbacks"])
        calls = [(o["reported"] + timedelta(minutes=m), s) for m, s in o["callbacks"]]
        if key == "callback_in_period":
            return any(start <= t < end for t, _ in calls)
        if key == "satisfied_in_period":
            return any(start <= t < end and s != "dissatisfied" for t, s in calls)
        if key == "unsatisfied_in_period":
            return any(start <= t < end and s == "dissatisfied" for t, s in calls)
        if not start <= o["reported"] < end:
            return False
        completed_once = bool(self.events(o, "completed"))
        reopened = bool(self.events(o, "reopened"))
        if key == "reported":
            return True
        if key == "reopened":
            return reopened
        if key == "fix_rated":
            return completed_once
        if key == "fixed_first_time":
            return completed_once and not reopened
        if o["status"] == "cancelled":
            return False
        responded, completed = self.at(o, "responded"), self.at(o, "completed")
        unpaused = not o["paused_now"]
        if key == "response_rated":
            return responded is not None or (unpaused and self.due(o, "response_due") < NOW)
        if key == "response_on_time":
            return responded is not None and responded <= self.due(o, "response_due")
        if key == "completion_rated":
            return completed is not None or (unpaused and self.due(o, "completion_due") < NOW)
        if key == "completion_on_time":
            return completed is not None and completed <= self.due(o, "completion_due")
        if key == "responded":
            return responded is not None
        if key == "completed":
            return completed is not None
        letter = self.commitment(o)
        if key == "commitment_rated":
            return o["tier"] == "promised" and (
                letter is not None or (unpaused and self.due(o, "response_due") < NOW)
            )
        if key == "commitment_on_time":
            return letter is not None and letter <= self.due(o, "response_due")
        raise AssertionError(key)

    def minutes(self, o: dict[str, Any], until: datetime) -> float:
        """Calendar minutes from the report to *until*, less every pause (an open one stops the
        clock for good)."""
        cuts = [(o["reported"] + timedelta(minutes=a), o["reported"] + timedelta(minutes=a + n))
                for a, n in o["pauses"]]  # fmt: skip
        if o["paused_now"]:
            cuts.append((o["reported"] + timedelta(minutes=7), datetime.max.replace(tzinfo=UTC)))
        running, t = timedelta(0), o["reported"]
        step = timedelta(minutes=1)  # every generated time is on a whole minute
        while t < until:
            if not any(a <= t < b for a, b in cuts):
                running += step
            t += step
        return running.total_seconds() / 60

    def times(self, key: str, p: ov.Period, cid: int | None) -> list[float]:
        chosen = self.slice(key, p, cid)
        return [self.minutes(o, self.at(o, key) or NOW) for o in self.orders if o["id"] in chosen]

    def callbacks(self, p: ov.Period, cid: int | None) -> tuple[int, int]:
        n = h = 0
        for o in self.orders:
            if cid is not None and o["cid"] != cid:
                continue
            for m, s in o["callbacks"]:
                if p.start_at <= o["reported"] + timedelta(minutes=m) < p.end_at:
                    n += 1
                    h += s != "dissatisfied"
        return n, h

    def tickets(self, p: ov.Period, cid: int | None) -> list[tuple[int | None, bool]]:
        out = []
        for t in self.data["tickets"]:
            order = (
                self.ids[t["order"]]
                if t["order"] is not None and t["order"] < len(self.ids)
                else None
            )
            if not p.start_at <= t["received"] < p.end_at:
                continue
            if cid is not None:
                mine = (
                    next(o["cid"] for o in self.orders if o["id"] == order) == cid
                    if order is not None
                    else PROJECTS[t["project"]] == PROJECTS[self.cids.index(cid)]
                )
                if not mine:
                    continue
            due = _after(t["received"], t["due"]) or t["received"] + timedelta(days=1)
            first = _after(t["received"], t["reply"])
            if first is not None:
                out.append((order, first <= due))
            elif due < NOW:
                out.append((order, False))
        return out

    def notices(self, p: ov.Period, cid: int | None) -> list[tuple[int | None, bool]]:
        out = []
        for v in self.data["notices"]:
            if not p.start_at <= v["issued"] < p.end_at:
                continue
            o = self.orders[v["order"]] if v["order"] < len(self.orders) else None
            if cid is not None and (o is None or o["cid"] != cid):
                continue
            deadline = v["issued"] + timedelta(minutes=v["deadline"])
            answers = [
                o["reported"] + timedelta(minutes=m)
                for s, m in (o["events"] if o else [])
                if s in ("completed", "closed", "cancelled")
                and o["reported"] + timedelta(minutes=m) >= v["issued"]
            ]
            if answers:
                out.append((o["id"] if o else None, min(answers) <= deadline))
            elif o is None:
                continue
            elif o["status"] not in OPEN:
                out.append((o["id"], True))
            elif deadline < NOW:
                out.append((o["id"], False))
        return out

    def now_ids(self, key: str, cid: int | None) -> set[int]:
        out = set()
        soon = NOW + timedelta(minutes=DEFAULT_DUE_SOON_MINUTES)
        end_of_day = datetime.combine(NOW.date() + timedelta(days=1), time(0), LOCAL_TZ)
        for o in self.orders:
            if cid is not None and o["cid"] != cid:
                continue
            live = o["status"] in OPEN and not o["paused_now"]
            cdue, rdue = self.due(o, "completion_due"), self.due(o, "response_due")
            hit = {
                "overdue": live and (cdue < NOW or (o["responded"] is None and rdue < NOW)),
                "due_soon": live and NOW <= cdue < soon,
                "callbacks_due": o["status"] == "completed"
                and o["callback_due"] is not None
                and _after(NOW, o["callback_due"]) < end_of_day,  # type: ignore[operator]
            }[key]
            if hit:
                out.add(o["id"])
        return out


def listed(db: Database, actor: Actor, f: OrderFilter) -> set[int]:
    """The work-order list under *f*, paged to the end as the list view pages it."""
    ids: list[int] = []
    after = None
    while True:
        page, after = order_page(db, actor, f, after=after, limit=4, now=NOW)
        ids += page
        if after is None:
            break
    assert len(ids) == len(set(ids))
    return set(ids)


_RATES = {
    "response_on_time": ("response_rated", "response_on_time"),
    "completion_on_time": ("completion_rated", "completion_on_time"),
    "commitment_in_48h": ("commitment_rated", "commitment_on_time"),
    "first_time_fix": ("fix_rated", "fixed_first_time"),
    "callback_coverage": ("completed_in_period", "called_back"),
}


def _ratio(h: int, n: int) -> float | None:
    return h / n if n else None


def _close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and math.isclose(a, b, abs_tol=1e-6)
    )


def check_overview(db: Database, admin: Actor, oracle: Oracle, cid: int | None) -> None:
    result = ov.overview(db, admin, PERIOD, cid, now=NOW)
    assert result.figures is not None and result.breakdowns is not None
    prev = PERIOD.previous()
    for f in result.figures:
        stem = f.key.split(".")[0]
        if stem in _RATES:
            base, hits = _RATES[stem]
            for p, value in ((PERIOD, f.value), (prev, f.previous)):
                n = len(oracle.slice(base, p, cid, f.tier))
                h = len(oracle.slice(hits, p, cid, f.tier))
                assert _close(value, _ratio(h, n)), (f.key, p, value, h, n)
            assert f.drill is not None and f.drill_hits is not None
            assert listed(db, admin, f.drill) == oracle.slice(base, PERIOD, cid, f.tier), f.key
            assert listed(db, admin, f.drill_hits) == oracle.slice(hits, PERIOD, cid, f.tier)
            assert f.count == len(oracle.slice(base, PERIOD, cid, f.tier))
            # What a manager clicks the bad number for: counted and not met.
            assert f.drill_missed is not None
            assert listed(db, admin, f.drill_missed) == oracle.slice(
                base, PERIOD, cid, f.tier
            ) - oracle.slice(hits, PERIOD, cid, f.tier)
        elif stem in ("reported", "reopened"):
            assert f.value == len(oracle.slice(stem, PERIOD, cid))
            assert f.previous == len(oracle.slice(stem, prev, cid))
            assert f.drill is not None and listed(db, admin, f.drill) == oracle.slice(
                stem, PERIOD, cid
            )
        elif stem.endswith(("_avg", "_p90")):
            key = "responded" if stem.startswith("response") else "completed"
            for p, value in ((PERIOD, f.value), (prev, f.previous)):
                values = oracle.times(key, p, cid)
                want = (
                    (sum(values) / len(values) if values else None)
                    if stem.endswith("_avg")
                    else (sorted(values)[math.ceil(0.9 * len(values)) - 1] if values else None)
                )
                assert _close(value, want), (f.key, p, value, want)
            assert f.drill is not None
            assert listed(db, admin, f.drill) == oracle.slice(key, PERIOD, cid)
        elif stem == "satisfaction":
            for p, value in ((PERIOD, f.value), (prev, f.previous)):
                n, h = oracle.callbacks(p, cid)
                assert _close(value, _ratio(h, n)), (p, value, h, n)
            assert f.drill is not None and f.drill_hits is not None
            assert listed(db, admin, f.drill) == oracle.slice("callback_in_period", PERIOD, cid)
            assert listed(db, admin, f.drill_hits) == oracle.slice(
                "satisfied_in_period", PERIOD, cid
            )
            assert f.drill_missed is not None
            assert listed(db, admin, f.drill_missed) == oracle.slice(
                "unsatisfied_in_period", PERIOD, cid
            )
        else:
            judge = oracle.tickets if stem == "regulator_reply_rate" else oracle.notices
            for p, value in ((PERIOD, f.value), (prev, f.previous)):
                pairs = judge(p, cid)
                assert _close(value, _ratio(sum(ok for _, ok in pairs), len(pairs))), f.key
            pairs = judge(PERIOD, cid)
            assert f.drill is not None and f.drill_hits is not None
            assert listed(db, admin, f.drill) == {o for o, _ in pairs if o is not None}
            assert listed(db, admin, f.drill_hits) == {o for o, ok in pairs if ok and o is not None}
            assert f.drill_missed is not None
            assert listed(db, admin, f.drill_missed) == {
                o for o, ok in pairs if not ok and o is not None
            }
    for b in result.breakdowns:
        for p, attr in ((PERIOD, "count"), (prev, "previous")):
            want: dict[str, int] = {}
            for o in oracle.orders:
                if (cid is None or o["cid"] == cid) and p.start_at <= o["reported"] < p.end_at:
                    want[o[b.key]] = want.get(o[b.key], 0) + 1
            got = {c.value: getattr(c, attr) for c in b.cells if getattr(c, attr)}
            assert got == want, (b.key, p)
        for c in b.cells:
            expected = {
                o["id"]
                for o in oracle.orders
                if (cid is None or o["cid"] == cid)
                and PERIOD.start_at <= o["reported"] < PERIOD.end_at
                and o[b.key] == c.value
            }
            assert listed(db, admin, c.drill) == expected, (b.key, c.value)
    assert result.trend is not None
    points = result.trend.points
    assert points[0].start == PERIOD.start and points[-1].end == PERIOD.end
    for a, b2 in itertools.pairwise(points):
        assert a.end == b2.start
    for pt in points:
        span = ov.custom(pt.start, pt.end - timedelta(days=1))
        assert pt.reported == len(oracle.slice("reported", span, cid))
        assert pt.completion_rated == len(oracle.slice("completion_rated", span, cid))
        assert pt.completion_on_time == len(oracle.slice("completion_on_time", span, cid))
        assert listed(db, admin, pt.drill) == oracle.slice("reported", span, cid)
    assert result.by_community is not None
    for row in result.by_community:
        assert row.rated == len(oracle.slice("completion_rated", PERIOD, row.community_id))
        assert row.on_time == len(oracle.slice("completion_on_time", PERIOD, row.community_id))
        assert listed(db, admin, row.drill_hits) == oracle.slice(
            "completion_on_time", PERIOD, row.community_id
        )
    for f in (result.now.overdue, result.now.due_soon, result.now.callbacks_due):
        assert f.drill is not None
        want_ids = oracle.now_ids(f.key, cid)
        assert f.value == len(want_ids), f.key
        assert listed(db, admin, f.drill) == want_ids, f.key


def test_overview_equals_the_oracle(fresh_db: Callable[[], Any]) -> None:
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        data=st.fixed_dictionaries(
            {
                "orders": st.lists(order_st, max_size=12),
                # A ticket makes at most one order (regulator_ticket.order_id is unique).
                "tickets": st.lists(
                    ticket_st,
                    max_size=4,
                    unique_by=lambda t: t["order"] if t["order"] is not None else id(t),
                ),
                "notices": st.lists(notice_st, max_size=3),
            }
        ),
        scope=st.integers(0, 2),
        stored=st.booleans(),
        changed=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 3)), max_size=3),
    )
    def check(
        data: dict[str, Any], scope: int, stored: bool, changed: list[tuple[int, int]]
    ) -> None:
        with fresh_db() as db:
            admin = _set_up_company(db)
            cids, ids = _write(db, data)
            if stored:  # the minutes as the migration fills them; without, computed as before
                with db.engine.begin() as conn:
                    MINUTES_MIGRATION.fill_minutes(conn)
            if changed:  # counted once, then changed behind the services' back
                ov.overview(db, admin, PERIOD, None, now=NOW)
                _change(db, data, ids, changed)
            oracle = Oracle(data, cids, ids)
            check_overview(db, admin, oracle, None if scope == 2 else cids[scope])

    check()
