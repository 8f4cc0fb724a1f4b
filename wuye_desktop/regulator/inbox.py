"""What comes in from the regulator: dispatched tickets, supervision notices; and replies.

Each received ticket becomes exactly one work order (protocol §6.5): the ticket row, the order
and the acknowledgement's outbox event commit in one transaction, and a ticket already known
is never placed twice, however often the platform delivers it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox, staff_names
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import (
    Action,
    OrderInput,
    create_order_in,
    order_state,
    require_permission,
    require_state,
)
from wuye_desktop.core.overview.regulator_rules import (
    REPLY_TARGET,
    reply_decided,
    reply_on_time,
)
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor
from wuye_desktop.regulator import protocol as p
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Community,
    Household,
    OrderEvent,
    OutboxEvent,
    RegulatorTicket,
    Supervision,
    TicketReply,
    Unit,
    WorkOrder,
)

log = logging.getLogger(__name__)

INBOX_ACTOR = Actor(user_id=None, username="regulator", role=SYSTEM_ACTOR.role)
COMMON_AREA = "公共区域"  # the place of a ticket about no household (stored data, not UI text)
MAX_TEXT = 2000


class UnreadableItem(ValueError):
    """An item of a listing that does not follow §5; skipped and reported, never fatal."""


def _text(item: dict[str, Any], key: str, *, required: bool = True, limit: int = 64) -> str:
    value = item.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
        raise UnreadableItem(f"{key}: not a string of 1..{limit} characters")
    return value.strip()


def _time(item: dict[str, Any], key: str, *, required: bool) -> datetime | None:
    value = item.get(key)
    if value is None and not required:
        return None
    moment = p.parse_rfc3339(value) if isinstance(value, str) else None
    if moment is None:
        raise UnreadableItem(f"{key}: not an RFC 3339 time with an offset")
    return moment


def _ack_pending(s: Session, path: str) -> bool:
    found = s.scalar(
        select(OutboxEvent.id)
        .where(OutboxEvent.path == path, OutboxEvent.state.in_(("pending", "failed")))
        .limit(1)
    )
    return found is not None


def _stream_of(order: WorkOrder | None, fallback: str) -> str:
    return f"order:{order.number}" if order is not None else fallback


# --- dispatched tickets ----------------------------------------------------------------------


@dataclass(frozen=True)
class TicketOutcome:
    ticket_id: str
    order_number: str | None  # None: could not be placed yet (problem says why)
    created: bool
    problem: str = ""


def _ticket_fields(item: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "ticket_id": _text(item, "ticket_id"),
        "project_code": _text(item, "project_code"),
        "content": _text(item, "content", limit=10_000),
        "received_at": _time(item, "received_at", required=True),
        "reply_due_at": _time(item, "reply_due_at", required=False),
    }
    category = item.get("category")
    fields["category"] = category if category in p.CATEGORIES else "other"
    level = item.get("level")
    fields["level"] = level if level in p.TICKET_LEVELS else "normal"
    phone = item.get("caller_phone_masked")
    fields["phone"] = phone if isinstance(phone, str) and p.MASKED_PHONE_RE.match(phone) else ""
    household = item.get("household")
    if household is not None and not (
        isinstance(household, dict)
        and all(isinstance(household.get(k), str) for k in ("building", "unit", "room"))
    ):
        raise UnreadableItem("household: not null nor {building, unit, room}")
    fields["household"] = household
    # Where the ticket came from, where the platform says so: the protocol's own `source`
    # vocabulary, or `origin` as our reference server names it; else the platform itself.
    said = [item.get(key) for key in ("source", "origin")]
    fields["source"] = next(
        (v for v in said if v in ("hotline_12345", "regulator_platform")), "regulator_platform"
    )
    return fields


def _find_household(s: Session, community_id: int, where: dict[str, str]) -> int | None:
    return s.scalar(
        select(Household.id)
        .join(Unit, Household.unit_id == Unit.id)
        .join(Building, Unit.building_id == Building.id)
        .where(
            Building.community_id == community_id,
            Building.number == where["building"].strip(),
            Unit.number == where["unit"].strip(),
            Household.room == where["room"].strip(),
        )
    )


def _place_ticket(s: Session, row: RegulatorTicket, f: dict[str, Any]) -> WorkOrder | None:
    """Make the ticket's work order and queue its ack; None (with row.problem) if impossible."""
    community = s.scalar(select(Community).where(Community.project_code == f["project_code"]))
    if community is None:
        row.problem = f"unknown project code {f['project_code']}"
        return None
    household_id = None
    location = ""
    if f["household"] is not None:
        household_id = _find_household(s, community.id, f["household"])
        if household_id is None:
            h = f["household"]
            location = f"{h['building']}-{h['unit']}-{h['room']}"[:200]
    if household_id is None and not location:
        location = COMMON_AREA
    content = f["content"]
    description = content if len(content) <= MAX_TEXT else content[: MAX_TEXT - 1] + "…"
    data = OrderInput(
        community_id=community.id,
        category=f["category"],
        channel="property",
        source=f["source"],
        # An urgent or supervised (督办) ticket is fixed at once; others within the deadline.
        tier="immediate" if f["level"] in ("urgent", "supervised") else "time_limited",
        description=description,
        household_id=household_id,
        location=location,
        caller_phone=f["phone"],
        reported_at=f["received_at"],
        regulator_ticket_id=f["ticket_id"],
    )
    order_id = create_order_in(s, INBOX_ACTOR, data)
    order = s.get(WorkOrder, order_id)
    assert order is not None
    row.order_id = order.id
    row.problem = ""
    _queue_ticket_ack(s, row, order)
    return order


def _queue_ticket_ack(s: Session, row: RegulatorTicket, order: WorkOrder) -> None:
    outbox.enqueue(
        s,
        stream=_stream_of(order, ""),
        kind="ack",
        path=f"/dispatches/{quote(row.ticket_id, safe='')}/ack",
        body={"work_order_id": order.number, "at": outbox.rfc3339(now_utc())},
    )


def receive_ticket(db: Database, item: dict[str, Any]) -> TicketOutcome:
    """Take in one dispatched ticket (one transaction). UnreadableItem if it breaks §5."""
    f = _ticket_fields(item)
    with db.transaction() as s:
        row = s.scalar(select(RegulatorTicket).where(RegulatorTicket.ticket_id == f["ticket_id"]))
        if row is not None and row.order_id is not None:
            order = s.get(WorkOrder, row.order_id)
            assert order is not None
            # Delivered again (at least once): the order exists. Acknowledge again unless an
            # acknowledgement is still on its way.
            if not _ack_pending(s, f"/dispatches/{quote(row.ticket_id, safe='')}/ack"):
                _queue_ticket_ack(s, row, order)
            return TicketOutcome(row.ticket_id, order.number, False)
        if row is None:
            row = RegulatorTicket(
                ticket_id=f["ticket_id"],
                project_code=f["project_code"],
                level=f["level"],
                category=f["category"],
                content=f["content"],
                received_at=f["received_at"],
                reply_due_at=f["reply_due_at"],
                payload=json.dumps(item, ensure_ascii=False, sort_keys=True)[:20_000],
            )
            s.add(row)
            s.flush()
        order = _place_ticket(s, row, f)
        if order is None:
            return TicketOutcome(row.ticket_id, None, False, row.problem)
        audit.record(
            s, INBOX_ACTOR, "regulator.ticket", "work_order", order.number, ticket=row.ticket_id
        )
        return TicketOutcome(row.ticket_id, order.number, True)


# --- supervision notices ---------------------------------------------------------------------


@dataclass(frozen=True)
class SupervisionOutcome:
    supervision_id: str
    order_number: str | None
    created: bool


def _queue_supervision_ack(s: Session, row: Supervision, order: WorkOrder | None) -> None:
    # "Acknowledged like dispatches" (protocol §5): with the order it concerns when we know it.
    body: dict[str, Any] = {"at": outbox.rfc3339(now_utc())}
    if order is not None:
        body["work_order_id"] = order.number
    outbox.enqueue(
        s,
        stream=_stream_of(order, f"supervision:{row.supervision_id}"),
        kind="supervision_ack",
        path=f"/supervisions/{quote(row.supervision_id, safe='')}/ack",
        body=body,
    )


def receive_supervision(db: Database, item: dict[str, Any]) -> SupervisionOutcome:
    """Take in one supervision notice and flag its order with the deadline."""
    sid = _text(item, "supervision_id")
    ticket_id = _text(item, "ticket_id", required=False) or None
    order_ref = _text(item, "work_order_id", required=False) or None
    if ticket_id is None and order_ref is None:
        raise UnreadableItem("neither ticket_id nor work_order_id")
    issued = _time(item, "issued_at", required=True)
    deadline = _time(item, "deadline", required=True)
    assert issued is not None and deadline is not None
    content = _text(item, "content", limit=10_000)
    with db.transaction() as s:
        row = s.scalar(select(Supervision).where(Supervision.supervision_id == sid))
        if row is not None:
            order = s.get(WorkOrder, row.order_id) if row.order_id else None
            if not _ack_pending(s, f"/supervisions/{quote(sid, safe='')}/ack"):
                _queue_supervision_ack(s, row, order)
            return SupervisionOutcome(sid, order.number if order else None, False)
        order = None
        if order_ref is not None:
            order = s.scalar(select(WorkOrder).where(WorkOrder.number == order_ref))
        if order is None and ticket_id is not None:
            order = s.scalar(
                select(WorkOrder)
                .join(RegulatorTicket, RegulatorTicket.order_id == WorkOrder.id)
                .where(RegulatorTicket.ticket_id == ticket_id)
            )
        row = Supervision(
            supervision_id=sid,
            ticket_id=ticket_id,
            work_order_ref=order_ref,
            order_id=order.id if order else None,
            issued_at=issued,
            deadline=deadline,
            content=content,
            payload=json.dumps(item, ensure_ascii=False, sort_keys=True)[:20_000],
        )
        s.add(row)
        if order is not None:
            due = order.supervision_due
            if due is None or deadline < due:
                order.supervision_due = deadline
            s.add(
                OrderEvent(
                    order_id=order.id,
                    at=now_utc(),
                    kind="supervision",
                    status=order.status,
                    note=content[:MAX_TEXT],
                    username=INBOX_ACTOR.username,
                )
            )
        s.flush()
        _queue_supervision_ack(s, row, order)
        audit.record(
            s,
            INBOX_ACTOR,
            "regulator.supervision",
            "work_order",
            order.number if order else "",
            supervision=sid,
        )
        return SupervisionOutcome(sid, order.number if order else None, True)


# --- replies ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyInput:
    result: str  # resolved | in_progress | not_responsible
    content: str
    reason: str = ""


def ticket_of_order(db: Database, order_id: int) -> RegulatorTicket | None:
    with db.read() as s:
        row = s.scalar(select(RegulatorTicket).where(RegulatorTicket.order_id == order_id))
        if row is not None:
            s.expunge(row)
        return row


@dataclass(frozen=True)
class ReplyRow:
    at: datetime
    result: str
    content: str
    reason: str
    username: str
    display_name: str = ""  # who replied, as colleagues know them (the login if none)


def replies_of_order(db: Database, order_id: int) -> list[ReplyRow]:
    """The replies sent (or queued) about the ticket an order was made from, oldest first."""
    with db.read() as s:
        rows = s.execute(
            select(
                TicketReply.at,
                TicketReply.result,
                TicketReply.content,
                TicketReply.reason,
                TicketReply.username,
            )
            .join(RegulatorTicket, RegulatorTicket.id == TicketReply.ticket_row_id)
            .where(RegulatorTicket.order_id == order_id)
            .order_by(TicketReply.id)
        ).all()
        names = staff_names.by_login(s, (row.username for row in rows))
    return [ReplyRow(*row, display_name=names.get(row.username, row.username)) for row in rows]


def reply_to_ticket(db: Database, actor: Actor, order_id: int, data: ReplyInput) -> None:
    """Answer the regulator about the ticket an order was made from (one transaction)."""
    require_permission(actor, Action.REPLY)
    errors: list[FieldError] = []
    if data.result not in p.REPLY_RESULTS:
        errors.append(FieldError("result", QT_TRANSLATE_NOOP("core", "Choose one")))
    content = data.content.strip()
    if not content:
        errors.append(FieldError("content", QT_TRANSLATE_NOOP("core", "Required")))
    elif len(content) > MAX_TEXT:
        errors.append(
            FieldError(
                "content", QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": MAX_TEXT}
            )
        )
    reason = data.reason.strip()
    if data.result == "not_responsible" and not reason:
        errors.append(
            FieldError("reason", QT_TRANSLATE_NOOP("core", "Say why it is not yours to handle"))
        )
    if errors:
        raise ValidationError(errors)
    now = now_utc()
    with db.transaction() as s:
        order = s.get(WorkOrder, order_id)
        if order is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such work order: {id}"), id=order_id)
        row = s.scalar(select(RegulatorTicket).where(RegulatorTicket.order_id == order.id))
        # The ticket's row, not the order's copy of its id, is what a reply is written under.
        state = replace(order_state(s, order), from_regulator=row is not None)
        require_state(Action.REPLY, state)
        assert row is not None
        s.add(
            TicketReply(
                ticket_row_id=row.id,
                at=now,
                result=data.result,
                content=content,
                reason=reason,
                username=actor.username,
            )
        )
        s.add(
            OrderEvent(
                order_id=order.id,
                at=now,
                kind="reply",
                status=order.status,
                note=content,
                user_id=actor.user_id,
                username=actor.username,
            )
        )
        outbox.enqueue(
            s,
            stream=_stream_of(order, ""),
            kind="reply",
            path=f"/dispatches/{quote(row.ticket_id, safe='')}/reply",
            body={
                "at": outbox.rfc3339(now),
                "result": data.result,
                "content": content,
                "reason": reason or None,
            },
        )
        audit.record(
            s,
            actor,
            "regulator.reply",
            "work_order",
            order.number,
            ticket=row.ticket_id,
            result=data.result,
        )


# --- what the Regulator tab lists ------------------------------------------------------------


@dataclass(frozen=True)
class TicketRow:
    ticket_id: str
    level: str
    category: str
    content: str
    received_at: datetime
    reply_due_at: datetime | None
    order_id: int | None
    order_number: str
    order_status: str
    replies: int
    last_result: str
    first_reply_at: datetime | None
    problem: str


def tickets(db: Database, limit: int = 500) -> list[TicketRow]:
    """The newest tickets first, with their orders and replies."""
    with db.read() as s:
        first = (
            select(
                TicketReply.ticket_row_id.label("tid"),
                func.count().label("n"),
                func.min(TicketReply.at).label("first_at"),
                func.max(TicketReply.id).label("last_id"),
            )
            .group_by(TicketReply.ticket_row_id)
            .subquery()
        )
        last = TicketReply.__table__.alias("last_reply")
        rows = s.execute(
            select(
                RegulatorTicket,
                WorkOrder.number,
                WorkOrder.status,
                first.c.n,
                first.c.first_at,
                last.c.result,
            )
            .outerjoin(WorkOrder, WorkOrder.id == RegulatorTicket.order_id)
            .outerjoin(first, first.c.tid == RegulatorTicket.id)
            .outerjoin(last, last.c.id == first.c.last_id)
            .order_by(RegulatorTicket.received_at.desc(), RegulatorTicket.id.desc())
            .limit(limit)
        ).all()
        return [
            TicketRow(
                t.ticket_id,
                t.level,
                t.category,
                t.content,
                t.received_at,
                t.reply_due_at,
                t.order_id,
                number or "",
                status or "",
                n or 0,
                result or "",
                first_at,
                t.problem,
            )
            for t, number, status, n, first_at, result in rows
        ]


@dataclass(frozen=True)
class SupervisionRow:
    supervision_id: str
    order_id: int | None
    order_number: str
    order_status: str
    ticket_id: str
    issued_at: datetime
    deadline: datetime
    content: str


def supervisions(
    db: Database, limit: int = 500, *, order_id: int | None = None
) -> list[SupervisionRow]:
    """Notices by deadline, the soonest first; only one order's with ``order_id``."""
    query = (
        select(Supervision, WorkOrder.number, WorkOrder.status)
        .outerjoin(WorkOrder, WorkOrder.id == Supervision.order_id)
        .order_by(Supervision.deadline, Supervision.id)
        .limit(limit)
    )
    if order_id is not None:
        query = query.where(Supervision.order_id == order_id)  # indexed: the order detail asks
    with db.read() as s:
        rows = s.execute(query).all()
        return [
            SupervisionRow(
                v.supervision_id,
                v.order_id,
                number or v.work_order_ref or "",
                status or "",
                v.ticket_id or "",
                v.issued_at,
                v.deadline,
                v.content,
            )
            for v, number, status in rows
        ]


@dataclass(frozen=True)
class ReplyRate:
    in_time: int
    counted: int  # tickets due already, or replied to
    target: float = REPLY_TARGET

    @property
    def rate(self) -> float | None:
        return None if self.counted == 0 else self.in_time / self.counted

    @property
    def meets_target(self) -> bool:
        return self.rate is None or self.rate >= self.target


def reply_rate(db: Database, now: datetime | None = None) -> ReplyRate:
    """The share of tickets replied to before their reply deadline (the platform's measure).

    Tickets still inside their deadline and not yet answered do not count either way.
    """
    now = now or now_utc()
    with db.read() as s:
        counted, in_time = s.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((reply_on_time(), 1), else_=0)), 0),
            )
            .select_from(RegulatorTicket)
            .where(reply_decided(now))
        ).one()
    return ReplyRate(int(in_time), int(counted))
