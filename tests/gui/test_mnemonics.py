"""Every underlined letter works and is the only one of its kind in its window.

The main window is walked with each of its tabs showing (for an administrator, who sees them
all) and an order opened, then each dialog the program opens; all in Chinese, where the letters
are shown in parentheses (派单(D)), and in English.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.mnemonic_support import menu_problems, problems
from tests.gui.shell_support import (
    context,
    isolate_settings,
    new_order,
    reset_language,
    settle,
    version,
)
from wuye_desktop.core import directory, orders
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.main_window import MainWindow
from wuye_desktop.ui.work_orders.move_actions import OrderMoves

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")

LANGUAGES = ["zh_CN", "en"]


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


@pytest.fixture
def order(db: Database, admin: Actor, community: directory.CommunityView, home: int) -> int:
    return new_order(db, admin, community, home)


@pytest.fixture
def dispatched(db: Database, admin: Actor, community: directory.CommunityView) -> int:
    """An order whose 派单 has become 转派."""
    order_id = new_order(db, admin, community, None)
    orders.dispatch(
        db, admin, order_id, version(db, admin, order_id), channel="property", handler="王师傅"
    )
    return order_id


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tab_of_the_main_window(
    qtbot: QtBot, db: Database, admin: Actor, order: int, dispatched: int, language: str
) -> None:
    i18n.install_language(language)
    ctx = context(db, admin)
    window = MainWindow(ctx)
    show(qtbot, window)
    ctx.signals.open_order_requested.emit(order)  # the detail pane and its buttons show too
    settle(qtbot)
    found: dict[str, list[str]] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot)
        found[window.tabs.tabText(index)] = problems(window)
    window.tabs.setCurrentIndex(0)
    ctx.signals.open_order_requested.emit(dispatched)
    settle(qtbot)
    found["dispatched"] = problems(window)
    moves = window.findChild(OrderMoves)
    assert moves is not None
    found["keys menu"] = menu_problems(moves.shortcuts_menu)
    found["print menu"] = menu_problems(moves.prints.menu)
    for menu in window.menuBar().findChildren(QMenu):
        found[menu.title()] = menu_problems(menu)
    assert_none(found)


def assert_none(found: dict[str, list[str]]) -> None:
    report = "\n".join(f"{where}: {line}" for where, lines in found.items() for line in lines)
    assert not report, "\n" + report
