"""The close-out list of one household: its items, adding and closing them, importing an Excel
sheet, gathering the household's work orders, and printing the 销项表.

Each button is one core call (core.closeout); a refusal is shown and the list read again, so a
change made at another desk in the meantime is never overwritten. Reads and writes run on the
database thread (ui.db_worker): the list shown stays until the new one arrives, and the buttons
that change it wait while a change is on its way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import closeout
from wuye_desktop.core.closeout import CloseoutList, ImportReport, ItemView
from wuye_desktop.core.errors import FieldError, ValidationError, WuyeError
from wuye_desktop.core.file_names import suggested_file_name
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.closeout.item_dialogs import AddItemDialog, CloseItemDialog
from wuye_desktop.ui.closeout.items_model import COLUMNS, ItemsModel
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.documents.preview import preview_document
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.column_widths import fit_columns
from wuye_desktop.ui.workers import Task, run_in_background

MAX_ERRORS_SHOWN = 30


class CloseoutDialog(Retranslating, QDialog):
    def __init__(self, ctx: AppContext, household_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.household_code = ""  # known once the list has arrived
        self.can_issue = ctx.can(Permission.DOCUMENTS_ISSUE)
        self.task: Task | None = None
        self.last_import_errors: list[str] = []
        self._lists = DbChannel(self)  # the list asked for last wins
        self._writing = False  # a change is on its way to the database
        self.resize(1100, 560)

        self.heading = QLabel("…")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.model = ItemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=COLUMNS.index("item"))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.close_selected())

        def button(slot: object, issue: bool = True) -> QPushButton:
            b = QPushButton()
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            b.setVisible(self.can_issue or not issue)
            return b

        self.add_button = button(self.add_item)
        self.close_button = button(self.close_selected)
        self.reopen_button = button(self.reopen_selected)
        self.delete_button = button(self.delete_selected)
        self.import_button = button(self.import_file)
        self.gather_button = button(self.gather)
        self.print_button = button(self.print_list, issue=False)
        self.done_button = button(self.accept, issue=False)
        row = QHBoxLayout()
        for b in (self.add_button, self.close_button, self.reopen_button, self.delete_button):
            row.addWidget(b)
        row.addSpacing(12)
        row.addWidget(self.import_button)
        row.addWidget(self.gather_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.retranslate()
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Ask for the list again; the one shown stays until it arrives."""
        actor, household = self.ctx.actor, self.household_id

        def items(db: Database) -> CloseoutList:
            return closeout.list_items(db, actor, household)

        self._lists.submit(
            self.ctx.db,
            items,
            label=self.tr("Reading the close-out list…"),
            on_done=lambda data: self._arrived(data, select_id),
        )

    @property
    def busy(self) -> bool:
        """The list or a change is on its way."""
        return self._lists.busy or self._writing

    def _arrived(self, data: CloseoutList, select_id: int | None) -> None:
        current = self.selected()  # what is selected now, not when it was asked
        keep = select_id if select_id is not None else (current.id if current else None)
        h = data.household
        self.household_code = h.code
        self.heading.setText(f"{h.community_name} {h.room_label}  ({h.code})")
        self.model.set_items(data.items)
        fit_columns(self.table, stretch=COLUMNS.index("item"))
        self.summary.setText(
            self.tr("%n items: {open} open, {closed} closed", "", len(data.items)).format(
                open=data.open_count, closed=data.closed_count
            )
        )
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def selected(self) -> ItemView | None:
        return self.model.item_at(self.table.currentIndex().row())

    def _update_buttons(self, *_args: QModelIndex) -> None:
        item = self.selected()
        idle = not self._writing
        self.close_button.setEnabled(idle and item is not None and not item.is_closed)
        self.reopen_button.setEnabled(idle and item is not None and item.is_closed)
        self.delete_button.setEnabled(idle and item is not None)
        for b in (self.add_button, self.import_button, self.gather_button):
            b.setEnabled(idle)

    # -- changes -------------------------------------------------------------------------------

    def _refused(self, error: WuyeError) -> None:
        messages.show_error(self, error)
        self.reload()

    def _write(self, work: Callable[[Database], Any], done: Callable[[Any], None]) -> None:
        """One core call on the database thread; the buttons that change the list wait for
        its answer. A refusal is shown and the list read again."""
        if self._writing:
            return

        def finished() -> None:
            self._writing = False
            self._update_buttons()

        self._writing = True
        self._update_buttons()
        request = run_db(
            self,
            self.ctx.db,
            work,
            label=self.tr("Saving the close-out list…"),
            on_done=done,
            on_error=self._refused,
        )
        request.finished.connect(finished)

    def add_item(self) -> None:
        dialog = AddItemDialog(self.ctx, self.household_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self.reload(dialog.added.id)

    def close_selected(self) -> None:
        item = self.selected()
        if item is None or item.is_closed or not self.can_issue:
            return
        dialog = CloseItemDialog(self.ctx, item, self)
        dialog.exec()
        self.reload(item.id)

    def reopen_selected(self) -> None:
        item = self.selected()
        if item is None or not item.is_closed:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Reopen item {seq}").format(seq=item.seq), self.tr("Reason")
        )
        if not ok:
            return
        actor = self.ctx.actor

        def reopen(db: Database) -> object:
            return closeout.reopen_item(db, actor, item.id, item.version, reason)

        self._write(reopen, lambda _done: self.reload(item.id))

    def delete_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete item"),
            self.tr("Delete item {seq}, “{item}”?").format(seq=item.seq, item=item.item[:80]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.actor

        def delete(db: Database) -> None:
            closeout.delete_item(db, actor, item.id, item.version)

        self._write(delete, lambda _done: self.reload())

    def gather(self) -> None:
        actor, household = self.ctx.actor, self.household_id

        def gather(db: Database) -> list[ItemView]:
            return closeout.gather_from_orders(db, actor, household)

        self._write(gather, self._gathered)

    def _gathered(self, added: list[ItemView]) -> None:
        self.reload(added[0].id if added else None)
        QMessageBox.information(
            self,
            self.tr("Gather from work orders"),
            self.tr("%n items added from the household's work orders.", "", len(added))
            if added
            else self.tr("Every in-home work order of this household is already on the list."),
        )

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a close-out sheet"),
            "",
            self.tr("Spreadsheets (*.xlsx *.xls *.csv)"),
        )
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> Task:
        db, actor, household = self.ctx.db, self.ctx.actor, self.household_id
        self.last_import_errors = []
        self.task = run_in_background(
            self,
            lambda progress: closeout.import_items(db, actor, path, household, progress=progress),
            label=self.tr("Importing {name}…").format(name=path.name),
            on_done=self._imported,
            on_error=self._import_refused,
        )
        return self.task

    def _imported(self, report: ImportReport) -> None:
        self.reload()
        QMessageBox.information(
            self,
            self.tr("Import"),
            self.tr(
                "%n rows read: {added} items added, {unchanged} already on the list.",
                "",
                report.rows,
            ).format(added=report.added, unchanged=report.unchanged),
        )

    def _import_refused(self, error: WuyeError) -> None:
        if not isinstance(error, ValidationError):
            messages.show_error(self, error)
            return
        lines = [self.row_error(e) for e in error.errors]
        self.last_import_errors = lines
        shown = lines[:MAX_ERRORS_SHOWN]
        if len(lines) > MAX_ERRORS_SHOWN:
            shown.append(self.tr("… and {n} more").format(n=len(lines) - MAX_ERRORS_SHOWN))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Import"),
            self.tr("Nothing was imported. Correct these rows and import the file again:"),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(lines))
        box.open()

    def row_error(self, error: FieldError) -> str:
        text = f"{error.field}: {messages.describe_field(error)}"
        if error.row is None:
            return text
        return self.tr("Row {row}, {text}").format(row=error.row, text=text)

    def print_list(self) -> None:
        from wuye_desktop.core.prints.closeout import closeout_pdf

        db, actor, household = self.ctx.db, self.ctx.actor, self.household_id
        preview_document(
            self,
            self.ctx,
            self.tr("Close-out list"),
            lambda _progress: closeout_pdf(db, actor, household),
            file_name=suggested_file_name(
                self.tr("Close-out list"), self.household_code, ext="pdf"
            ),
        )

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close-out list"))
        self.add_button.setText(self.tr("&New item…"))
        self.close_button.setText(self.tr("&Close item…"))
        self.reopen_button.setText(self.tr("&Reopen…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.import_button.setText(self.tr("&Import from Excel…"))
        self.gather_button.setText(self.tr("&Gather from work orders"))
        self.print_button.setText(self.tr("&Print…"))
        self.done_button.setText(self.tr("Done"))
        self.model.retranslate()


def open_closeout_dialog(
    ctx: AppContext, household_id: int, parent: QWidget | None = None
) -> CloseoutDialog:
    dialog = CloseoutDialog(ctx, household_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
