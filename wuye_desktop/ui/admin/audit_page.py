"""Administration → Audit log: every change and phone reveal, newest first, searchable."""

from __future__ import annotations

import json
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

from wuye_desktop.core import audit
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.db_lazy_table import DbLazyTableModel
from wuye_desktop.ui.widgets.lazy_table import Column

AUDIT_CONTEXT = "audit"

# What the action codes of core.audit.record mean to a reader; unknown codes show as they are.
ACTION_LABELS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("audit", "Logged in"),
    "login.failed": QT_TRANSLATE_NOOP("audit", "Failed login"),
    "user.locked": QT_TRANSLATE_NOOP("audit", "Account locked after failed logins"),
    "user.create": QT_TRANSLATE_NOOP("audit", "User created"),
    "user.update": QT_TRANSLATE_NOOP("audit", "User changed"),
    "user.reset_password": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "user.unlock": QT_TRANSLATE_NOOP("audit", "Account unlocked"),
    "user.change_password": QT_TRANSLATE_NOOP("audit", "Own password changed"),
    "company.create": QT_TRANSLATE_NOOP("audit", "Company created"),
    "company.update": QT_TRANSLATE_NOOP("audit", "Company changed"),
    "community.create": QT_TRANSLATE_NOOP("audit", "Community created"),
    "community.update": QT_TRANSLATE_NOOP("audit", "Community changed"),
    "community.channels": QT_TRANSLATE_NOOP("audit", "Channels changed"),
    "building.create": QT_TRANSLATE_NOOP("audit", "Building created"),
    "building.update": QT_TRANSLATE_NOOP("audit", "Building changed"),
    "household.create": QT_TRANSLATE_NOOP("audit", "Household created"),
    "household.update": QT_TRANSLATE_NOOP("audit", "Household changed"),
    "households.import": QT_TRANSLATE_NOOP("audit", "Households imported"),
    "phone.reveal": QT_TRANSLATE_NOOP("audit", "Full phone number shown"),
    "order.create": QT_TRANSLATE_NOOP("audit", "Work order taken"),
    "order.dispatched": QT_TRANSLATE_NOOP("audit", "Work order dispatched"),
    "order.in_progress": QT_TRANSLATE_NOOP("audit", "Work started"),
    "order.completed": QT_TRANSLATE_NOOP("audit", "Work order completed"),
    "order.closed": QT_TRANSLATE_NOOP("audit", "Work order closed"),
    "order.reopened": QT_TRANSLATE_NOOP("audit", "Work order reopened"),
    "order.cancelled": QT_TRANSLATE_NOOP("audit", "Work order cancelled"),
    "order.commitment": QT_TRANSLATE_NOOP("audit", "Commitment letter issued"),
    "order.callback": QT_TRANSLATE_NOOP("audit", "Callback recorded"),
    "order.note": QT_TRANSLATE_NOOP("audit", "Note added"),
    "order.pause": QT_TRANSLATE_NOOP("audit", "Deadline clock paused"),
    "order.resume": QT_TRANSLATE_NOOP("audit", "Deadline clock resumed"),
    "order.photo": QT_TRANSLATE_NOOP("audit", "Photo added"),
    "settings.deadlines": QT_TRANSLATE_NOOP("audit", "Deadlines changed"),
    "settings.work_orders": QT_TRANSLATE_NOOP("audit", "Work-order settings changed"),
    "settings.slip_phone": QT_TRANSLATE_NOOP("audit", "Phone on work-order slips changed"),
    "database.backup": QT_TRANSLATE_NOOP("audit", "Database backed up"),
    "database.restore": QT_TRANSLATE_NOOP("audit", "Database restored"),
    "demo.fill": QT_TRANSLATE_NOOP("audit", "Demo data written"),
}

ENTITY_LABELS: dict[str, str] = {
    "user": QT_TRANSLATE_NOOP("audit", "User"),
    "company": QT_TRANSLATE_NOOP("audit", "Company"),
    "community": QT_TRANSLATE_NOOP("audit", "Community"),
    "building": QT_TRANSLATE_NOOP("audit", "Building"),
    "household": QT_TRANSLATE_NOOP("audit", "Household"),
    "work_order": QT_TRANSLATE_NOOP("audit", "Work order"),
}


def action_text(code: str) -> str:
    label = ACTION_LABELS.get(code)
    return QCoreApplication.translate(AUDIT_CONTEXT, label) if label else code


def entity_text(row: audit.AuditRow) -> str:
    label = ENTITY_LABELS.get(row.entity)
    name = QCoreApplication.translate(AUDIT_CONTEXT, label) if label else row.entity
    return f"{name} {row.entity_id}".strip()


def detail_text(raw: str) -> str:
    """The detail JSON as ``key: value`` pairs on one line, as readable as it gets."""
    try:
        detail = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(detail, dict):
        return raw
    return "; ".join(
        f"{key}: {json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}"
        for key, value in detail.items()
    )


def _heading(source: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate(AUDIT_CONTEXT, source)


def _columns() -> list[Column]:
    return [
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Time")),
            lambda r: format_local(r.at, with_seconds=True),
        ),
        Column(_heading(QT_TRANSLATE_NOOP("audit", "User")), lambda r: r.username),
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Action")),
            lambda r: action_text(r.action),
            tooltip=lambda r: r.action,
        ),
        Column(_heading(QT_TRANSLATE_NOOP("audit", "Object")), entity_text),
        Column(
            _heading(QT_TRANSLATE_NOOP("audit", "Details")),
            lambda r: detail_text(r.detail),
            tooltip=lambda r: detail_text(r.detail),
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
        self.count_label.setText(self.tr("{n} entries").format(n=self.model.rowCount()))

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
