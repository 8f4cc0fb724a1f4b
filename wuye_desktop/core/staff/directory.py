"""Keeping the staff directory: add, edit and deactivate people (administrators and managers),
and read it (everybody who handles orders). Each change is one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import ConcurrentEdit, FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.staff.choices import open_workload, split_skills
from wuye_desktop.core.validation import normalize_phone, phone_problem
from wuye_desktop.core.vocab import Category, Channel, StaffKind
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, Staff

MAX_NAME = 100  # the column's length


# The company's own people work for its own channel, the property company's.
_OWN_KINDS = frozenset({StaffKind.TECHNICIAN, StaffKind.TEAM})


@dataclass(frozen=True)
class StaffInput:
    name: str
    kind: str
    channel: str
    community_id: int | None  # None: every community
    phone: str = ""
    skills: tuple[str, ...] = ()  # core.vocab.Category values
    active: bool = True


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    kind: StaffKind
    channel: str
    community_id: int | None
    community_name: str  # "" for every community
    phone: str
    skills: tuple[str, ...]
    active: bool
    open_orders: int
    version: int


def _checked(s: Session, data: StaffInput) -> dict[str, object]:
    """The columns of *data*, or the fields refused."""
    errors: list[FieldError] = []
    name = data.name.strip()
    if not name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("core", "Required")))
    elif len(name) > MAX_NAME:
        errors.append(
            FieldError("name", QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": MAX_NAME})
        )
    kinds = {k.value for k in StaffKind}
    if data.kind not in kinds:
        errors.append(FieldError("kind", QT_TRANSLATE_NOOP("core", "Choose one")))
    channel = data.channel
    if data.kind in _OWN_KINDS:
        channel = Channel.PROPERTY.value
    elif channel not in {c.value for c in Channel}:
        errors.append(FieldError("channel", QT_TRANSLATE_NOOP("core", "Choose one")))
    phone = data.phone.strip()
    if phone:
        if problem := phone_problem(phone, allow_service=True):
            errors.append(FieldError("phone", problem))
        else:
            phone = normalize_phone(phone, allow_service=True) or phone
    categories = {c.value for c in Category}
    skills = tuple(dict.fromkeys(code for code in data.skills if code))  # once each, in order
    if any(code not in categories for code in skills):
        errors.append(FieldError("skills", QT_TRANSLATE_NOOP("core", "Unknown category")))
    if data.community_id is not None and s.get(Community, data.community_id) is None:
        errors.append(FieldError("community", QT_TRANSLATE_NOOP("core", "No such community")))
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "kind": data.kind,
        "channel": channel,
        "community_id": data.community_id,
        "phone": phone,
        "skills": ",".join(skills),
        "active": data.active,
    }


def _refuse_namesake(s: Session, values: dict[str, object], staff_id: int | None) -> None:
    """Two active people of one name in one community and channel could not be told apart
    when a name is typed at dispatch."""
    if not values["active"]:
        return
    community_id = values["community_id"]
    same_place = (
        Staff.community_id.is_(None)
        if community_id is None
        else or_(Staff.community_id == community_id, Staff.community_id.is_(None))
    )
    query = select(Staff.id).where(
        Staff.active.is_(True),
        Staff.channel == values["channel"],
        func.lower(Staff.name) == str(values["name"]).lower(),
        same_place,
    )
    if staff_id is not None:
        query = query.where(Staff.id != staff_id)
    if s.scalar(query.limit(1)) is not None:
        raise ValidationError(
            [
                FieldError(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "core", "Already in the directory for this community and channel"
                    ),
                )
            ]
        )


def _audit_detail(values: dict[str, object]) -> dict[str, object]:
    detail = dict(values)
    if "community_id" in detail:
        detail["community"] = detail.pop("community_id")
    if "skills" in detail:  # a list, so the log shows each category in words
        detail["skills"] = split_skills(str(detail["skills"]))
    return detail


def add_staff(db: Database, actor: Actor, data: StaffInput) -> int:
    """A person or team the desk can dispatch to; returns the new id."""
    actor.require(Permission.STAFF_EDIT)
    with db.transaction() as s:
        values = _checked(s, data)
        _refuse_namesake(s, values, None)
        now = now_utc()
        person = Staff(**values, created_at=now, updated_at=now)
        s.add(person)
        s.flush()
        audit.record(s, actor, "staff.add", "staff", person.id, **_audit_detail(values))
        return person.id


def _load(s: Session, staff_id: int, expected_version: int) -> Staff:
    person = s.get(Staff, staff_id)
    if person is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such person in the staff directory"))
    if person.version != expected_version:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP(
                "core",
                "Somebody else changed {name} first. It has been reloaded; please make your "
                "change again.",
            ),
            name=person.name,
        )
    return person


def update_staff(
    db: Database, actor: Actor, staff_id: int, expected_version: int, data: StaffInput
) -> None:
    """Edit a person. Orders already linked to them keep the name they were dispatched under."""
    actor.require(Permission.STAFF_EDIT)
    with db.transaction() as s:
        person = _load(s, staff_id, expected_version)
        values = _checked(s, data)
        _refuse_namesake(s, values, person.id)
        changed = {k: v for k, v in values.items() if getattr(person, k) != v}
        for key, value in changed.items():
            setattr(person, key, value)
        person.updated_at = now_utc()
        audit.record(s, actor, "staff.update", "staff", person.id, **_audit_detail(changed))


def deactivate_staff(db: Database, actor: Actor, staff_id: int, expected_version: int) -> None:
    """No longer offered at dispatch; the orders they handled stay linked to them."""
    actor.require(Permission.STAFF_EDIT)
    with db.transaction() as s:
        person = _load(s, staff_id, expected_version)
        person.active = False
        person.updated_at = now_utc()
        audit.record(s, actor, "staff.deactivate", "staff", person.id, name=person.name)


def _rows(s: Session, people: Iterable[Staff]) -> list[StaffRow]:
    people = list(people)
    workload = open_workload(s, [p.id for p in people])
    names: dict[int, str] = {i: n for i, n in s.execute(select(Community.id, Community.name))}
    return [
        StaffRow(
            id=p.id,
            name=p.name,
            kind=StaffKind(p.kind),
            channel=p.channel,
            community_id=p.community_id,
            community_name=names.get(p.community_id, "") if p.community_id is not None else "",
            phone=p.phone,
            skills=split_skills(p.skills),
            active=p.active,
            open_orders=workload.get(p.id, 0),
            version=p.version,
        )
        for p in people
    ]


def list_staff(
    db: Database, actor: Actor, *, community_id: int | None = None, active_only: bool = False
) -> list[StaffRow]:
    """The directory (of one community, with those of every community), by community, channel
    and name; each with their open orders."""
    actor.require(Permission.WORK_ORDERS_READ)
    query = select(Staff)
    if community_id is not None:
        query = query.where(or_(Staff.community_id == community_id, Staff.community_id.is_(None)))
    if active_only:
        query = query.where(Staff.active.is_(True))
    with db.read() as s:
        people = s.scalars(query).all()
        rows = _rows(s, people)
    return sorted(
        rows,
        key=lambda r: (
            not r.active,
            r.community_name,
            list(Channel).index(Channel(r.channel)),
            r.kind != StaffKind.TECHNICIAN,
            r.name,
        ),
    )
