"""Work orders: one function per move the desk makes, from the call to the callback.

Every function is one transaction: the order, its timeline event, the outbox event that the
regulator must receive (protocol §5) and the audit entry commit together or not at all. Each
change names the order's version the user saw; a stale version is refused (ConcurrentEdit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.deadlines import Pause, deadlines_for
from wuye_desktop.core.errors import (
    ConcurrentEdit,
    FieldError,
    NotFound,
    StateError,
    ValidationError,
)
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.numbering import next_number
from wuye_desktop.core.order_actions import (
    Action,
    OrderState,
    require_permission,
    require_state,
    start_needs_commitment,
)
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import callback_due_days, load_rules
from wuye_desktop.core.status import Status, check_transition
from wuye_desktop.core.validation import (
    is_masked_phone,
    mask_phone,
    normalize_phone,
    phone_problem,
)
from wuye_desktop.core.vocab import CallbackMethod, Category, Channel, Satisfaction, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Callback,
    Commitment,
    Community,
    Household,
    OrderEvent,
    OrderPause,
    OrderPhoto,
    Owner,
    Unit,
    WorkOrder,
)
from wuye_desktop.storage.search_keys import order_keys

ORDER_PREFIX = "GD"
COMMITMENT_PREFIX = "CN"
REQUIRED = QT_TRANSLATE_NOOP("core", "Required")
MAX_DESCRIPTION = 2000
# A note, reason, comment or plan on the timeline; names and units as their columns hold them
# (PostgreSQL refuses a longer value, SQLite would keep it).
MAX_NOTE = 2000
MAX_NAME = 100
MAX_UNIT = 200
MAX_PAUSE_REASON = 200
MAX_PHOTO_BYTES = 8 * 1024 * 1024


def _stream(order: WorkOrder) -> str:
    return f"order:{order.number}"


def _get_order(s: Session, order_id: int, expected_version: int | None = None) -> WorkOrder:
    order = s.get(WorkOrder, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such work order: {id}"), id=order_id)
    if expected_version is not None and order.version != expected_version:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP(
                "core",
                "Somebody else changed order {number} first. It has been reloaded; "
                "please check it and make your change again.",
            ),
            number=order.number,
        )
    return order


def order_state(s: Session, order: WorkOrder) -> OrderState:
    """The stored order as the rules of its moves (core.order_actions) see it."""
    has_commitment = s.scalar(select(Commitment.id).where(Commitment.order_id == order.id))
    has_callbacks = s.scalar(select(Callback.id).where(Callback.order_id == order.id).limit(1))
    return OrderState(
        number=order.number,
        status=Status(order.status),
        tier=order.tier,
        paused=order.paused_since is not None,
        has_commitment=has_commitment is not None,
        has_callbacks=has_callbacks is not None,
        from_regulator=bool(order.regulator_ticket_id),
    )


def _check(s: Session, action: Action, order: WorkOrder) -> None:
    require_state(action, order_state(s, order))


def _event(
    s: Session,
    actor: Actor,
    order: WorkOrder,
    at: datetime,
    kind: str,
    note: str = "",
    **extra: str,
) -> OrderEvent:
    ev = OrderEvent(
        order_id=order.id,
        at=at,
        kind=kind,
        status=order.status,
        note=note,
        user_id=actor.user_id,
        username=actor.username,
        channel=extra.get("channel", ""),
        handler=extra.get("handler", ""),
    )
    s.add(ev)
    order.updated_at = at
    return ev


def _status_event(
    s: Session,
    actor: Actor,
    order: WorkOrder,
    target: Status,
    at: datetime,
    note: str,
    *,
    promised_date: date | None = None,
    commitment_no: str | None = None,
    channel: str = "",
    handler: str = "",
) -> None:
    """Move the order, write its timeline entry and the protocol event with the next seq."""
    check_transition(Status(order.status), target)
    order.status = target.value
    order.last_event_seq += 1
    ev = _event(s, actor, order, at, "status", note, channel=channel, handler=handler)
    ev.seq = order.last_event_seq
    outbox.enqueue(
        s,
        stream=_stream(order),
        kind="event",
        path=f"/work-orders/{order.number}/events",
        body={
            "seq": order.last_event_seq,
            "status": target.value,
            "at": outbox.rfc3339(at),
            "note": note,
            "promised_date": outbox.iso_date(promised_date),
            "commitment_no": commitment_no,
        },
    )
    audit.record(s, actor, f"order.{target.value}", "work_order", order.number, note=note)


def _pauses(s: Session, order: WorkOrder) -> list[Pause]:
    rows = s.scalars(select(OrderPause).where(OrderPause.order_id == order.id))
    return [Pause(p.start, p.end, p.reason) for p in rows]


def _recompute_deadlines(s: Session, order: WorkOrder, start: datetime) -> None:
    rules = load_rules(s)
    commitment = s.scalar(select(Commitment).where(Commitment.order_id == order.id))
    promised = date.fromisoformat(commitment.promised_date) if commitment else None
    d = deadlines_for(rules, order.tier, order.category, start, _pauses(s, order), promised)
    # None only while a pause is open: the deadlines then stay as they were until it ends.
    if d.response_due is not None:
        order.response_due = d.response_due
    if d.completion_due is not None:
        order.completion_due = d.completion_due


# --- intake ----------------------------------------------------------------------------------


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
        errors.extend(_photo_errors(picture))
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
    _event(s, actor, order, reported, "status", QT_TRANSLATE_NOOP("core", "Order taken"))
    for filename, picture in data.photos:
        mime = _photo_mime(picture)
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
        _event(s, actor, order, now, "photo", filename[-200:])
    order.updated_at = now
    outbox.enqueue(
        s,
        stream=_stream(order),
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


# --- the status flow -------------------------------------------------------------------------


def _mark_responded(order: WorkOrder, at: datetime) -> None:
    if order.responded_at is None and order.tier != Tier.PROMISED.value:
        order.responded_at = at


def dispatch(
    db: Database,
    actor: Actor,
    order_id: int,
    expected_version: int,
    *,
    channel: str,
    handler: str,
    note: str = "",
) -> None:
    """Send the order to one of the 3 channels and a handler; again later, it is a transfer."""
    require_permission(actor, Action.DISPATCH)
    errors: list[FieldError] = []
    if channel not in {c.value for c in Channel}:
        errors.append(FieldError("channel", QT_TRANSLATE_NOOP("core", "Choose one")))
    if not handler.strip():
        errors.append(FieldError("handler", REQUIRED))
    errors += _length_errors(handler=(handler, MAX_NAME), note=(note, MAX_NOTE))
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.DISPATCH, order)
        now = now_utc()
        order.channel, order.handler = channel, handler.strip()
        _status_event(
            s,
            actor,
            order,
            Status.DISPATCHED,
            now,
            note.strip(),
            channel=channel,
            handler=handler.strip(),
        )
        _mark_responded(order, now)


@dataclass
class CommitmentInput:
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str
    responsible_phone: str = ""  # printed on the letter for the owner to call


def _length_errors(**fields: tuple[str, int]) -> list[FieldError]:
    """``field=(value, limit)``: an error for each value longer than its limit."""
    return [
        FieldError(name, QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": limit})
        for name, (value, limit) in fields.items()
        if len(value.strip()) > limit
    ]


def _check_lengths(**fields: tuple[str, int]) -> None:
    errors = _length_errors(**fields)
    if errors:
        raise ValidationError(errors)


def _commitment_errors(s: Session, data: CommitmentInput, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    for name in ("plan", "responsible_unit", "responsible_person"):
        if not getattr(data, name).strip():
            errors.append(FieldError(name, REQUIRED))
    errors += _length_errors(
        plan=(data.plan, MAX_NOTE),
        responsible_unit=(data.responsible_unit, MAX_UNIT),
        responsible_person=(data.responsible_person, MAX_NAME),
    )
    if data.responsible_phone.strip() and (problem := phone_problem(data.responsible_phone, True)):
        errors.append(FieldError("responsible_phone", problem))
    max_days = load_rules(s).promised_max_days
    if data.promised_date < today:
        errors.append(
            FieldError("promised_date", QT_TRANSLATE_NOOP("core", "The promised date has passed"))
        )
    elif data.promised_date > today + timedelta(days=max_days):
        errors.append(
            FieldError(
                "promised_date",
                QT_TRANSLATE_NOOP("core", "At most {n} days from today"),
                {"n": max_days},
            )
        )
    return errors


def issue_commitment(
    db: Database, actor: Actor, order_id: int, expected_version: int, data: CommitmentInput
) -> str:
    """Record the written promise of a promised-tier order; returns its number."""
    require_permission(actor, Action.ISSUE_COMMITMENT)
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        return _issue_commitment(s, actor, order, data)


def _issue_commitment(s: Session, actor: Actor, order: WorkOrder, data: CommitmentInput) -> str:
    _check(s, Action.ISSUE_COMMITMENT, order)
    now = now_utc()
    errors = _commitment_errors(s, data, to_local(now).date())
    if errors:
        raise ValidationError(errors)
    c = Commitment(
        order_id=order.id,
        number=next_number(s, COMMITMENT_PREFIX, now),
        plan=data.plan.strip(),
        promised_date=data.promised_date.isoformat(),
        responsible_unit=data.responsible_unit.strip(),
        responsible_person=data.responsible_person.strip(),
        responsible_phone=normalize_phone(data.responsible_phone, allow_service=True) or "",
        issued_at=now,
        issued_by=actor.username,
    )
    s.add(c)
    s.flush()
    order.responded_at = order.responded_at or now  # the promised tier responds with the letter
    _recompute_deadlines(s, order, order.reported_at)
    _event(s, actor, order, now, "commitment", c.number)
    audit.record(s, actor, "order.commitment", "work_order", order.number, commitment=c.number)
    return c.number


def start_work(
    db: Database,
    actor: Actor,
    order_id: int,
    expected_version: int,
    *,
    note: str = "",
    commitment: CommitmentInput | None = None,
) -> None:
    """Work begins. A promised order needs its commitment first (given here or issued before)."""
    require_permission(actor, Action.START)
    _check_lengths(note=(note, MAX_NOTE))
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        state = order_state(s, order)
        require_state(Action.START, state)
        if start_needs_commitment(state):
            if commitment is None:
                raise StateError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "A promised order cannot start without its commitment: plan, promised "
                        "date, responsible unit and person.",
                    )
                )
            require_permission(actor, Action.ISSUE_COMMITMENT)
            _issue_commitment(s, actor, order, commitment)
        promised_date: date | None = None
        number: str | None = None
        existing = s.scalar(select(Commitment).where(Commitment.order_id == order.id))
        if existing is not None:  # only promised orders have one
            promised_date, number = date.fromisoformat(existing.promised_date), existing.number
        now = now_utc()
        _status_event(
            s,
            actor,
            order,
            Status.IN_PROGRESS,
            now,
            note.strip(),
            promised_date=promised_date,
            commitment_no=number,
        )
        _mark_responded(order, now)


def complete(
    db: Database, actor: Actor, order_id: int, expected_version: int, note: str = ""
) -> None:
    require_permission(actor, Action.COMPLETE)
    _check_lengths(note=(note, MAX_NOTE))
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.COMPLETE, order)
        now = now_utc()
        _status_event(s, actor, order, Status.COMPLETED, now, note.strip())
        order.completed_at = now
        order.callback_due = now + timedelta(days=callback_due_days(s))
        c = s.scalar(select(Commitment).where(Commitment.order_id == order.id))
        if c is not None and c.fulfilled_at is None:
            c.fulfilled_at = now


def close(db: Database, actor: Actor, order_id: int, expected_version: int, note: str = "") -> None:
    """Close a completed order without waiting for a callback (e.g. the owner cannot be reached)."""
    require_permission(actor, Action.CLOSE)
    if not note.strip():
        raise ValidationError([FieldError("note", REQUIRED)])
    _check_lengths(note=(note, MAX_NOTE))
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.CLOSE, order)
        now = now_utc()
        _status_event(s, actor, order, Status.CLOSED, now, note.strip())
        order.closed_at = now


def cancel(db: Database, actor: Actor, order_id: int, expected_version: int, reason: str) -> None:
    require_permission(actor, Action.CANCEL)
    if not reason.strip():
        raise ValidationError(
            [FieldError("reason", QT_TRANSLATE_NOOP("core", "Say why the order is cancelled"))]
        )
    _check_lengths(reason=(reason, MAX_NOTE))
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.CANCEL, order)
        now = now_utc()
        _status_event(s, actor, order, Status.CANCELLED, now, reason.strip())
        order.closed_at = now
        _end_pause(s, order, now)


def add_note(db: Database, actor: Actor, order_id: int, note: str) -> None:
    """A note on the timeline; notes never conflict, so no version is asked for."""
    require_permission(actor, Action.NOTE)
    if not note.strip():
        raise ValidationError([FieldError("note", REQUIRED)])
    _check_lengths(note=(note, MAX_NOTE))
    with db.transaction() as s:
        order = _get_order(s, order_id)
        _check(s, Action.NOTE, order)
        _event(s, actor, order, now_utc(), "note", note.strip())
        audit.record(s, actor, "order.note", "work_order", order.number)


def pause(db: Database, actor: Actor, order_id: int, expected_version: int, reason: str) -> None:
    """Stop the clock (waiting for the owner's access, for parts); the pause is not counted."""
    require_permission(actor, Action.PAUSE)
    if not reason.strip():
        raise ValidationError([FieldError("reason", REQUIRED)])
    _check_lengths(reason=(reason, MAX_PAUSE_REASON))
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.PAUSE, order)
        now = now_utc()
        s.add(OrderPause(order_id=order.id, start=now, reason=reason.strip()))
        order.paused_since = now
        _event(s, actor, order, now, "pause", reason.strip())
        audit.record(s, actor, "order.pause", "work_order", order.number, reason=reason.strip())


def _end_pause(s: Session, order: WorkOrder, now: datetime) -> None:
    if order.paused_since is None:
        return
    for p in s.scalars(
        select(OrderPause).where(OrderPause.order_id == order.id, OrderPause.end.is_(None))
    ):
        p.end = now
    order.paused_since = None
    s.flush()


def resume(db: Database, actor: Actor, order_id: int, expected_version: int) -> None:
    require_permission(actor, Action.RESUME)
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.RESUME, order)
        now = now_utc()
        _end_pause(s, order, now)
        _recompute_deadlines(s, order, order.reported_at)
        _event(s, actor, order, now, "resume")
        audit.record(s, actor, "order.resume", "work_order", order.number)


# --- callbacks -------------------------------------------------------------------------------


@dataclass
class CallbackInput:
    method: str
    satisfaction: str
    person_reached: str = ""
    comment: str = ""


def record_callback(
    db: Database, actor: Actor, order_id: int, expected_version: int, data: CallbackInput
) -> None:
    """The owner's verdict. Dissatisfied reopens the order; otherwise it is closed."""
    require_permission(actor, Action.CALLBACK)
    errors: list[FieldError] = []
    if data.method not in {m.value for m in CallbackMethod}:
        errors.append(FieldError("method", QT_TRANSLATE_NOOP("core", "Choose one")))
    if data.satisfaction not in {x.value for x in Satisfaction}:
        errors.append(FieldError("satisfaction", QT_TRANSLATE_NOOP("core", "Choose one")))
    if data.satisfaction == Satisfaction.DISSATISFIED.value and not data.comment.strip():
        errors.append(
            FieldError(
                "comment", QT_TRANSLATE_NOOP("core", "Write down what the owner is unhappy with")
            )
        )
    errors += _length_errors(
        person_reached=(data.person_reached, MAX_NAME), comment=(data.comment, MAX_NOTE)
    )
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        order = _get_order(s, order_id, expected_version)
        _check(s, Action.CALLBACK, order)
        now = now_utc()
        s.add(
            Callback(
                order_id=order.id,
                at=now,
                method=data.method,
                person_reached=data.person_reached.strip(),
                satisfaction=data.satisfaction,
                comment=data.comment.strip(),
                username=actor.username,
            )
        )
        _event(s, actor, order, now, "callback", data.comment.strip())
        outbox.enqueue(
            s,
            stream=_stream(order),
            kind="callback",
            path=f"/work-orders/{order.number}/callbacks",
            body={
                "at": outbox.rfc3339(now),
                "method": data.method,
                "satisfaction": data.satisfaction,
                "comment": data.comment.strip(),
            },
        )
        audit.record(
            s, actor, "order.callback", "work_order", order.number, satisfaction=data.satisfaction
        )
        order.callback_due = None
        if data.satisfaction == Satisfaction.DISSATISFIED.value:
            _status_event(s, actor, order, Status.REOPENED, now, data.comment.strip())
            order.completed_at = None
            _recompute_deadlines(s, order, now)
            order.responded_at = None if order.tier != Tier.PROMISED.value else order.responded_at
        else:
            _status_event(s, actor, order, Status.CLOSED, now, "")
            order.closed_at = now


# --- photos and the caller's number ----------------------------------------------------------

_PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}


def _photo_mime(data: bytes) -> str | None:
    return next((m for sig, m in _PHOTO_TYPES.items() if data.startswith(sig)), None)


def _photo_errors(data: bytes) -> list[FieldError]:
    if _photo_mime(data) is None:
        return [FieldError("photo", QT_TRANSLATE_NOOP("core", "Only JPEG and PNG pictures"))]
    if len(data) > MAX_PHOTO_BYTES:
        return [FieldError("photo", QT_TRANSLATE_NOOP("core", "A picture may be at most 8 MB"))]
    return []


def add_photo(db: Database, actor: Actor, order_id: int, filename: str, data: bytes) -> int:
    require_permission(actor, Action.PHOTO)
    mime = next((m for sig, m in _PHOTO_TYPES.items() if data.startswith(sig)), None)
    if mime is None:
        raise ValidationError(
            [FieldError("photo", QT_TRANSLATE_NOOP("core", "Only JPEG and PNG pictures"))]
        )
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            [FieldError("photo", QT_TRANSLATE_NOOP("core", "A picture may be at most 8 MB"))]
        )
    with db.transaction() as s:
        order = _get_order(s, order_id)
        _check(s, Action.PHOTO, order)
        photo = OrderPhoto(
            order_id=order.id,
            filename=filename[-200:],
            mime=mime,
            data=data,
            username=actor.username,
        )
        s.add(photo)
        s.flush()
        _event(s, actor, order, now_utc(), "photo", filename[-200:])
        audit.record(s, actor, "order.photo", "work_order", order.number, filename=filename)
        return photo.id


def reveal_caller_phone(db: Database, actor: Actor, order_id: int) -> str:
    """The full number on the order being handled: desk, manager, admin; every reveal audited."""
    actor.require(Permission.PHONE_REVEAL_ON_ORDER)
    with db.transaction() as s:
        order = _get_order(s, order_id)
        audit.record(s, actor, "phone.reveal", "work_order", order.number)
        return order.caller_phone
