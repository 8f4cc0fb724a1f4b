"""The weekly list of unfinished work: the orders not finished at the week's Friday 16:00."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select

from wuye_desktop.core.clock import LOCAL_TZ, now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.status import OPEN_VALUES
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OrderEvent, WorkOrder


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
            .where(WorkOrder.reported_at <= cutoff, OrderEvent.status.in_(OPEN_VALUES))
            .order_by(WorkOrder.community_id, WorkOrder.completion_due, WorkOrder.id)
        )
        if community_id is not None:
            stmt = stmt.where(WorkOrder.community_id == community_id)
        ids = tuple(s.scalars(stmt))
    return WeeklyList(week.upper(), cutoff, community_id, ids)
