"""The staff directory in the windows: the dispatch dialog's handler list (part of a name, pick,
Ctrl+Enter), a typed name kept as the fallback, the required result of a completion, and the
Administration's Staff page kept by keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.shell_support import (
    context,
    focused,
    isolate_settings,
    key,
    new_order,
    reset_language,
    settle,
    type_text,
)
from tests.gui.test_focus_return import open_window
from wuye_desktop.core import directory, orders, staff
from wuye_desktop.core.errors import PermissionDenied
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.vocab import StaffKind
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import WorkOrder
from wuye_desktop.ui.admin.staff_directory_dialog import StaffDirectoryDialog
from wuye_desktop.ui.admin.staff_page import StaffDialog, StaffPage
from wuye_desktop.ui.main_window import MainWindow
from wuye_desktop.ui.work_orders.action_dialogs import DispatchDialog, complete_dialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def person(community_id: int | None, name: str, phone: str, *skills: str) -> staff.StaffInput:
    return staff.StaffInput(name, StaffKind.TECHNICIAN, "property", community_id, phone, skills)


def busy(db: Database, actor: Actor, community: directory.CommunityView, sid: int, n: int) -> None:
    for _ in range(n):
        oid = new_order(db, actor, community, None, "路灯不亮", category="lighting")
        v = orders.get_order(db, actor, oid).version
        orders.dispatch(db, actor, oid, v, channel="property", handler_id=sid)


def handler_of(db: Database, oid: int) -> tuple[str, int | None]:
    with db.read() as s:
        order = s.get(WorkOrder, oid)
        assert order is not None
        return order.handler, order.handler_id


D = TypeVar("D", bound=QDialog)


def when_modal(
    handle: Callable[[D], None],
    kind: type[D] = StaffDialog,  # type: ignore[assignment]
) -> list[bool]:
    """Run *handle* on the modal dialog of *kind* once it is open (a button's Alt letter clicks
    it a moment later, and its dialog then waits in exec()); the list gets True when done."""
    done: list[bool] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isActiveWindow():
            if dialog is not None:
                dialog.activateWindow()  # as the window manager does
            QTimer.singleShot(20, poll)
            return
        try:
            handle(dialog)
        finally:  # a failed step must not leave the test waiting on the dialog
            if dialog.isVisible():
                dialog.done(0)
            done.append(True)

    QTimer.singleShot(0, poll)
    return done


def open_dispatch(qtbot: QtBot, db: Database, actor: Actor, oid: int) -> DispatchDialog:
    dialog = DispatchDialog(context(db, actor), oid)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    settle(qtbot)  # the order, its channels and who can take it arrive
    return dialog


def test_the_handler_is_picked_from_the_directory_by_part_of_a_name(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, community: directory.CommunityView
) -> None:
    zhang = staff.add_staff(db, admin, person(community.id, "张师傅", "13800001111", "water_leak"))
    wang = staff.add_staff(db, admin, person(community.id, "王师傅", "13800002222", "water_leak"))
    li = staff.add_staff(db, admin, person(None, "李师傅", "13800003333", "electrical"))
    busy(db, admin, community, wang, 2)
    busy(db, admin, community, li, 1)
    oid = new_order(db, desk, community, None)  # a leak
    dialog = open_dispatch(qtbot, db, desk, oid)

    assert dialog.handler.hasFocus()
    # Skilled first, the least busy first; each with skills, open orders and phone.
    lines = [dialog.picker.model.item(n).text() for n in range(dialog.picker.model.rowCount())]
    assert lines == [
        "张师傅 · Leak · 0 open · 13800001111",
        "王师傅 · Leak · 2 open · 13800002222",
        "李师傅 · In-home electrical · 1 open · 13800003333",
    ]
    type_text(qtbot, dialog.handler, "王")  # part of a name, replacing the proposal
    popup = dialog.picker.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.handler.text() == "王师傅"
    assert dialog.handler_hint.text() == "王师傅 · Leak · 2 open · 13800002222"
    key(qtbot, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert handler_of(db, oid) == ("王师傅", wang) != ("张师傅", zhang)


def test_the_whole_list_opens_with_down_and_a_new_name_is_kept_as_typed(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, community: directory.CommunityView
) -> None:
    zhang = staff.add_staff(db, admin, person(community.id, "张师傅", "13800001111", "water_leak"))
    oid = new_order(db, desk, community, None)
    dialog = open_dispatch(qtbot, db, desk, oid)
    qtbot.keyClick(dialog.handler, Qt.Key.Key_Delete)  # the proposal was selected
    qtbot.keyClick(dialog.handler, Qt.Key.Key_Down)
    popup = dialog.picker.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.handler.text() == "张师傅"
    dialog.handler.selectAll()
    type_text(qtbot, dialog.handler, "临时工老马")
    assert dialog.handler_hint.text() == "Not in the staff directory: kept as typed."
    key(qtbot, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert handler_of(db, oid) == ("临时工老马", None)
    # Next time, the typed name is offered after the directory.
    other = new_order(db, desk, community, None)
    dialog = open_dispatch(qtbot, db, desk, other)
    names = [c.name for c in dialog.picker.choices]
    assert names == ["张师傅", "临时工老马"]
    assert dialog.picker.choices[0].staff_id == zhang


def test_completing_needs_a_result_shown_at_its_field(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView
) -> None:
    oid = new_order(db, desk, community, None)
    v = orders.get_order(db, desk, oid).version
    orders.dispatch(db, desk, oid, v, channel="property", handler="王")
    orders.start_work(db, desk, oid, orders.get_order(db, desk, oid).version)
    dialog = complete_dialog(context(db, desk), oid, None)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    settle(qtbot)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert dialog.isVisible()
    assert dialog.errors.error_text("result") == "Say what was found and done"
    assert orders.get_order(db, desk, oid).row.status == "in_progress"
    type_text(qtbot, dialog.text, "更换了角阀")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert orders.get_order(db, desk, oid).row.status == "completed"


def test_the_staff_page_adds_edits_and_deactivates_by_keyboard(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    page = StaffPage(context(db, admin))
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.reload()
    settle(qtbot)
    seen: dict[str, object] = {}

    def fill(new: StaffDialog) -> None:
        seen["focus"] = new.name.hasFocus()
        type_text(qtbot, new.name, "张师傅")
        key(qtbot, Qt.Key.Key_Tab)  # → kind: own technician
        key(qtbot, Qt.Key.Key_Tab)  # → community (the channel follows the kind)
        seen["channel enabled"] = new.channel.isEnabled()
        key(qtbot, Qt.Key.Key_Down)  # all communities → 海尔云谷
        key(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "13800001111")
        key(qtbot, Qt.Key.Key_Tab)  # → skills
        for _ in range(10):  # down the list to 渗漏 (water leak), the 11th category
            key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Return, CTRL)
        settle(qtbot)
        seen["saved"] = not new.isVisible()

    done = when_modal(fill)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(done))
    settle(qtbot)
    assert seen == {"focus": True, "channel enabled": False, "saved": True}
    [row] = staff.list_staff(db, admin)
    assert (row.name, row.community_name, row.phone, row.skills) == (
        "张师傅",
        "海尔云谷",
        "13800001111",
        ("water_leak",),
    )
    assert page.model.rows == [row]
    assert page.model.index(0, 5).data() == "Leak"

    def edit(dialog: StaffDialog) -> None:
        dialog.phone.setFocus()
        dialog.phone.selectAll()
        qtbot.keyClicks(dialog.phone, "13900009999")
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return, CTRL)
        settle(qtbot)

    page.table.setFocus()
    page.table.selectRow(0)
    done = when_modal(edit)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(done))
    settle(qtbot)
    assert page.model.rows[0].phone == "13900009999"
    with qtbot.waitActive(page):  # back from the dialog, as the window manager does
        page.activateWindow()
    assert page.deactivate_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.model.rows[0].active)
    assert page.model.index(0, 0).data() == "张师傅 (inactive)"


def test_a_manager_keeps_the_directory_from_the_tools_menu_and_a_desk_cannot(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff.add_staff(db, admin, person(community.id, "王师傅", "13800002222", "lighting"))
    window = open_window(qtbot, db, make_user(db, admin, Role.MANAGER, "mgr1"))
    seen: list[object] = []

    def look(dialog: StaffDirectoryDialog) -> None:
        qtbot.waitUntil(lambda: not dialog.page.loading)
        seen.extend(row.name for row in dialog.page.model.rows)
        seen.append(dialog.page.add_button.isEnabled())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    done = when_modal(look, StaffDirectoryDialog)
    qtbot.keyClick(window, Qt.Key.Key_T, ALT)  # 工具(T)
    qtbot.waitUntil(window.tools_menu.isVisible)
    qtbot.keyClick(window.tools_menu, Qt.Key.Key_Y)  # 人员名录(Y)…
    qtbot.waitUntil(lambda: bool(done))
    assert seen == ["王师傅", True]

    desk = make_user(db, admin, Role.DESK, "desk1")
    desk_window = MainWindow(context(db, desk))
    qtbot.addWidget(desk_window)
    assert not desk_window.staff_action.isVisible()
    with pytest.raises(PermissionDenied):
        StaffDirectoryDialog(context(db, desk))
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text)
    )
    desk_window.open_staff_directory()  # forced anyway: a message, not the dialog
    assert len(warnings) == 1 and "may not" in warnings[0]
