"""The filtered list of work orders: what may be filtered and sorted on, the ids of one page in
display order (ids first, rows on demand: :mod:`.rows`), the count, and the last change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, literal, select, tuple_
from sqlalchemy.orm import Session

from wuye_desktop.core import search
from wuye_desktop.core.clock import LOCAL_TZ, now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.urgency import due_soon_clause, overdue_clause
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import due_soon_minutes
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import WorkOrder

if TYPE_CHECKING:
    from wuye_desktop.core.overview.slices import OrderSlice


@dataclass
class OrderFilter:
    statuses: Sequence[str] = ()
    tiers: Sequence[str] = ()
    categories: Sequence[str] = ()
    channels: Sequence[str] = ()
    sources: Sequence[str] = ()
    community_id: int | None = None
    household_id: int | None = None
    overdue_only: bool = False
    due_soon_only: bool = False
    reported_from: date | None = None  # local days, inclusive
    reported_to: date | None = None
    text: str = ""
    # The orders one figure or cell of the overview counts (core.overview.slices), so the list
    # a click opens holds exactly them; and a given set of orders (the regulator's tickets and
    # notices of a period, counted in Python).
    slice: OrderSlice | None = None
    order_ids: tuple[int, ...] | None = None


SORT_COLUMNS: dict[str, Any] = {
    "number": WorkOrder.number,
    "reported_at": WorkOrder.reported_at,
    "status": WorkOrder.status,
    "tier": WorkOrder.tier,
    "category": WorkOrder.category,
    "channel": WorkOrder.channel,
    "source": WorkOrder.source,
    "community": WorkOrder.community_id,
    "completion_due": WorkOrder.completion_due,
    "handler": WorkOrder.handler,
    "updated_at": WorkOrder.updated_at,
}
# Columns many orders share: sorted by them, the list shows each value's orders newest first
# (in the sort's direction), which their (column, reported_at, id) indexes give without
# sorting a whole group per page (the community's comes from its community/status index).
_GROUPED_SORTS = frozenset(
    {"status", "tier", "category", "channel", "source", "community", "handler"}
)


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ)


def _filtered(s: Session, f: OrderFilter, now: datetime) -> Select[Any]:
    stmt = select(WorkOrder.id)
    for values, column in (
        (f.statuses, WorkOrder.status),
        (f.tiers, WorkOrder.tier),
        (f.categories, WorkOrder.category),
        (f.channels, WorkOrder.channel),
        (f.sources, WorkOrder.source),
    ):
        if values:
            stmt = stmt.where(column.in_(list(values)))
    if f.community_id is not None:
        stmt = stmt.where(WorkOrder.community_id == f.community_id)
    if f.household_id is not None:
        stmt = stmt.where(WorkOrder.household_id == f.household_id)
    if f.overdue_only:
        stmt = stmt.where(overdue_clause(now))
    if f.due_soon_only:
        stmt = stmt.where(due_soon_clause(now, timedelta(minutes=due_soon_minutes(s))))
    if f.reported_from is not None:
        stmt = stmt.where(WorkOrder.reported_at >= _local_midnight(f.reported_from))
    if f.reported_to is not None:
        stmt = stmt.where(
            WorkOrder.reported_at < _local_midnight(f.reported_to + timedelta(days=1))
        )
    if f.slice is not None:
        # Imported here: the overview's package reads the orders' package it is part of.
        from wuye_desktop.core.overview.slices import slice_condition

        stmt = stmt.where(slice_condition(f.slice, now))
    if f.order_ids is not None:
        stmt = stmt.where(WorkOrder.id.in_(list(f.order_ids)))
    # One meaning of the typed text everywhere (DESIGN §3): core.search.
    condition = search.order_condition(s, search.understand(s, f.text))
    if condition is not None:
        stmt = stmt.where(condition)
    return stmt


@dataclass(frozen=True)
class PageCursor:
    """Where the previous page ended: its last row's sort value, id and, for a column many
    orders share, its time taken."""

    value: Any
    id: int
    reported_at: datetime | None = None


def order_page(
    db: Database,
    actor: Actor,
    f: OrderFilter,
    sort: str = "reported_at",
    descending: bool = True,
    after: PageCursor | None = None,
    limit: int = 200,
    now: datetime | None = None,
) -> tuple[list[int], PageCursor | None]:
    """The next *limit* ids of the filtered list in display order, and the cursor after them.

    A keyset seek on (sort column, id) finds a page as fast at the millionth row as at the
    first, where OFFSET would walk every row before it. The cursor is None at the end.
    """
    actor.require(Permission.WORK_ORDERS_READ)
    if sort not in SORT_COLUMNS:
        raise ValidationError([FieldError("sort", QT_TRANSLATE_NOOP("core", "Unknown column"))])
    column = SORT_COLUMNS[sort]
    grouped = sort in _GROUPED_SORTS
    keys = [column, WorkOrder.reported_at, WorkOrder.id] if grouped else [column, WorkOrder.id]
    with db.read() as s:
        stmt = _filtered(s, f, now or now_utc()).add_columns(column, WorkOrder.reported_at)
        if after is not None:
            values = (
                [after.value, after.reported_at, after.id] if grouped else [after.value, after.id]
            )
            bound = tuple_(*(literal(v, k.type) for v, k in zip(values, keys, strict=True)))
            stmt = stmt.where(tuple_(*keys) < bound if descending else tuple_(*keys) > bound)
        stmt = stmt.order_by(*(k.desc() if descending else k.asc() for k in keys))
        rows = s.execute(stmt.limit(limit)).all()
    ids = [r[0] for r in rows]
    cursor = PageCursor(rows[-1][1], rows[-1][0], rows[-1][2]) if len(rows) == limit else None
    return ids, cursor


def order_count(db: Database, actor: Actor, f: OrderFilter, now: datetime | None = None) -> int:
    """How many orders match; on a million rows this takes a while, so lists ask for it
    in the background and show their first page before it is known."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        inner = _filtered(s, f, now or now_utc()).subquery()
        return int(s.scalar(select(func.count()).select_from(inner)) or 0)


def latest_change(db: Database) -> datetime | None:
    """When any order last changed: other desks' changes are noticed by polling this."""
    with db.read() as s:
        return s.scalar(select(func.max(WorkOrder.updated_at)))
