"""The Callbacks tab: the queue of completed orders, its statistics, recording a callback."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.shell_support import (
    context,
    focused,
    isolate_settings,
    key,
    new_order,
    settle,
    type_text,
    version,
)
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.callbacks import CallbacksTab
from wuye_desktop.ui.main_window import TABS, MainWindow, TabSpec, lazy
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog

CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


def completed_order(
    db: Database,
    actor: Actor,
    community: directory.CommunityView,
    description: str,
    monkeypatch: pytest.MonkeyPatch | None = None,
    days_ago: int = 0,
) -> int:
    """An order taken, dispatched, started and completed (*days_ago* days back)."""
    home = directory.get_household(db, actor, "QD001-3-2-1201").id
    oid = new_order(db, actor, community, home, description)
    orders.dispatch(db, actor, oid, version(db, actor, oid), channel="property", handler="王")
    orders.start_work(db, actor, oid, version(db, actor, oid))
    if monkeypatch is not None and days_ago:
        # The clock of the core, turned back: the order was completed days ago.
        then = now_utc() - timedelta(days=days_ago)
        monkeypatch.setattr("wuye_desktop.core.orders.moves.now_utc", lambda: then)
    orders.complete(db, actor, oid, version(db, actor, oid), "修好了")
    if monkeypatch is not None:
        monkeypatch.setattr("wuye_desktop.core.orders.moves.now_utc", now_utc)
    return oid


@pytest.fixture
def queue(
    db: Database,
    desk: Actor,
    community: directory.CommunityView,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, int]:
    """waiting (due in 3 days), late (completed 5 days ago: overdue), and two called back:
    satisfied (closed) and dissatisfied (reopened)."""
    made = {
        "waiting": completed_order(db, desk, community, "厨房漏水"),
        "late": completed_order(db, desk, community, "卫生间漏水", monkeypatch, days_ago=5),
        "closed": completed_order(db, desk, community, "阳台漏水"),
        "reopened": completed_order(db, desk, community, "外墙渗水"),
    }
    for name, verdict, comment in (
        ("closed", "satisfied", ""),
        ("reopened", "dissatisfied", "还在渗水"),
    ):
        oid = made[name]
        orders.record_callback(
            db,
            desk,
            oid,
            version(db, desk, oid),
            orders.CallbackInput("phone", verdict, "张三", comment),
        )
    return made


def open_tab(qtbot: QtBot, db: Database, actor: Actor) -> CallbacksTab:
    tab = CallbacksTab(context(db, actor))
    qtbot.addWidget(tab)
    tab.resize(1400, 700)
    with qtbot.waitExposed(tab):
        tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    qtbot.waitUntil(lambda: tab.stats is not None, timeout=5000)
    settle(qtbot)  # the queue and its rows arrive from the database thread
    return tab


def numbers(qtbot: QtBot, tab: CallbacksTab) -> list[str]:
    """The queue's numbers, once the queue and its rows have arrived."""
    settle(qtbot)
    for r in range(tab.model.rowCount()):
        tab.model.row_at(r)  # asks for the rows not read yet
    settle(qtbot)
    return [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]


def number(db: Database, actor: Actor, order_id: int) -> str:
    return orders.get_order(db, actor, order_id).row.number


def test_the_queue_lists_waiting_orders_most_urgent_first_overdue_in_red(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    assert numbers(qtbot, tab) == [number(db, desk, queue[n]) for n in ("late", "waiting")]
    assert tab.count_label.text() == "2 orders waiting for a callback"
    model = tab.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == (
        labels.OVERDUE_BACKGROUND
    )
    assert model.data(model.index(0, 1)).endswith("(overdue)")
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, 4)) == "3-2-1201"
    assert model.data(model.index(1, 7)) == "138****5678", "phones are masked in the list"
    tab.overdue_only.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert numbers(qtbot, tab) == [number(db, desk, queue["late"])]


def test_the_statistics_give_coverage_satisfaction_and_what_is_overdue(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    assert tab.period.currentData() == "month", "this month unless chosen otherwise"
    # Choose a period that surely holds the order completed five days ago.
    tab.period.setFocus()
    while tab.period.currentData() != "12_months":
        key(qtbot, Qt.Key.Key_Down)
    before = tab.stats
    qtbot.waitUntil(lambda: tab.stats is not before, timeout=5000)
    s = tab.stats
    assert s is not None
    assert (s.completed, s.called_back, s.waiting, s.overdue) == (4, 2, 2, 1)
    assert tab.coverage_card.value.text() == "50%"
    assert tab.coverage_card.detail.text() == "2 of 4 completed"
    assert tab.satisfaction_card.value.text() == "50%"
    assert tab.satisfaction_card.detail.text() == "1 satisfied · 0 basically · 1 not"
    assert (tab.waiting_card.value.text(), tab.overdue_card.value.text()) == ("2", "1")


def test_enter_records_the_callback_and_the_order_leaves_the_queue(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    tab.focus_search()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert tab.selected_id() == queue["waiting"] and tab.table.hasFocus()
    key(qtbot, Qt.Key.Key_Return)
    dialog = tab.active_dialog
    assert isinstance(dialog, CallbackDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    for _ in range(8):  # Tab to the satisfaction choices; Space takes "Satisfied"
        if isinstance(focused(), QRadioButton):
            break
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)
    assert dialog.selected_satisfaction() == "satisfied"
    for _ in range(8):
        if isinstance(focused(), QPushButton) and focused().isDefault():  # type: ignore[attr-defined]
            break
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)
    settle(qtbot)  # saved on the database thread
    assert tab.active_dialog is None
    assert orders.get_order(db, desk, queue["waiting"]).row.status == "closed"
    assert numbers(qtbot, tab) == [number(db, desk, queue["late"])]
    qtbot.waitUntil(lambda: tab.stats is not None and tab.stats.waiting == 1, timeout=5000)


def test_an_order_number_or_a_scanned_form_finds_the_order(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    tab.focus_search()
    qtbot.keyClicks(tab.search, "WUYE:W:" + number(db, desk, queue["waiting"]))
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)  # the order is looked up on the database thread
    assert tab.selected_id() == queue["waiting"] and tab.table.hasFocus()

    tab.focus_search()
    qtbot.keyClicks(tab.search, number(db, desk, queue["reopened"]).lower())
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)  # the order is looked up on the database thread
    assert tab.notice.text() == (
        f"{number(db, desk, queue['reopened'])} is not waiting for a callback: it is Reopened."
    )
    tab.focus_search()
    qtbot.keyClicks(tab.search, "GD20000101-9999")
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)  # the order is looked up on the database thread
    assert tab.notice.text() == "No such work order: GD20000101-9999"


def test_the_search_box_narrows_the_queue_as_the_order_list_does(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    assert len(numbers(qtbot, tab)) == 2 and tab.understood.text() == ""
    tab.focus_search()
    type_text(qtbot, tab.search, "卫生间")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=3000)
    assert numbers(qtbot, tab) == [number(db, desk, queue["late"])]
    # What the text was read as, beside the box: the same reading as the order list's.
    assert tab.understood.text() == "Searching: Name 卫生间 or description containing 卫生间"
    # The owner's phone by its last digits (the orders are of 张三's home, 13812345678).
    tab.focus_search()
    type_text(qtbot, tab.search, "5678")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=3000)
    assert tab.understood.text() == "Searching: Phone ending 5678 or order number ending 5678"
    # Nothing matching: Enter says so.
    tab.focus_search()
    type_text(qtbot, tab.search, "无此事")
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert numbers(qtbot, tab) == []
    assert tab.notice.text() == "No order waiting for a callback matches."
    tab.focus_search()
    key(qtbot, Qt.Key.Key_Delete)
    settle(qtbot)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=3000)
    assert tab.understood.text() == ""


def test_ctrl_o_asks_for_the_order_in_the_work_order_tab(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    asked: list[int] = []
    tab.ctx.signals.open_order_requested.connect(asked.append)
    tab.focus_search()
    key(qtbot, Qt.Key.Key_Down)  # into the list, on its first order
    key(qtbot, Qt.Key.Key_O, CTRL)
    assert asked == [queue["late"]]


def test_the_main_window_shows_the_order_in_the_work_order_tab(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int], tmp_path: Path
) -> None:
    isolate_settings(tmp_path / "settings")
    callbacks = TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Callbacks"),
        lazy("wuye_desktop.ui.callbacks:CallbacksTab"),
        Permission.WORK_ORDERS_READ,
    )
    tabs = [spec for spec in TABS if spec.title != callbacks.title] + [callbacks]
    window = MainWindow(context(db, desk), tabs=tabs)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # tabs the role may not see are left out
    tab = window.current_tab()
    assert isinstance(tab, CallbacksTab)
    qtbot.waitUntil(lambda: tab.stats is not None, timeout=5000)
    if not window.isActiveWindow():  # the window manager gives the keyboard back
        with qtbot.waitActive(window):
            window.activateWindow()
    tab.focus_search()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_O, CTRL)
    settle(qtbot)  # the list arrives from the database thread, then the order is opened
    shown = window.current_tab()
    assert shown is not tab and shown is not None
    detail = getattr(shown, "detail_pane").detail  # noqa: B009 - the work-order tab's pane
    assert detail is not None and detail.id == queue["late"]


def test_finance_sees_the_queue_but_records_nothing(
    qtbot: QtBot, db: Database, admin: Actor, queue: dict[str, int]
) -> None:
    finance = make_user(db, admin, Role.FINANCE, "fin1")
    tab = open_tab(qtbot, db, finance)
    assert tab.model.rowCount() == 2 and not tab.record_button.isVisible()
    tab.focus_search()
    key(qtbot, Qt.Key.Key_Down)
    assert tab.selected_id() is not None
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_R, CTRL)
    assert tab.active_dialog is None


def test_a_callback_recorded_at_another_desk_shows_without_a_restart(
    qtbot: QtBot, db: Database, desk: Actor, admin: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    tab.watch.timer.setInterval(50)
    tab.watch.timer.start()
    oid = queue["late"]
    orders.record_callback(
        db, admin, oid, version(db, admin, oid), orders.CallbackInput("visit", "satisfied")
    )
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert numbers(qtbot, tab) == [number(db, desk, queue["waiting"])]
    qtbot.waitUntil(lambda: tab.stats is not None and tab.stats.overdue == 0, timeout=5000)


def test_dissatisfied_needs_the_owners_words_typed_in_the_dialog(
    qtbot: QtBot, db: Database, desk: Actor, queue: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, desk)
    tab.select(queue["waiting"])
    tab.table.setFocus()
    key(qtbot, Qt.Key.Key_R, CTRL)
    dialog = tab.active_dialog
    assert isinstance(dialog, CallbackDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    dialog.satisfaction_buttons["dissatisfied"].setFocus()
    key(qtbot, Qt.Key.Key_Space)
    dialog.comment.setFocus()
    type_text(qtbot, dialog.comment, "师傅没来")
    dialog.person_reached.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert orders.get_order(db, desk, queue["waiting"]).row.status == "reopened"
    assert numbers(qtbot, tab) == [number(db, desk, queue["late"])]


def test_the_callback_log_of_the_period_or_blank_opens_in_the_preview(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    queue: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.gui.doc_support import close_previews, wait_for_preview
    from tests.unit import pdf_support as pdf
    from wuye_desktop.ui.callbacks import log_print

    tab = open_tab(qtbot, db, desk)
    assert tab.log_button.isVisible()
    assert tab.log_button.text() == "Print callback &log…"
    tab.log_button.period_action.trigger()
    text = pdf.flat(pdf.text(wait_for_preview(qtbot).data, tmp_path))
    assert "维修回访记录表" in text and "还在渗水" in text  # the period's callbacks
    assert number(db, desk, queue["reopened"]) in text
    close_previews()

    monkeypatch.setattr(log_print.QInputDialog, "getInt", lambda *_a, **_k: (2, True))
    tab.log_button.blank_action.trigger()
    preview = wait_for_preview(qtbot)
    assert pdf.pages(preview.data, tmp_path) == 2
    assert "还在渗水" not in pdf.text(preview.data, tmp_path)
