"""A table model whose column headers are translated texts that follow the language.

For bounded lists held whole (unlike LazyTableModel, which fetches rows by ids): the subclass
gives its headers in ``header_texts()`` and its cells in ``rowCount``/``data``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class TranslatedHeaderModel(QAbstractTableModel):
    """One column per header text; ``retranslate()`` renews the texts after a language change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self.retranslate()

    def header_texts(self) -> list[str]:
        """The translated column headers, in column order."""
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def retranslate(self) -> None:
        self._headers = self.header_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
