"""Importing a bank statement: the file, which column holds which field, and every bad row.

The core posts the whole file or nothing; the import runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import statement_import
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.table_files import read_table_rows
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.messages import describe, describe_field
from wuye_desktop.ui.workers import Task, run_in_background

_FIELD_NAMES = {
    "date": QT_TRANSLATE_NOOP("StatementImportDialog", "Date"),
    "amount": QT_TRANSLATE_NOOP("StatementImportDialog", "Amount (signed)"),
    "income": QT_TRANSLATE_NOOP("StatementImportDialog", "Income"),
    "expense": QT_TRANSLATE_NOOP("StatementImportDialog", "Expense"),
    "counterparty": QT_TRANSLATE_NOOP("StatementImportDialog", "Counterparty"),
    "voucher": QT_TRANSLATE_NOOP("StatementImportDialog", "Voucher"),
    "note": QT_TRANSLATE_NOOP("StatementImportDialog", "Note"),
    "category": QT_TRANSLATE_NOOP("StatementImportDialog", "Category"),
}


class StatementImportDialog(QDialog):
    def __init__(self, ctx: AppContext, community: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.community = ctx, community
        self.task: Task | None = None
        self.outcome: statement_import.ImportResult | None = None
        self.setWindowTitle(self.tr("Import a bank statement"))
        self.resize(720, 600)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        self.columns: dict[str, QComboBox] = {}
        mapping = QFormLayout()
        for field in statement_import.FIELDS:
            box = QComboBox()
            self.columns[field] = box
            mapping.addRow(self.tr(_FIELD_NAMES[field]), box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.row_errors = QStandardItemModel(self)
        self.row_errors.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Problem")])
        errors_view = QTableView()
        errors_view.setModel(self.row_errors)
        errors_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        errors_view.verticalHeader().hide()
        errors_view.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Columns (found by their headers; change if needed):")))
        layout.addLayout(mapping)
        layout.addWidget(self.status)
        layout.addWidget(errors_view, 1)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Bank statement"), "", self.tr("Statements (*.csv *.xlsx *.xls)")
        )
        if name:
            self.set_file(name)

    def set_file(self, name: str) -> None:
        """Read the headers and preselect the columns the core recognises."""
        self.path.setText(name)
        self.row_errors.removeRows(0, self.row_errors.rowCount())
        headers: tuple[str, ...] = ()
        found: dict[str, int] = {}
        try:
            statement = statement_import.read_statement(name)
            headers, found = statement.headers, dict(statement.mapping)
            self.status.setText(self.tr("%n rows", "", len(statement.rows)))
        except WuyeError as error:
            self.status.setText(describe(error))
            try:
                headers = tuple(next((r for r in read_table_rows(Path(name)) if any(r)), []))
            except WuyeError:
                headers = ()
            for field, aliases in statement_import.ALIASES.items():  # what is recognisable
                known = {a.lower() for a in aliases}
                hit = next((i for i, h in enumerate(headers) if h.strip().lower() in known), None)
                if hit is not None:
                    found[field] = hit
        for field, box in self.columns.items():
            box.clear()
            box.addItem("", "")
            for h in headers:
                box.addItem(h, h)
            if field in found:
                box.setCurrentIndex(found[field] + 1)
        self.import_button.setEnabled(bool(headers))

    def mapping(self) -> dict[str, str]:
        return {f: str(b.currentData()) for f, b in self.columns.items() if b.currentData()}

    def start_import(self) -> None:
        db, actor, community = self.ctx.db, self.ctx.actor, self.community
        path, mapping = self.path.text(), self.mapping()
        self.import_button.setEnabled(False)
        self.row_errors.removeRows(0, self.row_errors.rowCount())
        self.task = run_in_background(
            self,
            lambda progress: statement_import.import_statement(
                db, actor, community, path, mapping, progress
            ),
            label=self.tr("Importing the statement…"),
            on_done=self._imported,
            on_error=self._refused,
            on_cancelled=lambda: self.import_button.setEnabled(True),
        )

    def _imported(self, result: statement_import.ImportResult) -> None:
        self.outcome = result
        self.status.setText(
            self.tr(
                "Imported %n entries (income {income}, expense {expense} yuan); "
                "{d} duplicates skipped.",
                "",
                result.imported,
            ).format(
                income=format_fen(result.income_fen),
                expense=format_fen(result.expense_fen),
                d=len(result.duplicates),
            )
        )

    def _refused(self, error: WuyeError) -> None:
        self.import_button.setEnabled(True)
        if not isinstance(error, ValidationError):
            self.status.setText(describe(error))
            return
        self.status.setText(self.tr("Nothing was imported. Correct these rows and try again:"))
        for item in error.errors:
            row = QStandardItem("" if item.row is None else str(item.row))
            self.row_errors.appendRow([row, QStandardItem(describe_field(item))])
