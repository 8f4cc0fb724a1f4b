"""Importing a household roster (Excel or CSV) into a community, with its row-by-row report.

The import runs off the GUI thread with a progress dialog (ui/workers.py). A roster with any bad
row is refused whole by the core; the dialog then lists every problem (row, column, reason) so
the file can be fixed and imported again. Nothing is half-imported, also when cancelled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication
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

from wuye_desktop.core import directory, roster
from wuye_desktop.core.errors import FieldError, ValidationError, WuyeError
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.directory.pane import Banner
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.workers import Task, run_in_background

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class ImportErrorsModel(QAbstractTableModel):
    """The problems of a refused roster: row, column header as in the file, reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems: list[FieldError] = []

    def set_problems(self, problems: list[FieldError]) -> None:
        self.beginResetModel()
        self.problems = sorted(problems, key=lambda e: e.row or 0)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Row"), self.tr("Column"), self.tr("Problem")]

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: AnyIndex = _TOP) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def cell(self, row: int, column: int) -> str:
        problem = self.problems[row]
        if column == 0:
            return "" if problem.row is None else str(problem.row)
        if column == 1:
            return problem.field
        return messages.describe_field(problem)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        return None

    def as_text(self) -> str:
        """Tab-separated, for pasting into the spreadsheet being fixed."""
        lines = ["\t".join(self.headers())]
        for row in range(len(self.problems)):
            lines.append("\t".join(self.cell(row, c) for c in range(3)))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self.problems:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.problems) - 1, 2))


class ImportDialog(Retranslating, QDialog):
    """Pick a roster and a community, import, and see the summary or every refused row."""

    def __init__(
        self,
        ctx: AppContext,
        community_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.report: roster.ImportReport | None = None

        self.file_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        self.community = QComboBox()
        self.errors = FormErrorDisplay({"file": self.file_edit, "community": self.community}, self)
        file_layout.addWidget(self.errors.wrap("file"), 1)
        file_layout.addWidget(self.browse_button, 0, Qt.AlignmentFlag.AlignTop)
        self.file_label = QLabel()
        self.file_label.setBuddy(self.file_edit)
        self.community_label = QLabel()
        self.community_label.setBuddy(self.community)
        self.columns_hint = QLabel()
        self.columns_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.file_label, file_row)
        form.addRow(self.community_label, self.errors.wrap("community"))
        form.addRow(self.columns_hint)

        self.summary = Banner()
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_model = ImportErrorsModel(self)
        self.problems_view = QTableView()
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.verticalHeader().hide()
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.problems_view.setColumnWidth(0, 60)
        self.problems_view.setColumnWidth(1, 120)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._copy_problems)
        problems_head = QHBoxLayout()
        problems_head.addWidget(self.problems_label, 1)
        problems_head.addWidget(self.copy_button)
        self.problems_box = QWidget()
        problems_layout = QVBoxLayout(self.problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addLayout(problems_head)
        problems_layout.addWidget(self.problems_view, 1)
        self.problems_box.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_box, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

        self._fill_communities(community_code)
        self.retranslate()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import household roster"))
        self.file_label.setText(self.tr("&File"))
        self.file_edit.setPlaceholderText(self.tr("An Excel (.xlsx) or CSV roster"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.community_label.setText(self.tr("&Community"))
        required = ", ".join(roster.COLUMN_LABELS[f] for f in roster.REQUIRED_COLUMNS)
        optional = ", ".join(
            roster.COLUMN_LABELS[f] for f in roster.FIELDS if f not in roster.REQUIRED_COLUMNS
        )
        self.columns_hint.setText(
            self.tr(
                "Columns: {required} (required); {optional}. A roster with any bad row is "
                "refused whole, with every problem listed; households already present are "
                "updated."
            ).format(required=required, optional=optional)
        )
        self.problems_label.setText(
            self.tr("Nothing was imported. Fix these rows in the file and import it again:")
        )
        self.copy_button.setText(self.tr("Co&py list"))
        self.import_button.setText(self.tr("&Import"))
        self.problems_model.retranslate()

    # -- input -------------------------------------------------------------------------------

    def _fill_communities(self, preferred: str | None) -> None:
        try:
            communities = directory.list_communities(self.ctx.db, self.ctx.actor)
        except WuyeError as e:
            messages.show_error(self, e)
            communities = []
        for c in communities:
            self.community.addItem(f"{c.name} ({c.code})", c.code)
        if preferred:
            self.community.setCurrentIndex(max(0, self.community.findData(preferred)))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            self.file_edit.text(),
            self.tr("Rosters (*.xlsx *.xls *.csv);;All files (*)"),
        )
        if path:
            self.file_edit.setText(path)
            self.errors.clear_field("file")

    def _copy_problems(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.problems_model.as_text())

    # -- importing ---------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.task is not None and self.task.is_running:
            return
        self.errors.clear()
        self.summary.clear_text()
        self.problems_box.hide()
        path = self.file_edit.text().strip()
        code = self.community.currentData()
        if not path:
            self.errors.show_message(self.tr("Choose the roster file"), "file")
            self.file_edit.setFocus()
            return
        if not code:
            self.errors.show_message(self.tr("Add the community first"), "community")
            return
        ctx = self.ctx
        self._set_running(True)
        self.task = run_in_background(
            self,
            lambda progress: roster.import_households(
                ctx.db, ctx.actor, Path(path), str(code), progress
            ),
            label=self.tr("Importing households…"),
            on_done=self._imported,
            on_error=self._refused,
            on_cancelled=self._cancelled,
        )
        self.task.finished.connect(lambda: self._set_running(False))

    def _set_running(self, running: bool) -> None:
        for w in (self.import_button, self.browse_button, self.file_edit, self.community):
            w.setEnabled(not running)

    def _imported(self, report: roster.ImportReport) -> None:
        self.report = report
        self.summary.show_text(
            self.tr(
                "Imported %n rows: {added} added, {updated} updated, {unchanged} unchanged.",
                "",
                report.rows,
            ).format(
                added=report.added,
                updated=report.updated,
                unchanged=report.unchanged,
            )
        )
        if report.added or report.updated:
            self.ctx.signals.directory_changed.emit()
        self.close_button.setFocus()

    def _refused(self, error: WuyeError) -> None:
        if not isinstance(error, ValidationError):
            messages.show_error(self, error)
            return
        at_file = [e for e in error.errors if e.field == "file" and e.row is None]
        rows = [e for e in error.errors if e not in at_file]
        if at_file:
            self.errors.show(ValidationError(at_file))
        if rows:
            self.problems_model.set_problems(rows)
            self.problems_box.show()
            self.summary.show_text(
                self.tr("The roster was refused: %n problem(s).", "", len(rows)),
                "warning",
            )
            self.problems_view.setFocus()

    def _cancelled(self) -> None:
        self.summary.show_text(self.tr("Cancelled; nothing was imported."), "warning")

    def reject(self) -> None:
        # Closing mid-import would leave the user not knowing whether it happened.
        if self.task is not None and self.task.is_running:
            self.task.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None and self.task.is_running:
            self.task.cancel()
            event.ignore()
            return
        super().closeEvent(event)
