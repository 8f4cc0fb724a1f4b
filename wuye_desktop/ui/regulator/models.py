"""The three small lists of the Regulator tab: failed events, dispatched tickets, supervision
notices. Each is bounded by the core (a few hundred rows at most), so they are held whole."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from wuye_desktop.core.clock import format_local, now_utc, to_local
from wuye_desktop.regulator.inbox import SupervisionRow, TicketRow
from wuye_desktop.regulator.queue import DISMISSED, FAILED, SUPERSEDED, FailedEvent
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.widgets.header_model import TranslatedHeaderModel
from wuye_desktop.ui.work_orders import labels as order_labels

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

_FINISHED = frozenset({"closed", "cancelled"})


def _one_line(text: str, length: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


class _RowsModel(TranslatedHeaderModel, Generic[Row]):
    """Rows held whole; subclasses give ``COLUMNS``, ``cell`` and optionally colours."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.now = now_utc()

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.now = now_utc()
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row())
        if item is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(item, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.alarming(item, key):
                return labels.BAD_COLOUR
            return labels.IDLE_COLOUR if self.muted(item) else None
        return None

    def cell(self, item: Row, key: str) -> str:
        raise NotImplementedError

    def tooltip(self, item: Row, key: str) -> str | None:
        return None

    def alarming(self, item: Row, key: str) -> bool:
        return False

    def muted(self, item: Row) -> bool:
        """Shown for the record only (dealt with): greyed."""
        return False

    def _past(self, moment: datetime | None) -> bool:
        return moment is not None and to_local(moment) < self.now


class FailedModel(_RowsModel[FailedEvent]):
    COLUMNS = ("time", "kind", "subject", "code", "message", "attempts")

    def cell(self, item: FailedEvent, key: str) -> str:
        if key == "time":
            return format_local(item.created_at)
        if key == "kind":
            return labels.kind_text(item.kind)
        if key == "subject":
            return labels.subject_of_stream(item.stream)
        if key == "code":
            return item.error_code
        if key == "message":
            return _one_line(self.resolution(item) or item.message)
        return str(item.attempts)

    def resolution(self, item: FailedEvent) -> str:
        """What became of a refused event a person or a newer version dealt with."""
        if item.state == SUPERSEDED:
            return self.tr("Replaced by a newer version (event {id})").format(id=item.resolution)
        if item.state == DISMISSED:
            return self.tr("Dismissed by {who} on {when}: {reason}").format(
                who=item.resolved_by,
                when=format_local(item.resolved_at),
                reason=item.resolution,
            )
        return ""

    def muted(self, item: FailedEvent) -> bool:
        return item.state != FAILED

    def tooltip(self, item: FailedEvent, key: str) -> str | None:
        if key == "message":
            resolution = self.resolution(item)
            return f"{resolution}\n{item.message}" if resolution else item.message
        if key == "subject":
            return f"{item.stream}\n{item.path}"
        return None

    def header_texts(self) -> list[str]:
        return [
            self.tr("Queued"),
            self.tr("What"),
            self.tr("Order / subject"),
            self.tr("Platform's code"),
            self.tr("Platform's message"),
            self.tr("Attempts"),
        ]


class TicketModel(_RowsModel[TicketRow]):
    COLUMNS = (
        "ticket",
        "level",
        "received",
        "reply_due",
        "order",
        "status",
        "replies",
        "last_result",
        "content",
        "problem",
    )

    def overdue(self, item: TicketRow) -> bool:
        """Its reply deadline passed without any reply."""
        return item.replies == 0 and self._past(item.reply_due_at)

    def cell(self, item: TicketRow, key: str) -> str:
        if key == "ticket":
            return item.ticket_id
        if key == "level":
            return labels.level_text(item.level)
        if key == "received":
            return format_local(item.received_at)
        if key == "reply_due":
            return format_local(item.reply_due_at) or "—"
        if key == "order":
            return item.order_number or "—"
        if key == "status":
            return order_labels.status_text(item.order_status) if item.order_status else ""
        if key == "replies":
            return str(item.replies)
        if key == "last_result":
            return labels.result_text(item.last_result) if item.last_result else ""
        if key == "content":
            return _one_line(item.content, 60)
        return _one_line(item.problem, 80)

    def tooltip(self, item: TicketRow, key: str) -> str | None:
        if key == "content":
            return item.content
        if key == "problem":
            return item.problem or None
        if key == "reply_due" and self.overdue(item):
            return self.tr("The reply is overdue: no reply was sent before the deadline")
        return None

    def alarming(self, item: TicketRow, key: str) -> bool:
        return (key == "reply_due" and self.overdue(item)) or (
            key == "problem" and bool(item.problem)
        )

    def header_texts(self) -> list[str]:
        return [
            self.tr("Ticket"),
            self.tr("Level"),
            self.tr("Received"),
            self.tr("Reply due"),
            self.tr("Order"),
            self.tr("Order status"),
            self.tr("Replies"),
            self.tr("Last reply"),
            self.tr("Content"),
            self.tr("Problem"),
        ]


class SupervisionModel(_RowsModel[SupervisionRow]):
    COLUMNS = ("id", "order", "status", "issued", "deadline", "content")

    def overdue(self, item: SupervisionRow) -> bool:
        return self._past(item.deadline) and item.order_status not in _FINISHED

    def cell(self, item: SupervisionRow, key: str) -> str:
        if key == "id":
            return item.supervision_id
        if key == "order":
            return item.order_number or item.ticket_id or "—"
        if key == "status":
            return order_labels.status_text(item.order_status) if item.order_status else ""
        if key == "issued":
            return format_local(item.issued_at)
        if key == "deadline":
            return format_local(item.deadline)
        return _one_line(item.content, 100)

    def tooltip(self, item: SupervisionRow, key: str) -> str | None:
        if key == "content":
            return item.content
        if key == "deadline" and self.overdue(item):
            return self.tr("Past the deadline and the order is not closed")
        return None

    def alarming(self, item: SupervisionRow, key: str) -> bool:
        return key == "deadline" and self.overdue(item)

    def header_texts(self) -> list[str]:
        return [
            self.tr("Notice"),
            self.tr("Order"),
            self.tr("Order status"),
            self.tr("Issued"),
            self.tr("Deadline"),
            self.tr("Content"),
        ]
