"""The property directory: company, communities, channels, buildings, units, households, owners.

Reads return plain frozen dataclasses, never live ORM objects, so the UI can keep them across
threads and sessions. Owners' phone numbers always leave this module masked; a full number is
given only by :func:`reveal_owner_phone`, to the roles DESIGN.md §5 allows, and every such reveal
is audited, so the audit log really holds every time a full number was shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, insert, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from wuye_desktop.core import audit
from wuye_desktop.core.errors import ConcurrentEdit, FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import read_value, write_value
from wuye_desktop.core.validation import (
    community_code_problem,
    credit_code_problem,
    household_code,
    mask_phone,
    normalize_phone,
    part_code_problem,
    phone_digits,
)
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    ChannelContact,
    Community,
    Company,
    Household,
    Owner,
    Unit,
)

REQUIRED = QT_TRANSLATE_NOOP("core", "Required")
QR_HOUSEHOLD_PREFIX = "WUYE:H:"


def sort_key(number: str) -> str:
    """Numbers inside building, unit and room numbers sort as numbers: 2 < 10 < 10A."""
    return re.sub(r"\d+", lambda m: m.group().zfill(6), number.upper())[:24]


def _stale() -> ConcurrentEdit:
    return ConcurrentEdit(
        QT_TRANSLATE_NOOP(
            "core",
            "Somebody else saved this record first. It has been reloaded; "
            "please make your change again.",
        )
    )


def _check_version(current: int, expected: int | None) -> None:
    if expected is not None and current != expected:
        raise _stale()


# --- company ---------------------------------------------------------------------------------


# What the signs print beyond the company's row, kept in the ``setting`` table (no migration):
# where an entrance's QR code leads, and the local line to complain to when a deadline is
# missed. Qingdao's is 12345, the government service hotline; a company may name its regulator's.
SIGNS_KEY = "company.signs"
DEFAULT_COMPLAINT_NAME = "12345政务服务便民热线"
DEFAULT_COMPLAINT_PHONE = "12345"
_HOTLINE = re.compile(r"^1[0-9]{4}$")  # 12345, 12319: the short public service lines


@dataclass(frozen=True)
class CompanyView:
    id: int
    name: str
    credit_code: str
    address: str
    phone: str  # the company's service line, printed on the signs
    report_url_template: str
    version: int
    entrance_url_template: str = ""
    complaint_name: str = DEFAULT_COMPLAINT_NAME
    complaint_phone: str = DEFAULT_COMPLAINT_PHONE


def _company_view(s: Session, c: Company) -> CompanyView:
    signs = _signs(s)
    return CompanyView(
        c.id,
        c.name,
        c.credit_code,
        c.address,
        c.phone,
        c.report_url_template,
        c.version,
        str(signs.get("entrance_url_template", "")),
        str(signs.get("complaint_name", DEFAULT_COMPLAINT_NAME)),
        str(signs.get("complaint_phone", DEFAULT_COMPLAINT_PHONE)),
    )


def _signs(s: Session) -> dict[str, Any]:
    value = read_value(s, SIGNS_KEY)
    return value if isinstance(value, dict) else {}


def get_company(db: Database) -> CompanyView | None:
    with db.read() as s:
        c = s.scalar(select(Company).order_by(Company.id).limit(1))
        if c is None:
            return None
        return _company_view(s, c)


@dataclass
class CompanyInput:
    """None for the signs' settings leaves them as they are."""

    name: str
    credit_code: str
    address: str = ""
    phone: str = ""
    report_url_template: str = ""
    entrance_url_template: str | None = None
    complaint_name: str | None = None
    complaint_phone: str | None = None


def _address_problem(template: str, field_name: str) -> str | None:
    if template and (field_name not in template or not template.startswith("https://")):
        if field_name == "{household}":
            return QT_TRANSLATE_NOOP("core", "An https:// address containing {{household}}")
        return QT_TRANSLATE_NOOP("core", "An https:// address containing {{entrance}}")
    return None


def complaint_phone(raw: str) -> str | None:
    """The stored form of a line to complain to: a short public line (12345) or a number."""
    digits = re.sub(r"[\s\-]", "", raw.strip())
    if _HOTLINE.match(digits):
        return digits
    return normalize_phone(raw, allow_service=True)


def _signs_errors(data: CompanyInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.entrance_url_template is not None and (
        problem := _address_problem(data.entrance_url_template.strip(), "{entrance}")
    ):
        errors.append(FieldError("entrance_url_template", problem))
    if data.complaint_phone is not None and complaint_phone(data.complaint_phone) is None:
        errors.append(
            FieldError(
                "complaint_phone",
                QT_TRANSLATE_NOOP("core", "A public line such as 12345, or a phone number"),
            )
        )
    if data.complaint_name is not None and not data.complaint_name.strip():
        errors.append(FieldError("complaint_name", REQUIRED))
    return errors


def update_company(
    db: Database, actor: Actor, data: CompanyInput, expected_version: int | None = None
) -> CompanyView:
    actor.require(Permission.ADMINISTER)
    errors: list[FieldError] = []
    code = data.credit_code.strip().upper()
    if not data.name.strip():
        errors.append(FieldError("name", REQUIRED))
    if problem := credit_code_problem(code):
        errors.append(FieldError("credit_code", problem))
    phone = ""
    if data.phone.strip():
        phone = normalize_phone(data.phone, allow_service=True) or ""
        if not phone:
            errors.append(
                FieldError(
                    "phone", QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number")
                )
            )
    template = data.report_url_template.strip()
    if problem := _address_problem(template, "{household}"):
        errors.append(FieldError("report_url_template", problem))
    errors += _signs_errors(data)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = s.scalar(select(Company).order_by(Company.id).limit(1))
        if c is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "The company is not set up yet"))
        _check_version(c.version, expected_version)
        c.name, c.credit_code, c.address = data.name.strip(), code, data.address.strip()
        c.phone, c.report_url_template = phone, template
        before = _signs(s)
        given = {
            "entrance_url_template": data.entrance_url_template,
            "complaint_name": data.complaint_name,
            "complaint_phone": data.complaint_phone,
        }
        signs = {**before, **{k: v.strip() for k, v in given.items() if v is not None}}
        if data.complaint_phone is not None:
            signs["complaint_phone"] = complaint_phone(data.complaint_phone)
        if signs != before:
            write_value(s, SIGNS_KEY, signs)
        audit.record(
            s, actor, "company.update", "company", c.id, name=c.name, credit_code=code, **signs
        )
        s.flush()
        return _company_view(s, c)


# --- communities and their channels ----------------------------------------------------------


@dataclass(frozen=True)
class ChannelView:
    channel: Channel
    unit_name: str
    contact: str
    phone: str
    service_hours: str


@dataclass(frozen=True)
class CommunityView:
    id: int
    code: str
    name: str
    project_code: str
    address: str
    district: str
    version: int
    channels: tuple[ChannelView, ...] = ()
    building_count: int = 0
    household_count: int = 0


@dataclass
class CommunityInput:
    code: str
    name: str
    project_code: str = ""
    address: str = ""
    district: str = ""


@dataclass
class ChannelInput:
    channel: Channel
    unit_name: str = ""
    contact: str = ""
    phone: str = ""
    service_hours: str = ""


def _community_view(s: Session, c: Community) -> CommunityView:
    channels = tuple(
        ChannelView(Channel(ch.channel), ch.unit_name, ch.contact, ch.phone, ch.service_hours)
        for ch in sorted(c.channels, key=lambda x: list(Channel).index(Channel(x.channel)))
    )
    buildings = s.scalar(select(func.count(Building.id)).where(Building.community_id == c.id))
    households = s.scalar(select(func.count(Household.id)).where(Household.community_id == c.id))
    return CommunityView(
        c.id,
        c.code,
        c.name,
        c.project_code,
        c.address,
        c.district,
        c.version,
        channels,
        int(buildings or 0),
        int(households or 0),
    )


def list_communities(db: Database, actor: Actor) -> list[CommunityView]:
    actor.require(Permission.DIRECTORY_READ)
    with db.read() as s:
        return [
            _community_view(s, c) for c in s.scalars(select(Community).order_by(Community.code))
        ]


@dataclass(frozen=True)
class CommunityChoice:
    """A community as a picker shows it."""

    id: int
    code: str
    name: str


def community_choices(db: Database, actor: Actor) -> list[CommunityChoice]:
    """Every community's id, code and name, for pickers and filter bars: unlike
    list_communities it counts nothing, so a tab over 200,000 households opens at once."""
    actor.require(Permission.DIRECTORY_READ)
    with db.read() as s:
        rows = s.execute(
            select(Community.id, Community.code, Community.name).order_by(Community.code)
        )
        return [CommunityChoice(i, c, n) for i, c, n in rows]


def get_community(db: Database, actor: Actor, code_or_id: str | int) -> CommunityView:
    actor.require(Permission.DIRECTORY_READ)
    with db.read() as s:
        return _community_view(s, _find_community(s, code_or_id))


def _find_community(s: Session, code_or_id: str | int) -> Community:
    if isinstance(code_or_id, int):
        c = s.get(Community, code_or_id)
    else:
        c = s.scalar(select(Community).where(Community.code == code_or_id.strip().upper()))
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code_or_id)
    return c


def _community_errors(data: CommunityInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if problem := community_code_problem(data.code.strip().upper()):
        errors.append(FieldError("code", problem))
    if not data.name.strip():
        errors.append(FieldError("name", REQUIRED))
    return errors


def create_community(db: Database, actor: Actor, data: CommunityInput) -> CommunityView:
    actor.require(Permission.DIRECTORY_EDIT)
    errors = _community_errors(data)
    code = data.code.strip().upper()
    with db.transaction() as s:
        if s.scalar(select(Community.id).where(Community.code == code)):
            errors.append(FieldError("code", QT_TRANSLATE_NOOP("core", "This code is taken")))
        if errors:
            raise ValidationError(errors)
        c = Community(
            code=code,
            name=data.name.strip(),
            project_code=data.project_code.strip(),
            address=data.address.strip(),
            district=data.district.strip(),
        )
        s.add(c)
        s.flush()
        audit.record(s, actor, "community.create", "community", c.code, name=c.name)
        return _community_view(s, c)


def update_community(
    db: Database, actor: Actor, community_id: int, data: CommunityInput, expected_version: int
) -> CommunityView:
    """The code is part of every household code, so it is fixed once created."""
    actor.require(Permission.DIRECTORY_EDIT)
    errors = [e for e in _community_errors(data) if e.field != "code"]
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = _find_community(s, community_id)
        _check_version(c.version, expected_version)
        c.name, c.project_code = data.name.strip(), data.project_code.strip()
        c.address, c.district = data.address.strip(), data.district.strip()
        audit.record(s, actor, "community.update", "community", c.code, name=c.name)
        s.flush()
        return _community_view(s, c)


def channel_errors(items: Sequence[ChannelInput]) -> list[FieldError]:
    errors: list[FieldError] = []
    for item in items:
        prefix = f"{Channel(item.channel).value}."
        if item.phone.strip() and normalize_phone(item.phone, allow_service=True) is None:
            errors.append(
                FieldError(
                    prefix + "phone",
                    QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number"),
                )
            )
    return errors


def set_channels(
    db: Database, actor: Actor, community_id: int, items: Sequence[ChannelInput]
) -> CommunityView:
    """Replace the contacts of the given channels (each of the 3 at most once)."""
    actor.require(Permission.DIRECTORY_EDIT)
    errors = channel_errors(items)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = _find_community(s, community_id)
        existing = {Channel(ch.channel): ch for ch in c.channels}
        for item in items:
            ch = existing.get(Channel(item.channel))
            if ch is None:
                ch = ChannelContact(channel=Channel(item.channel).value)
                c.channels.append(ch)
            ch.unit_name, ch.contact = item.unit_name.strip(), item.contact.strip()
            ch.phone = (
                normalize_phone(item.phone, allow_service=True) or "" if item.phone.strip() else ""
            )
            ch.service_hours = item.service_hours.strip()
        audit.record(
            s,
            actor,
            "community.channels",
            "community",
            c.code,
            channels=[Channel(i.channel).value for i in items],
        )
        s.flush()
        s.refresh(c)
        return _community_view(s, c)


def _apply_channels(c: Community, items: Sequence[ChannelInput]) -> None:
    existing = {Channel(ch.channel): ch for ch in c.channels}
    for item in items:
        ch = existing.get(Channel(item.channel))
        if ch is None:
            ch = ChannelContact(channel=Channel(item.channel).value)
            c.channels.append(ch)
        phone = item.phone.strip()
        ch.unit_name, ch.contact = item.unit_name.strip(), item.contact.strip()
        ch.phone = normalize_phone(phone, allow_service=True) or "" if phone else ""
        ch.service_hours = item.service_hours.strip()


def save_community(
    db: Database,
    actor: Actor,
    community_id: int | None,
    data: CommunityInput,
    channels: Sequence[ChannelInput],
    expected_version: int | None = None,
) -> CommunityView:
    """The community form's Save: the community and its channel contacts in one transaction.

    ``community_id`` None creates the community. Errors of both parts are reported together,
    and a second desk that saved first (community or channels) makes this one stale.
    """
    actor.require(Permission.DIRECTORY_EDIT)
    errors = _community_errors(data)
    if community_id is not None:
        errors = [e for e in errors if e.field != "code"]  # fixed once created
    errors += channel_errors(channels)
    code = data.code.strip().upper()
    with db.transaction() as s:
        if community_id is None:
            if s.scalar(select(Community.id).where(Community.code == code)):
                errors.append(FieldError("code", QT_TRANSLATE_NOOP("core", "This code is taken")))
            if errors:
                raise ValidationError(errors)
            c = Community(code=code)
            s.add(c)
            action = "community.create"
        else:
            if errors:
                raise ValidationError(errors)
            c = _find_community(s, community_id)
            _check_version(c.version, expected_version)
            action = "community.update"
        c.name, c.project_code = data.name.strip(), data.project_code.strip()
        c.address, c.district = data.address.strip(), data.district.strip()
        _apply_channels(c, channels)
        if community_id is not None:
            # Channel contacts are child rows: advance the community's version for them too.
            flag_modified(c, "name")
        s.flush()
        audit.record(
            s,
            actor,
            action,
            "community",
            c.code,
            name=c.name,
            channels=[Channel(i.channel).value for i in channels],
        )
        s.refresh(c)
        return _community_view(s, c)


# --- buildings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildingView:
    id: int
    community_id: int
    number: str
    name: str
    floors: int
    elevator_count: int
    version: int


@dataclass
class BuildingInput:
    number: str
    name: str = ""
    floors: int = 0
    elevator_count: int = 0


def _building_view(b: Building) -> BuildingView:
    return BuildingView(
        b.id, b.community_id, b.number, b.name, b.floors, b.elevator_count, b.version
    )


def _building_errors(data: BuildingInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if problem := part_code_problem(data.number.strip()):
        errors.append(FieldError("number", problem))
    if not 0 <= data.floors <= 200:
        errors.append(FieldError("floors", QT_TRANSLATE_NOOP("core", "Between 0 and 200")))
    if not 0 <= data.elevator_count <= 50:
        errors.append(FieldError("elevator_count", QT_TRANSLATE_NOOP("core", "Between 0 and 50")))
    return errors


def list_buildings(db: Database, actor: Actor, community_id: int) -> list[BuildingView]:
    actor.require(Permission.DIRECTORY_READ)
    with db.read() as s:
        stmt = select(Building).where(Building.community_id == community_id)
        return [_building_view(b) for b in s.scalars(stmt.order_by(Building.sort_key))]


def _building_fields(community: Community, data: BuildingInput) -> dict[str, Any]:
    number = data.number.strip()
    return dict(
        community_id=community.id,
        number=number,
        name=data.name.strip() or f"{number}号楼",
        sort_key=sort_key(number),
        floors=data.floors,
        elevator_count=data.elevator_count,
    )


def _add_building(s: Session, community: Community, data: BuildingInput) -> Building:
    b = Building(**_building_fields(community, data))
    s.add(b)
    s.flush()
    return b


def create_building(
    db: Database, actor: Actor, community_id: int, data: BuildingInput
) -> BuildingView:
    actor.require(Permission.DIRECTORY_EDIT)
    errors = _building_errors(data)
    with db.transaction() as s:
        c = _find_community(s, community_id)
        taken = select(Building.id).where(
            Building.community_id == c.id, Building.number == data.number.strip()
        )
        if s.scalar(taken):
            errors.append(FieldError("number", QT_TRANSLATE_NOOP("core", "This number is taken")))
        if errors:
            raise ValidationError(errors)
        b = _add_building(s, c, data)
        audit.record(
            s, actor, "building.create", "building", b.id, community=c.code, number=b.number
        )
        return _building_view(b)


def update_building(
    db: Database, actor: Actor, building_id: int, data: BuildingInput, expected_version: int
) -> BuildingView:
    """The number is part of household codes and stays; name, floors and elevators change."""
    actor.require(Permission.DIRECTORY_EDIT)
    errors = [e for e in _building_errors(data) if e.field != "number"]
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        b = s.get(Building, building_id)
        if b is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such building: {id}"), id=building_id)
        _check_version(b.version, expected_version)
        b.name = data.name.strip() or b.name
        b.floors, b.elevator_count = data.floors, data.elevator_count
        audit.record(
            s, actor, "building.update", "building", b.id, name=b.name, elevators=b.elevator_count
        )
        s.flush()
        return _building_view(b)


@dataclass(frozen=True)
class UnitView:
    id: int
    building_id: int
    number: str
    household_count: int


def list_units(db: Database, actor: Actor, building_id: int) -> list[UnitView]:
    actor.require(Permission.DIRECTORY_READ)
    with db.read() as s:
        counts = (
            select(Unit.id, Unit.building_id, Unit.number, func.count(Household.id))
            .outerjoin(Household, Household.unit_id == Unit.id)
            .where(Unit.building_id == building_id)
            .group_by(Unit.id)
            .order_by(Unit.sort_key)
        )
        return [UnitView(i, b, n, int(k)) for i, b, n, k in s.execute(counts)]


# --- households and owners -------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerView:
    id: int
    name: str
    phone: str  # always masked; reveal_owner_phone gives the full number, audited


@dataclass(frozen=True)
class HouseholdView:
    id: int
    code: str
    community_id: int
    community_code: str
    community_name: str
    building: str
    unit: str
    room: str
    area_m2: str
    note: str
    version: int
    owners: tuple[OwnerView, ...] = ()

    @property
    def room_label(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"

    @property
    def qr_payload(self) -> str:
        return QR_HOUSEHOLD_PREFIX + self.code


@dataclass
class OwnerInput:
    name: str
    phone: str = ""
    # The stored owner this edits; None adds one. A phone left as shown (masked) is kept.
    id: int | None = None


@dataclass
class HouseholdInput:
    building: str
    unit: str
    room: str
    owners: list[OwnerInput] = field(default_factory=list)
    area_m2: str = ""
    note: str = ""


def _owner_view(o: Owner) -> OwnerView:
    return OwnerView(o.id, o.name, mask_phone(o.phone))


def _household_view(h: Household, community: Community) -> HouseholdView:
    unit = h.unit
    return HouseholdView(
        h.id,
        h.code,
        community.id,
        community.code,
        community.name,
        unit.building.number,
        unit.number,
        h.room,
        h.area_m2,
        h.note,
        h.version,
        tuple(_owner_view(o) for o in h.owners),
    )


_AREA = re.compile(r"^\d{1,5}(\.\d{1,2})?$", re.ASCII)  # see validation.FULL_WIDTH_DIGITS


def household_errors(data: HouseholdInput, row: int | None = None) -> list[FieldError]:
    """Field-by-field checks of one household, shared by the form and the roster import."""
    errors: list[FieldError] = []
    for name in ("building", "unit", "room"):
        value = getattr(data, name).strip()
        if not value:
            errors.append(FieldError(name, REQUIRED, row=row))
        elif problem := part_code_problem(value):
            errors.append(FieldError(name, problem, row=row))
    if data.area_m2.strip() and not _AREA.match(data.area_m2.strip()):
        errors.append(
            FieldError("area_m2", QT_TRANSLATE_NOOP("core", "Square metres, e.g. 89.50"), row=row)
        )
    for i, owner in enumerate(data.owners):
        suffix = "" if i == 0 else f"[{i + 1}]"
        if not owner.name.strip():
            errors.append(FieldError("owner_name" + suffix, REQUIRED, row=row))
        elif len(owner.name.strip()) > 100:
            errors.append(
                FieldError("owner_name" + suffix, QT_TRANSLATE_NOOP("core", "Too long"), row=row)
            )
        phone = owner.phone.strip()
        if phone and "*" not in phone and normalize_phone(phone) is None:
            errors.append(
                FieldError(
                    "phone" + suffix,
                    QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number"),
                    row=row,
                )
            )
    return errors


def _get_or_create_unit(s: Session, community: Community, building_no: str, unit_no: str) -> Unit:
    building = s.scalar(
        select(Building).where(
            Building.community_id == community.id, Building.number == building_no
        )
    )
    if building is None:
        building = _add_building(s, community, BuildingInput(number=building_no))
    unit = s.scalar(select(Unit).where(Unit.building_id == building.id, Unit.number == unit_no))
    if unit is None:
        unit = Unit(building_id=building.id, number=unit_no, sort_key=sort_key(unit_no))
        s.add(unit)
        s.flush()
    return unit


def _stored_phone(typed: str) -> str:
    """The stored form of a checked phone number; "" for none."""
    return normalize_phone(typed) or "" if typed else ""


def apply_owners(h: Household, owners: Sequence[OwnerInput]) -> None:
    """Make *h*'s owners those given, keeping a stored phone where the input shows it masked."""
    stored = {o.id: o for o in h.owners}
    kept: list[Owner] = []
    for position, item in enumerate(owners):
        owner = stored.get(item.id) if item.id is not None else None
        phone = item.phone.strip()
        phone = owner.phone if owner is not None and "*" in phone else _stored_phone(phone)
        if owner is None:
            owner = Owner(name=item.name.strip(), phone=phone)
        owner.name, owner.phone, owner.position = item.name.strip(), phone, position
        owner.phone_digits = phone_digits(phone)
        kept.append(owner)
    h.owners[:] = kept


def add_household_in_session(
    s: Session, actor: Actor, community: Community, data: HouseholdInput
) -> Household:
    """Create one household inside the caller's transaction (the form, the roster import)."""
    unit = _get_or_create_unit(s, community, data.building.strip(), data.unit.strip())
    h = Household(unit=unit, **_household_fields(community, data))
    s.add(h)
    apply_owners(h, data.owners)
    s.flush()
    audit.record(s, actor, "household.create", "household", h.code, owners=len(data.owners))
    return h


def _household_fields(community: Community, data: HouseholdInput) -> dict[str, Any]:
    room = data.room.strip()
    return dict(
        community_id=community.id,
        room=room,
        code=household_code(community.code, data.building.strip(), data.unit.strip(), room),
        sort_key=sort_key(room),
        area_m2=data.area_m2.strip(),
        note=data.note.strip(),
    )


BULK_BATCH = 1_000  # rows per executemany: memory stays flat, progress moves, cancel is heard


def add_households_in_session(
    s: Session,
    actor: Actor,
    community: Community,
    inputs: Sequence[HouseholdInput],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Create many checked households inside the caller's transaction (the roster import).

    The same rows as :func:`add_household_in_session` writes one by one (buildings and units
    as needed, households, owners, one audit entry each), written as batches of plain
    INSERTs: a roster of 100,000 homes is not 100,000 flushes. No RETURNING (SQLite 3.31 lacks it): ids are read back by
    code once the rows are in. *progress* receives how far the work is, counted in households
    (0 to ``len(inputs)``).
    """
    wanted = {(d.building.strip(), d.unit.strip()) for d in inputs}
    units = _unit_ids(s, community, wanted)
    for start in range(0, len(inputs), BULK_BATCH):
        chunk = inputs[start : start + BULK_BATCH]
        s.connection().execute(  # Core executemany: the ORM's bulk path costs more than the SQL
            insert(Household),
            [
                dict(
                    unit_id=units[(d.building.strip(), d.unit.strip())],
                    **_household_fields(community, d),
                )
                for d in chunk
            ],
        )
        if progress is not None:
            progress((start + len(chunk)) // 2)  # households: the first half of the work
    ids = _household_ids(s, community)
    owners: list[dict[str, Any]] = []
    entries: list[tuple[str, dict[str, Any]]] = []
    for n, d in enumerate(inputs, start=1):
        code = household_code(community.code, d.building.strip(), d.unit.strip(), d.room.strip())
        for position, o in enumerate(d.owners):
            phone = _stored_phone(o.phone.strip())
            owners.append(
                dict(
                    household_id=ids[code],
                    position=position,
                    name=o.name.strip(),
                    phone=phone,
                    phone_digits=phone_digits(phone),
                )
            )
        entries.append((code, {"owners": len(d.owners)}))
        if len(owners) >= BULK_BATCH or n == len(inputs):
            if owners:
                s.connection().execute(insert(Owner), owners)
            audit.record_many(s, actor, "household.create", "household", entries)
            owners, entries = [], []
            if progress is not None:
                progress((len(inputs) + n) // 2)


def _unit_ids(
    s: Session, community: Community, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """Unit ids by (building number, unit number), adding the buildings and units missing."""
    in_community = select(Building.number, Building.id).where(Building.community_id == community.id)
    buildings = {b: i for b, i in s.execute(in_community)}
    missing = sorted({b for b, _u in wanted} - buildings.keys())
    if missing:
        s.connection().execute(
            insert(Building),
            [_building_fields(community, BuildingInput(number=b)) for b in missing],
        )
        buildings = {b: i for b, i in s.execute(in_community)}
    known = (
        select(Building.number, Unit.number, Unit.id)
        .join(Unit.building)
        .where(Building.community_id == community.id)
    )
    units = {(b, u): i for b, u, i in s.execute(known)}
    new_units = sorted(wanted - units.keys())
    if new_units:
        s.connection().execute(
            insert(Unit),
            [dict(building_id=buildings[b], number=u, sort_key=sort_key(u)) for b, u in new_units],
        )
        units = {(b, u): i for b, u, i in s.execute(known)}
    return units


def _household_ids(s: Session, community: Community) -> dict[str, int]:
    stmt = select(Household.code, Household.id).where(Household.community_id == community.id)
    return {code: i for code, i in s.execute(stmt)}


def create_household(
    db: Database, actor: Actor, community_id: int, data: HouseholdInput
) -> HouseholdView:
    actor.require(Permission.DIRECTORY_EDIT)
    errors = household_errors(data)
    if any("*" in o.phone for o in data.owners):
        errors.append(FieldError("phone", QT_TRANSLATE_NOOP("core", "Type the whole number")))
    with db.transaction() as s:
        c = _find_community(s, community_id)
        if not errors:
            code = household_code(
                c.code, data.building.strip(), data.unit.strip(), data.room.strip()
            )
            if s.scalar(select(Household.id).where(Household.code == code)):
                errors.append(
                    FieldError(
                        "room", QT_TRANSLATE_NOOP("core", "{code} already exists"), {"code": code}
                    )
                )
        if errors:
            raise ValidationError(errors)
        h = add_household_in_session(s, actor, c, data)
        return _household_view(h, c)


def update_household(
    db: Database, actor: Actor, household_id: int, data: HouseholdInput, expected_version: int
) -> HouseholdView:
    """Owners, phones, area and note; the address parts are the household's identity and stay."""
    actor.require(Permission.DIRECTORY_EDIT)
    errors = [e for e in household_errors(data) if e.field not in ("building", "unit", "room")]
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        h = s.get(Household, household_id)
        if h is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such household: {id}"), id=household_id)
        _check_version(h.version, expected_version)
        before = [(o.name, mask_phone(o.phone)) for o in h.owners]
        h.area_m2, h.note = data.area_m2.strip(), data.note.strip()
        apply_owners(h, data.owners)
        # Owners are child rows: mark the household itself changed so its version advances
        # and a second desk editing the same household is refused.
        flag_modified(h, "note")
        s.flush()
        after = [(o.name, mask_phone(o.phone)) for o in h.owners]
        audit.record(s, actor, "household.update", "household", h.code, before=before, after=after)
        c = s.get(Community, h.community_id)
        assert c is not None
        return _household_view(h, c)


def get_household(db: Database, actor: Actor, household_id_or_code: int | str) -> HouseholdView:
    actor.require(Permission.DIRECTORY_READ)
    with db.read() as s:
        if isinstance(household_id_or_code, int):
            h = s.get(Household, household_id_or_code)
        else:
            code = household_id_or_code.strip()
            code = code.removeprefix(QR_HOUSEHOLD_PREFIX)
            h = s.scalar(select(Household).where(Household.code == code.upper()))
        if h is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("core", "No such household: {id}"), id=household_id_or_code
            )
        c = s.get(Community, h.community_id)
        assert c is not None
        return _household_view(h, c)


def reveal_owner_phone(db: Database, actor: Actor, owner_id: int, reason: str = "") -> str:
    """The full number of one owner, for roles allowed to see it; every reveal is audited."""
    actor.require(Permission.PHONE_REVEAL)
    with db.transaction() as s:
        o = s.get(Owner, owner_id)
        if o is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such owner: {id}"), id=owner_id)
        h = o.household
        audit.record(s, actor, "phone.reveal", "household", h.code, owner=o.name, reason=reason)
        return o.phone


# --- search ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdRow:
    """One line of a household list: what the desk needs to recognise the right home."""

    id: int
    code: str
    community_name: str
    room_label: str
    owner_name: str
    owner_phone: str  # always masked
    owner_count: int


_ROOM = re.compile(r"^([0-9A-Za-z]{1,8})-([0-9A-Za-z]{1,8})-([0-9A-Za-z]{1,8})$")


def _search_stmt(text: str, community_id: int | None) -> Select[Any]:
    """Interpret what the desk typed or scanned: payload, code, room, phone, or a name.

    What was typed is matched as it is: ``%`` and ``_`` are characters, not LIKE's wildcards
    (``autoescape``), on SQLite and PostgreSQL alike.
    """
    text = text.strip()
    stmt = select(Household.id)
    if community_id is not None:
        stmt = stmt.where(Household.community_id == community_id)
    if not text:
        return stmt
    upper = text.upper()
    if upper.startswith(QR_HOUSEHOLD_PREFIX):
        return stmt.where(Household.code == upper.removeprefix(QR_HOUSEHOLD_PREFIX))
    if upper.count("-") == 3:
        return stmt.where(Household.code.startswith(upper, autoescape=True))
    if m := _ROOM.match(upper):
        room = f"-{m.group(1)}-{m.group(2)}-{m.group(3)}"
        return stmt.where(Household.code.endswith(room, autoescape=True))
    digits = phone_digits(text)
    conditions: list[ColumnElement[bool]] = []
    if len(digits) >= 4 and len(digits) >= len(text.replace(" ", "").replace("-", "")):
        # A whole number, or its last digits as callers often give them.
        owners = select(Owner.household_id).where(
            Owner.phone_digits.endswith(digits, autoescape=True)
        )
        conditions.append(Household.id.in_(owners))
    if re.fullmatch(r"[0-9A-Za-z]{1,8}", text):
        conditions.append(Household.room == upper)
    if not digits or len(digits) < len(text):
        names = select(Owner.household_id).where(Owner.name.contains(text, autoescape=True))
        conditions.append(Household.id.in_(names))
    return stmt.where(or_(*conditions)) if conditions else stmt


def search_household_ids(
    db: Database, actor: Actor, text: str, community_id: int | None = None, limit: int = 5000
) -> list[int]:
    """Ids of the households that match, in directory order (the UI fetches rows lazily)."""
    actor.require(Permission.DIRECTORY_READ)
    stmt = (
        _search_stmt(text, community_id)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
        # Sort keys, not ids: a unit added later still lists beside its neighbours.
        .order_by(Household.community_id, Building.sort_key, Unit.sort_key, Household.sort_key)
        .limit(limit)
    )
    with db.read() as s:
        return list(s.scalars(stmt))


def household_ids_in_unit(db: Database, actor: Actor, unit_id: int) -> list[int]:
    actor.require(Permission.DIRECTORY_READ)
    stmt = select(Household.id).where(Household.unit_id == unit_id).order_by(Household.sort_key)
    with db.read() as s:
        return list(s.scalars(stmt))


def household_rows(db: Database, actor: Actor, ids: Sequence[int]) -> list[HouseholdRow]:
    """Rows for the given ids, in the same order, with phones masked as the role requires."""
    actor.require(Permission.DIRECTORY_READ)
    wanted = list(ids)
    if not wanted:
        return []
    with db.read() as s:
        base = (
            select(Household.id, Household.code, Community.name, Building.number, Unit.number)
            .add_columns(Household.room)
            .join(Community, Community.id == Household.community_id)
            .join(Unit, Unit.id == Household.unit_id)
            .join(Building, Building.id == Unit.building_id)
            .where(Household.id.in_(wanted))
        )
        owners: dict[int, list[Owner]] = {}
        for o in s.scalars(
            select(Owner).where(Owner.household_id.in_(wanted)).order_by(Owner.position)
        ):
            owners.setdefault(o.household_id, []).append(o)
        rows: dict[int, HouseholdRow] = {}
        for hid, code, cname, building_no, unit_no, room in s.execute(base):
            first = owners.get(hid, [None])[0]
            rows[hid] = HouseholdRow(
                hid,
                code,
                cname,
                f"{building_no}-{unit_no}-{room}",
                first.name if first else "",
                mask_phone(first.phone) if first else "",
                len(owners.get(hid, [])),
            )
    return [rows[i] for i in wanted if i in rows]
