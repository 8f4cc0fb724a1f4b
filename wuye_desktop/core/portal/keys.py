"""The keys in the signs' QR codes, and what a key opens.

A key is 16 random bytes (22 URL-safe characters), made the first time a household's in-home
card or an entrance's signs are printed with the page's address, and kept: a reprinted sign
opens the same page. It is not derived from the household's code, so the page of a household
cannot be found by knowing or counting codes. A key that was never made, a household deleted
since: both open nothing, and the page cannot tell them apart (the same 404).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Building, Community, Household, PortalKey, Unit

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22}$")
Kind = Literal["h", "e"]  # the path's letter: a household's card, an entrance's signs


def _new_key() -> str:
    return secrets.token_urlsafe(16)


def household_page_key(s: Session, household_id: int) -> str:
    """The household's key, made now in the caller's transaction if it has none yet."""
    key = s.scalar(select(PortalKey.key).where(PortalKey.household_id == household_id))
    if key is None:
        h = s.get(Household, household_id)
        assert h is not None
        key = _new_key()
        s.add(PortalKey(key=key, community_id=h.community_id, household_id=household_id))
    return key


def entrance_page_key(s: Session, community_id: int, entrance: str) -> str:
    """An entrance's key (documents.qr.entrance_key: QD001-3-2), made now if it has none."""
    key = s.scalar(select(PortalKey.key).where(PortalKey.entrance == entrance))
    if key is None:
        key = _new_key()
        s.add(PortalKey(key=key, community_id=community_id, entrance=entrance))
    return key


def portal_urls(public_url: str, kind: Kind, key: str) -> str:
    """What a QR code carries: the page's address for the household's card or entrance."""
    return f"{public_url.rstrip('/')}/{kind}/{key}"


@dataclass(frozen=True)
class Room:
    household_id: int
    label: str  # 3号楼 2单元 1201室


@dataclass(frozen=True)
class Place:
    """What a key opens: a household (its rooms is that one), or an entrance (its rooms, and
    公共区域 as the report's place when none is picked)."""

    kind: Kind
    key_id: int
    community_id: int
    community_name: str
    label: str  # the household's room, or the entrance: 3号楼 2单元
    rooms: tuple[Room, ...]

    def room(self, household_id: int) -> Room | None:
        return next((r for r in self.rooms if r.household_id == household_id), None)


def key_code(s: Session, kind: str, key: str) -> str | None:
    """What a page address's key names for the desk: the household's code (``h``) or the
    entrance's key (``e``, QD001-3-2), or None for a key that opens nothing. The desk's search
    box reads an owner's scanned sign with it."""
    if kind not in ("h", "e") or not KEY_PATTERN.match(key):
        return None
    if kind == "h":
        return s.scalar(
            select(Household.code)
            .join(PortalKey, PortalKey.household_id == Household.id)
            .where(PortalKey.key == key)
        )
    return s.scalar(
        select(PortalKey.entrance).where(PortalKey.key == key, PortalKey.entrance.is_not(None))
    )


def _room_label(building: str, unit: str, room: str) -> str:
    return f"{building} {unit}单元 {room}室" if unit else f"{building} {room}室"


# What a key opens, as few prebuilt statements as the page can ask (every form and every
# report reads it): a household's key and its room in one; an entrance's key, then its rooms.
_ROOMS = (
    select(Household.id, Building.name, Unit.number, Household.room)
    .join(Unit, Unit.id == Household.unit_id)
    .join(Building, Building.id == Unit.building_id)
    .order_by(Building.sort_key, Unit.sort_key, Household.sort_key)
)
_HOME = (
    select(
        PortalKey.id,
        Community.id,
        Community.name,
        Household.id,
        Building.name,
        Unit.number,
        Household.room,
    )
    .select_from(PortalKey)
    .join(Community, Community.id == PortalKey.community_id)
    .join(Household, Household.id == PortalKey.household_id)
    .join(Unit, Unit.id == Household.unit_id)
    .join(Building, Building.id == Unit.building_id)
    .where(PortalKey.key == bindparam("key"))
)
_ENTRANCE = (
    select(PortalKey.id, Community.id, Community.name, PortalKey.entrance)
    .join(Community, Community.id == PortalKey.community_id)
    .where(PortalKey.key == bindparam("key"), PortalKey.entrance.is_not(None))
)


def open_key(db: Database, kind: str, key: str) -> Place | None:
    """The place a QR key opens, or None for a key that opens nothing (whatever the reason)."""
    if kind not in ("h", "e") or not KEY_PATTERN.match(key):
        return None
    with db.read() as s:
        conn = s.connection()
        if kind == "h":
            # A household's key under /e/ or the reverse opens nothing, as a wrong key.
            home = conn.execute(_HOME, {"key": key}).first()
            if home is None:
                return None
            key_id, community_id, community_name, household_id, building, unit, room = home
            rows = [(household_id, building, unit, room)]
        else:
            door = conn.execute(_ENTRANCE, {"key": key}).first()
            if door is None:
                return None
            key_id, community_id, community_name, entrance = door
            assert entrance is not None
            rows = [
                (i, b, u, r)
                for i, b, u, r in conn.execute(
                    _ROOMS.where(
                        Household.community_id == community_id,
                        Household.code.startswith(entrance + "-", autoescape=True),
                    )
                )
            ]
    if not rows:
        return None
    found = tuple(Room(i, _room_label(b, u, r)) for i, b, u, r in rows)
    if kind == "h":
        label = found[0].label
    else:
        _, building, unit, _room = rows[0]
        label = f"{building} {unit}单元" if unit else building
    return Place(kind, key_id, community_id, community_name, label, found)  # type: ignore[arg-type]


def _household_keys(s: Session, community_id: int, ids: Sequence[int]) -> dict[int, str]:
    """Many households' keys in a few statements (a community's cards: thousands)."""
    keys: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        rows = s.execute(
            select(PortalKey.household_id, PortalKey.key).where(PortalKey.household_id.in_(chunk))
        )
        keys.update((h, k) for h, k in rows if h is not None)
    for h in ids:
        if h not in keys:
            keys[h] = _new_key()
            s.add(PortalKey(key=keys[h], community_id=community_id, household_id=h))
    return keys


def sign_addresses(
    db: Database,
    public_url: str,
    community_id: int,
    household_ids: Sequence[int],
    entrances: Sequence[str],
) -> tuple[dict[int, str], dict[str, str]]:
    """The page's addresses for the signs about to be printed, by household id and by
    entrance key, their keys made now where missing (a second desk printing the same signs at
    the same moment: the keys it stored first are taken)."""
    for attempt in (1, 2):
        try:
            with db.transaction() as s:
                homes = _household_keys(s, community_id, household_ids)
                doors = {e: entrance_page_key(s, community_id, e) for e in entrances}
            return (
                {h: portal_urls(public_url, "h", k) for h, k in homes.items()},
                {e: portal_urls(public_url, "e", k) for e, k in doors.items()},
            )
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
