"""What the operator does: dispatching tickets (派单) and issuing supervision notices (督办)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.store._shared import CST, StoreError, canonical_json, rfc3339_at
from wuye_desktop.regulator.server.store.companies import Companies

ORIGINS = ("hotline_12345", "regulator_platform")
DEFAULT_REPLY_HOURS = 24  # a ticket without reply_due_at must be replied to within a day
MAX_TEXT = 2000


def _time_text(value: datetime | str, what: str) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise StoreError(f"{what}: a time needs its UTC offset")
        return value.astimezone(CST).isoformat(timespec="seconds")
    if protocol.parse_rfc3339(value) is None:
        raise StoreError(f"{what}: not an RFC 3339 time with an offset: {value!r}")
    return value


def _text(value: str, what: str, limit: int = 64) -> str:
    if not value.strip() or len(value) > limit:
        raise StoreError(f"{what}: 1 to {limit} characters, not {value!r}")
    return value


class OperatorActions(Companies):
    """Tickets and supervision notices the operator sends to a company."""

    def add_ticket(
        self,
        company: str,
        *,
        project_code: str,
        category: str,
        content: str,
        household: dict[str, str] | None = None,
        caller_phone_masked: str | None = None,
        level: str = "normal",
        reply_due_at: datetime | str | None = None,
        origin: str = "hotline_12345",
    ) -> str:
        """Dispatch a ticket to *company*; returns its id. Without *reply_due_at* it is due
        :data:`DEFAULT_REPLY_HOURS` after it was received."""
        self._require_company(company)
        _text(project_code, "project code")
        _text(content, "content", MAX_TEXT)
        for value, allowed, what in (
            (category, protocol.CATEGORIES, "category"),
            (level, protocol.TICKET_LEVELS, "level"),
            (origin, ORIGINS, "origin"),
        ):
            if value not in allowed:
                raise StoreError(f"{what}: one of {', '.join(allowed)}, not {value!r}")
        if caller_phone_masked is not None and not protocol.MASKED_PHONE_RE.match(
            caller_phone_masked
        ):
            raise StoreError(f"caller phone: masked like 139****0001, not {caller_phone_masked!r}")
        if household is not None:
            if set(household) != {"building", "unit", "room"}:
                raise StoreError("household: building, unit and room")
            for part in ("building", "room"):
                _text(household[part], part, 32)
            if len(household["unit"]) > 32:
                raise StoreError("unit: at most 32 characters")
        now = self.now()
        due = (
            rfc3339_at(now + DEFAULT_REPLY_HOURS * 3600)
            if reply_due_at is None
            else _time_text(reply_due_at, "reply due")
        )
        due_moment = protocol.parse_rfc3339(due)
        assert due_moment is not None
        item: dict[str, Any] = {
            "ticket_id": "",
            "project_code": project_code,
            "household": household,
            "category": category,
            "content": content,
            "caller_phone_masked": caller_phone_masked,
            "received_at": rfc3339_at(now),
            "reply_due_at": due,
            "level": level,
            "origin": origin,
        }
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO tickets (company, item, reply_due) VALUES (?, '', ?)",
                (company, due_moment.timestamp()),
            )
            n = cursor.lastrowid
            item["ticket_id"] = f"T{datetime.fromtimestamp(now, CST):%Y%m%d}-{n:06d}"
            db.execute(
                "UPDATE tickets SET ticket_id = ?, item = ? WHERE n = ?",
                (item["ticket_id"], canonical_json(item), n),
            )
        return str(item["ticket_id"])

    def add_supervision(
        self,
        company: str,
        *,
        content: str,
        deadline: datetime | str,
        ticket_id: str | None = None,
        work_order_id: str | None = None,
    ) -> str:
        """Issue a supervision notice (督办) about a ticket or a reported order; returns its id.
        A ticket already acknowledged names its work order too."""
        self._require_company(company)
        _text(content, "content", MAX_TEXT)
        deadline_text = _time_text(deadline, "deadline")
        if ticket_id is None and work_order_id is None:
            raise StoreError("a supervision notice is about a ticket or a work order")
        now = self.now()
        with self._transaction() as db:
            if ticket_id is not None:
                row = db.execute(
                    "SELECT acked_work_order_id FROM tickets WHERE company = ? AND ticket_id = ?",
                    (company, ticket_id),
                ).fetchone()
                if row is None:
                    raise StoreError(f"{ticket_id}: no such ticket of {company}")
                work_order_id = work_order_id or row[0]
            elif not db.execute(
                "SELECT 1 FROM orders WHERE company = ? AND id = ?", (company, work_order_id)
            ).fetchone():
                raise StoreError(f"{work_order_id}: {company} reported no such work order")
            item: dict[str, Any] = {
                "supervision_id": "",
                "ticket_id": ticket_id,
                "work_order_id": work_order_id,
                "issued_at": rfc3339_at(now),
                "deadline": deadline_text,
                "content": content,
            }
            cursor = db.execute(
                "INSERT INTO supervisions (company, item) VALUES (?, '')", (company,)
            )
            n = cursor.lastrowid
            item["supervision_id"] = f"S{datetime.fromtimestamp(now, CST):%Y%m%d}-{n:06d}"
            db.execute(
                "UPDATE supervisions SET supervision_id = ?, item = ? WHERE n = ?",
                (item["supervision_id"], canonical_json(item), n),
            )
        return str(item["supervision_id"])
