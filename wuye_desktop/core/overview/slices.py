"""Which orders a figure of the overview counts, as one SQL condition on ``work_order``.

Each slice is defined here once. The overview counts with it, and the work-order list
(:class:`core.orders.list_query.OrderFilter` with ``slice=``) lists with it, so a number on the
overview and the list a click on it opens always hold the same orders.

The rules (DESIGN §3 "Overview"; ``docs/overview.md`` says the same for people):

- **Which period an order belongs to**: the local day (Asia/Shanghai) it was reported on. The
  counts, on-time rates, times, commitments and reopenings of a period are about the orders
  reported in it, as they stand now. Callbacks are counted by when they happened: coverage over
  the orders *completed* in the period, satisfaction over the callbacks *made* in it (the
  callbacks tab's rules, :mod:`core.orders.callback_stats`). Regulator tickets by when they were
  received, supervision notices by when they were issued.
- **Cancelled** orders count in the counts (by status: cancelled) and nowhere else: not in a
  rate, a time or a commitment.
- **Transferred** orders (dispatched again) are one order: their first dispatch is the response.
- **Paused** orders: paused time is left out as the deadlines leave it out (their deadlines
  moved when they resumed). An order paused now whose deadline has not been met is not judged
  yet: a paused order is never late.
- **Reopened** orders (the owner was dissatisfied) are judged by their latest round: the
  reopening set new deadlines and cleared the completion (and, but for promised orders, the
  response), so they count again when done. They are what the reopened figure and the
  first-time fix rate (一次修复率) count.
- An on-time rate counts the orders whose deadline is decided: done (in time or late), or
  not done with the deadline passed. An order still inside its deadline counts neither way.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, false, not_, or_, select

from wuye_desktop.core.clock import LOCAL_TZ
from wuye_desktop.core.orders.callback_stats import (
    SATISFIED_VALUES,
    callbacks_between,
    completed_between,
)
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.overview.periods import local_midnight
from wuye_desktop.core.overview.regulator_rules import reply_decided, reply_on_time
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage.models import (
    Callback,
    Commitment,
    OrderEvent,
    RegulatorTicket,
    WorkOrder,
)


class SliceKey(enum.StrEnum):
    """The populations of the figures; stable, they may be stored in a saved view."""

    REPORTED = "reported"  # reported in the period
    RESPONSE_RATED = "response_rated"  # response decided: done, or not done and due
    RESPONSE_ON_TIME = "response_on_time"
    COMPLETION_RATED = "completion_rated"
    COMPLETION_ON_TIME = "completion_on_time"
    RESPONDED = "responded"  # with a response time
    COMPLETED = "completed"  # with a completion time
    COMMITMENT_RATED = "commitment_rated"  # promised orders whose letter is issued or due
    COMMITMENT_ON_TIME = "commitment_on_time"
    FIX_RATED = "fix_rated"  # completed at least once
    FIXED_FIRST_TIME = "fixed_first_time"  # ... and never reopened
    REOPENED = "reopened"
    COMPLETED_IN_PERIOD = "completed_in_period"  # completed in the period, whenever reported
    CALLED_BACK = "called_back"  # ... and called back
    CALLBACK_IN_PERIOD = "callback_in_period"  # with a callback made in the period
    SATISFIED_IN_PERIOD = "satisfied_in_period"  # ... satisfied or basically satisfied
    UNSATISFIED_IN_PERIOD = "unsatisfied_in_period"  # ... with one not satisfied
    CALLBACK_DUE = "callback_due"  # now: waiting for a callback due by the end of today
    # Orders made of a regulator ticket received in the period whose reply counts (replied
    # to, or due unanswered), and of those the ones replied to in time.
    TICKET_RATED = "ticket_rated"
    TICKET_ON_TIME = "ticket_on_time"


@dataclass(frozen=True)
class OrderSlice:
    """A figure's orders: *key* over the local days *start* ≤ day < *end* (a "now" slice
    ignores them); with *missing*, those of *key* that are not of *missing* (a rate's orders
    that did not meet it: the late ones, the ones not called back)."""

    key: SliceKey
    start: date
    end: date
    missing: SliceKey | None = None


_NOT_CANCELLED = WorkOrder.status != Status.CANCELLED.value


def _reported(sl: OrderSlice) -> ColumnElement[bool]:
    return and_(
        WorkOrder.reported_at >= local_midnight(sl.start),
        WorkOrder.reported_at < local_midnight(sl.end),
    )


def _moved_to(status: Status) -> ColumnElement[bool]:
    return exists(
        select(OrderEvent.id).where(
            OrderEvent.order_id == WorkOrder.id,
            OrderEvent.kind == "status",
            OrderEvent.status == status.value,
        )
    )


def _decided(done: ColumnElement[bool], due: ColumnElement[bool]) -> ColumnElement[bool]:
    """Done, or due and not paused now (a paused order's clock is stopped)."""
    return or_(done, and_(WorkOrder.paused_since.is_(None), due))


def _has_commitment() -> ColumnElement[bool]:
    return exists(select(Commitment.id).where(Commitment.order_id == WorkOrder.id))


def end_of_today(now: datetime) -> datetime:
    return local_midnight(now.astimezone(LOCAL_TZ).date() + timedelta(days=1))


def slice_condition(sl: OrderSlice, now: datetime) -> ColumnElement[bool]:
    """The condition on ``work_order`` of the orders *sl* holds, judged at *now*."""
    if sl.missing is not None:
        met = OrderSlice(SliceKey(sl.missing), sl.start, sl.end)
        return and_(
            slice_condition(OrderSlice(sl.key, sl.start, sl.end), now),
            not_(slice_condition(met, now)),
        )
    k = SliceKey(sl.key)
    if k is SliceKey.CALLBACK_DUE:
        return and_(
            WorkOrder.status == Status.COMPLETED.value, WorkOrder.callback_due < end_of_today(now)
        )
    start, end = local_midnight(sl.start), local_midnight(sl.end)
    if k is SliceKey.COMPLETED_IN_PERIOD:
        return WorkOrder.id.in_(completed_between(start, end))
    if k is SliceKey.CALLED_BACK:
        return and_(
            WorkOrder.id.in_(completed_between(start, end)),
            exists(select(Callback.id).where(Callback.order_id == WorkOrder.id)),
        )
    if k in (
        SliceKey.CALLBACK_IN_PERIOD,
        SliceKey.SATISFIED_IN_PERIOD,
        SliceKey.UNSATISFIED_IN_PERIOD,
    ):
        cond = and_(Callback.order_id == WorkOrder.id, callbacks_between(start, end))
        if k is SliceKey.SATISFIED_IN_PERIOD:
            cond = and_(cond, Callback.satisfaction.in_(SATISFIED_VALUES))
        elif k is SliceKey.UNSATISFIED_IN_PERIOD:
            cond = and_(cond, Callback.satisfaction.not_in(SATISFIED_VALUES))
        return exists(select(Callback.id).where(cond))
    if k in (SliceKey.TICKET_RATED, SliceKey.TICKET_ON_TIME):
        verdict = reply_decided(now) if k is SliceKey.TICKET_RATED else reply_on_time()
        return exists(
            select(RegulatorTicket.id).where(
                RegulatorTicket.order_id == WorkOrder.id,
                RegulatorTicket.received_at >= start,
                RegulatorTicket.received_at < end,
                verdict,
            )
        )
    cohort = _reported(sl)
    if k is SliceKey.REPORTED:
        return cohort
    if k is SliceKey.REOPENED:
        return and_(cohort, _moved_to(Status.REOPENED))
    if k is SliceKey.FIX_RATED:
        return and_(cohort, _moved_to(Status.COMPLETED))
    if k is SliceKey.FIXED_FIRST_TIME:
        return and_(cohort, _moved_to(Status.COMPLETED), not_(_moved_to(Status.REOPENED)))
    judged = and_(cohort, _NOT_CANCELLED)
    responded = WorkOrder.responded_at.is_not(None)
    completed = WorkOrder.completed_at.is_not(None)
    match k:
        case SliceKey.RESPONSE_RATED:
            return and_(judged, _decided(responded, WorkOrder.response_due < now))
        case SliceKey.RESPONSE_ON_TIME:
            return and_(judged, responded, WorkOrder.responded_at <= WorkOrder.response_due)
        case SliceKey.COMPLETION_RATED:
            return and_(judged, _decided(completed, WorkOrder.completion_due < now))
        case SliceKey.COMPLETION_ON_TIME:
            return and_(judged, completed, WorkOrder.completed_at <= WorkOrder.completion_due)
        case SliceKey.RESPONDED:
            return and_(judged, responded)
        case SliceKey.COMPLETED:
            return and_(judged, completed)
        case SliceKey.COMMITMENT_RATED:
            promised = and_(judged, WorkOrder.tier == Tier.PROMISED.value)
            return and_(promised, _decided(_has_commitment(), WorkOrder.response_due < now))
        case SliceKey.COMMITMENT_ON_TIME:
            in_time = exists(
                select(Commitment.id).where(
                    Commitment.order_id == WorkOrder.id,
                    Commitment.issued_at <= WorkOrder.response_due,
                )
            )
            return and_(judged, WorkOrder.tier == Tier.PROMISED.value, in_time)
    return false()
