"""One order as the detail pane shows it: its row, dates, timeline, commitment, callbacks and
pictures; and the audited reveal of the caller's full number."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from wuye_desktop.core import audit, staff_names
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders._shared import load_order
from wuye_desktop.core.orders.rows import OrderRow, order_rows
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Callback,
    Commitment,
    Household,
    OrderEvent,
    OrderPhoto,
    WorkOrder,
)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    status: str
    note: str
    username: str
    channel: str
    handler: str
    seq: int | None
    staff: str = ""  # who acted, by the name colleagues know (username is the login)


@dataclass(frozen=True)
class CommitmentView:
    number: str
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str
    issued_at: datetime
    issued_by: str
    fulfilled_at: datetime | None
    responsible_phone: str = ""
    issued_by_name: str = ""  # issued_by is the login


@dataclass(frozen=True)
class CallbackView:
    at: datetime
    method: str
    person_reached: str
    satisfaction: str
    comment: str
    username: str
    staff: str = ""  # the 回访人 by name (username is the login)


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    community_id: int
    household_id: int | None
    household_code: str
    location: str
    caller_name: str
    response_due: datetime | None
    responded_at: datetime | None
    completed_at: datetime | None
    closed_at: datetime | None
    callback_due: datetime | None
    regulator_ticket_id: str | None
    timeline: tuple[TimelineEntry, ...]
    commitment: CommitmentView | None
    callbacks: tuple[CallbackView, ...]
    photos: tuple[tuple[int, str], ...] = field(default=())

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def version(self) -> int:
        return self.row.version


def get_order(db: Database, actor: Actor, order_id_or_number: int | str) -> OrderDetail:
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        if isinstance(order_id_or_number, int):
            o = s.get(WorkOrder, order_id_or_number)
        else:
            key = order_id_or_number.strip().upper().removeprefix("WUYE:W:")
            o = s.scalar(select(WorkOrder).where(WorkOrder.number == key))
        if o is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("core", "No such work order: {id}"), id=order_id_or_number
            )
        order_id = o.id
        events = list(
            s.scalars(select(OrderEvent).where(OrderEvent.order_id == o.id).order_by(OrderEvent.id))
        )
        c = s.scalar(select(Commitment).where(Commitment.order_id == o.id))
        callback_rows = list(
            s.scalars(select(Callback).where(Callback.order_id == o.id).order_by(Callback.id))
        )
        # Everybody the order names, resolved in one query.
        names = staff_names.by_login(
            s,
            [e.username for e in events]
            + [cb.username for cb in callback_rows]
            + ([c.issued_by] if c else []),
        )
        timeline = tuple(
            TimelineEntry(
                e.at,
                e.kind,
                e.status,
                e.note,
                e.username,
                e.channel,
                e.handler,
                e.seq,
                names.get(e.username, e.username),
            )
            for e in events
        )
        commitment = (
            CommitmentView(
                c.number,
                c.plan,
                date.fromisoformat(c.promised_date),
                c.responsible_unit,
                c.responsible_person,
                c.issued_at,
                c.issued_by,
                c.fulfilled_at,
                c.responsible_phone,
                names.get(c.issued_by, c.issued_by),
            )
            if c
            else None
        )
        callbacks = tuple(
            CallbackView(
                cb.at,
                cb.method,
                cb.person_reached,
                cb.satisfaction,
                cb.comment,
                cb.username,
                names.get(cb.username, cb.username),
            )
            for cb in callback_rows
        )
        photos = tuple(
            (pid, name)
            for pid, name in s.execute(
                select(OrderPhoto.id, OrderPhoto.filename).where(OrderPhoto.order_id == o.id)
            )
        )
        code = s.scalar(select(Household.code).where(Household.id == o.household_id)) or ""
        extra = (
            o.community_id,
            o.household_id,
            code,
            o.location,
            o.caller_name,
            o.response_due,
            o.responded_at,
            o.completed_at,
            o.closed_at,
            o.callback_due,
            o.regulator_ticket_id,
        )
    row = order_rows(db, actor, [order_id])[0]
    return OrderDetail(row, *extra, timeline, commitment, callbacks, photos)


def reveal_caller_phone(db: Database, actor: Actor, order_id: int) -> str:
    """The full number on the order being handled: desk, manager, admin; every reveal audited."""
    actor.require(Permission.PHONE_REVEAL_ON_ORDER)
    with db.transaction() as s:
        order = load_order(s, order_id)
        audit.record(s, actor, "phone.reveal", "work_order", order.number)
        return order.caller_phone
