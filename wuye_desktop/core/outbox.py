"""The durable outbox (regulator-protocol.md §6): written in the transaction of the change."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.storage.models import OutboxEvent
from wuye_desktop.storage.prepared import Prepared

# The states of an outbox row; regulator/queue.py says what each means to the sync.
PENDING, SENT, FAILED = "pending", "sent", "failed"
DISMISSED, SUPERSEDED = "dismissed", "superseded"


def rfc3339(moment: datetime, *, precise: bool = False) -> str:
    """Protocol times: RFC 3339 with an explicit offset, in the company's local time.

    To the second, except where two real moments must never look the same to the platform
    (*precise*: to the microsecond), such as two publications of one disclosure.
    """
    return to_local(moment).isoformat(timespec="microseconds" if precise else "seconds")


def iso_date(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _row(stream: str, kind: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """One new event's columns: its body and Idempotency-Key are fixed now."""
    return {
        "created_at": now_utc(),
        "idempotency_key": str(uuid.uuid4()),
        "stream": stream,
        "kind": kind,
        "method": "POST",
        "path": path,
        "body": json.dumps(body, ensure_ascii=False, sort_keys=True),
        "state": PENDING,
    }


def enqueue(
    session: Session, *, stream: str, kind: str, path: str, body: dict[str, Any]
) -> OutboxEvent:
    """Add one event; its body and Idempotency-Key are fixed now and resent unchanged."""
    event = OutboxEvent(**_row(stream, kind, path, body))
    session.add(event)
    return event


# Every column a new event is written with, defaults included (storage.prepared).
_INSERT = Prepared(
    lambda _dialect: insert(OutboxEvent),
    (
        "created_at",
        "idempotency_key",
        "stream",
        "kind",
        "method",
        "path",
        "body",
        "state",
        "attempts",
        "last_error",
        "error_code",
        "resolved_by",
        "resolution",
    ),
)


def enqueue_now(
    connection: Connection, *, stream: str, kind: str, path: str, body: dict[str, Any]
) -> None:
    """The event of :func:`enqueue`, inserted at once on the transaction's connection: for a
    hot path (saving an order) that writes no ORM objects. Events of one stream still go out
    in the order they were written, whichever way each was written."""
    row = _row(stream, kind, path, body)
    row.update(attempts=0, last_error="", error_code="", resolved_by="", resolution="")
    _INSERT.run(connection, row)


def supersede(s: Session, stream: str, kind: str, same: Callable[[str], bool], newer: int) -> int:
    """Inside the transaction that queues event *newer*: older events of *stream* and *kind*
    not yet delivered (pending or refused) whose body *same* recognises are superseded by it.
    Returns how many."""
    rows = s.scalars(
        select(OutboxEvent)
        .where(
            OutboxEvent.stream == stream,
            OutboxEvent.kind == kind,
            OutboxEvent.state.in_([PENDING, FAILED]),
            OutboxEvent.id != newer,
        )
        .with_for_update()
    ).all()
    now = now_utc()
    count = 0
    for row in rows:
        if same(row.body):
            row.state = SUPERSEDED
            row.resolved_at = now
            row.resolution = str(newer)
            count += 1
    return count
