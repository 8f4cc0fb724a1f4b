"""The callback queue as a lazy table: ids from the core, rows read only as they are shown.

Rows are read on the database thread (ui.db_worker), a chunk at a time around what the view
paints; a row not read yet shows empty until its chunk arrives, and after ``refresh_rows`` a row
shows as it was until its fresh read arrives. Completed orders whose callback is past due are
red, like overdue orders in the work-order list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import CallbackQueueRow
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
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


class CallbackQueueModel(QAbstractTableModel):
    """The queue's ids (``set_ids``) and the rows read for them so far."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._columns = queue_columns()
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        # Rows read, with the epoch they were read in: refresh_rows() starts a new epoch, and a
        # row of an older one is shown until its fresh read arrives (None: it vanished).
        self._cache: dict[int, tuple[int, CallbackQueueRow | None]] = {}
        self._epoch = 0
        self._chunks_asked: set[int] = set()  # chunk starts asked for in this epoch

    # -- data in -------------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        """A new queue; rows already read are kept (an order's row does not change by this)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {order_id: row for row, order_id in enumerate(self._ids)}
        self._cache = {k: v for k, v in self._cache.items() if k in self._row_of}
        self._epoch += 1  # the chunks are laid out anew: ask again, showing what was read
        self._chunks_asked.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Read the shown rows again (after a change), keeping the ids and the view's position;
        until they arrive they show as they were."""
        self._epoch += 1
        self._chunks_asked.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, order_id: int) -> int | None:
        return self._row_of.get(order_id)

    def row_at(self, row: int) -> CallbackQueueRow | None:
        """The row shown at *row* if read (asking for its chunk if it is not, or is old)."""
        if not 0 <= row < len(self._ids):
            return None
        cached = self._cache.get(self._ids[row])
        if cached is None or cached[0] != self._epoch:
            self._ask_chunk(row - row % CHUNK)
        return cached[1] if cached is not None else None

    @property
    def reading(self) -> bool:
        """Rows asked for in this epoch have not all arrived yet."""
        return bool(self._chunks_asked)

    def _ask_chunk(self, start: int) -> None:
        if start in self._chunks_asked:
            return
        self._chunks_asked.add(start)
        epoch, ids = self._epoch, self._ids[start : start + CHUNK]
        actor = self.ctx.actor

        def read(db: Database) -> list[CallbackQueueRow]:
            return orders.callback_rows(db, actor, ids)

        run_db(
            self,
            self.ctx.db,
            read,
            label=QCoreApplication.translate(CONTEXT, "Reading the callback queue…"),
            on_done=lambda rows: self._chunk_arrived(epoch, start, ids, rows),
            on_error=lambda _error: self._chunks_asked.discard(start),
        )

    def _chunk_arrived(
        self, epoch: int, start: int, ids: list[int], rows: list[CallbackQueueRow]
    ) -> None:
        if epoch != self._epoch:
            return  # the queue changed meanwhile: the view asks again for what it paints
        self._chunks_asked.discard(start)
        for order_id in ids:  # deleted meanwhile: remember that, do not ask again
            self._cache[order_id] = (epoch, None)
        for item in rows:
            self._cache[item.id] = (epoch, item)
        end = min(start + len(ids), len(self._ids)) - 1
        if end >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(end, len(self._columns) - 1))

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return labels.OVERDUE_BACKGROUND if row.overdue else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return labels.OVERDUE_TEXT if row.overdue else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        return column.text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title()
        return None

    def retranslate(self) -> None:
        """Headers are computed on demand; tell the view they changed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
