"""The household services: create, edit and read one household, and reveal an owner's full
phone number. Numbers leave masked; only :func:`reveal_owner_phone` gives a full one, to the
roles DESIGN.md §5 allows, and audits every reveal.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from wuye_desktop.core import audit
from wuye_desktop.core.directory._shared import QR_HOUSEHOLD_PREFIX
from wuye_desktop.core.directory.household_records import (
    HouseholdInput,
    HouseholdView,
    household_errors,
    household_view,
)
from wuye_desktop.core.directory.household_writes import add_household_in_session, apply_owners
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.finding import check_version, find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.validation import household_code, mask_phone
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, Household, Owner


def create_household(
    db: Database, actor: Actor, community_id: int, data: HouseholdInput
) -> HouseholdView:
    actor.require(Permission.DIRECTORY_EDIT)
    errors = household_errors(data)
    if any("*" in o.phone for o in data.owners):
        errors.append(FieldError("phone", QT_TRANSLATE_NOOP("core", "Type the whole number")))
    with db.transaction() as s:
        c = find_community(s, community_id)
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
        return household_view(h, c)


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
        check_version(h.version, expected_version)
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
        return household_view(h, c)


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
        return household_view(h, c)


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
