"""Setting up a community's special account and its categories.

Opening the account and adding a category are finance's (LEDGER_EDIT); others see the categories
read-only. Each action calls one core service on the database thread; refusals are shown at
the fields they name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.ledger import services
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS, Direction
from wuye_desktop.core.ledger.services import AccountInput, AccountView, CategoryView
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.ledger.dialogs import ServiceDialog, ok_cancel_buttons
from wuye_desktop.ui.messages import describe, tr_core
from wuye_desktop.ui.widgets.dates import date_edit, edited_date
from wuye_desktop.ui.widgets.form import FormErrorDisplay


def _direction_label(direction: str) -> str:
    try:
        return tr_core(DIRECTION_LABELS[Direction(direction)])
    except ValueError:
        return direction


class OpenAccountDialog(ServiceDialog):
    """A community's special account: bank, account number, opening balance as typed, date."""

    def __init__(
        self, ctx: AppContext, community: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.community = ctx, community
        self.opened: AccountView | None = None
        self.setWindowTitle(self.tr("Open the special account"))
        self.bank = QLineEdit()
        self.bank.setPlaceholderText(self.tr("e.g. ICBC Qingdao Branch"))
        self.account_no = QLineEdit()
        self.account_no.setPlaceholderText("6222 0202 0202 1234")
        self.opening_balance = QLineEdit("0.00")
        self.opening_balance.setPlaceholderText("10,000.00")
        self.opened_on = date_edit(today_local())
        self.errors = FormErrorDisplay(
            {
                "bank": self.bank, "account_no": self.account_no,
                "opening_balance": self.opening_balance, "opened_on": self.opened_on,
            },
            self,
        )  # fmt: skip
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Community: {name}").format(name=title)))
        form.addRow(self.tr("Bank"), self.errors.wrap("bank"))
        form.addRow(self.tr("Account number"), self.errors.wrap("account_no"))
        form.addRow(self.tr("Opening balance (yuan)"), self.errors.wrap("opening_balance"))
        form.addRow(self.tr("Opened on"), self.errors.wrap("opened_on"))
        form.addRow(
            QLabel(self.tr("The default income and expense categories are set up with it."))
        )
        form.addRow(self.errors.general_label)
        form.addRow(ok_cancel_buttons(self))
        self.bank.setFocus()

    def request(self) -> Callable[[Database], Any]:
        data = AccountInput(
            self.bank.text(),
            self.account_no.text(),
            self.opening_balance.text(),
            edited_date(self.opened_on),
        )
        actor, community = self.ctx.actor, self.community
        return lambda db: services.open_account(db, actor, community, data)

    def took(self, result: Any) -> None:
        self.opened = result


class CategoriesDialog(QDialog):
    """The community's income and expense categories; finance adds new ones below the list."""

    added = Signal()

    def __init__(self, ctx: AppContext, community: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.community = ctx, community
        self.can_edit = ctx.can(Permission.LEDGER_EDIT)
        self.categories: list[CategoryView] = []
        self._reads = DbChannel(self)
        self.setWindowTitle(self.tr("Categories"))
        self.resize(560, 520)
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)

        self.direction = QComboBox()
        for d in Direction:
            self.direction.addItem(tr_core(DIRECTION_LABELS[d]), d.value)
        self.code = QLineEdit()
        self.code.setPlaceholderText("bike_parking")
        self.label = QLineEdit()
        self.add_button = QPushButton(self.tr("Add category"))
        self.add_button.clicked.connect(self.add)
        self.errors = FormErrorDisplay(
            {"direction": self.direction, "code": self.code, "label": self.label}, self
        )
        self.add_box = QGroupBox(self.tr("New category"))
        form = QFormLayout(self.add_box)
        form.addRow(self.tr("Direction"), self.errors.wrap("direction"))
        form.addRow(self.tr("Code"), self.errors.wrap("code"))
        form.addRow(self.tr("Label"), self.errors.wrap("label"))
        form.addRow(self.errors.general_label)
        form.addRow(self.add_button)
        self.add_box.setVisible(self.can_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.add_box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the categories again (the list shown stays until they arrive), then *then*."""
        actor, community = self.ctx.actor, self.community

        def arrived(categories: list[CategoryView]) -> None:
            self.categories = categories
            self._show_categories()
            if then is not None:
                then()

        self._reads.submit(
            self.ctx.db,
            lambda db: services.list_categories(db, actor, community),
            label=self.tr("Reading the categories…"),
            on_done=arrived,
            on_error=lambda error: self.errors.show_message(describe(error)),
        )

    def _show_categories(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Direction"), self.tr("Code"), self.tr("Label")]
        )
        for c in self.categories:
            self.model.appendRow(
                [
                    QStandardItem(_direction_label(c.direction)),
                    QStandardItem(c.code),
                    QStandardItem(c.label),
                ]
            )

    def add(self) -> None:
        """Add the category on the database thread; the button waits until it is done."""
        if not self.add_button.isEnabled():
            return
        actor, community = self.ctx.actor, self.community
        direction, code, label = (
            str(self.direction.currentData()),
            self.code.text(),
            self.label.text(),
        )

        def added(_result: object) -> None:
            self.add_button.setEnabled(True)
            self.errors.clear()
            self.code.clear()
            self.label.clear()
            self.reload(self.added.emit)

        def refused(error: WuyeError) -> None:
            self.add_button.setEnabled(True)
            if isinstance(error, ValidationError):
                self.errors.show(error)
            else:
                self.errors.show_message(describe(error))

        self.add_button.setEnabled(False)
        run_db(
            self,
            self.ctx.db,
            lambda db: services.add_category(db, actor, community, direction, code, label),
            label=self.tr("Adding the category…"),
            on_done=added,
            on_error=refused,
        )
