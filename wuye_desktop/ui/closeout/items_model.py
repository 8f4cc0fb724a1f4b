"""The items of one household's close-out list as a table.

A household's list is bounded by the core (at most a couple of thousand items, usually a few
dozen), so the items are read in one call; the table view only paints the rows it shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from wuye_desktop.core.closeout import ORIGIN_LABELS, ItemView, Origin
from wuye_desktop.ui.messages import tr_core
from wuye_desktop.ui.widgets.header_model import TranslatedHeaderModel

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "seq",
    "item",
    "location",
    "responsible_unit",
    "deadline",
    "origin",
    "order",
    "closed_on",
    "checker",
)
CLOSED_TEXT = QColor("#6b7280")


class ItemsModel(TranslatedHeaderModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[ItemView, ...] = ()

    def set_items(self, items: tuple[ItemView, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def item_at(self, row: int) -> ItemView | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, item_id: int) -> int | None:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and item.is_closed:
            return CLOSED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()] == "item":
            return item.item + (f"\n{item.note}" if item.note else "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key = COLUMNS[index.column()]
        if key == "seq":
            return item.seq
        if key == "deadline":
            return item.deadline.isoformat() if item.deadline else ""
        if key == "closed_on":
            return item.closed_on.isoformat() if item.closed_on else ""
        if key == "origin":
            return tr_core(ORIGIN_LABELS[Origin(item.origin)])
        if key == "order":
            return item.order_number
        return str(getattr(item, key))

    def header_texts(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Item"),
            self.tr("Location"),
            self.tr("Responsible unit"),
            self.tr("Deadline"),
            self.tr("Origin"),
            self.tr("Work order"),
            self.tr("Closed on"),
            self.tr("Checker"),
        ]
