"""The Work orders tab: the desk's list of orders, the selected one in full, and every move.

Top, the moves on the selected order (toolbar, context menu and shortcuts) and the filters.
Left, the list: a lazy model over keyset pages, sorted and filtered by SQL. Right, the order
with its timeline. Changes made here, in other tabs or at other desks show up by themselves:
dialogs announce theirs through ``ctx.signals.orders_changed``, and while the tab is visible a
timer asks the database every few seconds whether any order changed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders, search
from wuye_desktop.core.errors import ConcurrentEdit, WuyeError
from wuye_desktop.core.orders import OrderDetail, OrderFilter
from wuye_desktop.core.search import SearchQuery
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.documents.order_prints import OrderPrintActions
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.order_watch import OrderChangeWatch
from wuye_desktop.ui.work_orders import action_dialogs
from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog
from wuye_desktop.ui.work_orders.detail import LoadedOrder, OrderDetailPane, load_order
from wuye_desktop.ui.work_orders.drill_banner import DrillBanner
from wuye_desktop.ui.work_orders.filter_bar import FilterBar
from wuye_desktop.ui.work_orders.list_model import OrderListModel, Query
from wuye_desktop.ui.work_orders.move_actions import OrderMoves
from wuye_desktop.ui.work_orders.order_table import OrderTable

log = logging.getLogger(__name__)

_ORDER_NUMBER = re.compile(r"^(WUYE:W:)?[A-Z]{2}\d{8}-\d+$", re.IGNORECASE)

DialogFactory = Callable[[AppContext, int, QWidget], QDialog]


class WorkOrdersTab(Retranslating, QWidget):
    """The main window calls ``focus_search()`` (Ctrl+F) and ``refresh()`` (F5); other tabs
    call ``open_order(order_id)``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.active_dialog: QDialog | None = None
        self.weekly_dialog: QDialog | None = None
        self._counts = DbChannel(self)  # one count at a time, the last asked wins
        self._communities = DbChannel(self)
        self._details = DbChannel(self)  # the order for the detail pane, the last asked wins
        self._lookups = DbChannel(self)  # an order number scanned into the search box
        self._moves = DbChannel(self)  # a move made without a dialog (resume, a photo)
        self._restoring = False  # while the tab itself moves the list's selection
        self._top_before_reset: int | None = None  # the order at the top before a reload

        self.moves = OrderMoves(ctx, self, OrderPrintActions(ctx, self, self._selected))
        self._connect_moves()
        self.filters = FilterBar()
        self.filters.changed.connect(self.apply_filters)
        self.filters.text.installEventFilter(self)
        self.filters.text.returnPressed.connect(self._search_entered)
        self.drill_banner = DrillBanner()  # while the list shows an overview figure's orders
        self.drill_banner.cleared.connect(self.apply_filters)

        self.model = OrderListModel(ctx, self)
        self.model.modelAboutToBeReset.connect(self._list_about_to_change)
        self.model.modelReset.connect(self._list_changed)
        self.list_view = OrderTable(self.model)
        self.table = self.list_view.table
        self.table.customContextMenuRequested.connect(
            lambda pos: self.moves.context_menu(self.table, pos)
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.detail_pane = OrderDetailPane(ctx)
        self.detail_pane.photo_box.add_photo_requested.connect(self.add_photo)
        self.detail_pane.regulator_box.reply_requested.connect(self.reply_to_regulator)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([920, 560])

        layout = QVBoxLayout(self)
        layout.addWidget(self.moves.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.drill_banner)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.filters.text, self.table)

        self.watch = OrderChangeWatch(ctx, self, on_clock=lambda: self.model.refresh_rows())

        ctx.signals.orders_changed.connect(self._orders_changed)
        ctx.signals.directory_changed.connect(self._directory_changed)
        self.retranslate()
        self._load_communities()
        self.apply_filters()
        self._update_actions()

    # -- actions -------------------------------------------------------------------------------

    def _connect_moves(self) -> None:
        m = self.moves
        for action, slot in (
            (m.dispatch_action, self.dispatch),
            (m.start_action, self.start_work),
            (m.complete_action, self.complete),
            (m.callback_action, self.record_callback),
            (m.close_action, self.close_order),
            (m.cancel_action, self.cancel_order),
            (m.pause_action, self.pause),
            (m.resume_action, self.resume),
            (m.commitment_action, self.issue_commitment),
            (m.note_action, self.add_note),
            (m.photo_action, self.add_photo),
            (m.reply_action, self.reply_to_regulator),
            (m.refresh_action, self.refresh),
            (m.weekly_action, self.open_weekly),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())

    def _update_actions(self) -> None:
        self.moves.update(self.detail_pane.ready())

    # -- main window hooks ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.filters.focus_text()

    def refresh(self) -> None:
        """F5: read everything again, keeping the selection and the open order."""
        self._load_communities()
        self.reload()

    def open_order(self, order_id: int) -> None:
        """Show an order (e.g. just taken at intake): selected in the list if it is there
        (once the list has been read again, if it is not there yet)."""
        if self.model.row_of(order_id) is None:
            self.reload(then=lambda: self._open_listed_or_alone(order_id))
        else:
            self._open_listed_or_alone(order_id)

    def _open_listed_or_alone(self, order_id: int) -> None:
        row = self.model.row_of(order_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
            self._show_detail(order_id)
            return
        self.table.clearSelection()
        self._show_detail(order_id, then=self._notice_if_filtered_out)

    # -- the list ------------------------------------------------------------------------------

    def _load_communities(self) -> None:
        actor = self.ctx.actor

        def choices(db: Database) -> list[directory.CommunityChoice]:
            return directory.community_choices(db, actor)

        self._communities.submit(
            self.ctx.db,
            choices,
            label=self.tr("Reading communities…"),
            on_done=self.filters.set_communities,
        )

    def current_query(self) -> Query:
        q = self.model.wanted_query
        return Query(self.drill_banner.filter or self.filters.value(), q.sort, q.descending)

    def apply_filters(self) -> None:
        self.drill_banner.clear()  # the filter bar was touched: its list, not the figure's
        self._set_query(self.current_query())

    def show_orders(self, order_filter: OrderFilter, title: str) -> None:
        """List exactly *order_filter*'s orders (a figure of the overview), said above the
        list until the filters are used again."""
        self.drill_banner.show_drill(order_filter, title)
        self._set_query(self.current_query(), self.table.scrollToTop)

    def _set_query(self, query: Query, then: Callable[[], None] | None = None) -> None:
        """Ask for the new list; the old one stays until it arrives."""

        def shown() -> None:
            self._select_id(self.detail_pane.order_id)
            self._notice_if_filtered_out()
            self._count()
            if then is not None:
                then()

        self.model.set_query(query, shown, lambda error: messages.show_error(self, error))

    def _list_about_to_change(self) -> None:
        # The tab's own resets must not open the detail of whatever row becomes current.
        self._restoring = True
        top_index = self.table.indexAt(QPoint(1, 1))
        self._top_before_reset = self.model.id_at(top_index.row()) if top_index.isValid() else None

    def _list_changed(self) -> None:
        self._restoring = False

    def _notice_if_filtered_out(self) -> None:
        detail = self.detail_pane.detail
        if detail is not None and self.model.row_of(detail.id) is None and self.model.has_more():
            self.detail_pane.show_notice("")  # may be further down the list: not known yet
        elif detail is not None and self.model.row_of(detail.id) is None:
            self.detail_pane.show_notice(
                self.tr("This order is not in the list with the current filters.")
            )
        else:
            self.detail_pane.show_notice("")

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        key = self.model.sort_key(section)
        q = self.model.query
        if key is None:  # not sortable: put the indicator back where the list is sorted
            self.list_view.show_sort(q.sort, q.descending)
            return
        self._set_query(
            Query(q.filter, key, order == Qt.SortOrder.DescendingOrder), self.table.scrollToTop
        )

    def _count(self) -> None:
        """Count the matching orders on the database thread; a newer count makes an older one
        stale, and a total for a list no longer shown is dropped by the model."""
        generation, query, actor = self.model.generation, self.model.query, self.ctx.actor

        def count(db: Database) -> tuple[int, SearchQuery | None]:
            text = query.filter.text
            understood = None
            if text:
                with db.read() as s:
                    understood = search.understand(s, text)
            return orders.order_count(db, actor, query.filter), understood

        def counted(result: tuple[int, SearchQuery | None]) -> None:
            total, understood = result
            self.filters.show_understood(understood)
            self.model.set_total(generation, total)

        self._counts.submit(
            self.ctx.db,
            count,
            label=self.tr("Counting orders…"),
            on_done=counted,
            on_error=lambda error: log.warning("order count unavailable: %s", error),
        )

    def _select_id(self, order_id: int | None) -> None:
        """Put the list's selection back on an order, without reloading the detail."""
        row = self.model.row_of(order_id) if order_id is not None else None
        self._restoring = True
        try:
            if row is None:
                self.table.selectionModel().clearCurrentIndex()
                self.table.clearSelection()
            else:
                self.table.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._restoring = False

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """The same list read again (other desks' changes): selection and position kept.
        *then* runs once the list is back."""
        keep = self.detail_pane.order_id
        if keep is not None:
            self._show_detail(keep)

        def reloaded(same: bool) -> None:
            keep = self.detail_pane.order_id
            if not same:
                self._select_id(keep)
                top = self._top_before_reset
                top_row = self.model.row_of(top) if top is not None else None
                if top_row is not None:
                    self.table.scrollTo(
                        self.model.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                    )
            if keep is not None:
                self._notice_if_filtered_out()
            self._count()
            if then is not None:
                then()

        self.model.reload(reloaded, lambda error: messages.show_error(self, error))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        self._show_detail(self.model.id_at(current.row()))

    def _show_detail(self, order_id: int, then: Callable[[], None] | None = None) -> None:
        """Read the order on the database thread; the pane keeps the one it shows (greyed
        out, its moves disabled) until it arrives. *then* runs once it is shown."""
        actor = self.ctx.actor
        self.detail_pane.show_loading(order_id)
        self._update_actions()

        def read(db: Database) -> LoadedOrder:
            return load_order(db, actor, order_id)

        def arrived(loaded: LoadedOrder) -> None:
            self.detail_pane.show_order(loaded)
            self._update_actions()
            if then is not None:
                then()

        def refused(error: WuyeError) -> None:
            messages.show_error(self, error)
            self.detail_pane.clear()
            self._update_actions()

        self._details.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the order…"),
            on_done=arrived,
            on_error=refused,
        )

    # -- the search box ------------------------------------------------------------------------

    def _search_entered(self) -> None:
        text = self.filters.text.text().strip()
        if _ORDER_NUMBER.match(text):
            actor = self.ctx.actor

            def find(db: Database) -> int:
                return orders.get_order(db, actor, text).id

            def found(order_id: int) -> None:
                if self.filters.text.text().strip() != text:
                    return  # typed on meanwhile: what is there now is searched for
                self.filters.text.clear()  # a scan opens the order, whatever the filters
                self.filters.flush_text()
                self.open_order(order_id)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

            self._lookups.submit(
                self.ctx.db,
                find,
                label=self.tr("Looking up the order…"),
                on_done=found,
                # not a number after all: search for it
                on_error=lambda _error: self.filters.flush_text(),
            )
            return
        self.filters.flush_text()
        self.model.after_query(self._select_if_single)

    def _select_if_single(self) -> None:
        if self.model.rowCount() == 1:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _into_the_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filters.text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self.filters.flush_text()
                self.model.after_query(self._into_the_list)
                return True
            if event.key() == Qt.Key.Key_Escape and self.filters.text.text():
                self.filters.text.clear()
                self.filters.flush_text()
                return True
        return super().eventFilter(watched, event)

    # -- the moves -----------------------------------------------------------------------------

    def _selected(self) -> OrderDetail | None:
        return self.detail_pane.ready()

    def _open_dialog(self, factory: DialogFactory) -> None:
        detail = self._selected()
        if detail is None:
            return
        try:
            dialog = factory(self.ctx, detail.id, self)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_finished)
        self.active_dialog = dialog
        dialog.open()

    def _dialog_finished(self, _result: int) -> None:
        self.active_dialog = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def dispatch(self) -> None:
        if self.moves.dispatch_action.isEnabled():
            self._open_dialog(action_dialogs.DispatchDialog)

    def start_work(self) -> None:
        if self.moves.start_action.isEnabled():
            self._open_dialog(action_dialogs.StartWorkDialog)

    def issue_commitment(self) -> None:
        if self.moves.commitment_action.isEnabled():
            self._open_dialog(action_dialogs.CommitmentDialog)

    def complete(self) -> None:
        if self.moves.complete_action.isEnabled():
            self._open_dialog(action_dialogs.complete_dialog)

    def record_callback(self) -> None:
        if self.moves.callback_action.isEnabled():
            self._open_dialog(CallbackDialog)

    def close_order(self) -> None:
        if self.moves.close_action.isEnabled():
            self._open_dialog(action_dialogs.close_dialog)

    def cancel_order(self) -> None:
        if self.moves.cancel_action.isEnabled():
            self._open_dialog(action_dialogs.cancel_dialog)

    def pause(self) -> None:
        if self.moves.pause_action.isEnabled():
            self._open_dialog(action_dialogs.pause_dialog)

    def add_note(self) -> None:
        if self.moves.note_action.isEnabled():
            self._open_dialog(action_dialogs.note_dialog)

    def reply_to_regulator(self) -> None:
        if self.moves.reply_action.isEnabled():
            from wuye_desktop.ui.regulator.reply_dialog import ReplyDialog

            self._open_dialog(ReplyDialog)

    def resume(self) -> None:
        """Restart the clock: nothing to ask, so no dialog."""
        detail = self._selected()
        if detail is None or not self.moves.resume_action.isEnabled():
            return
        actor, order_id, version = self.ctx.actor, detail.id, detail.version

        def resume(db: Database) -> None:
            orders.resume(db, actor, order_id, version)

        def refused(error: WuyeError) -> None:
            messages.show_error(self, error)
            if isinstance(error, ConcurrentEdit):  # show the other desk's change
                self.ctx.signals.orders_changed.emit()

        self._run_move(resume, refused)

    def _run_move(
        self, work: Callable[[Database], None], refused: Callable[[WuyeError], None]
    ) -> None:
        """A move without a dialog, on the database thread; every view of orders reloads."""
        if self._moves.busy:
            return
        self._moves.submit(
            self.ctx.db,
            work,
            label=self.tr("Saving…"),
            on_done=lambda _none: self.ctx.signals.orders_changed.emit(),
            on_error=refused,
        )

    def add_photo(self) -> None:
        detail = self._selected()
        if detail is None or not self.moves.photo_action.isEnabled():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add photo"), "", self.tr("Pictures (*.jpg *.jpeg *.png)")
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Add photo"),
                self.tr("The file cannot be read: {error}").format(error=error.strerror),
            )
            return
        actor, order_id, name = self.ctx.actor, detail.id, Path(path).name

        def add(db: Database) -> None:
            orders.add_photo(db, actor, order_id, name, data)

        self._run_move(add, lambda error: messages.show_error(self, error))

    def open_weekly(self) -> None:
        from wuye_desktop.ui.work_orders.weekly import WeeklyDialog

        if self.weekly_dialog is not None:
            self.weekly_dialog.raise_()
            self.weekly_dialog.activateWindow()
            return
        dialog = WeeklyDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.order_activated.connect(self.open_order)
        dialog.finished.connect(lambda _r: setattr(self, "weekly_dialog", None))
        self.weekly_dialog = dialog
        dialog.show()

    # -- other desks, other tabs ---------------------------------------------------------------

    def _orders_changed(self) -> None:
        self.watch.mark_seen()
        self.reload()

    def _directory_changed(self) -> None:
        self._load_communities()
        self.model.refresh_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.watch.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.watch.stop()
        super().hideEvent(event)

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.moves.retranslate(self.detail_pane.ready())
        self.model.retranslate()
        self.list_view.show_count()
