"""Callbacks (回访): recording the owner's verdict on a completed order, and the queue of
completed orders waiting for theirs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from wuye_desktop.core import audit, outbox, search
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders._shared import (
    MAX_NAME,
    MAX_NOTE,
    event,
    length_errors,
    load_checked,
    recompute_deadlines,
    status_event,
    stream,
)
from wuye_desktop.core.orders.actions import Action, require_permission
from wuye_desktop.core.orders.rows import Whereabouts, in_order, orders_of
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.search import SearchQuery
from wuye_desktop.core.validation import mask_phone
from wuye_desktop.core.vocab import CallbackMethod, Satisfaction, Tier
from wuye_desktop.storage import clock_minutes
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Callback, WorkOrder


@dataclass
class CallbackInput:
    method: str
    satisfaction: str
    person_reached: str = ""
    comment: str = ""


def record_callback(
    db: Database, actor: Actor, order_id: int, expected_version: int, data: CallbackInput
) -> None:
    """The owner's verdict. Dissatisfied reopens the order; otherwise it is closed."""
    require_permission(actor, Action.CALLBACK)
    errors: list[FieldError] = []
    if data.method not in {m.value for m in CallbackMethod}:
        errors.append(FieldError("method", QT_TRANSLATE_NOOP("core", "Choose one")))
    if data.satisfaction not in {x.value for x in Satisfaction}:
        errors.append(FieldError("satisfaction", QT_TRANSLATE_NOOP("core", "Choose one")))
    if data.satisfaction == Satisfaction.DISSATISFIED.value and not data.comment.strip():
        errors.append(
            FieldError(
                "comment", QT_TRANSLATE_NOOP("core", "Write down what the owner is unhappy with")
            )
        )
    errors += length_errors(
        person_reached=(data.person_reached, MAX_NAME), comment=(data.comment, MAX_NOTE)
    )
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        order = load_checked(s, Action.CALLBACK, order_id, expected_version)
        now = now_utc()
        s.add(
            Callback(
                order_id=order.id,
                at=now,
                method=data.method,
                person_reached=data.person_reached.strip(),
                satisfaction=data.satisfaction,
                comment=data.comment.strip(),
                username=actor.username,
            )
        )
        event(s, actor, order, now, "callback", data.comment.strip())
        outbox.enqueue(
            s,
            stream=stream(order),
            kind="callback",
            path=f"/work-orders/{order.number}/callbacks",
            body={
                "at": outbox.rfc3339(now),
                "method": data.method,
                "satisfaction": data.satisfaction,
                "comment": data.comment.strip(),
            },
        )
        audit.record(
            s, actor, "order.callback", "work_order", order.number, satisfaction=data.satisfaction
        )
        order.callback_due = None
        if data.satisfaction == Satisfaction.DISSATISFIED.value:
            status_event(s, actor, order, Status.REOPENED, now, data.comment.strip())
            order.completed_at = None
            recompute_deadlines(s, order, now)
            order.responded_at = None if order.tier != Tier.PROMISED.value else order.responded_at
            clock_minutes.refresh(s, order)  # the cleared times' minutes go with them
        else:
            status_event(s, actor, order, Status.CLOSED, now, "")
            order.closed_at = now


# --- the queue of orders waiting for their callback ---------------------------------------------


@dataclass(frozen=True)
class CallbackQueue:
    """The queue's ids, the most urgent first, and what its search text was read as."""

    ids: list[int]
    query: SearchQuery


def callback_queue(
    db: Database,
    actor: Actor,
    text: str = "",
    overdue_only: bool = False,
    now: datetime | None = None,
) -> CallbackQueue:
    """Completed orders waiting for their callback, the most urgent first; with *text*, those
    it names as the order list's search box does (core.search: the same meaning)."""
    actor.require(Permission.WORK_ORDERS_READ)
    stmt = select(WorkOrder.id).where(WorkOrder.status == Status.COMPLETED.value)
    if overdue_only:
        stmt = stmt.where(WorkOrder.callback_due < (now or now_utc()))
    with db.read() as s:
        query = search.understand(s, text)
        condition = search.order_condition(s, query)
        if condition is not None:
            stmt = stmt.where(condition)
        ids = list(s.scalars(stmt.order_by(WorkOrder.callback_due, WorkOrder.id)))
    return CallbackQueue(ids, query)


def callback_queue_ids(
    db: Database, actor: Actor, overdue_only: bool = False, now: datetime | None = None
) -> list[int]:
    """Completed orders waiting for their callback, the most urgent first."""
    return callback_queue(db, actor, overdue_only=overdue_only, now=now).ids


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
        orders = orders_of(s, wanted)
        where = Whereabouts(s, orders)
        rows = {
            o.id: CallbackQueueRow(
                o.id,
                o.number,
                where.community(o),
                where.place(o),
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
    return in_order(wanted, rows)
