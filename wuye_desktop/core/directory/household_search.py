"""Finding households: what the desk typed or scanned (QR payload, code, room, phone, name)
turned into a query, ids in directory order, and the list rows for those ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select, union_all

from wuye_desktop.core.directory._shared import QR_HOUSEHOLD_PREFIX
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.search.orders import owners_with_phone_ending
from wuye_desktop.core.validation import mask_phone, phone_digits
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
    # One set of household ids, each part through its own index (an OR of them is served
    # by none, and read every household).
    parts: list[Select[Any]] = []
    if len(digits) >= 4 and len(digits) >= len(text.replace(" ", "").replace("-", "")):
        # A whole number, or its last digits as callers often give them.
        parts.append(owners_with_phone_ending(digits))
    if re.fullmatch(r"[0-9A-Za-z]{1,8}", text):
        parts.append(select(Household.id).where(Household.room == upper))
    if not digits or len(digits) < len(text):
        parts.append(select(Owner.household_id).where(Owner.name.contains(text, autoescape=True)))
    if not parts:
        return stmt
    return stmt.where(Household.id.in_(parts[0] if len(parts) == 1 else union_all(*parts)))


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
