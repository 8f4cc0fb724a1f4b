"""The callback queue as a lazy table: ids from the core, rows read only as they are shown.

Completed orders whose callback is past due are red, like overdue orders in the work-order list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import CallbackQueueRow
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.widgets.lazy_table import Column, Index, LazyTableModel
from wuye_desktop.ui.work_orders import labels

CONTEXT = "CallbacksTab"


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


class CallbackQueueModel(LazyTableModel):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(queue_columns(), self._fetch, lambda r: r.id, page_size=100, parent=parent)
        self.ctx = ctx

    def _fetch(self, ids: Sequence[int]) -> list[CallbackQueueRow]:
        return orders.callback_rows(self.ctx.db, self.ctx.actor, ids)

    def row_of(self, order_id: int) -> int | None:
        ids = self.ids()
        return ids.index(order_id) if order_id in ids else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            row = self.row_at(index.row()) if index.isValid() else None
            if row is None or not row.overdue:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return labels.OVERDUE_BACKGROUND
            return labels.OVERDUE_TEXT
        return super().data(index, role)
