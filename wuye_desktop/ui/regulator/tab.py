"""The Regulator tab (监管平台): how the exchange with the housing regulator's platform stands,
and what needs a person.

Top, the connection state in words and colour, the platform, the last sync and the last
success, the queue (pending, waiting behind a refused event, refused) and the reply rate
against the provincial 80 % target, with "Sync now" and, for administrators, the settings.
Below, three lists: events the platform refused (retry them), the tickets it dispatched
(each one an order; reply from here or from the order) and its supervision notices.

The tab reads everything again when shown, after every sync, when orders change, and every
15 seconds while it is visible (other desks sync and reply too). Reads and writes run on the
database thread (ui.db_worker); the tab shows what it read last until the answer arrives.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import OrderDetail
from wuye_desktop.core.roles import Permission
from wuye_desktop.regulator import inbox, queue, settings
from wuye_desktop.regulator.inbox import ReplyRate, SupervisionRow, TicketRow
from wuye_desktop.regulator.queue import Counts, FailedEvent
from wuye_desktop.regulator.settings import Connection, SyncStatus
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.regulator.models import FailedModel, SupervisionModel, TicketModel
from wuye_desktop.ui.regulator.scheduler import RegulatorSync

log = logging.getLogger(__name__)

REFRESH_MS = 15_000
_FLAGS = QItemSelectionModel.SelectionFlag
SKEW_SHOWN_S = 60.0
_CAPTION_STYLE = "color: #5f6b7a;"
_EMPTY_STYLE = "color: #5f6b7a; padding: 16px;"

_WIDTHS = {
    "failed": (130, 110, 150, 140, 560, 60),
    "tickets": (140, 70, 130, 130, 150, 80, 70, 100, 300, 160),
    "supervisions": (150, 150, 80, 130, 130, 420),
}


@dataclass(frozen=True)
class RegulatorState:
    """Everything the tab shows, read in one request."""

    connection: Connection
    status: SyncStatus
    counts: Counts
    failed: list[FailedEvent]
    tickets: list[TicketRow]
    notices: list[SupervisionRow]
    rate: ReplyRate


def read_state(db: Database) -> RegulatorState:
    """The state, the queue and the three lists (on the database thread)."""
    return RegulatorState(
        connection=settings.load_connection(db),
        status=settings.load_status(db),
        counts=queue.counts(db),
        failed=queue.failed_events(db, limit=500, with_resolved=True),
        tickets=inbox.tickets(db),
        notices=inbox.supervisions(db),
        rate=inbox.reply_rate(db),
    )


def may_retry(ctx: AppContext) -> bool:
    """Who may put refused events back in the queue (the core checks the same)."""
    return any(
        ctx.can(p)
        for p in (Permission.WORK_ORDERS_EDIT, Permission.LEDGER_EDIT, Permission.ADMINISTER)
    )


def _table(model: Any, widths: tuple[int, ...], multi: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


def _empty_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(_EMPTY_STYLE)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class RegulatorTab(Retranslating, QWidget):
    """The main window calls ``refresh()`` (F5); ``ctx.regulator_sync`` is the session's sync
    (a tab made on its own, in tests, makes its own that never runs by itself)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = ctx.can(Permission.ADMINISTER)
        self.can_edit_orders = ctx.can(Permission.WORK_ORDERS_EDIT)
        shared = ctx.regulator_sync
        self.sync: RegulatorSync = shared if shared is not None else RegulatorSync(ctx, self)
        self.dialog: QDialog | None = None
        self.connection = Connection()
        self.status = SyncStatus()
        self.counts = Counts(0, 0, 0, 0)
        self.rate = ReplyRate(0, 0)
        self._refreshed_at = 0.0
        self._stale = True
        self._reads = DbChannel(self)  # the state asked for last wins
        self._finds = DbChannel(self)
        self._writing = False  # a retry or dismissal is on its way

        self._build_header()
        self._build_lists()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.parts, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.sync.changed.connect(self._changed)
        self.sync.started.connect(self._show_running)
        self.sync.finished.connect(self._sync_finished)
        self.sync.activity.connect(self._sync_activity)
        ctx.signals.orders_changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = QFrame()
        self.header.setObjectName("regulatorHeader")
        self.header.setStyleSheet(
            "#regulatorHeader { background: #f7f9fb; border: 1px solid #e1e6ec; "
            "border-radius: 4px; }"
        )
        self.state_label = QLabel()
        font = self.state_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.state_label.setFont(font)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_label = QLabel()  # what the last run of this session did
        self.run_label.setStyleSheet(_CAPTION_STYLE)
        self.run_label.setWordWrap(True)
        self.run_label.hide()
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_button.setVisible(self.is_admin)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)

        top = QHBoxLayout()
        top.addWidget(self.state_label)
        top.addSpacing(12)
        top.addWidget(self.message_label, 1)
        top.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)

        keys = [
            ("url", "last_attempt", "last_success"),
            ("pending", "waiting", "failed"),
            ("rate", "skew", None),
        ]
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for row, line in enumerate(keys):
            for column, key in enumerate(line):
                if key is None:
                    continue
                caption, value = QLabel(), QLabel()
                caption.setStyleSheet(_CAPTION_STYLE)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.captions[key], self.values[key] = caption, value
                grid.addWidget(caption, row, column * 2)
                grid.addWidget(value, row, column * 2 + 1)
        # Values keep together on the left; a wide window leaves the room on the right.
        for column, width in ((1, 280), (3, 170), (5, 170)):
            grid.setColumnMinimumWidth(column, width)
        grid.setColumnStretch(6, 1)

        box = QVBoxLayout(self.header)
        box.addLayout(top)
        box.addLayout(grid)
        box.addWidget(self.run_label)

    def _build_lists(self) -> None:
        self.parts = QTabWidget()

        # -- refused events --
        self.failed_model = FailedModel(self)
        self.failed_table = _table(self.failed_model, _WIDTHS["failed"], multi=True)
        self.failed_table.activated.connect(self._failed_activated)
        self.failed_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.failed_empty = _empty_label()
        self.failed_hint = QLabel()
        self.failed_hint.setWordWrap(True)
        self.failed_hint.setStyleSheet(_CAPTION_STYLE)
        self.retry_selected_button = QPushButton()
        self.retry_selected_button.clicked.connect(self.retry_selected)
        self.retry_all_button = QPushButton()
        self.retry_all_button.clicked.connect(self.retry_all)
        for button in (self.retry_selected_button, self.retry_all_button):
            button.setVisible(may_retry(self.ctx))
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.dismiss_button.setVisible(
            any(queue.may_dismiss(self.ctx.actor, kind) for kind in ("disclosure", "event"))
        )
        failed_buttons = QHBoxLayout()
        failed_buttons.addWidget(self.failed_hint, 1)
        failed_buttons.addWidget(self.dismiss_button)
        failed_buttons.addWidget(self.retry_selected_button)
        failed_buttons.addWidget(self.retry_all_button)
        self.failed_page = QWidget()
        failed = QVBoxLayout(self.failed_page)
        failed.addWidget(self.failed_empty)
        failed.addWidget(self.failed_table, 1)
        failed.addLayout(failed_buttons)

        # -- dispatched tickets --
        self.ticket_model = TicketModel(self)
        self.ticket_table = _table(self.ticket_model, _WIDTHS["tickets"])
        self.ticket_table.activated.connect(self._ticket_activated)
        self.ticket_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.tickets_empty = _empty_label()
        self.open_ticket_order_button = QPushButton()
        self.open_ticket_order_button.clicked.connect(self.open_ticket_order)
        self.reply_button = QPushButton()
        self.reply_button.clicked.connect(self.reply)
        self.reply_button.setVisible(self.can_edit_orders)
        ticket_buttons = QHBoxLayout()
        ticket_buttons.addStretch(1)
        ticket_buttons.addWidget(self.open_ticket_order_button)
        ticket_buttons.addWidget(self.reply_button)
        self.tickets_page = QWidget()
        tickets = QVBoxLayout(self.tickets_page)
        tickets.addWidget(self.tickets_empty)
        tickets.addWidget(self.ticket_table, 1)
        tickets.addLayout(ticket_buttons)

        # -- supervision notices --
        self.supervision_model = SupervisionModel(self)
        self.supervision_table = _table(self.supervision_model, _WIDTHS["supervisions"])
        self.supervision_table.activated.connect(self._supervision_activated)
        self.supervision_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.supervisions_empty = _empty_label()
        self.open_supervision_order_button = QPushButton()
        self.open_supervision_order_button.clicked.connect(self.open_supervision_order)
        supervision_buttons = QHBoxLayout()
        supervision_buttons.addStretch(1)
        supervision_buttons.addWidget(self.open_supervision_order_button)
        self.supervisions_page = QWidget()
        supervisions = QVBoxLayout(self.supervisions_page)
        supervisions.addWidget(self.supervisions_empty)
        supervisions.addWidget(self.supervision_table, 1)
        supervisions.addLayout(supervision_buttons)

        self.parts.addTab(self.failed_page, "")
        self.parts.addTab(self.tickets_page, "")
        self.parts.addTab(self.supervisions_page, "")

    # -- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the state, the queue and the three lists again (F5)."""
        self._reads.submit(
            self.ctx.db,
            read_state,
            label=self.tr("Reading the regulator state…"),
            on_done=self._state_arrived,
            on_error=self._state_refused,
        )

    @property
    def loading(self) -> bool:
        return self._reads.busy

    def _tick(self) -> None:
        if not self._reads.busy:  # the last read still on its way: no pile-up on a slow link
            self.refresh()

    def _state_refused(self, error: WuyeError) -> None:
        log.warning("regulator views unavailable: %s", error)
        self.message_label.setText(messages.describe(error))

    def _state_arrived(self, state: RegulatorState) -> None:
        self.connection, self.status = state.connection, state.status
        self.counts, self.rate = state.counts, state.rate
        self._refreshed_at = time.monotonic()
        self._stale = False
        self._keep_selection(self.failed_table, self.failed_model, state.failed, lambda r: r.id)
        self._keep_selection(
            self.ticket_table, self.ticket_model, state.tickets, lambda r: r.ticket_id
        )
        self._keep_selection(
            self.supervision_table,
            self.supervision_model,
            state.notices,
            lambda r: r.supervision_id,
        )
        self._show_header()
        self._show_lists()
        self._update_buttons()

    def _keep_selection(self, table: QTableView, model: Any, rows: list[Any], key: Any) -> None:
        """New rows for a list, with the same rows selected as before where they still are."""
        chosen = {key(model.rows[i.row()]) for i in table.selectionModel().selectedRows()}
        current = table.currentIndex()
        current_key = key(model.rows[current.row()]) if current.isValid() else None
        model.set_rows(rows)
        selection = table.selectionModel()
        for row, item in enumerate(rows):
            k = key(item)
            if k == current_key:
                selection.setCurrentIndex(model.index(row, 0), _FLAGS.NoUpdate)
            if k in chosen:
                selection.select(model.index(row, 0), _FLAGS.Select | _FLAGS.Rows)

    def _effective_state(self) -> str:
        if not self.connection.configured:
            return "not_configured"
        if not self.connection.enabled and self.status.state in ("never", "ok"):
            return "disabled"
        return self.status.state

    def _show_header(self) -> None:
        state = self._effective_state()
        colour = labels.state_colour(state)
        self.state_label.setText(f"● {labels.state_text(state)}")
        self.state_label.setStyleSheet(f"color: {colour.name()};")
        if state == "not_configured":
            message = (
                self.tr("No regulator platform is set up yet. Set it up to report orders.")
                if self.is_admin
                else self.tr("No regulator platform is set up yet: ask an administrator.")
            )
        elif state == "disabled":
            message = self.tr("Background sync is switched off in the settings.")
        else:
            message = labels.status_message(self.status)
        self.message_label.setText(message)
        red = colour.name() if state in ("auth", "clock", "offline", "bad_answer") else "#333333"
        self.message_label.setStyleSheet(f"color: {red};")
        self.settings_button.setText(
            self.tr("Set up…") if state == "not_configured" else self.tr("Settings…")
        )
        self._show_running()

        v = self.values
        v["url"].setText(self.connection.base_url or "—")
        v["last_attempt"].setText(labels.local_time_text(self.status.last_attempt_at))
        v["last_success"].setText(labels.local_time_text(self.status.last_success_at))
        c = self.counts
        v["pending"].setText(str(c.pending - c.waiting))
        v["waiting"].setText(str(c.waiting))
        v["failed"].setText(str(c.failed))
        v["failed"].setStyleSheet(
            f"color: {labels.BAD_COLOUR.name()}; font-weight: bold;" if c.failed else ""
        )
        v["waiting"].setStyleSheet(f"color: {labels.WARN_COLOUR.name()};" if c.waiting else "")
        show_skew = abs(self.status.skew_s) > SKEW_SHOWN_S
        self.captions["skew"].setVisible(show_skew)
        v["skew"].setVisible(show_skew)
        v["skew"].setText(
            self.tr("{seconds} s (platform minus this computer)").format(
                seconds=f"{self.status.skew_s:+.0f}"
            )
        )
        v["skew"].setStyleSheet(f"color: {labels.BAD_COLOUR.name()};")
        v["rate"].setText(self.rate_text(self.rate))
        v["rate"].setStyleSheet(
            ""
            if self.rate.meets_target
            else f"color: {labels.BAD_COLOUR.name()}; font-weight: bold;"
        )

    def rate_text(self, rate: ReplyRate) -> str:
        target = labels.percent(rate.target)
        if rate.rate is None:
            return self.tr("no ticket due yet · target {target}").format(target=target)
        return self.tr("{rate} ({in_time}/{counted}) · target {target}").format(
            rate=labels.percent(rate.rate),
            in_time=rate.in_time,
            counted=rate.counted,
            target=target,
        )

    def _show_lists(self) -> None:
        failed = sum(1 for r in self.failed_model.rows if r.state == queue.FAILED)
        tickets = self.ticket_model.rowCount()
        notices = self.supervision_model.rowCount()
        self.failed_empty.setVisible(self.failed_model.rowCount() == 0)
        self.failed_table.setVisible(self.failed_model.rowCount() > 0)
        self.tickets_empty.setVisible(tickets == 0)
        self.ticket_table.setVisible(tickets > 0)
        self.supervisions_empty.setVisible(notices == 0)
        self.supervision_table.setVisible(notices > 0)
        self.parts.setTabText(0, self.tr("Failed ({n})").format(n=failed))
        self.parts.setTabText(1, self.tr("Dispatches ({n})").format(n=tickets))
        self.parts.setTabText(2, self.tr("Supervision ({n})").format(n=notices))
        self.parts.tabBar().setTabTextColor(
            0, labels.BAD_COLOUR if failed else self.parts.tabBar().palette().text().color()
        )
        overdue = sum(1 for r in self.ticket_model.rows if self.ticket_model.overdue(r))
        self.failed_hint.setText(
            self.tr(
                "The platform refused these events; the later events about the same order "
                "or subject wait. Correct the cause, then retry, or dismiss an event the "
                "platform need not have, saying why."
            )
            if failed
            else ""
        )
        if overdue:
            self.parts.setTabToolTip(
                1, self.tr("%n ticket(s) not replied to before the deadline", "", overdue)
            )

    def _show_running(self) -> None:
        running = self.sync.running
        self.sync_button.setEnabled(self.connection.configured and not running)
        self.sync_button.setText(self.tr("Syncing…") if running else self.tr("Sync &now"))

    def _update_buttons(self) -> None:
        chosen = self.selected_failed()
        refused = [r for r in chosen if r.state == queue.FAILED]
        idle = not self._writing
        self.retry_selected_button.setEnabled(idle and bool(refused))
        self.retry_all_button.setEnabled(
            idle and any(r.state == queue.FAILED for r in self.failed_model.rows)
        )
        # The core decides who may dismiss which event; the button only asks it.
        self.dismiss_button.setEnabled(
            idle
            and bool(chosen)
            and len(refused) == len(chosen)
            and all(queue.may_dismiss(self.ctx.actor, r.kind) for r in refused)
        )
        ticket = self.selected_ticket()
        has_order = ticket is not None and ticket.order_id is not None
        self.open_ticket_order_button.setEnabled(has_order)
        self.reply_button.setEnabled(has_order)
        notice = self.selected_supervision()
        self.open_supervision_order_button.setEnabled(
            notice is not None and notice.order_id is not None
        )

    # -- the lists -----------------------------------------------------------------------------

    def selected_ticket(self) -> inbox.TicketRow | None:
        index = self.ticket_table.currentIndex()
        return self.ticket_model.row_at(index.row()) if index.isValid() else None

    def selected_supervision(self) -> inbox.SupervisionRow | None:
        index = self.supervision_table.currentIndex()
        return self.supervision_model.row_at(index.row()) if index.isValid() else None

    def selected_failed(self) -> list[FailedEvent]:
        rows = self.failed_table.selectionModel().selectedRows()
        return [self.failed_model.rows[i.row()] for i in rows]

    def selected_failed_ids(self) -> list[int]:
        return [r.id for r in self.selected_failed() if r.state == queue.FAILED]

    def _open(self, order_id: int | None) -> None:
        if order_id is not None:
            self.ctx.signals.open_order_requested.emit(order_id)

    def _ticket_activated(self, index: QModelIndex) -> None:
        row = self.ticket_model.row_at(index.row())
        if row is not None:
            self._open(row.order_id)

    def _supervision_activated(self, index: QModelIndex) -> None:
        row = self.supervision_model.row_at(index.row())
        if row is not None:
            self._open(row.order_id)

    def _failed_activated(self, index: QModelIndex) -> None:
        row = self.failed_model.row_at(index.row())
        if row is None or not row.stream.startswith("order:"):
            return
        actor, number = self.ctx.actor, labels.subject_of_stream(row.stream)

        def find(db: Database) -> OrderDetail:
            return orders.get_order(db, actor, number)

        self._finds.submit(
            self.ctx.db,
            find,
            label=self.tr("Finding the order…"),
            on_done=lambda detail: self._open(detail.id),
        )

    def open_ticket_order(self) -> None:
        ticket = self.selected_ticket()
        if ticket is not None:
            self._open(ticket.order_id)

    def open_supervision_order(self) -> None:
        notice = self.selected_supervision()
        if notice is not None:
            self._open(notice.order_id)

    def reply(self) -> None:
        ticket = self.selected_ticket()
        if ticket is None or ticket.order_id is None or not self.can_edit_orders:
            return
        from wuye_desktop.ui.regulator.reply_dialog import ReplyDialog

        try:
            dialog = ReplyDialog(self.ctx, ticket.order_id, self)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def retry_selected(self) -> None:
        ids = self.selected_failed_ids()
        if ids:
            self._retry(ids)

    def retry_all(self) -> None:
        if self.failed_model.rowCount():
            self._retry(None)

    def _retry(self, ids: list[int] | None) -> None:
        actor = self.ctx.actor

        def retry(db: Database) -> int:
            return queue.retry_failed(db, actor, ids)

        def done(count: int) -> None:
            self._show_run(
                self.tr("%n event(s) back in the queue: they go with the next sync.", "", count)
            )
            self.sync.notify()

        self._write(retry, self.tr("Putting the events back in the queue…"), done)

    def _write(
        self, work: Callable[[Database], int], label: str, done: Callable[[int], None]
    ) -> None:
        """One core call that changes the queue, on the database thread; the retry and
        dismiss buttons wait for its answer, then the lists are read again."""
        if self._writing:
            return

        def finished() -> None:
            self._writing = False
            self.refresh()
            self._update_buttons()

        self._writing = True
        self._update_buttons()
        request = run_db(self, self.ctx.db, work, label=label, on_done=done)
        request.finished.connect(finished)

    def dismiss_selected(self) -> None:
        ids = self.selected_failed_ids()
        if not ids:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Dismiss refused events"),
            self.tr(
                "%n event(s) will never be sent to the platform, and what waits behind them "
                "goes on. Why need the platform not have them? (Kept in the audit log.)",
                "",
                len(ids),
            ),
        )
        if not ok:
            return
        actor = self.ctx.actor

        def dismiss(db: Database) -> int:
            return queue.dismiss(db, actor, ids, reason)

        def done(count: int) -> None:
            self._show_run(self.tr("%n event(s) dismissed.", "", count))
            self.sync.notify()

        self._write(dismiss, self.tr("Dismissing the events…"), done)

    # -- syncing -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.sync.sync_now(self):
            self._show_run(self.tr("Syncing with the platform…"))
        self._show_running()

    def _show_run(self, text: str) -> None:
        self.run_label.setText(text)
        self.run_label.setVisible(bool(text))

    def _sync_activity(self, step: tuple[str, dict[str, Any]]) -> None:
        """What the run does now, while it runs (background runs too)."""
        if self.sync.running:
            template, params = step
            self._show_run(messages.tr_core_nested(template, **params) + "…")

    def _sync_finished(self, report: Any) -> None:
        self._show_run(self.report_text(report))
        self.refresh()

    def report_text(self, report: Any) -> str:
        """One line on what a run did."""
        parts = [
            self.tr("Last run: {state}").format(state=labels.state_text(report.state)),
            self.tr("{n} sent").format(n=report.sent),
            self.tr("%n new ticket(s)", "", report.tickets),
            self.tr("%n new notice(s)", "", report.supervisions),
        ]
        if report.parked:
            parts.append(self.tr("{n} refused").format(n=report.parked))
        if report.deferred:
            parts.append(self.tr("{n} to retry later").format(n=report.deferred))
        if report.unreadable:
            parts.append(self.tr("%n unreadable item(s) skipped", "", report.unreadable))
        text = " · ".join(parts)
        if report.state == "busy":
            text += " — " + self.tr(
                "another desk is syncing right now; it sends this desk's events too"
            )
        return text

    def open_settings(self) -> None:
        if not self.is_admin:
            return
        from wuye_desktop.ui.regulator.settings_dialog import open_settings

        dialog = open_settings(self.ctx, self, self.sync)
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # -- showing -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or time.monotonic() - self._refreshed_at > 1.0:
            self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        captions = {
            "url": self.tr("Platform"),
            "last_attempt": self.tr("Last sync"),
            "last_success": self.tr("Last success"),
            "pending": self.tr("To send"),
            "waiting": self.tr("Waiting behind a refused event"),
            "failed": self.tr("Refused"),
            "rate": self.tr("Reply rate"),
            "skew": self.tr("Clock difference"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.sync_button.setToolTip(self.tr("Send what is queued and fetch new tickets now"))
        self.settings_button.setToolTip(self.tr("Platform address, secret, interval"))
        self.retry_selected_button.setText(self.tr("Retry &selected"))
        self.retry_all_button.setText(self.tr("Retry &all"))
        self.dismiss_button.setText(self.tr("&Dismiss…"))
        self.open_ticket_order_button.setText(self.tr("&Open order"))
        self.open_supervision_order_button.setText(self.tr("&Open order"))
        self.reply_button.setText(self.tr("&Reply…"))
        self.failed_empty.setText(
            self.tr("Nothing refused: every event reached the platform or is on its way.")
        )
        self.tickets_empty.setText(
            self.tr(
                "No ticket from the platform yet. Tickets (12345 calls, platform complaints) "
                "become work orders by themselves at the next sync."
            )
        )
        self.supervisions_empty.setText(self.tr("No supervision notice."))
        for model in (self.failed_model, self.ticket_model, self.supervision_model):
            model.retranslate()
        self._show_header()
        self._show_lists()
