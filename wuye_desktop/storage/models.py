"""The ORM mapping of every table. Migrations in ``migrations/versions`` must match it exactly."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from wuye_desktop.core.clock import now_utc
from wuye_desktop.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


class Company(Base):
    """The one company whose desks share this database."""

    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # e.g. https://report.example.cn/r?h={household}; empty means the WUYE:H: payload.
    report_url_template: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Community(Base):
    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    project_code: Mapped[str] = mapped_column(String(64), default="")  # the regulator's code
    address: Mapped[str] = mapped_column(String(300), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    buildings: Mapped[list[Building]] = relationship(
        back_populates="community", cascade="all, delete-orphan", order_by="Building.sort_key"
    )
    channels: Mapped[list[ChannelContact]] = relationship(
        back_populates="community", cascade="all, delete-orphan"
    )


class ChannelContact(Base):
    """One of the 3 reporting channels of 4个3 for a community."""

    __tablename__ = "channel_contact"
    __table_args__ = (UniqueConstraint("community_id", "channel"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(32))  # property | repair_contractor | developer
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    service_hours: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    community: Mapped[Community] = relationship(back_populates="channels")


class Building(Base):
    __tablename__ = "building"
    __table_args__ = (UniqueConstraint("community_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(8))  # as in the household code: "3"
    name: Mapped[str] = mapped_column(String(100), default="")  # as on the wall: "3号楼"
    # Numbers sort as numbers ("2" before "10"); see core.directory.sort_key.
    sort_key: Mapped[str] = mapped_column(String(24), default="")
    floors: Mapped[int] = mapped_column(Integer, default=0)
    elevator_count: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    community: Mapped[Community] = relationship(back_populates="buildings")
    units: Mapped[list[Unit]] = relationship(
        back_populates="building", cascade="all, delete-orphan", order_by="Unit.sort_key"
    )


class Unit(Base):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("building_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(8))
    sort_key: Mapped[str] = mapped_column(String(24), default="")

    building: Mapped[Building] = relationship(back_populates="units")
    households: Mapped[list[Household]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="Household.sort_key"
    )


class Household(Base):
    __tablename__ = "household"
    __table_args__ = (UniqueConstraint("unit_id", "room"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    # Denormalised so that lists and searches need no four-table join.
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    room: Mapped[str] = mapped_column(String(8), index=True)  # the desk types a room alone
    code: Mapped[str] = mapped_column(String(48), unique=True)  # QD001-3-2-1201
    sort_key: Mapped[str] = mapped_column(String(24), default="")
    area_m2: Mapped[str] = mapped_column(String(16), default="")  # as printed on the deed
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    unit: Mapped[Unit] = relationship(back_populates="households")
    owners: Mapped[list[Owner]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Owner.position"
    )


class Owner(Base):
    __tablename__ = "owner"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)  # 0 is the main contact
    name: Mapped[str] = mapped_column(String(100), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    # Digits only, for searching by a whole number or its last digits.
    phone_digits: Mapped[str] = mapped_column(String(24), default="", index=True)
    # The digits reversed (storage.search_keys.reversed_digits): the last digits a caller
    # gives are then a prefix, which an index serves on both engines.
    phone_key: Mapped[str] = mapped_column(String(24), default="", index=True)

    household: Mapped[Household] = relationship(back_populates="owners")


class User(Base):
    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
    language: Mapped[str] = mapped_column(String(16), default="zh_CN")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """Who did what when: every change and every reveal of a full phone number."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)  # e.g. household.update
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON


class Setting(Base):
    """Company-wide settings as JSON values under dotted keys."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- work orders (issue 3) ------------------------------------------------------------------


class Staff(Base):
    """Who work orders are dispatched to: the company's own technicians and teams, and the
    contacts of a community's outside channels (repair contractor, developer). A person is
    deactivated rather than deleted, so the orders linked to them keep their handler."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # core.staff.StaffKind
    channel: Mapped[str] = mapped_column(String(32))  # the channel they work for
    # None: works in every community (a company-wide team).
    community_id: Mapped[int | None] = mapped_column(
        ForeignKey("community.id"), default=None, index=True
    )
    phone: Mapped[str] = mapped_column(String(40), default="")
    skills: Mapped[str] = mapped_column(String(400), default="")  # category codes, comma-joined
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class DayCounter(Base):
    """The last number given out per prefix and local day; bumped in the numbered record's own
    transaction, so a rolled-back order leaves no gap and two desks never get the same number."""

    __tablename__ = "day_counter"
    key: Mapped[str] = mapped_column(String(16), primary_key=True)  # GD20261120 (local day)
    last: Mapped[int] = mapped_column(Integer, default=0)


class WorkOrder(Base):
    __tablename__ = "work_order"
    # Every sortable list column has an index ending in id, so a page is found by a keyset
    # seek rather than by sorting a million rows. A column many orders share (status, tier,
    # category, channel, source, handler) sorts newest first within each value
    # (core.orders.order_page), so its index (column, reported_at, id) also serves the
    # list filtered on that column in its default order. The community/status one serves the
    # desk's usual filter (and the sort by community); the community/reported one a whole
    # community, or a stretch of its days, newest first. SQLite chooses between them by the
    # statistics storage.search_index writes (without them it would scan a community's
    # orders for its open ones).
    __table_args__ = (
        Index("ix_work_order_reported", "reported_at", "id"),
        Index("ix_work_order_due", "completion_due", "id"),
        Index("ix_work_order_community_status", "community_id", "status", "reported_at"),
        Index("ix_work_order_community_reported", "community_id", "reported_at", "id"),
        Index("ix_work_order_status", "status", "reported_at", "id"),
        Index("ix_work_order_tier", "tier", "reported_at", "id"),
        Index("ix_work_order_category", "category", "reported_at", "id"),
        Index("ix_work_order_channel", "channel", "reported_at", "id"),
        Index("ix_work_order_source", "source", "reported_at", "id"),
        Index("ix_work_order_handler", "handler", "reported_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)  # GD20261120-0042
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id"), default=None, index=True
    )
    location: Mapped[str] = mapped_column(String(200), default="")  # common-area place
    category: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(32))
    tier: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    caller_name: Mapped[str] = mapped_column(String(100), default="")
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    # The name shown and sorted by; handler_id links it to the staff directory when the
    # handler was picked from it (None for a name typed freely).
    handler: Mapped[str] = mapped_column(String(100), default="")
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None, index=True)
    reported_at: Mapped[datetime] = mapped_column()
    response_due: Mapped[datetime] = mapped_column()
    completion_due: Mapped[datetime] = mapped_column()
    responded_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    paused_since: Mapped[datetime | None] = mapped_column(default=None)
    callback_due: Mapped[datetime | None] = mapped_column(default=None, index=True)
    # Minutes from the report to the (latest) response and completion on the calendar clock,
    # paused time left out; None without that time (storage.clock_minutes keeps them).
    response_minutes: Mapped[float | None] = mapped_column(Float, default=None)
    completion_minutes: Mapped[float | None] = mapped_column(Float, default=None)
    # The order's search keys (storage.search_keys.order_keys), indexed by the work_order_fts
    # FTS5 table on SQLite and a GIN index of to_tsvector('simple', …) on PostgreSQL.
    search_text: Mapped[str] = mapped_column(Text, default="")
    regulator_ticket_id: Mapped[str | None] = mapped_column(String(64), default=None, unique=True)
    last_event_seq: Mapped[int] = mapped_column(Integer, default=0)  # protocol §5 events
    # The earliest deadline of the regulator's supervision notices (督办) about this order.
    supervision_due: Mapped[datetime | None] = mapped_column(default=None)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class OrderEvent(Base):
    """The timeline: every change of an order, timed and signed."""

    __tablename__ = "order_event"
    # An order's timeline (and whether it ever moved to a status, read from the index alone);
    # the moves to a status over a stretch of time (the orders completed in a period).
    __table_args__ = (
        Index("ix_order_event_order_moves", "order_id", "kind", "status"),
        Index("ix_order_event_moved_at", "kind", "status", "at", "order_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"))
    at: Mapped[datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(16))  # status | note | pause | resume | photo
    status: Mapped[str] = mapped_column(String(16), default="")  # the status after the event
    seq: Mapped[int | None] = mapped_column(Integer, default=None)  # protocol seq of status events
    channel: Mapped[str] = mapped_column(String(32), default="")
    handler: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    username: Mapped[str] = mapped_column(String(64), default="")


class OrderPause(Base):
    __tablename__ = "order_pause"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    start: Mapped[datetime] = mapped_column()
    end: Mapped[datetime | None] = mapped_column(default=None)
    reason: Mapped[str] = mapped_column(String(200), default="")


class Commitment(Base):
    """The promise behind a promised-tier order; the commitment letter is printed from it."""

    __tablename__ = "commitment"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), unique=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)  # CN20261120-0003
    plan: Mapped[str] = mapped_column(Text)
    promised_date: Mapped[str] = mapped_column(String(10))  # ISO date, a local calendar day
    responsible_unit: Mapped[str] = mapped_column(String(200))
    responsible_person: Mapped[str] = mapped_column(String(100))
    # The responsible person's phone, printed on the letter for the owner to call; may be empty.
    responsible_phone: Mapped[str] = mapped_column(String(40), default="")
    issued_at: Mapped[datetime] = mapped_column()
    issued_by: Mapped[str] = mapped_column(String(64))
    printed_count: Mapped[int] = mapped_column(Integer, default=0)
    fulfilled_at: Mapped[datetime | None] = mapped_column(default=None)


class Callback(Base):
    __tablename__ = "callback"
    # The callbacks made in a period and how satisfied, read from the index alone.
    __table_args__ = (Index("ix_callback_at", "at", "satisfaction", "order_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    at: Mapped[datetime] = mapped_column()
    method: Mapped[str] = mapped_column(String(8))  # phone | visit | sms
    person_reached: Mapped[str] = mapped_column(String(100), default="")
    satisfaction: Mapped[str] = mapped_column(String(24))
    comment: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(String(64), default="")


class OrderPhoto(Base):
    __tablename__ = "order_photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(default=now_utc)
    username: Mapped[str] = mapped_column(String(64), default="")


class OutboxEvent(Base):
    """What must reach the regulator, written in the same transaction as the change itself."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    # Everything about one order goes out in commit order (protocol §6.3).
    stream: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # work_order | event | callback | ...
    method: Mapped[str] = mapped_column(String(8), default="POST")
    path: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)  # JSON, fixed when the event enters the outbox
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # The protocol error code of the answer that parked it as failed (§3), e.g. validation_failed.
    error_code: Mapped[str] = mapped_column(String(40), default="")
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    # A refused event a person dismissed (state "dismissed": who, when, the reason they gave) or
    # a newer one superseded (state "superseded": resolution holds the newer event's id).
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")


# --- regulator inbox (issue 6) ---------------------------------------------------------------


class RegulatorTicket(Base):
    """A ticket the regulator dispatched (12345 call, platform complaint), kept once by its id.

    ``order_id`` is the one work order made of it; None while it cannot be placed (``problem``
    says why, e.g. an unknown project code), when it is tried again at the next sync.
    """

    __tablename__ = "regulator_ticket"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[str] = mapped_column(String(64), unique=True)
    project_code: Mapped[str] = mapped_column(String(64), default="")
    level: Mapped[str] = mapped_column(String(16), default="normal")
    category: Mapped[str] = mapped_column(String(32), default="other")
    content: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column()
    reply_due_at: Mapped[datetime | None] = mapped_column(default=None)
    first_seen_at: Mapped[datetime] = mapped_column(default=now_utc)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_order.id"), default=None, unique=True
    )
    problem: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text)  # the ticket as received, JSON
    # The time of its first reply, kept by triggers on ticket_reply (storage.ticket_triggers)
    # whatever writes one: the reply rate counts a year's tickets without a lookup each.
    first_reply_at: Mapped[datetime | None] = mapped_column(default=None)
    # Its order's community (None without an order), kept by the same module's triggers.
    community_id: Mapped[int | None] = mapped_column(Integer, default=None)

    __table_args__ = (
        # What the reply rate reads of a period's tickets, from the index alone: the
        # company's, a community's, and those of no order by their project code.
        Index(
            "ix_regulator_ticket_received",
            "received_at",
            "reply_due_at",
            "first_reply_at",
            "order_id",
        ),
        Index(
            "ix_regulator_ticket_community",
            "community_id",
            "received_at",
            "reply_due_at",
            "first_reply_at",
        ),
        Index("ix_regulator_ticket_unplaced", "order_id", "project_code", "received_at"),
    )


class TicketReply(Base):
    """A reply to a dispatched ticket (resolved / in progress / not responsible)."""

    __tablename__ = "ticket_reply"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_row_id: Mapped[int] = mapped_column(ForeignKey("regulator_ticket.id"), index=True)
    at: Mapped[datetime] = mapped_column()
    result: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(String(64), default="")


class Supervision(Base):
    """A supervision notice (督办) about an overdue ticket or order."""

    __tablename__ = "regulator_supervision"
    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[str] = mapped_column(String(64), unique=True)
    ticket_id: Mapped[str | None] = mapped_column(String(64), default=None)
    work_order_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_order.id"), default=None, index=True
    )
    issued_at: Mapped[datetime] = mapped_column()
    deadline: Mapped[datetime] = mapped_column()
    content: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=now_utc)
    payload: Mapped[str] = mapped_column(Text)


# --- close-out lists (issue 4) ---------------------------------------------------------------


class CloseoutItem(Base):
    """One defect of a household's close-out list (销项表): found at the pre-delivery
    inspection, the owners' open day, or gathered from an order; closed when checked."""

    __tablename__ = "closeout_item"
    __table_args__ = (UniqueConstraint("household_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique (household_id, seq) serves "the list of a household".
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # the item's number on the household's list
    origin: Mapped[str] = mapped_column(String(16))  # inspection | open_day | order | other
    item: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(200), default="")  # 主卧窗台
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[str] = mapped_column(String(10), default="")  # ISO local day, or empty
    # The order it was gathered from; one item per order.
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_order.id"), default=None, unique=True
    )
    closed_on: Mapped[str] = mapped_column(String(10), default="")  # ISO local day; empty = open
    checker: Mapped[str] = mapped_column(String(100), default="")  # who checked it was fixed
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=now_utc)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


# --- public-income ledger (issue 5) ----------------------------------------------------------


class LedgerAccount(Base):
    """A community's special bank account (专户) for the owners' public income."""

    __tablename__ = "ledger_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="CASCADE"), unique=True
    )
    bank: Mapped[str] = mapped_column(String(100))
    account_no: Mapped[str] = mapped_column(String(40))
    opening_balance_fen: Mapped[int] = mapped_column(BigInteger)
    opened_on: Mapped[date] = mapped_column(Date)  # no entry may be dated before it
    created_at: Mapped[datetime] = mapped_column(default=now_utc)


class LedgerCategory(Base):
    """An income or expense category of a community (defaults from DESIGN.md, editable)."""

    __tablename__ = "ledger_category"
    __table_args__ = (UniqueConstraint("community_id", "direction", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(8))  # income | expense
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(100))
    sort: Mapped[int] = mapped_column(Integer, default=0)


class LedgerEntry(Base):
    """One posting; never updated or deleted. ``hash`` chains it to the community's previous
    entry, so a change made behind the program's back is found by verification."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        UniqueConstraint("community_id", "seq"),
        # Covering index: a period's totals by category are read from it alone.
        Index(
            "ix_ledger_entry_totals",
            "community_id",
            "period",
            "direction",
            "category",
            "amount_fen",
        ),
        Index("ix_ledger_entry_community_date", "community_id", "entry_date"),
        # The register marks a reversed entry with the seq of its reversal, a page at a time.
        Index("ix_ledger_entry_reversal", "community_id", "reverses_seq"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3… per community: gaps mean deletion
    entry_date: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM of entry_date
    direction: Mapped[str] = mapped_column(String(8))  # income | expense
    category: Mapped[str] = mapped_column(String(40))
    # Signed whole fen: a reversal carries the negated amount of the entry it reverses.
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    balance_fen: Mapped[int] = mapped_column(BigInteger)  # the account's balance after it
    voucher_no: Mapped[str] = mapped_column(String(64), default="")
    counterparty: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class LedgerHead(Base):
    """The last entry of a community's chain; posting locks this row, so concurrent desks
    append one after the other and the chain stays a single line."""

    __tablename__ = "ledger_head"
    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))
    balance_fen: Mapped[int] = mapped_column(BigInteger)


class LedgerMonth(Base):
    """Per community and month: totals kept on posting (opening balances of any period without
    summing every earlier entry) and whether finance has closed it."""

    __tablename__ = "ledger_month"
    __table_args__ = (UniqueConstraint("community_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    income_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    expense_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    entries: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_by: Mapped[str] = mapped_column(String(64), default="")


def _refuse_entry_change(_mapper: object, _connection: object, target: LedgerEntry) -> None:
    # Entries are corrected by reversing entries only; the ORM never rewrites or removes one.
    from wuye_desktop.core.errors import StateError
    from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

    raise StateError(
        QT_TRANSLATE_NOOP(
            "core",
            "Ledger entry #{seq} cannot be edited or deleted; post a reversing entry instead.",
        ),
        seq=target.seq,
    )


event.listen(LedgerEntry, "before_update", _refuse_entry_change)
event.listen(LedgerEntry, "before_delete", _refuse_entry_change)


# --- the owners' reporting page (issue 19) --------------------------------------------------


class PortalKey(Base):
    """The key in a QR code that opens the owners' reporting page: random, never the
    household's code, so that no page can be found by guessing or counting codes. One per
    household (its in-home card) and one per entrance (its lobby and elevator signs)."""

    __tablename__ = "portal_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="CASCADE"), index=True
    )
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), default=None, unique=True
    )
    entrance: Mapped[str | None] = mapped_column(String(64), default=None, unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)


class PortalReport(Base):
    """An order filed on the owners' reporting page: the form's one-time token (a second tap
    on Submit finds the first order) and the hash of the private follow link's secret."""

    __tablename__ = "portal_report"
    __table_args__ = (
        Index("ix_portal_report_key_created", "portal_key_id", "created_at"),
        Index("ix_portal_report_household_created", "household_id", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), unique=True)
    portal_key_id: Mapped[int] = mapped_column(ForeignKey("portal_key.id", ondelete="CASCADE"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), default=None)
    form_token: Mapped[str] = mapped_column(String(64), unique=True)
    follow_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)


# --- the overview's precomputed figures (core.overview.summary keeps them; migration 0014) ----
# Triggers on every table a figure reads (storage.overview_triggers) note the order touched in
# overview_dirty; the overview recomputes what those orders touch before it reads.


class OverviewDirty(Base):
    """An order whose figures may have changed: its community and report time, or the time of
    an event or callback of it, as they were (a deleted row's old values included)."""

    __tablename__ = "overview_dirty"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(Integer)
    community_id: Mapped[int | None] = mapped_column(Integer, default=None)
    at: Mapped[datetime | None] = mapped_column(default=None)


class OverviewDay(Base):
    """The orders of one community reported on one local day, of one tier: their counts as the
    slices count them on no particular day (core.overview.summary), their minutes sorted."""

    __tablename__ = "overview_day"
    community_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    tier: Mapped[str] = mapped_column(String(16), primary_key=True)
    counts: Mapped[str] = mapped_column(Text)  # JSON: slice key -> orders
    cells: Mapped[str] = mapped_column(Text)  # JSON: breakdown column -> value -> orders
    response_minutes: Mapped[bytes] = mapped_column(LargeBinary)  # float64, little-endian
    completion_minutes: Mapped[bytes] = mapped_column(LargeBinary)


class OverviewMonth(Base):
    """:class:`OverviewDay`'s rows of one community, calendar month and tier added up (counts
    and cells summed, minutes merged, still sorted): what a period of whole months (a year)
    reads, twelve rows a community and tier instead of 365."""

    __tablename__ = "overview_month"
    community_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # its first day
    tier: Mapped[str] = mapped_column(String(16), primary_key=True)
    counts: Mapped[str] = mapped_column(Text)
    cells: Mapped[str] = mapped_column(Text)
    response_minutes: Mapped[bytes] = mapped_column(LargeBinary)
    completion_minutes: Mapped[bytes] = mapped_column(LargeBinary)


class OverviewEventDay(Base):
    """What happened to one community's orders on one local day: moves to completed (and of
    those whose order was called back), callbacks made (and how many satisfied)."""

    __tablename__ = "overview_event_day"
    community_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    moves: Mapped[int] = mapped_column(Integer)
    moves_called_back: Mapped[int] = mapped_column(Integer)
    callbacks: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)


class OverviewRepeat(Base):
    """A move to completed that is not its order's first, with the time of the one before:
    what makes a period's count of moves a count of orders."""

    __tablename__ = "overview_repeat"
    __table_args__ = (
        Index("ix_overview_repeat_at", "at", "prev_at", "community_id", "called_back"),
    )
    event_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(Integer, index=True)
    community_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column()
    prev_at: Mapped[datetime] = mapped_column()
    called_back: Mapped[bool] = mapped_column()


class OverviewPending(Base):
    """An order whose response, completion or commitment letter is not decided on no day but
    will be once its deadline passes: the part of an on-time rate that depends on now."""

    __tablename__ = "overview_pending"
    __table_args__ = (Index("ix_overview_pending_reported", "reported_at", "community_id"),)
    order_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column()
