"""The weekly list of unfinished work (每周五16:00前督办单): the orders that were not finished
at Friday 16:00 of an ISO week, per community.

The list is what the core's ``weekly_unfinished`` says was true that Friday (read from the
timelines), so a past week shows the list as it stood then; the status column shows where
each order is now. It is bounded by a week's open work, so its rows are read at once, in the
background, with the counts per community.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import format_local, today_local
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import OrderRow, WeeklyList
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Permission
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.list_model import OrderColumn, order_columns
from wuye_desktop.ui.workers import Task, run_in_background

Index = QModelIndex | QPersistentModelIndex

WEEKS_OFFERED = 26
ROWS_PER_READ = 500
_COLUMN_ORDER = (
    "community",
    "number",
    "place",
    "category",
    "tier",
    "status",
    "reported_at",
    "due",
    "handler",
    "description",
)


def recent_weeks(today: date, count: int = WEEKS_OFFERED) -> list[str]:
    """ISO weeks like 2026-W47, this week first."""
    weeks = []
    for back in range(count):
        year, week, _ = (today - timedelta(weeks=back)).isocalendar()
        weeks.append(f"{year}-W{week:02d}")
    return weeks


@dataclass(frozen=True)
class WeeklyResult:
    weekly: WeeklyList
    rows: list[OrderRow]


class WeeklyModel(QAbstractTableModel):
    """The week's orders, all rows held (a week's unfinished work is bounded)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        by_key = {c.key: c for c in order_columns()}
        self.columns: list[OrderColumn] = [by_key[k] for k in _COLUMN_ORDER]
        self.rows: list[OrderRow] = []

    def set_rows(self, rows: list[OrderRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, foreground = labels.urgency_colours(row)
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            column = self.columns[section]
            if column.key == "status":
                return QCoreApplication.translate("WorkOrders", "Status now")
            return QCoreApplication.translate("WorkOrders", column.title)
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )


class WeeklyView(Retranslating, QWidget):
    """Week and community choice, counts per community, the orders. ``order_activated``
    carries the id of an order double-clicked (or Enter)."""

    order_activated = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.result: WeeklyResult | None = None
        self._request = 0  # a late answer for an earlier choice is dropped

        self.week = QComboBox()
        for week in recent_weeks(today_local()):
            self.week.addItem(week, week)
        self.community = QComboBox()
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community.addItem("", None)
        self.reload_button = QPushButton()
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.load)
        self.print_button = QPushButton()
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_list)
        self.print_button.setVisible(ctx.can(Permission.DOCUMENTS_PRINT))
        self.week_caption = QLabel()
        self.week_caption.setBuddy(self.week)
        self.community_caption = QLabel()
        self.community_caption.setBuddy(self.community)
        top = QHBoxLayout()
        top.addWidget(self.week_caption)
        top.addWidget(self.week)
        top.addSpacing(12)
        top.addWidget(self.community_caption)
        top.addWidget(self.community)
        top.addWidget(self.reload_button)
        top.addStretch(1)
        top.addWidget(self.print_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.counts = QTreeWidget()
        self.counts.setRootIsDecorated(False)
        self.counts.setColumnCount(2)
        # The count is what the list is for: always in view, the name takes what is left
        # (a fixed 180-px name column pushed it out of a narrow pane).
        counts_header = self.counts.header()
        counts_header.setStretchLastSection(False)
        counts_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        counts_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.model = WeeklyModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        widths = (96, 132, 86, 104, 104, 86, 90, 96, 76)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        # Enter activates; a double click does not on every platform's style, so both count.
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.counts)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 900])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self._load_communities()
        self.week.currentIndexChanged.connect(lambda _i: self.load())
        self.community.currentIndexChanged.connect(lambda _i: self.load())
        self.retranslate()

    def _load_communities(self) -> None:
        try:
            communities = directory.community_choices(self.ctx.db, self.ctx.actor)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        for c in communities:
            self.community.addItem(c.name, c.id)

    def selected_week(self) -> str:
        return str(self.week.currentData())

    def load(self) -> None:
        """Read the chosen week's list in the background."""
        self._request += 1
        request = self._request
        week = self.selected_week()
        data = self.community.currentData()
        community_id = int(data) if data is not None else None
        db, actor = self.ctx.db, self.ctx.actor

        def work(progress: Progress) -> WeeklyResult:
            weekly = orders.weekly_unfinished(db, actor, week, community_id)
            ids = list(weekly.order_ids)
            rows: list[OrderRow] = []
            progress(0, len(ids))
            for start in range(0, len(ids), ROWS_PER_READ):
                rows.extend(orders.order_rows(db, actor, ids[start : start + ROWS_PER_READ]))
                progress(min(start + ROWS_PER_READ, len(ids)), len(ids))
            return WeeklyResult(weekly, rows)

        self.summary.setText(self.tr("Reading the list…"))
        self.task = run_in_background(
            self,
            work,
            label=self.tr("Reading the weekly list…"),
            on_done=lambda result: self._show(request, result),
        )

    def print_list(self) -> None:
        """Preview the printable list (每周五16:00前督办单) of the chosen week and community."""
        from wuye_desktop.core.prints.weekly import weekly_pdf
        from wuye_desktop.ui.documents import preview_document

        week = self.selected_week()
        data = self.community.currentData()
        community_id = int(data) if data is not None else None
        db, actor = self.ctx.db, self.ctx.actor
        preview_document(
            self,
            self.ctx,
            self.tr("Weekly list {week}").format(week=week),
            lambda progress: weekly_pdf(db, actor, week, community_id, progress),
        )

    def _show(self, request: int, result: WeeklyResult) -> None:
        if request != self._request:
            return
        self.result = result
        self.model.set_rows(result.rows)
        self.counts.clear()
        per_community = Counter(r.community for r in result.rows)
        for name, count in sorted(per_community.items(), key=lambda item: (-item[1], item[0])):
            item = QTreeWidgetItem([name, str(count)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.addTopLevelItem(item)
        self._show_summary()
        self.loaded.emit()

    def _show_summary(self) -> None:
        if self.result is None:
            self.summary.setText("")
            return
        cutoff = format_local(self.result.weekly.cutoff)
        self.summary.setText(
            self.tr("Unfinished at Friday {cutoff}: %n order(s)", "", len(self.result.rows)).format(
                cutoff=cutoff
            )
        )

    def community_counts(self) -> dict[str, int]:
        out = {}
        for i in range(self.counts.topLevelItemCount()):
            item = self.counts.topLevelItem(i)
            assert item is not None
            out[item.text(0)] = int(item.text(1))
        return out

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.order_activated.emit(self.model.rows[index.row()].id)

    def retranslate(self) -> None:
        self.week_caption.setText(self.tr("&Week"))
        self.week.setToolTip(self.tr("ISO week; the list is as of its Friday 16:00"))
        self.community_caption.setText(self.tr("&Community"))
        self.community.setItemText(0, self.tr("All communities"))
        self.reload_button.setText(self.tr("Read again"))
        self.print_button.setText(self.tr("&Print…"))
        self.counts.setHeaderLabels([self.tr("Community"), self.tr("Unfinished")])
        self.model.retranslate()
        self._show_summary()


class WeeklyDialog(Retranslating, QDialog):
    """The weekly view in its own window, opened from the Work orders tab."""

    order_activated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = WeeklyView(ctx, self)
        self.view.order_activated.connect(self.order_activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in the list opens an order, not "Close"
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1200, 640)
        self.retranslate()
        self.view.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Weekly list of unfinished work"))
