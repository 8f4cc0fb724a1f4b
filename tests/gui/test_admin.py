"""The Administration dialog: company, users, audit log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import make_user, valid_credit_code
from tests.gui.shell_support import (
    context,
    isolate_settings,
    reset_language,
    settle,
    type_text,
)
from wuye_desktop.core import audit, directory, portal, users
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.errors import AuthenticationFailed
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.slip_phone import SlipPhoneChoice, save_slip_phone_choice, slip_phone_choice
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.admin.audit_page import AuditPage
from wuye_desktop.ui.admin.dialog import AdministrationDialog
from wuye_desktop.ui.admin.users_page import ResetPasswordDialog, UserDialog
from wuye_desktop.ui.messages import tr_core


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, admin: Actor) -> AdministrationDialog:
    d = AdministrationDialog(context(db, admin))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    settle(qtbot)
    return d


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def audit_cell(qtbot: QtBot, page: AuditPage, row: int, column: int) -> str:
    """A cell of the log once its row was read (rows are read, on the database thread, when
    first shown)."""
    index = page.model.index(row, column)
    qtbot.waitUntil(lambda: index.data() is not None)
    return str(index.data())


def usernames(d: AdministrationDialog) -> list[str]:
    return [u.username for u in d.users_page.model.rows]


def test_add_a_user_through_the_users_page(
    qtbot: QtBot, db: Database, dialog: AdministrationDialog
) -> None:
    dialog.pages.setCurrentWidget(dialog.users_page)
    seen: dict[str, str] = {}

    def fill_in_the_new_user_dialog() -> None:
        new = QApplication.activeModalWidget()
        assert isinstance(new, UserDialog)
        qtbot.keyClicks(new.username, "desk1")
        type_text(qtbot, new.display_name, "前台小李")
        new.role.setCurrentIndex(new.role.findData(Role.DESK.value))
        # Too short first: refused at the password field, the dialog stays open.
        qtbot.keyClicks(new.password, "short")
        qtbot.keyClicks(new.password_again, "short")
        qtbot.keyClick(new.password_again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: new.errors.is_invalid("password"))
        seen["error"] = new.errors.error_text("password")
        seen["invalid"] = str(new.errors.is_invalid("password"))
        seen["visible"] = str(new.isVisible())
        retype(qtbot, new.password, "desk1-pass-1")
        retype(qtbot, new.password_again, "desk1-pass-1")
        qtbot.keyClick(new.password_again, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in_the_new_user_dialog)
    qtbot.mouseClick(dialog.users_page.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert seen == {
        "error": tr_core("At least {n} characters", n=users.MIN_PASSWORD_LENGTH),
        "invalid": "True",
        "visible": "True",
    }
    assert "desk1" in usernames(dialog)
    actor, row = users.login(db, "desk1", "desk1-pass-1")
    assert actor.role == Role.DESK and row.display_name == "前台小李"


def test_taken_user_name_is_shown_at_its_field(qtbot: QtBot, db: Database, admin: Actor) -> None:
    d = UserDialog(context(db, admin))
    qtbot.addWidget(d)
    d.show()
    qtbot.keyClicks(d.username, "Admin")
    qtbot.keyClicks(d.password, "long-enough-1")
    qtbot.keyClicks(d.password_again, "long-enough-1")
    qtbot.keyClick(d.password_again, Qt.Key.Key_Return)
    settle(qtbot)
    assert d.result() != QDialog.DialogCode.Accepted
    assert d.errors.error_text("username") == tr_core("This user name is taken")
    assert d.errors.error_text("password") == ""


def test_edit_role_and_disable(qtbot: QtBot, db: Database, admin: Actor) -> None:
    make_user(db, admin, Role.DESK, "desk1")
    row = next(u for u in users.list_users(db, admin) if u.username == "desk1")
    d = UserDialog(context(db, admin), row)
    qtbot.addWidget(d)
    d.show()
    assert d.username.isReadOnly()
    d.role.setCurrentIndex(d.role.findData(Role.MANAGER.value))
    d.active.setFocus()
    qtbot.keyClick(d.active, Qt.Key.Key_Space)  # untick "may log in"
    assert not d.active.isChecked()
    qtbot.keyClick(d.display_name, Qt.Key.Key_Return)
    settle(qtbot)
    assert d.result() == QDialog.DialogCode.Accepted
    row = next(u for u in users.list_users(db, admin) if u.username == "desk1")
    assert row.role == Role.MANAGER and not row.active
    with pytest.raises(AuthenticationFailed):
        users.login(db, "desk1", "desk1-pass-1")


def test_administrator_cannot_demote_themself(qtbot: QtBot, db: Database, admin: Actor) -> None:
    row = next(u for u in users.list_users(db, admin) if u.username == "admin")
    d = UserDialog(context(db, admin), row)
    qtbot.addWidget(d)
    d.show()
    d.role.setCurrentIndex(d.role.findData(Role.DESK.value))
    qtbot.keyClick(d.display_name, Qt.Key.Key_Return)
    settle(qtbot)
    assert d.result() != QDialog.DialogCode.Accepted
    assert d.errors.error_text("role") == tr_core("You cannot demote or disable yourself")


def test_locked_user_is_shown_and_can_be_unlocked(qtbot: QtBot, db: Database, admin: Actor) -> None:
    make_user(db, admin, Role.DESK, "desk1")
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "desk1", "wrong")
    d = AdministrationDialog(context(db, admin))
    qtbot.addWidget(d)
    d.show()
    settle(qtbot)
    page = d.users_page
    page.select(next(u.id for u in page.model.rows if u.username == "desk1"))
    status = page.model.index(page.table.currentIndex().row(), 3).data()
    assert status.startswith("Locked until")
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.model.index(page.table.currentIndex().row(), 3).data() == "Active"
    assert not page.unlock_button.isEnabled()
    users.login(db, "desk1", "desk1-pass-1")


def test_reset_password(qtbot: QtBot, db: Database, admin: Actor) -> None:
    make_user(db, admin, Role.DESK, "desk1")
    row = next(u for u in users.list_users(db, admin) if u.username == "desk1")
    d = ResetPasswordDialog(context(db, admin), row)
    qtbot.addWidget(d)
    d.show()
    qtbot.keyClicks(d.password, "new-pass-123")
    qtbot.keyClicks(d.password_again, "new-pass-123")
    qtbot.keyClick(d.password_again, Qt.Key.Key_Return)
    settle(qtbot)
    assert d.result() == QDialog.DialogCode.Accepted
    users.login(db, "desk1", "new-pass-123")


def test_company_errors_are_shown_at_the_fields_and_a_good_save_is_kept(
    qtbot: QtBot, db: Database, dialog: AdministrationDialog
) -> None:
    page = dialog.company_page
    dialog.pages.setCurrentWidget(page)
    assert page.credit_code.text() == valid_credit_code()
    retype(qtbot, page.credit_code, "91370200MA3C12345")
    retype(qtbot, page.phone, "12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.errors.error_text("credit_code") == tr_core("A credit code has 18 characters")
    assert page.errors.error_text("phone") == tr_core("Not a mainland mobile or landline number")
    assert page.errors.error_text("name") == ""
    company = directory.get_company(db)
    assert company is not None and company.phone == ""

    retype(qtbot, page.credit_code, valid_credit_code())
    retype(qtbot, page.phone, "0532 8888 1234")
    retype(qtbot, page.name, "青岛安居物业服务有限公司崂山分公司")
    with qtbot.waitSignal(dialog.company_changed, timeout=1000) as signal:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert signal.args == ["青岛安居物业服务有限公司崂山分公司"]
    assert page.phone.text() == "0532-88881234"
    company = directory.get_company(db)
    assert company is not None and company.name == "青岛安居物业服务有限公司崂山分公司"

    # The signs' settings: an entrance address must take {entrance}; the complaint line.
    retype(qtbot, page.entrance_url_template, "https://report.example.cn/r?h={household}")
    retype(qtbot, page.complaint_name, "市南区住建局")
    retype(qtbot, page.complaint_phone, "0532 8287 1234")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.errors.error_text("entrance_url_template") == tr_core(
        "An https:// address containing {{entrance}}"
    )
    retype(qtbot, page.entrance_url_template, "https://report.example.cn/e?k={entrance}")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.complaint_phone.text() == "0532-82871234"
    company = directory.get_company(db)
    assert company is not None
    assert company.entrance_url_template == "https://report.example.cn/e?k={entrance}"
    assert (company.complaint_name, company.complaint_phone) == ("市南区住建局", "0532-82871234")


def test_the_company_chooses_which_slips_print_the_full_phone(
    qtbot: QtBot, db: Database, admin: Actor, dialog: AdministrationDialog
) -> None:
    page = dialog.company_page
    dialog.pages.setCurrentWidget(page)
    assert not page.slip_full_staff.isChecked() and not page.slip_full_contractor.isChecked()
    page.slip_full_staff.click()
    assert page.slip_full_staff.isChecked()
    assert slip_phone_choice(db) == SlipPhoneChoice()  # nothing until saved
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert slip_phone_choice(db) == SlipPhoneChoice(staff=True, contractor=False)
    assert page.done_label.text() == "Saved."
    dialog.pages.setCurrentWidget(dialog.audit_page)
    settle(qtbot)
    assert audit_cell(qtbot, dialog.audit_page, 0, 2) == "Phone on work-order slips changed"

    save_slip_phone_choice(db, admin, SlipPhoneChoice(contractor=True))  # another desk
    page.reload()
    settle(qtbot)
    assert not page.slip_full_staff.isChecked() and page.slip_full_contractor.isChecked()


def press_save(qtbot: QtBot, button: QPushButton) -> None:
    # Tab to it and Space: Alt+S is shared with the slips' "own &staff" box, where Qt moves
    # the focus between the two instead of pressing.
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_desk_switches_the_owners_page_and_sets_its_address_by_keys(
    qtbot: QtBot, db: Database, admin: Actor, dialog: AdministrationDialog
) -> None:
    page = dialog.company_page
    dialog.pages.setCurrentWidget(page)
    assert page.page_on.isChecked() and page.public_url.text() == ""
    # Alt+I to the address: only https:// (http:// for this computer alone).
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert page.public_url.hasFocus()
    type_text(qtbot, page.public_url, "http://bx.example.com")
    press_save(qtbot, page.save_button)
    settle(qtbot)
    assert page.errors.error_text("public_url") == tr_core(
        "An https:// address (http:// only for 127.0.0.1, to try the page out)"
    )
    assert portal.portal_settings(db) == portal.PortalSettings()
    retype(qtbot, page.public_url, "https://bx.example.com/")
    # Alt+G switches the page off (a button's mnemonic clicks it after a short animation).
    qtbot.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.page_on.isChecked(), timeout=1000)
    press_save(qtbot, page.save_button)
    settle(qtbot)
    assert portal.portal_settings(db) == portal.PortalSettings("https://bx.example.com", False)
    assert page.public_url.text() == "https://bx.example.com" and page.done_label.text() == "Saved."
    dialog.pages.setCurrentWidget(dialog.audit_page)
    settle(qtbot)
    assert audit_cell(qtbot, dialog.audit_page, 0, 2) == "Owners' reporting page changed"

    portal.configure_portal(db, admin, enabled=True)  # another desk, or wuye owner-portal --on
    page.reload()
    settle(qtbot)
    assert page.page_on.isChecked()


def test_audit_log_shows_entries_in_local_time_and_searches(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    make_user(db, admin, Role.DESK, "desk1")
    with pytest.raises(AuthenticationFailed):
        users.login(db, "desk1", "wrong")
    d = AdministrationDialog(context(db, admin))
    qtbot.addWidget(d)
    d.show()
    page = d.audit_page
    d.pages.setCurrentWidget(page)
    settle(qtbot)
    model = page.model
    all_ids = audit.audit_ids(db, admin)
    assert model.rowCount() == len(all_ids) >= 5
    newest = audit.audit_rows(db, admin, all_ids[:1])[0]
    assert audit_cell(qtbot, page, 0, 0) == format_local(newest.at, with_seconds=True)
    assert audit_cell(qtbot, page, 0, 1) == "desk1"
    assert audit_cell(qtbot, page, 0, 2) == "Failed login"
    assert page.count_label.text() == f"{len(all_ids)} entries"

    qtbot.keyClicks(page.search, "user.create")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot)
    actions = {audit_cell(qtbot, page, r, 2) for r in range(model.rowCount())}
    assert actions == {"User created"}
    assert model.rowCount() == 2  # the first administrator and desk1


def test_audit_log_lists_changes_made_in_the_dialog(
    qtbot: QtBot, db: Database, dialog: AdministrationDialog
) -> None:
    page = dialog.company_page
    dialog.pages.setCurrentWidget(page)
    retype(qtbot, page.address, "青岛市崂山区海尔路1号")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    dialog.pages.setCurrentWidget(dialog.audit_page)
    settle(qtbot)
    assert audit_cell(qtbot, dialog.audit_page, 0, 2) == "Company changed"
