"""Noticing other desks' changes to work orders, for every tab that lists orders.

A tab that shows orders owns one :class:`OrderChangeWatch`. While the tab is visible the watch
asks the core every few seconds when any order last changed; when that moves, it emits
``ctx.signals.orders_changed`` so every view of orders reloads. Between changes it calls the
tab's ``on_clock`` now and then, because "overdue" and "due soon" follow the clock even when no
order changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from wuye_desktop.core import orders
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel

log = logging.getLogger(__name__)

POLL_MS = 5000
TICKS_PER_CLOCK_REFRESH = 12  # a minute at the default interval


class OrderChangeWatch(QObject):
    """Asks on the database thread (ui.db_worker): a poll never holds up the window."""

    def __init__(self, ctx: AppContext, parent: QObject, on_clock: Callable[[], None]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._on_clock = on_clock
        self._ticks = 0
        self._last_change: object = None
        self._asks = DbChannel(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.mark_seen()

    def _ask(self, answer: Callable[[object], None]) -> None:
        def latest(db: Database) -> object:
            return orders.latest_change(db)

        self._asks.submit(
            self.ctx.db,
            latest,
            label=QCoreApplication.translate("WorkOrders", "Looking for changes…"),
            on_done=answer,
            on_error=lambda error: log.warning("cannot poll for order changes: %s", error),
        )

    def mark_seen(self) -> None:
        """The owner reloaded: what is in the database now is what it shows."""

        def seen(latest: object) -> None:
            self._last_change = latest

        self._ask(seen)

    def poll(self) -> None:
        if self._asks.busy:  # the last question is still on its way: no pile-up on a slow link
            return
        self._ask(self._polled)

    def _polled(self, latest: object) -> None:
        self._ticks += 1
        if latest is not None and latest != self._last_change:
            self._ticks = 0
            self._last_change = latest
            self.ctx.signals.orders_changed.emit()
        elif self._ticks >= TICKS_PER_CLOCK_REFRESH:
            self._ticks = 0
            self._on_clock()

    def start(self) -> None:
        """The owner became visible: poll now (changes made while hidden) and from now on."""
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()
