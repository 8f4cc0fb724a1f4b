"""What the services of this package share: the limits of the texts they take, finding the
order a user saw, its state for the rules, and writing its timeline and protocol events.

Every change names the order's version the user saw; a stale version is refused
(ConcurrentEdit). A status change writes the timeline entry, the outbox event the regulator
must receive (protocol §5) and the audit entry in the caller's transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.deadlines import Pause, deadlines_for
from wuye_desktop.core.errors import ConcurrentEdit, FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.actions import Action, OrderState, require_state
from wuye_desktop.core.orders.status import Status, check_transition
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.settings import load_rules
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage import clock_minutes
from wuye_desktop.storage.models import Callback, Commitment, OrderEvent, OrderPause, WorkOrder

REQUIRED = QT_TRANSLATE_NOOP("core", "Required")
# A note, reason, comment or plan on the timeline; names and units as their columns hold them
# (PostgreSQL refuses a longer value, SQLite would keep it).
MAX_NOTE = 2000
MAX_NAME = 100
MAX_UNIT = 200
MAX_PAUSE_REASON = 200


def stream(order: WorkOrder) -> str:
    """The outbox stream of the order: its events reach the regulator in this order."""
    return order_stream(order.number)


def order_stream(number: str) -> str:
    """The outbox stream of the order numbered *number*."""
    return f"order:{number}"


def load_order(s: Session, order_id: int, expected_version: int | None = None) -> WorkOrder:
    """The order to change, refused if somebody changed it since *expected_version*."""
    order = s.get(WorkOrder, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such work order: {id}"), id=order_id)
    if expected_version is not None and order.version != expected_version:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP(
                "core",
                "Somebody else changed order {number} first. It has been reloaded; "
                "please check it and make your change again.",
            ),
            number=order.number,
        )
    return order


def order_state(s: Session, order: WorkOrder) -> OrderState:
    """The stored order as the rules of its moves (:mod:`.actions`) see it."""
    has_commitment = s.scalar(select(Commitment.id).where(Commitment.order_id == order.id))
    has_callbacks = s.scalar(select(Callback.id).where(Callback.order_id == order.id).limit(1))
    return OrderState(
        number=order.number,
        status=Status(order.status),
        tier=order.tier,
        paused=order.paused_since is not None,
        has_commitment=has_commitment is not None,
        has_callbacks=has_callbacks is not None,
        from_regulator=bool(order.regulator_ticket_id),
    )


def check(s: Session, action: Action, order: WorkOrder) -> None:
    """Refuse the move if the order's state forbids it."""
    require_state(action, order_state(s, order))


def load_checked(
    s: Session, action: Action, order_id: int, expected_version: int | None = None
) -> WorkOrder:
    """The order to change (:func:`load_order`), refused if its state forbids *action*."""
    order = load_order(s, order_id, expected_version)
    check(s, action, order)
    return order


def length_errors(**fields: tuple[str, int]) -> list[FieldError]:
    """``field=(value, limit)``: an error for each value longer than its limit."""
    return [
        FieldError(name, QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": limit})
        for name, (value, limit) in fields.items()
        if len(value.strip()) > limit
    ]


def check_lengths(**fields: tuple[str, int]) -> None:
    errors = length_errors(**fields)
    if errors:
        raise ValidationError(errors)


def require_text(field: str, value: str, limit: int, message: str = REQUIRED) -> None:
    """A text the move cannot go without (a reason, a closing note): given, and not too long."""
    if not value.strip():
        raise ValidationError([FieldError(field, message)])
    check_lengths(**{field: (value, limit)})


def event(
    s: Session,
    actor: Actor,
    order: WorkOrder,
    at: datetime,
    kind: str,
    note: str = "",
    **extra: str,
) -> OrderEvent:
    """One entry of the order's timeline; the order counts as changed at *at*."""
    ev = OrderEvent(
        order_id=order.id,
        at=at,
        kind=kind,
        status=order.status,
        note=note,
        user_id=actor.user_id,
        username=actor.username,
        channel=extra.get("channel", ""),
        handler=extra.get("handler", ""),
    )
    s.add(ev)
    order.updated_at = at
    return ev


def status_event(
    s: Session,
    actor: Actor,
    order: WorkOrder,
    target: Status,
    at: datetime,
    note: str,
    *,
    promised_date: date | None = None,
    commitment_no: str | None = None,
    channel: str = "",
    handler: str = "",
) -> None:
    """Move the order, write its timeline entry and the protocol event with the next seq."""
    check_transition(Status(order.status), target)
    order.status = target.value
    order.last_event_seq += 1
    ev = event(s, actor, order, at, "status", note, channel=channel, handler=handler)
    ev.seq = order.last_event_seq
    outbox.enqueue(
        s,
        stream=stream(order),
        kind="event",
        path=f"/work-orders/{order.number}/events",
        body={
            "seq": order.last_event_seq,
            "status": target.value,
            "at": outbox.rfc3339(at),
            "note": note,
            "promised_date": outbox.iso_date(promised_date),
            "commitment_no": commitment_no,
        },
    )
    audit.record(s, actor, f"order.{target.value}", "work_order", order.number, note=note)


def mark_responded(order: WorkOrder, at: datetime) -> None:
    """The first dispatch or start is the response (a promised order responds with its letter)."""
    if order.responded_at is None and order.tier != Tier.PROMISED.value:
        order.responded_at = at
        s = object_session(order)
        assert s is not None
        clock_minutes.refresh(s, order)


def recompute_deadlines(s: Session, order: WorkOrder, start: datetime) -> None:
    """Both deadlines again from *start*, less the pauses, or the promised day of a commitment."""
    rules = load_rules(s)
    commitment = s.scalar(select(Commitment).where(Commitment.order_id == order.id))
    promised = date.fromisoformat(commitment.promised_date) if commitment else None
    pauses = [
        Pause(p.start, p.end, p.reason)
        for p in s.scalars(select(OrderPause).where(OrderPause.order_id == order.id))
    ]
    d = deadlines_for(rules, order.tier, order.category, start, pauses, promised)
    # None only while a pause is open: the deadlines then stay as they were until it ends.
    if d.response_due is not None:
        order.response_due = d.response_due
    if d.completion_due is not None:
        order.completion_due = d.completion_due
