"""The outbox seen from the sending side: what is due, what was delivered, what is parked.

States of an outbox row: ``pending`` (to send; ``next_attempt_at`` set while it backs off),
``sent`` (the platform answered 2xx), ``failed`` (parked: refused for good by the platform,
with its message, until a person retries or dismisses it), ``dismissed`` (a person with the
right role gave up on it, with a reason) and ``superseded`` (a newer disclosure of the same
community and period replaced it before it went through). A parked row holds back the later
rows of its own stream only (protocol §6.4): other orders go on. Dismissed and superseded rows
hold back nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, PermissionDenied, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.outbox import DISMISSED as DISMISSED
from wuye_desktop.core.outbox import FAILED as FAILED
from wuye_desktop.core.outbox import PENDING as PENDING
from wuye_desktop.core.outbox import SENT as SENT
from wuye_desktop.core.outbox import SUPERSEDED as SUPERSEDED
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OutboxEvent

BACKOFF_FIRST_S = 1.0
BACKOFF_CAP_S = 300.0


def backoff_delay(attempts: int, rng: random.Random | None = None) -> float:
    """1 s doubling per failed attempt, capped at 5 min, with ±25 % jitter (protocol §3)."""
    base = min(BACKOFF_CAP_S, BACKOFF_FIRST_S * 2 ** max(0, attempts - 1))
    jitter = (rng or random).uniform(0.75, 1.25)
    return float(min(BACKOFF_CAP_S, base * jitter))


@dataclass(frozen=True)
class QueuedEvent:
    id: int
    stream: str
    kind: str
    method: str
    path: str
    body: str
    idempotency_key: str
    attempts: int
    next_attempt_at: datetime | None


def held_streams(db: Database) -> set[str]:
    """Streams with a parked event: nothing behind it goes until a person deals with it."""
    with db.read() as s:
        return set(s.scalars(select(OutboxEvent.stream).where(OutboxEvent.state == FAILED)))


def pending_page(db: Database, after_id: int, limit: int = 500) -> list[QueuedEvent]:
    with db.read() as s:
        rows = s.execute(
            select(
                OutboxEvent.id,
                OutboxEvent.stream,
                OutboxEvent.kind,
                OutboxEvent.method,
                OutboxEvent.path,
                OutboxEvent.body,
                OutboxEvent.idempotency_key,
                OutboxEvent.attempts,
                OutboxEvent.next_attempt_at,
            )
            .where(OutboxEvent.state == PENDING, OutboxEvent.id > after_id)
            .order_by(OutboxEvent.id)
            .limit(limit)
        ).all()
    return [QueuedEvent(*row) for row in rows]


def mark_sent(db: Database, ids: Iterable[int], at: datetime | None = None) -> None:
    """Delivered. Batched by the sync: a crash before this commits only means a resend, which
    the platform answers from its idempotency store."""
    id_list = list(ids)
    if not id_list:
        return
    at = at or now_utc()
    with db.transaction() as s:
        for start in range(0, len(id_list), 500):
            s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.id.in_(id_list[start : start + 500]))
                .values(
                    state=SENT,
                    sent_at=at,
                    attempts=OutboxEvent.attempts + 1,
                    last_error="",
                    error_code="",
                    next_attempt_at=None,
                )
            )


def park(db: Database, event_id: int, code: str, message: str) -> None:
    with db.transaction() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id == event_id)
            .values(
                state=FAILED,
                error_code=code[:40],
                last_error=message[:2000],
                attempts=OutboxEvent.attempts + 1,
                next_attempt_at=None,
            )
        )


def defer(db: Database, event_id: int, attempts: int, message: str, delay_s: float) -> datetime:
    """Back off: try again after ``delay_s``. Returns the time of the next attempt."""
    when = now_utc() + timedelta(seconds=delay_s)
    with db.transaction() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id == event_id)
            .values(attempts=attempts, last_error=message[:2000], next_attempt_at=when)
        )
    return when


def resend_from(db: Database, stream: str, ids: Iterable[int]) -> None:
    """The platform lacks these delivered events of ``stream`` (it answered out_of_order):
    queue them again, with their own keys and bodies."""
    with db.transaction() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.stream == stream, OutboxEvent.id.in_(list(ids)))
            .values(state=PENDING, next_attempt_at=None)
        )


def stream_events(db: Database, stream: str) -> list[tuple[int, str, str, str]]:
    """(id, kind, state, body) of every event of a stream, in commit order."""
    with db.read() as s:
        rows = s.execute(
            select(OutboxEvent.id, OutboxEvent.kind, OutboxEvent.state, OutboxEvent.body)
            .where(OutboxEvent.stream == stream)
            .order_by(OutboxEvent.id)
        ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def next_due(db: Database) -> datetime | None:
    """When the earliest backed-off event may be tried again (None: nothing is waiting)."""
    with db.read() as s:
        return s.scalar(
            select(func.min(OutboxEvent.next_attempt_at)).where(OutboxEvent.state == PENDING)
        )


@dataclass(frozen=True)
class Counts:
    pending: int
    failed: int
    waiting: int  # pending rows held back by a parked row of their stream
    sent: int | None = None  # only when asked for: years of delivered rows take time to count


def counts(db: Database, *, with_sent: bool = False) -> Counts:
    """Queue sizes; each is a range of the state index, so cheap however long the history."""
    with db.read() as s:

        def count(state: str) -> int:
            n = s.scalar(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.state == state)
            )
            return int(n or 0)

        held = select(OutboxEvent.stream).where(OutboxEvent.state == FAILED).scalar_subquery()
        waiting = s.scalar(
            select(func.count())
            .select_from(OutboxEvent)
            .where(OutboxEvent.state == PENDING, OutboxEvent.stream.in_(held))
        )
        return Counts(
            count(PENDING), count(FAILED), int(waiting or 0), count(SENT) if with_sent else None
        )


@dataclass(frozen=True)
class FailedEvent:
    id: int
    created_at: datetime
    stream: str
    kind: str
    path: str
    error_code: str
    message: str
    attempts: int
    state: str = FAILED  # or dismissed / superseded, when asked for those too
    resolved_at: datetime | None = None
    resolved_by: str = ""
    resolution: str = ""  # the reason given; for superseded, the newer event's id


def failed_events(
    db: Database, limit: int = 1000, *, with_resolved: bool = False
) -> list[FailedEvent]:
    """Refused events waiting for a person; with_resolved: also those dismissed or
    superseded, newest resolutions last."""
    states = [FAILED, DISMISSED, SUPERSEDED] if with_resolved else [FAILED]
    with db.read() as s:
        rows = s.execute(
            select(
                OutboxEvent.id,
                OutboxEvent.created_at,
                OutboxEvent.stream,
                OutboxEvent.kind,
                OutboxEvent.path,
                OutboxEvent.error_code,
                OutboxEvent.last_error,
                OutboxEvent.attempts,
                OutboxEvent.state,
                OutboxEvent.resolved_at,
                OutboxEvent.resolved_by,
                OutboxEvent.resolution,
            )
            .where(OutboxEvent.state.in_(states))
            .order_by(OutboxEvent.id)
            .limit(limit)
        ).all()
    return [FailedEvent(*row) for row in rows]


T_NO_REASON = QT_TRANSLATE_NOOP("core", "Say why the event is dismissed")
T_MAY_NOT_DISMISS = QT_TRANSLATE_NOOP(
    "core", "You may not dismiss this regulator event ({kind}): ask a manager or administrator"
)
T_NOT_REFUSED = QT_TRANSLATE_NOOP(
    "core", "Event {id} was not refused by the platform, so there is nothing to dismiss"
)
MAX_REASON = 500


def may_dismiss(actor: Actor, kind: str) -> bool:
    """Who may give up on a refused event: the ones answerable for what it reports."""
    if actor.can(Permission.ADMINISTER):
        return True
    if kind == "disclosure":
        return actor.can(Permission.LEDGER_EDIT)
    return actor.can(Permission.DOCUMENTS_ISSUE)  # the managers


def dismiss(db: Database, actor: Actor, ids: Iterable[int], reason: str) -> int:
    """Give up on refused events for good, with the reason (audited); their streams go on.

    All or nothing: an id that is not a refused event, or one the actor may not dismiss,
    refuses the whole call.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError([FieldError("reason", T_NO_REASON)])
    reason = reason[:MAX_REASON]
    wanted = sorted(set(ids))
    with db.transaction() as s:
        rows = {
            row.id: row
            for row in s.scalars(
                select(OutboxEvent).where(OutboxEvent.id.in_(wanted)).with_for_update()
            )
        }
        for event_id in wanted:
            row = rows.get(event_id)
            if row is None or row.state != FAILED:
                raise StateError(T_NOT_REFUSED, id=event_id)
            if not may_dismiss(actor, row.kind):
                raise PermissionDenied(T_MAY_NOT_DISMISS, kind=row.kind)
        now = now_utc()
        for row in rows.values():
            row.state = DISMISSED
            row.resolved_at = now
            row.resolved_by = actor.username[:64]
            row.resolution = reason
            audit.record(
                s,
                actor,
                "regulator.dismiss",
                "outbox",
                str(row.id),
                kind=row.kind,
                path=row.path,
                refusal=row.error_code,
                reason=reason,
            )
    return len(wanted)


def _may_retry(actor: Actor) -> bool:
    return any(
        actor.can(p)
        for p in (Permission.WORK_ORDERS_EDIT, Permission.LEDGER_EDIT, Permission.ADMINISTER)
    )


def retry_failed(db: Database, actor: Actor, ids: Iterable[int] | None = None) -> int:
    """Put parked events back in the queue (all of them when ``ids`` is None); how many."""
    if not _may_retry(actor):
        raise PermissionDenied(QT_TRANSLATE_NOOP("core", "You may not resend regulator events"))
    with db.transaction() as s:
        condition = OutboxEvent.state == FAILED
        if ids is not None:
            condition = condition & OutboxEvent.id.in_(list(ids))
        # The rows are locked (PostgreSQL) or the database is (SQLite) from the select to the end
        # of the transaction, so the update meets the same rows; not one UPDATE ... RETURNING,
        # which SQLite lacks before 3.35 (Debian 11, Ubuntu 20.04).
        done = list(s.scalars(select(OutboxEvent.id).where(condition).with_for_update()).all())
        if done:
            s.execute(
                update(OutboxEvent)
                .where(condition)
                .values(state=PENDING, next_attempt_at=None, attempts=0)
            )
            audit.record(
                s,
                actor,
                "regulator.retry",
                "outbox",
                ",".join(map(str, done[:50])),
                count=len(done),
            )
    return len(done)


def retry_deferred_now(db: Database) -> None:
    """ "Sync now": events backing off are tried at once."""
    with db.transaction() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.state == PENDING, OutboxEvent.next_attempt_at.is_not(None))
            .values(next_attempt_at=None)
        )
