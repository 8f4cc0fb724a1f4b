"""The one path for database work asked for by the GUI: a dedicated thread, results by signal.

The GUI thread never waits on the database: on a PostgreSQL server across a slow network a query
takes a round trip or more, and a window that waits for it freezes. A view asks instead::

    self._pages = DbChannel(self)                     # one per kind of request of a view
    self._pages.submit(
        ctx.db,
        lambda db: orders.order_page(db, actor, ...),   # runs on the database thread
        label=self.tr("Reading orders…"),
        on_done=self._page_arrived,       # gets the result, on the GUI thread
        on_error=self._page_refused,      # gets a WuyeError; without it show_error() shows it
    )

and shows what it has until the answer arrives. All requests run one after the other on a single
thread, the database thread, in the order they were made (like Anki's single collection
thread), so two pieces of the GUI's work never race each other in the database. A request made
through a :class:`DbChannel` makes the channel's previous request stale: if that one has not
started it never runs, and if it has, its result is dropped, so an answer for a filter the user
has since changed never reaches the view. A request whose owner (a widget, a model) has been
deleted delivers nothing. Unexpected exceptions are logged with the request's label and shown
as a short message, the same as for :func:`workers.run_in_background`, which stays the way for
long work with progress and Cancel.
"""

from __future__ import annotations

import collections
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import workers

log = logging.getLogger(__name__)

T = TypeVar("T")

_SKIPPED = object()  # the outcome of a request made stale before it started


class DbRequest(QObject):
    """One request. Its signals arrive on the GUI thread: ``succeeded(result)`` or
    ``failed(exception)``, then always ``finished`` (also when it was dropped)."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    # Emitted on the database thread; queued to _on_outcome on the GUI thread. The request
    # itself travels along, so the queued call holds it until the GUI thread is done with it
    # (see _DatabaseThread._loop).
    _outcome = Signal(bool, object, object)

    def __init__(
        self,
        owner: QObject | None,
        db: Database,
        work: Callable[[Database], Any],
        *,
        label: str,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[WuyeError], None] | None,
    ) -> None:
        super().__init__()
        self.label = label
        self._owner = owner
        self._db = db
        self._work = work
        self._on_done, self._on_error = on_done, on_error
        self._stale = threading.Event()
        self._pending = True
        self._outcome.connect(self._on_outcome)

    def drop(self) -> None:
        """Make the request stale: it does not run if it has not started, and its result, if
        any, is not delivered."""
        self._stale.set()

    @property
    def is_pending(self) -> bool:
        """Not finished yet (dropped requests too, until the database thread let them go)."""
        return self._pending

    @property
    def is_stale(self) -> bool:
        return self._stale.is_set()

    # -- the database thread -------------------------------------------------------------------

    def _run(self) -> None:
        if self._stale.is_set():
            self._outcome.emit(True, _SKIPPED, self)
            return
        try:
            result = self._work(self._db)
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            self._outcome.emit(False, exc, self)
        else:
            self._outcome.emit(True, result, self)

    # -- the GUI thread ------------------------------------------------------------------------

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    @Slot(bool, object, object)
    def _on_outcome(self, ok: bool, value: object, _request: object) -> None:
        self._pending = False
        _bury()
        try:
            if value is _SKIPPED or self._stale.is_set() or not self._owner_alive():
                return
            if ok:
                self.succeeded.emit(value)
                if self._on_done is not None:
                    self._on_done(value)
            else:
                assert isinstance(value, BaseException)
                self.failed.emit(value)
                parent = self._owner if isinstance(self._owner, QWidget) else None
                workers.report_failure(parent, self.label, value, self._on_error)
        finally:
            self.finished.emit()
            workers.untrack(self)


# Requests the database thread has let go of, freed on the GUI thread (deque: thread-safe).
_GRAVE: collections.deque[DbRequest] = collections.deque()


def _bury() -> None:
    """Drop, on the GUI thread, the requests the database thread has finished with."""
    while True:
        try:
            _GRAVE.popleft()
        except IndexError:
            return


class _DatabaseThread:
    """The single thread that runs every request, first come first served."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[DbRequest] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def put(self, request: DbRequest) -> None:
        with self._lock:
            if self._thread is None:
                # A daemon: a request still waiting on the server must not keep a closed
                # program alive. The main window waits for writes before it quits.
                self._thread = threading.Thread(target=self._loop, name="wuye-db", daemon=True)
                self._thread.start()
        self._queue.put(request)

    def _loop(self) -> None:
        while True:
            request = self._queue.get()
            try:
                request._run()
            except BaseException:  # _run reports everything itself; never let the thread die
                log.exception("database request %r could not report", request.label)
            # The last reference to a Qt object must be dropped on the GUI thread (shiboken
            # crashes deleting it from here). The GUI thread may already have delivered the
            # outcome and let go of its own references, so this thread's would be the last:
            # it is handed over to the grave, which the GUI thread empties.
            _GRAVE.append(request)
            del request


_THREAD = _DatabaseThread()


def run_db(
    owner: QObject | None,
    db: Database,
    work: Callable[[Database], T],
    *,
    label: str,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[WuyeError], None] | None = None,
) -> DbRequest:
    """Run ``work(db)`` on the database thread; ``on_done(result)`` or ``on_error(error)``
    then run on the GUI thread, and only while *owner* still exists (see the module doc)."""
    request = DbRequest(owner, db, work, label=label, on_done=on_done, on_error=on_error)
    workers.track(request)  # alive, and listed as running, until the outcome is delivered
    _THREAD.put(request)
    return request


class DbChannel:
    """Requests of one kind for one owner, of which only the latest counts."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self.current: DbRequest | None = None

    def submit(
        self,
        db: Database,
        work: Callable[[Database], T],
        *,
        label: str,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[WuyeError], None] | None = None,
    ) -> DbRequest:
        """Make the previous request stale and send this one."""
        self.drop()
        self.current = run_db(
            self._owner, db, work, label=label, on_done=on_done, on_error=on_error
        )
        return self.current

    def drop(self) -> None:
        if self.current is not None:
            self.current.drop()
            self.current = None

    @property
    def busy(self) -> bool:
        """A request of this channel is waiting for its (not stale) answer."""
        return self.current is not None and self.current.is_pending and not self.current.is_stale
