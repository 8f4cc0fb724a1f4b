"""An order's response and completion minutes on the calendar clock, paused time left out.

The overview's precomputed figures (``core.overview.summary``) count them per day with
:func:`calendar_minutes`. The copies stored on ``work_order`` (``response_minutes``,
``completion_minutes``, kept by :func:`refresh` on every move) were what the overview read
before that summary; nothing reads them now (dropping them is left for a later migration).

The arithmetic is that of ``core.deadlines.elapsed`` in calendar mode (every minute counts but
paused ones; an open pause stops the clock for good; never negative), which
``tests/unit/test_clock_minutes.py`` checks against it. It lives here because the migration that
fills the columns for existing databases needs it and storage takes no rules from core. It
depends on no setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.storage.models import OrderPause, WorkOrder


def calendar_minutes(
    start: datetime, end: datetime, pauses: Iterable[tuple[datetime, datetime | None]]
) -> float:
    """Minutes from *start* to *end* outside every pause (pauses may overlap)."""
    cuts = sorted((max(a, start), min(b, end) if b is not None else end) for a, b in pauses)
    paused = timedelta(0)
    reach = start  # the end of the paused time counted so far
    for a, b in cuts:
        a = max(a, reach)
        if b > a:
            paused += b - a
            reach = b
    took = end - start - paused
    return max(took, timedelta(0)).total_seconds() / 60


def minutes_of(
    order: WorkOrder, pauses: Sequence[tuple[datetime, datetime | None]]
) -> tuple[float | None, float | None]:
    """The (response, completion) minutes *order* stores, None where it has no such time."""
    return tuple(  # type: ignore[return-value]
        None if at is None else calendar_minutes(order.reported_at, at, pauses)
        for at in (order.responded_at, order.completed_at)
    )


def refresh(s: Session, order: WorkOrder) -> None:
    """Store *order*'s minutes again from its times and pauses; every write that sets or
    clears its response or completion time, or changes its pauses, calls this."""
    if order.responded_at is None and order.completed_at is None:
        order.response_minutes = order.completion_minutes = None
        return
    pauses: list[tuple[datetime, datetime | None]] = []
    if order.id is not None:
        pauses = [
            (a, b)
            for a, b in s.execute(
                select(OrderPause.start, OrderPause.end).where(OrderPause.order_id == order.id)
            )
        ]
    order.response_minutes, order.completion_minutes = minutes_of(order, pauses)
