"""The Commitment tab: the 4 lists of commitment letters, and issuing and printing them.

Issuing uses the work-order tab's commitment form (one core call, orders.issue_commitment);
printing goes through the shared preview. The core counts prints, once the letter is printed or
saved (looking at it counts nothing): every print after the first is marked as a copy on the
letter, and "Reprint" asks for a copy explicitly.

The lists and the community choices are read on the database thread (ui.db_worker): a list
stays on screen until the one asked for arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.core.directory import CommunityChoice
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import CommitmentRow, CommitmentState
from wuye_desktop.core.prints.commitment import preview_commitment, print_commitment
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.commitments.model import COLUMNS, CommitmentModel
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.documents.preview import preview_document
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.column_widths import fit_columns
from wuye_desktop.ui.widgets.focus_return import open_returning_focus
from wuye_desktop.ui.workers import Task

STATES = (
    CommitmentState.TO_ISSUE,
    CommitmentState.ISSUED,
    CommitmentState.OVERDUE,
    CommitmentState.FULFILLED,
)


class CommitmentsTab(Retranslating, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_issue = ctx.can(Permission.DOCUMENTS_ISSUE)
        self.can_print = ctx.can(Permission.DOCUMENTS_PRINT)
        self.task: Task | None = None
        self.dialog: QDialog | None = None
        self._lists = DbChannel(self)  # the list asked last wins
        self._communities = DbChannel(self)

        self.states = QTabBar()
        for _ in STATES:
            self.states.addTab("")
        self.states.currentChanged.connect(lambda _i: self.reload())
        self.community = QComboBox()
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community.addItem("", None)
        self.community.currentIndexChanged.connect(lambda _i: self.reload())
        self.community_label = QLabel()
        self.community_label.setBuddy(self.community)

        self.model = CommitmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=COLUMNS.index("description"))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.open_order())

        def button(slot: object, visible: bool) -> QPushButton:
            b = QPushButton()
            b.clicked.connect(slot)
            b.setVisible(visible)
            return b

        self.issue_button = button(self.issue, self.can_issue)
        self.print_button = button(self.print_letter, self.can_print)
        self.reprint_button = button(self.reprint, self.can_print)
        self.open_button = button(self.open_order, True)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.states)
        top.addStretch(1)
        top.addWidget(self.community_label)
        top.addWidget(self.community)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        for b in (self.issue_button, self.print_button, self.reprint_button, self.open_button):
            bottom.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        ctx.signals.orders_changed.connect(self.reload)
        ctx.signals.directory_changed.connect(self._load_communities)
        self.retranslate()
        self._load_communities()
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def _load_communities(self) -> None:
        actor = self.ctx.actor

        def choices(db: Database) -> list[CommunityChoice]:
            return directory.community_choices(db, actor)

        self._communities.submit(
            self.ctx.db,
            choices,
            label=self.tr("Reading the communities…"),
            on_done=self._communities_arrived,
        )

    def _communities_arrived(self, communities: list[CommunityChoice]) -> None:
        chosen = self.community.currentData()
        self.community.blockSignals(True)
        while self.community.count() > 1:
            self.community.removeItem(1)
        for c in communities:
            self.community.addItem(c.name, c.id)
        self.community.setCurrentIndex(max(0, self.community.findData(chosen)))
        self.community.blockSignals(False)

    def state(self) -> CommitmentState:
        return STATES[max(0, self.states.currentIndex())]

    def set_state(self, state: CommitmentState) -> None:
        self.states.setCurrentIndex(STATES.index(state))

    def refresh(self) -> None:
        self._load_communities()
        self.reload()

    def reload(self) -> None:
        """Ask for the chosen list; the one shown stays until it arrives."""
        actor, state = self.ctx.actor, self.state()
        data = self.community.currentData()
        community = int(data) if data is not None else None

        def rows(db: Database) -> list[CommitmentRow]:
            return orders.commitment_rows(db, actor, state, community)

        self._lists.submit(
            self.ctx.db,
            rows,
            label=self.tr("Reading the commitment letters…"),
            on_done=self._rows_arrived,
        )

    @property
    def loading(self) -> bool:
        """A list or the community choices are on their way."""
        return self._lists.busy or self._communities.busy

    def _rows_arrived(self, rows: list[CommitmentRow]) -> None:
        current = self.selected()  # what is selected now, not when it was asked
        self.model.set_rows(rows)
        fit_columns(self.table, stretch=COLUMNS.index("description"))
        self.count_label.setText(self.tr("%n letters", "", len(rows)))
        for row, r in enumerate(rows):
            if current is not None and r.order_id == current.order_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                break
        else:
            if rows:
                self.table.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    def selected(self) -> CommitmentRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _update_buttons(self, *_args: QModelIndex) -> None:
        r = self.selected()
        self.issue_button.setEnabled(r is not None and not r.number)
        self.print_button.setEnabled(r is not None and bool(r.number) and r.printed_count == 0)
        self.reprint_button.setEnabled(r is not None and r.printed_count > 0)
        self.open_button.setEnabled(r is not None)

    # -- actions -------------------------------------------------------------------------------

    def issue(self) -> None:
        from wuye_desktop.ui.work_orders.action_dialogs import CommitmentDialog

        r = self.selected()
        if r is None or r.number:
            return
        try:
            dialog = CommitmentDialog(self.ctx, r.order_id, self)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        open_returning_focus(dialog, self.table)

    def _print(self, copy: bool) -> None:
        r = self.selected()
        if r is None or not r.number:
            return
        db, actor, order = self.ctx.db, self.ctx.actor, r.order_id
        changed = self.ctx.signals.orders_changed
        self.task = preview_document(
            self,
            self.ctx,
            self.tr("Commitment letter {number}").format(number=r.number),
            lambda _progress: preview_commitment(db, actor, order, copy=copy),
            # Counted only when printed or saved; then every list shows the new count.
            issue=lambda output: print_commitment(db, actor, order, output, copy=copy),
            on_printed=lambda _data: changed.emit(),
        )

    def print_letter(self) -> None:
        self._print(copy=False)

    def reprint(self) -> None:
        self._print(copy=True)

    def open_order(self) -> None:
        r = self.selected()
        if r is not None:
            self.ctx.signals.open_order_requested.emit(r.order_id)

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {
            CommitmentState.TO_ISSUE: self.tr("To issue"),
            CommitmentState.ISSUED: self.tr("Issued"),
            CommitmentState.OVERDUE: self.tr("Overdue"),
            CommitmentState.FULFILLED: self.tr("Fulfilled"),
        }
        tips = {
            CommitmentState.TO_ISSUE: self.tr("Promised repairs still without a commitment"),
            CommitmentState.ISSUED: self.tr("Issued and not yet fulfilled, overdue ones included"),
            CommitmentState.OVERDUE: self.tr("The promised date has passed, the work not done"),
            CommitmentState.FULFILLED: self.tr("The work was completed"),
        }
        for i, state in enumerate(STATES):
            self.states.setTabText(i, names[state])
            self.states.setTabToolTip(i, tips[state])
        self.community_label.setText(self.tr("&Community"))
        self.community.setItemText(0, self.tr("All communities"))
        self.issue_button.setText(self.tr("&Issue…"))
        self.print_button.setText(self.tr("&Print…"))
        self.reprint_button.setText(self.tr("&Reprint (copy)…"))
        self.open_button.setText(self.tr("&Open order"))
        self.model.retranslate()
