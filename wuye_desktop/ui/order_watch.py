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

from PySide6.QtCore import QObject, QTimer

from wuye_desktop.core import order_queries
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.ui.context import AppContext

log = logging.getLogger(__name__)

POLL_MS = 5000
TICKS_PER_CLOCK_REFRESH = 12  # a minute at the default interval


class OrderChangeWatch(QObject):
    def __init__(self, ctx: AppContext, parent: QObject, on_clock: Callable[[], None]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._on_clock = on_clock
        self._ticks = 0
        self._last_change = self._latest_change()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def _latest_change(self) -> object:
        try:
            return order_queries.latest_change(self.ctx.db)
        except WuyeError as error:
            log.warning("cannot poll for order changes: %s", error)
            return None

    def mark_seen(self) -> None:
        """The owner reloaded: what is in the database now is what it shows."""
        self._last_change = self._latest_change()

    def poll(self) -> None:
        latest = self._latest_change()
        self._ticks += 1
        if latest is not None and latest != self._last_change:
            self._ticks = 0
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
