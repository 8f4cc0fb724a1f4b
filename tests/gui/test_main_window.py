"""The main window: status bar, role-dependent actions, tabs and their shortcuts, language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.shell_support import context, isolate_settings, reset_language
from wuye_desktop.core import directory, users
from wuye_desktop.core.errors import PermissionDenied
from wuye_desktop.core.roles import Actor, Permission, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.admin.dialog import AdministrationDialog
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.main_window import TABS, MainWindow, TabSpec, first_geometry
from wuye_desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


class RecordingTab(QWidget):
    """Stands in for a real tab in these tests only: records what the window asks of it."""

    built: list[str] = []

    def __init__(self, ctx: AppContext, name: str) -> None:
        super().__init__()
        self.name = name
        self.search = QLineEdit()
        self.refreshed = 0
        QVBoxLayout(self).addWidget(self.search)
        RecordingTab.built.append(name)

    def focus_search(self) -> None:
        self.search.setFocus()

    def refresh(self) -> None:
        self.refreshed += 1


class OrdersTab(RecordingTab):
    opened: list[int] = []

    def open_order(self, order_id: int) -> None:
        OrdersTab.opened.append(order_id)


def spec(name: str, permission: Permission) -> TabSpec:
    return TabSpec(name, lambda ctx: RecordingTab(ctx, name), permission)


TEST_TABS = [
    spec("First", Permission.DIRECTORY_READ),
    spec("Second", Permission.WORK_ORDERS_READ),
    spec("Ledger", Permission.LEDGER_EDIT),
]


def open_window(qtbot: QtBot, ctx: AppContext, tabs: list[TabSpec] | None = None) -> MainWindow:
    RecordingTab.built = []
    window = MainWindow(ctx, tabs=TEST_TABS if tabs is None else tabs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def test_status_bar_shows_user_role_and_database(qtbot: QtBot, db: Database, admin: Actor) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    window = open_window(qtbot, context(db, desk, "前台小李"))
    assert "前台小李" in window.user_label.text()
    assert "Service desk" in window.role_label.text()
    assert db.describe() in window.db_label.text()
    assert window.user_label.isVisible() and window.db_label.isVisible()
    company = directory.get_company(db)
    assert company is not None
    # Read on the database thread when the caller did not give it.
    qtbot.waitUntil(lambda: company.name in window.windowTitle(), timeout=5000)


def test_desk_user_cannot_reach_administration(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    ctx = context(db, desk)
    window = open_window(qtbot, ctx)
    assert not window.admin_action.isVisible()
    assert not window.admin_action.isEnabled()
    assert window.admin_action not in [a for a in window.tools_menu.actions() if a.isVisible()]

    # Not only hidden: the services behind the dialog refuse a desk user.
    with pytest.raises(PermissionDenied):
        AdministrationDialog(ctx)
    with pytest.raises(PermissionDenied):
        users.list_users(db, desk)
    company = directory.get_company(db)
    assert company is not None
    with pytest.raises(PermissionDenied):
        directory.update_company(
            db, desk, directory.CompanyInput(name="改名", credit_code=company.credit_code)
        )

    # Forcing the action anyway ends in a message, not in the dialog.
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text)
    )
    window.open_administration()
    assert len(warnings) == 1 and "may not" in warnings[0]


def test_administrator_sees_the_administration_action(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    window = open_window(qtbot, context(db, admin))
    assert window.admin_action.isVisible() and window.admin_action.isEnabled()


def test_tabs_follow_the_role_and_are_built_when_first_shown(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    finance = make_user(db, admin, Role.FINANCE, "fin1")
    desk = make_user(db, admin, Role.DESK, "desk1")

    window = open_window(qtbot, context(db, finance))
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "First",
        "Second",
        "Ledger",
    ]
    assert RecordingTab.built == ["First"]

    window = open_window(qtbot, context(db, desk))
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["First", "Second"]


def test_keyboard_shortcuts_switch_tabs_find_and_refresh(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    window = open_window(qtbot, context(db, admin))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    assert RecordingTab.built == ["First", "Second"]
    second = window.current_tab()
    assert isinstance(second, RecordingTab) and second.name == "Second"

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is second.search

    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert second.refreshed == 1

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    assert window.tab_actions[0].isChecked()


def test_a_requested_order_opens_in_the_tab_that_shows_orders(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    tabs = [
        spec("First", Permission.DIRECTORY_READ),
        TabSpec("Orders", lambda ctx: OrdersTab(ctx, "Orders"), Permission.WORK_ORDERS_READ),
    ]
    ctx = context(db, admin)
    window = open_window(qtbot, ctx, tabs)
    OrdersTab.opened = []
    ctx.signals.open_order_requested.emit(42)
    assert window.tabs.currentIndex() == 1
    assert OrdersTab.opened == [42]


def test_switch_user_asks_the_shell_to_log_out(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = open_window(qtbot, context(db, admin))
    with qtbot.waitSignal(window.logout_requested, timeout=1000):
        window.switch_user_action.trigger()


def test_window_geometry_is_remembered(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = open_window(qtbot, context(db, admin))
    window.resize(700, 500)  # within the offscreen screen (800×600)
    window.close()
    again = open_window(qtbot, context(db, admin))
    assert (again.width(), again.height()) == (700, 500)


def test_language_switches_at_runtime(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = open_window(qtbot, context(db, admin, "系统管理员"))
    assert window.file_menu.title() == "&File"
    i18n.install_language("zh_CN")  # Qt posts LanguageChange to every window
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)", timeout=2000)
    assert window.role_label.text() == "角色：管理员"
    assert window.user_label.text() == "用户：系统管理员"
    assert window.tabs.tabText(0) == "First"  # test tabs carry no translation
    i18n.install_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)
    assert window.role_label.text() == "Role: Administrator"


def test_choosing_a_language_in_the_settings_dialog_retranslates_it_at_once(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = SettingsDialog(context(db, admin))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Settings"
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Settings", timeout=2000)
    assert dialog.change_button.text() != "Change pass&word"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings", timeout=2000)


def test_the_real_tabs_are_registered(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = open_window(qtbot, context(db, admin), tabs=TABS)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Overview",
        "Work orders",
        "Callbacks",
        "Commitments",
        "Signage",
        "Public income",
        "Directory",
        "Regulator",
    ]
    kinds = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        kinds.append(type(window.current_tab()).__name__)
    assert kinds == [
        "OverviewTab",
        "WorkOrdersTab",
        "CallbacksTab",
        "CommitmentsTab",
        "SignageTab",
        "LedgerTab",
        "DirectoryTab",
        "RegulatorTab",
    ]


def test_the_first_start_takes_most_of_the_screen_and_later_starts_keep_the_users_size(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    """Issue 17.9: it opened at 1200×780 on any screen, cutting the list's columns."""
    desk = first_geometry(QRect(0, 0, 1920, 1040))
    assert desk == QRect(96, 52, 1728, 936)  # 90 %, centred
    assert first_geometry(QRect(0, 0, 1366, 728)) is None  # a laptop: maximised
    window = open_window(qtbot, context(db, admin))
    area = window.screen().availableGeometry()
    assert window.width() >= area.width() * 0.85 and window.height() >= area.height() * 0.85
    window.showNormal()
    window.resize(640, 480)
    window.close()  # remembers the geometry the user chose
    again = open_window(qtbot, context(db, admin))
    assert (again.width(), again.height()) == (640, 480)
