"""Close-out lists (销项表): a household's defect items, each closed with a date and checker.

Items come from the pre-delivery inspection (分户验收) and the owners' open day (开放日),
typed in or imported from the Excel sheets the inspectors fill, or gathered from the
household's work orders. Managers and administrators keep the lists (DESIGN.md §5: "issue");
the desk may read and print them. Every change is audited and made in one transaction.

An import is all rows or none, like a roster: every bad row is reported by its row number and
the file's own column header, and nothing is written. Importing the same file again adds
nothing: a row whose item and location the household's list already has is skipped.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, directory
from wuye_desktop.core.clock import now_utc, to_local, today_local
from wuye_desktop.core.errors import (
    ConcurrentEdit,
    FieldError,
    NotFound,
    StateError,
    ValidationError,
)
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.status import Status
from wuye_desktop.core.table_files import header_key, read_table_rows
from wuye_desktop.core.vocab import COMMON_AREA_CATEGORIES
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    ChannelContact,
    CloseoutItem,
    Commitment,
    Household,
    OrderEvent,
    User,
    WorkOrder,
)

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


@dataclass(frozen=True)
class ImportReport:
    rows: int
    added: int
    unchanged: int  # already on the list


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _view(item: CloseoutItem, order_number: str = "") -> ItemView:
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


def _closing_errors(
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


def _household(s: Session, household: int | str, *, lock: bool = False) -> Household:
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


def _item(s: Session, item_id: int, expected_version: int | None) -> CloseoutItem:
    item = s.get(CloseoutItem, item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such close-out item: {id}"), id=item_id)
    if expected_version is not None and item.version != expected_version:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP(
                "core",
                "Somebody else saved this record first. It has been reloaded; "
                "please make your change again.",
            )
        )
    return item


def _household_code(s: Session, household_id: int) -> str:
    return s.scalar(select(Household.code).where(Household.id == household_id)) or ""


# --- reading ---------------------------------------------------------------------------------


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
        items = tuple(_view(item, number or "") for item, number in rows)
    return CloseoutList(view, items)


def get_item(db: Database, actor: Actor, item_id: int) -> ItemView:
    actor.require(Permission.DOCUMENTS_PRINT)
    with db.read() as s:
        item = _item(s, item_id, None)
        number = (
            s.scalar(select(WorkOrder.number).where(WorkOrder.id == item.order_id))
            if item.order_id is not None
            else None
        )
        return _view(item, number or "")


# --- changes ---------------------------------------------------------------------------------


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
        h = _household(s, household, lock=True)
        item = _new_item(s, actor, h.id, data)
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
        return _view(item)


def _new_item(s: Session, actor: Actor, household_id: int, data: ItemInput) -> CloseoutItem:
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


def update_item(
    db: Database, actor: Actor, item_id: int, expected_version: int, data: ItemInput
) -> ItemView:
    """Correct an item's text, place, unit, deadline or note (not its origin or state)."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    errors = [e for e in item_errors(data) if e.field != "origin"]
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        item = _item(s, item_id, expected_version)
        item.item, item.location = data.item.strip(), data.location.strip()
        item.responsible_unit = data.responsible_unit.strip()
        item.deadline = data.deadline.isoformat() if data.deadline else ""
        item.note = data.note.strip()
        item.updated_at = now_utc()
        s.flush()
        audit.record(
            s,
            actor,
            "closeout.update",
            "household",
            _household_code(s, item.household_id),
            seq=item.seq,
            item=item.item[:100],
        )
        return _view(item)


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
    errors = _closing_errors(closed_on, checker)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        item = _item(s, item_id, expected_version)
        if item.closed_on:
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Item {seq} is already closed."), seq=item.seq
            )
        item.closed_on, item.checker = closed_on.isoformat(), checker.strip()
        if note.strip():
            item.note = note.strip()
        item.updated_at = now_utc()
        s.flush()
        audit.record(
            s,
            actor,
            "closeout.close",
            "household",
            _household_code(s, item.household_id),
            seq=item.seq,
            closed_on=item.closed_on,
            checker=item.checker,
        )
        return _view(item)


def reopen_item(
    db: Database, actor: Actor, item_id: int, expected_version: int, reason: str
) -> ItemView:
    """The defect is back (or was closed by mistake): the item is open again."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    if not reason.strip():
        raise ValidationError([FieldError("reason", REQUIRED)])
    with db.transaction() as s:
        item = _item(s, item_id, expected_version)
        if not item.closed_on:
            raise StateError(QT_TRANSLATE_NOOP("core", "Item {seq} is not closed."), seq=item.seq)
        before = (item.closed_on, item.checker)
        item.closed_on, item.checker = "", ""
        item.updated_at = now_utc()
        s.flush()
        audit.record(
            s,
            actor,
            "closeout.reopen",
            "household",
            _household_code(s, item.household_id),
            seq=item.seq,
            reason=reason.strip(),
            was_closed_on=before[0],
            was_checker=before[1],
        )
        return _view(item)


def delete_item(db: Database, actor: Actor, item_id: int, expected_version: int) -> None:
    """Remove an item entered by mistake; the audit log keeps what it said."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    with db.transaction() as s:
        item = _item(s, item_id, expected_version)
        audit.record(
            s,
            actor,
            "closeout.delete",
            "household",
            _household_code(s, item.household_id),
            seq=item.seq,
            item=item.item[:200],
            closed_on=item.closed_on,
        )
        s.delete(item)


# --- gathering from orders -------------------------------------------------------------------


def gather_from_orders(db: Database, actor: Actor, household: int | str) -> list[ItemView]:
    """Add the household's in-home orders not yet on its list (cancelled ones and common-area
    problems it reported excepted); the new items.

    An item takes the order's description, its commitment's responsible unit (else the unit of
    the channel it was sent to) and its completion deadline. A closed order's item is closed on
    the day the order was, by the user who closed it.
    """
    actor.require(Permission.DOCUMENTS_ISSUE)
    with db.transaction() as s:
        h = _household(s, household, lock=True)
        taken = select(CloseoutItem.order_id).where(CloseoutItem.order_id.is_not(None))
        orders = list(
            s.scalars(
                select(WorkOrder)
                .where(
                    WorkOrder.household_id == h.id,
                    WorkOrder.status != Status.CANCELLED.value,
                    WorkOrder.category.not_in([c.value for c in COMMON_AREA_CATEGORIES]),
                    WorkOrder.id.not_in(taken),
                )
                .order_by(WorkOrder.reported_at, WorkOrder.id)
            )
        )
        units = dict(
            s.execute(
                select(ChannelContact.channel, ChannelContact.unit_name).where(
                    ChannelContact.community_id == h.community_id
                )
            ).all()
        )
        added: list[ItemView] = []
        for o in orders:
            promise = s.scalar(select(Commitment).where(Commitment.order_id == o.id))
            item = _new_item(
                s,
                actor,
                h.id,
                ItemInput(
                    item=o.description,
                    location=o.location,
                    responsible_unit=(
                        promise.responsible_unit if promise else units.get(o.channel, "")
                    ),
                    deadline=(
                        date.fromisoformat(promise.promised_date)
                        if promise
                        else to_local(o.completion_due).date()
                    ),
                    origin=Origin.ORDER.value,
                ),
            )
            item.order_id = o.id
            if o.status == Status.CLOSED.value and o.closed_at is not None:
                closer = s.execute(
                    select(OrderEvent.username, User.display_name)
                    .outerjoin(User, User.id == OrderEvent.user_id)
                    .where(OrderEvent.order_id == o.id, OrderEvent.status == Status.CLOSED.value)
                    .order_by(OrderEvent.id.desc())
                    .limit(1)
                ).first()
                item.closed_on = to_local(o.closed_at).date().isoformat()
                item.checker = (closer[1] or closer[0]) if closer else ""
            s.flush()
            added.append(_view(item, o.number))
        audit.record(
            s,
            actor,
            "closeout.gather",
            "household",
            h.code,
            orders=[v.order_number for v in added],
        )
        return added


# --- importing -------------------------------------------------------------------------------

FIELDS = (
    "item",
    "location",
    "responsible_unit",
    "deadline",
    "origin",
    "closed_on",
    "checker",
    "note",
)
_ALIASES: dict[str, tuple[str, ...]] = {
    "item": ("问题", "问题描述", "问题项", "问题内容", "整改内容", "整改项", "缺陷", "缺陷描述",
             "质量问题", "item", "problem", "description", "defect"),
    "location": ("部位", "位置", "问题部位", "房间", "location", "place"),
    "responsible_unit": ("责任单位", "整改单位", "维修单位", "responsibleunit"),
    "deadline": ("整改期限", "期限", "完成期限", "限期", "deadline", "due"),
    "origin": ("来源", "问题来源", "origin", "source"),
    "closed_on": ("销项日期", "整改完成日期", "完成日期", "closedon", "closed"),
    "checker": ("验收人", "复查人", "检查人", "销项人", "checker"),
    "note": ("备注", "说明", "note", "notes", "remark"),
}  # fmt: skip
ACCEPTED_HEADERS = _ALIASES
_BY_KEY = {header_key(alias): f for f, aliases in _ALIASES.items() for alias in aliases}
_ORIGIN_WORDS = {
    "分户验收": Origin.INSPECTION,
    "验收": Origin.INSPECTION,
    "交付验收": Origin.INSPECTION,
    "inspection": Origin.INSPECTION,
    "开放日": Origin.OPEN_DAY,
    "业主开放日": Origin.OPEN_DAY,
    "openday": Origin.OPEN_DAY,
    "其他": Origin.OTHER,
    "other": Origin.OTHER,
}
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_day(text: str) -> date | None:
    """2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日 or 20261231; None when empty.

    Raises ValueError for anything else.
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    m = _DATE.match(s) or _COMPACT_DATE.match(s)
    if m is None:
        raise ValueError(s)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


@dataclass(frozen=True)
class ImportRow:
    row: int
    data: ItemInput
    closed_on: date | None
    checker: str


def read_items(
    path: Path, default_origin: str = Origin.INSPECTION.value
) -> tuple[list[ImportRow], list[FieldError]]:
    """The rows of a close-out sheet (.xlsx or .csv) and every problem found in them."""
    path = Path(path)
    cells_by_row = list(read_table_rows(path))
    header_row = 0
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    for number, cells in enumerate(cells_by_row[:10], start=1):
        found = {}
        texts = {}
        for i, text in enumerate(cells):
            field = _BY_KEY.get(header_key(text)) if text else None
            if field is not None and field not in found:
                found[field], texts[field] = i, text
        if "item" in found:
            header_row, index, headers = number, found, texts
            break
    if not header_row:
        raise ValidationError(
            [
                FieldError(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "core",
                        "No header row found in {name}: the first lines need a column such as "
                        "问题, 部位, 责任单位, 整改期限",
                    ),
                    {"name": path.name},
                )
            ]
        )

    def column(field: str) -> str:
        return headers.get(field, _ALIASES[field][0])

    rows: list[ImportRow] = []
    errors: list[FieldError] = []
    for number, cells in enumerate(cells_by_row[header_row:], start=header_row + 1):
        values = {f: (cells[i].strip() if i < len(cells) else "") for f, i in index.items()}
        if not any(values.values()):
            continue
        days: dict[str, date | None] = {}
        for name in ("deadline", "closed_on"):
            try:
                days[name] = parse_day(values.get(name, ""))
            except ValueError:
                days[name] = None
                errors.append(
                    FieldError(
                        column(name),
                        QT_TRANSLATE_NOOP("core", "Not a date (write it like 2026-12-31)"),
                        row=number,
                    )
                )
        origin_text = values.get("origin", "")
        origin = (
            _ORIGIN_WORDS.get(header_key(origin_text)) if origin_text else Origin(default_origin)
        )
        if origin is None:
            errors.append(
                FieldError(
                    column("origin"),
                    QT_TRANSLATE_NOOP("core", "分户验收, 开放日 or 其他"),
                    row=number,
                )
            )
            origin = Origin.OTHER
        data = ItemInput(
            item=values.get("item", ""),
            location=values.get("location", ""),
            responsible_unit=values.get("responsible_unit", ""),
            deadline=days["deadline"],
            origin=origin.value,
            note=values.get("note", ""),
        )
        errors += [
            FieldError(column(e.field), e.template, e.params, number)
            for e in item_errors(data, number)
        ]
        checker = values.get("checker", "")
        unreadable_day = bool(values.get("closed_on")) and days["closed_on"] is None
        if (days["closed_on"] is not None or checker) and not unreadable_day:
            errors += [
                FieldError(column(e.field), e.template, e.params, number)
                for e in _closing_errors(days["closed_on"], checker, number)
            ]
        rows.append(ImportRow(number, data, days["closed_on"], checker))
    if not rows and not errors:
        errors.append(
            FieldError(
                "file",
                QT_TRANSLATE_NOOP("core", "{name} has no items below its header"),
                {"name": path.name},
            )
        )
    elif len(rows) > MAX_ROWS:
        errors.append(
            FieldError(
                "file",
                QT_TRANSLATE_NOOP("core", "{name} has more than {n} items for one household"),
                {"name": path.name, "n": MAX_ROWS},
            )
        )
    return rows, errors


def import_items(
    db: Database,
    actor: Actor,
    path: Path,
    household: int | str,
    *,
    default_origin: str = Origin.INSPECTION.value,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a household's close-out sheet: every row, or none if any row is bad."""
    actor.require(Permission.DOCUMENTS_ISSUE)
    if default_origin not in {o.value for o in Origin} - {Origin.ORDER.value}:
        raise ValidationError([FieldError("origin", QT_TRANSLATE_NOOP("core", "Choose one"))])
    path = Path(path)
    rows, errors = read_items(path, default_origin)
    if errors:
        raise ValidationError(errors)
    added = unchanged = 0
    with db.transaction() as s:
        h = _household(s, household, lock=True)
        existing = {
            (i, loc)
            for i, loc in s.execute(
                select(CloseoutItem.item, CloseoutItem.location).where(
                    CloseoutItem.household_id == h.id
                )
            )
        }
        for done, r in enumerate(rows, start=1):
            key = (r.data.item.strip(), r.data.location.strip())
            if key in existing:
                unchanged += 1
            else:
                existing.add(key)
                item = _new_item(s, actor, h.id, r.data)
                if r.closed_on is not None:
                    item.closed_on, item.checker = r.closed_on.isoformat(), r.checker.strip()
                added += 1
            if progress is not None:
                progress(done, len(rows))
        audit.record(
            s,
            actor,
            "closeout.import",
            "household",
            h.code,
            file=path.name,
            rows=len(rows),
            added=added,
            unchanged=unchanged,
        )
    return ImportReport(len(rows), added, unchanged)


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
