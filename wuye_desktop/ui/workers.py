"""Long work off the GUI thread: progress, cancel, and the outcome back on the GUI thread.

One call does it all::

    task = run_in_background(
        self,
        lambda progress: roster.import_households(db, actor, path, code, progress),
        label=self.tr("Importing households…"),
        on_done=self._imported,        # gets the function's result, on the GUI thread
        on_error=self._refused,        # gets a WuyeError; without it show_error() shows it
    )

The function receives ``progress(done, total)``, the plain callback the core services take.
Once the user has pressed Cancel, the next ``progress`` call raises :class:`Cancelled` inside the
worker, so the work ends there (a core transaction rolls back) and ``on_cancelled`` runs.
A progress dialog appears only if the work is still running after ``show_after_ms``, so quick
work never flashes a window. Unexpected exceptions are logged with the task's label and shown
as a short message; they are never swallowed silently.

The returned :class:`Task` carries the same outcome as signals (``succeeded``, ``failed``,
``cancelled``, then always ``finished``), for callers and tests that prefer to connect.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.progress import Progress
from wuye_desktop.ui import messages

log = logging.getLogger(__name__)

T = TypeVar("T")

# Progress reports closer together than this are merged: a 50,000-row import must not flood
# the GUI thread's event queue.
_PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised by ``progress()`` in the worker once the user has asked to cancel."""


class Task(QObject):
    """One piece of work running in the thread pool. Its signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Emitted from the worker thread; queued to the slots below, which run on the GUI thread.
    _worker_progress = Signal(int, int)
    _worker_result = Signal(object)
    _worker_error = Signal(object)
    _worker_cancelled = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        *,
        label: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[WuyeError], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
        show_after_ms: int = 500,
    ) -> None:
        super().__init__()
        self.label = label
        self.progress_dialog: QProgressDialog | None = None
        self._parent = parent
        self._work = work
        self._on_done, self._on_error, self._on_cancelled = on_done, on_error, on_cancelled
        self._cancellable = cancellable
        self._cancel_requested = threading.Event()
        self._running = False
        self._last: tuple[int, int] = (0, 0)
        self._last_report = 0.0
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(show_after_ms)
        self._show_timer.timeout.connect(self._show_dialog)
        self._worker_progress.connect(self._on_worker_progress)
        self._worker_result.connect(self._on_worker_result)
        self._worker_error.connect(self._on_worker_error)
        self._worker_cancelled.connect(self._on_worker_cancelled)

    # -- control -----------------------------------------------------------------------------

    def start(self) -> None:
        self._running = True
        _running_tasks.add(self)  # keep the Python object alive until the outcome is delivered
        self._show_timer.start()
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel_requested.set()

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested.is_set()

    # -- worker thread -----------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        if self._cancel_requested.is_set():
            raise Cancelled
        now = time.monotonic()
        if done >= total or now - self._last_report >= _PROGRESS_INTERVAL_S:
            self._last_report = now
            self._worker_progress.emit(done, total)

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self._worker_cancelled.emit()
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            self._worker_error.emit(exc)
        else:
            self._worker_result.emit(result)

    # -- GUI thread --------------------------------------------------------------------------

    def _parent_alive(self) -> QWidget | None:
        parent = self._parent
        return parent if parent is not None and shiboken6.isValid(parent) else None

    @Slot()
    def _show_dialog(self) -> None:
        if not self._running:
            return
        parent = self._parent_alive()
        cancel_text = self.tr("Cancel") if self._cancellable else ""
        dialog = QProgressDialog(self.label, cancel_text, 0, 0, parent)
        # A short title (a long one was cut by the window's width) and room for the label,
        # which says what is being done.
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setMinimumWidth(max(360, dialog.fontMetrics().horizontalAdvance(self.label) + 96))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._on_dialog_canceled)
        self.progress_dialog = dialog
        self._apply_progress(*self._last)
        dialog.show()

    @Slot()
    def _on_dialog_canceled(self) -> None:
        self.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(self.tr("Cancelling…"))

    def _apply_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or total <= 0:
            return
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))

    @Slot(int, int)
    def _on_worker_progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        self._apply_progress(done, total)
        self.progressed.emit(done, total)

    def _end(self) -> None:
        self._running = False
        self._show_timer.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _deliver_and_finish(self, deliver: Callable[[], None]) -> None:
        try:
            if self._parent is None or self._parent_alive() is not None:
                deliver()
        finally:
            self.finished.emit()
            _running_tasks.discard(self)

    @Slot(object)
    def _on_worker_result(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        done = self._on_done
        self._deliver_and_finish(lambda: done(result) if done is not None else None)

    @Slot()
    def _on_worker_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        done = self._on_cancelled
        self._deliver_and_finish(lambda: done() if done is not None else None)

    @Slot(object)
    def _on_worker_error(self, exc: BaseException) -> None:
        self._end()
        self.failed.emit(exc)
        self._deliver_and_finish(lambda: self._report(exc))

    def _report(self, exc: BaseException) -> None:
        report_failure(self._parent_alive(), self.label, exc, self._on_error)


def report_failure(
    parent: QWidget | None,
    label: str,
    exc: BaseException,
    on_error: Callable[[WuyeError], None] | None,
) -> None:
    """What a failed piece of work shows: a WuyeError goes to *on_error* (or the standard
    message box); anything else is logged with *label* and shown as one short line, never a
    traceback. Shared by the thread-pool tasks here and the database worker (db_worker)."""
    if isinstance(exc, WuyeError):
        if on_error is not None:
            on_error(exc)
        else:
            messages.show_error(parent, exc)
        return
    log.error("background task %r failed", label, exc_info=exc)
    QMessageBox.critical(
        parent,
        label,
        QCoreApplication.translate(
            "Task", "Something went wrong: {error}\nThe details are in the log file."
        ).format(error=exc),
    )


# Work whose outcome is not delivered yet: tasks here and database requests (db_worker).
_running_tasks: set[QObject] = set()


def track(work: QObject) -> None:
    """Keep *work* alive and listed by running_tasks() until untrack()."""
    _running_tasks.add(work)


def untrack(work: QObject) -> None:
    _running_tasks.discard(work)


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], T],
    *,
    label: str,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[WuyeError], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
    show_after_ms: int = 500,
) -> Task:
    """Start *work* in the thread pool and return its :class:`Task` (see the module doc).

    Callbacks run on the GUI thread, and only while *parent* still exists.
    """
    task = Task(
        parent,
        work,
        label=label,
        on_done=on_done,
        on_error=on_error,
        on_cancelled=on_cancelled,
        cancellable=cancellable,
        show_after_ms=show_after_ms,
    )
    task.start()
    return task


def running_tasks() -> list[QObject]:
    """Work not yet finished, in the pool or on the database worker (tests and the self-test
    wait for it before closing the database)."""
    return list(_running_tasks)
