"""The regulator's settings dialog, its reply dialog and the background schedule never make the
GUI thread wait.

Over the same slow link as ``test_gui_thread_never_waits`` (100 ms each way to PostgreSQL), the
administrator opens the regulator settings (the company's code and the stored connection are
read on the database thread, where the secret is kept is asked in the thread pool), types a
platform URL and a secret and saves; a desk opens the reply dialog of an order (the order and
its ticket are read in one request); and the session's sync makes a tick (its settings read)
and a run, then plans the next one (the settings and the queue's next due event read again).
Every phase's largest event-loop gap must stay under 50 ms, no SQL statement may be sent from
the GUI thread (a count the machine's load does not blur), and the data must arrive. On the
old code, which read these on the GUI thread, each phase sent statements from it and stopped
the loop for a round trip or more (≥ 200 ms).
"""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from tests.gui.test_gui_thread_never_waits import (
    MAX_GAP_S,
    RETRIED,
    WAIT_MS,
    GapMeter,
    idle,
    wait_for,
)
from tests.gui.test_gui_thread_never_waits import slow_ctx as slow_ctx  # the fixture
from wuye_desktop.regulator import settings
from wuye_desktop.storage.models import WorkOrder
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.regulator.reply_dialog import ReplyDialog
from wuye_desktop.ui.regulator.scheduler import RegulatorSync
from wuye_desktop.ui.regulator.settings_dialog import RegulatorSettingsDialog, open_settings

pytestmark = pytest.mark.postgres

# Nothing listens there: the run ends at once as "offline", which is all the schedule needs.
PLATFORM_URL = "https://127.0.0.1:9/api/v1"


class GuiThreadStatements:
    """The SQL statements sent from the GUI thread while ``on``: a count that does not depend
    on how busy the machine is, next to the gaps that do."""

    def __init__(self, engine: Engine) -> None:
        self.on = False
        self.seen: list[str] = []
        event.listen(engine, "before_cursor_execute", self._executing)

    def _executing(self, _conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if self.on and threading.current_thread() is threading.main_thread():
            self.seen.append(" ".join(statement.split())[:80])


def _warm_up_the_http_client() -> None:
    """Import the sync and make one request as its first run would: the modules it loads then
    (httpx, its transports, TLS with the CA bundle) are loaded once per session and hold the
    interpreter while they load, a cost of their own that is not a wait on the database."""
    importlib.import_module("wuye_desktop.regulator.sync")
    from wuye_desktop.regulator.client import RegulatorClient

    with RegulatorClient(PLATFORM_URL, "-", "s" * 40, timeout_s=5.0) as client:
        assert not client.health().ok


def _filled(dialog: RegulatorSettingsDialog) -> bool:
    """The stored settings and where the secret is kept have arrived."""
    return (
        dialog.stored is not None
        and dialog.base_url.isEnabled()
        and bool(dialog.secret.placeholderText())
        and idle()
    )


@RETRIED
def test_the_regulator_settings_reply_and_schedule_never_block_the_event_loop(
    qtbot: QtBot,
    slow_ctx: AppContext,
) -> None:
    with slow_ctx.db.read() as s:
        order_id = s.scalar(select(WorkOrder.id).order_by(WorkOrder.id).limit(1))
    assert order_id is not None
    meter = GapMeter()
    gaps: dict[str, float] = {}
    statements = GuiThreadStatements(slow_ctx.db.engine)
    on_gui_thread: dict[str, list[str]] = {}

    def measure(phase: str, work: Callable[[], None]) -> None:
        # A full collection of this test's heap (Qt wrappers, the ORM) stops every thread for
        # 100 ms or more on a busy machine: done here, it is less likely to fall in the phase.
        gc.collect()
        statements.seen = []
        statements.on = True
        try:
            gaps[phase] = meter.measure(work)
        finally:
            statements.on = False
        if statements.seen:
            on_gui_thread[phase] = statements.seen

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(700, 500)
    with qtbot.waitExposed(window):
        window.show()
    wait_for(qtbot, idle)

    # -- the settings: open, then type a URL and a secret and save --
    opened: list[RegulatorSettingsDialog] = []

    def open_dialog() -> None:
        dialog = open_settings(slow_ctx, window, None)
        assert isinstance(dialog, RegulatorSettingsDialog)
        opened.append(dialog)
        wait_for(qtbot, dialog.isVisible)
        wait_for(qtbot, lambda: _filled(dialog))

    measure("opening the regulator settings", open_dialog)
    dialog = opened[0]
    assert dialog.base_url.text() == ""  # the demo company has no platform yet
    assert "None stored yet" in dialog.secret.placeholderText()

    def save() -> None:
        dialog.base_url.setFocus()
        qtbot.keyClicks(dialog.base_url, PLATFORM_URL)
        qtbot.keyClick(dialog.enabled, Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.secret, "s" * 40)
        save_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)
        wait_for(qtbot, idle)

    measure("saving the regulator settings", save)
    stored = settings.load_connection(slow_ctx.db)
    assert stored.base_url == PLATFORM_URL and stored.enabled

    # -- the reply dialog: the order and its ticket --
    replies: list[ReplyDialog] = []

    def open_reply() -> None:
        reply = ReplyDialog(slow_ctx, order_id, window)
        replies.append(reply)
        reply.show()
        wait_for(qtbot, lambda: reply.detail is not None and bool(reply.ticket_label.text()))
        wait_for(qtbot, idle)

    measure("opening the reply dialog", open_reply)
    assert "did not come from the regulator" in replies[0].ticket_label.text()
    replies[0].reject()

    # -- the background schedule: a tick, a run, the next run planned --
    _warm_up_the_http_client()
    sync = RegulatorSync(slow_ctx, window, first_run_ms=0)
    reports: list[object] = []
    sync.finished.connect(reports.append)

    def tick_and_plan() -> None:
        sync.start()
        wait_for(qtbot, lambda: bool(reports))
        wait_for(qtbot, lambda: sync.timer.isActive() and idle())

    measure("a scheduler tick, its run and the next one planned", tick_and_plan)
    sync.stop()
    assert getattr(reports[0], "state", None) == "offline"

    print("largest gaps (ms):", {phase: round(gap * 1000) for phase, gap in gaps.items()})
    assert not on_gui_thread, f"SQL sent from the GUI thread: {on_gui_thread}"
    slow = {phase: round(gap * 1000) for phase, gap in gaps.items() if gap >= MAX_GAP_S}
    assert not slow, f"the event loop stopped for (ms): {slow}; all phases: {gaps}"
