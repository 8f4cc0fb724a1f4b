"""Who can take an order: the active people of its community (and those of every community)
for the channel it goes to, those skilled in its category first, then the least busy, each with
their open workload; after them the names typed freely for that community and channel lately,
as fallbacks. Every count is one GROUP BY, never a query per person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.orders.status import OPEN_VALUES
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Staff, WorkOrder

# How far back a typed name is still offered, and how many of them.
FALLBACK_DAYS = 180
MAX_FALLBACKS = 10


@dataclass(frozen=True)
class HandlerChoice:
    """One entry of the dispatch dialog's handler list."""

    staff_id: int | None  # None: a name typed at an earlier dispatch, not in the directory
    name: str
    kind: str  # a StaffKind value; "" for a typed name
    phone: str
    skills: tuple[str, ...]
    skilled: bool  # the order's category is among their skills
    open_orders: int  # accepted, dispatched, in progress or reopened orders assigned to them
    last_used: datetime | None = None  # for a typed name: its latest order


def split_skills(stored: str) -> tuple[str, ...]:
    """The category codes of a person's skills as the column keeps them."""
    return tuple(code for code in stored.split(",") if code)


def open_workload(s: Session, staff_ids: Iterable[int]) -> dict[int, int]:
    """Open orders per staff id (ids without any are left out), in one query."""
    wanted = list(set(staff_ids))
    if not wanted:
        return {}
    rows = s.execute(
        select(WorkOrder.handler_id, func.count())
        .where(WorkOrder.handler_id.in_(wanted), WorkOrder.status.in_(OPEN_VALUES))
        .group_by(WorkOrder.handler_id)
    )
    return {handler_id: count for handler_id, count in rows if handler_id is not None}


def _fallbacks(
    s: Session, community_id: int, channel: str, taken: set[str], now: datetime
) -> list[HandlerChoice]:
    is_open = case((WorkOrder.status.in_(OPEN_VALUES), 1), else_=0)
    last = func.max(WorkOrder.reported_at)
    rows = s.execute(
        select(WorkOrder.handler, func.sum(is_open), last)
        .where(
            WorkOrder.community_id == community_id,
            WorkOrder.reported_at >= now - timedelta(days=FALLBACK_DAYS),
            WorkOrder.channel == channel,
            WorkOrder.handler_id.is_(None),
            WorkOrder.handler != "",
        )
        .group_by(WorkOrder.handler)
        .order_by(last.desc(), WorkOrder.handler)
        .limit(MAX_FALLBACKS + len(taken))
    )
    choices = [
        HandlerChoice(None, name, "", "", (), False, int(count or 0), at)
        for name, count, at in rows
        if name.lower() not in taken
    ]
    return choices[:MAX_FALLBACKS]


def handler_choices(
    db: Database, actor: Actor, community_id: int, category: str, channel: str
) -> list[HandlerChoice]:
    """Who can take an order of *community_id* in *category* sent to *channel*: the directory's
    people, skilled first then least busy, then the typed names of late (newest first)."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        people = s.scalars(
            select(Staff).where(
                Staff.active.is_(True),
                Staff.channel == channel,
                or_(Staff.community_id == community_id, Staff.community_id.is_(None)),
            )
        ).all()
        workload = open_workload(s, [p.id for p in people])
        staff = []
        for p in people:
            skills = split_skills(p.skills)
            staff.append(
                HandlerChoice(
                    p.id, p.name, p.kind, p.phone, skills, category in skills, workload.get(p.id, 0)
                )
            )
        staff.sort(key=lambda c: (not c.skilled, c.open_orders, c.name))
        typed = _fallbacks(s, community_id, channel, {c.name.lower() for c in staff}, now_utc())
    return staff + typed
