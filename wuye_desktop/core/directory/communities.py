"""Communities and their channel contacts (property, police, street office): views, inputs,
the checks of the community form and its services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from wuye_desktop.core import audit
from wuye_desktop.core.directory._shared import REQUIRED
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.finding import check_version, find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.validation import community_code_problem, normalize_phone
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Building, ChannelContact, Community, Household


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
        return _community_view(s, find_community(s, code_or_id))


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
        c = find_community(s, community_id)
        check_version(c.version, expected_version)
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
        c = find_community(s, community_id)
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
            c = find_community(s, community_id)
            check_version(c.version, expected_version)
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
