"""Reading work orders: the filtered list (ids first, rows on demand), one order's detail with
its timeline, the callback queue and the weekly list of unfinished work."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from wuye_desktop.core import search
from wuye_desktop.core.clock import LOCAL_TZ, now_utc
from wuye_desktop.core.deadlines import Deadlines, deadlines_for
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import callback_due_days, due_soon_minutes, load_rules
from wuye_desktop.core.status import OPEN_STATUSES, Status
from wuye_desktop.core.validation import mask_phone
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Callback,
    Commitment,
    Community,
    Household,
    OrderEvent,
    OrderPhoto,
    Unit,
    WorkOrder,
)

_OPEN = [s.value for s in OPEN_STATUSES]


class Urgency(enum.StrEnum):
    """How a row stands out: overdue (red), due soon (amber), or normal."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NORMAL = "normal"


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


def _overdue_clause(now: datetime) -> ColumnElement[bool]:
    return and_(
        WorkOrder.status.in_(_OPEN),
        WorkOrder.paused_since.is_(None),
        or_(
            WorkOrder.completion_due < now,
            and_(WorkOrder.responded_at.is_(None), WorkOrder.response_due < now),
        ),
    )


def _due_soon_clause(now: datetime, soon: timedelta) -> ColumnElement[bool]:
    return and_(
        WorkOrder.status.in_(_OPEN),
        WorkOrder.paused_since.is_(None),
        WorkOrder.completion_due >= now,
        WorkOrder.completion_due < now + soon,
    )


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
        stmt = stmt.where(_overdue_clause(now))
    if f.due_soon_only:
        stmt = stmt.where(_due_soon_clause(now, timedelta(minutes=due_soon_minutes(s))))
    if f.reported_from is not None:
        stmt = stmt.where(WorkOrder.reported_at >= _local_midnight(f.reported_from))
    if f.reported_to is not None:
        stmt = stmt.where(
            WorkOrder.reported_at < _local_midnight(f.reported_to + timedelta(days=1))
        )
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


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    status: str
    tier: str
    category: str
    channel: str
    source: str
    community: str
    place: str  # 3-2-1201, or the common-area location
    description: str
    caller_phone: str  # always masked in lists
    handler: str
    reported_at: datetime
    completion_due: datetime | None
    paused: bool
    urgency: Urgency
    version: int
    # The earliest deadline of the regulator's supervision notices (督办), if any.
    supervision_due: datetime | None = None


def _urgency(o: WorkOrder, now: datetime, soon: timedelta) -> Urgency:
    if o.status not in _OPEN or o.paused_since is not None:
        return Urgency.NORMAL
    if (o.completion_due is not None and o.completion_due < now) or (
        o.responded_at is None and o.response_due is not None and o.response_due < now
    ):
        return Urgency.OVERDUE
    if o.completion_due is not None and o.completion_due < now + soon:
        return Urgency.DUE_SOON
    return Urgency.NORMAL


def _places(s: Session, household_ids: set[int]) -> dict[int, str]:
    if not household_ids:
        return {}
    rows = s.execute(
        select(Household.id, Building.number, Unit.number, Household.room)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(Household.id.in_(household_ids))
    )
    return {hid: f"{b}-{u}-{r}" for hid, b, u, r in rows}


def order_rows(
    db: Database, actor: Actor, ids: Sequence[int], now: datetime | None = None
) -> list[OrderRow]:
    """The rows of *ids*, in that order (a page of the lazy list)."""
    actor.require(Permission.WORK_ORDERS_READ)
    wanted = list(ids)
    if not wanted:
        return []
    now = now or now_utc()
    with db.read() as s:
        soon = timedelta(minutes=due_soon_minutes(s))
        orders = list(s.scalars(select(WorkOrder).where(WorkOrder.id.in_(wanted))))
        names = dict(s.execute(select(Community.id, Community.name)).all())
        places = _places(s, {o.household_id for o in orders if o.household_id is not None})
        rows = {
            o.id: OrderRow(
                o.id,
                o.number,
                o.status,
                o.tier,
                o.category,
                o.channel,
                o.source,
                names.get(o.community_id, ""),
                places.get(o.household_id, "") if o.household_id is not None else o.location,
                o.description,
                mask_phone(o.caller_phone),
                o.handler,
                o.reported_at,
                o.completion_due,
                o.paused_since is not None,
                _urgency(o, now, soon),
                o.version,
                o.supervision_due,
            )
            for o in orders
        }
    return [rows[i] for i in wanted if i in rows]


def household_orders(
    db: Database, actor: Actor, household_id: int, limit: int = 20
) -> list[OrderRow]:
    """A household's open orders first, then its most recent ones (shown beside intake)."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        is_open = WorkOrder.status.in_(_OPEN)
        ids = list(
            s.scalars(
                select(WorkOrder.id)
                .where(WorkOrder.household_id == household_id)
                .order_by(is_open.desc(), WorkOrder.reported_at.desc())
                .limit(limit)
            )
        )
    return order_rows(db, actor, ids)


def open_duplicates(db: Database, actor: Actor, household_id: int, category: str) -> list[str]:
    """Numbers of the household's open orders of this category: intake warns about them."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        return list(
            s.scalars(
                select(WorkOrder.number).where(
                    WorkOrder.household_id == household_id,
                    WorkOrder.category == category,
                    WorkOrder.status.in_(_OPEN),
                )
            )
        )


# --- one order -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    status: str
    note: str
    username: str
    channel: str
    handler: str
    seq: int | None


@dataclass(frozen=True)
class CommitmentView:
    number: str
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str
    issued_at: datetime
    issued_by: str
    fulfilled_at: datetime | None
    responsible_phone: str = ""


@dataclass(frozen=True)
class CallbackView:
    at: datetime
    method: str
    person_reached: str
    satisfaction: str
    comment: str
    username: str


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    community_id: int
    household_id: int | None
    household_code: str
    location: str
    caller_name: str
    response_due: datetime | None
    responded_at: datetime | None
    completed_at: datetime | None
    closed_at: datetime | None
    callback_due: datetime | None
    regulator_ticket_id: str | None
    timeline: tuple[TimelineEntry, ...]
    commitment: CommitmentView | None
    callbacks: tuple[CallbackView, ...]
    photos: tuple[tuple[int, str], ...] = field(default=())

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def version(self) -> int:
        return self.row.version


def get_order(db: Database, actor: Actor, order_id_or_number: int | str) -> OrderDetail:
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        if isinstance(order_id_or_number, int):
            o = s.get(WorkOrder, order_id_or_number)
        else:
            key = order_id_or_number.strip().upper().removeprefix("WUYE:W:")
            o = s.scalar(select(WorkOrder).where(WorkOrder.number == key))
        if o is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("core", "No such work order: {id}"), id=order_id_or_number
            )
        order_id = o.id
        events = s.scalars(
            select(OrderEvent).where(OrderEvent.order_id == o.id).order_by(OrderEvent.id)
        )
        timeline = tuple(
            TimelineEntry(e.at, e.kind, e.status, e.note, e.username, e.channel, e.handler, e.seq)
            for e in events
        )
        c = s.scalar(select(Commitment).where(Commitment.order_id == o.id))
        commitment = (
            CommitmentView(
                c.number,
                c.plan,
                date.fromisoformat(c.promised_date),
                c.responsible_unit,
                c.responsible_person,
                c.issued_at,
                c.issued_by,
                c.fulfilled_at,
                c.responsible_phone,
            )
            if c
            else None
        )
        callbacks = tuple(
            CallbackView(
                cb.at, cb.method, cb.person_reached, cb.satisfaction, cb.comment, cb.username
            )
            for cb in s.scalars(
                select(Callback).where(Callback.order_id == o.id).order_by(Callback.id)
            )
        )
        photos = tuple(
            (pid, name)
            for pid, name in s.execute(
                select(OrderPhoto.id, OrderPhoto.filename).where(OrderPhoto.order_id == o.id)
            )
        )
        code = s.scalar(select(Household.code).where(Household.id == o.household_id)) or ""
        extra = (
            o.community_id,
            o.household_id,
            code,
            o.location,
            o.caller_name,
            o.response_due,
            o.responded_at,
            o.completed_at,
            o.closed_at,
            o.callback_due,
            o.regulator_ticket_id,
        )
    row = order_rows(db, actor, [order_id])[0]
    return OrderDetail(row, *extra, timeline, commitment, callbacks, photos)


def photo_data(db: Database, actor: Actor, photo_id: int) -> tuple[str, str, bytes]:
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        p = s.get(OrderPhoto, photo_id)
        if p is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such photo: {id}"), id=photo_id)
        return p.filename, p.mime, p.data


# --- callbacks -------------------------------------------------------------------------------


def callback_queue_ids(
    db: Database, actor: Actor, overdue_only: bool = False, now: datetime | None = None
) -> list[int]:
    """Completed orders waiting for their callback, the most urgent first."""
    actor.require(Permission.WORK_ORDERS_READ)
    stmt = select(WorkOrder.id).where(WorkOrder.status == Status.COMPLETED.value)
    if overdue_only:
        stmt = stmt.where(WorkOrder.callback_due < (now or now_utc()))
    with db.read() as s:
        return list(s.scalars(stmt.order_by(WorkOrder.callback_due, WorkOrder.id)))


@dataclass(frozen=True)
class CallbackStats:
    completed: int  # orders completed in the period (including those since closed or reopened)
    called_back: int
    waiting: int
    overdue: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int

    @property
    def coverage(self) -> float:
        return self.called_back / self.completed if self.completed else 1.0


def callback_stats(
    db: Database, actor: Actor, since: datetime, now: datetime | None = None
) -> CallbackStats:
    actor.require(Permission.WORK_ORDERS_READ)
    now = now or now_utc()
    with db.read() as s:
        completed_orders = (
            select(OrderEvent.order_id)
            .where(OrderEvent.status == Status.COMPLETED.value, OrderEvent.at >= since)
            .distinct()
        )
        completed = s.scalar(select(func.count()).select_from(completed_orders.subquery())) or 0
        called = (
            s.scalar(
                select(func.count(func.distinct(Callback.order_id))).where(
                    Callback.order_id.in_(completed_orders)
                )
            )
            or 0
        )
        waiting_q = select(func.count(WorkOrder.id)).where(
            WorkOrder.status == Status.COMPLETED.value
        )
        waiting = s.scalar(waiting_q) or 0
        overdue = s.scalar(waiting_q.where(WorkOrder.callback_due < now)) or 0
        by_satisfaction = dict(
            s.execute(
                select(Callback.satisfaction, func.count(Callback.id))
                .where(Callback.at >= since)
                .group_by(Callback.satisfaction)
            ).all()
        )
    return CallbackStats(
        int(completed),
        int(called),
        int(waiting),
        int(overdue),
        int(by_satisfaction.get("satisfied", 0)),
        int(by_satisfaction.get("basically_satisfied", 0)),
        int(by_satisfaction.get("dissatisfied", 0)),
    )


# --- the weekly list -------------------------------------------------------------------------


def week_cutoff(week: str) -> datetime:
    """Friday 16:00 (Asia/Shanghai) of an ISO week written ``2026-W47``."""
    try:
        year_text, week_text = week.upper().split("-W")
        friday = date.fromisocalendar(int(year_text), int(week_text), 5)
    except ValueError as exc:
        raise ValidationError(
            [FieldError("week", QT_TRANSLATE_NOOP("core", "A week is written like 2026-W47"))]
        ) from exc
    return datetime.combine(friday, time(16, 0), LOCAL_TZ)


def current_week(now: datetime | None = None) -> str:
    y, w, _ = (now or now_utc()).astimezone(LOCAL_TZ).isocalendar()
    return f"{y}-W{w:02d}"


@dataclass(frozen=True)
class WeeklyList:
    week: str
    cutoff: datetime
    community_id: int | None
    order_ids: tuple[int, ...]


def weekly_unfinished(
    db: Database, actor: Actor, week: str, community_id: int | None = None
) -> WeeklyList:
    """Orders taken before the week's Friday 16:00 and not finished at that moment.

    "Finished" is read from the timeline as it stood then (completed, closed or cancelled),
    so the list printed later for a past week is the list that was true that Friday.
    """
    actor.require(Permission.WORK_ORDERS_READ)
    cutoff = week_cutoff(week)
    with db.read() as s:
        last_status = (
            select(OrderEvent.order_id, func.max(OrderEvent.id).label("last_id"))
            .where(OrderEvent.kind == "status", OrderEvent.at <= cutoff)
            .group_by(OrderEvent.order_id)
            .subquery()
        )
        stmt = (
            select(WorkOrder.id)
            .join(last_status, last_status.c.order_id == WorkOrder.id)
            .join(OrderEvent, OrderEvent.id == last_status.c.last_id)
            .where(WorkOrder.reported_at <= cutoff, OrderEvent.status.in_(_OPEN))
            .order_by(WorkOrder.community_id, WorkOrder.completion_due, WorkOrder.id)
        )
        if community_id is not None:
            stmt = stmt.where(WorkOrder.community_id == community_id)
        ids = tuple(s.scalars(stmt))
    return WeeklyList(week.upper(), cutoff, community_id, ids)


# --- intake and settings helpers -------------------------------------------------------------


def preview_deadlines(
    db: Database, tier: str, category: str, at: datetime | None = None
) -> Deadlines:
    """The deadlines an order of this tier and category taken at *at* (now) would get.

    Intake shows them live beside the tier; create_order computes the same from the same rules.
    """
    if tier not in {t.value for t in Tier}:
        raise ValidationError([FieldError("tier", QT_TRANSLATE_NOOP("core", "Choose one"))])
    with db.read() as s:
        rules = load_rules(s)
    return deadlines_for(rules, tier, category, at or now_utc())


@dataclass(frozen=True)
class WorkOrderOptions:
    callback_days: int  # a completed order's callback is due within this many days
    due_soon_minutes: int  # an open order this close to its deadline shows amber


def work_order_options(db: Database) -> WorkOrderOptions:
    with db.read() as s:
        return WorkOrderOptions(callback_due_days(s), due_soon_minutes(s))


@dataclass(frozen=True)
class CallbackQueueRow:
    """One completed order waiting for its callback: what the caller-back needs to see."""

    id: int
    number: str
    community: str
    place: str
    category: str
    tier: str
    description: str
    caller_name: str
    caller_phone: str  # masked
    handler: str
    completed_at: datetime | None
    callback_due: datetime | None
    overdue: bool
    version: int


def callback_rows(
    db: Database, actor: Actor, ids: Sequence[int], now: datetime | None = None
) -> list[CallbackQueueRow]:
    """Rows of the callback queue for *ids*, in that order (a page of the lazy list)."""
    actor.require(Permission.WORK_ORDERS_READ)
    wanted = list(ids)
    if not wanted:
        return []
    now = now or now_utc()
    with db.read() as s:
        orders = list(s.scalars(select(WorkOrder).where(WorkOrder.id.in_(wanted))))
        names = dict(s.execute(select(Community.id, Community.name)).all())
        places = _places(s, {o.household_id for o in orders if o.household_id is not None})
        rows = {
            o.id: CallbackQueueRow(
                o.id,
                o.number,
                names.get(o.community_id, ""),
                places.get(o.household_id, "") if o.household_id is not None else o.location,
                o.category,
                o.tier,
                o.description,
                o.caller_name,
                mask_phone(o.caller_phone),
                o.handler,
                o.completed_at,
                o.callback_due,
                o.status == Status.COMPLETED.value
                and o.callback_due is not None
                and o.callback_due < now,
                o.version,
            )
            for o in orders
        }
    return [rows[i] for i in wanted if i in rows]


# --- commitment letters ------------------------------------------------------------------------


class CommitmentState(enum.StrEnum):
    """The lists of the Commitment tab."""

    TO_ISSUE = "to_issue"  # open promised-tier orders without a commitment yet
    ISSUED = "issued"  # issued, the work not yet completed
    FULFILLED = "fulfilled"  # the order was completed
    OVERDUE = "overdue"  # the promised date has passed and the work is not completed


@dataclass(frozen=True)
class CommitmentRow:
    order_id: int
    order_number: str
    order_status: str
    order_version: int
    community: str
    place: str
    description: str
    reported_at: datetime
    number: str  # "" while the letter is still to issue
    promised_date: date | None
    responsible_unit: str
    responsible_person: str
    issued_at: datetime | None
    printed_count: int
    fulfilled_at: datetime | None
    overdue: bool


COMMITMENT_LIST_LIMIT = 2000


def commitment_rows(
    db: Database,
    actor: Actor,
    state: CommitmentState,
    community_id: int | None = None,
    now: datetime | None = None,
    limit: int = COMMITMENT_LIST_LIMIT,
) -> list[CommitmentRow]:
    """One list of the Commitment tab, most urgent first (bounded: promised repairs are few).

    "Issued" holds every unfulfilled commitment, overdue ones included; "overdue" is the
    subset whose promised local day has passed.
    """
    actor.require(Permission.WORK_ORDERS_READ)
    today = to_local_date(now or now_utc())
    promised = WorkOrder.tier == Tier.PROMISED.value
    stmt = select(WorkOrder, Commitment).outerjoin(Commitment, Commitment.order_id == WorkOrder.id)
    if state is CommitmentState.TO_ISSUE:
        stmt = stmt.where(promised, Commitment.id.is_(None), WorkOrder.status.in_(_OPEN)).order_by(
            WorkOrder.reported_at, WorkOrder.id
        )
    elif state is CommitmentState.FULFILLED:
        stmt = stmt.where(Commitment.fulfilled_at.is_not(None)).order_by(
            Commitment.fulfilled_at.desc(), Commitment.id.desc()
        )
    else:
        stmt = stmt.where(
            Commitment.id.is_not(None),
            Commitment.fulfilled_at.is_(None),
            WorkOrder.status != Status.CANCELLED.value,
        )
        if state is CommitmentState.OVERDUE:
            stmt = stmt.where(Commitment.promised_date < today.isoformat())
        stmt = stmt.order_by(Commitment.promised_date, Commitment.id)
    if community_id is not None:
        stmt = stmt.where(WorkOrder.community_id == community_id)
    with db.read() as s:
        pairs = s.execute(stmt.limit(limit)).all()
        names = dict(s.execute(select(Community.id, Community.name)).all())
        places = _places(s, {o.household_id for o, _ in pairs if o.household_id is not None})
        rows: list[CommitmentRow] = []
        for o, c in pairs:
            promised_day = date.fromisoformat(c.promised_date) if c is not None else None
            rows.append(
                CommitmentRow(
                    order_id=o.id,
                    order_number=o.number,
                    order_status=o.status,
                    order_version=o.version,
                    community=names.get(o.community_id, ""),
                    place=(
                        places.get(o.household_id, "") if o.household_id is not None else o.location
                    ),
                    description=o.description,
                    reported_at=o.reported_at,
                    number=c.number if c is not None else "",
                    promised_date=promised_day,
                    responsible_unit=c.responsible_unit if c is not None else "",
                    responsible_person=c.responsible_person if c is not None else "",
                    issued_at=c.issued_at if c is not None else None,
                    printed_count=c.printed_count if c is not None else 0,
                    fulfilled_at=c.fulfilled_at if c is not None else None,
                    overdue=(
                        c is not None
                        and c.fulfilled_at is None
                        and promised_day is not None
                        and promised_day < today
                    ),
                )
            )
    return rows


def to_local_date(moment: datetime) -> date:
    """The Asia/Shanghai calendar day of a UTC moment."""
    return moment.astimezone(LOCAL_TZ).date()
