"""Importing the inspectors' close-out sheets (.xlsx or .csv): reading the rows whatever the
sheet calls its columns, checking every row, and writing all of them or none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.closeout._shared import find_household, new_item
from wuye_desktop.core.closeout.records import (
    MAX_ROWS,
    ItemInput,
    Origin,
    closing_errors,
    item_errors,
)
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.table_files import header_key, read_table_rows
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import CloseoutItem


@dataclass(frozen=True)
class ImportReport:
    rows: int
    added: int
    unchanged: int  # already on the list


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
                for e in closing_errors(days["closed_on"], checker, number)
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
        h = find_household(s, household, lock=True)
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
                item = new_item(s, actor, h.id, r.data)
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
