"""Buildings and their units: views, inputs and services, and the creation of the buildings
and units a household's address needs (the form and the roster import add them on the way).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.directory._shared import sort_key
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.finding import check_version, find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.validation import part_code_problem
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Building, Community, Household, Unit


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


def building_fields(community: Community, data: BuildingInput) -> dict[str, Any]:
    number = data.number.strip()
    return dict(
        community_id=community.id,
        number=number,
        name=data.name.strip() or f"{number}号楼",
        sort_key=sort_key(number),
        floors=data.floors,
        elevator_count=data.elevator_count,
    )


def add_building(s: Session, community: Community, data: BuildingInput) -> Building:
    b = Building(**building_fields(community, data))
    s.add(b)
    s.flush()
    return b


def create_building(
    db: Database, actor: Actor, community_id: int, data: BuildingInput
) -> BuildingView:
    actor.require(Permission.DIRECTORY_EDIT)
    errors = _building_errors(data)
    with db.transaction() as s:
        c = find_community(s, community_id)
        taken = select(Building.id).where(
            Building.community_id == c.id, Building.number == data.number.strip()
        )
        if s.scalar(taken):
            errors.append(FieldError("number", QT_TRANSLATE_NOOP("core", "This number is taken")))
        if errors:
            raise ValidationError(errors)
        b = add_building(s, c, data)
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
        check_version(b.version, expected_version)
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


def get_or_create_unit(s: Session, community: Community, building_no: str, unit_no: str) -> Unit:
    """The unit a household's address names, adding its building and itself if missing."""
    building = s.scalar(
        select(Building).where(
            Building.community_id == community.id, Building.number == building_no
        )
    )
    if building is None:
        building = add_building(s, community, BuildingInput(number=building_no))
    unit = s.scalar(select(Unit).where(Unit.building_id == building.id, Unit.number == unit_no))
    if unit is None:
        unit = Unit(building_id=building.id, number=unit_no, sort_key=sort_key(unit_no))
        s.add(unit)
        s.flush()
    return unit


def unit_ids(
    s: Session, community: Community, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """Unit ids by (building number, unit number), adding the buildings and units missing."""
    in_community = select(Building.number, Building.id).where(Building.community_id == community.id)
    buildings = {b: i for b, i in s.execute(in_community)}
    missing = sorted({b for b, _u in wanted} - buildings.keys())
    if missing:
        s.connection().execute(
            insert(Building),
            [building_fields(community, BuildingInput(number=b)) for b in missing],
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
