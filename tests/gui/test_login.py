"""The login dialog, driven with the keyboard as a desk clerk would.

The password check runs on the database thread: after Enter the dialog says it is checking and
the test waits for the answer, as the clerk does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import isolate_settings, reset_language
from wuye_desktop.core import users
from wuye_desktop.core.errors import AuthenticationFailed
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n, local_settings
from wuye_desktop.ui.login import LoginDialog
from wuye_desktop.ui.messages import tr_core

WRONG = "Wrong user name or password."
LOCKED = "Too many failed attempts: the account is locked for {minutes} more minute(s)."


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def open_dialog(qtbot: QtBot, db: Database) -> LoginDialog:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def answered(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.checking, timeout=10_000)


def attempt(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    answered(qtbot, dialog)


@pytest.fixture
def login_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The user names users.login was called with (the dialog's checks, counted)."""
    calls: list[str] = []
    real = users.login

    def counted(db: Database, username: str, password: str) -> tuple[Actor, users.UserRow]:
        calls.append(username)
        return real(db, username, password)

    monkeypatch.setattr(users, "login", counted)
    return calls


def test_focus_starts_in_the_user_name(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db)
    assert dialog.focusWidget() is dialog.username


def test_bad_password_is_refused_with_a_message(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db)
    attempt(qtbot, dialog, "admin", "not-the-password")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert dialog.isVisible()
    assert dialog.message.text() == tr_core(WRONG)
    assert dialog.message.isVisible()
    # Ready for the next try: the password is cleared and has the focus.
    assert dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password


def test_unknown_user_gets_the_same_message(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db)
    attempt(qtbot, dialog, "nobody", "admin-pass-1")
    assert dialog.message.text() == tr_core(WRONG)


def test_empty_user_name_is_asked_for(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert not dialog.checking
    assert dialog.message.text() == "Please type your user name."
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_five_failures_lock_the_account(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db)
    for _ in range(users.MAX_FAILURES):
        attempt(qtbot, dialog, "admin", "wrong-password")
        assert dialog.message.text() == tr_core(WRONG)
    # Now even the right password is refused, and the message says why and for how long.
    attempt(qtbot, dialog, "admin", "admin-pass-1")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == tr_core(LOCKED, minutes=15)
    with pytest.raises(AuthenticationFailed, match="locked"):
        users.login(db, "admin", "admin-pass-1")


def test_good_login_accepts_and_remembers_the_user_name(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = open_dialog(qtbot, db)
    attempt(qtbot, dialog, "admin", "wrong-password")
    attempt(qtbot, dialog, "ADMIN", "admin-pass-1")  # user names ignore case
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.user_id == admin.user_id
    assert dialog.user is not None and dialog.user.display_name == "系统管理员"
    assert local_settings.read_str(local_settings.LAST_USERNAME_KEY) == "admin"

    # Next time the user name is filled in and the cursor waits in the password.
    again = open_dialog(qtbot, db)
    assert again.username.text() == "admin"
    assert again.focusWidget() is again.password
    qtbot.keyClicks(again.password, "admin-pass-1")
    qtbot.keyClick(again.password, Qt.Key.Key_Enter)
    answered(qtbot, again)
    assert again.result() == QDialog.DialogCode.Accepted


def test_while_the_password_is_checked_the_dialog_says_so_and_enter_again_does_nothing(
    qtbot: QtBot, db: Database, admin: Actor, login_calls: list[str]
) -> None:
    dialog = open_dialog(qtbot, db)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    # Argon2id takes its time on the database thread; the dialog is not frozen meanwhile.
    assert dialog.checking
    assert dialog.status.isVisible() and dialog.status.text() == "Checking the password…"
    assert not dialog.login_button.isEnabled() and dialog.password.isReadOnly()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Enter)
    answered(qtbot, dialog)
    assert login_calls == ["admin"]  # one check, so one failure counted, not three
    assert dialog.message.text() == tr_core(WRONG)
    assert not dialog.status.isVisible() and dialog.login_button.isEnabled()
    assert not dialog.password.isReadOnly() and dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password

    # The right password, Enter twice: one login.
    qtbot.keyClicks(dialog.password, "admin-pass-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    answered(qtbot, dialog)
    assert login_calls == ["admin", "admin"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.user_id == admin.user_id


def test_typed_before_the_database_is_open_it_logs_in_once_it_is(
    qtbot: QtBot, db: Database, admin: Actor, login_calls: list[str]
) -> None:
    dialog = LoginDialog()  # as at start-up: shown while the database opens
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.ready
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "admin-pass-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.checking and dialog.status.isVisible()
    assert login_calls == []  # nothing to check against yet
    dialog.set_database(db)
    answered(qtbot, dialog)
    assert login_calls == ["admin"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: dialog.header.subtitle.text() != "", timeout=5000)


def test_messages_are_in_chinese_by_default(qtbot: QtBot, db: Database, admin: Actor) -> None:
    i18n.install_language(i18n.DEFAULT_LANGUAGE)
    dialog = open_dialog(qtbot, db)
    assert dialog.windowTitle() == "登录"
    attempt(qtbot, dialog, "admin", "wrong-password")
    assert dialog.message.text() == "用户名或密码错误。"


def test_language_chosen_on_the_dialog_applies_at_once(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    i18n.install_language("zh_CN")
    dialog = open_dialog(qtbot, db)
    assert dialog.windowTitle() == "登录"
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # 简体中文 → English
    assert i18n.current_language() == "en"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Log in", timeout=2000)
    assert dialog.login_button.text() == "Log in"
    assert local_settings.read_str(local_settings.LANGUAGE_KEY) == "en"
