"""Taking an order: the call's fields and their checks, its number, first deadlines, pictures,
and the protocol event that tells the regulator about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.deadlines import deadlines_for
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.numbering import next_number
from wuye_desktop.core.orders._shared import REQUIRED, event, stream
from wuye_desktop.core.orders.photos import photo_errors, photo_mime
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import load_rules
from wuye_desktop.core.validation import is_masked_phone, mask_phone, normalize_phone
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Community,
    Household,
    OrderPhoto,
    Owner,
    Unit,
    WorkOrder,
)
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


def _household_payload(s: Session, household_id: int | None) -> dict[str, str] | None:
    if household_id is None:
        return None
    row = s.execute(
        select(Building.number, Unit.number, Household.room)
        .join(Unit, Unit.building_id == Building.id)
        .join(Household, Household.unit_id == Unit.id)
        .where(Household.id == household_id)
    ).one()
    return {"building": row[0], "unit": row[1], "room": row[2]}


def create_order(db: Database, actor: Actor, data: OrderInput) -> int:
    """Take an order; its deadlines follow from the tier. Returns the new order's id."""
    actor.require(Permission.WORK_ORDERS_EDIT)
    with db.transaction() as s:
        return create_order_in(s, actor, data)


def create_order_in(s: Session, actor: Actor, data: OrderInput) -> int:
    """The body of :func:`create_order` inside a caller's transaction, for a caller that writes
    more in the same transaction (the regulator inbox: the ticket, the order and its ack)."""
    errors = _order_errors(data)
    if errors:
        raise ValidationError(errors)
    now = now_utc()
    reported = data.reported_at or now
    community = s.get(Community, data.community_id)
    if community is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=data.community_id
        )
    if data.household_id is not None:
        h = s.get(Household, data.household_id)
        if h is None or h.community_id != community.id:
            raise ValidationError(
                [
                    FieldError(
                        "household",
                        QT_TRANSLATE_NOOP("core", "Not a household of this community"),
                    )
                ]
            )
    phone = normalize_phone(data.caller_phone) or "" if data.caller_phone.strip() else ""
    if data.caller_owner_id is not None:
        owner = s.get(Owner, data.caller_owner_id)
        if owner is None or owner.household_id != data.household_id:
            raise ValidationError(
                [
                    FieldError(
                        "caller_phone",
                        QT_TRANSLATE_NOOP("core", "Not an owner of this household"),
                    )
                ]
            )
        if "*" in data.caller_phone:
            phone = owner.phone
    elif data.regulator_ticket_id is not None and "*" in data.caller_phone:
        phone = data.caller_phone.strip()
    household = _household_payload(s, data.household_id)
    order = WorkOrder(
        number=next_number(s, ORDER_PREFIX, reported),
        community_id=community.id,
        household_id=data.household_id,
        location=data.location.strip(),
        category=data.category,
        channel=data.channel,
        source=data.source,
        tier=data.tier,
        status=Status.ACCEPTED.value,
        description=data.description.strip(),
        caller_name=data.caller_name.strip(),
        caller_phone=phone,
        reported_at=reported,
        regulator_ticket_id=data.regulator_ticket_id,
        created_by=actor.username,
        updated_at=now,
    )
    order.search_text = order_keys(
        order.number, order.caller_phone, order.caller_name, order.description, order.location
    )
    first = deadlines_for(load_rules(s), order.tier, order.category, reported)
    assert first.response_due is not None and first.completion_due is not None
    order.response_due, order.completion_due = first.response_due, first.completion_due
    s.add(order)
    s.flush()
    # The timeline starts at the call itself, which a desk may enter a little later.
    event(s, actor, order, reported, "status", QT_TRANSLATE_NOOP("core", "Order taken"))
    for filename, picture in data.photos:
        mime = photo_mime(picture)
        assert mime is not None  # checked with the other fields above
        s.add(
            OrderPhoto(
                order_id=order.id,
                filename=filename[-200:],
                mime=mime,
                data=picture,
                username=actor.username,
            )
        )
        event(s, actor, order, now, "photo", filename[-200:])
    order.updated_at = now
    outbox.enqueue(
        s,
        stream=stream(order),
        kind="work_order",
        path="/work-orders",
        body={
            "id": order.number,
            "number": order.number,
            "project_code": community.project_code,
            "household": household,
            "category": order.category,
            "channel": order.channel,
            "source": order.source,
            "tier": order.tier,
            "description": order.description,
            "caller_phone_masked": mask_phone(phone) or None,
            "reported_at": outbox.rfc3339(reported),
            "due_at": outbox.rfc3339(order.completion_due) if order.completion_due else None,
            "dispatch_ticket_id": order.regulator_ticket_id,
        },
    )
    audit.record(s, actor, "order.create", "work_order", order.number, tier=order.tier)
    return order.id
