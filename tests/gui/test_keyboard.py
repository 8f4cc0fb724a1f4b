"""The desk by keyboard: the letters shown on the toolbar open their moves, Ctrl+Enter saves a
form, radio buttons follow the arrow keys, and the focus comes back where it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import (
    context,
    focused,
    isolate_settings,
    reset_language,
    settle,
    version,
)
from tests.gui.test_callbacks_tab import completed_order
from tests.gui.test_intake import open_intake
from tests.gui.test_work_orders_tab import open_tab, select_order, status
from wuye_desktop.core import directory, orders
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.work_orders.action_dialogs import StartWorkDialog, TextActionDialog
from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog
from wuye_desktop.ui.work_orders.tab import WorkOrdersTab

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def wait_dialog(qtbot: QtBot, tab: WorkOrdersTab) -> object:
    qtbot.waitUntil(lambda: tab.active_dialog is not None, timeout=3000)
    dialog = tab.active_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    settle(qtbot)
    return dialog


def back_in(qtbot: QtBot, tab: WorkOrdersTab) -> None:
    qtbot.waitUntil(lambda: tab.active_dialog is None, timeout=3000)
    if not tab.isActiveWindow():  # what the window manager does when a dialog closes
        with qtbot.waitActive(tab):
            tab.activateWindow()


def test_the_letters_on_the_toolbar_open_their_moves(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, home: int
) -> None:
    i18n.install_language("zh_CN")
    oid = completed_order(db, desk, community, "厨房漏水")
    orders.record_callback(
        db,
        desk,
        oid,
        version(db, desk, oid),
        orders.CallbackInput(method="phone", satisfaction="dissatisfied", comment="还在漏"),
    )  # reopened: it may be started again
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    start = tab.moves.toolbar.widgetForAction(tab.moves.start_action)
    assert start is not None and start.text() == "开始处理(S)"

    # Alt+S starts the work, and leaves the 仅看即将到期 filter alone.
    qtbot.keyClick(tab.table, Qt.Key.Key_S, ALT)
    dialog = wait_dialog(qtbot, tab)
    assert isinstance(dialog, StartWorkDialog)
    assert not tab.filters.due_soon.isChecked()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    back_in(qtbot, tab)
    assert focused() is tab.table, "the focus is back in the list"

    # Alt+N: a note, saved with Ctrl+Enter.
    qtbot.keyClick(tab.table, Qt.Key.Key_N, ALT)
    dialog = wait_dialog(qtbot, tab)
    assert isinstance(dialog, TextActionDialog)
    qtbot.keyClicks(dialog.text, "owner called again")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    back_in(qtbot, tab)
    assert "owner called again" in [row[3] for row in tab.detail_pane.timeline.rows()]

    # Alt+Y is the 仅看即将到期 filter now.
    qtbot.keyClick(tab.table, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(tab.filters.due_soon.isChecked, timeout=1000)  # Qt animates the click


def test_a_callback_by_keyboard_alone(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView
) -> None:
    oid = completed_order(db, desk, community, "厨房漏水")
    dialog = CallbackDialog(context(db, desk), oid)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    settle(qtbot)
    assert focused() is dialog.method
    qtbot.keyClick(dialog.method, Qt.Key.Key_Tab)  # to 联系人
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # to the satisfaction
    first = focused()
    assert first is dialog.satisfaction_buttons["satisfied"]
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert dialog.selected_satisfaction() == "basically_satisfied"
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert dialog.selected_satisfaction() == "satisfied"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # to the comment
    assert focused() is dialog.comment
    qtbot.keyClicks(dialog.comment, "fine")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert status(db, desk, oid) == "closed"
    assert not dialog.isVisible()


@pytest.mark.parametrize("typed", ["sl", "shenlou", "shenl"])
def test_the_category_is_found_by_its_pinyin(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, typed: str
) -> None:
    i18n.install_language("zh_CN")
    dialog = open_intake(qtbot, context(db, desk))
    dialog.category.setFocus()
    qtbot.keyClicks(focused(), typed)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dialog.category.code() == "water_leak"
    assert dialog.category.currentText() == "渗漏"


@pytest.mark.parametrize("typed", ["sl", "shenlou"])
def test_the_filter_bars_category_is_found_by_its_pinyin(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, typed: str
) -> None:
    i18n.install_language("zh_CN")
    tab = open_tab(qtbot, db, desk)
    combo = tab.filters.category
    combo.setFocus()
    qtbot.keyClicks(combo, typed)
    assert combo.currentText() == "渗漏"
    assert combo.currentData() == "water_leak"


@pytest.mark.parametrize("typed", ["sl", "shenlou"])
def test_the_intake_popup_lists_the_category_its_pinyin_spells(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, typed: str
) -> None:
    """While typing, the list under the category shows what Tab would take: 渗漏 for ``sl``
    (Qt's own "contains" filter listed nothing for Latin letters)."""
    i18n.install_language("zh_CN")
    dialog = open_intake(qtbot, context(db, desk))
    dialog.category.setFocus()
    qtbot.keyClicks(focused(), typed)
    completer = dialog.category.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert "渗漏" in shown
    assert "电梯" not in shown
