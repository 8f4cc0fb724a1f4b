"""The weekly list of unfinished work (每周五16:00前督办单), picked by week and community."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import context, settle
from wuye_desktop.core import directory
from wuye_desktop.core import orders as core_orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.work_orders import WorkOrdersTab
from wuye_desktop.ui.work_orders.weekly import WeeklyDialog, WeeklyView

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")

LAST_WEEK = core_orders.current_week(now_utc() - timedelta(days=7))


@pytest.fixture
def orders(db: Database, admin: Actor, community: directory.CommunityView) -> dict[str, int]:
    """Last week: two orders in 海尔云谷, one in 金茂湾, all open at its Friday 16:00; and one
    taken after that Friday, which that week's list must not hold."""
    other = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="金茂湾")
    )
    cutoff = core_orders.week_cutoff(LAST_WEEK)
    home = directory.get_household(db, admin, "QD001-3-2-1201").id

    def take(community_id: int, household_id: int | None, text: str, before: timedelta) -> int:
        return core_orders.create_order(
            db,
            admin,
            core_orders.OrderInput(
                community_id=community_id,
                household_id=household_id,
                location="" if household_id else "2号楼大堂",
                category="water_leak" if household_id else "lighting",
                channel="property",
                source="phone",
                tier="time_limited",
                description=text,
                reported_at=cutoff - before,
            ),
        )

    made = {
        "leak": take(community.id, home, "卫生间渗水", timedelta(days=1)),
        "crack": take(community.id, home, "墙面裂缝", timedelta(days=2)),
        "lamp": take(other.id, None, "大堂灯不亮", timedelta(hours=3)),
    }
    # Finished now, after that Friday: still on last week's list, which is as it stood then.
    core_orders.cancel(
        db, admin, made["crack"], core_orders.get_order(db, admin, made["crack"]).version, "重复"
    )
    made["later"] = take(community.id, home, "今天的新报修", cutoff - now_utc())
    return made


def open_weekly(qtbot: QtBot, db: Database, actor: Actor) -> WeeklyDialog:
    dialog = WeeklyDialog(context(db, actor))
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    wait_loaded(qtbot, dialog.view)
    return dialog


def wait_loaded(qtbot: QtBot, view: WeeklyView) -> None:
    qtbot.waitUntil(lambda: view.task is not None and not view.task.is_running, timeout=10000)


def shown_ids(view: WeeklyView) -> set[int]:
    return {row.id for row in view.model.rows}


def test_the_weekly_list_per_week_and_community(
    qtbot: QtBot, db: Database, admin: Actor, orders: dict[str, int]
) -> None:
    dialog = open_weekly(qtbot, db, admin)
    view = dialog.view
    assert view.selected_week() == core_orders.current_week()
    assert view.week.count() == 26
    assert view.print_button.isVisible()  # printing the list: see tests/gui/test_signage_tab.py

    view.week.setFocus()
    qtbot.keyClick(view.week, Qt.Key.Key_Down)  # the week before
    assert view.selected_week() == LAST_WEEK
    wait_loaded(qtbot, view)
    assert shown_ids(view) == {orders["leak"], orders["crack"], orders["lamp"]}
    assert view.community_counts() == {"海尔云谷": 2, "金茂湾": 1}
    # The counts are in view without scrolling, however narrow the pane (issue 17.9).
    counts = view.counts
    count_x = counts.header().sectionViewportPosition(1)
    assert count_x > 0 and count_x + counts.header().sectionSize(1) <= counts.viewport().width()
    cutoff = core_orders.week_cutoff(LAST_WEEK)
    assert view.summary.text() == (
        f"Unfinished at Friday {cutoff.strftime('%Y-%m-%d')} 16:00: 3 orders"
    )
    statuses = {row.id: row.status for row in view.model.rows}
    assert statuses[orders["crack"]] == "cancelled", "the status column shows where it is now"
    # Rows come per community, the community column first.
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Community"
    communities = [view.model.data(view.model.index(r, 0)) for r in range(3)]
    assert communities == sorted(communities, key=lambda name: name != "海尔云谷")

    view.community.setFocus()
    qtbot.keyClick(view.community, Qt.Key.Key_End)  # the last community: 金茂湾
    assert view.community.currentText() == "金茂湾"
    wait_loaded(qtbot, view)
    assert shown_ids(view) == {orders["lamp"]}
    assert view.community_counts() == {"金茂湾": 1}

    # Enter on a row asks for that order (the tab opens it); the window stays open.
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 1))
    with qtbot.waitSignal(dialog.order_activated, timeout=2000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [orders["lamp"]]
    assert dialog.isVisible()


def test_an_order_of_the_list_opens_in_the_tab(
    qtbot: QtBot, db: Database, admin: Actor, orders: dict[str, int]
) -> None:
    tab = WorkOrdersTab(context(db, admin))
    qtbot.addWidget(tab)
    tab.resize(1400, 860)
    with qtbot.waitExposed(tab):
        tab.show()
    button = tab.moves.toolbar.widgetForAction(tab.moves.weekly_action)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.weekly_dialog
    assert isinstance(dialog, WeeklyDialog)
    view = dialog.view
    wait_loaded(qtbot, view)
    view.week.setCurrentIndex(view.week.findData(LAST_WEEK))
    wait_loaded(qtbot, view)
    row = next(i for i, r in enumerate(view.model.rows) if r.id == orders["crack"])
    index = view.model.index(row, 1)
    view.table.scrollTo(index)
    where = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    settle(qtbot)  # the list arrives from the database thread, then the order is opened
    detail = tab.detail_pane.detail
    assert detail is not None and detail.id == orders["crack"]
    # A cancelled order is not among the open ones the tab lists: it is shown all the same.
    assert tab.detail_pane.notice.text() != ""
    # The same button brings the open window back rather than opening a second one.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tab.weekly_dialog is dialog
