"""Waiting for start-up work without freezing the window on screen.

Before the main window exists there is nothing to go on with while the database opens, but the
login dialog is already shown and must stay responsive (typing, choosing the language). The
work runs on a thread of its own; the GUI thread handles events meanwhile. Only for the steps of
start-up (``ui/app.py``): a view asks the database through ``ui/db_worker.run_db`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Signal, Slot

from wuye_desktop.core.own_thread import OwnThread

T = TypeVar("T")


class _Done(QObject):
    # Emitted on the worker thread; delivered queued on the GUI thread, where this lives.
    finished = Signal()


def wait_off_thread(work: Callable[[], T]) -> T:
    """Run *work* on another thread and return its result (or raise its exception), handling
    the GUI's events until it is done."""
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit)
    job = OwnThread(work, "wuye-start-up", last=done.finished.emit)
    loop.exec()  # the quit is queued, so it arrives even when the work ends before exec() starts
    return job.result()


class ProgressRelay(QObject):
    """A progress callback for work on another thread: called there with (done, total), it
    calls *show* on the GUI thread (where the relay is made), queued, in order."""

    told = Signal(int, int)

    def __init__(self, show: Callable[[int, int], None]) -> None:
        super().__init__()
        self._show = show
        self.told.connect(self._shown)

    def __call__(self, done: int, total: int) -> None:
        self.told.emit(done, total)

    @Slot(int, int)
    def _shown(self, done: int, total: int) -> None:
        self._show(done, total)
