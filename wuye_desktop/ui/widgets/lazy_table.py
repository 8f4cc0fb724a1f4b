"""A table model over a list of ids whose rows are fetched page by page as they are shown.

The core's list services come in pairs: ``…_ids(filter)`` returns the matching ids in order
(cheap even for a million rows), ``…_rows(ids)`` returns the rows for some ids. This model holds
the ids and asks for rows only around what the view paints, so a huge list opens at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its translated header (a callable, so it follows the language) and cell."""

    title: Callable[[], str]
    text: Callable[[Any], str]
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: Callable[[Any], str] | None = None


class LazyTableModel(QAbstractTableModel):
    """Rows of type R for ids; ``fetch(ids) -> list[R]`` and ``row_id(R) -> int`` given."""

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[Sequence[int]], Sequence[Any]],
        row_id: Callable[[Any], int],
        *,
        page_size: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._row_id = row_id
        self._page_size = page_size
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, Any] = {}

    # -- data in -------------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {key: row for row, key in enumerate(self._ids)}
        self._cache.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget fetched rows (after a change) but keep the ids and the view's position."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, key: int) -> int | None:
        """The row showing id *key*, if it is in the list."""
        return self._row_of.get(key)

    def row_at(self, row: int) -> Any | None:
        """The row object shown at *row*, fetching its page if needed (None if it vanished)."""
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        if key not in self._cache:
            start = row - row % self._page_size
            page = [i for i in self._ids[start : start + self._page_size] if i not in self._cache]
            for item in self._fetch(page):
                self._cache[self._row_id(item)] = item
            for missing in page:  # deleted meanwhile: remember that, do not ask again
                self._cache.setdefault(missing, None)
        return self._cache[key]

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
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip is not None else None
        return column.text(item)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title()
        return None

    def retranslate(self) -> None:
        """Headers are computed on demand; tell the view they changed."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
