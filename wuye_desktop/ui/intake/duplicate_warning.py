"""The duplicate warning of the intake dialog: "this household already has an open order of
this category". Not a block: the desk sees it while typing, is asked again on saving, and may
open the existing order instead or file a new one anyway."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from wuye_desktop.core import orders
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.intake.choice_combo import ChoiceCombo
from wuye_desktop.ui.work_orders import labels

log = logging.getLogger(__name__)

_WARNING_STYLE = (
    "QFrame#duplicateWarning { background: #fff3cd; border: 1px solid #e0b84c; "
    "border-radius: 3px; } QLabel { color: #6b4500; }"
)

DuplicatesQuery = Callable[[Database], list[str]]


def plain_button() -> QPushButton:
    # Enter must never press a button of the intake dialog: in the lookup box it picks a
    # household.
    button = QPushButton()
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


class DuplicateWarning(Retranslating, QFrame):
    """Shows the open orders of the chosen *category* found for the household.
    ``accepted()`` when the desk chose to file anyway; ``open_requested(id)`` when it chose to
    open the existing order instead."""

    accepted = Signal()
    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, category: ChoiceCombo, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.category = category
        self.numbers: list[str] = []
        self.filing_anyway = False
        self._checks = DbChannel(self)
        self.setObjectName("duplicateWarning")
        self.setStyleSheet(_WARNING_STYLE)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_button = plain_button()
        self.open_button.clicked.connect(self.open_first)
        self.file_anyway_button = plain_button()
        self.file_anyway_button.clicked.connect(self.file_anyway)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.file_anyway_button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open it"))
        self.file_anyway_button.setText(self.tr("File anyway"))
        self.show_numbers()

    def check(self, ask: DuplicatesQuery | None) -> None:
        """Ask the database thread (None: there is nothing to ask); the warning follows."""
        if ask is None:
            self._checks.drop()
            self.set_numbers([])
            return
        self._checks.submit(
            self.ctx.db,
            ask,
            label=self.tr("Looking for open orders of this category…"),
            on_done=self.set_numbers,
            on_error=lambda error: log.warning("duplicate check failed: %s", error),
        )

    def drop_check(self) -> None:
        self._checks.drop()

    def set_numbers(self, numbers: list[str]) -> None:
        if numbers != self.numbers:
            self.numbers = numbers
            self.filing_anyway = False
        self.show_numbers()

    def _category_text(self) -> str:
        return labels.category_text(self.category.code() or "")

    def show_numbers(self) -> None:
        if not self.numbers:
            self.hide()
            return
        self.label.setText(
            self.tr("This household already has an open {category} order: {numbers}.").format(
                category=self._category_text(), numbers=", ".join(self.numbers)
            )
            + (" " + self.tr("A new order will be filed anyway.") if self.filing_anyway else "")
        )
        self.open_button.setText(self.tr("Open {number}").format(number=self.numbers[0]))
        self.file_anyway_button.setVisible(not self.filing_anyway)
        self.show()

    def open_first(self) -> None:
        if not self.numbers:
            return
        actor, number = self.ctx.actor, self.numbers[0]
        run_db(
            self,
            self.ctx.db,
            lambda db: orders.get_order(db, actor, number).id,
            label=self.tr("Opening the order…"),
            on_done=self.open_requested.emit,
        )

    def file_anyway(self) -> None:
        self.filing_anyway = True
        self.show_numbers()
        self.accepted.emit()

    def ask(self, parent: QWidget) -> bool:
        """On saving: True to go on filing; False when the user went to the existing order or
        back."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Open order of this category"))
        box.setText(
            self.tr(
                "This household already has an open {category} order: {numbers}. "
                "File a new order anyway?"
            ).format(category=self._category_text(), numbers=", ".join(self.numbers))
        )
        open_button = box.addButton(
            self.tr("Open {number}").format(number=self.numbers[0]),
            QMessageBox.ButtonRole.ActionRole,
        )
        file_button = box.addButton(self.tr("File anyway"), QMessageBox.ButtonRole.AcceptRole)
        back_button = box.addButton(self.tr("Back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(file_button)
        box.setEscapeButton(back_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is file_button:
            self.file_anyway()
            return True
        if clicked is open_button:
            self.open_first()
        return False
