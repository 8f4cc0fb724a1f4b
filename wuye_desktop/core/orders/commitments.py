"""Commitment letters (承诺书) of promised-tier orders: issuing one, and the lists of the
Commitment tab (to issue, issued, fulfilled, overdue)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import LOCAL_TZ, now_utc, to_local
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.numbering import next_number
from wuye_desktop.core.orders._shared import (
    MAX_NAME,
    MAX_NOTE,
    MAX_UNIT,
    REQUIRED,
    check,
    event,
    length_errors,
    load_order,
    recompute_deadlines,
)
from wuye_desktop.core.orders.actions import Action, require_permission
from wuye_desktop.core.orders.rows import Whereabouts
from wuye_desktop.core.orders.status import OPEN_VALUES, Status
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import load_rules
from wuye_desktop.core.validation import normalize_phone, phone_problem
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage import clock_minutes
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment, WorkOrder

COMMITMENT_PREFIX = "CN"


@dataclass
class CommitmentInput:
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str
    responsible_phone: str = ""  # printed on the letter for the owner to call


def commitment_errors(s: Session, data: CommitmentInput, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    for name in ("plan", "responsible_unit", "responsible_person"):
        if not getattr(data, name).strip():
            errors.append(FieldError(name, REQUIRED))
    errors += length_errors(
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
        order = load_order(s, order_id, expected_version)
        return issue_commitment_in(s, actor, order, data)


def issue_commitment_in(s: Session, actor: Actor, order: WorkOrder, data: CommitmentInput) -> str:
    """The body of :func:`issue_commitment` on a loaded order, for the start of a promised
    order that gives its commitment with it."""
    check(s, Action.ISSUE_COMMITMENT, order)
    now = now_utc()
    errors = commitment_errors(s, data, to_local(now).date())
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
    clock_minutes.refresh(s, order)
    recompute_deadlines(s, order, order.reported_at)
    event(s, actor, order, now, "commitment", c.number)
    audit.record(s, actor, "order.commitment", "work_order", order.number, commitment=c.number)
    return c.number


# --- the lists of the Commitment tab -----------------------------------------------------------


class CommitmentState(enum.StrEnum):
    """The lists of the Commitment tab."""

    TO_ISSUE = "to_issue"  # open promised-tier orders without a commitment yet
    ISSUED = "issued"  # issued, the work not yet completed
    FULFILLED = "fulfilled"  # the order was completed
    OVERDUE = "overdue"  # the promised date has passed and the work is not completed


@dataclass(frozen=True)
class CommitmentRow:
    order_id: int
    order_number: str
    order_status: str
    order_version: int
    community: str
    place: str
    description: str
    reported_at: datetime
    number: str  # "" while the letter is still to issue
    promised_date: date | None
    responsible_unit: str
    responsible_person: str
    issued_at: datetime | None
    printed_count: int
    fulfilled_at: datetime | None
    overdue: bool


COMMITMENT_LIST_LIMIT = 2000


def commitment_rows(
    db: Database,
    actor: Actor,
    state: CommitmentState,
    community_id: int | None = None,
    now: datetime | None = None,
    limit: int = COMMITMENT_LIST_LIMIT,
) -> list[CommitmentRow]:
    """One list of the Commitment tab, most urgent first (bounded: promised repairs are few).

    "Issued" holds every unfulfilled commitment, overdue ones included; "overdue" is the
    subset whose promised local day has passed.
    """
    actor.require(Permission.WORK_ORDERS_READ)
    today = to_local_date(now or now_utc())
    promised = WorkOrder.tier == Tier.PROMISED.value
    stmt = select(WorkOrder, Commitment).outerjoin(Commitment, Commitment.order_id == WorkOrder.id)
    if state is CommitmentState.TO_ISSUE:
        stmt = stmt.where(
            promised, Commitment.id.is_(None), WorkOrder.status.in_(OPEN_VALUES)
        ).order_by(WorkOrder.reported_at, WorkOrder.id)
    elif state is CommitmentState.FULFILLED:
        stmt = stmt.where(Commitment.fulfilled_at.is_not(None)).order_by(
            Commitment.fulfilled_at.desc(), Commitment.id.desc()
        )
    else:
        stmt = stmt.where(
            Commitment.id.is_not(None),
            Commitment.fulfilled_at.is_(None),
            WorkOrder.status != Status.CANCELLED.value,
        )
        if state is CommitmentState.OVERDUE:
            stmt = stmt.where(Commitment.promised_date < today.isoformat())
        stmt = stmt.order_by(Commitment.promised_date, Commitment.id)
    if community_id is not None:
        stmt = stmt.where(WorkOrder.community_id == community_id)
    with db.read() as s:
        pairs = s.execute(stmt.limit(limit)).all()
        where = Whereabouts(s, [o for o, _ in pairs])
        rows: list[CommitmentRow] = []
        for o, c in pairs:
            promised_day = date.fromisoformat(c.promised_date) if c is not None else None
            rows.append(
                CommitmentRow(
                    order_id=o.id,
                    order_number=o.number,
                    order_status=o.status,
                    order_version=o.version,
                    community=where.community(o),
                    place=where.place(o),
                    description=o.description,
                    reported_at=o.reported_at,
                    number=c.number if c is not None else "",
                    promised_date=promised_day,
                    responsible_unit=c.responsible_unit if c is not None else "",
                    responsible_person=c.responsible_person if c is not None else "",
                    issued_at=c.issued_at if c is not None else None,
                    printed_count=c.printed_count if c is not None else 0,
                    fulfilled_at=c.fulfilled_at if c is not None else None,
                    overdue=(
                        c is not None
                        and c.fulfilled_at is None
                        and promised_day is not None
                        and promised_day < today
                    ),
                )
            )
    return rows


def to_local_date(moment: datetime) -> date:
    """The Asia/Shanghai calendar day of a UTC moment."""
    return moment.astimezone(LOCAL_TZ).date()
