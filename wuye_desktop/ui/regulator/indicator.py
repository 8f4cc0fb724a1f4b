"""The status-bar word on the regulator: "监管平台: 正常 · 待发 3 · 失败 1".

Hidden while no platform is set up. It reads the stored state and the queue counts after each
tick of the session's sync (the first one a few seconds after start-up, never during it) and
when orders change, on the database thread (ui.db_worker); a click opens the Regulator tab.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.regulator.scheduler import RegulatorSync

if TYPE_CHECKING:
    from wuye_desktop.regulator.queue import Counts
    from wuye_desktop.regulator.settings import Connection, SyncStatus

log = logging.getLogger(__name__)


def _read(db: Database) -> tuple[Connection, SyncStatus, Counts] | None:
    """The platform's settings, the last sync and the queue; None while none is set up."""
    from wuye_desktop.regulator import queue, settings

    connection = settings.load_connection(db)
    if not connection.configured:
        return None
    return connection, settings.load_status(db), queue.counts(db)


class RegulatorIndicator(QLabel):
    clicked = Signal()

    def __init__(self, ctx: AppContext, sync: RegulatorSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()
        sync.changed.connect(self.refresh)
        ctx.signals.orders_changed.connect(self.refresh)  # a change queues an event
        sync.started.connect(self._running)
        self.state = ""
        self._reads = DbChannel(self)

    def refresh(self) -> None:
        """Ask for the state on the database thread; the word shown stays until it arrives."""
        self._reads.submit(
            self.ctx.db,
            _read,
            label=self.tr("Reading the regulator state…"),
            on_done=self._arrived,
            on_error=lambda error: log.warning("regulator state unavailable: %s", error),
        )

    def _arrived(self, read: tuple[Connection, SyncStatus, Counts] | None) -> None:
        if read is None:
            self.hide()
            return
        connection, status, counts = read
        state = status.state
        if not connection.enabled and state in ("never", "ok"):
            state = "disabled"
        self.state = state
        text = self.tr("Regulator: {state}").format(state=labels.short_state_text(state))
        waiting = counts.pending
        if waiting:
            text += " · " + self.tr("to send {n}").format(n=waiting)
        if counts.failed:
            text += " · " + self.tr("refused {n}").format(n=counts.failed)
        self.setText(text)
        colour = labels.state_colour(state)
        if counts.failed and state == "ok":
            colour = labels.BAD_COLOUR
        self.setStyleSheet(f"color: {colour.name()};")
        self.setToolTip(labels.status_message(status) or labels.state_text(state))
        self.show()

    def _running(self) -> None:
        if self.isVisible():
            self.setToolTip(self.tr("Syncing with the regulator platform…"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)
