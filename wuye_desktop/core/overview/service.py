"""The overview service: one call computes every figure of a scope and period against the
previous period, for the 概览 tab, ``wuye stats``, the Excel export and the monthly report.

Who sees what: managers and administrators everything (``Permission.OVERVIEW_READ``); the desk
only what is due now (``OVERVIEW_TODAY``); finance nothing. Every count goes through the
conditions of :mod:`.slices`, the same the work-order list filters with.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, not_, select, true
from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.deadlines import ClockMode, DeadlineRules, Pause, elapsed
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.list_query import OrderFilter
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.orders.urgency import due_soon_clause, overdue_clause
from wuye_desktop.core.overview import summary
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
from wuye_desktop.core.overview.periods import Period, PeriodKind
from wuye_desktop.core.overview.regulator_rules import (
    REPLY_TARGET,
    reply_decided,
    reply_on_time,
    supervision_in_time,
)
from wuye_desktop.core.overview.slices import OrderSlice, SliceKey, slice_condition
from wuye_desktop.core.overview.summary import BREAKDOWN_COLUMNS, NEVER
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import due_soon_minutes, load_rules
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Community,
    OrderEvent,
    OrderPause,
    OverviewDay,
    OverviewEventDay,
    OverviewMonth,
    OverviewPending,
    OverviewRepeat,
    RegulatorTicket,
    Supervision,
    WorkOrder,
)
from wuye_desktop.storage.overview_months import figure_columns, next_month, unpack
from wuye_desktop.storage.prepared import all_rows_binary

TIERS = tuple(t.value for t in Tier)
# Answering a supervision notice: the order done, closed or cancelled.
_ANSWERING = (Status.COMPLETED.value, Status.CLOSED.value, Status.CANCELLED.value)


def calendar_tiers(rules: DeadlineRules) -> set[str]:
    """The tiers whose every rule (the tier's and its categories') runs on the calendar clock:
    their minutes are the precomputed ones; the others' are computed order by order."""
    return {
        tier
        for tier, rule in rules.tiers.items()
        if rule.mode is ClockMode.CALENDAR
        and all(r.mode is ClockMode.CALENDAR for (t, _c), r in rules.overrides.items() if t == tier)
    }


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
    tickets: int = 0  # counted in the reply rate
    tickets_on_time: int = 0
    notices: list[tuple[int | None, bool]] = field(default_factory=list)
    cells: dict[str, dict[str, int]] = field(default_factory=dict)
    # Per trend step and per community, counted in the same pass (the current period only).
    steps: dict[int, dict[SliceKey, int]] = field(default_factory=dict)
    communities: dict[int, dict[SliceKey, int]] = field(default_factory=dict)

    def total(self, key: SliceKey, tier: str = "") -> int:
        counts = self.by_tier.get(key, {})
        return counts.get(tier, 0) if tier else sum(counts.values())


class _Counter:
    """Counts one scope's periods in one read transaction, from the precomputed figures
    (core.overview.summary) and, for what depends on now, the few orders still pending."""

    def __init__(self, s: Session, scope: Scope, now: datetime) -> None:
        self.s, self.scope, self.now = s, scope, now
        self.rules = load_rules(s)
        self.fast = calendar_tiers(self.rules)

    def in_scope(self, column: Any = WorkOrder.community_id) -> ColumnElement[bool]:
        cid = self.scope.community_id
        return true() if cid is None else column == cid

    def measure(self, period: Period, detail: bool = False) -> _Measures:
        """The period's counts; with *detail*, per trend step and community as well."""
        m = _Measures()
        m.by_tier = {k: defaultdict(int) for k in summary.COHORT_SLICES}
        m.cells = {c: defaultdict(int) for c in BREAKDOWN_COLUMNS}
        starts = [lo for lo, _hi in trend_buckets(period)[1]] if detail else []

        def add(tier: str, cid: int, day: date, key: SliceKey, n: int) -> None:
            m.by_tier[key][tier] += n
            if detail:
                step = bisect.bisect_right(starts, day) - 1
                for into in (
                    m.communities.setdefault(cid, defaultdict(int)),
                    m.steps.setdefault(step, defaultdict(int)),
                ):
                    into[key] += n

        runs: dict[str, list[Any]] = {"response": [], "completion": []}
        for cid, day, tier, counts, cells, response, completion in self._rows(period, detail):
            # The keys are the slices' names, which are the SliceKeys (a StrEnum) as dict keys.
            decoded: dict[Any, int] = json.loads(counts)
            if detail:  # per community and trend step too, the step found once a row
                step = bisect.bisect_right(starts, day) - 1
                per_community = m.communities.setdefault(cid, defaultdict(int))
                per_step = m.steps.setdefault(step, defaultdict(int))
            for key, n in decoded.items():
                m.by_tier[key][tier] += n
                if detail:
                    per_community[key] += n
                    per_step[key] += n
            for column, values in json.loads(cells).items():
                for value, n in values.items():
                    m.cells[column][value] += n
            if tier in self.fast:
                for stem, blob in (("response", response), ("completion", completion)):
                    if blob:
                        runs[stem].append(unpack(blob))
        self._pending(period, add)
        self._coverage(m, period)
        self._times(m, period, runs)
        self._regulator(m, period)
        return m

    def _rows(self, period: Period, detail: bool) -> Iterator[Any]:
        """The precomputed rows of *period*: its whole calendar months from the month rows
        (a year: 12 a community and tier, not 365) unless the trend steps are not months,
        and the days outside them from the day rows. Each as (community, first day, tier,
        counts, cells, response minutes, completion minutes)."""
        months: tuple[date, date] | None = None  # the whole months: first <= month < last
        if not detail or trend_buckets(period)[0] == "month":
            first = period.start if period.start.day == 1 else next_month(period.start)
            last = period.end.replace(day=1)
            if first < last:
                months = (first, last)
        days = [(period.start, period.end)]
        if months is not None:
            days = [(period.start, months[0]), (months[1], period.end)]
        for lo, hi in days:
            if lo >= hi:
                continue
            yield from all_rows_binary(
                self.s.connection(),
                select(*figure_columns(OverviewDay)).where(
                    OverviewDay.day >= lo,
                    OverviewDay.day < hi,
                    self.in_scope(OverviewDay.community_id),
                ),
            )
        if months is not None:
            yield from all_rows_binary(
                self.s.connection(),
                select(*figure_columns(OverviewMonth)).where(
                    OverviewMonth.month >= months[0],
                    OverviewMonth.month < months[1],
                    self.in_scope(OverviewMonth.community_id),
                ),
            )

    def _pending(
        self, period: Period, add: Callable[[str, int, date, SliceKey, int], None]
    ) -> None:
        """The orders a deadline passed since they were counted has decided (by now)."""
        pending = select(OverviewPending.order_id).where(
            OverviewPending.reported_at >= period.start_at,
            OverviewPending.reported_at < period.end_at,
            self.in_scope(OverviewPending.community_id),
        )
        decided = [
            case(
                (
                    and_(
                        slice_condition(OrderSlice(k, period.start, period.end), self.now),
                        not_(slice_condition(OrderSlice(k, period.start, period.end), NEVER)),
                    ),
                    1,
                ),
                else_=0,
            )
            for k in summary.RATED
        ]
        for tier, cid, reported, *flags in self.s.execute(
            select(WorkOrder.tier, WorkOrder.community_id, WorkOrder.reported_at, *decided).where(
                WorkOrder.id.in_(pending)
            )
        ):
            for k, flag in zip(summary.RATED, flags, strict=True):
                if flag:
                    add(tier, cid, summary.local_day(reported), k, 1)

    def _coverage(self, m: _Measures, period: Period) -> None:
        """Callback coverage (the orders completed in the period: its moves to completed but
        the repeated ones) and satisfaction (the callbacks made in it)."""
        moves, called, callbacks, satisfied = self.s.execute(
            select(
                func.coalesce(func.sum(OverviewEventDay.moves), 0),
                func.coalesce(func.sum(OverviewEventDay.moves_called_back), 0),
                func.coalesce(func.sum(OverviewEventDay.callbacks), 0),
                func.coalesce(func.sum(OverviewEventDay.satisfied), 0),
            ).where(
                OverviewEventDay.day >= period.start,
                OverviewEventDay.day < period.end,
                self.in_scope(OverviewEventDay.community_id),
            )
        ).one()
        again, again_called = self.s.execute(
            select(func.count(), _sum(OverviewRepeat.called_back.is_(True))).where(
                OverviewRepeat.at >= period.start_at,
                OverviewRepeat.at < period.end_at,
                OverviewRepeat.prev_at >= period.start_at,
                self.in_scope(OverviewRepeat.community_id),
            )
        ).one()
        m.in_period[SliceKey.COMPLETED_IN_PERIOD] = int(moves) - int(again or 0)
        m.in_period[SliceKey.CALLED_BACK] = int(called) - int(again_called or 0)
        m.callbacks, m.satisfied = int(callbacks), int(satisfied)

    def _times(self, m: _Measures, period: Period, runs: dict[str, list[Any]]) -> None:
        """Minutes to respond and to complete, on each order's deadline clock.

        The calendar-clock tiers' minutes are precomputed and sorted per day, so the mean is
        their sum and the percentile is picked from the sorted runs; a tier on another clock
        (working time) is computed here order by order, as the deadlines count it.
        """
        slow_tiers = set(m.by_tier[SliceKey.REPORTED]) - self.fast
        reported = OrderSlice(SliceKey.REPORTED, period.start, period.end)
        for stem, into in (("response", m.response), ("completion", m.completion)):
            slow = self._computed(stem, reported) if slow_tiers else []
            sorted_runs = runs[stem]
            into.count = sum(len(r) for r in sorted_runs) + len(slow)
            into.total = sum(sum(r) for r in sorted_runs) + sum(slow)
            if slow:
                into.p90 = percentile([v for r in sorted_runs for v in r] + slow, 0.9)
            elif into.count:
                into.p90 = summary.kth(sorted_runs, max(0, math.ceil(0.9 * into.count) - 1))

    def _computed(self, stem: str, reported: OrderSlice) -> list[float]:
        """The minutes of the orders of the tiers not on the calendar clock, on their rule's."""
        rules = self.rules
        key = SliceKey.RESPONDED if stem == "response" else SliceKey.COMPLETED
        moment_col = WorkOrder.responded_at if stem == "response" else WorkOrder.completed_at
        cond = and_(
            slice_condition(OrderSlice(key, reported.start, reported.end), self.now),
            WorkOrder.tier.not_in(sorted(self.fast)),
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
        # Counted by the database from the tickets' indexes (regulator_rules), not ticket by
        # ticket here: a year holds a ticket for one order in eight. A community's are those
        # of its orders (the ticket's community_id, kept by triggers) and, of no order yet,
        # those of its project code.
        counted = (
            select(func.count(), _sum(reply_on_time()))
            .select_from(RegulatorTicket)
            .where(
                RegulatorTicket.received_at >= period.start_at,
                RegulatorTicket.received_at < period.end_at,
                reply_decided(self.now),
            )
        )
        cid = self.scope.community_id
        parts = [counted]
        if cid is not None:
            code = select(Community.project_code).where(Community.id == cid).scalar_subquery()
            parts = [
                counted.where(RegulatorTicket.community_id == cid),
                counted.where(
                    RegulatorTicket.order_id.is_(None),
                    RegulatorTicket.project_code != "",
                    RegulatorTicket.project_code == code,
                ),
            ]
        for n, on_time in (self.s.execute(part).one() for part in parts):
            m.tickets += int(n)
            m.tickets_on_time += int(on_time or 0)
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

    def share(
        key: str,
        hits: tuple[int, int],
        counted: tuple[int, int],
        base: SliceKey,
        met: SliceKey,
        target: float | None = None,
        missed: OrderFilter | None = None,
    ) -> Figure:
        """A rate counted outside the tiers: *hits* of *counted* (now, before)."""
        return fig(
            key,
            Unit.FRACTION,
            _ratio(hits[0], counted[0]),
            _ratio(hits[1], counted[1]),
            target=target,
            count=counted[0],
            hits=hits[0],
            drill=drill(base),
            drill_hits=drill(met),
            drill_missed=missed or drill(base, missing=met),
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

    def counted(key: SliceKey) -> tuple[int, int]:
        return cur.in_period[key], old.in_period[key]

    out.append(
        share(
            "callback_coverage",
            counted(SliceKey.CALLED_BACK),
            counted(SliceKey.COMPLETED_IN_PERIOD),
            SliceKey.COMPLETED_IN_PERIOD,
            SliceKey.CALLED_BACK,
        )
    )
    out.append(
        share(
            "satisfaction",
            (cur.satisfied, old.satisfied),
            (cur.callbacks, old.callbacks),
            SliceKey.CALLBACK_IN_PERIOD,
            SliceKey.SATISFIED_IN_PERIOD,
            # The orders with a callback of the period that was not satisfied.
            missed=OrderFilter(
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
    out.append(
        share(
            "regulator_reply_rate",
            (cur.tickets_on_time, old.tickets_on_time),
            (cur.tickets, old.tickets),
            SliceKey.TICKET_RATED,
            SliceKey.TICKET_ON_TIME,
            target=REPLY_TARGET,
        )
    )
    pairs, old_pairs = cur.notices, old.notices
    hits_now = sum(ok for _, ok in pairs)
    out.append(
        fig(
            "supervision_in_time",
            Unit.FRACTION,
            _ratio(hits_now, len(pairs)),
            _ratio(sum(ok for _, ok in old_pairs), len(old_pairs)),
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
    *,
    complete: bool = True,
) -> Overview:
    """The overview of the company (or one community) over *period* against the one before.

    A desk gets only ``now`` (the other parts None); finance is refused.

    The precomputed figures are first brought up to date with the changes noted since. With
    *complete* (what is printed, exported or passed on: the monthly report, the Excel export,
    ``wuye stats``) every change is counted first, waiting for the write lock as any write
    does, so a database busy for too long is StorageUnavailable (retry). Without (the tab)
    only as many as can be without waiting, for a second or two: the figures are read all
    the same and ``uncounted`` says how many changes they leave out.
    """
    full = actor.can(Permission.OVERVIEW_READ)
    if not full:
        actor.require(Permission.OVERVIEW_TODAY)
    now = now or now_utc()
    previous = period.previous()
    uncounted = 0
    if full and complete:
        summary.refresh_database(db)
    elif full:
        uncounted = summary.catch_up(db)
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
            uncounted=uncounted,
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
