"""Filing an order from the owners' reporting page: one core order (source 扫码报修) with its
outbox event and audit entry, in the same transaction as the page's record of it.

Once per form: the form's token is unique in ``portal_report``, and a form sent again (a double
tap, a reload after a lost answer) finds the order it filed and the same follow link, which is
derived from the token with the page's secret (only its hash is stored). Never a duplicate: an
open order of the same problem for the same household (or the same entrance's common area) is
shown instead. Never a flood: a key and a household file at most so many orders an hour.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import REQUIRED, OrderInput
from wuye_desktop.core.orders.create import insert_order
from wuye_desktop.core.orders.status import OPEN_VALUES
from wuye_desktop.core.portal.config import PORTAL_ACTOR
from wuye_desktop.core.portal.keys import Place
from wuye_desktop.core.roles import Permission
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import PortalReport, WorkOrder

COMMON_AREA = "公共区域"
MAX_DESCRIPTION = 500
MAX_NAME = 20
MAX_PHOTOS = 3
# Problems that cannot wait for a working day: the desk sends someone at once (即时维修). The
# rest are 限时维修; the desk may still change an order's tier as for any call.
_AT_ONCE = frozenset(
    {
        Category.FIRE_SAFETY,
        Category.ELEVATOR,
        Category.WATER_LEAK,
        Category.ELECTRICAL,
        Category.HEATING_GAS,
    }
)


def tier_for(category: str) -> str:
    return (Tier.IMMEDIATE if category in _AT_ONCE else Tier.TIME_LIMITED).value


class TooMany(StateError):
    """More orders from one key or household within the hour than the page accepts."""


@dataclass(frozen=True)
class ReportInput:
    category: str
    description: str
    phone: str
    form_token: str  # the form's one-time token, unique per filed order
    name: str = ""
    household_id: int | None = None  # None on an entrance's page: its common area
    photos: Sequence[bytes] = field(default_factory=tuple)  # JPEG, cleaned by the page


@dataclass(frozen=True)
class Filed:
    order_id: int
    number: str
    follow_secret: str
    tier: str
    response_due: datetime
    completion_due: datetime
    again: bool = False  # the form had been sent before: this is the order it filed


@dataclass(frozen=True)
class Duplicate:
    """The household's open order of the same problem, shown instead of a second one."""

    number: str
    status: str
    completion_due: datetime


def follow_secret(secret: bytes, form_token: str) -> str:
    digest = hmac.new(secret, b"follow:" + form_token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def follow_hash(follow: str) -> str:
    return hashlib.sha256(follow.encode()).hexdigest()


def _errors(place: Place, data: ReportInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.category not in {c.value for c in Category}:
        errors.append(FieldError("category", QT_TRANSLATE_NOOP("core", "Choose one")))
    if not data.description.strip():
        errors.append(FieldError("description", REQUIRED))
    elif len(data.description.strip()) > MAX_DESCRIPTION:
        errors.append(
            FieldError(
                "description",
                QT_TRANSLATE_NOOP("core", "At most {n} characters"),
                {"n": MAX_DESCRIPTION},
            )
        )
    if len(data.name.strip()) > MAX_NAME:
        errors.append(
            FieldError("name", QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": MAX_NAME})
        )
    if not data.phone.strip():
        errors.append(FieldError("caller_phone", REQUIRED))
    if len(data.photos) > MAX_PHOTOS:
        errors.append(
            FieldError(
                "photo", QT_TRANSLATE_NOOP("core", "At most {n} pictures"), {"n": MAX_PHOTOS}
            )
        )
    if place.kind == "h" and data.household_id != place.rooms[0].household_id:
        errors.append(FieldError("room", QT_TRANSLATE_NOOP("core", "Choose one")))
    if data.household_id is not None and place.room(data.household_id) is None:
        errors.append(FieldError("room", QT_TRANSLATE_NOOP("core", "Choose one")))
    return errors


def _location(place: Place, data: ReportInput) -> str:
    return "" if data.household_id is not None else f"{place.label} {COMMON_AREA}"


# The filing's statements, built once: a report is filed under the database's write lock (on
# SQLite the whole transaction; on PostgreSQL from the order's number to the commit), so the
# fewer and cheaper its statements, the sooner the next owner's report goes in. Core
# statements on the transaction's connection, as the desk's order save; no ORM unit of work.
_REPLAY = (
    select(
        WorkOrder.id,
        WorkOrder.number,
        WorkOrder.tier,
        WorkOrder.response_due,
        WorkOrder.completion_due,
    )
    .join(PortalReport, PortalReport.order_id == WorkOrder.id)
    .where(PortalReport.form_token == bindparam("token"))
)
_SAME_PROBLEM = (
    select(WorkOrder.number, WorkOrder.status, WorkOrder.completion_due)
    .where(
        WorkOrder.community_id == bindparam("community"),
        WorkOrder.category == bindparam("category"),
        WorkOrder.status.in_(OPEN_VALUES),
    )
    .order_by(WorkOrder.reported_at.desc(), WorkOrder.id.desc())
    .limit(1)
)
_SAME_HOUSEHOLD = _SAME_PROBLEM.where(WorkOrder.household_id == bindparam("household"))
_SAME_PLACE = _SAME_PROBLEM.where(
    WorkOrder.household_id.is_(None), WorkOrder.location == bindparam("location")
)
# The hour's reports from the key and from the household, in one statement (a household of
# None counts none).
_RECENT = select(
    select(func.count())
    .select_from(PortalReport)
    .where(
        PortalReport.portal_key_id == bindparam("key"),
        PortalReport.created_at >= bindparam("since"),
    )
    .scalar_subquery(),
    select(func.count())
    .select_from(PortalReport)
    .where(
        PortalReport.household_id == bindparam("household"),
        PortalReport.created_at >= bindparam("since"),
    )
    .scalar_subquery(),
)
_INSERT_REPORT = insert(PortalReport)


def _replay(conn: Connection, data: ReportInput, secret: bytes) -> Filed | None:
    row = conn.execute(_REPLAY, {"token": data.form_token}).first()
    if row is None:
        return None
    order_id, number, tier, response_due, completion_due = row
    return Filed(
        order_id,
        number,
        follow_secret(secret, data.form_token),
        tier,
        response_due,
        completion_due,
        again=True,
    )


def _duplicate(conn: Connection, place: Place, data: ReportInput) -> Duplicate | None:
    params = {"community": place.community_id, "category": data.category}
    if data.household_id is not None:
        row = conn.execute(_SAME_HOUSEHOLD, {**params, "household": data.household_id}).first()
    else:
        row = conn.execute(_SAME_PLACE, {**params, "location": _location(place, data)}).first()
    if row is None:
        return None
    number, status, completion_due = row
    return Duplicate(number, status, completion_due)


_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


def _one_at_a_time(conn: Connection, place: Place, data: ReportInput) -> None:
    """Two reports of one problem arriving at once must not both pass the duplicate check.

    SQLite's write transaction (BEGIN IMMEDIATE) already lets one writer in at a time. On
    PostgreSQL both would read "no open order" and both file: reports of the same problem
    (community, category, household or public spot) take a lock of their own until commit,
    and the second then finds the first's order."""
    if conn.dialect.name != "postgresql":
        return
    spot = str(data.household_id) if data.household_id is not None else _location(place, data)
    subject = f"portal-report:{place.community_id}:{data.category}:{spot}".encode()
    key = int.from_bytes(hashlib.blake2b(subject, digest_size=8).digest(), "big", signed=True)
    conn.execute(_LOCK, {"key": key})


def _check_rate(
    conn: Connection, place: Place, data: ReportInput, per_hour: int, now: datetime
) -> None:
    by_key, by_household = conn.execute(
        _RECENT,
        {"key": place.key_id, "household": data.household_id, "since": now - timedelta(hours=1)},
    ).one()
    if (by_key or 0) >= per_hour or (by_household or 0) >= per_hour:
        raise TooMany(QT_TRANSLATE_NOOP("core", "Too many reports from here within the hour"))


def file_report(
    db: Database, place: Place, data: ReportInput, secret: bytes, *, per_hour: int = 5
) -> Filed | Duplicate:
    """File the owner's report as an order, or say which open order already covers it.

    Raises ValidationError for what the owner must correct, TooMany past *per_hour* orders
    from one key or household."""
    PORTAL_ACTOR.require(Permission.WORK_ORDERS_EDIT)
    errors = _errors(place, data)
    if errors:
        raise ValidationError(errors)
    try:
        return _file(db, place, data, secret, per_hour)
    except IntegrityError:
        # The same form sent twice at once: the other request filed it first.
        with db.read() as s:
            again = _replay(s.connection(), data, secret)
        if again is None:
            raise
        return again


def _file(
    db: Database, place: Place, data: ReportInput, secret: bytes, per_hour: int
) -> Filed | Duplicate:
    now = now_utc()
    with db.transaction() as s:
        conn = s.connection()
        again = _replay(conn, data, secret)
        if again is not None:
            return again
        _one_at_a_time(conn, place, data)
        duplicate = _duplicate(conn, place, data)
        if duplicate is not None:
            return duplicate
        _check_rate(conn, place, data, per_hour, now)
        tier = tier_for(data.category)
        order = insert_order(
            s,
            PORTAL_ACTOR,
            OrderInput(
                community_id=place.community_id,
                category=data.category,
                channel=Channel.PROPERTY.value,
                source=Source.QR_CODE.value,
                tier=tier,
                description=data.description.strip(),
                household_id=data.household_id,
                location=_location(place, data),
                caller_name=data.name.strip(),
                caller_phone=data.phone.strip(),
                reported_at=now,
                photos=[(f"扫码报修-{i}.jpg", p) for i, p in enumerate(data.photos, 1)],
            ),
        )
        follow = follow_secret(secret, data.form_token)
        conn.execute(
            _INSERT_REPORT,
            {
                "order_id": order.id,
                "portal_key_id": place.key_id,
                "household_id": data.household_id,
                "form_token": data.form_token,
                "follow_hash": follow_hash(follow),
                "created_at": now,
            },
        )
        return Filed(order.id, order.number, follow, tier, order.response_due, order.completion_due)
