"""People, not logins: the order's timeline, its 受理人 and its callbacks name the staff as
colleagues know them; the login stays in a tooltip for an administrator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import context, new_order, settle, version
from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
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
    orders.complete(db, manager, oid, version(db, manager, oid), note="换了阀门")
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
