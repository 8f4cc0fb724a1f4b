"""The regulator in the main window: the background sync of the session, the status-bar word,
the Tools menu entry, who sees what, and a clean stop when the window closes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.regulator_support import Platform, configure, running_platform
from tests.gui.shell_support import context, isolate_settings, reset_language, settle
from wuye_desktop.core import directory, orders
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.regulator import inbox, settings
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import workers
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
from wuye_desktop.ui.main_window import MainWindow
from wuye_desktop.ui.regulator import scheduler
from wuye_desktop.ui.regulator.settings_dialog import RegulatorSettingsDialog
from wuye_desktop.ui.regulator.tab import RegulatorTab

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


@pytest.fixture
def platform(tmp_path: Path, db: Database, admin: Actor) -> Iterator[Platform]:
    with running_platform(tmp_path / "platform", db) as running:
        yield running


@pytest.fixture
def quick_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first background run a moment after the window opens, not after seconds."""
    monkeypatch.setattr(scheduler, "FIRST_RUN_MS", 100)


def open_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def regulator_tab(qtbot: QtBot, window: MainWindow) -> RegulatorTab:
    window.show_regulator_tab()
    tab = window.current_tab()
    assert isinstance(tab, RegulatorTab)
    settle(qtbot)  # its state arrives from the database thread
    return tab


def close(qtbot: QtBot, window: MainWindow) -> None:
    window.close()
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=10000)


def test_the_session_syncs_in_the_background(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    platform: Platform,
    community: directory.CommunityView,
    quick_start: None,
) -> None:
    configure(db, admin, platform)
    ticket_id = platform.ticket()
    ctx = context(db, admin)
    window = open_window(qtbot, ctx)
    sync = window.regulator_sync
    assert ctx.regulator_sync is sync
    with qtbot.waitSignal(ctx.signals.orders_changed, timeout=20000):
        pass  # no click: the first background run takes the ticket in
    qtbot.waitUntil(lambda: not sync.running)
    assert sync.last_report.state == "ok" and sync.last_report.tickets == 1
    assert [t.ticket_id for t in inbox.tickets(db)] == [ticket_id]
    indicator = window.regulator_indicator
    qtbot.waitUntil(indicator.isVisible)
    settle(qtbot)  # the indicator reads the state after the run on the database thread
    assert indicator.text() == "Regulator: OK"
    # The next run waits for the interval (60 s here), not sooner.
    assert sync.timer.isActive() and sync.timer.remainingTime() > 30_000

    # The word in the status bar opens the tab, which the same sync serves.
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    tab = window.current_tab()
    assert isinstance(tab, RegulatorTab) and tab.sync is sync
    settle(qtbot)  # its lists arrive from the database thread
    assert tab.ticket_model.rowCount() == 1
    # The order made of the ticket is in the work-order list.
    order_id = tab.ticket_model.rows[0].order_id
    assert order_id is not None
    assert orders.get_order(db, admin, order_id).regulator_ticket_id == ticket_id
    close(qtbot, window)


def test_a_refusal_of_the_credentials_stops_the_background_sync_until_a_person_acts(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    platform: Platform,
    community: directory.CommunityView,
    quick_start: None,
) -> None:
    configure(db, admin, platform, secret="q" * 40)
    ctx = context(db, admin)
    window = open_window(qtbot, ctx)
    sync = window.regulator_sync
    with qtbot.waitSignal(sync.finished, timeout=20000) as finished:
        pass
    assert finished.args is not None and finished.args[0].state == "auth"
    assert sync.halted
    assert sync.timer.remainingTime() > 30_000, "no retry loop against a 401"
    qtbot.waitUntil(lambda: window.regulator_indicator.text() == "Regulator: refused")

    # Saving the right secret starts it again.
    configure(db, admin, platform)
    with qtbot.waitSignal(sync.finished, timeout=20000) as finished:
        sync.settings_saved()
    assert finished.args is not None and finished.args[0].state == "ok"
    assert not sync.halted
    close(qtbot, window)


def test_closing_the_window_stops_a_running_sync(
    qtbot: QtBot, db: Database, admin: Actor, platform: Platform, community: directory.CommunityView
) -> None:
    configure(db, admin, platform)
    for n in range(3):
        platform.ticket(f"第{n}号工单")
    platform.server.faults.latency_ms = 400  # every request a little slow
    window = open_window(qtbot, context(db, admin))
    tab = regulator_tab(qtbot, window)
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    assert window.regulator_sync.running
    assert tab.sync_button.text() == "Syncing…" and not tab.sync_button.isEnabled()
    started = time.monotonic()
    close(qtbot, window)
    assert time.monotonic() - started < 8
    assert not window.regulator_sync.running
    report = window.regulator_sync.last_report
    assert report is None or report.state in ("stopped", "ok")
    # Nothing runs later either.
    assert not window.regulator_sync.timer.isActive()


def test_the_schedule_reads_its_settings_off_the_gui_thread_and_stops_with_the_window(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    sync = scheduler.RegulatorSync(context(db, admin), window, first_run_ms=0)
    changes: list[None] = []
    sync.changed.connect(lambda: changes.append(None))

    # Not set up: the tick's read arrives, the views are told, and it looks again later.
    sync.start()
    qtbot.waitUntil(lambda: bool(changes))
    assert not sync.running and sync.timer.remainingTime() > 50_000

    # The window closes while the next check's read waits for a slow server: nothing follows.
    gate = threading.Event()
    run_db(None, db, lambda _db: gate.wait(10), label="a slow server")
    sync.timer.start(0)
    qtbot.waitUntil(lambda: len(workers.running_tasks()) == 2)  # the gate, then the read
    sync.stop()
    gate.set()
    settle(qtbot)
    assert len(changes) == 1 and not sync.timer.isActive() and not sync.running


def test_every_role_sees_the_tab_only_administrators_the_settings(
    qtbot: QtBot, db: Database, admin: Actor, platform: Platform, community: directory.CommunityView
) -> None:
    configure(db, admin, platform)
    for role, name in ((Role.DESK, "desk1"), (Role.FINANCE, "fin1"), (Role.MANAGER, "mgr1")):
        user = make_user(db, admin, role, name)
        window = open_window(qtbot, context(db, user))
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "Regulator" in titles, role
        assert not window.regulator_action.isVisible()
        assert not regulator_tab(qtbot, window).settings_button.isVisibleTo(window)
        close(qtbot, window)

    window = open_window(qtbot, context(db, admin))
    assert window.regulator_action.isVisible()
    assert window.regulator_action in window.tools_menu.actions()
    dialog = window.open_regulator_settings()
    assert isinstance(dialog, RegulatorSettingsDialog)
    qtbot.waitUntil(lambda: dialog.form_box.isEnabled())  # the settings read arrived
    assert dialog.base_url.text() == platform.server.base_url
    dialog.interval.setValue(120)
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()  # saved on the database thread
    assert settings.load_connection(db).interval_s == 120
    close(qtbot, window)
