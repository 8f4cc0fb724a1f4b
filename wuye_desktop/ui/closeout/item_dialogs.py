"""The small forms of the close-out list: a new item, and closing an item.

OK saves on the database thread (ui.db_worker): the form stays responsive, with OK disabled,
until the answer arrives; a refusal shows at its fields.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from wuye_desktop.core import closeout
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.closeout import ORIGIN_LABELS, ItemInput, ItemView, Origin
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
from wuye_desktop.ui.messages import tr_core
from wuye_desktop.ui.widgets.dates import date_edit, edited_date
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves


class _SavingForm(QDialog):
    """A form whose OK makes one core call on the database thread."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.saving = False
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter_saves(self, self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not on)

    def _submit(
        self,
        ctx: AppContext,
        work: Callable[[Database], ItemView],
        on_done: Callable[[ItemView], None],
        on_error: Callable[[WuyeError], None],
    ) -> None:
        if self.saving:
            return
        self._set_saving(True)
        request = run_db(
            self,
            ctx.db,
            work,
            label=QCoreApplication.translate("CloseoutDialog", "Saving the item…"),
            on_done=on_done,
            on_error=on_error,
        )
        request.finished.connect(lambda: self._set_saving(False))

    def reject(self) -> None:
        if not self.saving:  # the item may be saved already: wait for the answer
            super().reject()


class AddItemDialog(_SavingForm):
    """A new defect item; OK makes one core call, refusals show at their fields."""

    def __init__(self, ctx: AppContext, household_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.added: ItemView | None = None
        self.setWindowTitle(self.tr("New close-out item"))
        self.item = QPlainTextEdit()
        self.item.setTabChangesFocus(True)
        self.item.setFixedHeight(80)
        self.location = QLineEdit()
        self.responsible_unit = QLineEdit()
        self.has_deadline = QCheckBox(self.tr("Deadline"))
        self.has_deadline.setChecked(True)
        self.deadline = date_edit(today_local())
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.origin = QComboBox()
        for origin in (Origin.INSPECTION, Origin.OPEN_DAY, Origin.OTHER):
            self.origin.addItem(tr_core(ORIGIN_LABELS[origin]), origin.value)
        self.note = QLineEdit()
        self.errors = FormErrorDisplay(
            {
                "item": self.item,
                "location": self.location,
                "responsible_unit": self.responsible_unit,
                "deadline": self.deadline,
                "origin": self.origin,
                "note": self.note,
            },
            self,
        )
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.errors.wrap("deadline"), 1)
        form = QFormLayout(self)
        form.addRow(self.tr("&Item"), self.errors.wrap("item"))
        form.addRow(self.tr("&Location"), self.errors.wrap("location"))
        form.addRow(self.tr("&Responsible unit"), self.errors.wrap("responsible_unit"))
        form.addRow("", deadline_row)
        form.addRow(self.tr("&Origin"), self.errors.wrap("origin"))
        form.addRow(self.tr("&Note"), self.errors.wrap("note"))
        form.addRow(self.errors.general_label)
        form.addRow(self.buttons)
        self.item.setFocus()

    def value(self) -> ItemInput:
        return ItemInput(
            item=self.item.toPlainText(),
            location=self.location.text(),
            responsible_unit=self.responsible_unit.text(),
            deadline=edited_date(self.deadline) if self.has_deadline.isChecked() else None,
            origin=str(self.origin.currentData()),
            note=self.note.text(),
        )

    def save(self) -> None:
        if self.saving:
            return
        self.errors.clear()
        actor, household, data = self.ctx.actor, self.household_id, self.value()

        def add(db: Database) -> ItemView:
            return closeout.add_item(db, actor, household, data)

        def refused(error: WuyeError) -> None:
            if isinstance(error, ValidationError):
                self.errors.show(error)
            else:
                messages.show_error(self, error)

        self._submit(self.ctx, add, self._added, refused)

    def _added(self, item: ItemView) -> None:
        self.added = item
        self.accept()


class CloseItemDialog(_SavingForm):
    """Close an item: the day it was checked and who checked it."""

    def __init__(self, ctx: AppContext, item: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.item = ctx, item
        self.closed: ItemView | None = None
        self.setWindowTitle(self.tr("Close item {seq}").format(seq=item.seq))
        self.closed_on = date_edit(today_local())
        self.checker = QLineEdit(ctx.display_name)
        self.note = QLineEdit()
        self.errors = FormErrorDisplay(
            {"closed_on": self.closed_on, "checker": self.checker, "note": self.note}, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Item"), QLineEdit(item.item, readOnly=True))
        form.addRow(self.tr("Closed &on"), self.errors.wrap("closed_on"))
        form.addRow(self.tr("&Checker"), self.errors.wrap("checker"))
        form.addRow(self.tr("&Note"), self.errors.wrap("note"))
        form.addRow(self.errors.general_label)
        form.addRow(self.buttons)
        self.checker.setFocus()
        self.checker.selectAll()

    def save(self) -> None:
        if self.saving:
            return
        self.errors.clear()
        actor, item_id, version = self.ctx.actor, self.item.id, self.item.version
        closed_on, checker, note = (
            edited_date(self.closed_on),
            self.checker.text(),
            self.note.text(),
        )

        def close(db: Database) -> ItemView:
            return closeout.close_item(
                db, actor, item_id, version, closed_on=closed_on, checker=checker, note=note
            )

        def refused(error: WuyeError) -> None:
            if isinstance(error, ValidationError):
                self.errors.show(error)
                return
            messages.show_error(self, error)
            self.saving = False
            self.reject()  # e.g. another desk changed it: the list reloads

        self._submit(self.ctx, close, self._closed, refused)

    def _closed(self, item: ItemView) -> None:
        self.closed = item
        self.accept()
