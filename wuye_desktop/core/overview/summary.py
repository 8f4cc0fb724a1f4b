"""The overview's precomputed figures, kept exactly in step with the orders.

What a year's figures need would otherwise be a pass over a million orders with lookups into
their timelines. Instead (tables of migration 0014):

- ``overview_day``: per community, local day of report and tier, how many orders each slice
  of :mod:`.slices` holds *judged on no particular day* (the slices' own SQL with ``now`` long
  past: an undecided deadline counts as not due), the breakdowns' cells, and the minutes to
  respond and to complete, sorted (calendar clock, paused time left out: the arithmetic of
  ``storage.clock_minutes``), for an exact percentile without reading the orders;
- ``overview_pending``: the orders a passing deadline will still decide (their part of an
  on-time rate depends on now, so the overview counts them live, a few thousand at most);
- ``overview_event_day``: per community and local day, the moves to completed (and of those
  whose order was called back) and the callbacks made (and satisfied);
- ``overview_repeat``: the moves to completed that are not their order's first, with the time
  of the one before, which turns a period's moves into its orders (an order completed twice
  in a period counts once);
- ``overview_month`` (migration 0015): ``overview_day`` added up per community, calendar month
  and tier, recomputed whenever one of its days is: a year reads 12 rows a community and
  tier instead of 365.

Triggers (``storage.overview_triggers``) note in ``overview_dirty`` every order whatever writes
it; :func:`refresh` recomputes every day and order those notes touch, with the same code that
built them, before the overview reads. So no write path needs to know about it. What is
printed or exported waits for every note to be counted (:func:`refresh_database`); the tab
counts what it can without waiting and says how many are left (:func:`catch_up`).
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    not_,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import BindParameter

from wuye_desktop.core.clock import LOCAL_TZ
from wuye_desktop.core.orders.callback_stats import SATISFIED_VALUES
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.overview.periods import local_midnight
from wuye_desktop.core.overview.slices import OrderSlice, SliceKey, slice_condition
from wuye_desktop.storage.clock_minutes import calendar_minutes
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Callback,
    Community,
    OrderEvent,
    OrderPause,
    OverviewDay,
    OverviewDirty,
    OverviewEventDay,
    OverviewPending,
    OverviewRepeat,
    WorkOrder,
)
from wuye_desktop.storage.overview_months import count_months, pack
from wuye_desktop.storage.planner import unindexed
from wuye_desktop.storage.types import UTCDateTime

log = logging.getLogger(__name__)

# The slices counted per tier over the orders reported in a period.
COHORT_SLICES = (
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
# The slices whose orders depend on now: a deadline passing decides an order.
RATED = (SliceKey.RESPONSE_RATED, SliceKey.COMPLETION_RATED, SliceKey.COMMITMENT_RATED)
BREAKDOWN_COLUMNS = ("category", "tier", "channel", "source", "status")
# Judged at NEVER no deadline has passed; at LATER every one has.
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
LATER = datetime(9000, 1, 1, tzinfo=UTC)
_ALL_DAYS = (date(1900, 1, 1), date(3000, 1, 1))
BATCH = 20_000  # notes a batch at most
# refresh_database sizes its transactions for about this long each: the other desks wait
# for SQLite's write lock meanwhile, and give up after its busy timeout (10 s). Its first
# batch is small, then sized from the last one's pace.
BATCH_SECONDS = 2.0
FIRST_BATCH = 1_000
MIN_BATCH = 100
# The overview tab's refresh (catch_up): smaller transactions, for a second and a half at most.
CATCH_UP_BATCH = 1_000
CATCH_UP_SECONDS = 1.5
_IDS = 500  # ids per IN (…): old SQLite takes at most 999 parameters
REFRESH_LOCK = 0x0F_0514  # PostgreSQL advisory lock: one refresh at a time


def _sum(cond: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


def kth(runs: Sequence[Sequence[float]], k: int) -> float:
    """The value of rank *k* (0 the smallest) of the union of sorted *runs*, without sorting
    all of them: a sample of every 64th value narrows it to a short stretch, sorted alone."""
    step = 64
    sample = sorted(v for r in runs for v in r[step - 1 :: step])

    def at_most(v: float) -> int:
        return sum(bisect.bisect_right(r, v) for r in runs)

    lo_i, hi_i = 0, len(sample)  # the first sample value with more than k at or below it
    while lo_i < hi_i:
        mid = (lo_i + hi_i) // 2
        if at_most(sample[mid]) > k:
            hi_i = mid
        else:
            lo_i = mid + 1
    low = sample[lo_i - 1] if lo_i > 0 else None
    high = sample[lo_i] if lo_i < len(sample) else None
    below = at_most(low) if low is not None else 0
    stretch: list[float] = []
    for r in runs:
        a = bisect.bisect_right(r, low) if low is not None else 0
        b = bisect.bisect_right(r, high) if high is not None else len(r)
        stretch.extend(r[a:b])
    stretch.sort()
    return stretch[k - below]


# --- keeping it in step ---------------------------------------------------------------------


def is_dirty(s: Session) -> bool:
    return s.scalar(select(OverviewDirty.id).limit(1)) is not None


def refresh_database(db: Database, progress: Callable[[int, int], None] | None = None) -> None:
    """Recompute what the noted changes touch, if any: nothing when clean, else a batch of notes
    per transaction, each sized to take about :data:`BATCH_SECONDS`, so that a big build (the
    first after upgrading a big database) never holds the database's write lock for long:
    desks go on saving between its batches.

    Each batch waits for the write lock as any write does: what must not be stale (the monthly
    report, the export, ``wuye stats``, the build after an upgrade) gets every note counted, or
    StorageUnavailable from a database busy for longer than the busy timeout."""
    with db.read() as s:
        if not is_dirty(s):
            return
        total = s.scalar(select(func.count(OverviewDirty.id))) or 0
    done, size = 0, min(FIRST_BATCH, BATCH)
    while True:
        started = time.monotonic()
        with db.transaction() as s:
            counted = refresh(s, batches=1, size=size)
        if not counted:
            return
        size = next_batch_size(size, counted, time.monotonic() - started)
        done += counted
        total = max(total, done)  # notes made meanwhile are counted too
        log.info("overview summary: %d of %d changes counted", done, total)
        if progress is not None:
            progress(done, total)


def next_batch_size(size: int, counted: int, seconds: float) -> int:
    """The next batch's size after *counted* notes (of *size* asked) took *seconds*: as many
    as :data:`BATCH_SECONDS` fits at that pace, from :data:`MIN_BATCH` to :data:`BATCH`, growing at most
    fourfold a step (a fast batch of a few notes says little of the next)."""
    if counted < size:
        return size  # the last batch: nothing follows
    fitted = int(counted * BATCH_SECONDS / max(seconds, 1e-3))
    return max(min(MIN_BATCH, BATCH), min(BATCH, fitted, 4 * size))


def catch_up(db: Database, seconds: float | None = None, size: int | None = None) -> int:
    """What the overview tab does before it reads: :func:`refresh_database` as far as it gets
    without waiting for anyone, and for about *seconds* at most (*size* notes a transaction,
    the last of them may run over; by default :data:`CATCH_UP_SECONDS` and
    :data:`CATCH_UP_BATCH`). Returns how many notes are left uncounted, 0 when none.

    The tab runs on the desk's one database thread: waiting there for another's long write
    (a roster import, a restore, another desk's build) would hold up the desk's every other
    request, and then fail with "database is locked". The figures are read all the same; the
    notes left are counted by a later refresh."""
    started = time.monotonic()
    seconds = CATCH_UP_SECONDS if seconds is None else seconds
    size = size or CATCH_UP_BATCH
    with db.read() as s:
        if not is_dirty(s):
            return 0
    while True:
        with db.try_transaction() as s:
            counted = None if s is None else refresh(s, batches=1, size=size, wait=False)
        if counted is None:  # another is writing: not now
            break
        if counted < size:  # all there were
            return 0
        if time.monotonic() - started >= seconds:
            break
    with db.read() as s:
        return s.scalar(select(func.count(OverviewDirty.id))) or 0


def refresh(
    s: Session,
    progress: Callable[[int, int], None] | None = None,
    *,
    batches: int | None = None,
    size: int | None = None,
    wait: bool = True,
) -> int | None:
    """Recompute every day and order the notes in ``overview_dirty`` touch, then drop them (at
    most *batches* batches of *size* notes when given); return how many notes were counted.

    On PostgreSQL one refresh runs at a time (an advisory lock); with *wait* False, None
    at once when another holds it. (SQLite's lock is the transaction's own: see
    ``Database.try_transaction``.)"""
    if s.get_bind().dialect.name == "postgresql":
        if not wait:
            if not s.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": REFRESH_LOCK}):
                return None
        else:
            s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REFRESH_LOCK})
    size = size or BATCH
    total = (s.scalar(select(func.count(OverviewDirty.id))) or 0) if batches is None else 0
    done, last, taken = 0, 0, 0
    # The whole backlog in this transaction: each day counted once at the end, not once per
    # batch that touches it (the demo's million orders touch every day in every batch).
    days: set[tuple[int, date]] = set()
    event_days: set[tuple[int, date]] = set()
    while batches is None or taken < batches:
        rows = s.execute(
            select(
                OverviewDirty.id,
                OverviewDirty.order_id,
                OverviewDirty.community_id,
                OverviewDirty.at,
            )
            .where(OverviewDirty.id > last)
            .order_by(OverviewDirty.id)
            .limit(size)
        ).all()
        if not rows:
            break
        touched = _recompute(s, rows)
        if batches is None:
            days |= touched[0]
            event_days |= touched[1]
        else:
            _count(s, *touched)
        ids = [r[0] for r in rows]
        for i in range(0, len(ids), _IDS):
            s.execute(delete(OverviewDirty).where(OverviewDirty.id.in_(ids[i : i + _IDS])))
        last, done, taken = ids[-1], done + len(rows), taken + 1
        if batches is None:
            log.info("overview summary: %d of %d changes counted", done, total)
        if progress is not None:
            progress(done, max(total, done))
    if batches is None:
        _count(s, days, event_days)
    return done


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _IDS):
        yield ids[i : i + _IDS]


def _recompute(
    s: Session, rows: Sequence[Any]
) -> tuple[set[tuple[int, date]], set[tuple[int, date]]]:
    """The noted orders' own rows (pending, repeats) written again; the (community, day)
    pairs of report and of events they touch returned, for :func:`_count`."""
    orders = sorted({r[1] for r in rows})
    communities: dict[int, set[int]] = defaultdict(set)  # order -> its community, old and new
    days: set[tuple[int, date]] = set()
    times: dict[int, list[datetime]] = defaultdict(list)  # order -> times of its events
    for _id, order_id, cid, at in rows:
        if cid is not None:
            communities[order_id].add(cid)
            if at is not None:
                days.add((cid, local_day(at)))
        elif at is not None:
            times[order_id].append(at)
    moves: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
    called: set[int] = set()
    for chunk in _chunks(orders):
        for oid, cid, reported in s.execute(
            select(WorkOrder.id, WorkOrder.community_id, WorkOrder.reported_at).where(
                WorkOrder.id.in_(chunk)
            )
        ):
            communities[oid].add(cid)
            days.add((cid, local_day(reported)))
        for eid, oid, at in s.execute(completions_of(chunk)):
            moves[oid].append((eid, at))
            times[oid].append(at)
        for oid, at in s.execute(
            select(Callback.order_id, Callback.at).where(Callback.order_id.in_(chunk))
        ):
            called.add(oid)
            times[oid].append(at)
    everyone: list[int] | None = None
    event_days: set[tuple[int, date]] = set()
    for oid, ats in times.items():
        cids: Iterable[int] | None = communities.get(oid)
        if not cids:  # an order gone with its community: every community's day
            everyone = everyone or list(s.scalars(select(Community.id)))
            cids = everyone
        event_days.update((c, local_day(at)) for c in cids for at in ats)
    _orders(s, orders, communities, moves, called)
    return days, event_days


def _count(s: Session, days: set[tuple[int, date]], event_days: set[tuple[int, date]]) -> None:
    """Count again the days of report and of events touched, and the months of the former."""
    q = _Counting()
    for day in sorted({d for _c, d in days}):
        _count_day(s, q, day)
    # A day counted again changed only the communities whose orders were noted (the others'
    # rows are written again as they were), so only their months are added up again.
    count_months(s, {(cid, day.replace(day=1)) for cid, day in days})
    for day in sorted({d for _c, d in event_days}):
        _count_event_day(s, q, day)


def completions_of(orders: Sequence[int]) -> Select[int, int, datetime]:
    """The moves to completed of *orders* (a few hundred ids), in order: id, order, time."""
    return (
        select(OrderEvent.id, OrderEvent.order_id, OrderEvent.at)
        .where(
            OrderEvent.order_id.in_(orders),
            # Looked up by the orders' index: SQLite would rather scan the covering index of
            # every move to a status (a million orders' completions per 500 ids).
            unindexed(OrderEvent.kind) == "status",
            OrderEvent.status == Status.COMPLETED.value,
        )
        .order_by(OrderEvent.order_id, OrderEvent.at, OrderEvent.id)
    )


def _orders(
    s: Session,
    orders: Sequence[int],
    communities: dict[int, set[int]],
    moves: dict[int, list[tuple[int, datetime]]],
    called: set[int],
) -> None:
    """The orders' repeated moves to completed and whether a deadline is still to decide them."""
    pending = or_(
        *(
            and_(
                slice_condition(OrderSlice(k, *_ALL_DAYS), LATER),
                not_(slice_condition(OrderSlice(k, *_ALL_DAYS), NEVER)),
            )
            for k in RATED
        )
    )
    current: dict[int, int] = {}
    for chunk in _chunks(orders):
        s.execute(delete(OverviewRepeat).where(OverviewRepeat.order_id.in_(chunk)))
        s.execute(delete(OverviewPending).where(OverviewPending.order_id.in_(chunk)))
        s.execute(
            insert(OverviewPending).from_select(
                ["order_id", "community_id", "reported_at"],
                select(WorkOrder.id, WorkOrder.community_id, WorkOrder.reported_at).where(
                    WorkOrder.id.in_(chunk), pending
                ),
            )
        )
        for oid, cid in s.execute(
            select(WorkOrder.id, WorkOrder.community_id).where(WorkOrder.id.in_(chunk))
        ):
            current[oid] = cid
    repeats = [
        {
            "event_id": eid,
            "order_id": oid,
            "community_id": current[oid],
            "at": at,
            "prev_at": before[1],
            "called_back": oid in called,
        }
        for oid, seq in moves.items()
        if oid in current
        for before, (eid, at) in itertools.pairwise(seq)
    ]
    if repeats:
        s.execute(insert(OverviewRepeat), repeats)


class _Counting:
    """The statements that count one community's day, built once per refresh (the slices'
    conditions over every day, narrowed by bound parameters: community, day's start and end)."""

    def __init__(self) -> None:
        lo: BindParameter[datetime] = bindparam("lo", type_=UTCDateTime(timezone=True))
        hi: BindParameter[datetime] = bindparam("hi", type_=UTCDateTime(timezone=True))
        conds = {k: slice_condition(OrderSlice(k, *_ALL_DAYS), NEVER) for k in COHORT_SLICES}
        day = and_(WorkOrder.reported_at >= lo, WorkOrder.reported_at < hi)
        columns = [WorkOrder.community_id, *(getattr(WorkOrder, c) for c in BREAKDOWN_COLUMNS)]
        self.counts = (
            select(*columns, *(_sum(conds[k]) for k in COHORT_SLICES))
            .where(day, conds[SliceKey.REPORTED])
            .group_by(*columns)
        )
        responded = slice_condition(OrderSlice(SliceKey.RESPONDED, *_ALL_DAYS), NEVER)
        completed = slice_condition(OrderSlice(SliceKey.COMPLETED, *_ALL_DAYS), NEVER)
        self.timed = select(
            WorkOrder.id,
            WorkOrder.community_id,
            WorkOrder.tier,
            WorkOrder.reported_at,
            case((responded, WorkOrder.responded_at), else_=None),
            case((completed, WorkOrder.completed_at), else_=None),
        ).where(day, or_(responded, completed))
        self.pauses = (
            select(OrderPause.order_id, OrderPause.start, OrderPause.end)
            .join(WorkOrder, WorkOrder.id == OrderPause.order_id)
            .where(day)
        )
        called_back = exists(select(Callback.id).where(Callback.order_id == OrderEvent.order_id))
        self.moves = (
            select(WorkOrder.community_id, func.count(OrderEvent.id), _sum(called_back))
            .join(WorkOrder, WorkOrder.id == OrderEvent.order_id)
            .where(
                OrderEvent.kind == "status",
                OrderEvent.status == Status.COMPLETED.value,
                OrderEvent.at >= lo,
                OrderEvent.at < hi,
            )
            .group_by(WorkOrder.community_id)
        )
        self.callbacks = (
            select(
                WorkOrder.community_id,
                func.count(Callback.id),
                _sum(Callback.satisfaction.in_(SATISFIED_VALUES)),
            )
            .join(WorkOrder, WorkOrder.id == Callback.order_id)
            .where(Callback.at >= lo, Callback.at < hi)
            .group_by(WorkOrder.community_id)
        )


def _bounds(day: date) -> dict[str, Any]:
    return {"lo": local_midnight(day), "hi": local_midnight(day + timedelta(days=1))}


def _count_day(s: Session, q: _Counting, day: date) -> None:
    """The orders reported on *day*, per community and tier (see the module's text)."""
    s.execute(delete(OverviewDay).where(OverviewDay.day == day))
    params = _bounds(day)
    width = 1 + len(BREAKDOWN_COLUMNS)
    tier_at = 1 + BREAKDOWN_COLUMNS.index("tier")
    counts: dict[tuple[int, str], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(COHORT_SLICES, 0)
    )
    cells: dict[tuple[int, str], dict[str, dict[str, int]]] = defaultdict(
        lambda: {c: defaultdict(int) for c in BREAKDOWN_COLUMNS}
    )
    for row in s.execute(q.counts, params):
        key, n = (row[0], row[tier_at]), row[width:]
        for k, v in zip(COHORT_SLICES, n, strict=True):
            counts[key][k] += int(v)
        for c, value in zip(BREAKDOWN_COLUMNS, row[1:], strict=False):
            cells[key][c][value] += int(n[0])
    if not counts:
        return
    pauses: dict[int, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for oid, a, b in s.execute(q.pauses, params):
        pauses[oid].append((a, b))
    minutes: dict[tuple[int, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for oid, cid, tier, reported, r_at, c_at in s.execute(q.timed, params):
        for into, at in zip(minutes[cid, tier], (r_at, c_at), strict=True):
            if at is not None:
                into.append(calendar_minutes(reported, at, pauses[oid]))
    s.execute(
        insert(OverviewDay),
        [
            {
                "community_id": cid,
                "day": day,
                "tier": tier,
                "counts": json.dumps({str(k): v for k, v in n.items() if v}),
                "cells": json.dumps(cells[cid, tier]),
                "response_minutes": pack(minutes[cid, tier][0]),
                "completion_minutes": pack(minutes[cid, tier][1]),
            }
            for (cid, tier), n in counts.items()
        ],
    )


def _count_event_day(s: Session, q: _Counting, day: date) -> None:
    """The moves to completed and the callbacks on *day*, per community of their order."""
    s.execute(delete(OverviewEventDay).where(OverviewEventDay.day == day))
    params = _bounds(day)
    rows: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for cid, moves, called in s.execute(q.moves, params):
        rows[cid][0:2] = [int(moves), int(called or 0)]
    for cid, callbacks, satisfied in s.execute(q.callbacks, params):
        rows[cid][2:4] = [int(callbacks), int(satisfied or 0)]
    if rows:
        s.execute(
            insert(OverviewEventDay),
            [
                {
                    "community_id": cid,
                    "day": day,
                    "moves": n[0],
                    "moves_called_back": n[1],
                    "callbacks": n[2],
                    "satisfied": n[3],
                }
                for cid, n in rows.items()
            ],
        )
