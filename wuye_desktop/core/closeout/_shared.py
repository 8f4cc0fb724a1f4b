"""Helpers the close-out services share inside a transaction: finding a household (by id,
code or scanned payload) or an item (checking its version), and adding an item with the
household's next number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, directory
from wuye_desktop.core.closeout.records import ItemInput
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.finding import check_version
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.models import CloseoutItem, Household


def find_household(s: Session, household: int | str, *, lock: bool = False) -> Household:
    if isinstance(household, int):
        h = s.get(Household, household, with_for_update=lock or None)
    else:
        code = household.strip().upper().removeprefix(directory.QR_HOUSEHOLD_PREFIX)
        stmt = select(Household).where(Household.code == code)
        h = s.scalar(stmt.with_for_update() if lock else stmt)
    if h is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such household: {id}"), id=household)
    return h


def _next_seq(s: Session, household_id: int) -> int:
    last = s.scalar(
        select(func.max(CloseoutItem.seq)).where(CloseoutItem.household_id == household_id)
    )
    return int(last or 0) + 1


def find_item(s: Session, item_id: int, expected_version: int | None) -> CloseoutItem:
    item = s.get(CloseoutItem, item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such close-out item: {id}"), id=item_id)
    check_version(item.version, expected_version)
    return item


def household_code(s: Session, household_id: int) -> str:
    return s.scalar(select(Household.code).where(Household.id == household_id)) or ""


def audit_item(s: Session, actor: Actor, action: str, item: CloseoutItem, /, **detail: Any) -> None:
    """The audit entry of a change to an item, under its household's code and the item's
    number (``closeout.<action>``); *detail* may name a field ``item`` (its text)."""
    code = household_code(s, item.household_id)
    audit.record(s, actor, f"closeout.{action}", "household", code, seq=item.seq, **detail)


def new_item(s: Session, actor: Actor, household_id: int, data: ItemInput) -> CloseoutItem:
    item = CloseoutItem(
        household_id=household_id,
        seq=_next_seq(s, household_id),
        origin=data.origin,
        item=data.item.strip(),
        location=data.location.strip(),
        responsible_unit=data.responsible_unit.strip(),
        deadline=data.deadline.isoformat() if data.deadline else "",
        note=data.note.strip(),
        created_by=actor.username,
    )
    s.add(item)
    s.flush()  # the next item of this household sees this one's seq
    return item
