"""The moves of an order through its status flow, one function per move the desk makes:
dispatch (or transfer), start, complete, close, cancel, pause, resume, and a note.

Every function is one transaction: the order, its timeline event, the outbox event that the
regulator must receive (protocol §5) and the audit entry commit together or not at all.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders._shared import (
    MAX_NAME,
    MAX_NOTE,
    MAX_PAUSE_REASON,
    REQUIRED,
    check_lengths,
    event,
    length_errors,
    load_checked,
    load_order,
    mark_responded,
    order_state,
    recompute_deadlines,
    require_text,
    status_event,
)
from wuye_desktop.core.orders.actions import (
    Action,
    require_permission,
    require_state,
    start_needs_commitment,
)
from wuye_desktop.core.orders.commitments import CommitmentInput, issue_commitment_in
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.settings import callback_due_days
from wuye_desktop.core.staff.resolve import resolve_handler
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage import clock_minutes
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment, OrderPause, WorkOrder


def dispatch(
    db: Database,
    actor: Actor,
    order_id: int,
    expected_version: int,
    *,
    channel: str,
    handler: str = "",
    handler_id: int | None = None,
    note: str = "",
) -> None:
    """Send the order to one of the 3 channels and a handler; again later, it is a transfer.

    The handler is somebody of the staff directory (*handler_id*) or, as a fallback, a name
    typed freely (*handler*), linked all the same when the directory knows exactly one active
    person of that name for the order's community and channel."""
    require_permission(actor, Action.DISPATCH)
    errors: list[FieldError] = []
    if channel not in {c.value for c in Channel}:
        errors.append(FieldError("channel", QT_TRANSLATE_NOOP("core", "Choose one")))
    if handler_id is None and not handler.strip():
        errors.append(FieldError("handler", REQUIRED))
    errors += length_errors(handler=(handler, MAX_NAME), note=(note, MAX_NOTE))
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        order = load_checked(s, Action.DISPATCH, order_id, expected_version)
        name, staff_id = resolve_handler(s, order.community_id, channel, handler, handler_id)
        now = now_utc()
        order.channel, order.handler, order.handler_id = channel, name, staff_id
        status_event(
            s,
            actor,
            order,
            Status.DISPATCHED,
            now,
            note.strip(),
            channel=channel,
            handler=name,
        )
        mark_responded(order, now)


def start_work(
    db: Database,
    actor: Actor,
    order_id: int,
    expected_version: int,
    *,
    note: str = "",
    commitment: CommitmentInput | None = None,
) -> None:
    """Work begins. A promised order needs its commitment first (given here or issued before)."""
    require_permission(actor, Action.START)
    check_lengths(note=(note, MAX_NOTE))
    with db.transaction() as s:
        order = load_order(s, order_id, expected_version)
        state = order_state(s, order)
        require_state(Action.START, state)
        if start_needs_commitment(state):
            if commitment is None:
                raise StateError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "A promised order cannot start without its commitment: plan, promised "
                        "date, responsible unit and person.",
                    )
                )
            require_permission(actor, Action.ISSUE_COMMITMENT)
            issue_commitment_in(s, actor, order, commitment)
        promised_date: date | None = None
        number: str | None = None
        existing = s.scalar(select(Commitment).where(Commitment.order_id == order.id))
        if existing is not None:  # only promised orders have one
            promised_date, number = date.fromisoformat(existing.promised_date), existing.number
        now = now_utc()
        status_event(
            s,
            actor,
            order,
            Status.IN_PROGRESS,
            now,
            note.strip(),
            promised_date=promised_date,
            commitment_no=number,
        )
        mark_responded(order, now)


def complete(db: Database, actor: Actor, order_id: int, expected_version: int, result: str) -> None:
    """The work is done. Its result (处理结果: what was found and done) is required: it is the
    completion's timeline entry, what the regulator hears and what the callback asks about."""
    require_permission(actor, Action.COMPLETE)
    with db.transaction() as s:
        order = load_checked(s, Action.COMPLETE, order_id, expected_version)
        # After the state: an order that cannot be completed is told so, not asked for more.
        require_text(
            "result", result, MAX_NOTE, QT_TRANSLATE_NOOP("core", "Say what was found and done")
        )
        now = now_utc()
        status_event(s, actor, order, Status.COMPLETED, now, result.strip())
        order.completed_at = now
        clock_minutes.refresh(s, order)
        order.callback_due = now + timedelta(days=callback_due_days(s))
        c = s.scalar(select(Commitment).where(Commitment.order_id == order.id))
        if c is not None and c.fulfilled_at is None:
            c.fulfilled_at = now


def close(db: Database, actor: Actor, order_id: int, expected_version: int, note: str = "") -> None:
    """Close a completed order without waiting for a callback (e.g. the owner cannot be reached)."""
    require_permission(actor, Action.CLOSE)
    require_text("note", note, MAX_NOTE)
    with db.transaction() as s:
        order = load_checked(s, Action.CLOSE, order_id, expected_version)
        now = now_utc()
        status_event(s, actor, order, Status.CLOSED, now, note.strip())
        order.closed_at = now


def cancel(db: Database, actor: Actor, order_id: int, expected_version: int, reason: str) -> None:
    require_permission(actor, Action.CANCEL)
    require_text(
        "reason", reason, MAX_NOTE, QT_TRANSLATE_NOOP("core", "Say why the order is cancelled")
    )
    with db.transaction() as s:
        order = load_checked(s, Action.CANCEL, order_id, expected_version)
        now = now_utc()
        status_event(s, actor, order, Status.CANCELLED, now, reason.strip())
        order.closed_at = now
        _end_pause(s, order, now)


def add_note(db: Database, actor: Actor, order_id: int, note: str) -> None:
    """A note on the timeline; notes never conflict, so no version is asked for."""
    require_permission(actor, Action.NOTE)
    require_text("note", note, MAX_NOTE)
    with db.transaction() as s:
        order = load_checked(s, Action.NOTE, order_id)
        event(s, actor, order, now_utc(), "note", note.strip())
        audit.record(s, actor, "order.note", "work_order", order.number)


def pause(db: Database, actor: Actor, order_id: int, expected_version: int, reason: str) -> None:
    """Stop the clock (waiting for the owner's access, for parts); the pause is not counted."""
    require_permission(actor, Action.PAUSE)
    require_text("reason", reason, MAX_PAUSE_REASON)
    with db.transaction() as s:
        order = load_checked(s, Action.PAUSE, order_id, expected_version)
        now = now_utc()
        s.add(OrderPause(order_id=order.id, start=now, reason=reason.strip()))
        order.paused_since = now
        event(s, actor, order, now, "pause", reason.strip())
        audit.record(s, actor, "order.pause", "work_order", order.number, reason=reason.strip())


def _end_pause(s: Session, order: WorkOrder, now: datetime) -> None:
    if order.paused_since is None:
        return
    for p in s.scalars(
        select(OrderPause).where(OrderPause.order_id == order.id, OrderPause.end.is_(None))
    ):
        p.end = now
    order.paused_since = None
    s.flush()


def resume(db: Database, actor: Actor, order_id: int, expected_version: int) -> None:
    require_permission(actor, Action.RESUME)
    with db.transaction() as s:
        order = load_checked(s, Action.RESUME, order_id, expected_version)
        now = now_utc()
        _end_pause(s, order, now)
        recompute_deadlines(s, order, order.reported_at)
        clock_minutes.refresh(s, order)  # a pause is left out of the times it falls within
        event(s, actor, order, now, "resume")
        audit.record(s, actor, "order.resume", "work_order", order.number)
