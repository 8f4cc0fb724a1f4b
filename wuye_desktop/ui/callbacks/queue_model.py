"""The callback queue as a lazy table: ids from the core, rows read only as they are shown.

Rows are read on the database thread as :class:`~wuye_desktop.ui.widgets.db_lazy_table.
DbLazyTableModel` reads them, a chunk at a time around what the view paints. Completed orders
whose callback is past due are red, like overdue orders in the work-order list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import CallbackQueueRow
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.widgets.db_lazy_table import DbLazyTableModel
from wuye_desktop.ui.widgets.lazy_table import Column, Index
from wuye_desktop.ui.work_orders import labels

CONTEXT = "CallbacksTab"
CHUNK = 100  # rows read at once when the view paints one that is not read yet


def _column(
    title: str, text: Callable[[CallbackQueueRow], str], tooltip: Callable[[Any], str] | None = None
) -> Column:
    return Column(lambda: QCoreApplication.translate(CONTEXT, title), text, tooltip=tooltip)


def _due(row: CallbackQueueRow) -> str:
    due = format_local(row.callback_due, with_year=False)
    if row.overdue:
        return QCoreApplication.translate("CallbacksTab", "{time} (overdue)").format(time=due)
    return due


def queue_columns() -> list[Column]:
    return [
        _column(QT_TRANSLATE_NOOP("CallbacksTab", "Number"), lambda r: r.number),
        _column(
            QT_TRANSLATE_NOOP("CallbacksTab", "Callback due"),
            _due,
            lambda r: format_local(r.callback_due),
        ),
        _column(
            QT_TRANSLATE_NOOP("CallbacksTab", "Completed"),
            lambda r: format_local(r.completed_at, with_year=False),
            lambda r: format_local(r.completed_at),
        ),
        _column(QT_TRANSLATE_NOOP("CallbacksTab", "Community"), lambda r: r.community),
        _column(QT_TRANSLATE_NOOP("CallbacksTab", "Room / place"), lambda r: r.place),
        _column(
            QT_TRANSLATE_NOOP("CallbacksTab", "Category"),
            lambda r: labels.category_text(r.category),
        ),
        _column(QT_TRANSLATE_NOOP("CallbacksTab", "Caller"), lambda r: r.caller_name),
        _column(QT_TRANSLATE_NOOP("CallbacksTab", "Phone"), lambda r: r.caller_phone),
        _column(QT_TRANSLATE_NOOP("CallbacksTab", "Handler"), lambda r: r.handler),
        _column(
            QT_TRANSLATE_NOOP("CallbacksTab", "Description"),
            lambda r: " ".join(r.description.split()),
            lambda r: r.description,
        ),
    ]


class CallbackQueueModel(DbLazyTableModel):
    """The queue's ids (``set_ids``) and the rows read for them so far; a refreshed queue shows
    the rows it had until they are read again."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(
            queue_columns(),
            lambda: ctx.db,
            lambda db, ids: orders.callback_rows(db, ctx.actor, ids),
            lambda row: row.id,
            page_size=CHUNK,
            label=lambda: QCoreApplication.translate(CONTEXT, "Reading the callback queue…"),
            keep_rows=True,
            parent=parent,
        )
        self.ctx = ctx

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return super().data(index, role)
        row: CallbackQueueRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is None or not row.overdue:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return labels.OVERDUE_BACKGROUND
        return labels.OVERDUE_TEXT
