"""How the regulator judges a company: the reply rate to its tickets (目标 80 %) and supervision
notices (督办) answered in time. The one rule the Regulator tab (``regulator.inbox.reply_rate``)
and the overview both count with.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from wuye_desktop.core.orders.status import OPEN_VALUES
from wuye_desktop.storage.models import RegulatorTicket
from wuye_desktop.storage.types import UTCDateTime

REPLY_TARGET = 0.80
# A ticket the platform sent without a reply deadline is due this many days after it arrived.
DEFAULT_REPLY_DAYS = 1

# The reply rule as SQL conditions on ``regulator_ticket``: whoever counts or lists tickets by
# it (the overview, its drill-down, the Regulator tab) asks the database, which reads a year's
# tickets from one index (``first_reply_at`` is kept by storage.ticket_triggers).


def reply_due() -> ColumnElement[datetime]:
    """A ticket's reply deadline: the platform's, else :data:`DEFAULT_REPLY_DAYS` after it came."""
    return func.coalesce(
        RegulatorTicket.reply_due_at,
        _DaysLater(RegulatorTicket.received_at),
        type_=UTCDateTime(timezone=True),
    )


def reply_decided(now: datetime) -> ColumnElement[bool]:
    """A ticket that counts in the reply rate at *now*: replied to, or its deadline passed
    unanswered. One unanswered and still inside its deadline counts neither way yet."""
    return or_(RegulatorTicket.first_reply_at.is_not(None), reply_due() < now)


def reply_on_time() -> ColumnElement[bool]:
    """A ticket first replied to by its deadline (the platform's measure)."""
    return and_(
        RegulatorTicket.first_reply_at.is_not(None),
        RegulatorTicket.first_reply_at <= reply_due(),
    )


class _DaysLater(FunctionElement[datetime]):
    """A stored time :data:`DEFAULT_REPLY_DAYS` later, as the engine stores times."""

    type = UTCDateTime(timezone=True)
    inherit_cache = True
    name = "days_later"


@compiles(_DaysLater, "sqlite")
def _days_later_sqlite(element: _DaysLater, compiler: Any, **kw: Any) -> str:
    # Times are text 'YYYY-MM-DD HH:MM:SS.ffffff' (storage.types): the date moved, the
    # fraction kept, so the result compares with the stored times as text does.
    arg = compiler.process(next(iter(element.clauses)), **kw)
    return (
        f"(strftime('%Y-%m-%d %H:%M:%S', {arg}, '+{DEFAULT_REPLY_DAYS} days') || substr({arg}, 20))"
    )


@compiles(_DaysLater, "postgresql")
def _days_later_postgresql(element: _DaysLater, compiler: Any, **kw: Any) -> str:
    arg = compiler.process(next(iter(element.clauses)), **kw)
    return f"({arg} + interval '{DEFAULT_REPLY_DAYS} days')"


def supervision_in_time(
    deadline: datetime, answered_at: datetime | None, order_status: str | None, now: datetime
) -> bool | None:
    """Whether a supervision notice was answered by its deadline: its order completed, closed or
    cancelled (core.orders.urgency.supervision_overdue) by then. *answered_at* is the first
    such move since the notice was issued. None while the order is open and the deadline is
    still ahead, or for a notice about no order of ours."""
    if answered_at is not None:
        return answered_at <= deadline
    if order_status is None:
        return None
    if order_status not in OPEN_VALUES:
        return True  # done before the notice came
    return False if deadline < now else None
