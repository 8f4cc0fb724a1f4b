"""The register as a lazy table: keyset pages of the core's ``register_page`` are fetched as the
view scrolls (canFetchMore/fetchMore), so a ledger of a million entries opens at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import queries
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS, Direction
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.ledger.services import EntryView
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.messages import tr_core
from wuye_desktop.ui.widgets.lazy_table import Index

PAGE = 200
COLUMNS = (
    "seq", "date", "direction", "category", "amount", "balance", "voucher", "counterparty",
    "note", "reverses",
)  # fmt: skip
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


_TITLES = {
    "seq": QT_TRANSLATE_NOOP("RegisterModel", "No."),
    "date": QT_TRANSLATE_NOOP("RegisterModel", "Date"),
    "direction": QT_TRANSLATE_NOOP("RegisterModel", "Direction"),
    "category": QT_TRANSLATE_NOOP("RegisterModel", "Category"),
    "amount": QT_TRANSLATE_NOOP("RegisterModel", "Amount (yuan)"),
    "balance": QT_TRANSLATE_NOOP("RegisterModel", "Balance (yuan)"),
    "voucher": QT_TRANSLATE_NOOP("RegisterModel", "Voucher"),
    "counterparty": QT_TRANSLATE_NOOP("RegisterModel", "Counterparty"),
    "note": QT_TRANSLATE_NOOP("RegisterModel", "Note"),
    "reverses": QT_TRANSLATE_NOOP("RegisterModel", "Reversal of"),
}


class RegisterModel(QAbstractTableModel):
    """Entries of one community matching a filter, oldest or newest first, page by page."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.community: int | None = None
        self.filter = queries.RegisterFilter()
        self.descending = True
        self.labels: dict[str, str] = {}  # category code → label
        self._rows: list[EntryView] = []
        self._after: int | None = None
        self._done = True

    def load(
        self,
        community: int | None,
        flt: queries.RegisterFilter,
        descending: bool,
        labels: dict[str, str],
    ) -> None:
        """Start over with the first page (may raise the core's errors: a bad period)."""
        rows: list[EntryView] = []
        after: int | None = None
        if community is not None:
            rows, after = queries.register_page(
                self.ctx.db, self.ctx.actor, community, flt, None, PAGE, descending
            )
        self.beginResetModel()
        self.community, self.filter, self.descending = community, flt, descending
        self.labels = labels
        self._rows, self._after, self._done = rows, after, after is None
        self.endResetModel()

    def reload(self) -> None:
        self.load(self.community, self.filter, self.descending, self.labels)

    def entry(self, row: int) -> EntryView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- lazy fetching -------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._done or self.community is None:
            return
        rows, after = queries.register_page(
            self.ctx.db, self.ctx.actor, self.community, self.filter, self._after, PAGE,
            self.descending,
        )  # fmt: skip
        self._after, self._done = after, after is None
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, e: EntryView, key: str) -> str:
        if key == "seq":
            return str(e.seq)
        if key == "date":
            return e.entry_date.isoformat()
        if key == "direction":
            return tr_core(DIRECTION_LABELS[Direction(e.direction)])
        if key == "category":
            return self.labels.get(e.category, e.category)
        if key == "amount":
            return format_fen(e.amount_fen)
        if key == "balance":
            return format_fen(e.balance_fen)
        if key == "voucher":
            return e.voucher_no
        if key == "counterparty":
            return e.counterparty
        if key == "note":
            return e.note.replace("\n", " ")
        return "" if e.reverses_seq is None else f"#{e.reverses_seq}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self.entry(index.row()) if index.isValid() else None
        if e is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(e, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = key in ("seq", "amount", "balance")
            return int((_RIGHT if right else _LEFT).value)
        if role == Qt.ItemDataRole.ForegroundRole and key == "amount":
            # by the effect on the balance: a reversed income lowers it like an expense
            effect = e.amount_fen if e.direction == Direction.INCOME else -e.amount_fen
            return QColor("#2e7d32") if effect >= 0 else QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and key == "note":
            return e.note or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RegisterModel", _TITLES[COLUMNS[section]])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
