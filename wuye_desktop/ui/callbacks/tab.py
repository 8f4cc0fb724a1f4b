"""The Callbacks tab: completed orders waiting for the owner's verdict, most urgent first.

Top, how the callbacks stand for a period (this month unless chosen otherwise): coverage of
the orders completed in it, the owners' satisfaction, and how many wait now and are overdue.
Below, the queue; overdue callbacks are red. Enter (or Ctrl+R) records the callback of the
selected order in the shared callback dialog; Ctrl+O shows the order in the work-order tab.
The search box narrows the queue as the order list's box does (core.search: an order number
or its last digits, a phone or its last 4 digits, a name, a room, a household code, a scanned
callback form ``WUYE:W:<number>``…) and says what it read the text as; Enter goes to the
first match, or says why an order number typed is not in the queue.

Everything is read on the database thread (ui.db_worker): the queue, its rows, the search and
the statistics arrive when they do, and the tab shows what it has meanwhile.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import (
    DEFAULT_PERIOD,
    PERIOD_LABELS,
    Action,
    CallbackQueue,
    CallbackStats,
    OrderDetail,
    StatsPeriod,
    period_start,
    permitted_actions,
)
from wuye_desktop.core.search import Kind, SearchQuery
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.callbacks.log_print import CallbackLogButton
from wuye_desktop.ui.callbacks.queue_model import CallbackQueueModel
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.order_watch import OrderChangeWatch
from wuye_desktop.ui.work_orders import labels

log = logging.getLogger(__name__)

_COLUMN_WIDTHS = (132, 150, 90, 100, 100, 150, 70, 100, 80)

_CARD_STYLE = (
    "QFrame#statCard { background: #f6f8fb; border: 1px solid #d9e0e8; border-radius: 4px; }"
)
_VALUE_STYLE = "font-size: 15pt; font-weight: bold; color: %s;"
_NORMAL = "#1f2d3d"
SEARCH_DELAY_MS = 200


class StatCard(QFrame):
    """A number with its caption, e.g. "90%" over "callback coverage"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setStyleSheet(_CARD_STYLE)
        self.value = QLabel("…")
        self.value.setStyleSheet(_VALUE_STYLE % _NORMAL)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #5a6573;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #5a6573;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)

    def set_value(self, value: str, detail: str = "", colour: str = _NORMAL) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(_VALUE_STYLE % colour)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


class CallbacksTab(Retranslating, QWidget):
    """The main window calls ``focus_search()`` (Ctrl+F) and ``refresh()`` (F5)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.may_record = Action.CALLBACK in permitted_actions(ctx.actor)
        self.active_dialog: QDialog | None = None
        self.stats: CallbackStats | None = None
        # One channel per kind of request: a newer one makes the one still coming stale.
        self._queue = DbChannel(self)
        self._stats = DbChannel(self)
        self._finds = DbChannel(self)
        self._after_queue: list[Callable[[], None]] = []

        # -- top row --
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload_queue)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        # What the search made of the text ("电话尾号 3719"), so the desk knows why rows show.
        self.understood = QLabel()
        self.understood.setObjectName("searchUnderstood")
        self._understood: SearchQuery | None = None
        self.period = QComboBox()
        for period in StatsPeriod:
            self.period.addItem("", period.value)
        self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD.value))
        self.period.currentIndexChanged.connect(lambda _i: self.load_stats())
        self.period_label = QLabel()
        self.period_label.setBuddy(self.period)
        self.overdue_only = QCheckBox()
        self.overdue_only.toggled.connect(lambda _on: self.reload_queue())
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record_callback)
        self.record_button.setVisible(self.may_record)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.show_in_work_orders)
        # The callback log of the period the statistics show, or blank pages.
        self.log_button = CallbackLogButton(
            ctx, lambda: period_start(str(self.period.currentData()), now_utc()).date()
        )
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.understood)
        top.addWidget(self.overdue_only)
        top.addWidget(self.record_button)
        top.addWidget(self.open_button)
        top.addWidget(self.log_button)

        # -- statistics --
        self.coverage_card = StatCard()
        self.waiting_card = StatCard()
        self.overdue_card = StatCard()
        self.satisfaction_card = StatCard()
        stats = QHBoxLayout()
        stats.addWidget(self.period_label)
        stats.addWidget(self.period)
        for card in (
            self.coverage_card,
            self.satisfaction_card,
            self.waiting_card,
            self.overdue_card,
        ):
            stats.addWidget(card, 1)

        # -- the queue --
        self.model = CallbackQueueModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda _i: self.record_callback())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.count_label = QLabel()
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #8a4b00;")
        self.notice.hide()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        below = QHBoxLayout()
        below.addWidget(self.count_label)
        below.addSpacing(12)
        below.addWidget(self.notice)
        below.addStretch(1)
        below.addWidget(self.legend)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(stats)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        QWidget.setTabOrder(self.search, self.table)

        self.record_action = self._action(self.record_callback, "Ctrl+R")
        self.record_action.setEnabled(self.may_record)
        self.open_action = self._action(self.show_in_work_orders, "Ctrl+O")

        self.watch = OrderChangeWatch(ctx, self, on_clock=lambda: self.model.refresh_rows())
        ctx.signals.orders_changed.connect(self._orders_changed)
        ctx.signals.directory_changed.connect(self.model.refresh_rows)

        self.retranslate()
        self.reload_queue()
        self.load_stats()

    def _action(self, slot: Callable[[], None], shortcut: str) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        # Only while this tab has the focus: other tabs use the same keys for their own moves.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Order number, phone or its last 4 digits, name, room, or scan; Enter")
        )
        self.search.setToolTip(self.tr("Find orders in the queue (Ctrl+F); ↓ goes to the list"))
        self.period_label.setText(self.tr("&Period"))
        for index in range(self.period.count()):
            period = StatsPeriod(str(self.period.itemData(index)))
            self.period.setItemText(index, messages.tr_core(PERIOD_LABELS[period]))
        self.overdue_only.setText(self.tr("&Overdue only"))
        self.record_button.setText(self.tr("&Record callback…"))
        self.record_button.setToolTip(self.tr("Enter or Ctrl+R on the selected order"))
        self.open_button.setText(self.tr("Open in &work orders"))
        self.open_button.setToolTip(self.tr("Ctrl+O: the order with its timeline"))
        self.coverage_card.caption.setText(self.tr("called back of those completed"))
        self.satisfaction_card.caption.setText(self.tr("satisfied or basically satisfied"))
        self.waiting_card.caption.setText(self.tr("waiting for a callback now"))
        self.overdue_card.caption.setText(self.tr("callbacks overdue now"))
        legend = html.escape(self.tr("callback overdue"))
        self.legend.setText(
            f'<span style="background:{labels.OVERDUE_BACKGROUND.name()};'
            f'color:{labels.OVERDUE_TEXT.name()}">&nbsp;{legend}&nbsp;</span>'
        )
        self.model.retranslate()
        self._show_count()
        self._show_understood()
        self._show_stats()

    # -- main window hooks ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        """F5: the queue and the statistics read again, keeping the selected order."""
        self.reload_queue()
        self.load_stats()

    # -- the queue -----------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def reload_queue(self) -> None:
        """Ask for the queue again (what the search box names of it); the old one stays on
        screen until the new one arrives."""
        self._debounce.stop()
        actor, overdue_only = self.ctx.actor, self.overdue_only.isChecked()
        text = self.search.text().strip()

        def ids(db: Database) -> CallbackQueue:
            return orders.callback_queue(db, actor, text, overdue_only=overdue_only)

        self._queue.submit(
            self.ctx.db,
            ids,
            label=self.tr("Reading the callback queue…"),
            on_done=self._queue_arrived,
            on_error=self._queue_refused,
        )

    def _queue_arrived(self, queue: CallbackQueue) -> None:
        keep = self.selected_id()  # what is selected now, not when it was asked
        self.model.set_ids(queue.ids)
        self._understood = queue.query
        self._show_understood()
        if keep is not None:
            self.select(keep)
        self._show_count()
        self._update_buttons()
        self._run_after_queue()

    def _queue_refused(self, error: WuyeError) -> None:
        messages.show_error(self, error)
        self._run_after_queue()

    def _run_after_queue(self) -> None:
        waiting, self._after_queue = self._after_queue, []
        for then in waiting:
            then()

    def after_queue(self, then: Callable[[], None]) -> None:
        """Run *then* once the queue being read is shown (now, if none is on its way)."""
        if self._queue.busy:
            self._after_queue.append(then)
        else:
            then()

    def select(self, order_id: int) -> bool:
        row = self.model.row_of(order_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("%n orders waiting for a callback", "", self.model.rowCount())
        )

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.record_button.setEnabled(chosen and self.may_record)
        self.open_button.setEnabled(chosen)

    def _show_understood(self) -> None:
        query = self._understood
        if query is None or not query.label_template:
            self.understood.clear()
            self.understood.setToolTip("")
            return
        what = messages.tr_core(query.label_template, **query.label_params)
        self.understood.setText(self.tr("Searching: {what}").format(what=what))
        self.understood.setToolTip(self.tr("What the search box's text was read as"))

    def _search_entered(self) -> None:
        """Enter (a scanner ends with it): the queue of what is typed, then its first order."""
        self.notice.hide()
        self.reload_queue()
        self.after_queue(self._take_entered)

    def _take_entered(self) -> None:
        if self.model.rowCount():
            if not self.table.currentIndex().isValid():
                self.select(self.model.id_at(0))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        query = self._understood
        if query is None or query.kind is Kind.NONE:
            return
        if self.overdue_only.isChecked():
            # It may wait without being overdue yet: look again in the whole queue.
            self.overdue_only.setChecked(False)
            self.after_queue(self._take_entered)
            return
        if query.kind is not Kind.ORDER_NUMBER:
            self._show_notice(self.tr("No order waiting for a callback matches."))
            return
        actor, number = self.ctx.actor, query.value

        def find(db: Database) -> OrderDetail:
            return orders.get_order(db, actor, number)

        # Why an order named by its number is not in the queue: its status, or no such order.
        self._finds.submit(
            self.ctx.db,
            find,
            label=self.tr("Finding the order…"),
            on_done=self._show_not_waiting,
            on_error=lambda error: self._show_notice(messages.describe(error)),
        )

    def _show_not_waiting(self, detail: OrderDetail) -> None:
        self._show_notice(
            self.tr("{number} is not waiting for a callback: it is {status}.").format(
                number=detail.row.number, status=labels.status_text(detail.row.status)
            )
        )

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    # -- the moves -----------------------------------------------------------------------------

    def record_callback(self) -> None:
        order_id = self.selected_id()
        if order_id is None or not self.may_record or self.active_dialog is not None:
            return
        # The work-order tab records callbacks with the same dialog.
        from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog

        try:
            dialog = CallbackDialog(self.ctx, order_id, self)
        except WuyeError as error:
            messages.show_error(self, error)
            self.reload_queue()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_finished)
        self.active_dialog = dialog
        dialog.open()

    def _dialog_finished(self, _result: int) -> None:
        self.active_dialog = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_in_work_orders(self) -> None:
        # Not named open_order: the main window gives an order to the tab that has that.
        order_id = self.selected_id()
        if order_id is not None:
            self.ctx.signals.open_order_requested.emit(order_id)

    # -- statistics ----------------------------------------------------------------------------

    def load_stats(self) -> None:
        """Count on the database thread: on a million orders this takes a moment; the cards
        keep the last numbers until the new ones arrive."""
        since = period_start(str(self.period.currentData()), now_utc())
        actor = self.ctx.actor

        def count(db: Database) -> CallbackStats:
            return orders.callback_stats(db, actor, since)

        self._stats.submit(
            self.ctx.db, count, label=self.tr("Counting callbacks…"), on_done=self._stats_arrived
        )

    def _stats_arrived(self, stats: CallbackStats) -> None:
        self.stats = stats
        self._show_stats()

    def _show_stats(self) -> None:
        s = self.stats
        cards = (self.coverage_card, self.satisfaction_card, self.waiting_card, self.overdue_card)
        if s is None:
            for card in cards:
                card.set_value("…")
            return
        self.coverage_card.set_value(
            f"{s.coverage:.0%}",
            self.tr("{called} of {completed} completed").format(
                called=s.called_back, completed=s.completed
            ),
        )
        verdicts = s.satisfied + s.basically_satisfied + s.dissatisfied
        rate = (s.satisfied + s.basically_satisfied) / verdicts if verdicts else 1.0
        self.satisfaction_card.set_value(
            f"{rate:.0%}" if verdicts else "—",
            self.tr("{satisfied} satisfied · {basically} basically · {dissatisfied} not").format(
                satisfied=s.satisfied,
                basically=s.basically_satisfied,
                dissatisfied=s.dissatisfied,
            ),
        )
        self.waiting_card.set_value(str(s.waiting))
        self.overdue_card.set_value(
            str(s.overdue), colour=labels.OVERDUE_TEXT.name() if s.overdue else _NORMAL
        )

    # -- other desks, other tabs ---------------------------------------------------------------

    def _orders_changed(self) -> None:
        self.watch.mark_seen()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.watch.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.watch.stop()
        super().hideEvent(event)
