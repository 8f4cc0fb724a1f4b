"""The ledger's small dialogs: an entry, a reversal, closing a month, totals of a period.

Each calls one core service; the core's field errors are shown at the fields they name.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS, Direction
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.ledger.services import CategoryView, EntryInput, EntryView
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.messages import describe, tr_core
from wuye_desktop.ui.widgets.dates import date_edit, edited_date
from wuye_desktop.ui.widgets.form import FormErrorDisplay


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ServiceDialog(QDialog):
    """OK runs the service; a refusal stays in the dialog, shown at the fields."""

    errors: FormErrorDisplay

    def run(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.run()
        except ValidationError as error:
            self.errors.show(error)
            return
        except WuyeError as error:
            self.errors.show_message(describe(error))
            return
        super().accept()


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
        form.addRow(self.tr("Date"), self.errors.wrap("date"))
        form.addRow(self.tr("Direction"), self.errors.wrap("direction"))
        form.addRow(self.tr("Category"), self.errors.wrap("category"))
        form.addRow(self.tr("Amount (yuan)"), self.errors.wrap("amount"))
        form.addRow(self.tr("Voucher"), self.errors.wrap("voucher_no"))
        form.addRow(self.tr("Counterparty"), self.errors.wrap("counterparty"))
        form.addRow(self.tr("Note"), self.errors.wrap("note"))
        form.addRow(self.errors.general_label)
        form.addRow(ok_cancel_buttons(self))
        self.amount.setFocus()

    def _fill_categories(self) -> None:
        direction = self.direction.currentData()
        self.category.clear()
        for c in self.categories:
            if c.direction == direction:
                self.category.addItem(c.label, c.code)

    def run(self) -> None:
        data = EntryInput(
            edited_date(self.date),
            str(self.direction.currentData()),
            str(self.category.currentData() or ""),
            self.amount.text(),
            self.voucher.text(),
            self.counterparty.text(),
            self.note.toPlainText(),
        )
        self.posted = services.post_entry(self.ctx.db, self.ctx.actor, self.community, data)


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
        form.addRow(self.tr("Date"), self.errors.wrap("date"))
        form.addRow(self.tr("Reason"), self.errors.wrap("note"))
        form.addRow(self.errors.general_label)
        form.addRow(ok_cancel_buttons(self))

    def run(self) -> None:
        services.reverse_entry(
            self.ctx.db, self.ctx.actor, self.community, self.entry.seq,
            entry_date=edited_date(self.date), note=self.reason.text(),
        )  # fmt: skip


def previous_month(today: date) -> str:
    return f"{today.year - 1}-12" if today.month == 1 else f"{today.year}-{today.month - 1:02d}"


def current_quarter(today: date) -> str:
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


class CloseMonthDialog(ServiceDialog):
    """Close a month (YYYY-MM): nothing more may be posted into it."""

    def __init__(self, ctx: AppContext, community: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.community = ctx, community
        self.setWindowTitle(self.tr("Close a month"))
        self.period = QLineEdit(previous_month(today_local()))
        self.period.setPlaceholderText("2026-07")
        self.errors = FormErrorDisplay({"period": self.period}, self)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("Earlier open months are closed with it. This cannot be undone."))
        )
        form.addRow(self.tr("Month"), self.errors.wrap("period"))
        form.addRow(self.errors.general_label)
        form.addRow(ok_cancel_buttons(self))

    def run(self) -> None:
        services.close_period(self.ctx.db, self.ctx.actor, self.community, self.period.text())


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
        try:
            t = queries.period_totals(
                self.ctx.db, self.ctx.actor, self.community, self.period.text()
            )
        except ValidationError as error:
            self.errors.show(error)
            return
        except WuyeError as error:
            self.errors.show_message(describe(error))
            return
        self.errors.clear()
        self.summary.setText(
            self.tr(
                "{period}: opening {opening}, income {income}, expense {expense}, "
                "closing {closing} yuan; {n} entries"
            ).format(
                period=t.period.label,
                opening=format_fen(t.opening_fen),
                income=format_fen(t.income_fen),
                expense=format_fen(t.expense_fen),
                closing=format_fen(t.closing_fen),
                n=t.entries,
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
        try:
            rows = queries.month_summaries(self.ctx.db, self.ctx.actor, self.community)
        except WuyeError as error:
            self.errors.show_message(describe(error))
            return
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
