"""Administration → Audit log: every change and phone reveal, newest first, searchable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import audit, audit_words
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.db_lazy_table import DbLazyTableModel
from wuye_desktop.ui.widgets.lazy_table import Column

AUDIT_CONTEXT = audit_words.CONTEXT


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def object_text(row: audit.AuditRow) -> str:
    return audit_words.object_words(row.entity, row.entity_id, row.object_name, _translate)


def detail_text(row: audit.AuditRow) -> str:
    return audit_words.detail_text(row.detail, _translate)


def _heading(source: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate(AUDIT_CONTEXT, source)


def _columns() -> list[Column]:
    return [
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Time")),
            lambda r: format_local(r.at, with_seconds=True),
        ),
        # People by name; the codes an administrator may search for stay in the tooltips.
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "User")),
            lambda r: r.staff or r.username,
            tooltip=lambda r: r.username,
        ),
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Action")),
            lambda r: audit_words.action_words(r.action, _translate),
            tooltip=lambda r: r.action,
        ),
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Object")),
            object_text,
            tooltip=lambda r: f"{r.entity} {r.entity_id}".strip(),
        ),
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Details")),
            detail_text,
            tooltip=lambda r: f"{detail_text(r)}\n{r.detail}" if r.detail else "",
        ),
    ]


class AuditPage(Retranslating, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._search_label = QLabel()
        self._search_label.setBuddy(self.search)
        self.count_label = QLabel()
        # Wait for a pause in typing before asking the database.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        # The matching ids, then the rows as they are shown, come from the database thread;
        # the table shows the previous search until the new one's ids arrive.
        self._ids = DbChannel(self)
        self.model = DbLazyTableModel(
            _columns(),
            lambda: ctx.db,
            lambda db, ids: audit.audit_rows(db, ctx.actor, ids),
            lambda row: row.id,
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed widths: resizing to contents would fetch every row of a long log.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((160, 100, 180, 200)):
            header.resizeSection(column, width)

        top = QHBoxLayout()
        top.addWidget(self._search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self._search_label.setText(self.tr("&Search"))
        self.search.setPlaceholderText(self.tr("User, action, household code or any detail"))
        self.model.retranslate()
        self.model.refresh_rows()
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n entries", "", self.model.rowCount()))

    @property
    def loading(self) -> bool:
        """A search's ids, or rows being shown, are on their way."""
        return self._ids.busy or self.model.loading

    def reload(self) -> None:
        """Search again (the core refuses anybody without the right to read the log)."""
        self._debounce.stop()
        actor, text = self._ctx.actor, self.search.text()
        self._ids.submit(
            self._ctx.db,
            lambda db: audit.audit_ids(db, actor, text),
            label=self.tr("Searching the audit log…"),
            on_done=self._ids_arrived,
        )

    def _ids_arrived(self, ids: list[int]) -> None:
        self.model.set_ids(ids)
        self._show_count()
