"""The keyboard focus comes back where it was when a dialog closes, whether it was left with Esc
or saved with Ctrl+Enter: a desk clerk who opened a dialog from the list is in the list again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import context, focused, isolate_settings, reset_language, settle
from tests.gui.test_ledger_tab import _post
from tests.gui.test_ledger_tab import finance as finance  # the fixture
from tests.unit.test_documents_commitment import promised_order
from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.commitments import CommitmentsTab
from wuye_desktop.ui.ledger import LedgerTab
from wuye_desktop.ui.ledger.dialogs import ReverseDialog
from wuye_desktop.ui.main_window import MainWindow
from wuye_desktop.ui.work_orders.action_dialogs import CommitmentDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def open_window(qtbot: QtBot, db: Database, admin: Actor) -> MainWindow:
    window = MainWindow(context(db, admin))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    settle(qtbot)
    return window


def active_dialog() -> QDialog | None:
    widget = QApplication.activeModalWidget() or QApplication.activeWindow()
    return widget if isinstance(widget, QDialog) else None


def when_open(qtbot: QtBot, act: Callable[[QDialog], None]) -> None:
    """Once a dialog is open and has the keyboard, *act* in it (a dialog run with exec() holds
    the test until it closes, so this is set up before the key that opens it)."""

    def check() -> None:
        dialog = active_dialog()
        inside = QApplication.focusWidget()
        if dialog is None or inside is None or not dialog.isAncestorOf(inside):
            QTimer.singleShot(20, check)
            return
        settle(qtbot)
        act(dialog)

    QTimer.singleShot(20, check)


def escape(dialog: QDialog) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)


def back_in(qtbot: QtBot, window: QWidget) -> None:
    """What the window manager does when a dialog closes: its window is active again."""
    qtbot.waitUntil(lambda: active_dialog() is None, timeout=5000)
    settle(qtbot)
    if not window.window().isActiveWindow():
        with qtbot.waitActive(window.window()):
            window.window().activateWindow()
    settle(qtbot)


def test_the_tools_menu_and_intake_give_the_focus_back(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    window = open_window(qtbot, db, admin)
    start = focused()
    for keys in ((Qt.Key.Key_Comma, CTRL), (Qt.Key.Key_N, CTRL)):  # settings, a new order
        when_open(qtbot, escape)
        qtbot.keyClick(focused(), *keys)
        back_in(qtbot, window)
        assert focused() is start, keys


def open_tab(qtbot: QtBot, tab: QWidget) -> None:
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitActive(tab):
        tab.activateWindow()
    settle(qtbot)


def test_a_commitment_issued_by_keys_leaves_the_focus_in_the_list(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    promised_order(db, admin, community, issue=False)
    tab = CommitmentsTab(context(db, admin))
    open_tab(qtbot, tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_I, ALT)  # 出具(I)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, QDialog) and tab.dialog.isActiveWindow())
    settle(qtbot)
    dialog = tab.dialog
    assert isinstance(dialog, CommitmentDialog)
    for field, text in (
        (dialog.fields.plan, "replace the valve"),
        (dialog.fields.responsible_unit, "Qingdao repairs"),
        (dialog.fields.responsible_person, "Li"),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    back_in(qtbot, tab)
    assert tab.model.rowCount() == 0  # issued: gone from the list of letters to issue
    assert focused() is tab.table


def test_a_reversal_by_keys_leaves_the_focus_in_the_register(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    _post(db, finance, "20.00")
    tab = LedgerTab(context(db, finance))
    open_tab(qtbot, tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=15000)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    for dialog_kind in ("reverse", "escape"):
        # Tabbed to (the list itself moves between its cells on Tab, so the hop is given).
        tab.reverse_button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(tab.reverse_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isActiveWindow())
        dialog = tab.dialog
        assert isinstance(dialog, ReverseDialog)
        if dialog_kind == "escape":
            escape(dialog)
            back_in(qtbot, tab)
            assert focused() is tab.reverse_button  # where it was, untouched
            break
        qtbot.keyClicks(dialog.reason, "wrong amount")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
        back_in(qtbot, tab)
        qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=15000)
        # The reverse button is disabled now (that entry is reversed): not lost, but in the list.
        assert focused() is tab.table
        tab.table.setCurrentIndex(tab.model.index(1, 0))  # the reversed entry: nothing to do
        tab.table.setCurrentIndex(tab.model.index(0, 0))  # the reversal may not be reversed
        _post(db, finance, "30.00")
        tab.after_change()
        qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=15000)
        tab.table.setCurrentIndex(tab.model.index(0, 0))
        assert tab.reverse_button.isEnabled()
