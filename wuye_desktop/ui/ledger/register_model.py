"""The register as a lazy table: keyset pages of the core's ``register_page`` are fetched as the
view scrolls (canFetchMore/fetchMore), so a ledger of a million entries opens at once. Pages are
read on the database thread (ui.db_worker); the model shows what it has until they arrive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import queries
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS, Direction
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.ledger.services import EntryView
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
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
    "reverses": QT_TRANSLATE_NOOP("RegisterModel", "Reversal"),
}
# A reversed entry no longer counts in a reader's eyes: greyed, its amount struck through.
_REVERSED = QColor("#9e9e9e")


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
        self._pages = DbChannel(self)  # the first page or the next: only the latest counts

    def load(
        self,
        community: int | None,
        flt: queries.RegisterFilter,
        descending: bool,
        labels: dict[str, str],
        then: Callable[[], None] | None = None,
        on_error: Callable[[WuyeError], None] | None = None,
        start_seq: int | None = None,
    ) -> None:
        """Start over with the first page, shown once it arrives (the old rows stay until
        then), and call *then*. A refusal (a bad period) goes to *on_error*; the old rows stay.
        With *start_seq* the first page begins at that entry (going to an entry not read yet)."""

        def arrived(result: tuple[list[EntryView], int | None]) -> None:
            rows, after = result
            self.beginResetModel()
            self.community, self.filter, self.descending = community, flt, descending
            self.labels = labels
            self._rows, self._after, self._done = rows, after, after is None
            self.endResetModel()
            if then is not None:
                then()

        if community is None:
            self._pages.drop()
            arrived(([], None))
            return
        actor = self.ctx.actor

        after = None if start_seq is None else start_seq + (1 if descending else -1)

        def first_page(db: Database) -> tuple[list[EntryView], int | None]:
            return queries.register_page(db, actor, community, flt, after, PAGE, descending)

        self._pages.submit(
            self.ctx.db,
            first_page,
            label=QCoreApplication.translate("RegisterModel", "Reading the register…"),
            on_done=arrived,
            on_error=on_error,
        )

    def reload(self) -> None:
        self.load(self.community, self.filter, self.descending, self.labels)

    @property
    def loading(self) -> bool:
        """A new register or its next page is on its way."""
        return self._pages.busy

    def entry(self, row: int) -> EntryView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, seq: int) -> int | None:
        """The row showing entry *seq*, if it has been read."""
        return next((i for i, e in enumerate(self._rows) if e.seq == seq), None)

    # -- lazy fetching -------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Not while a page is on its way: the view asks again when it arrives.
        return not parent.isValid() and not self._done and not self._pages.busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.community is None:
            return
        actor, community, flt = self.ctx.actor, self.community, self.filter
        after, descending = self._after, self.descending

        def page(db: Database) -> tuple[list[EntryView], int | None]:
            return queries.register_page(db, actor, community, flt, after, PAGE, descending)

        def arrived(result: tuple[list[EntryView], int | None]) -> None:
            # A new load makes this request stale (same channel), so this is still our list.
            rows, self._after = result
            self._done = self._after is None
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()

        self._pages.submit(
            self.ctx.db,
            page,
            label=QCoreApplication.translate("RegisterModel", "Reading the register…"),
            on_done=arrived,
        )

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
        if e.reverses_seq is not None:
            return QCoreApplication.translate("RegisterModel", "Reverses #{seq}").format(
                seq=e.reverses_seq
            )
        if e.reversed_by is not None:
            return QCoreApplication.translate("RegisterModel", "Reversed by #{seq}").format(
                seq=e.reversed_by
            )
        return ""

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
        if role == Qt.ItemDataRole.ForegroundRole and e.reversed_by is not None:
            return _REVERSED
        if role == Qt.ItemDataRole.FontRole and e.reversed_by is not None and key == "amount":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "reverses" and e.reversed_by:
            return QCoreApplication.translate(
                "RegisterModel", "Reversed by entry #{seq}; Enter or a double click goes to it"
            ).format(seq=e.reversed_by)
        if role == Qt.ItemDataRole.ToolTipRole and key == "reverses" and e.reverses_seq:
            return QCoreApplication.translate(
                "RegisterModel", "Reverses entry #{seq}; Enter or a double click goes to it"
            ).format(seq=e.reverses_seq)
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
