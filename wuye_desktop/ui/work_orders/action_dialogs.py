"""The dialogs of the desk's moves on an order: dispatch/transfer, start (with the commitment of
a promised repair), commitment, complete, close, cancel, pause, note.

Each makes one core call (see action_dialog.py for how refusals are shown). Which of them the
tab offers, and what they ask for, follows core.orders.actions, as do the services' refusals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.orders import (
    Action,
    OrderDetail,
    OrderState,
    dispatch_is_transfer,
    permitted_actions,
    start_needs_commitment,
)
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.action_dialog import Channels, OrderActionDialog, SaveWork
from wuye_desktop.ui.work_orders.handler_picker import HandlerPicker

NOTE_MAX = 500
DEFAULT_PROMISE_DAYS = 7


def _line(max_length: int = NOTE_MAX) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    return edit


# --- dispatch / transfer -----------------------------------------------------------------------


class DispatchDialog(OrderActionDialog):
    """Send the order to a channel and a handler; on a dispatched order this is a transfer."""

    needs_channels = True

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, order_id, parent)
        self._prefilled_handler = ""
        self.channel = QComboBox()
        self.handler = _line(100)
        self.handler_hint = QLabel()
        self.picker = HandlerPicker(ctx, self.handler, self.handler_hint, self)
        self.note = _line()
        self.add_field("channel", self.tr("&Channel"), self.channel)
        self.add_field("handler", self.tr("&Handler"), self.handler)
        self.form.addRow("", self.handler_hint)
        self.add_field("note", self.tr("&Note"), self.note)
        self.handler.setPlaceholderText(
            self.tr("Type part of a name, or ↓ for the staff directory")
        )
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.load()

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        transfer = dispatch_is_transfer(detail.row.status)
        self.setWindowTitle(self.tr("Transfer order") if transfer else self.tr("Dispatch order"))
        self.ok_button_text(self.tr("Transfer") if transfer else self.tr("Dispatch"))
        if not first:
            return
        self.channel.blockSignals(True)
        for channel in Channel:
            text = labels.channel_text(channel.value)
            view = self.channels.get(channel.value)
            if view is not None and view.unit_name:
                text = f"{text} — {view.unit_name}"
            self.channel.addItem(text, channel.value)
        self.channel.setCurrentIndex(max(0, self.channel.findData(detail.row.channel)))
        self.channel.blockSignals(False)
        if detail.row.handler:
            self.handler.setText(detail.row.handler)
        else:
            self._prefill_handler()
        self._ask_choices()
        self.handler.setFocus()
        self.handler.selectAll()

    def _ask_choices(self) -> None:
        if self.detail is not None:
            channel = str(self.channel.currentData() or "")
            self.picker.ask(self.detail.community_id, self.detail.row.category, channel)

    def _prefill_handler(self) -> None:
        """The channel's contact, unless the user typed somebody else."""
        if self.handler.text() and self.handler.text() != self._prefilled_handler:
            return
        view = self.channels.get(str(self.channel.currentData()))
        self._prefilled_handler = view.contact if view is not None else ""
        self.handler.setText(self._prefilled_handler)

    def _channel_changed(self, _index: int) -> None:
        self._prefill_handler()
        self._ask_choices()

    def save(self, detail: OrderDetail) -> SaveWork:
        actor, order_id, version = self.ctx.actor, self.order_id, detail.version
        channel = str(self.channel.currentData() or "")
        handler, note = self.handler.text(), self.note.text()
        handler_id = self.picker.picked_id(channel)

        def dispatch(db: Database) -> None:
            orders.dispatch(
                db,
                actor,
                order_id,
                version,
                channel=channel,
                handler=handler,
                handler_id=handler_id,
                note=note,
            )

        return dispatch


# --- the commitment of a promised repair -------------------------------------------------------


class CommitmentFields:
    """Plan, promised date, responsible unit and person, added to a dialog's form from
    *first_row* on (at its end if negative)."""

    def __init__(self, dialog: OrderActionDialog, first_row: int = -1) -> None:
        self.plan = QPlainTextEdit()
        self.plan.setTabChangesFocus(True)
        self.plan.setFixedHeight(self.plan.fontMetrics().height() * 3 + 12)
        self.promised_date = QDateEdit()
        self.promised_date.setCalendarPopup(True)
        self.promised_date.setDisplayFormat("yyyy-MM-dd")
        today = today_local()
        self.promised_date.setDate(_qdate(today + timedelta(days=DEFAULT_PROMISE_DAYS)))
        self.responsible_unit = _line(200)
        self.responsible_person = _line(100)
        self.responsible_phone = _line(40)
        rows = iter(range(first_row, first_row + 5)) if first_row >= 0 else iter([-1] * 5)
        dialog.add_field(
            "plan", QCoreApplication.translate("WorkOrders", "&Plan"), self.plan, next(rows)
        )
        dialog.add_field(
            "promised_date",
            QCoreApplication.translate("WorkOrders", "Promised &date"),
            self.promised_date,
            next(rows),
        )
        dialog.add_field(
            "responsible_unit",
            QCoreApplication.translate("WorkOrders", "Responsible &unit"),
            self.responsible_unit,
            next(rows),
        )
        dialog.add_field(
            "responsible_person",
            QCoreApplication.translate("WorkOrders", "Responsible p&erson"),
            self.responsible_person,
            next(rows),
        )
        dialog.add_field(
            "responsible_phone",
            QCoreApplication.translate("WorkOrders", "Responsible person's p&hone"),
            self.responsible_phone,
            next(rows),
        )
        self.plan.setPlaceholderText(
            QCoreApplication.translate("WorkOrders", "What will be done, and how")
        )

    def widgets(self) -> list[QWidget]:
        return [
            self.plan,
            self.promised_date,
            self.responsible_unit,
            self.responsible_person,
            self.responsible_phone,
        ]

    def prefill(self, channels: Channels, detail: OrderDetail) -> None:
        view = channels.get(detail.row.channel)
        if view is not None:
            self.responsible_unit.setText(view.unit_name)
            self.responsible_person.setText(view.contact)
            self.responsible_phone.setText(view.phone)

    def value(self) -> orders.CommitmentInput:
        return orders.CommitmentInput(
            plan=self.plan.toPlainText(),
            promised_date=_pydate(self.promised_date.date()),
            responsible_unit=self.responsible_unit.text(),
            responsible_person=self.responsible_person.text(),
            responsible_phone=self.responsible_phone.text(),
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _issue_hint(dialog: OrderActionDialog) -> QLabel:
    """Told up front rather than after typing: issuing is for managers (the core decides)."""
    hint = QLabel(
        QCoreApplication.translate(
            "WorkOrders",
            "Issuing a commitment letter needs a manager or an administrator; ask one to "
            "issue it first.",
        )
    )
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #8a5a00;")
    return hint


class StartWorkDialog(OrderActionDialog):
    """Work begins. A promised order without its commitment gets the commitment form here."""

    needs_channels = True  # to prefill the commitment, if one is asked for

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, order_id, parent)
        self.setWindowTitle(self.tr("Start work"))
        self.ok_button_text(self.tr("Start work"))
        self.note = _line()
        self.commitment: CommitmentFields | None = None
        self.commitment_title = QLabel()
        self.commitment_title.setWordWrap(True)
        self.add_field("note", self.tr("&Note"), self.note)
        self.load()  # the commitment form, if asked for, goes above the note

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        needs = start_needs_commitment(OrderState.of(detail))
        if needs and self.commitment is None:
            self.commitment_title.setText(
                "<b>"
                + self.tr(
                    "A promised repair starts with its written commitment. It gets a "
                    "commitment number; the letter is printed from it."
                )
                + "</b>"
            )
            self.form.insertRow(0, self.commitment_title)
            row = 1
            if Action.ISSUE_COMMITMENT not in permitted_actions(self.ctx.actor):
                self.form.insertRow(row, _issue_hint(self))
                row += 1
            self.commitment = CommitmentFields(self, first_row=row)
            self.commitment.prefill(self.channels, detail)
            self.commitment.plan.setFocus()
        elif not needs and self.commitment is not None:
            # Somebody issued it meanwhile (seen after a reload): it is no longer asked for.
            for widget in self.commitment.widgets():
                widget.setEnabled(False)
            self.commitment = None
            self.commitment_title.setText(self.tr("The commitment has been issued meanwhile."))
        if first and self.commitment is None:
            self.note.setFocus()

    def save(self, detail: OrderDetail) -> SaveWork:
        actor, order_id, version = self.ctx.actor, self.order_id, detail.version
        note = self.note.text()
        commitment = self.commitment.value() if self.commitment is not None else None

        def start(db: Database) -> None:
            orders.start_work(db, actor, order_id, version, note=note, commitment=commitment)

        return start


class CommitmentDialog(OrderActionDialog):
    """Issue the commitment of a promised order before work starts (managers)."""

    needs_channels = True

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, order_id, parent)
        self.setWindowTitle(self.tr("Issue commitment"))
        self.ok_button_text(self.tr("Issue"))
        self.fields = CommitmentFields(self)
        self.load()

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        if first:
            self.fields.prefill(self.channels, detail)
            self.fields.plan.setFocus()

    def save(self, detail: OrderDetail) -> SaveWork:
        actor, order_id, version = self.ctx.actor, self.order_id, detail.version
        value = self.fields.value()

        def issue(db: Database) -> None:
            orders.issue_commitment(db, actor, order_id, version, value)

        return issue


# --- moves that take one line of text ----------------------------------------------------------

TextCall = Callable[[Database, Actor, int, OrderDetail, str], None]
"""The move's core call: run on the database thread with the text typed."""


class TextActionDialog(OrderActionDialog):
    """A move with one text: a note, a reason. *field* is the core's name for it."""

    def __init__(
        self,
        ctx: AppContext,
        order_id: int,
        parent: QWidget | None,
        *,
        title: str,
        ok_text: str,
        field: str,
        label: str,
        placeholder: str,
        call: TextCall,
    ) -> None:
        super().__init__(ctx, order_id, parent)
        self._call = call
        self.setWindowTitle(title)
        self.ok_button_text(ok_text)
        self.text = _line()
        self.text.setPlaceholderText(placeholder)
        self.add_field(field, label, self.text)
        self.load()

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        if first:
            self.text.setFocus()

    def save(self, detail: OrderDetail) -> SaveWork:
        call, actor, order_id, text = self._call, self.ctx.actor, self.order_id, self.text.text()
        return lambda db: call(db, actor, order_id, detail, text)


def complete_dialog(ctx: AppContext, order_id: int, parent: QWidget | None) -> TextActionDialog:
    def call(db: Database, actor: Actor, oid: int, d: OrderDetail, text: str) -> None:
        orders.complete(db, actor, oid, d.version, text)

    return TextActionDialog(
        ctx,
        order_id,
        parent,
        title=QCoreApplication.translate("WorkOrders", "Complete order"),
        ok_text=QCoreApplication.translate("WorkOrders", "Complete"),
        field="result",
        label=QCoreApplication.translate("WorkOrders", "&Result"),
        placeholder=QCoreApplication.translate(
            "WorkOrders", "Required: what was found and done, e.g. replaced the pipe joint"
        ),
        call=call,
    )


def close_dialog(ctx: AppContext, order_id: int, parent: QWidget | None) -> TextActionDialog:
    def call(db: Database, actor: Actor, oid: int, d: OrderDetail, text: str) -> None:
        orders.close(db, actor, oid, d.version, text)

    return TextActionDialog(
        ctx,
        order_id,
        parent,
        title=QCoreApplication.translate("WorkOrders", "Close without callback"),
        ok_text=QCoreApplication.translate("WorkOrders", "Close order"),
        field="note",
        label=QCoreApplication.translate("WorkOrders", "&Why"),
        placeholder=QCoreApplication.translate(
            "WorkOrders", "e.g. the owner could not be reached three times"
        ),
        call=call,
    )


def cancel_dialog(ctx: AppContext, order_id: int, parent: QWidget | None) -> TextActionDialog:
    def call(db: Database, actor: Actor, oid: int, d: OrderDetail, text: str) -> None:
        orders.cancel(db, actor, oid, d.version, text)

    return TextActionDialog(
        ctx,
        order_id,
        parent,
        title=QCoreApplication.translate("WorkOrders", "Cancel order"),
        ok_text=QCoreApplication.translate("WorkOrders", "Cancel order"),
        field="reason",
        label=QCoreApplication.translate("WorkOrders", "&Reason"),
        placeholder=QCoreApplication.translate("WorkOrders", "e.g. the owner fixed it himself"),
        call=call,
    )


def pause_dialog(ctx: AppContext, order_id: int, parent: QWidget | None) -> TextActionDialog:
    def call(db: Database, actor: Actor, oid: int, d: OrderDetail, text: str) -> None:
        orders.pause(db, actor, oid, d.version, text)

    return TextActionDialog(
        ctx,
        order_id,
        parent,
        title=QCoreApplication.translate("WorkOrders", "Pause the clock"),
        ok_text=QCoreApplication.translate("WorkOrders", "Pause"),
        field="reason",
        label=QCoreApplication.translate("WorkOrders", "&Reason"),
        placeholder=QCoreApplication.translate(
            "WorkOrders", "e.g. waiting for the owner's access, or for parts"
        ),
        call=call,
    )


def note_dialog(ctx: AppContext, order_id: int, parent: QWidget | None) -> TextActionDialog:
    def call(db: Database, actor: Actor, oid: int, _d: OrderDetail, text: str) -> None:
        orders.add_note(db, actor, oid, text)

    return TextActionDialog(
        ctx,
        order_id,
        parent,
        title=QCoreApplication.translate("WorkOrders", "Add note"),
        ok_text=QCoreApplication.translate("WorkOrders", "Add note"),
        field="note",
        label=QCoreApplication.translate("WorkOrders", "&Note"),
        placeholder=QCoreApplication.translate(
            "WorkOrders", "Goes on the timeline, signed with your name"
        ),
        call=call,
    )
