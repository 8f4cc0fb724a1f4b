"""The overview service: one call computes every figure of a scope and period against the
previous period, for the 概览 tab, ``wuye stats``, the Excel export and the monthly report.

Who sees what: managers and administrators everything (``Permission.OVERVIEW_READ``); the desk
only what is due now (``OVERVIEW_TODAY``); finance nothing. Every count goes through the
conditions of :mod:`.slices`, the same the work-order list filters with.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, false, func, not_, or_, select, true
from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.deadlines import ClockMode, DeadlineRules, Pause, elapsed
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.callback_stats import (
    SATISFIED_VALUES,
    callbacks_between,
    completed_between,
)
from wuye_desktop.core.orders.list_query import OrderFilter
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.orders.urgency import due_soon_clause, overdue_clause
from wuye_desktop.core.overview.figures import BREAKDOWN_TITLES, FIGURES
from wuye_desktop.core.overview.model import (
    Breakdown,
    Cell,
    CommunityRate,
    Figure,
    NowFigures,
    Overview,
    Scope,
    Trend,
    TrendPoint,
    Unit,
)
from wuye_desktop.core.overview.periods import Period, PeriodKind, local_midnight
from wuye_desktop.core.overview.regulator_rules import (
    REPLY_TARGET,
    reply_in_time,
    supervision_in_time,
)
from wuye_desktop.core.overview.slices import OrderSlice, SliceKey, slice_condition
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import due_soon_minutes, load_rules
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Callback,
    Community,
    OrderEvent,
    OrderPause,
    RegulatorTicket,
    Supervision,
    TicketReply,
    WorkOrder,
)

TIERS = tuple(t.value for t in Tier)
BREAKDOWN_COLUMNS = ("category", "tier", "channel", "source", "status")
# The slices counted per tier over the orders reported in the period.
_COHORT_SLICES = (
    SliceKey.REPORTED,
    SliceKey.RESPONSE_RATED,
    SliceKey.RESPONSE_ON_TIME,
    SliceKey.COMPLETION_RATED,
    SliceKey.COMPLETION_ON_TIME,
    SliceKey.COMMITMENT_RATED,
    SliceKey.COMMITMENT_ON_TIME,
    SliceKey.FIX_RATED,
    SliceKey.FIXED_FIRST_TIME,
    SliceKey.REOPENED,
)
# Counted over the orders completed in the period (callback coverage); the callbacks made in it
# are counted as callbacks (_callbacks), not as orders.
_PERIOD_SLICES = (SliceKey.COMPLETED_IN_PERIOD, SliceKey.CALLED_BACK)
# Answering a supervision notice: the order done, closed or cancelled.
_ANSWERING = (Status.COMPLETED.value, Status.CLOSED.value, Status.CANCELLED.value)


_NOT_CANCELLED_ORDER = WorkOrder.status != Status.CANCELLED.value


def calendar_clock(rules: DeadlineRules) -> ColumnElement[bool]:
    """The orders whose (tier, category) rule runs on the calendar clock under *rules*."""
    parts = []
    for tier, rule in rules.tiers.items():
        other = sorted(
            c for (t, c), r in rules.overrides.items() if t == tier and r.mode != rule.mode
        )
        if rule.mode is ClockMode.CALENDAR:
            parts.append(
                and_(WorkOrder.tier == tier, WorkOrder.category.not_in(other))
                if other
                else WorkOrder.tier == tier
            )
        elif other:
            parts.append(and_(WorkOrder.tier == tier, WorkOrder.category.in_(other)))
    return or_(*parts) if parts else false()


def _sum(cond: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value with *share* of them at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class _Times:
    """Minutes to respond (or to complete) over a period's orders."""

    count: int = 0
    total: float = 0.0
    p90: float | None = None

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None


@dataclass
class _Measures:
    """Everything counted over one period (the current or the previous)."""

    by_tier: dict[SliceKey, dict[str, int]] = field(default_factory=dict)
    in_period: dict[SliceKey, int] = field(default_factory=dict)
    callbacks: int = 0
    satisfied: int = 0
    response: _Times = field(default_factory=_Times)
    completion: _Times = field(default_factory=_Times)
    tickets: list[tuple[int | None, bool]] = field(default_factory=list)  # (order id, in time)
    notices: list[tuple[int | None, bool]] = field(default_factory=list)
    cells: dict[str, dict[str, int]] = field(default_factory=dict)
    # Per trend step and per community, counted in the same pass (the current period only).
    steps: dict[int, dict[SliceKey, int]] = field(default_factory=dict)
    communities: dict[int, dict[SliceKey, int]] = field(default_factory=dict)

    def total(self, key: SliceKey, tier: str = "") -> int:
        counts = self.by_tier.get(key, {})
        return counts.get(tier, 0) if tier else sum(counts.values())


class _Counter:
    """Counts one scope's periods in one read transaction."""

    def __init__(self, s: Session, scope: Scope, now: datetime) -> None:
        self.s, self.scope, self.now = s, scope, now
        calendar = calendar_clock(load_rules(s))
        # The orders whose minutes SQL reads as stored (see _times).
        self.fast = {
            stem: and_(_NOT_CANCELLED_ORDER, at.is_not(None), minutes.is_not(None), calendar)
            for stem, at, minutes in (
                ("response", WorkOrder.responded_at, WorkOrder.response_minutes),
                ("completion", WorkOrder.completed_at, WorkOrder.completion_minutes),
            )
        }

    def in_scope(self) -> ColumnElement[bool]:
        cid = self.scope.community_id
        return true() if cid is None else WorkOrder.community_id == cid

    def measure(self, period: Period, detail: bool = False) -> _Measures:
        """The period's counts; with *detail*, per trend step and community as well."""
        m = _Measures()
        sl = {
            k: OrderSlice(k, period.start, period.end) for k in (*_COHORT_SLICES, *_PERIOD_SLICES)
        }
        conds = {k: slice_condition(v, self.now) for k, v in sl.items()}
        # The times' counts and sums ride along in the same pass over the period's orders.
        timed: dict[str, Any] = {}
        for stem, key, minutes in (
            ("response", SliceKey.RESPONDED, WorkOrder.response_minutes),
            ("completion", SliceKey.COMPLETED, WorkOrder.completion_minutes),
        ):
            done = slice_condition(OrderSlice(key, period.start, period.end), self.now)
            timed[f"{stem}_fast"] = _sum(self.fast[stem])
            timed[f"{stem}_sum"] = func.sum(case((self.fast[stem], minutes), else_=None))
            timed[f"{stem}_slow"] = _sum(and_(done, not_(self.fast[stem])))
        # One pass over the period's orders counts them per value of each breakdown's column
        # (tier among them), and, for the trend and the on-time rate by community, per trend
        # step and community (the steps partition the period, so a step's orders are those of
        # the period reported in it).
        groups: list[Any] = [getattr(WorkOrder, c) for c in BREAKDOWN_COLUMNS]
        tier_at, detail_at = BREAKDOWN_COLUMNS.index("tier"), len(groups)
        if detail:
            _step, buckets = trend_buckets(period)
            step = case(
                *(
                    (WorkOrder.reported_at < local_midnight(hi), i)
                    for i, (_lo, hi) in enumerate(buckets)
                ),
                else_=len(buckets) - 1,
            )
            groups += [WorkOrder.community_id, step]
        rows = self.s.execute(
            select(*groups, *(_sum(conds[k]) for k in _COHORT_SLICES), *timed.values())
            .where(conds[SliceKey.REPORTED], self.in_scope())
            .group_by(*groups)
        ).all()
        for k in _COHORT_SLICES:
            m.by_tier[k] = defaultdict(int)
        m.cells = {c: defaultdict(int) for c in BREAKDOWN_COLUMNS}
        counted: dict[str, Any] = dict.fromkeys(timed, 0)
        for row in rows:
            tier, counts = row[tier_at], row[len(groups) :]
            for c, value in zip(BREAKDOWN_COLUMNS, row, strict=False):
                m.cells[c][value] += int(counts[0])  # REPORTED: every order of the pass
            for k, n in zip(_COHORT_SLICES, counts[: len(_COHORT_SLICES)], strict=True):
                m.by_tier[k][tier] += int(n)
                if detail:
                    for into in (
                        m.communities.setdefault(row[detail_at], defaultdict(int)),
                        m.steps.setdefault(row[detail_at + 1], defaultdict(int)),
                    ):
                        into[k] += int(n)
            for name, value in zip(timed, counts[len(_COHORT_SLICES) :], strict=True):
                if value is not None:
                    counted[name] += value if name.endswith("_sum") else int(value)
        # The orders of slices COMPLETED_IN_PERIOD and CALLED_BACK, counted from the moves to
        # completed (an index of them by time) rather than by reading every order.
        moved = completed_between(period.start_at, period.end_at).subquery()
        called_back = exists(select(Callback.id).where(Callback.order_id == moved.c.order_id))
        stmt = select(func.count(), _sum(called_back)).select_from(moved)
        if self.scope.community_id is not None:
            stmt = stmt.join(WorkOrder, WorkOrder.id == moved.c.order_id).where(self.in_scope())
        n, h = self.s.execute(stmt).one()
        m.in_period[SliceKey.COMPLETED_IN_PERIOD] = int(n or 0)
        m.in_period[SliceKey.CALLED_BACK] = int(h or 0)
        self._callbacks(m, period)
        self._times(m, sl[SliceKey.REPORTED], counted)
        self._regulator(m, period)
        return m

    def _callbacks(self, m: _Measures, period: Period) -> None:
        when = callbacks_between(period.start_at, period.end_at)
        stmt = select(
            func.count(Callback.id), _sum(Callback.satisfaction.in_(SATISFIED_VALUES))
        ).where(when)
        if self.scope.community_id is not None:
            stmt = stmt.join(WorkOrder, WorkOrder.id == Callback.order_id).where(self.in_scope())
        count, satisfied = self.s.execute(stmt).one()
        m.callbacks, m.satisfied = int(count or 0), int(satisfied or 0)

    def _times(self, m: _Measures, reported: OrderSlice, counted: dict[str, int]) -> None:
        """Minutes to respond and to complete, on each order's deadline clock.

        An order whose rule runs on the calendar clock has them stored (storage.clock_minutes),
        so SQL averages them and takes their percentile; the others (working-time rules, or a
        time without its stored minutes) are computed here order by order, as the deadlines
        count them, and the percentile is then taken over all of them in Python.
        """
        for stem, column, into in (
            ("response", WorkOrder.response_minutes, m.response),
            ("completion", WorkOrder.completion_minutes, m.completion),
        ):
            into.count = counted[f"{stem}_fast"] + counted[f"{stem}_slow"]
            into.total = float(counted[f"{stem}_sum"] or 0.0)
            fast = and_(self.fast[stem], slice_condition(reported, self.now), self.in_scope())
            if counted[f"{stem}_slow"]:
                values = [float(v or 0) for v in self.s.scalars(select(column).where(fast))]
                values += self._computed(stem, reported)
                into.total = sum(values)
                into.p90 = percentile(values, 0.9)
            elif into.count:
                into.p90 = self._p90(column, fast, into.count)

    def _p90(self, column: Any, cond: ColumnElement[bool], n: int) -> float | None:
        """The nearest-rank 90th percentile of *column* over *n* rows, in SQL."""
        if self.s.get_bind().dialect.name == "postgresql":
            stmt = select(func.percentile_disc(0.9).within_group(column)).where(cond)
            value = self.s.scalar(stmt)
        else:
            # Counted from the top, SQLite keeps only the highest tenth while it reads.
            rank = max(0, math.ceil(0.9 * n) - 1)
            value = self.s.scalar(
                select(column).where(cond).order_by(column.desc()).offset(n - 1 - rank).limit(1)
            )
        return None if value is None else float(value)

    def _computed(self, stem: str, reported: OrderSlice) -> list[float]:
        """The minutes of the orders without a stored value, on their rule's clock."""
        rules = load_rules(self.s)
        key = SliceKey.RESPONDED if stem == "response" else SliceKey.COMPLETED
        moment_col = WorkOrder.responded_at if stem == "response" else WorkOrder.completed_at
        cond = and_(
            slice_condition(OrderSlice(key, reported.start, reported.end), self.now),
            not_(self.fast[stem]),
            self.in_scope(),
        )
        rows = self.s.execute(
            select(
                WorkOrder.id,
                WorkOrder.tier,
                WorkOrder.category,
                WorkOrder.reported_at,
                moment_col,
            ).where(cond)
        ).all()
        pauses: dict[int, list[Pause]] = defaultdict(list)
        for order_id, start, end in self.s.execute(
            select(OrderPause.order_id, OrderPause.start, OrderPause.end).where(
                OrderPause.order_id.in_(select(WorkOrder.id).where(cond))
            )
        ):
            pauses[order_id].append(Pause(start, end))
        out = []
        for order_id, tier, category, reported_at, moment in rows:
            assert moment is not None  # the slice holds orders with that time
            rule = rules.rule(tier, category) if tier in rules.tiers else None
            took = (
                elapsed(reported_at, moment, rule.mode, rules.calendar, pauses[order_id])
                if rule is not None
                else moment - reported_at
            )
            out.append(max(took, timedelta(0)).total_seconds() / 60)
        return out

    def _regulator(self, m: _Measures, period: Period) -> None:
        first = (
            select(TicketReply.ticket_row_id, func.min(TicketReply.at).label("first_at"))
            .group_by(TicketReply.ticket_row_id)
            .subquery()
        )
        stmt = (
            select(
                RegulatorTicket.order_id,
                RegulatorTicket.reply_due_at,
                RegulatorTicket.received_at,
                first.c.first_at,
            )
            .outerjoin(first, first.c.ticket_row_id == RegulatorTicket.id)
            .outerjoin(WorkOrder, WorkOrder.id == RegulatorTicket.order_id)
            .where(
                RegulatorTicket.received_at >= period.start_at,
                RegulatorTicket.received_at < period.end_at,
            )
        )
        if self.scope.community_id is not None:
            stmt = stmt.where(_ticket_in_community(self.scope))
        for order_id, due, received, first_at in self.s.execute(stmt):
            verdict = reply_in_time(due, received, first_at, self.now)
            if verdict is not None:
                m.tickets.append((order_id, verdict))
        answered = (
            select(func.min(OrderEvent.at))
            .where(
                OrderEvent.order_id == Supervision.order_id,
                OrderEvent.kind == "status",
                OrderEvent.status.in_(_ANSWERING),
                OrderEvent.at >= Supervision.issued_at,
            )
            .scalar_subquery()
        )
        stmt2 = (
            select(Supervision.order_id, Supervision.deadline, answered, WorkOrder.status)
            .outerjoin(WorkOrder, WorkOrder.id == Supervision.order_id)
            .where(Supervision.issued_at >= period.start_at, Supervision.issued_at < period.end_at)
        )
        if self.scope.community_id is not None:
            stmt2 = stmt2.where(self.in_scope())
        for order_id, deadline, answered_at, status in self.s.execute(stmt2):
            verdict = supervision_in_time(deadline, answered_at, status, self.now)
            if verdict is not None:
                m.notices.append((order_id, verdict))

    def trend(self, period: Period, m: _Measures) -> Trend:
        step, buckets = trend_buckets(period)
        points = []
        for i, (lo, hi) in enumerate(buckets):
            counts = m.steps.get(i, {})
            points.append(
                TrendPoint(
                    lo,
                    hi,
                    counts.get(SliceKey.REPORTED, 0),
                    counts.get(SliceKey.COMPLETION_RATED, 0),
                    counts.get(SliceKey.COMPLETION_ON_TIME, 0),
                    self.drill_days(lo, hi),
                )
            )
        return Trend(step, tuple(points))

    def drill_days(self, start: date, end: date, **extra: Any) -> OrderFilter:
        return OrderFilter(
            community_id=self.scope.community_id,
            reported_from=start,
            reported_to=end - timedelta(days=1),
            **extra,
        )

    def by_community(self, period: Period, m: _Measures) -> tuple[CommunityRate, ...]:
        counts = {
            cid: (c.get(SliceKey.COMPLETION_RATED, 0), c.get(SliceKey.COMPLETION_ON_TIME, 0))
            for cid, c in m.communities.items()
        }
        communities = select(Community.id, Community.code, Community.name).order_by(Community.code)
        if self.scope.community_id is not None:
            communities = communities.where(Community.id == self.scope.community_id)
        out = []
        for cid, code, name in self.s.execute(communities):
            a, b = counts.get(cid, (0, 0))
            base = OrderSlice(SliceKey.COMPLETION_RATED, period.start, period.end)
            hits = OrderSlice(SliceKey.COMPLETION_ON_TIME, period.start, period.end)
            out.append(
                CommunityRate(
                    cid,
                    code,
                    name,
                    a,
                    b,
                    OrderFilter(community_id=cid, slice=base),
                    OrderFilter(community_id=cid, slice=hits),
                )
            )
        return tuple(out)


def _ticket_in_community(scope: Scope) -> ColumnElement[bool]:
    """A ticket is the community's when its order is, or, without an order, by the project code."""
    code = select(Community.project_code).where(Community.id == scope.community_id)
    return or_(
        WorkOrder.community_id == scope.community_id,
        and_(
            RegulatorTicket.order_id.is_(None),
            RegulatorTicket.project_code != "",
            RegulatorTicket.project_code == code.scalar_subquery(),
        ),
    )


def trend_buckets(period: Period) -> tuple[str, list[tuple[date, date]]]:
    """The trend's steps: days of a week or of a custom fortnight, weeks of a month, quarter or
    custom stretch up to 120 days, months otherwise (a year's twelve), clipped to the period."""
    if period.kind is PeriodKind.WEEK or (period.kind is PeriodKind.CUSTOM and period.days <= 14):
        days = [period.start + timedelta(days=i) for i in range(period.days)]
        return "day", [(d, d + timedelta(days=1)) for d in days]
    out: list[tuple[date, date]] = []
    if period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER) or period.days <= 120:
        lo = period.start
        while lo < period.end:
            hi = min(lo - timedelta(days=lo.weekday()) + timedelta(days=7), period.end)
            out.append((lo, hi))
            lo = hi
        return "week", out
    lo = period.start
    while lo < period.end:
        months = lo.year * 12 + lo.month  # the next month's first day
        hi = min(date(months // 12, months % 12 + 1, 1), period.end)
        out.append((lo, hi))
        lo = hi
    return "month", out


def _scope(s: Session, community_id: int | None) -> Scope:
    if community_id is None:
        return Scope(None)
    c = s.get(Community, community_id)
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {id}"), id=community_id)
    return Scope(c.id, c.code, c.name)


def _now_figures(s: Session, scope: Scope, now: datetime) -> NowFigures:
    cid = scope.community_id
    in_scope = true() if cid is None else WorkOrder.community_id == cid
    soon = timedelta(minutes=due_soon_minutes(s))
    callback_due = OrderSlice(SliceKey.CALLBACK_DUE, now.date(), now.date() + timedelta(days=1))
    parts = {
        "overdue": (overdue_clause(now), OrderFilter(community_id=cid, overdue_only=True)),
        "due_soon": (due_soon_clause(now, soon), OrderFilter(community_id=cid, due_soon_only=True)),
        "callbacks_due": (
            slice_condition(callback_due, now),
            OrderFilter(community_id=cid, slice=callback_due),
        ),
    }
    figs = {}
    for key, (cond, drill) in parts.items():
        n = int(s.scalar(select(func.count(WorkOrder.id)).where(cond, in_scope)) or 0)
        title, definition = FIGURES[key]
        figs[key] = Figure(key, Unit.COUNT, n, None, title, definition, drill=drill)
    return NowFigures(figs["overdue"], figs["due_soon"], figs["callbacks_due"])


def _ratio(hits: int, count: int) -> float | None:
    return hits / count if count else None


def _figures(cur: _Measures, old: _Measures, period: Period, scope: Scope) -> tuple[Figure, ...]:
    cid = scope.community_id

    def drill(key: SliceKey, tier: str = "", missing: SliceKey | None = None) -> OrderFilter:
        return OrderFilter(
            community_id=cid,
            tiers=(tier,) if tier else (),
            slice=OrderSlice(key, period.start, period.end, missing),
        )

    def fig(key: str, unit: Unit, value: float | None, previous: float | None, **kw: Any) -> Figure:
        title, definition = FIGURES[key.split(".")[0]]
        return Figure(key, unit, value, previous, title, definition, **kw)

    def rate(
        key: str, base: SliceKey, hits: SliceKey, tier: str = "", target: float | None = None
    ) -> Figure:
        n, h = cur.total(base, tier), cur.total(hits, tier)
        return fig(
            f"{key}.{tier}" if tier else key,
            Unit.FRACTION,
            _ratio(h, n),
            _ratio(old.total(hits, tier), old.total(base, tier)),
            target=target,
            count=n,
            hits=h,
            drill=drill(base, tier),
            drill_hits=drill(hits, tier),
            drill_missed=drill(base, tier, missing=hits),
            tier=tier,
        )

    def listed(pairs: list[tuple[int | None, bool]], in_time: bool | None) -> OrderFilter:
        ids = sorted({o for o, ok in pairs if o is not None and in_time in (None, ok)})
        return OrderFilter(order_ids=tuple(ids))

    out = [
        fig(
            "reported",
            Unit.COUNT,
            cur.total(SliceKey.REPORTED),
            old.total(SliceKey.REPORTED),
            drill=drill(SliceKey.REPORTED),
        )
    ]
    for tier in ("", *TIERS):
        out.append(
            rate("response_on_time", SliceKey.RESPONSE_RATED, SliceKey.RESPONSE_ON_TIME, tier)
        )
    for tier in ("", *TIERS):
        out.append(
            rate("completion_on_time", SliceKey.COMPLETION_RATED, SliceKey.COMPLETION_ON_TIME, tier)
        )
    for stem, key, times, old_times in (
        ("response", SliceKey.RESPONDED, cur.response, old.response),
        ("completion", SliceKey.COMPLETED, cur.completion, old.completion),
    ):
        out.append(
            fig(
                f"{stem}_minutes_avg",
                Unit.MINUTES,
                times.mean,
                old_times.mean,
                count=times.count,
                drill=drill(key),
            )
        )
        out.append(
            fig(
                f"{stem}_minutes_p90",
                Unit.MINUTES,
                times.p90,
                old_times.p90,
                count=times.count,
                drill=drill(key),
            )
        )
    out.append(rate("commitment_in_48h", SliceKey.COMMITMENT_RATED, SliceKey.COMMITMENT_ON_TIME))
    n, h = cur.in_period[SliceKey.COMPLETED_IN_PERIOD], cur.in_period[SliceKey.CALLED_BACK]
    out.append(
        fig(
            "callback_coverage",
            Unit.FRACTION,
            _ratio(h, n),
            _ratio(
                old.in_period[SliceKey.CALLED_BACK], old.in_period[SliceKey.COMPLETED_IN_PERIOD]
            ),
            count=n,
            hits=h,
            drill=drill(SliceKey.COMPLETED_IN_PERIOD),
            drill_hits=drill(SliceKey.CALLED_BACK),
            drill_missed=drill(SliceKey.COMPLETED_IN_PERIOD, missing=SliceKey.CALLED_BACK),
        )
    )
    out.append(
        fig(
            "satisfaction",
            Unit.FRACTION,
            _ratio(cur.satisfied, cur.callbacks),
            _ratio(old.satisfied, old.callbacks),
            count=cur.callbacks,
            hits=cur.satisfied,
            drill=drill(SliceKey.CALLBACK_IN_PERIOD),
            drill_hits=drill(SliceKey.SATISFIED_IN_PERIOD),
            # The orders with a callback of the period that was not satisfied.
            drill_missed=OrderFilter(
                community_id=cid,
                slice=OrderSlice(SliceKey.UNSATISFIED_IN_PERIOD, period.start, period.end),
            ),
        )
    )
    out.append(
        fig(
            "reopened",
            Unit.COUNT,
            cur.total(SliceKey.REOPENED),
            old.total(SliceKey.REOPENED),
            drill=drill(SliceKey.REOPENED),
        )
    )
    out.append(rate("first_time_fix", SliceKey.FIX_RATED, SliceKey.FIXED_FIRST_TIME))
    for name, pairs, old_pairs, target in (
        ("regulator_reply_rate", cur.tickets, old.tickets, REPLY_TARGET),
        ("supervision_in_time", cur.notices, old.notices, None),
    ):
        hits_now = sum(ok for _, ok in pairs)
        out.append(
            fig(
                name,
                Unit.FRACTION,
                _ratio(hits_now, len(pairs)),
                _ratio(sum(ok for _, ok in old_pairs), len(old_pairs)),
                target=target,
                count=len(pairs),
                hits=hits_now,
                drill=listed(pairs, None),
                drill_hits=listed(pairs, True),
                drill_missed=listed(pairs, False),
            )
        )
    return tuple(out)


def _breakdowns(
    counter: _Counter, cur: _Measures, old: _Measures, period: Period
) -> tuple[Breakdown, ...]:
    out = []
    for column in BREAKDOWN_COLUMNS:
        now_cells, old_cells = cur.cells[column], old.cells[column]
        values = sorted(set(now_cells) | set(old_cells), key=lambda v: (-now_cells.get(v, 0), v))
        cells = tuple(
            Cell(
                v,
                now_cells.get(v, 0),
                old_cells.get(v, 0),
                counter.drill_days(period.start, period.end, **{_PLURAL[column]: (v,)}),
            )
            for v in values
        )
        out.append(Breakdown(column, BREAKDOWN_TITLES[column], cells))
    return tuple(out)


_PLURAL = {
    "category": "categories",
    "tier": "tiers",
    "channel": "channels",
    "source": "sources",
    "status": "statuses",
}


def overview(
    db: Database,
    actor: Actor,
    period: Period,
    community_id: int | None = None,
    now: datetime | None = None,
) -> Overview:
    """The overview of the company (or one community) over *period* against the one before.

    A desk gets only ``now`` (the other parts None); finance is refused.
    """
    full = actor.can(Permission.OVERVIEW_READ)
    if not full:
        actor.require(Permission.OVERVIEW_TODAY)
    now = now or now_utc()
    previous = period.previous()
    with db.read() as s:
        scope = _scope(s, community_id)
        now_part = _now_figures(s, scope, now)
        if not full:
            return Overview(scope, period, previous, now_part)
        counter = _Counter(s, scope, now)
        cur, old = counter.measure(period, detail=True), counter.measure(previous)
        return Overview(
            scope,
            period,
            previous,
            now_part,
            figures=_figures(cur, old, period, scope),
            breakdowns=_breakdowns(counter, cur, old, period),
            trend=counter.trend(period, cur),
            by_community=counter.by_community(period, cur),
        )


def community_by_code(db: Database, actor: Actor, code: str) -> Scope:
    """The scope of the community with *code* (for ``--community``); NotFound otherwise."""
    if not actor.can(Permission.OVERVIEW_READ):
        actor.require(Permission.OVERVIEW_TODAY)
    with db.read() as s:
        c = s.scalar(select(Community).where(Community.code == code.strip()))
        if c is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code)
        return Scope(c.id, c.code, c.name)


def figure_keys(figures: Iterable[Figure]) -> list[str]:
    return [f.key for f in figures]
