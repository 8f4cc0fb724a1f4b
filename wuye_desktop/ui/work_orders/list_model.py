"""The work-order list as a lazy Qt model over the core's keyset pages.

Ids arrive page by page (``orders.order_page``) as the view scrolls towards the end
(canFetchMore/fetchMore), read on the database thread (ui.db_worker), so a list of a million orders opens with one small query. Rows are
read (``order_rows``) only for the ids the view paints, a chunk at a time, and only a bounded
number is kept, so scrolling to the end does not hold a million rows in memory. Sorting and
filtering are new queries, never a proxy model. How many orders match is counted in the
background by the tab (``set_total``), because counting a million rows takes a while.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import OrderFilter, OrderRow, PageCursor, supervision_overdue
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, DbRequest, run_db
from wuye_desktop.ui.work_orders import labels

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200  # ids per keyset page
ROW_CHUNK = 100  # rows read at once when the view paints one that is not cached
ROW_CACHE = 3000  # rows kept; the oldest read go first
RELOAD_LIMIT = 2000  # a reload re-reads the ids only this far; beyond, it refreshes rows

# A list's first page of ids, the cursor after it, and the rows of its first chunk.
_FirstPage = tuple[list[int], PageCursor | None, list[OrderRow]]

ID_ROLE = Qt.ItemDataRole.UserRole + 1

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class OrderColumn:
    """A column: its key, translated title, cell text, and the core's sort key (or None)."""

    key: str
    title: str  # English, marked with QT_TRANSLATE_NOOP("WorkOrders", ...)
    text: Callable[[OrderRow], str]
    sort: str | None = None
    tooltip: Callable[[OrderRow], str] | None = None
    alignment: Qt.AlignmentFlag = _LEFT
    # A colour of this cell alone (e.g. a past supervision deadline), over the row's colours.
    foreground: Callable[[OrderRow], QColor | None] | None = None


def _elide(text: str, length: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


def _status(row: OrderRow) -> str:
    text = labels.status_text(row.status)
    return (
        QCoreApplication.translate("WorkOrders", "{status} (paused)").format(status=text)
        if row.paused
        else text
    )


def _due_tooltip(row: OrderRow) -> str:
    return QCoreApplication.translate("WorkOrders", "Due {time}").format(
        time=format_local(row.completion_due)
    )


def _supervised(row: OrderRow) -> str:
    return QCoreApplication.translate("WorkOrders", "supervised") if row.supervision_due else ""


def _supervision_overdue(row: OrderRow) -> bool:
    return supervision_overdue(row.supervision_due, row.status, now_utc())


def _supervision_tooltip(row: OrderRow) -> str:
    if row.supervision_due is None:
        return ""
    text = QCoreApplication.translate(
        "WorkOrders", "The regulator supervises this order: deadline {time}"
    ).format(time=format_local(row.supervision_due))
    if _supervision_overdue(row):
        text += "\n" + QCoreApplication.translate("WorkOrders", "The deadline has passed.")
    return text


def order_columns() -> list[OrderColumn]:
    return [
        OrderColumn(
            "number", QT_TRANSLATE_NOOP("WorkOrders", "Number"), lambda r: r.number, "number"
        ),
        OrderColumn("status", QT_TRANSLATE_NOOP("WorkOrders", "Status"), _status, "status"),
        OrderColumn(
            "due",
            QT_TRANSLATE_NOOP("WorkOrders", "Due"),
            labels.due_text,
            "completion_due",
            tooltip=_due_tooltip,
        ),
        OrderColumn(
            "supervision",
            QT_TRANSLATE_NOOP("WorkOrders", "Supervision"),
            _supervised,
            tooltip=_supervision_tooltip,
            alignment=Qt.AlignmentFlag.AlignCenter,
            foreground=lambda r: labels.OVERDUE_TEXT if _supervision_overdue(r) else None,
        ),
        OrderColumn(
            "tier",
            QT_TRANSLATE_NOOP("WorkOrders", "Tier"),
            lambda r: labels.tier_text(r.tier),
            "tier",
        ),
        OrderColumn(
            "category",
            QT_TRANSLATE_NOOP("WorkOrders", "Category"),
            lambda r: labels.category_text(r.category),
            "category",
        ),
        OrderColumn(
            "community",
            QT_TRANSLATE_NOOP("WorkOrders", "Community"),
            lambda r: r.community,
            "community",
        ),
        OrderColumn("place", QT_TRANSLATE_NOOP("WorkOrders", "Room / place"), lambda r: r.place),
        OrderColumn(
            "description",
            QT_TRANSLATE_NOOP("WorkOrders", "Description"),
            lambda r: _elide(r.description),
            tooltip=lambda r: r.description,
        ),
        OrderColumn(
            "handler", QT_TRANSLATE_NOOP("WorkOrders", "Handler"), lambda r: r.handler, "handler"
        ),
        OrderColumn(
            "reported_at",
            QT_TRANSLATE_NOOP("WorkOrders", "Reported"),
            lambda r: format_local(r.reported_at, with_year=False),
            "reported_at",
            tooltip=lambda r: format_local(r.reported_at),
        ),
        OrderColumn(
            "channel",
            QT_TRANSLATE_NOOP("WorkOrders", "Channel"),
            lambda r: labels.channel_text(r.channel),
            "channel",
        ),
        OrderColumn(
            "source",
            QT_TRANSLATE_NOOP("WorkOrders", "Source"),
            lambda r: labels.source_text(r.source),
            "source",
        ),
    ]


@dataclass
class Query:
    """What the list shows: the filter and the sort (a key of orders.SORT_COLUMNS)."""

    filter: OrderFilter = field(default_factory=OrderFilter)
    sort: str = "reported_at"
    descending: bool = True


class OrderListModel(QAbstractTableModel):
    """Emits ``loaded_changed`` when more ids arrive or the total becomes known.

    Every read goes through the database thread (ui.db_worker): the model shows what it has
    and fills in when the answer arrives. A new filter or sort keeps the old list on screen
    until its first page is there; a row not read yet shows empty (or, after a refresh, as it
    was) until its chunk arrives.
    """

    loaded_changed = Signal()

    def __init__(
        self, ctx: AppContext, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.columns = order_columns()
        self.query = Query()
        self.total: int | None = None
        self.generation = 0  # bumped by every new list; a late answer for an old one is dropped
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cursor: PageCursor | None = None
        self._more = False
        # Rows read, with the epoch they were read in; refresh_rows() starts a new epoch, and
        # rows of an older one are shown until their fresh read arrives.
        self._cache: OrderedDict[int, tuple[int, OrderRow | None]] = OrderedDict()
        self._epoch = 0
        self._chunks_asked: dict[int, DbRequest] = {}  # chunk start -> its read, this epoch
        self._pages = DbChannel(self)  # id pages: a new list makes a page still coming stale
        self._pending_query: Query | None = None
        self._query_applied: list[Callable[[], None]] = []

    # -- querying ------------------------------------------------------------------------------

    def _page_work(
        self, query: Query, after: PageCursor | None
    ) -> Callable[[Database], tuple[list[int], PageCursor | None]]:
        actor, limit = self.ctx.actor, self.page_size

        def page(db: Database) -> tuple[list[int], PageCursor | None]:
            return orders.order_page(
                db, actor, query.filter, query.sort, query.descending, after=after, limit=limit
            )

        return page

    def _with_first_rows(
        self, work: Callable[[Database], tuple[list[int], PageCursor | None]]
    ) -> Callable[[Database], _FirstPage]:
        """*work* and the rows of its first chunk in one trip to the database thread: the
        first screen is painted once, when this arrives, not after a second round trip (the
        difference is felt when the database thread or the machine is busy)."""
        actor = self.ctx.actor

        def read(db: Database) -> _FirstPage:
            ids, cursor = work(db)
            return ids, cursor, orders.order_rows(db, actor, ids[:ROW_CHUNK])

        return read

    def _keep_rows(self, chunk: Sequence[int], rows: list[OrderRow]) -> None:
        """Remember *rows*, read for the ids *chunk* in this epoch (an id without its row is
        gone: that is remembered rather than asked again)."""
        epoch = self._epoch
        for item in rows:
            self._cache[item.id] = (epoch, item)
            self._cache.move_to_end(item.id)
        found = {item.id for item in rows}
        for missing in chunk:
            if missing not in found:
                self._cache[missing] = (epoch, None)
        while len(self._cache) > ROW_CACHE:
            self._cache.popitem(last=False)

    @property
    def wanted_query(self) -> Query:
        """The query being loaded, else the one shown."""
        return self._pending_query if self._pending_query is not None else self.query

    @property
    def loading(self) -> bool:
        """A new list or the next page is on its way."""
        return self._pages.busy

    def after_query(self, then: Callable[[], None]) -> None:
        """Run *then* once the list being loaded is shown (now, if none is)."""
        if self._pending_query is None:
            then()
        else:
            self._query_applied.append(then)

    def set_query(
        self,
        query: Query,
        then: Callable[[], None] | None = None,
        on_error: Callable[[WuyeError], None] | None = None,
    ) -> None:
        """Show the first page of a new filter or sort once it arrives, then call *then*.
        A refusal (the core's WuyeError) goes to *on_error*; the old list stays."""
        self._pending_query = query
        if then is not None:
            self._query_applied.append(then)

        def arrived(result: _FirstPage) -> None:
            ids, cursor, rows = result
            self._pending_query = None
            self.query = query
            self.generation += 1
            self.total = None
            self.beginResetModel()
            self._set_ids(ids, cursor)
            self._forget_rows()
            self._keep_rows(ids[:ROW_CHUNK], rows)
            self.endResetModel()
            self.loaded_changed.emit()
            self._run_query_applied()

        def refused(error: WuyeError) -> None:
            self._pending_query = None
            self._query_applied.clear()
            if on_error is not None:
                on_error(error)
            else:
                log.warning("work-order list unavailable: %s", error)

        self._pages.submit(
            self.ctx.db,
            self._with_first_rows(self._page_work(query, None)),
            label=QCoreApplication.translate("WorkOrders", "Reading orders…"),
            on_done=arrived,
            on_error=refused,
        )

    def _run_query_applied(self) -> None:
        waiting, self._query_applied = self._query_applied, []
        for then in waiting:
            then()

    def _set_ids(self, ids: list[int], cursor: PageCursor | None) -> None:
        self._ids = ids
        self._row_of = {oid: row for row, oid in enumerate(ids)}
        self._cursor = cursor
        self._more = cursor is not None

    def reload(
        self,
        then: Callable[[bool], None] | None = None,
        on_error: Callable[[WuyeError], None] | None = None,
    ) -> None:
        """Read the list again as far as it was loaded, for changes made meanwhile.

        Then calls ``then(same)``: False when the ids changed (the model was reset: the caller
        restores the selection), True when only row contents were refreshed. Beyond
        RELOAD_LIMIT rows only the contents are refreshed: re-reading that many ids on every
        change costs too much. The total stays shown until the caller counts again (under the
        new generation). While a new filter is loading, that load is simply sent again.
        """
        if self._pending_query is not None:
            query = self._pending_query
            self.set_query(query, lambda: then(False) if then is not None else None, on_error)
            return
        if len(self._ids) > RELOAD_LIMIT:
            self.generation += 1
            self.refresh_rows()
            if then is not None:
                then(True)
            return
        wanted = max(len(self._ids), self.page_size)
        first_page = self._page_work(self.query, None)
        page_size, actor, query = self.page_size, self.ctx.actor, self.query

        def read(db: Database) -> tuple[list[int], PageCursor | None]:
            ids, cursor = first_page(db)
            while cursor is not None and len(ids) < wanted:
                page, cursor = orders.order_page(
                    db,
                    actor,
                    query.filter,
                    query.sort,
                    query.descending,
                    after=cursor,
                    limit=page_size,
                )
                ids.extend(page)
            return ids, cursor

        def arrived(result: _FirstPage) -> None:
            ids, cursor, rows = result
            self.generation += 1
            if ids == self._ids:
                self._cursor, self._more = cursor, cursor is not None
                self.refresh_rows()
                self._keep_rows(ids[:ROW_CHUNK], rows)
                same = True
            else:
                self.beginResetModel()
                self._set_ids(ids, cursor)
                self._forget_rows()
                self._keep_rows(ids[:ROW_CHUNK], rows)
                self.endResetModel()
                self.loaded_changed.emit()
                same = False
            if then is not None:
                then(same)

        def refused(error: WuyeError) -> None:
            if on_error is not None:
                on_error(error)
            else:
                log.warning("work-order list unavailable: %s", error)

        self._pages.submit(
            self.ctx.db,
            self._with_first_rows(read),
            label=QCoreApplication.translate("WorkOrders", "Reading orders…"),
            on_done=arrived,
            on_error=refused,
        )

    def set_total(self, generation: int, total: int) -> None:
        if generation == self.generation:
            self.total = total
            self.loaded_changed.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Not while a page is on its way: the view asks on every scroll, and one request at a
        # time is enough. When the page arrives the view asks again if it still needs rows.
        return not parent.isValid() and self._more and not self._pages.busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        generation = self.generation

        def arrived(result: tuple[list[int], PageCursor | None]) -> None:
            if generation != self.generation:
                return
            ids, cursor = result
            ids = [i for i in ids if i not in self._row_of]  # moved by a change since: once only
            self._cursor, self._more = cursor, cursor is not None
            if ids:
                first = len(self._ids)
                self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
                for offset, oid in enumerate(ids):
                    self._row_of[oid] = first + offset
                self._ids.extend(ids)
                self.endInsertRows()
            self.loaded_changed.emit()
            if not ids and self._more:  # nothing new to show: the view would not ask again
                self.fetchMore()

        def refused(error: WuyeError) -> None:  # F5 tries again
            log.warning("work-order page unavailable: %s", error)
            self._more = False
            self.loaded_changed.emit()

        self._pages.submit(
            self.ctx.db,
            self._page_work(self.query, self._cursor),
            label=QCoreApplication.translate("WorkOrders", "Reading orders…"),
            on_done=arrived,
            on_error=refused,
        )

    # -- rows ----------------------------------------------------------------------------------

    def loaded_count(self) -> int:
        return len(self._ids)

    def has_more(self) -> bool:
        return self._more

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, order_id: int) -> int | None:
        return self._row_of.get(order_id)

    def cached_count(self) -> int:
        return len(self._cache)

    def rows_pending(self) -> bool:
        """Some rows the view asked for are still being read."""
        return any(r.is_pending for r in self._chunks_asked.values())

    def _forget_rows(self) -> None:
        self._cache.clear()
        self._new_epoch()

    def _new_epoch(self) -> None:
        self._epoch += 1
        for request in self._chunks_asked.values():
            request.drop()
        self._chunks_asked.clear()

    def refresh_rows(self) -> None:
        """Read the rows again (their contents changed), keeping the ids and the position;
        until they arrive the rows show as they were."""
        self._new_epoch()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def row_at(self, row: int) -> OrderRow | None:
        """The order shown at *row* as far as known: asks for its chunk if it was not read
        (None until it arrives, and if it vanished)."""
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            if cached[0] == self._epoch:
                return cached[1]
        self._ask_rows(row - row % ROW_CHUNK)
        return cached[1] if cached is not None else None

    def _ask_rows(self, start: int) -> None:
        if start in self._chunks_asked:
            return
        epoch, actor = self._epoch, self.ctx.actor
        chunk = [
            i
            for i in self._ids[start : start + ROW_CHUNK]
            if i not in self._cache or self._cache[i][0] != epoch
        ]

        def read(db: Database) -> list[OrderRow]:
            return orders.order_rows(db, actor, chunk)

        def arrived(rows: list[OrderRow]) -> None:
            if epoch != self._epoch:
                return
            self._chunks_asked.pop(start, None)
            self._keep_rows(chunk, rows)
            shown = [r for r in (self._row_of.get(i) for i in chunk) if r is not None]
            if shown:
                self.dataChanged.emit(
                    self.index(min(shown), 0), self.index(max(shown), len(self.columns) - 1)
                )

        def refused(error: WuyeError) -> None:  # painting must not raise; F5 tries again
            log.warning("work-order rows unavailable: %s", error)

        self._chunks_asked[start] = run_db(
            self,
            self.ctx.db,
            read,
            label=QCoreApplication.translate("WorkOrders", "Reading orders…"),
            on_done=arrived,
            on_error=refused,
        )

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip is not None else None
        background, foreground = labels.urgency_colours(item)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(item) or foreground
        return background if role == Qt.ItemDataRole.BackgroundRole else foreground

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("WorkOrders", column.title)
        if role == Qt.ItemDataRole.ToolTipRole and column.sort is None:
            return QCoreApplication.translate("WorkOrders", "This column cannot be sorted")
        return None

    def sort_key(self, section: int) -> str | None:
        return self.columns[section].sort if 0 <= section < len(self.columns) else None

    def section_of(self, sort: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.sort == sort), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.refresh_rows()
