"""People, not logins, and words, not codes: the order's timeline, its 受理人, its callbacks and
the audit log name the staff as colleagues know them (the login stays in a tooltip for an
administrator), and the audit log says each action, object and value in the UI's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import (
    context,
    isolate_settings,
    new_order,
    reset_language,
    settle,
    version,
)
from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.prints import callback_form
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.admin.audit_page import AuditPage
from wuye_desktop.ui.admin.dialog import AdministrationDialog
from wuye_desktop.ui.work_orders.tab import WorkOrdersTab

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


def staff(db: Database, admin: Actor, role: Role, login: str, name: str) -> Actor:
    users.create_user(db, admin, username=login, display_name=name, role=role, password="pw-12345")
    actor, _ = users.login(db, login, "pw-12345")
    return actor


def test_the_order_detail_names_its_staff(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, home: int
) -> None:
    desk = staff(db, admin, Role.DESK, "desk", "王丽")
    manager = staff(db, admin, Role.MANAGER, "manager", "赵经理")
    oid = new_order(db, desk, community, home)
    orders.dispatch(
        db, manager, oid, version(db, manager, oid), channel="property", handler="李师傅"
    )
    orders.start_work(db, manager, oid, version(db, manager, oid))
    orders.complete(db, manager, oid, version(db, manager, oid), result="换了阀门")
    orders.record_callback(
        db,
        desk,
        oid,
        version(db, desk, oid),
        orders.CallbackInput("phone", "dissatisfied", "张三", "还在漏"),
    )

    tab = WorkOrdersTab(context(db, manager))
    qtbot.addWidget(tab)
    tab.resize(1500, 900)
    with qtbot.waitExposed(tab):
        tab.show()
    settle(qtbot)
    row = tab.model.row_of(oid)
    assert row is not None
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    pane = tab.detail_pane

    people = [user for _t, user, _e, _d in pane.timeline.rows()]
    assert people[0] == "王丽" and people[1:4] == ["赵经理"] * 3, people
    assert "desk" not in people and "manager" not in people
    first = pane.timeline.tree.topLevelItem(0)
    assert first is not None and first.toolTip(1) == "desk"
    assert pane.values["created_by"].text() == "王丽"
    assert pane.values["created_by"].toolTip() == "desk"
    callbacks = pane.callbacks_label.text()
    assert "王丽" in callbacks and "desk" not in callbacks


def test_the_audit_log_reads_in_chinese_words_and_names(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    home: int,
) -> None:
    isolate_settings(tmp_path)
    desk = staff(db, admin, Role.DESK, "desk", "王丽")
    oid = new_order(db, desk, community, home)  # tier: time_limited
    orders.dispatch(db, admin, oid, version(db, admin, oid), channel="property", handler="李师傅")
    orders.start_work(db, admin, oid, version(db, admin, oid))
    orders.complete(db, admin, oid, version(db, admin, oid), "已修好")
    orders.record_callback(
        db,
        desk,
        oid,
        version(db, desk, oid),
        orders.CallbackInput("phone", "dissatisfied", "", "漏"),
    )
    callback_form.callback_pdf(db, desk, oid)
    i18n.install_language("zh_CN")
    try:
        dialog = AdministrationDialog(context(db, admin))
        qtbot.addWidget(dialog)
        dialog.show()
        page = dialog.audit_page
        dialog.pages.setCurrentWidget(page)
        settle(qtbot)
        rows = [
            [cell(qtbot, page, r, c) for c in range(1, 5)] for r in range(page.model.rowCount())
        ]
        count = page.count_label.text()
    finally:
        reset_language()
    by_action = {row[1]: row for row in rows}
    printed = by_action["打印单据"]
    assert printed[0] == "王丽" and printed[3] == "单据：回访单", printed
    assert by_action["受理工单"][3] == "维修类别：限时修", by_action["受理工单"]
    assert "满意度：不满意" in by_action["登记回访"][3]
    created = [row for row in rows if row[1] == "新建用户"]
    assert ["用户 王丽" in row[2] for row in created].count(True) == 1, created
    for row in rows:
        assert not any(code in " ".join(row) for code in ("document.", "time_limited")), row
        assert "desk" not in row[:3], row  # only a new user's 登录名 says the login
    assert count == f"{len(rows)} 条记录"
    user_index = page.model.index(0, 1)
    assert user_index.data(Qt.ItemDataRole.ToolTipRole) in ("desk", "admin")


def cell(qtbot: QtBot, page: AuditPage, row: int, column: int) -> str:
    index = page.model.index(row, column)
    qtbot.waitUntil(lambda: index.data() is not None)
    return str(index.data())
