"""The callback statistics: the periods they are counted over, where each begins, and the counts.

A period is made of local days (Asia/Shanghai): "this week" begins on Monday at 00:00 there,
whatever the zone of the machine that asks.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select

from wuye_desktop.core.clock import LOCAL_TZ, now_utc
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Callback, OrderEvent, WorkOrder


class StatsPeriod(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    LAST_12_MONTHS = "12_months"  # this month and the eleven before it


PERIOD_LABELS: dict[StatsPeriod, str] = {
    StatsPeriod.WEEK: QT_TRANSLATE_NOOP("core", "This week"),
    StatsPeriod.MONTH: QT_TRANSLATE_NOOP("core", "This month"),
    StatsPeriod.QUARTER: QT_TRANSLATE_NOOP("core", "This quarter"),
    StatsPeriod.YEAR: QT_TRANSLATE_NOOP("core", "This year"),
    StatsPeriod.LAST_12_MONTHS: QT_TRANSLATE_NOOP("core", "Last 12 months"),
}

DEFAULT_PERIOD = StatsPeriod.MONTH


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ)


def period_start(period: StatsPeriod | str, now: datetime) -> datetime:
    """Where a period of the statistics begins, at local midnight."""
    today = now.astimezone(LOCAL_TZ).date()
    match StatsPeriod(period):
        case StatsPeriod.WEEK:
            return _local_midnight(today - timedelta(days=today.weekday()))
        case StatsPeriod.MONTH:
            return _local_midnight(today.replace(day=1))
        case StatsPeriod.QUARTER:
            return _local_midnight(date(today.year, (today.month - 1) // 3 * 3 + 1, 1))
        case StatsPeriod.YEAR:
            return _local_midnight(date(today.year, 1, 1))
        case StatsPeriod.LAST_12_MONTHS:
            months = today.year * 12 + today.month - 1 - 11
            return _local_midnight(date(months // 12, months % 12 + 1, 1))


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


# What the callback statistics count, as SQL the overview (core.overview) counts and lists with
# too, so the callbacks tab and the manager's overview never disagree.
SATISFIED_VALUES = ("satisfied", "basically_satisfied")


def completed_between(since: datetime, until: datetime | None = None) -> Select[Any]:
    """The ids of the orders completed in [since, until): a move to completed at that time
    (an order completed, reopened and completed again in the period counts once)."""
    stmt = select(OrderEvent.order_id).where(
        OrderEvent.kind == "status",
        OrderEvent.status == Status.COMPLETED.value,
        OrderEvent.at >= since,
    )
    if until is not None:
        stmt = stmt.where(OrderEvent.at < until)
    return stmt.distinct()


def callbacks_between(since: datetime, until: datetime | None = None) -> ColumnElement[bool]:
    """The condition on Callback of one made in [since, until)."""
    if until is None:
        return Callback.at >= since
    return and_(Callback.at >= since, Callback.at < until)


def callback_stats(
    db: Database, actor: Actor, since: datetime, now: datetime | None = None
) -> CallbackStats:
    actor.require(Permission.WORK_ORDERS_READ)
    now = now or now_utc()
    with db.read() as s:
        completed_orders = completed_between(since)
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
                .where(callbacks_between(since))
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
