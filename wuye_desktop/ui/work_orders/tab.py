"""The Work orders tab: the desk's list of orders, the selected one in full, and every move.

Top, the moves on the selected order (toolbar, context menu and shortcuts) and the filters.
Left, the list: a lazy model over keyset pages, sorted and filtered by SQL. Right, the order
with its timeline. Changes made here, in other tabs or at other desks show up by themselves:
dialogs announce theirs through ``ctx.signals.orders_changed``, and while the tab is visible a
timer asks the database every few seconds whether any order changed.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.core.errors import ConcurrentEdit, WuyeError
from wuye_desktop.core.orders import (
    Action,
    OrderDetail,
    available_actions,
    dispatch_is_transfer,
    permitted_actions,
)
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.documents.order_prints import OrderPrintActions
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.order_watch import OrderChangeWatch
from wuye_desktop.ui.work_orders import action_dialogs, labels
from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog
from wuye_desktop.ui.work_orders.detail import OrderDetailPane
from wuye_desktop.ui.work_orders.filter_bar import FilterBar
from wuye_desktop.ui.work_orders.list_model import OrderListModel, Query

log = logging.getLogger(__name__)

_ORDER_NUMBER = re.compile(r"^(WUYE:W:)?[A-Z]{2}\d{8}-\d+$", re.IGNORECASE)

_COLUMN_WIDTHS = {
    "number": 132,
    "status": 100,
    "due": 96,
    "supervision": 76,
    "tier": 90,
    "category": 100,
    "community": 96,
    "place": 86,
    "description": 220,
    "handler": 76,
    "reported_at": 90,
    "channel": 104,
    "source": 80,
}

DialogFactory = Callable[[AppContext, int, QWidget], QDialog]


class WorkOrdersTab(Retranslating, QWidget):
    """The main window calls ``focus_search()`` (Ctrl+F) and ``refresh()`` (F5); other tabs
    call ``open_order(order_id)``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # What the role may do at all is shown; what the selected order allows is enabled.
        self.permitted = permitted_actions(ctx.actor)
        self.moves: dict[QAction, Action] = {}
        self._tips: dict[QAction, str] = {}
        self.active_dialog: QDialog | None = None
        self.weekly_dialog: QDialog | None = None
        self._counts = DbChannel(self)  # one count at a time, the last asked wins
        self._communities = DbChannel(self)
        self._restoring = False  # while the tab itself moves the list's selection
        self._top_before_reset: int | None = None  # the order at the top before a reload

        self._build_actions()
        self.filters = FilterBar()
        self.filters.changed.connect(self.apply_filters)
        self.filters.text.installEventFilter(self)
        self.filters.text.returnPressed.connect(self._search_entered)

        self.model = OrderListModel(ctx, self)
        self.model.loaded_changed.connect(self._show_count)
        self.model.modelAboutToBeReset.connect(self._list_about_to_change)
        self.model.modelReset.connect(self._list_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, spec in enumerate(self.model.columns):
            self.table.setColumnWidth(column, _COLUMN_WIDTHS.get(spec.key, 100))
        header.setSortIndicator(self.model.section_of("reported_at"), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.count_label = QLabel()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        below = QHBoxLayout()
        below.setContentsMargins(2, 0, 2, 0)
        below.addWidget(self.count_label)
        below.addStretch(1)
        below.addWidget(self.legend)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(below)

        self.detail_pane = OrderDetailPane(ctx)
        self.detail_pane.add_photo_requested.connect(self.add_photo)
        self.detail_pane.regulator_box.reply_requested.connect(self.reply_to_regulator)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([920, 560])

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
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

    def _action(
        self, slot: Callable[[], None], shortcut: str | None = None, *, move: Action | None = None
    ) -> QAction:
        """An action of the toolbar; one that makes *move* on the selected order is shown only
        to a role that may make it, and enabled only when the core allows it on that order."""
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Only while this tab has the focus: other tabs may use the same keys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        if move is not None:
            self.moves[action] = move
            action.setVisible(move in self.permitted)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.dispatch_action = self._action(self.dispatch, "Ctrl+D", move=Action.DISPATCH)
        self.start_action = self._action(self.start_work, "Ctrl+Shift+S", move=Action.START)
        self.complete_action = self._action(self.complete, "Ctrl+Shift+C", move=Action.COMPLETE)
        self.callback_action = self._action(self.record_callback, "Ctrl+R", move=Action.CALLBACK)
        self.close_action = self._action(self.close_order, move=Action.CLOSE)
        self.cancel_action = self._action(self.cancel_order, move=Action.CANCEL)
        self.pause_action = self._action(self.pause, move=Action.PAUSE)
        self.resume_action = self._action(self.resume, move=Action.RESUME)
        self.commitment_action = self._action(self.issue_commitment, move=Action.ISSUE_COMMITMENT)
        self.note_action = self._action(self.add_note, "Ctrl+M", move=Action.NOTE)
        self.photo_action = self._action(self.add_photo, move=Action.PHOTO)
        self.reply_action = self._action(self.reply_to_regulator, move=Action.REPLY)
        self.refresh_action = self._action(self.refresh)
        self.weekly_action = self._action(self.open_weekly)
        self.order_actions = [
            self.dispatch_action,
            self.start_action,
            self.complete_action,
            self.callback_action,
            self.close_action,
            self.cancel_action,
            self.pause_action,
            self.resume_action,
            self.commitment_action,
            self.note_action,
            self.photo_action,
            self.reply_action,
        ]

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setStyleSheet("QToolBar { spacing: 2px; border: none; }")
        for action in self.order_actions[:4]:
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.note_action, self.photo_action, self.pause_action):
            self.toolbar.addAction(action)
        self.toolbar.addAction(self.resume_action)
        self.toolbar.addSeparator()
        for action in (self.commitment_action, self.close_action, self.cancel_action):
            self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.prints = OrderPrintActions(self.ctx, self, self._selected)
        self.toolbar.addWidget(self.prints.button)
        self.toolbar.addAction(self.weekly_action)
        self.toolbar.addAction(self.refresh_action)
        self.shortcuts_button = QToolButton()
        self.shortcuts_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.shortcuts_menu = QMenu(self.shortcuts_button)
        self.shortcuts_button.setMenu(self.shortcuts_menu)
        self.toolbar.addWidget(self.shortcuts_button)

    def _update_actions(self) -> None:
        """Enable what the core allows on the order shown; a disabled move's tip says why."""
        detail = self.detail_pane.detail
        self.prints.set_order(detail)
        available = available_actions(detail, self.ctx.actor) if detail is not None else {}
        transfer = detail is not None and dispatch_is_transfer(detail.row.status)
        self.dispatch_action.setText(self.tr("&Transfer…") if transfer else self.tr("&Dispatch…"))
        for action, move in self.moves.items():
            tip = self._tips.get(action, "")
            availability = available.get(move)
            action.setEnabled(availability is not None and availability.allowed)
            if availability is not None and availability.refusal is not None:
                tip = f"{tip}\n{messages.describe(availability.refusal)}"
            action.setToolTip(tip)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # why a greyed-out move is not possible now
        for action in self.order_actions:
            if action.isVisible():
                menu.addAction(action)
        menu.addSeparator()
        if self.prints.slip_action.isVisible():
            menu.addActions(self.prints.actions)
            menu.addSeparator()
        menu.addAction(self.refresh_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

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
        if self._show_detail(order_id):
            self._notice_if_filtered_out()

    # -- the list ------------------------------------------------------------------------------

    def _column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key)

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
        return Query(self.filters.value(), q.sort, q.descending)

    def apply_filters(self) -> None:
        self._set_query(self.current_query())

    def _set_query(self, query: Query, then: Callable[[], None] | None = None) -> None:
        """Ask for the new list; the old one stays until it arrives."""

        def shown() -> None:
            keep = self.detail_pane.detail.id if self.detail_pane.detail is not None else None
            self._select_id(keep)
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
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.section_of(q.sort),
                Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self._set_query(
            Query(q.filter, key, order == Qt.SortOrder.DescendingOrder), self.table.scrollToTop
        )

    def _count(self) -> None:
        """Count the matching orders on the database thread; a newer count makes an older one
        stale, and a total for a list no longer shown is dropped by the model."""
        generation, query, actor = self.model.generation, self.model.query, self.ctx.actor

        def count(db: Database) -> int:
            return orders.order_count(db, actor, query.filter)

        self._counts.submit(
            self.ctx.db,
            count,
            label=self.tr("Counting orders…"),
            on_done=lambda total: self.model.set_total(generation, total),
            on_error=lambda error: log.warning("order count unavailable: %s", error),
        )

    def _show_count(self) -> None:
        loaded = self.model.loaded_count()
        total = self.model.total
        if total is None and not self.model.has_more():
            total = loaded
        if total is None:
            text = self.tr("Showing {loaded} — counting…").format(loaded=f"{loaded:,}")
        elif total == 0:
            text = self.tr("No order matches the filters.")
        else:
            text = self.tr("Showing {loaded} of {total}").format(
                loaded=f"{loaded:,}", total=f"{total:,}"
            )
        self.count_label.setText(text)

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
        keep = self.detail_pane.detail.id if self.detail_pane.detail is not None else None
        if keep is not None:
            self._show_detail(keep)

        def reloaded(same: bool) -> None:
            keep = self.detail_pane.detail.id if self.detail_pane.detail is not None else None
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

    def _show_detail(self, order_id: int) -> bool:
        try:
            detail = orders.get_order(self.ctx.db, self.ctx.actor, order_id)
        except WuyeError as error:
            messages.show_error(self, error)
            self.detail_pane.clear()
            self._update_actions()
            return False
        self.detail_pane.show_order(detail)
        self._update_actions()
        return True

    # -- the search box ------------------------------------------------------------------------

    def _search_entered(self) -> None:
        text = self.filters.text.text().strip()
        if _ORDER_NUMBER.match(text):
            try:
                detail = orders.get_order(self.ctx.db, self.ctx.actor, text)
            except WuyeError:
                self.filters.flush_text()  # not a number after all: search for it
                return
            self.filters.text.clear()  # a scan opens the order, whatever the filters
            self.filters.flush_text()
            self.open_order(detail.id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
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
        return self.detail_pane.detail

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
        if self.dispatch_action.isEnabled():
            self._open_dialog(action_dialogs.DispatchDialog)

    def start_work(self) -> None:
        if self.start_action.isEnabled():
            self._open_dialog(action_dialogs.StartWorkDialog)

    def issue_commitment(self) -> None:
        if self.commitment_action.isEnabled():
            self._open_dialog(action_dialogs.CommitmentDialog)

    def complete(self) -> None:
        if self.complete_action.isEnabled():
            self._open_dialog(action_dialogs.complete_dialog)

    def record_callback(self) -> None:
        if self.callback_action.isEnabled():
            self._open_dialog(CallbackDialog)

    def close_order(self) -> None:
        if self.close_action.isEnabled():
            self._open_dialog(action_dialogs.close_dialog)

    def cancel_order(self) -> None:
        if self.cancel_action.isEnabled():
            self._open_dialog(action_dialogs.cancel_dialog)

    def pause(self) -> None:
        if self.pause_action.isEnabled():
            self._open_dialog(action_dialogs.pause_dialog)

    def add_note(self) -> None:
        if self.note_action.isEnabled():
            self._open_dialog(action_dialogs.note_dialog)

    def reply_to_regulator(self) -> None:
        if self.reply_action.isEnabled():
            from wuye_desktop.ui.regulator.reply_dialog import ReplyDialog

            self._open_dialog(ReplyDialog)

    def resume(self) -> None:
        """Restart the clock: nothing to ask, so no dialog."""
        detail = self._selected()
        if detail is None or not self.resume_action.isEnabled():
            return
        try:
            orders.resume(self.ctx.db, self.ctx.actor, detail.id, detail.version)
        except ConcurrentEdit as error:
            messages.show_error(self, error)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        self.ctx.signals.orders_changed.emit()

    def add_photo(self) -> None:
        detail = self._selected()
        if detail is None or not self.photo_action.isEnabled():
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
        try:
            orders.add_photo(self.ctx.db, self.ctx.actor, detail.id, Path(path).name, data)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        self.ctx.signals.orders_changed.emit()

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
        texts = [
            (
                self.dispatch_action,
                self.tr("&Dispatch…"),
                self.tr("Send to a channel and a handler; on a dispatched order, transfer it"),
            ),
            (
                self.start_action,
                self.tr("&Start work…"),
                self.tr("Work begins; a promised repair needs its commitment"),
            ),
            (
                self.complete_action,
                self.tr("&Complete…"),
                self.tr("The work is done; the order waits for its callback"),
            ),
            (
                self.callback_action,
                self.tr("Call&back…"),
                self.tr("Record the owner's verdict; dissatisfied reopens the order"),
            ),
            (
                self.close_action,
                self.tr("Cl&ose…"),
                self.tr("Close a completed order without a callback"),
            ),
            (
                self.cancel_action,
                self.tr("C&ancel order…"),
                self.tr("Cancel the order, with a reason"),
            ),
            (
                self.pause_action,
                self.tr("&Pause…"),
                self.tr("Stop the deadline clock, with a reason"),
            ),
            (self.resume_action, self.tr("&Resume"), self.tr("Restart the deadline clock")),
            (
                self.commitment_action,
                self.tr("&Issue commitment…"),
                self.tr("Record the written promise of a promised repair"),
            ),
            (self.note_action, self.tr("&Note…"), self.tr("Add a note to the timeline")),
            (self.photo_action, self.tr("P&hoto…"), self.tr("Attach a JPEG or PNG picture")),
            (
                self.reply_action,
                self.tr("Reply to re&gulator…"),
                self.tr("Answer the regulator's ticket this order was made from"),
            ),
            (self.refresh_action, self.tr("Refresh"), self.tr("Read the list again (F5)")),
            (
                self.weekly_action,
                self.tr("&Weekly list…"),
                self.tr("Unfinished orders as of Friday 16:00 of a week, per community"),
            ),
        ]
        for action, text, tip in texts:
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self._tips[action] = f"{tip} ({keys})" if keys else tip
            action.setToolTip(self._tips[action])
            action.setStatusTip(tip)
        self._update_actions()
        self.shortcuts_button.setText(self.tr("Keys"))
        lines = [
            (self.tr("Search box"), "Ctrl+F"),
            (self.tr("Refresh"), "F5"),
            (self.tr("Dispatch / transfer"), "Ctrl+D"),
            (self.tr("Start work"), "Ctrl+Shift+S"),
            (self.tr("Complete"), "Ctrl+Shift+C"),
            (self.tr("Callback"), "Ctrl+R"),
            (self.tr("Note"), "Ctrl+M"),
            (self.tr("From the search box into the list"), "↓"),
        ]
        self.shortcuts_menu.clear()
        for text, keys in lines:
            item = self.shortcuts_menu.addAction(f"{text}\t{keys}")
            item.setEnabled(False)
        self.shortcuts_button.setToolTip("\n".join(f"{keys}  {text}" for text, keys in lines))
        swatch = "<span style='background:{colour}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}"
        self.legend.setText(
            " &nbsp; ".join(
                [
                    swatch.format(
                        colour=labels.OVERDUE_BACKGROUND.name(),
                        text=html.escape(self.tr("overdue")),
                    ),
                    swatch.format(
                        colour=labels.DUE_SOON_BACKGROUND.name(),
                        text=html.escape(self.tr("due soon")),
                    ),
                    "<span style='color:{colour}'>{text}</span>".format(
                        colour=labels.PAUSED_TEXT.name(), text=html.escape(self.tr("paused"))
                    ),
                ]
            )
        )
        self.model.retranslate()
        self._show_count()
