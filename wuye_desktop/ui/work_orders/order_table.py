"""The list of the Work orders tab: the table over the lazy model, its column widths and sort
indicator, and below it how many orders are shown and the colours' legend."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.list_model import OrderListModel

_COLUMN_WIDTHS = {
    "number": 132,
    "status": 100,
    "due": 96,
    "supervision": 76,
    "tier": 90,
    "category": 100,
    "community": 96,
    "place": 86,
    "description": 220,
    "handler": 76,
    "reported_at": 90,
    "channel": 104,
    "source": 80,
}


class OrderTable(Retranslating, QWidget):
    """The table (``table``) of *model*, sorted newest first until the user clicks a header."""

    def __init__(self, model: OrderListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.model.loaded_changed.connect(self.show_count)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, spec in enumerate(model.columns):
            self.table.setColumnWidth(column, _COLUMN_WIDTHS.get(spec.key, 100))
        header.setSortIndicator(model.section_of("reported_at"), Qt.SortOrder.DescendingOrder)

        self.count_label = QLabel()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        below = QHBoxLayout()
        below.setContentsMargins(2, 0, 2, 0)
        below.addWidget(self.count_label)
        below.addStretch(1)
        below.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        self.retranslate()

    def show_sort(self, sort: str, descending: bool) -> None:
        """Put the header's indicator where the list is sorted, without asking for a sort."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.section_of(sort),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    def show_count(self) -> None:
        loaded = self.model.loaded_count()
        total = self.model.total
        if total is None and not self.model.has_more():
            total = loaded
        if total is None:
            text = self.tr("Showing {loaded} — counting…").format(loaded=f"{loaded:,}")
        elif total == 0:
            text = self.tr("No order matches the filters.")
        else:
            text = self.tr("Showing {loaded} of {total}").format(
                loaded=f"{loaded:,}", total=f"{total:,}"
            )
        self.count_label.setText(text)

    def retranslate(self) -> None:
        swatch = "<span style='background:{colour}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}"
        self.legend.setText(
            " &nbsp; ".join(
                [
                    swatch.format(
                        colour=labels.OVERDUE_BACKGROUND.name(),
                        text=html.escape(self.tr("overdue")),
                    ),
                    swatch.format(
                        colour=labels.DUE_SOON_BACKGROUND.name(),
                        text=html.escape(self.tr("due soon")),
                    ),
                    "<span style='color:{colour}'>{text}</span>".format(
                        colour=labels.PAUSED_TEXT.name(), text=html.escape(self.tr("paused"))
                    ),
                ]
            )
        )
        self.show_count()
