"""How the regulator judges a company: the reply rate to its tickets (目标 80 %) and supervision
notices (督办) answered in time. The one rule the Regulator tab (``regulator.inbox.reply_rate``)
and the overview both count with.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from wuye_desktop.core.orders.status import OPEN_VALUES

REPLY_TARGET = 0.80
# A ticket the platform sent without a reply deadline is due a day after it arrived.
DEFAULT_REPLY_TIME = timedelta(days=1)


def reply_in_time(
    reply_due_at: datetime | None,
    received_at: datetime,
    first_reply_at: datetime | None,
    now: datetime,
) -> bool | None:
    """Whether a ticket was first replied to by its deadline (the platform's measure); None
    while it is unanswered and still inside its deadline (it counts neither way yet)."""
    due = reply_due_at or received_at + DEFAULT_REPLY_TIME
    if first_reply_at is not None:
        return first_reply_at <= due
    return False if due < now else None


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
