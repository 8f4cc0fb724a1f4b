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
from wuye_desktop.ui.widgets.column_widths import sample_widths
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.list_model import OrderListModel

# The widest usual value of each column, measured in the desk's font (a fixed pixel width cut
# 房号 and the community on another machine's font); the description keeps a width of its own
# and its whole text is in the tooltip.
_COLUMN_SAMPLES = {
    "number": "GD20261206-0007",
    "status": "重新处理中",
    "due": "已超时 12 天",
    "supervision": "12-06 16:00",
    "tier": "限时修",
    "category": "水、燃气、暖气",
    "community": "李沧万兴家园",
    "place": "12-3-2503 大堂",
    "handler": "王建国（水电）",
    "reported_at": "12-06 14:03",
    "channel": "住房维修单位",
    "source": "12345热线",
}
DESCRIPTION_WIDTH = 240


class OrderTable(Retranslating, QWidget):
    """The table (``table``) of *model*, sorted newest first until the user clicks a header."""

    def fit_columns(self) -> None:
        """Each column as wide as its header or its widest usual value, whichever is wider."""
        keys = [spec.key for spec in self.model.columns]
        sample_widths(
            self.table, {c: _COLUMN_SAMPLES[k] for c, k in enumerate(keys) if k in _COLUMN_SAMPLES}
        )
        if "description" in keys:
            self.table.setColumnWidth(keys.index("description"), DESCRIPTION_WIDTH)

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
        self.fit_columns()
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
