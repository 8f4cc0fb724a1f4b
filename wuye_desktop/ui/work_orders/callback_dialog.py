"""Recording the owner's verdict on a completed order: the callback (回访).

Used by the work-order tab and by the callback queue: ``CallbackDialog(ctx, order_id, parent)``,
then ``open()`` or ``exec()``. On OK it makes the one core call, ``record_callback``, with the
version of the order it shows; the core closes the order, or reopens it when the owner is
dissatisfied. The dialog itself emits ``ctx.signals.orders_changed`` after saving, so callers
only reload what they show. The order is read on the database thread after the dialog opens
(see action_dialog.py); if it cannot be read the dialog says why and closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import OrderDetail
from wuye_desktop.core.roles import Permission
from wuye_desktop.core.vocab import CallbackMethod, Satisfaction
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
from wuye_desktop.ui.widgets.radio_keys import arrows_choose
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.action_dialog import OrderActionDialog, SaveWork


class CallbackDialog(OrderActionDialog):
    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, order_id, parent)
        self.method = QComboBox()
        for method in CallbackMethod:
            self.method.addItem(labels.method_text(method.value), method.value)
        self.person_reached = QLineEdit()
        self.person_reached.setMaxLength(100)
        self.caller = QLabel()
        self.caller.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton()
        self.reveal_button.clicked.connect(self.reveal_phone)
        self.satisfaction_box = QWidget()
        self.satisfaction_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.satisfaction_group = QButtonGroup(self.satisfaction_box)
        self.satisfaction_buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout(self.satisfaction_box)
        row.setContentsMargins(2, 2, 2, 2)
        for value in Satisfaction:
            button = QRadioButton(labels.satisfaction_text(value.value))
            self.satisfaction_group.addButton(button)
            self.satisfaction_buttons[value.value] = button
            row.addWidget(button)
        row.addStretch(1)
        arrows_choose(self.satisfaction_group)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.comment.fontMetrics().height() * 4 + 12)

        self.setWindowTitle(self.tr("Record callback"))
        caller_row = QWidget()
        caller_layout = QHBoxLayout(caller_row)
        caller_layout.setContentsMargins(0, 0, 0, 0)
        caller_layout.addWidget(self.caller, 1)
        caller_layout.addWidget(self.reveal_button)
        self.reveal_button.setText(self.tr("Show number"))
        self.reveal_button.setToolTip(
            self.tr("Show the caller's full number to call back; the reveal is logged")
        )
        self.form.addRow(self.tr("Caller"), caller_row)
        self.add_field("method", self.tr("&Method"), self.method)
        self.add_field("person_reached", self.tr("&Person reached"), self.person_reached)
        self.add_field("satisfaction", self.tr("Satisfaction"), self.satisfaction_box)
        self.form.addRow("", self.outcome)
        self.add_field("comment", self.tr("C&omment"), self.comment)
        self.person_reached.setPlaceholderText(self.tr("Who answered"))
        self.comment.setPlaceholderText(self.tr("What the owner said; required when dissatisfied"))
        self.satisfaction_group.buttonToggled.connect(self._satisfaction_changed)
        self.ok_button_text(self.tr("Save callback"))
        self._satisfaction_changed()
        self.load()

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        self._show_caller(detail, detail.row.caller_phone)
        can_reveal = self.ctx.can(Permission.PHONE_REVEAL_ON_ORDER)
        self.reveal_button.setVisible(can_reveal and bool(detail.row.caller_phone))
        self.reveal_button.setEnabled(True)
        if first and not self.person_reached.text():
            self.person_reached.setText(detail.caller_name)
        if first:
            self.method.setFocus()

    def _show_caller(self, detail: OrderDetail, phone: str) -> None:
        parts = [p for p in (detail.caller_name, phone) if p]
        self.caller.setText("  ".join(parts) or "—")

    def reveal_phone(self) -> None:
        assert self.detail is not None
        actor, order_id = self.ctx.actor, self.order_id

        def reveal(db: Database) -> str:
            return orders.reveal_caller_phone(db, actor, order_id)

        def revealed(phone: str) -> None:
            if self.detail is not None:
                self._show_caller(self.detail, phone)

        def refused(error: WuyeError) -> None:
            messages.show_error(self, error)
            self.reveal_button.setEnabled(True)

        self.reveal_button.setEnabled(False)
        run_db(
            self,
            self.ctx.db,
            reveal,
            label=self.tr("Showing the number…"),
            on_done=revealed,
            on_error=refused,
        )

    def selected_satisfaction(self) -> str:
        for value, button in self.satisfaction_buttons.items():
            if button.isChecked():
                return value
        return ""

    def _satisfaction_changed(self, *_args: object) -> None:
        self.errors.clear_field("satisfaction")
        value = self.selected_satisfaction()
        if value == Satisfaction.DISSATISFIED.value:
            self.outcome.setText(self.tr("The order will be reopened for another repair."))
            self.outcome.setStyleSheet("color: #b3261e;")
        elif value:
            self.outcome.setText(self.tr("The order will be closed."))
            self.outcome.setStyleSheet("color: #2e7d32;")
        else:
            self.outcome.setText("")
        self.outcome.setVisible(bool(value))

    def save(self, detail: OrderDetail) -> SaveWork:
        actor, order_id, version = self.ctx.actor, self.order_id, detail.version
        data = orders.CallbackInput(
            method=str(self.method.currentData() or ""),
            satisfaction=self.selected_satisfaction(),
            person_reached=self.person_reached.text(),
            comment=self.comment.toPlainText(),
        )

        def record(db: Database) -> None:
            orders.record_callback(db, actor, order_id, version, data)

        return record
