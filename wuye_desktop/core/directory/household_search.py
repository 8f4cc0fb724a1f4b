"""Finding households: what the desk typed or scanned (QR payload, code, room, phone, name),
read by the one search of :mod:`wuye_desktop.core.search`, as ids in directory order with
what was understood, and the list rows for those ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.search import households as search_households
from wuye_desktop.core.search.orders import understand
from wuye_desktop.core.search.query import SearchQuery
from wuye_desktop.core.validation import mask_phone
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Building, Community, Household, Owner, Unit


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


@dataclass(frozen=True)
class FoundHouseholds:
    """The households a text names, in directory order, and what the text was read as."""

    ids: list[int]
    query: SearchQuery

    @property
    def label_template(self) -> str:
        """What the box shows it understood (QT_TRANSLATE_NOOP "core"; "" for no text)."""
        return search_households.label_template(self.query)

    @property
    def label_params(self) -> dict[str, Any]:
        return self.query.label_params


def find_households(
    db: Database, actor: Actor, text: str, community_id: int | None = None, limit: int = 5000
) -> FoundHouseholds:
    """The households *text* names, read as every search box reads it (DESIGN §3, Search;
    :mod:`wuye_desktop.core.search`), within one community if given; ids in directory order
    (the UI fetches rows lazily)."""
    actor.require(Permission.DIRECTORY_READ)
    stmt = (
        select(Household.id)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
        # Sort keys, not ids: a unit added later still lists beside its neighbours.
        .order_by(Household.community_id, Building.sort_key, Unit.sort_key, Household.sort_key)
        .limit(limit)
    )
    if community_id is not None:
        stmt = stmt.where(Household.community_id == community_id)
    with db.read() as s:
        query = understand(s, text)
        condition = search_households.household_condition(query)
        if condition is not None:
            stmt = stmt.where(condition)
        return FoundHouseholds(list(s.scalars(stmt)), query)


def search_household_ids(
    db: Database, actor: Actor, text: str, community_id: int | None = None, limit: int = 5000
) -> list[int]:
    """Ids of the households that match, in directory order (:func:`find_households`)."""
    return find_households(db, actor, text, community_id, limit).ids


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
