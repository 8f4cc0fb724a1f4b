"""Taking an order: the call's fields and their checks, its number, first deadlines, pictures,
and the protocol event that tells the regulator about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.deadlines import deadlines_for
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.numbering import take_number
from wuye_desktop.core.orders._shared import REQUIRED, order_stream
from wuye_desktop.core.orders.photos import photo_errors, photo_mime
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import DEADLINES_KEY, rules_from_text
from wuye_desktop.core.validation import is_masked_phone, mask_phone, normalize_phone
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Community,
    Household,
    OrderEvent,
    OrderPhoto,
    Owner,
    Setting,
    Unit,
    WorkOrder,
)
from wuye_desktop.storage.prepared import Prepared, together
from wuye_desktop.storage.search_keys import order_keys

ORDER_PREFIX = "GD"
MAX_DESCRIPTION = 2000


@dataclass
class OrderInput:
    community_id: int
    category: str
    channel: str
    source: str
    tier: str
    description: str
    household_id: int | None = None
    location: str = ""  # a common-area place instead of a household
    caller_name: str = ""
    caller_phone: str = ""
    reported_at: datetime | None = None
    regulator_ticket_id: str | None = None
    # The household's owner who called. A desk sees owners' numbers masked; a caller_phone
    # left as shown (masked) then means this owner's stored number, which the order keeps.
    caller_owner_id: int | None = None
    # Pictures taken with the call, (file name, JPEG or PNG bytes): saved with the order.
    photos: Sequence[tuple[str, bytes]] = ()


def _order_errors(data: OrderInput) -> list[FieldError]:
    errors: list[FieldError] = []
    choices = (
        ("category", Category),
        ("channel", Channel),
        ("source", Source),
        ("tier", Tier),
    )
    for name, enum_type in choices:
        if getattr(data, name) not in {e.value for e in enum_type}:
            errors.append(FieldError(name, QT_TRANSLATE_NOOP("core", "Choose one")))
    description = data.description.strip()
    if not description:
        errors.append(FieldError("description", REQUIRED))
    elif len(description) > MAX_DESCRIPTION:
        errors.append(
            FieldError(
                "description",
                QT_TRANSLATE_NOOP("core", "At most {n} characters"),
                {"n": MAX_DESCRIPTION},
            )
        )
    if data.household_id is None and not data.location.strip():
        errors.append(
            FieldError(
                "location",
                QT_TRANSLATE_NOOP("core", "Pick a household or describe the common-area place"),
            )
        )
    phone = data.caller_phone.strip()
    if "*" in phone:
        # The regulator sends callers' numbers masked only (protocol §5): kept as they came.
        if data.regulator_ticket_id is not None:
            if not is_masked_phone(phone):
                errors.append(
                    FieldError("caller_phone", QT_TRANSLATE_NOOP("core", "Not a masked number"))
                )
        elif data.caller_owner_id is None:
            errors.append(
                FieldError("caller_phone", QT_TRANSLATE_NOOP("core", "Type the whole number"))
            )
    elif phone and normalize_phone(phone, allow_service=False) is None:
        errors.append(
            FieldError(
                "caller_phone",
                QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number"),
            )
        )
    for _name, picture in data.photos:
        errors.extend(photo_errors(picture))
    if data.reported_at is not None and data.reported_at.tzinfo is None:
        errors.append(
            FieldError("reported_at", QT_TRANSLATE_NOOP("core", "Time without a time zone"))
        )
    return errors


# The community and, when given, the household with its building and unit, the owner who
# called and the deadline rules as stored, in one statement (one round trip on PostgreSQL,
# which also hands out the new order's id here, so that all its rows then go in together).
def _place(dialect: str) -> Any:
    rules = select(Setting.value).where(Setting.key == DEADLINES_KEY).scalar_subquery()
    new_id = (
        [func.nextval(func.pg_get_serial_sequence(WorkOrder.__tablename__, "id"))]
        if dialect == "postgresql"
        else []
    )
    return (
        select(
            Community.id,
            Community.project_code,
            Household.community_id,
            Building.number,
            Unit.number,
            Household.room,
            Owner.household_id,
            Owner.phone,
            rules,
            *new_id,
        )
        .select_from(Community)
        .outerjoin(Household, Household.id == bindparam("household"))
        .outerjoin(Unit, Unit.id == Household.unit_id)
        .outerjoin(Building, Building.id == Unit.building_id)
        .outerjoin(Owner, Owner.id == bindparam("owner"))
        .where(Community.id == bindparam("community"))
    )


# Every column a new order's rows are written with, defaults included (storage.prepared).
_ORDER_COLUMNS = (
    "number",
    "community_id",
    "household_id",
    "location",
    "category",
    "channel",
    "source",
    "tier",
    "status",
    "description",
    "caller_name",
    "caller_phone",
    "handler",
    "reported_at",
    "response_due",
    "completion_due",
    "search_text",
    "regulator_ticket_id",
    "last_event_seq",
    "created_by",
    "updated_at",
    "version",
)
_EVENT_COLUMNS = (
    "order_id",
    "at",
    "kind",
    "status",
    "channel",
    "handler",
    "note",
    "user_id",
    "username",
)
_PHOTO_COLUMNS = ("order_id", "filename", "mime", "data", "added_at", "username")
_PLACE = Prepared(_place)
_INSERT_ORDER = Prepared(lambda _dialect: insert(WorkOrder), _ORDER_COLUMNS)  # SQLite
_INSERT_ORDER_WITH_ID = Prepared(lambda _dialect: insert(WorkOrder), ("id", *_ORDER_COLUMNS))
_INSERT_EVENT = Prepared(lambda _dialect: insert(OrderEvent), _EVENT_COLUMNS)
_INSERT_PHOTO = Prepared(lambda _dialect: insert(OrderPhoto), _PHOTO_COLUMNS)


def create_order(db: Database, actor: Actor, data: OrderInput) -> int:
    """Take an order; its deadlines follow from the tier. Returns the new order's id."""
    actor.require(Permission.WORK_ORDERS_EDIT)
    # The desk's most frequent write: no ORM session (storage.db.core_transaction).
    with db.core_transaction() as conn:
        return _insert_order(conn, actor, data).id


@dataclass(frozen=True)
class NewOrder:
    """What a caller that answers at once needs of the order just taken (the owners' page)."""

    id: int
    number: str
    response_due: datetime
    completion_due: datetime


def create_order_in(s: Session, actor: Actor, data: OrderInput) -> int:
    """The body of :func:`create_order` inside a caller's transaction, for a caller that writes
    more in the same transaction (the regulator inbox: the ticket, the order and its ack)."""
    return insert_order(s, actor, data).id


def insert_order(s: Session, actor: Actor, data: OrderInput) -> NewOrder:
    """:func:`create_order_in`, and the new order's number and deadlines (no reading back)."""
    return _insert_order(s.connection(), actor, data)


def _insert_order(conn: Connection, actor: Actor, data: OrderInput) -> NewOrder:
    """The one save path of a new order, on the transaction's connection."""
    errors = _order_errors(data)
    if errors:
        raise ValidationError(errors)
    now = now_utc()
    reported = data.reported_at or now
    # Saving an order is the desk's most frequent write: its statements are compiled once and
    # run on the driver's cursor (storage.prepared), with no ORM unit of work, and what it
    # reads is one statement. The checks are the same as ever.
    place = _PLACE.run(
        conn,
        {
            "community": data.community_id,
            "household": data.household_id,
            "owner": data.caller_owner_id,
        },
    ).fetchone()
    if place is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=data.community_id
        )
    (
        community_id,
        project_code,
        household_community,
        building,
        unit,
        room,
        owner_household,
        owner_phone,
        rules_text,
    ) = place[:9]
    # PostgreSQL's id for the order (SQLite's comes with the row: lastrowid).
    given_id: int | None = place[9] if len(place) > 9 else None
    if data.household_id is not None and household_community != community_id:
        raise ValidationError(
            [
                FieldError(
                    "household", QT_TRANSLATE_NOOP("core", "Not a household of this community")
                )
            ]
        )
    phone = normalize_phone(data.caller_phone) or "" if data.caller_phone.strip() else ""
    if data.caller_owner_id is not None:
        # owner_household is None when there is no such owner.
        if owner_household is None or owner_household != data.household_id:
            raise ValidationError(
                [
                    FieldError(
                        "caller_phone",
                        QT_TRANSLATE_NOOP("core", "Not an owner of this household"),
                    )
                ]
            )
        if "*" in data.caller_phone:
            phone = owner_phone
    elif data.regulator_ticket_id is not None and "*" in data.caller_phone:
        phone = data.caller_phone.strip()
    household = (
        None if data.household_id is None else {"building": building, "unit": unit, "room": room}
    )
    location = data.location.strip()
    description = data.description.strip()
    caller_name = data.caller_name.strip()
    first = deadlines_for(rules_from_text(rules_text), data.tier, data.category, reported)
    assert first.response_due is not None and first.completion_due is not None
    # The number last: on PostgreSQL its counter row stays locked from here to the commit,
    # and every other desk's (and owner's) new order waits for it; only writes follow.
    number = take_number(conn, ORDER_PREFIX, reported)
    order = {
        "number": number,
        "community_id": community_id,
        "household_id": data.household_id,
        "location": location,
        "category": data.category,
        "channel": data.channel,
        "source": data.source,
        "tier": data.tier,
        "status": Status.ACCEPTED.value,
        "description": description,
        "caller_name": caller_name,
        "caller_phone": phone,
        "handler": "",
        "reported_at": reported,
        "response_due": first.response_due,
        "completion_due": first.completion_due,
        "search_text": order_keys(number, phone, caller_name, description, location),
        "regulator_ticket_id": data.regulator_ticket_id,
        "last_event_seq": 0,
        "created_by": actor.username,
        # The timeline's last entry (a picture's) is now; the call itself may be earlier.
        "updated_at": now,
        "version": 1,
    }
    # Every row of the order at once: one round trip on PostgreSQL (storage.prepared.together).
    with together(conn):
        if given_id is None:
            order_id: int = _INSERT_ORDER.run(conn, order).lastrowid
        else:
            order_id = given_id
            _INSERT_ORDER_WITH_ID.run(conn, {"id": order_id, **order})
        _insert_rest(
            conn,
            actor,
            data,
            order_id,
            number,
            now,
            reported,
            first.completion_due,
            project_code,
            household,
            phone,
            description,
        )
    return NewOrder(order_id, number, first.response_due, first.completion_due)


def _insert_rest(
    conn: Connection,
    actor: Actor,
    data: OrderInput,
    order_id: int,
    number: str,
    now: datetime,
    reported: datetime,
    due: datetime,
    project_code: str,
    household: dict[str, str] | None,
    phone: str,
    description: str,
) -> None:
    """The new order's pictures, timeline, outbox event and audit entry."""
    # The timeline starts at the call itself, which a desk may enter a little later.
    events = [_event(actor, order_id, reported, "status", QT_TRANSLATE_NOOP("core", "Order taken"))]
    for filename, picture in data.photos:
        mime = photo_mime(picture)
        assert mime is not None  # checked with the other fields above
        _INSERT_PHOTO.run(
            conn,
            {
                "order_id": order_id,
                "filename": filename[-200:],
                "mime": mime,
                "data": picture,
                "added_at": now,
                "username": actor.username,
            },
        )
        events.append(_event(actor, order_id, now, "photo", filename[-200:]))
    for row in events:
        _INSERT_EVENT.run(conn, row)
    outbox.enqueue_now(
        conn,
        stream=order_stream(number),
        kind="work_order",
        path="/work-orders",
        body={
            "id": number,
            "number": number,
            "project_code": project_code,
            "household": household,
            "category": data.category,
            "channel": data.channel,
            "source": data.source,
            "tier": data.tier,
            "description": description,
            "caller_phone_masked": mask_phone(phone) or None,
            "reported_at": outbox.rfc3339(reported),
            "due_at": outbox.rfc3339(due),
            "dispatch_ticket_id": data.regulator_ticket_id,
        },
    )
    audit.record_now(conn, actor, "order.create", "work_order", number, tier=data.tier)


def _event(actor: Actor, order_id: int, at: datetime, kind: str, note: str) -> dict[str, object]:
    """A timeline entry of a new order, as :func:`_shared.event` writes one."""
    return {
        "order_id": order_id,
        "at": at,
        "kind": kind,
        "status": Status.ACCEPTED.value,
        "note": note,
        "user_id": actor.user_id,
        "username": actor.username,
        "channel": "",
        "handler": "",
    }
