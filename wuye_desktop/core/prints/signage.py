"""Printing "4个3" signage: which sheets a community needs, checked, drawn, audited.

A community's channels must all be filled in first (a notice without a phone number must not go
up on a wall); the tiers' deadlines are the company's rules (core.settings), never written here.

Where the sheets go: every unit entrance (单元) of a building is a lobby, so a lobby sign is
printed per entrance and an elevator sign per elevator of each entrance (the building's
elevator count is per entrance, as the directory form asks); a building whose units are not
recorded yet gets one of each as a single entrance. Each entrance's code carries its key,
``WUYE:B:QD001-3-2`` or the company's entrance reporting address (documents/qr.py); an
in-home card carries its household's. Once the owners' reporting page has a public address
(``wuye owner-portal --public-url``), both open it with their random keys instead
(core.portal.keys, made here on first print). Without a reporting address an owner's phone only shows
the text of the code: :func:`plan_signage` says so before printing, with the count of pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from wuye_desktop.core import audit, directory, portal
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import deadline_rules
from wuye_desktop.core.vocab import Channel
from wuye_desktop.documents import words
from wuye_desktop.documents.output import write_atomic
from wuye_desktop.documents.page import PAGE_SIZES
from wuye_desktop.documents.qr import entrance_key, entrance_payload, household_payload
from wuye_desktop.documents.signage import (
    ALL_LOCATIONS,
    ChannelLine,
    ComplaintLine,
    Location,
    Sheet,
    SignagePack,
    render_signage,
    tier_lines,
)
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Building, Household, Unit

# What must be filled in on each channel, and how the refusal says so. The channel is named in
# Chinese, as on the signage itself and on the directory's community form.
CHANNEL_FIELDS = (
    (
        "unit_name",
        QT_TRANSLATE_NOOP("core", "Community {community}: fill in the unit name of {channel}"),
    ),
    (
        "contact",
        QT_TRANSLATE_NOOP("core", "Community {community}: fill in the contact of {channel}"),
    ),
    ("phone", QT_TRANSLATE_NOOP("core", "Community {community}: fill in the phone of {channel}")),
    (
        "service_hours",
        QT_TRANSLATE_NOOP("core", "Community {community}: fill in the service hours of {channel}"),
    ),
)


def channel_problems(community: directory.CommunityView) -> list[FieldError]:
    """Exactly what must be filled in before the community's signage can be printed."""
    by_channel = {c.channel: c for c in community.channels}
    problems: list[FieldError] = []
    for channel in Channel:
        contact = by_channel.get(channel)
        for attr, template in CHANNEL_FIELDS:
            if contact is None or not getattr(contact, attr).strip():
                problems.append(
                    FieldError(
                        f"{channel.value}.{attr}",
                        template,
                        {"community": community.code, "channel": words.CHANNEL[channel.value]},
                    )
                )
    return problems


def _locations(location: str | Sequence[str]) -> tuple[Location, ...]:
    wanted = [location] if isinstance(location, str) else list(location)
    if "all" in wanted:
        return ALL_LOCATIONS
    try:
        return tuple(Location(w) for w in wanted)
    except ValueError:
        raise ValidationError(
            [FieldError("location", QT_TRANSLATE_NOOP("core", "lobby, elevator, home or all"))]
        ) from None


@dataclass(frozen=True)
class Entrance:
    """One unit entrance (单元) of a building: a lobby, and its elevators."""

    building_number: str
    building_name: str
    unit: str  # "" for a building whose units are not recorded yet
    elevators: int

    @property
    def place(self) -> str:
        return f"{self.building_name} {self.unit}单元" if self.unit else self.building_name


def _entrances(db: Database, buildings: Sequence[directory.BuildingView]) -> list[Entrance]:
    ids = [b.id for b in buildings]
    with db.read() as s:
        rows = s.execute(
            select(Unit.building_id, Unit.number)
            .where(Unit.building_id.in_(ids))
            .order_by(Unit.building_id, Unit.sort_key)
        ).all()
    units: dict[int, list[str]] = {}
    for building_id, number in rows:
        units.setdefault(building_id, []).append(number)
    return [
        Entrance(b.number, b.name, unit, b.elevator_count)
        for b in buildings
        for unit in units.get(b.id, [""])
    ]


def load_signage(
    db: Database,
    actor: Actor,
    community: str | int,
    location: str | Sequence[str] = "all",
    building_ids: Sequence[int] | None = None,
) -> SignagePack:
    """The sheets of a community (or of some of its buildings) for the given locations.

    Raises ValidationError naming every missing channel detail: a notice without a phone
    number must not go up on a wall.
    """
    actor.require(Permission.DOCUMENTS_PRINT)
    view = directory.get_community(db, actor, community)
    problems = channel_problems(view)
    if problems:
        raise ValidationError(problems)
    locations = _locations(location)
    company = directory.get_company(db) or directory.CompanyView(0, "", "", "", "", "", 0)
    buildings = [
        b
        for b in directory.list_buildings(db, actor, view.id)
        if building_ids is None or b.id in set(building_ids)
    ]
    entrances = _entrances(db, buildings) if buildings else []
    keys = [entrance_key(view.code, e.building_number, e.unit) for e in entrances]
    homes = _homes(db, view.id, [b.id for b in buildings]) if Location.HOME in locations else []
    # With the owners' reporting page configured, its random keys (never the codes).
    public_url = portal.portal_settings(db).public_url
    home_urls, door_urls = (
        portal.sign_addresses(db, public_url, view.id, [h[0] for h in homes], keys)
        if public_url
        else ({}, {})
    )
    sheets: list[Sheet] = []
    for where in locations:
        if where is Location.HOME:
            sheets += [
                Sheet(
                    Location.HOME,
                    f"{building} {unit}单元 {room}室",
                    home_urls.get(hid) or household_payload(code, company.report_url_template),
                    code,
                )
                for hid, code, building, unit, room in homes
            ]
            continue
        for e, key in zip(entrances, keys, strict=True):
            payload = door_urls.get(key) or entrance_payload(key, company.entrance_url_template)
            if where is Location.LOBBY:
                sheets.append(Sheet(where, e.place, payload, key))
            else:
                sheets += [
                    Sheet(where, f"{e.place} · {n}号电梯", payload, key)
                    for n in range(1, e.elevators + 1)
                ]
    channels = tuple(
        ChannelLine(c.channel, c.unit_name, c.contact, c.phone, c.service_hours)
        for c in view.channels
    )
    return SignagePack(
        company=company.name,
        community_code=view.code,
        community_name=view.name,
        channels=channels,
        tiers=tier_lines(deadline_rules(db)),
        sheets=tuple(sheets),
        printed_at=now_utc(),
        complaint=ComplaintLine(company.phone, company.complaint_name, company.complaint_phone),
    )


@dataclass(frozen=True)
class SignagePlan:
    """What printing would give, said before it is printed: pages per place, and the places
    whose codes an owner's phone cannot open (no reporting address configured)."""

    community_code: str
    pages: dict[Location, int]
    text_only: tuple[Location, ...]

    @property
    def total(self) -> int:
        return sum(self.pages.values())


TEXT_ONLY_NOTICE = QT_TRANSLATE_NOOP(
    "core",
    "No reporting address is configured for {places}: owners' phones will only see the text "
    "of these codes (WUYE:…), which only the desk's scanner understands. Set the addresses "
    "in Administration → Company.",
)


def plan_signage(
    db: Database,
    actor: Actor,
    community: str | int,
    location: str | Sequence[str] = "all",
    building_ids: Sequence[int] | None = None,
) -> SignagePlan:
    """The count of pages per place and which codes will be text only, without drawing."""
    pack = load_signage(db, actor, community, location, building_ids)
    pages: dict[Location, int] = {}
    for sheet in pack.sheets:
        pages[sheet.location] = pages.get(sheet.location, 0) + 1
    text_only = tuple(
        where
        for where in pages
        if any(s.qr_payload.startswith("WUYE:") for s in pack.sheets if s.location is where)
    )
    return SignagePlan(pack.community_code, pages, text_only)


def _homes(
    db: Database, community_id: int, building_ids: list[int]
) -> list[tuple[int, str, str, str, str]]:
    """(id, code, building, unit, room) of the households whose in-home cards are printed."""
    stmt = (
        select(Household.id, Household.code, Building.name, Unit.number, Household.room)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(Household.community_id == community_id, Building.id.in_(building_ids))
        .order_by(Building.sort_key, Unit.sort_key, Household.sort_key)
    )
    with db.read() as s:
        return [tuple(row) for row in s.execute(stmt).all()]  # type: ignore[misc]


def signage_pdf(
    db: Database,
    actor: Actor,
    community: str | int,
    *,
    location: str | Sequence[str] = "all",
    size: str = "A4",
    building_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """A community's signage (or some buildings', some locations') as PDF bytes."""
    if size.upper() not in PAGE_SIZES:
        raise ValidationError([FieldError("size", QT_TRANSLATE_NOOP("core", "A4 or A3"))])
    pack = load_signage(db, actor, community, location, building_ids)
    if not pack.sheets:
        raise ValidationError(
            [
                FieldError(
                    "location",
                    QT_TRANSLATE_NOOP(
                        "core", "Community {community} has nothing to post there yet"
                    ),
                    {"community": pack.community_code},
                )
            ]
        )
    data = render_signage(pack, size, progress)
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "document.print",
            "community",
            pack.community_code,
            document="signage",
            sheets=len(pack.sheets),
            size=size,
        )
    return data


def write_signage(
    db: Database,
    actor: Actor,
    path: Path | str,
    community: str | int,
    *,
    location: str | Sequence[str] = "all",
    size: str = "A4",
    building_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> Path:
    data = signage_pdf(
        db,
        actor,
        community,
        location=location,
        size=size,
        building_ids=building_ids,
        progress=progress,
    )
    return write_atomic(path, data)
