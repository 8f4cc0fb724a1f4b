"""The picked household's open and recent orders, shown beside the intake form.

The core gives at most a couple of dozen rows (``household_orders``), so this small model holds
them all; overdue rows are red, due-soon amber and paused grey, as in the work-order list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import OrderRow
from wuye_desktop.ui.work_orders import labels

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "IntakeDialog"


# (title marked for translation in this context, cell text)
_COLUMNS: list[tuple[str, Callable[[OrderRow], str]]] = [
    (QT_TRANSLATE_NOOP("IntakeDialog", "Number"), lambda r: r.number),
    (QT_TRANSLATE_NOOP("IntakeDialog", "Status"), lambda r: labels.status_text(r.status)),
    (QT_TRANSLATE_NOOP("IntakeDialog", "Category"), lambda r: labels.category_text(r.category)),
    (
        QT_TRANSLATE_NOOP("IntakeDialog", "Reported"),
        lambda r: format_local(r.reported_at, with_year=False),
    ),
    (QT_TRANSLATE_NOOP("IntakeDialog", "Due"), labels.due_text),
    (
        QT_TRANSLATE_NOOP("IntakeDialog", "Description"),
        lambda r: " ".join(r.description.split()),
    ),
]


class HouseholdOrdersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderRow] = []

    def set_rows(self, rows: Sequence[OrderRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[OrderRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.description
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, foreground = labels.urgency_colours(row)
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, _COLUMNS[section][0])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(_COLUMNS) - 1)
            )
