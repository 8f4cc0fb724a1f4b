"""The GUI thread never waits on the database, proved over a slow link to PostgreSQL.

A small TCP proxy between the program and the PostgreSQL server of ``WUYE_TEST_PG_URL`` holds
every chunk 100 ms in each direction, so any query run on the GUI thread stops the event loop
for at least a round trip (200 ms). A timer ticking every 5 ms on the GUI thread records the
largest gap between its ticks while the desk scrolls the work-order list through several pages,
searches, changes the status filter, and opens, fills in (finding the household by a phone
tail, choosing the category) and saves the intake dialog: each gap must stay under 50 ms, and the
data must still arrive. Building the database and opening the work-order tab happen before
measuring starts.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import make_url

from tests.conftest import PG_URL, _pg_database
from tests.gui.shell_support import context
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Owner, User
from wuye_desktop.ui import workers
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.intake import IntakeDialog
from wuye_desktop.ui.work_orders import WorkOrdersTab

pytestmark = pytest.mark.postgres

DELAY_S = 0.100  # each way
MAX_GAP_S = 0.050
TICK_MS = 5
WAIT_MS = 60_000  # a slow link and a busy machine: generous, the gaps are what is judged
# A query on the GUI thread costs a round trip through the proxy (≥ 200 ms) in every run; a
# screenful painted slowly because the machine is busy (other processes, the garbage collector)
# does not repeat. So a proof that found a stall is run again, from fresh fixtures, up to twice:
# a real wait on the database fails all three runs.
RETRIED = pytest.mark.flaky(reruns=2, only_rerun=["the event loop stopped"])


class SlowProxy:
    """Forwards TCP connections to *upstream*, delivering every chunk DELAY_S after it came."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._sockets += [client, server]
            self._pump(client, server)
            self._pump(server, client)

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        # A reader and a sender per direction: chunks keep their order and each is held
        # DELAY_S from its arrival (latency, not a bandwidth limit).
        held: queue.SimpleQueue[tuple[float, bytes] | None] = queue.SimpleQueue()

        def read() -> None:
            try:
                while data := source.recv(65536):
                    held.put((time.monotonic() + DELAY_S, data))
            except OSError:
                pass
            held.put(None)

        def send() -> None:
            while (item := held.get()) is not None:
                due, data = item
                time.sleep(max(0.0, due - time.monotonic()))
                try:
                    target.sendall(data)
                except OSError:
                    return
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)

        threading.Thread(target=read, daemon=True).start()
        threading.Thread(target=send, daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        self.listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.close()


class GapMeter:
    """The longest time the GUI thread's event loop went without running a TICK_MS timer."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = time.monotonic()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def measure(self, phase: Callable[[], None]) -> float:
        self.worst = 0.0
        self._last = time.monotonic()
        self.timer.start()
        try:
            phase()
        finally:
            self._tick()
            self.timer.stop()
        return self.worst


@pytest.fixture
def slow_ctx(pg_demo_template: str) -> Iterator[AppContext]:
    """A demo company with enough orders to scroll (a clone of the session's demo template),
    reached through the slow proxy."""
    direct_iter = _pg_database(pg_demo_template)
    direct = next(direct_iter)
    with direct.read() as s:
        admin_id = s.scalar(select(User.id).where(User.username == "admin"))
    url = make_url(PG_URL)
    proxy = SlowProxy((url.host or "127.0.0.1", url.port or 5432))
    name = direct.url.database
    slow = Database(
        url.set(host="127.0.0.1", port=proxy.port, database=name).render_as_string(False)
    )
    try:
        yield context(slow, Actor(admin_id, "admin", Role.ADMIN))
    finally:
        slow.dispose()
        proxy.close()
        next(direct_iter, None)


def wait_for(qtbot: QtBot, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=WAIT_MS)


def idle() -> bool:
    """No background task of the program's is running."""
    return not workers.running_tasks()


def _bottom_row_shown(tab: WorkOrdersTab) -> bool:
    """The last row in sight has its text (its chunk of rows has arrived)."""
    viewport = tab.table.viewport()
    index = tab.table.indexAt(QPoint(4, viewport.height() - 4))
    if not index.isValid():
        last = tab.model.rowCount() - 1
        index = tab.model.index(last, 0)
    return bool(tab.model.data(index.siblingAtColumn(0)))


@RETRIED
def test_scrolling_filtering_and_saving_never_block_the_event_loop(
    qtbot: QtBot, slow_ctx: AppContext
) -> None:
    meter = GapMeter()
    tab = WorkOrdersTab(slow_ctx)
    qtbot.addWidget(tab)
    # A modest window: painting a screenful of rows costs this loaded test machine 15-30 ms by
    # itself (the rendering, not the database); what is measured is waiting on the database.
    tab.resize(1000, 500)
    with qtbot.waitExposed(tab):
        tab.show()
    gaps: dict[str, float] = {}

    def first_page() -> None:
        wait_for(qtbot, lambda: tab.model.rowCount() > 0 and _bottom_row_shown(tab))

    gaps["first page"] = meter.measure(first_page)
    assert tab.model.rowCount() > 0
    # Most demo orders are finished: all of them are listed, to have pages to scroll through.
    tab.filters.all_statuses_action.trigger()
    wait_for(qtbot, lambda: not tab.model.query.filter.statuses and _bottom_row_shown(tab))
    assert tab.model.rowCount() == 200

    def scroll() -> None:
        bar = tab.table.verticalScrollBar()
        for _page in range(3):
            loaded = tab.model.rowCount()
            bar.setValue(bar.maximum())  # the view asks for the next page at the end
            wait_for(qtbot, lambda n=loaded: tab.model.rowCount() > n)
            bar.setValue(bar.maximum())
            wait_for(qtbot, lambda: _bottom_row_shown(tab))

    gaps["scrolling"] = meter.measure(scroll)
    assert tab.model.rowCount() >= 800, "three more pages arrived"

    def search_and_filter() -> None:
        tab.focus_search()
        qtbot.keyClicks(tab.filters.text, "QD001-1")  # building 1 of QD001
        wait_for(qtbot, lambda: tab.model.query.filter.text == "QD001-1" and _bottom_row_shown(tab))
        assert tab.model.rowCount() > 0
        tab.filters.status_actions["closed"].trigger()
        wait_for(qtbot, lambda: tab.model.query.filter.statuses == ("closed",))
        wait_for(qtbot, lambda: _bottom_row_shown(tab) and tab.model.total is not None)
        qtbot.mouseClick(tab.filters.clear_button, Qt.MouseButton.LeftButton)
        wait_for(qtbot, lambda: tab.model.query.filter.text == "" and _bottom_row_shown(tab))

    gaps["search and filter"] = meter.measure(search_and_filter)
    assert tab.model.rowCount() > 0

    # The intake dialog: opened (it reads the communities), filled in with keys (the lookup
    # finds households by a phone tail, ↓ and Enter pick one and read its orders, the category
    # brings its deadlines and the duplicate check), then saved.
    with slow_ctx.db.read() as s:
        digits = s.scalars(select(Owner.phone_digits).where(Owner.phone_digits != "")).first()
    assert digits
    tail = digits[-4:]
    holder: list[IntakeDialog] = []

    def open_intake() -> None:
        dialog = IntakeDialog(slow_ctx, tab)
        holder.append(dialog)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        wait_for(qtbot, lambda: dialog.community.count() > 0)

    # Building and first painting a dialog of some forty widgets costs this loaded machine
    # 30-60 ms by itself; a read in its constructor would cost a round trip (200 ms or more).
    opening = meter.measure(open_intake)
    assert opening < 2 * DELAY_S, f"opening the intake stopped the event loop {opening:.3f} s"
    dialog = holder[0]

    def fill() -> None:
        dialog.lookup.edit.setFocus()
        qtbot.keyClicks(dialog.lookup.edit, tail)
        wait_for(qtbot, lambda: dialog.lookup.last_search == tail)
        assert dialog.lookup.matches.count() > 0
        qtbot.keyClick(dialog.lookup.edit, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.lookup.edit, Qt.Key.Key_Return)
        wait_for(qtbot, lambda: dialog.household is not None)
        dialog.category.setFocus()
        qtbot.keyClicks(dialog.category, "lighting")
        dialog.description.setFocus()
        qtbot.keyClicks(dialog.description, "The lamp over the door is out")
        dialog.caller_name.setFocus()  # the category takes what was typed when it loses focus
        wait_for(qtbot, lambda: not workers.running_tasks())  # the deadlines, the duplicates

    gaps["filling the intake"] = meter.measure(fill)
    assert dialog.category.code() == "lighting" and dialog.preview is not None
    assert dialog.household is not None and dialog.household.id == dialog.lookup.picked_id()
    if (
        dialog.duplicate_warning.numbers
    ):  # an open lighting order there already: file anyway, as asked
        dialog.duplicate_warning.file_anyway()
    before = set(tab.model.ids())

    def save() -> None:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_for(qtbot, lambda: dialog.order_id is not None)
        wait_for(qtbot, lambda: bool(set(tab.model.ids()) - before))  # the tab shows it

    gaps["saving"] = meter.measure(save)
    assert not dialog.isVisible()
    assert dialog.order_id in tab.model.ids()
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=WAIT_MS)

    print(
        "largest gaps (ms):",
        {phase: round(gap * 1000) for phase, gap in gaps.items()},
        "opening the intake:",
        round(opening * 1000),
    )
    slow = {phase: round(gap * 1000) for phase, gap in gaps.items() if gap >= MAX_GAP_S}
    assert not slow, f"the event loop stopped for (ms): {slow}; all phases: {gaps}"
