"""First run on an empty database: company and first administrator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import valid_credit_code
from tests.gui.shell_support import isolate_settings, reset_language, type_text
from wuye_desktop.core import directory, users
from wuye_desktop.core.roles import Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.first_run import FirstRunDialog
from wuye_desktop.ui.messages import tr_core


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


@pytest.fixture
def dialog(qtbot: QtBot, db: Database) -> FirstRunDialog:
    assert users.needs_first_run(db)
    d = FirstRunDialog(db)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def fill(qtbot: QtBot, d: FirstRunDialog, code: str, password: str, again: str) -> None:
    type_into(qtbot, d.company_name, "青岛安居物业服务有限公司")
    type_into(qtbot, d.credit_code, code)
    type_into(qtbot, d.username, "admin")
    type_into(qtbot, d.display, "王主管")
    type_into(qtbot, d.password, password)
    type_into(qtbot, d.password_again, again)


def test_focus_starts_in_the_company_name(dialog: FirstRunDialog) -> None:
    assert dialog.focusWidget() is dialog.company_name


def test_bad_credit_code_is_shown_at_its_field_as_soon_as_typed(
    qtbot: QtBot, dialog: FirstRunDialog
) -> None:
    bad = valid_credit_code()[:-1] + ("0" if valid_credit_code()[-1] != "0" else "1")
    type_into(qtbot, dialog.credit_code, bad)
    qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Tab)
    expected = tr_core("The check character of the credit code is wrong")
    assert dialog.errors.error_text("credit_code") == expected
    assert dialog.errors.is_invalid("credit_code")
    # Correcting it clears the message as soon as the user edits the field.
    type_into(qtbot, dialog.credit_code, valid_credit_code())
    assert dialog.errors.error_text("credit_code") == ""
    assert not dialog.errors.is_invalid("credit_code")


def test_refused_fields_are_shown_and_nothing_is_created(
    qtbot: QtBot, db: Database, dialog: FirstRunDialog
) -> None:
    fill(qtbot, dialog, "91370200MA3C1234", "short", "short")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.error_text("credit_code") == tr_core("A credit code has 18 characters")
    assert dialog.errors.error_text("password") == tr_core("At least {n} characters", n=8)
    assert dialog.errors.error_text("company_name") == ""
    assert users.needs_first_run(db)
    assert directory.get_company(db) is None


def test_passwords_must_match(qtbot: QtBot, db: Database, dialog: FirstRunDialog) -> None:
    fill(qtbot, dialog, valid_credit_code(), "admin-pass-1", "admin-pass-2")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert dialog.errors.error_text("password_again") == "The two passwords differ"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert users.needs_first_run(db)


def test_first_run_creates_company_and_administrator(
    qtbot: QtBot, db: Database, dialog: FirstRunDialog
) -> None:
    fill(qtbot, dialog, valid_credit_code().lower(), "admin-pass-1", "admin-pass-1")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == Role.ADMIN
    assert dialog.display_name == "王主管"
    assert not users.needs_first_run(db)
    company = directory.get_company(db)
    assert company is not None
    assert company.name == "青岛安居物业服务有限公司"
    assert company.credit_code == valid_credit_code()
    actor, row = users.login(db, "admin", "admin-pass-1")
    assert actor.role == Role.ADMIN and row.display_name == "王主管"
