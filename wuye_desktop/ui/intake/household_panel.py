"""The right-hand side of the intake dialog: the picked household and its open and recent orders.

The household and its orders are read on the database thread when the lookup picks one; the
panel keeps showing the previous household until they arrive, then says so with ``changed``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.intake.household_orders import HouseholdOrdersModel
from wuye_desktop.ui.work_orders import labels

_CARD_STYLE = (
    "QLabel { background: #f3f6fa; border: 1px solid #d6dde6; border-radius: 3px; padding: 6px; }"
)


class HouseholdPanel(Retranslating, QWidget):
    """``changed()`` when the household asked for (or none) has arrived; ``open_requested(id)``
    when an order of it is double-clicked."""

    changed = Signal()
    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household: directory.HouseholdView | None = None
        self.common_area = False  # the order is for a place, not a household
        self._wanted: int | None = None  # asked for; self.household follows it
        self._reads = DbChannel(self)

        self.card = QLabel()
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setStyleSheet(_CARD_STYLE)
        self.card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLabel()
        self.model = HouseholdOrdersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the form keeps the keyboard
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((128, 86, 140, 84, 84)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._double_clicked)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.card)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Open and recent orders of this household"))
        self.legend.setText(
            " &nbsp;".join(
                f'<span style="background:{bg.name()};color:{fg.name()}">&nbsp;'
                f"{html.escape(text)}&nbsp;</span>"
                for bg, fg, text in (
                    (labels.OVERDUE_BACKGROUND, labels.OVERDUE_TEXT, self.tr("overdue")),
                    (labels.DUE_SOON_BACKGROUND, labels.DUE_SOON_TEXT, self.tr("due soon")),
                    (self.palette().base().color(), labels.PAUSED_TEXT, self.tr("paused")),
                )
            )
        )
        self.model.retranslate()
        self.show_household()

    @property
    def busy(self) -> bool:
        """The household asked for has not arrived yet."""
        return self._reads.busy

    def want(self, household_id: int | None) -> None:
        """Ask for the household and its orders; the previous one shows meanwhile."""
        if self._wanted == household_id:
            return
        self._wanted = household_id
        if household_id is None:
            self._reads.drop()
            self._arrived(None, [])
            return
        actor = self.ctx.actor

        def read(db: Database) -> tuple[directory.HouseholdView, list[orders.OrderRow]]:
            return (
                directory.get_household(db, actor, household_id),
                orders.household_orders(db, actor, household_id),
            )

        request = self._reads.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the household…"),
            on_done=lambda found: self._arrived(*found),
        )
        request.failed.connect(lambda _error: self._arrived(None, []))

    def _arrived(
        self, household: directory.HouseholdView | None, rows: list[orders.OrderRow]
    ) -> None:
        self.household = household
        self.model.set_rows(rows)
        self.show_household()
        self.changed.emit()

    def show_household(self) -> None:
        h = self.household
        if self.common_area:
            self.card.setText(
                html.escape(self.tr("A common-area order: no household, just the place."))
            )
            return
        if h is None:
            self.card.setText(
                html.escape(self.tr("Find the household to see its open and recent orders."))
            )
            return
        owners = "; ".join(
            html.escape(" ".join(p for p in (o.name, o.phone) if p)) for o in h.owners
        )
        lines = [
            f"<b>{html.escape(h.room_label)}</b> · {html.escape(h.community_name)} · "
            f"{html.escape(h.code)}",
            html.escape(self.tr("Owners: {owners}")).format(owners=owners or "—"),
        ]
        if self.model.rowCount() == 0:
            lines.append(html.escape(self.tr("No orders so far.")))
        self.card.setText("<br>".join(lines))

    def _double_clicked(self, index: QModelIndex) -> None:
        rows = self.model.rows()
        if 0 <= index.row() < len(rows):
            self.open_requested.emit(rows[index.row()].id)
