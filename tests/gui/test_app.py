"""Start-up: opening and upgrading the database, the Retry/Quit question, the shell."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.conftest import make_user
from tests.gui.shell_support import isolate_settings, reset_language
from tests.unit.old_schema_support import orders_of_0013
from wuye_desktop.core.overview import summary
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n, local_settings
from wuye_desktop.ui.app import Shell, create_application, open_database, open_main_window
from wuye_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def answer_message_boxes(buttons: list[QMessageBox.StandardButton], seen: list[str]) -> None:
    """Press each of *buttons* in turn in the message boxes about to be shown modally."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not shown yet: look again shortly
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        box.button(buttons.pop(0)).click()
        if buttons:
            QTimer.singleShot(10, press)

    QTimer.singleShot(0, press)


def test_create_application_uses_the_remembered_language(qapp: QApplication) -> None:
    local_settings.write(local_settings.LANGUAGE_KEY, "zh_CN")
    app = create_application([])
    assert app is qapp
    assert app.applicationName() == "wuye_desktop"
    assert not app.windowIcon().isNull()
    assert i18n.current_language() == "zh_CN"


def test_an_older_sqlite_database_is_copied_aside_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = Database(str(path))
    migrate.upgrade(old, "0001")
    old.dispose()
    opened = open_database(str(path))
    assert opened is not None
    db, backup = opened
    try:
        assert backup is not None and backup.exists() and backup.name.startswith("old.sqlite3.")
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.dispose()


def test_an_upgrade_at_start_counts_the_overviews_figures_showing_how_far(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Migration 0014 notes every order; counted here, off the GUI thread and shown on the
    login dialog, rather than by the overview tab a little at a time."""
    from wuye_desktop.ui.login import LoginDialog

    path = tmp_path / "old.sqlite3"
    old = Database(str(path))
    orders_of_0013(old, 3)
    old.dispose()
    login = LoginDialog()
    qtbot.addWidget(login)
    login.show()
    seen: list[tuple[int, int, bool]] = []

    def counted(done: int, total: int) -> None:
        seen.append((done, total, threading.current_thread() is threading.main_thread()))
        login.show_counting(done, total)

    opened = open_database(str(path), counted)
    assert opened is not None
    db, _backup = opened
    try:
        with db.read() as s:
            assert not summary.is_dirty(s)
        assert seen and seen[-1][0] == seen[-1][1] >= 3
        assert all(on_gui_thread for *_n, on_gui_thread in seen)
        assert login.status.isVisible()
        assert login.status.text() == (
            f"Upgrading the database: {seen[-1][0]} of {seen[-1][1]} changes counted for the "
            "overview…"
        )
        login.set_database(db, "青岛安居物业服务有限公司")
        assert login.status.isHidden()
    finally:
        db.dispose()


def test_a_newer_database_gets_a_clear_message_and_quit(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    db = Database(str(path))
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    seen: list[str] = []
    answer_message_boxes([QMessageBox.StandardButton.Close], seen)
    assert open_database(str(path)) is None
    assert len(seen) == 1 and "newer version" in seen[0]


def test_an_unreachable_server_offers_retry(qtbot: QtBot) -> None:
    seen: list[str] = []
    answer_message_boxes([QMessageBox.StandardButton.Retry, QMessageBox.StandardButton.Close], seen)
    url = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=1"
    assert open_database(url) is None
    assert len(seen) == 2
    assert all("cannot" in message for message in seen)


def test_open_main_window_shows_it(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = open_main_window(db, admin, "系统管理员")
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.ctx.display_name == "系统管理员"


def test_switching_user_logs_in_the_next_one_in_their_language(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    from wuye_desktop.core import users

    users.set_language(db, desk, "en")
    shell = Shell(qapp, db)
    shell._open(admin, "系统管理员")
    first = shell.window
    assert first is not None
    qtbot.addWidget(first)

    def log_in_as_desk() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.keyClicks(dialog.username, "desk1")  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.password, "desk1-pass-1")  # type: ignore[attr-defined]
        dialog.buttons.accepted.emit()  # type: ignore[attr-defined]

    QTimer.singleShot(0, log_in_as_desk)
    first.switch_user_action.trigger()
    second = shell.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.ctx.actor.user_id == desk.user_id
    assert not second.admin_action.isVisible()
    assert i18n.current_language() == "en"


def test_start_logs_in_on_the_dialog_shown_before_the_database_was_open(
    qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor
) -> None:
    from wuye_desktop.core import directory
    from wuye_desktop.ui.login import LoginDialog

    login = LoginDialog()  # as run() shows it, before opening the database
    login.show()

    def type_the_password() -> None:  # typed while start() reads the company off the GUI thread
        qtbot.keyClicks(login.username, "admin")
        qtbot.keyClick(login.username, Qt.Key.Key_Tab)
        qtbot.keyClicks(login.password, "admin-pass-1")
        qtbot.keyClick(login.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_the_password)
    shell = Shell(qapp, db)
    assert shell.start(login)
    window = shell.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.ctx.actor.user_id == admin.user_id
    company = directory.get_company(db)
    assert company is not None and company.name in window.windowTitle()
    assert company.name == login.header.subtitle.text()


def test_on_an_empty_database_the_first_run_replaces_the_login_dialog(
    qtbot: QtBot, qapp: QApplication, db: Database
) -> None:
    from wuye_desktop.ui.first_run import FirstRunDialog
    from wuye_desktop.ui.login import LoginDialog

    login = LoginDialog()
    qtbot.addWidget(login)
    login.show()
    seen: list[QWidget] = []

    def give_up() -> None:  # the first-run dialog is modal: Esc on it
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, give_up)
            return
        seen.append(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, give_up)
    assert not Shell(qapp, db).start(login)
    assert len(seen) == 1 and isinstance(seen[0], FirstRunDialog)
    assert not login.isVisible()
