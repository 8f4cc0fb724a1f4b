"""What every tab and dialog is given: the database, who is logged in, and app-wide signals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database

if TYPE_CHECKING:
    from wuye_desktop.ui.regulator.scheduler import RegulatorSync


class AppSignals(QObject):
    """Broadcasts between tabs: after a change, views that show the changed data reload."""

    directory_changed = Signal()
    language_changed = Signal()
    orders_changed = Signal()  # a work order was created or changed (any tab, dialog or desk)
    # Show this order (its id) in the work-order tab; the main window switches to it.
    open_order_requested = Signal(int)
    # List exactly these orders (an OrderFilter) in the work-order tab, under this title: a
    # click on a figure of the overview.
    show_orders_requested = Signal(object, str)


@dataclass
class AppContext:
    db: Database
    actor: Actor
    display_name: str
    signals: AppSignals
    # The session's regulator sync, set by the main window (views share it: one run at a time).
    regulator_sync: RegulatorSync | None = None

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)
