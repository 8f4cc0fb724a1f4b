"""The status-bar word on the regulator: "监管平台: 正常 · 待发 3 · 失败 1".

Hidden while no platform is set up. It reads the stored state and the queue counts after each
tick of the session's sync (the first one a few seconds after start-up, never during it) and
when orders change; a click opens the Regulator tab.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.regulator.scheduler import RegulatorSync

log = logging.getLogger(__name__)


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

    def refresh(self) -> None:
        from wuye_desktop.regulator import queue, settings

        try:
            connection = settings.load_connection(self.ctx.db)
            if not connection.configured:
                self.hide()
                return
            status = settings.load_status(self.ctx.db)
            counts = queue.counts(self.ctx.db)
        except WuyeError as error:
            log.warning("regulator state unavailable: %s", error)
            return
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
