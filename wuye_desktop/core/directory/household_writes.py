"""Writing households inside the caller's transaction: one (the form), or many checked ones as
batches of plain INSERTs (the roster import), and replacing a household's owners.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.directory._shared import sort_key
from wuye_desktop.core.directory.buildings import get_or_create_unit, unit_ids
from wuye_desktop.core.directory.household_records import HouseholdInput, OwnerInput
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.validation import household_code, normalize_phone, phone_digits
from wuye_desktop.storage.bulk_rows import insert_rows
from wuye_desktop.storage.models import Community, Household, Owner
from wuye_desktop.storage.search_keys import reversed_digits


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
        owner.phone_key = reversed_digits(phone)
        kept.append(owner)
    h.owners[:] = kept


def add_household_in_session(
    s: Session, actor: Actor, community: Community, data: HouseholdInput
) -> Household:
    """Create one household inside the caller's transaction (the form, the roster import)."""
    unit = get_or_create_unit(s, community, data.building.strip(), data.unit.strip())
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
    as needed, households, owners, one audit entry each), written in batches by
    :func:`insert_rows` (executemany on SQLite, COPY on PostgreSQL): a roster of 100,000
    homes is not 100,000 flushes. No RETURNING (SQLite 3.31 lacks it): ids are read back by
    code once the rows are in. *progress* receives how far the work is, counted in households
    (0 to ``len(inputs)``).
    """
    wanted = {(d.building.strip(), d.unit.strip()) for d in inputs}
    units = unit_ids(s, community, wanted)
    for start in range(0, len(inputs), BULK_BATCH):
        chunk = inputs[start : start + BULK_BATCH]
        insert_rows(  # not the ORM's bulk path: it costs more than the SQL
            s.connection(),
            Household,
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
                    phone_key=reversed_digits(phone),
                )
            )
        entries.append((code, {"owners": len(d.owners)}))
        if len(owners) >= BULK_BATCH or n == len(inputs):
            if owners:
                insert_rows(s.connection(), Owner, owners)
            audit.record_many(s, actor, "household.create", "household", entries)
            owners, entries = [], []
            if progress is not None:
                progress((len(inputs) + n) // 2)


def _household_ids(s: Session, community: Community) -> dict[str, int]:
    stmt = select(Household.code, Household.id).where(Household.community_id == community.id)
    return {code: i for code, i in s.execute(stmt)}
