"""How late an open order is: overdue (red), due soon (amber) or normal, both as a row's mark
and as the list filter's SQL condition, and whether a regulator's supervision deadline passed.

A paused order is never late: its clock is stopped, and its deadlines move when it resumes.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_

from wuye_desktop.core.clock import to_local
from wuye_desktop.core.orders.status import OPEN_STATUSES, OPEN_VALUES
from wuye_desktop.storage.models import WorkOrder


class Urgency(enum.StrEnum):
    """How a row stands out: overdue (red), due soon (amber), or normal."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NORMAL = "normal"


def urgency(o: WorkOrder, now: datetime, soon: timedelta) -> Urgency:
    """The mark of one loaded order; :func:`overdue_clause` and :func:`due_soon_clause` are
    the same rule in SQL."""
    if o.status not in OPEN_VALUES or o.paused_since is not None:
        return Urgency.NORMAL
    if (o.completion_due is not None and o.completion_due < now) or (
        o.responded_at is None and o.response_due is not None and o.response_due < now
    ):
        return Urgency.OVERDUE
    if o.completion_due is not None and o.completion_due < now + soon:
        return Urgency.DUE_SOON
    return Urgency.NORMAL


def overdue_clause(now: datetime) -> ColumnElement[bool]:
    return and_(
        WorkOrder.status.in_(OPEN_VALUES),
        WorkOrder.paused_since.is_(None),
        or_(
            WorkOrder.completion_due < now,
            and_(WorkOrder.responded_at.is_(None), WorkOrder.response_due < now),
        ),
    )


def due_soon_clause(now: datetime, soon: timedelta) -> ColumnElement[bool]:
    return and_(
        WorkOrder.status.in_(OPEN_VALUES),
        WorkOrder.paused_since.is_(None),
        WorkOrder.completion_due >= now,
        WorkOrder.completion_due < now + soon,
    )


def supervision_overdue(deadline: datetime | None, status: str, now: datetime) -> bool:
    """Whether the regulator's supervision deadline (督办) has passed with the work not done.

    Only an open order can be late: once completed, closed or cancelled the notice is answered.
    """
    return deadline is not None and status in OPEN_STATUSES and to_local(deadline) < now
