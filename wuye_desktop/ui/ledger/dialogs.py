"""The ledger's small dialogs: an entry, a reversal, closing a month, totals of a period.

Each calls one core service, on the database thread (OK is disabled until it answers); the
core's field errors are shown at the fields they name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.clock import format_local, today_local
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.ledger import months, queries, services
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS, Direction
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.ledger.months import MonthState
from wuye_desktop.core.ledger.services import CategoryView, EntryInput, EntryView
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.messages import describe, tr_core
from wuye_desktop.ui.widgets.dates import date_edit, edited_date
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    ctrl_enter_saves(dialog, box)
    return box


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A field's label whose letter (日期(&D)) puts the focus in the field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


class ServiceDialog(QDialog):
    """OK runs the service on the database thread; a refusal stays in the dialog, shown at
    the fields. OK is disabled while the service runs, so it is not asked twice."""

    errors: FormErrorDisplay
    ctx: AppContext
    first_field: QWidget | None = None  # where typing starts

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After QDialog's own choice, made once shown: it moves the focus to OK when the field
        # having it is the last before OK.
        QTimer.singleShot(0, self, self._focus_first_field)

    def _focus_first_field(self) -> None:
        if self.first_field is not None and self.first_field.isVisible():
            self.first_field.setFocus()

    def request(self) -> Callable[[Database], Any]:
        """The service call, made of the fields as they are now (read on the GUI thread)."""
        raise NotImplementedError

    def took(self, result: Any) -> None:
        """The service's answer, before the dialog closes."""

    @property
    def saving(self) -> bool:
        box = self.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
        return ok is not None and not ok.isEnabled()

    def _set_ok_enabled(self, enabled: bool) -> None:
        box = self.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
        if ok is not None:
            ok.setEnabled(enabled)

    def accept(self) -> None:
        if self.saving:
            return
        try:
            work = self.request()
        except WuyeError as error:
            self._refused(error)
            return
        self._set_ok_enabled(False)
        run_db(
            self,
            self.ctx.db,
            work,
            label=self.windowTitle(),
            on_done=self._done,
            on_error=self._refused,
        )

    def _done(self, result: Any) -> None:
        self._set_ok_enabled(True)
        self.took(result)
        super().accept()

    def _refused(self, error: WuyeError) -> None:
        self._set_ok_enabled(True)
        if isinstance(error, ValidationError):
            self.errors.show(error)
        else:
            self.errors.show_message(describe(error))


class EntryDialog(ServiceDialog):
    """A new entry: date, direction, category, amount as typed ("1,234.50"), voucher, ..."""

    def __init__(
        self,
        ctx: AppContext,
        community: int,
        categories: list[CategoryView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.community, self.categories = ctx, community, categories
        self.posted: EntryView | None = None
        self.setWindowTitle(self.tr("New entry"))
        self.date = date_edit(today_local())
        self.direction = QComboBox()
        for d in Direction:
            self.direction.addItem(tr_core(DIRECTION_LABELS[d]), d.value)
        self.category = QComboBox()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("1,234.50")
        self.voucher = QLineEdit()
        self.counterparty = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)  # Tab goes on to OK; a note needs no tab character
        self.direction.currentIndexChanged.connect(lambda _i: self._fill_categories())
        self._fill_categories()
        self.errors = FormErrorDisplay(
            {
                "date": self.date, "direction": self.direction, "category": self.category,
                "amount": self.amount, "voucher_no": self.voucher,
                "counterparty": self.counterparty, "note": self.note,
            },
            self,
        )  # fmt: skip
        form = QFormLayout(self)
        rows = (
            ("date", self.tr("&Date")), ("direction", self.tr("Di&rection")),
            ("category", self.tr("&Category")), ("amount", self.tr("&Amount (yuan)")),
            ("voucher_no", self.tr("&Voucher")), ("counterparty", self.tr("C&ounterparty")),
            ("note", self.tr("&Note")),
        )  # fmt: skip
        for field, text in rows:
            form.addRow(buddy_label(text, self.errors.widget(field)), self.errors.wrap(field))
        form.addRow(self.errors.general_label)
        form.addRow(ok_cancel_buttons(self))
        self.first_field = self.amount

    def _fill_categories(self) -> None:
        direction = self.direction.currentData()
        self.category.clear()
        for c in self.categories:
            if c.direction == direction:
                self.category.addItem(c.label, c.code)

    def request(self) -> Callable[[Database], EntryView]:
        data = EntryInput(
            edited_date(self.date),
            str(self.direction.currentData()),
            str(self.category.currentData() or ""),
            self.amount.text(),
            self.voucher.text(),
            self.counterparty.text(),
            self.note.toPlainText(),
        )
        actor, community = self.ctx.actor, self.community
        return lambda db: services.post_entry(db, actor, community, data)

    def took(self, result: Any) -> None:
        self.posted = result


class ReverseDialog(ServiceDialog):
    """Correct an entry by a reversing one: its date and the reason."""

    def __init__(
        self, ctx: AppContext, community: int, entry: EntryView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.community, self.entry = ctx, community, entry
        self.setWindowTitle(self.tr("Reverse entry #{seq}").format(seq=entry.seq))
        self.date = date_edit(today_local())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: why the entry is corrected"))
        self.errors = FormErrorDisplay({"date": self.date, "note": self.reason}, self)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr("Entry #{seq} of {day}: {amount} yuan").format(
                    seq=entry.seq,
                    day=entry.entry_date.isoformat(),
                    amount=format_fen(entry.amount_fen),
                )
            )
        )
        form.addRow(buddy_label(self.tr("&Date"), self.date), self.errors.wrap("date"))
        form.addRow(buddy_label(self.tr("&Reason"), self.reason), self.errors.wrap("note"))
        form.addRow(self.errors.general_label)
        form.addRow(ok_cancel_buttons(self))
        self.first_field = self.reason

    def request(self) -> Callable[[Database], Any]:
        actor, community, seq = self.ctx.actor, self.community, self.entry.seq
        day, note = edited_date(self.date), self.reason.text()
        return lambda db: services.reverse_entry(
            db, actor, community, seq, entry_date=day, note=note
        )


def previous_month(today: date) -> str:
    return f"{today.year - 1}-12" if today.month == 1 else f"{today.year}-{today.month - 1:02d}"


def current_quarter(today: date) -> str:
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


class CloseMonthDialog(ServiceDialog):
    """Which months are closed, by whom and when; finance closes a month (YYYY-MM) here, after
    confirming it by name, since nothing more may be posted into it and it cannot be undone.
    The dialog stays open to show what was closed; ``closed_months`` tells the register."""

    closed_months = Signal(list)

    def __init__(
        self, ctx: AppContext, community: int, can_close: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.community, self.can_close = ctx, community, can_close
        self.confirm: QMessageBox | None = None
        self._reads = DbChannel(self)
        self.setWindowTitle(self.tr("Close a month") if can_close else self.tr("Closed months"))
        self.resize(560, 480)
        self.months = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.months)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.period = QLineEdit(previous_month(today_local()))
        self.period.setPlaceholderText("2026-07")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.errors = FormErrorDisplay({"period": self.period}, self)
        layout = QVBoxLayout(self)
        layout.addWidget(buddy_label(self.tr("&Months"), self.table))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        layout.addLayout(form)
        if can_close:
            form.addRow(
                QLabel(self.tr("Earlier open months are closed with it. This cannot be undone."))
            )
            form.addRow(buddy_label(self.tr("Month to &close"), self.period),
                        self.errors.wrap("period"))  # fmt: skip
            form.addRow(self.errors.general_label)
            form.addRow(self.status)
            form.addRow(ok_cancel_buttons(self))
            # choosing an open month in the list offers it for closing
            self.table.selectionModel().currentRowChanged.connect(
                lambda current, _previous: self._offer(current.row())
            )
        else:
            self.period.hide()
            form.addRow(self.errors.general_label)
            close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            close.rejected.connect(self.reject)
            form.addRow(close)
        self.states: list[MonthState] = []
        self.read_months()
        self.first_field = self.period

    def read_months(self) -> None:
        actor, community = self.ctx.actor, self.community
        self._reads.submit(
            self.ctx.db,
            lambda db: months.month_states(db, actor, community),
            label=self.tr("Reading the months…"),
            on_done=self._show_months,
            on_error=lambda error: self.errors.show_message(describe(error)),
        )

    def _show_months(self, states: list[MonthState]) -> None:
        self.states = states
        self.months.clear()
        self.months.setHorizontalHeaderLabels(
            [self.tr("Month"), self.tr("State"), self.tr("Entries"), self.tr("Closed by"),
             self.tr("Closed at")]
        )  # fmt: skip
        for m in states:
            state = QStandardItem(self.tr("Closed") if m.closed else self.tr("Open"))
            if m.closed:
                state.setForeground(QColor("#616161"))
            else:
                state.setForeground(QColor("#2e7d32"))
            self.months.appendRow(
                [
                    QStandardItem(m.period), state, QStandardItem(str(m.entries)),
                    QStandardItem(m.closed_by),
                    QStandardItem("" if m.closed_at is None else format_local(m.closed_at)),
                ]
            )  # fmt: skip
        self.table.resizeColumnsToContents()

    def _offer(self, row: int) -> None:
        if 0 <= row < len(self.states) and not self.states[row].closed:
            self.period.setText(self.states[row].period)

    def accept(self) -> None:
        """Ask first, naming the month; closing runs only on Yes."""
        if self.saving or not self.can_close:
            return
        self.errors.clear()
        month = self.period.text().strip()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Close a month"),
            self.tr(
                "Close {month}? Nothing more can be posted into {month} or any open month "
                "before it, and closing cannot be undone."
            ).format(month=month),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Close {month}").format(
            month=month))  # fmt: skip
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter alone does not close
        box.finished.connect(lambda result: self._confirmed(box, result))
        self.confirm = box
        box.open()

    def _confirmed(self, box: QMessageBox, _result: int) -> None:
        self.confirm = None
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            super().accept()

    def request(self) -> Callable[[Database], Any]:
        actor, community, period = self.ctx.actor, self.community, self.period.text()
        return lambda db: services.close_period(db, actor, community, period)

    def _done(self, result: Any) -> None:
        # Stay open: the list shows the month closed, and the line says so.
        self._set_ok_enabled(True)
        closed: list[str] = list(result)
        self.status.setText(
            self.tr("Closed: {months}.").format(months=", ".join(closed))
            if len(closed) > 1
            else self.tr("{month} is closed.").format(month=closed[0])
        )
        self.status.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.closed_months.emit(closed)
        self.read_months()


class TotalsDialog(QDialog):
    """A period's totals by category, and every month's opening and closing balance."""

    def __init__(
        self,
        ctx: AppContext,
        community: int,
        labels: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.community, self.labels = ctx, community, labels
        self._totals_reads = DbChannel(self)
        self.setWindowTitle(self.tr("Totals"))
        self.resize(720, 560)
        self.period = QLineEdit(current_quarter(today_local()))
        self.period.setPlaceholderText("2026Q3 / 2026-07")
        self.period.returnPressed.connect(self.show_totals)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.show_totals)
        self.errors = FormErrorDisplay({"period": self.period}, self)
        self.summary = QLabel()
        self.totals = QStandardItemModel(self)
        self.months = QStandardItemModel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.errors.wrap("period"), 1)
        top.addWidget(show)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self._view(self.totals), 1)
        layout.addWidget(QLabel(self.tr("Months")))
        layout.addWidget(self._view(self.months), 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.show_totals()
        self._fill_months()

    def _view(self, model: QStandardItemModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        return view

    @staticmethod
    def _money(fen: int) -> QStandardItem:
        item = QStandardItem(format_fen(fen))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def show_totals(self) -> None:
        """Read the period's totals on the database thread; the old ones stay until then."""
        actor, community, period = self.ctx.actor, self.community, self.period.text()
        self._totals_reads.submit(
            self.ctx.db,
            lambda db: queries.period_totals(db, actor, community, period),
            label=self.tr("Reading the totals…"),
            on_done=self._show_totals,
            on_error=self._refused,
        )

    def _refused(self, error: WuyeError) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error)
        else:
            self.errors.show_message(describe(error))

    def _show_totals(self, t: queries.PeriodTotals) -> None:
        self.errors.clear()
        self.summary.setText(
            self.tr(
                "{period}: opening {opening}, income {income}, expense {expense}, "
                "closing {closing} yuan; %n entries",
                "",
                t.entries,
            ).format(
                period=t.period.label,
                opening=format_fen(t.opening_fen),
                income=format_fen(t.income_fen),
                expense=format_fen(t.expense_fen),
                closing=format_fen(t.closing_fen),
            )
        )
        self.totals.clear()
        self.totals.setHorizontalHeaderLabels(
            [self.tr("Direction"), self.tr("Category"), self.tr("Amount (yuan)")]
        )
        for direction, amounts in ((Direction.INCOME, t.income), (Direction.EXPENSE, t.expense)):
            for code, fen in sorted(amounts.items()):
                self.totals.appendRow(
                    [
                        QStandardItem(tr_core(DIRECTION_LABELS[direction])),
                        QStandardItem(self.labels.get(code, code)),
                        self._money(fen),
                    ]
                )

    def _fill_months(self) -> None:
        actor, community = self.ctx.actor, self.community
        run_db(
            self,
            self.ctx.db,
            lambda db: queries.month_summaries(db, actor, community),
            label=self.tr("Reading the months…"),
            on_done=self._show_months,
            on_error=lambda error: self.errors.show_message(describe(error)),
        )

    def _show_months(self, rows: list[queries.MonthSummary]) -> None:
        self.months.setHorizontalHeaderLabels(
            [
                self.tr("Month"), self.tr("Opening"), self.tr("Income"), self.tr("Expense"),
                self.tr("Closing"), self.tr("Entries"), self.tr("Closed"),
            ]
        )  # fmt: skip
        for m in rows:
            self.months.appendRow(
                [
                    QStandardItem(m.period), self._money(m.opening_fen),
                    self._money(m.income_fen), self._money(m.expense_fen),
                    self._money(m.closing_fen), QStandardItem(str(m.entries)),
                    QStandardItem(self.tr("Yes") if m.closed else ""),
                ]
            )  # fmt: skip
