"""The rows of one commitment list (bounded by the core: promised repairs are few)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from wuye_desktop.core.clock import format_local
from wuye_desktop.core.orders import CommitmentRow
from wuye_desktop.ui.widgets.header_model import TranslatedHeaderModel
from wuye_desktop.ui.work_orders import labels

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "order_number",
    "community",
    "place",
    "description",
    "number",
    "promised_date",
    "responsible",
    "issued_at",
    "printed_count",
    "status",
)


class CommitmentModel(TranslatedHeaderModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CommitmentRow] = []

    def set_rows(self, rows: list[CommitmentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> CommitmentRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return labels.OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()] == "description":
            return r.description
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key = COLUMNS[index.column()]
        if key == "promised_date":
            return r.promised_date.isoformat() if r.promised_date else ""
        if key == "responsible":
            return " · ".join(p for p in (r.responsible_unit, r.responsible_person) if p)
        if key == "issued_at":
            return format_local(r.issued_at) if r.issued_at else ""
        if key == "printed_count":
            return r.printed_count if r.number else ""
        if key == "status":
            return labels.status_text(r.order_status)
        if key == "description":
            return r.description.replace("\n", " ")
        return str(getattr(r, key))

    def header_texts(self) -> list[str]:
        return [
            self.tr("Order"),
            self.tr("Community"),
            self.tr("Place"),
            self.tr("Problem"),
            self.tr("Letter"),
            self.tr("Promised date"),
            self.tr("Responsible"),
            self.tr("Issued"),
            self.tr("Printed"),
            self.tr("Order status"),
        ]
