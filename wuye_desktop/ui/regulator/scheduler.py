"""The session's regulator sync: in the background every interval, or now when asked.

One :class:`RegulatorSync` per main window. It is the only way the program syncs, so that two
runs never overlap inside one process (the database lease only keeps other desks out). Runs go
to the thread pool through ``run_in_background``: the background ones silently, "Sync now"
with the delayed progress dialog. After a 401 or a clock stop it waits for a person: "Sync now"
or saving the settings starts it again. ``stop()`` (the window closing) asks a running sync to
end at its next step and waits a few seconds for it. Between runs the settings (on or off, the
interval, when the last run was) are read on the database thread, never on the GUI thread.

The regulator modules (the sync, httpx with it) are imported only when first needed,
so start-up does not pay for it.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.progress import Progress
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import workers
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.messages import describe

if TYPE_CHECKING:
    from wuye_desktop.regulator.settings import Connection

log = logging.getLogger(__name__)

FIRST_RUN_MS = 5000  # after start-up, once the window is up and the first tab is shown
IDLE_CHECK_MS = 60_000  # not set up, switched off or halted: look at the settings again
MIN_GAP_S = 2.0  # never closer than this between two background runs
STOP_WAIT_MS = 5000
_NEVER_MS = 2**31 - 1  # a background run shows no progress dialog at all


class RegulatorSync(QObject):
    """Emits ``started`` when a run begins, ``activity((template, params))`` at each of its
    steps, ``finished(report)`` with its SyncReport, and
    ``changed`` whenever what the Regulator views show may have changed (after every run,
    a retry, saved settings)."""

    started = Signal()
    finished = Signal(object)
    changed = Signal()
    # Each step of a run as it begins: (core phrase, its values), from the run's thread.
    activity = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        first_run_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx  # no reference to the window: its Python object must die with it
        self._first_run_ms = first_run_ms
        self.task: workers.Task | None = None
        self.last_report: Any = None
        self.halted = False  # an auth or clock stop: only a person restarts the sync
        self._stopping = threading.Event()
        self._closed = False
        self._started = False  # the background schedule runs (never for a tab's own sync)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._tick)
        # The settings the schedule reads, on the database thread: only the latest read counts.
        self._reads = DbChannel(self)

    # -- control -------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin the background schedule (the first run a few seconds from now)."""
        if not self._closed:
            self._started = True
            first = self._first_run_ms if self._first_run_ms is not None else FIRST_RUN_MS
            self.timer.start(first)

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.is_running

    def sync_now(self, parent: QWidget) -> bool:
        """Run at once with a progress dialog over *parent*; False if a run is under way."""
        if self.running or self._closed:
            return False
        self.halted = False
        self._reads.drop()  # an idle check on its way must not start a second run
        self._run(parent, interactive=True)
        return True

    def settings_saved(self) -> None:
        """New settings: a stop for the old credentials no longer holds; try soon."""
        self.halted = False
        self.changed.emit()
        if self._started and not self.running and not self._closed:
            self.timer.start(1000)

    def notify(self) -> None:
        """Something else changed the queue (a retry): views read it again, and the
        background schedule sends it soon."""
        self.changed.emit()
        if self._started and not self.running and not self._closed:
            self.timer.start(1000)

    def stop(self) -> None:
        """The window closes: no more runs; a running one ends at its next step."""
        self._closed = True
        self.timer.stop()
        self._reads.drop()  # a settings read on its way delivers nothing
        self._stopping.set()
        if self.running:
            # The sync checks should_stop between requests; one request is at most a few
            # seconds on a network that answers at all.
            QThreadPool.globalInstance().waitForDone(STOP_WAIT_MS)

    # -- runs ----------------------------------------------------------------------------------

    def _tick(self) -> None:
        if self.running or self._closed:
            return
        # Read on the database thread: over a slow link the GUI would stop for a round trip at
        # every idle check.
        self._reads.submit(
            self.ctx.db,
            _connection,
            label=self.tr("Reading the regulator settings…"),
            on_done=self._settings_read,
            on_error=self._settings_unreadable,
        )

    def _settings_read(self, connection: Connection | None) -> None:
        if self.running or self._closed:
            return
        self.changed.emit()  # the views follow other desks' syncs too
        if self.halted or connection is None or not connection.configured or not connection.enabled:
            self.timer.start(IDLE_CHECK_MS)
            return
        window = self.parent()
        assert isinstance(window, QWidget)
        self._run(window, interactive=False)

    def _settings_unreadable(self, error: WuyeError) -> None:
        log.warning("regulator settings unreadable: %s", describe(error))
        if not self._closed and not self.running:
            self.timer.start(IDLE_CHECK_MS)

    def _run(self, parent: QWidget, *, interactive: bool) -> None:
        self.timer.stop()
        self._stopping.clear()
        db = self.ctx.db
        stopping = self._stopping
        started: list[workers.Task] = []  # the task, once it exists: its Cancel stops the run

        last = [""]

        def tell(template: str, params: dict[str, Any]) -> None:
            # A Qt signal crosses to the GUI thread by itself. A run may send 10,000 events:
            # every change of step, and every 50th event, is plenty for a label.
            done = params.get("done")
            if template != last[0] or done is None or done % 50 == 0 or done == params["total"]:
                last[0] = template
                self.activity.emit((template, params))

        def should_stop() -> bool:
            return stopping.is_set() or bool(started and started[0].cancel_requested)

        def work(progress: Progress) -> Any:
            from wuye_desktop.regulator import queue, sync

            try:
                if interactive:
                    queue.retry_deferred_now(db)  # "now" means now, also for backed-off events
                return sync.sync_once(
                    db,
                    progress=progress if interactive else None,
                    should_stop=should_stop,
                    activity=tell,
                )
            except (workers.Cancelled, WuyeError):
                raise
            except Exception as exc:  # a bug must not kill the schedule nor show a dialog
                log.exception("regulator sync failed")
                return sync.SyncReport("bad_answer", f"{type(exc).__name__}: {exc}")

        self.task = workers.run_in_background(
            parent,
            work,
            label=self.tr("Syncing with the regulator platform…"),
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            cancellable=interactive,
            show_after_ms=500 if interactive else _NEVER_MS,
        )
        started.append(self.task)
        self.started.emit()

    def _done(self, report: Any) -> None:
        self.last_report = report
        if report.stopped_for_person and report.state != "not_configured":
            self.halted = True
        self.finished.emit(report)
        self.changed.emit()
        if report.tickets or report.supervisions:
            self.ctx.signals.orders_changed.emit()  # tickets became orders; notices flag them
        self._schedule_next()

    def _failed(self, error: WuyeError) -> None:
        # The database, not the platform (e.g. locked): the next run will tell.
        log.warning("regulator sync: %s", describe(error))
        from wuye_desktop.regulator.sync import SyncReport

        self._done(SyncReport("offline", describe(error)))

    def _cancelled(self) -> None:
        self.changed.emit()
        self._schedule_next()

    def _schedule_next(self) -> None:
        if self._closed or not self._started:
            return
        if self.halted:
            self.timer.start(IDLE_CHECK_MS)
            return
        self._reads.submit(
            self.ctx.db,
            _seconds_to_next_run,
            label=self.tr("Reading the regulator settings…"),
            on_done=self._next_run_in,
            on_error=self._schedule_unreadable,
        )

    def _next_run_in(self, delay_s: float | None) -> None:
        if self._closed or self.running:
            return
        if delay_s is None or self.halted:
            self.timer.start(IDLE_CHECK_MS)
            return
        self.timer.start(int(max(MIN_GAP_S, delay_s) * 1000))

    def _schedule_unreadable(self, error: WuyeError) -> None:
        log.warning("regulator schedule: %s", describe(error))
        self._next_run_in(IDLE_CHECK_MS / 1000)


# The database thread's side. A WuyeError (the database unavailable) goes to the channel's
# on_error; anything else is a bug, logged here, and the schedule checks again later rather
# than stopping or showing a dialog from the background.


def _connection(db: Database) -> Connection | None:
    """The stored connection; None when a bug kept it from being read."""
    from wuye_desktop.regulator import settings

    try:
        return settings.load_connection(db)
    except WuyeError:
        raise
    except Exception:
        log.exception("regulator settings unreadable")
        return None


def _seconds_to_next_run(db: Database) -> float | None:
    """Seconds until the next background run is due; None when switched off (or a bug kept
    it from being known)."""
    from wuye_desktop.regulator import settings
    from wuye_desktop.regulator.sync import seconds_until_next

    try:
        connection = settings.load_connection(db)
        if not connection.enabled:
            return None
        return seconds_until_next(db, connection.interval_s)
    except WuyeError:
        raise
    except Exception:
        log.exception("regulator schedule")
        return None
