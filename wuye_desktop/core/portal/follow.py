"""The private follow link: an owner's order in an owner's words, and the rating that becomes
the order's callback record (core.orders.record_callback, as if the desk had phoned).

Only the link's secret opens it (its SHA-256 is what is stored); what it shows is the owner's
own report, the handling unit and the steps, with the caller's number masked (DESIGN §5). The
desk's notes and staff names never appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from wuye_desktop.core import orders
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.portal.config import PORTAL_ACTOR
from wuye_desktop.core.portal.reports import follow_hash
from wuye_desktop.core.validation import mask_phone
from wuye_desktop.core.vocab import CallbackMethod, Satisfaction
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Callback,
    ChannelContact,
    Household,
    OrderEvent,
    OrderPhoto,
    PortalReport,
    Unit,
    WorkOrder,
)

MAX_COMMENT = 300
# How the record says the owner was reached: the protocol knows phone, visit and SMS only; the
# owner answered a link in writing, the nearest of the three. Who answered is said in words.
RATED_BY = CallbackMethod.SMS.value
RATED_AS = "业主本人（扫码报修页面评价）"


@dataclass(frozen=True)
class StatusStep:
    at: datetime
    status: str


@dataclass(frozen=True)
class FollowView:
    number: str
    status: str
    category: str
    place: str
    description: str
    caller_phone: str  # masked
    unit_name: str  # the handling unit of the order's channel
    channel: str
    reported_at: datetime
    response_due: datetime
    completion_due: datetime
    completed_at: datetime | None
    steps: tuple[StatusStep, ...]
    photos: int
    satisfaction: str  # the rating given, "" before
    version: int

    @property
    def may_rate(self) -> bool:
        return self.status == Status.COMPLETED.value and not self.satisfaction


def _order_id(db: Database, secret: str) -> int | None:
    if not 20 <= len(secret) <= 64:
        return None
    with db.read() as s:
        return s.scalar(
            select(PortalReport.order_id).where(PortalReport.follow_hash == follow_hash(secret))
        )


def follow_view(db: Database, secret: str) -> FollowView | None:
    """The order behind a follow link, or None for a link that opens nothing."""
    order_id = _order_id(db, secret)
    if order_id is None:
        return None
    with db.read() as s:
        o = s.get(WorkOrder, order_id)
        if o is None:
            return None
        place = o.location
        if o.household_id is not None:
            b, u, r = s.execute(
                select(Building.name, Unit.number, Household.room)
                .join(Unit, Unit.building_id == Building.id)
                .join(Household, Household.unit_id == Unit.id)
                .where(Household.id == o.household_id)
            ).one()
            place = f"{b} {u}单元 {r}室" if u else f"{b} {r}室"
        unit_name = (
            s.scalar(
                select(ChannelContact.unit_name).where(
                    ChannelContact.community_id == o.community_id,
                    ChannelContact.channel == o.channel,
                )
            )
            or ""
        )
        steps = tuple(
            StatusStep(at, status)
            for at, status in s.execute(
                select(OrderEvent.at, OrderEvent.status)
                .where(OrderEvent.order_id == o.id, OrderEvent.kind == "status")
                .order_by(OrderEvent.at, OrderEvent.id)
            ).all()
        )
        rated = s.scalar(
            select(Callback.satisfaction)
            .where(Callback.order_id == o.id)
            .order_by(Callback.at.desc(), Callback.id.desc())
            .limit(1)
        )
        photos = (
            s.scalar(
                select(func.count()).select_from(OrderPhoto).where(OrderPhoto.order_id == o.id)
            )
            or 0
        )
        return FollowView(
            o.number,
            o.status,
            o.category,
            place,
            o.description,
            mask_phone(o.caller_phone),
            unit_name,
            o.channel,
            o.reported_at,
            o.response_due,
            o.completion_due,
            o.completed_at,
            steps,
            photos,
            rated or "",
            o.version,
        )


def rate_order(
    db: Database, secret: str, satisfaction: str, comment: str = ""
) -> FollowView | None:
    """The owner's verdict on a completed order, recorded as its callback: satisfied closes it,
    dissatisfied (with what is wrong) reopens it. None for a link that opens nothing."""
    if satisfaction not in {x.value for x in Satisfaction}:
        raise ValidationError([FieldError("satisfaction", QT_TRANSLATE_NOOP("core", "Choose one"))])
    if len(comment.strip()) > MAX_COMMENT:
        raise ValidationError(
            [
                FieldError(
                    "comment",
                    QT_TRANSLATE_NOOP("core", "At most {n} characters"),
                    {"n": MAX_COMMENT},
                )
            ]
        )
    view = follow_view(db, secret)
    if view is None:
        return None
    if not view.may_rate:
        raise StateError(QT_TRANSLATE_NOOP("core", "This order cannot be rated now"))
    order_id = _order_id(db, secret)
    assert order_id is not None
    orders.record_callback(
        db,
        PORTAL_ACTOR,
        order_id,
        view.version,
        orders.CallbackInput(RATED_BY, satisfaction, RATED_AS, comment.strip()),
    )
    return follow_view(db, secret)
