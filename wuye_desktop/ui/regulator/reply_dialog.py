"""Replying to the regulator about the ticket an order was made from (已解决/处理中/非本单位职责).

One core call, ``inbox.reply_to_ticket``: the reply, its timeline entry and its outbox event
commit together, and the next sync sends it. The reason is asked for (and required) only
when the ticket is not the company's to handle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from wuye_desktop.core.clock import format_local, now_utc, to_local
from wuye_desktop.core.orders import OrderDetail
from wuye_desktop.regulator import inbox
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.work_orders.action_dialog import ExtraRead, OrderActionDialog, SaveWork

if TYPE_CHECKING:
    from wuye_desktop.storage.models import RegulatorTicket

CONTENT_MAX = inbox.MAX_TEXT


class ReplyDialog(OrderActionDialog):
    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, order_id, parent)
        self.setWindowTitle(self.tr("Reply to the regulator"))
        self.ticket_label = QLabel()
        self.ticket_label.setWordWrap(True)
        self.column.insertWidget(1, self.ticket_label)
        # Not "result": that would hide QDialog.result(), the code the dialog ended with.
        self.result_box = QComboBox()
        for code in labels.RESULTS:
            self.result_box.addItem(labels.result_text(code), code)
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("What was done, or what happens next"))
        self.content.setMinimumHeight(90)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.reason.setPlaceholderText(self.tr("Whose responsibility it is, and why"))
        self.add_field("result", self.tr("&Result"), self.result_box)
        self.add_field("content", self.tr("&Content"), self.content)
        self.reason_caption = self.add_field("reason", self.tr("Rea&son"), self.reason)
        self.result_box.currentIndexChanged.connect(lambda _i: self._result_changed())
        self.ok_button_text(self.tr("Send reply"))
        self.load()
        self._result_changed()

    def extra_read(self) -> ExtraRead:
        return lambda db, detail: inbox.ticket_of_order(db, detail.id)

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        if first:
            self.content.setFocus()
        ticket = cast("RegulatorTicket | None", self.extra)  # read with the order
        if ticket is None:
            self.ticket_label.setText(self.tr("This order did not come from the regulator."))
            return
        due = ticket.reply_due_at
        late = due is not None and to_local(due) < now_utc()
        text = self.tr("Ticket {ticket} · {level} · reply due {due}").format(
            ticket=ticket.ticket_id,
            level=labels.level_text(ticket.level),
            due=format_local(due) or "—",
        )
        if late:
            text += " · " + self.tr("overdue")
        self.ticket_label.setText(text)
        colour = labels.BAD_COLOUR.name() if late else "#5f6b7a"
        self.ticket_label.setStyleSheet(f"color: {colour};")

    def _result_changed(self) -> None:
        needs_reason = self.result_box.currentData() == "not_responsible"
        self.reason.setEnabled(needs_reason)
        self.reason_caption.setEnabled(needs_reason)
        if not needs_reason:
            self.errors.clear_field("reason")

    def save(self, detail: OrderDetail) -> SaveWork:
        needs_reason = self.result_box.currentData() == "not_responsible"
        actor, order_id = self.ctx.actor, detail.id
        data = inbox.ReplyInput(
            result=str(self.result_box.currentData()),
            content=self.content.toPlainText(),
            reason=self.reason.toPlainText() if needs_reason else "",
        )

        def reply(db: Database) -> None:
            inbox.reply_to_ticket(db, actor, order_id, data)

        return reply
