"""Waiting for start-up work without freezing the window on screen.

Before the main window exists there is nothing to go on with while the database opens, but the
login dialog is already shown and must stay responsive (typing, choosing the language). The
work runs on a thread of its own; the GUI thread handles events meanwhile. Only for the steps of
start-up (``ui/app.py``): a view asks the database through ``ui/db_worker.run_db`` instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Signal

T = TypeVar("T")


class _Done(QObject):
    # Emitted on the worker thread; delivered queued on the GUI thread, where this lives.
    finished = Signal()


def wait_off_thread(work: Callable[[], T]) -> T:
    """Run *work* on another thread and return its result (or raise its exception), handling
    the GUI's events until it is done."""
    outcome: list[T] = []
    failure: list[BaseException] = []
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit)

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # raised again on the GUI thread, which decides
            failure.append(exc)
        finally:
            done.finished.emit()

    thread = threading.Thread(target=run, name="wuye-start-up", daemon=True)
    thread.start()
    loop.exec()  # the quit is queued, so it arrives even when the work ends before exec() starts
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]
