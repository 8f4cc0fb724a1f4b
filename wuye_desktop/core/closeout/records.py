"""What a close-out item is: its origins, the form's input, the view callers get, a
household's list, and the field checks the form and the import share.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from wuye_desktop.core import directory
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import FieldError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage.models import CloseoutItem

REQUIRED = QT_TRANSLATE_NOOP("core", "Required")
MAX_ITEM = 2000
MAX_ROWS = 2000  # one household's list; a bigger file is a mistake (a whole community's sheet)


class Origin(enum.StrEnum):
    INSPECTION = "inspection"  # 分户验收
    OPEN_DAY = "open_day"  # 开放日
    ORDER = "order"  # gathered from a work order
    OTHER = "other"


ORIGIN_LABELS: dict[Origin, str] = {
    Origin.INSPECTION: QT_TRANSLATE_NOOP("core", "Pre-delivery inspection"),
    Origin.OPEN_DAY: QT_TRANSLATE_NOOP("core", "Owners' open day"),
    Origin.ORDER: QT_TRANSLATE_NOOP("core", "Work order"),
    Origin.OTHER: QT_TRANSLATE_NOOP("core", "Other"),
}


@dataclass
class ItemInput:
    item: str
    location: str = ""
    responsible_unit: str = ""
    deadline: date | None = None
    origin: str = Origin.INSPECTION.value
    note: str = ""


@dataclass(frozen=True)
class ItemView:
    id: int
    household_id: int
    seq: int
    origin: str
    item: str
    location: str
    responsible_unit: str
    deadline: date | None
    order_number: str
    closed_on: date | None
    checker: str
    note: str
    created_by: str
    created_at: datetime
    version: int

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


@dataclass(frozen=True)
class CloseoutList:
    household: directory.HouseholdView
    items: tuple[ItemView, ...]

    @property
    def open_count(self) -> int:
        return sum(1 for i in self.items if not i.is_closed)

    @property
    def closed_count(self) -> int:
        return sum(1 for i in self.items if i.is_closed)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def item_view(item: CloseoutItem, order_number: str = "") -> ItemView:
    return ItemView(
        item.id,
        item.household_id,
        item.seq,
        item.origin,
        item.item,
        item.location,
        item.responsible_unit,
        _day(item.deadline),
        order_number,
        _day(item.closed_on),
        item.checker,
        item.note,
        item.created_by,
        item.created_at,
        item.version,
    )


def item_errors(data: ItemInput, row: int | None = None) -> list[FieldError]:
    errors: list[FieldError] = []
    text = data.item.strip()
    if not text:
        errors.append(FieldError("item", REQUIRED, row=row))
    elif len(text) > MAX_ITEM:
        errors.append(
            FieldError(
                "item",
                QT_TRANSLATE_NOOP("core", "At most {n} characters"),
                {"n": MAX_ITEM},
                row=row,
            )
        )
    for name, limit in (("location", 200), ("responsible_unit", 200)):
        if len(getattr(data, name).strip()) > limit:
            errors.append(
                FieldError(
                    name, QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": limit}, row
                )
            )
    if data.origin not in {o.value for o in Origin}:
        errors.append(FieldError("origin", QT_TRANSLATE_NOOP("core", "Choose one"), row=row))
    return errors


def closing_errors(
    closed_on: date | None, checker: str, row: int | None = None
) -> list[FieldError]:
    errors: list[FieldError] = []
    if closed_on is None:
        errors.append(FieldError("closed_on", REQUIRED, row=row))
    elif closed_on > today_local():
        errors.append(
            FieldError(
                "closed_on", QT_TRANSLATE_NOOP("core", "A day that has not come yet"), row=row
            )
        )
    if not checker.strip():
        errors.append(
            FieldError("checker", QT_TRANSLATE_NOOP("core", "Who checked the repair?"), row=row)
        )
    elif len(checker.strip()) > 100:
        errors.append(FieldError("checker", QT_TRANSLATE_NOOP("core", "Too long"), row=row))
    return errors
