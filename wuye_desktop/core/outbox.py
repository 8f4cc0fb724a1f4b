"""The durable outbox (regulator-protocol.md §6): written in the transaction of the change."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.storage.models import OutboxEvent


def rfc3339(moment: datetime) -> str:
    """Protocol times: RFC 3339 with an explicit offset, in the company's local time."""
    return to_local(moment).isoformat(timespec="seconds")


def iso_date(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def enqueue(session: Session, *, stream: str, kind: str, path: str, body: dict[str, Any]) -> None:
    """Add one event; its body and Idempotency-Key are fixed now and resent unchanged."""
    session.add(
        OutboxEvent(
            created_at=now_utc(),
            idempotency_key=str(uuid.uuid4()),
            stream=stream,
            kind=kind,
            method="POST",
            path=path,
            body=json.dumps(body, ensure_ascii=False, sort_keys=True),
            state="pending",
        )
    )
