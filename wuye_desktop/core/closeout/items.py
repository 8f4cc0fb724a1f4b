"""A household's close-out list read and kept by hand: add, correct, close, reopen, delete,
and the open counts the directory shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, directory
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.closeout._shared import audit_item, find_household, find_item, new_item
from wuye_desktop.core.closeout.records import (
    REQUIRED,
    CloseoutList,
    ItemInput,
    ItemView,
    Origin,
    closing_errors,
    item_errors,
    item_view,
)
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import CloseoutItem, WorkOrder


def list_items(db: Database, actor: Actor, household: int | str) -> CloseoutList:
    """A household's list in item order (by id, code or scanned ``WUYE:H:`` payload)."""
    actor.require(Permission.DOCUMENTS_PRINT)
    view = directory.get_household(db, actor, household)
    with db.read() as s:
        rows = s.execute(
            select(CloseoutItem, WorkOrder.number)
            .outerjoin(WorkOrder, WorkOrder.id == CloseoutItem.order_id)
            .where(CloseoutItem.household_id == view.id)
            .order_by(CloseoutItem.seq)
        ).all()
        items = tuple(item_view(item, number or "") for item, number in rows)
    return CloseoutList(view, items)


def get_item(db: Database, actor: Actor, item_id: int) -> ItemView:
    actor.require(Permission.DOCUMENTS_PRINT)
    with db.read() as s:
        item = find_item(s, item_id, None)
        number = (
            s.scalar(select(WorkOrder.number).where(WorkOrder.id == item.order_id))
            if item.order_id is not None
            else None
        )
        return item_view(item, number or "")


def add_item(db: Database, actor: Actor, household: int | str, data: ItemInput) -> ItemView:
    actor.require(Permission.DOCUMENTS_ISSUE)
    errors = item_errors(data)
    if data.origin == Origin.ORDER.value:
        errors.append(
            FieldError(
                "origin",
                QT_TRANSLATE_NOOP("core", "Items from orders are gathered, not typed in"),
            )
        )
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        h = find_household(s, household, lock=True)
        item = new_item(s, actor, h.id, data)
        s.flush()
        audit.record(
            s,
            actor,
            "closeout.add",
            "household",
            h.code,
            seq=item.seq,
            item=item.item[:100],
            origin=item.origin,
        )
        return item_view(item)


def update_item(
    db: Database, actor: Actor, item_id: int, expected_version: int, data: ItemInput
) -> ItemView:
    """Correct an item's text, place, unit, deadline or note (not its origin or state)."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    errors = [e for e in item_errors(data) if e.field != "origin"]
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        item = find_item(s, item_id, expected_version)
        item.item, item.location = data.item.strip(), data.location.strip()
        item.responsible_unit = data.responsible_unit.strip()
        item.deadline = data.deadline.isoformat() if data.deadline else ""
        item.note = data.note.strip()
        return _saved(s, actor, "update", item, item=item.item[:100])


def close_item(
    db: Database,
    actor: Actor,
    item_id: int,
    expected_version: int,
    *,
    closed_on: date,
    checker: str,
    note: str = "",
) -> ItemView:
    """Mark an item fixed: the day it was checked and who checked it."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    errors = closing_errors(closed_on, checker)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        item = find_item(s, item_id, expected_version)
        if item.closed_on:
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Item {seq} is already closed."), seq=item.seq
            )
        item.closed_on, item.checker = closed_on.isoformat(), checker.strip()
        if note.strip():
            item.note = note.strip()
        return _saved(s, actor, "close", item, closed_on=item.closed_on, checker=item.checker)


def reopen_item(
    db: Database, actor: Actor, item_id: int, expected_version: int, reason: str
) -> ItemView:
    """The defect is back (or was closed by mistake): the item is open again."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    if not reason.strip():
        raise ValidationError([FieldError("reason", REQUIRED)])
    with db.transaction() as s:
        item = find_item(s, item_id, expected_version)
        if not item.closed_on:
            raise StateError(QT_TRANSLATE_NOOP("core", "Item {seq} is not closed."), seq=item.seq)
        before = (item.closed_on, item.checker)
        item.closed_on, item.checker = "", ""
        return _saved(
            s,
            actor,
            "reopen",
            item,
            reason=reason.strip(),
            was_closed_on=before[0],
            was_checker=before[1],
        )


def delete_item(db: Database, actor: Actor, item_id: int, expected_version: int) -> None:
    """Remove an item entered by mistake; the audit log keeps what it said."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    with db.transaction() as s:
        item = find_item(s, item_id, expected_version)
        audit_item(s, actor, "delete", item, item=item.item[:200], closed_on=item.closed_on)
        s.delete(item)


def _saved(s: Session, actor: Actor, action: str, item: CloseoutItem, /, **detail: Any) -> ItemView:
    """The changed item written with its audit entry, and the item as the list now shows it."""
    item.updated_at = now_utc()
    s.flush()
    audit_item(s, actor, action, item, **detail)
    return item_view(item)


def open_counts(db: Database, actor: Actor, household_ids: Sequence[int]) -> dict[int, int]:
    """How many open items each household has (for a column in the directory's lists)."""
    actor.require(Permission.DOCUMENTS_PRINT)
    wanted = list(household_ids)
    if not wanted:
        return {}
    with db.read() as s:
        rows = s.execute(
            select(CloseoutItem.household_id, func.count(CloseoutItem.id))
            .where(CloseoutItem.household_id.in_(wanted), CloseoutItem.closed_on == "")
            .group_by(CloseoutItem.household_id)
        ).all()
    return {hid: int(n) for hid, n in rows}
