"""The Work orders tab, driven like a desk clerk drives it: the list, the filters, the detail with
its timeline, and every move through its dialog, with keys and clicks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import make_user
from tests.gui.shell_support import context, new_order, settle, type_text, version
from wuye_desktop.core import directory, orders
from wuye_desktop.core.errors import ConcurrentEdit, PermissionDenied, StateError, WuyeError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry
from wuye_desktop.ui.work_orders import WorkOrdersTab
from wuye_desktop.ui.work_orders.action_dialog import OrderActionDialog
from wuye_desktop.ui.work_orders.action_dialogs import (
    DispatchDialog,
    StartWorkDialog,
    TextActionDialog,
)
from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog
from wuye_desktop.ui.work_orders.list_model import PAGE_SIZE, OrderListModel, Query

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


def status(db: Database, actor: Actor, order_id: int) -> str:
    return orders.get_order(db, actor, order_id).row.status


def open_tab(qtbot: QtBot, db: Database, actor: Actor) -> WorkOrdersTab:
    tab = WorkOrdersTab(context(db, actor))
    qtbot.addWidget(tab)
    tab.resize(1500, 900)
    with qtbot.waitExposed(tab):
        tab.show()
    with qtbot.waitActive(tab):  # shortcuts and keyboard focus need the active window
        tab.activateWindow()
    settle(qtbot)  # the first page arrives from the database thread
    return tab


def select_order(qtbot: QtBot, tab: WorkOrdersTab, order_id: int) -> None:
    """Click the order's row in the list."""
    settle(qtbot)
    row = tab.model.row_of(order_id)
    assert row is not None, "the order is not in the list"
    tab.table.scrollTo(tab.model.index(row, 0))
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)  # the order arrives from the database thread
    assert tab.detail_pane.detail is not None and tab.detail_pane.detail.id == order_id
    tab.table.setFocus()


def press(qtbot: QtBot, tab: WorkOrdersTab, key: Qt.Key, modifiers: Any) -> OrderActionDialog:
    """A shortcut on the list; returns the dialog it opened."""
    if not tab.isActiveWindow():  # back from a dialog: the window manager would do this
        with qtbot.waitActive(tab):
            tab.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, key, modifiers)
    dialog = tab.active_dialog
    assert isinstance(dialog, OrderActionDialog), "the shortcut opened no dialog"
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    return dialog


def click_action(qtbot: QtBot, tab: WorkOrdersTab, action: Any) -> OrderActionDialog:
    button = tab.moves.toolbar.widgetForAction(action)
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, OrderActionDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    return dialog


def ok(qtbot: QtBot, dialog: QWidget, field: QWidget) -> None:
    """Enter in a one-line field presses the dialog's OK; the move is saved on the database
    thread, and the tab reads the order again."""
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot)


def timeline_events(tab: WorkOrdersTab) -> list[str]:
    return [event for _time, _user, event, _details in tab.detail_pane.timeline.rows()]


def column(qtbot: QtBot, tab: WorkOrdersTab, key: str) -> list[str]:
    """A column's texts, once the rows have been read (they arrive from the database thread)."""
    settle(qtbot)
    c = next(i for i, spec in enumerate(tab.model.columns) if spec.key == key)
    for r in range(tab.model.rowCount()):
        tab.model.data(tab.model.index(r, c))
    settle(qtbot)
    return [tab.model.data(tab.model.index(r, c)) for r in range(tab.model.rowCount())]


def listed(qtbot: QtBot, tab: WorkOrdersTab) -> list[int]:
    """The ids in the list, once what was asked for has arrived."""
    settle(qtbot)
    return tab.model.ids()


def audit_count(db: Database, action: str) -> int:
    with db.read() as s:
        return len(list(s.scalars(select(AuditEntry).where(AuditEntry.action == action))))


# --- the list --------------------------------------------------------------------------------


def test_the_list_loads_a_page_of_ids_at_a_time_and_rows_only_as_shown(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, home: int
) -> None:
    ids = [new_order(db, admin, community, home, f"渗水 {n}") for n in range(450)]
    tab = open_tab(qtbot, db, admin)
    assert PAGE_SIZE == 200
    assert tab.model.rowCount() == 200, "the list loaded more than its first page"
    assert tab.model.canFetchMore()
    assert tab.model.cached_count() < 200, "rows were read that the view never showed"
    assert column(qtbot, tab, "number")[:1] == [orders.get_order(db, admin, ids[-1]).row.number]
    qtbot.waitUntil(lambda: tab.model.total == 450, timeout=5000)
    assert tab.list_view.count_label.text() == "Showing 200 of 450"

    # Going to the end (Ctrl+End in the list) fetches the next pages, a page at a time.
    inserted: list[int] = []
    tab.model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    select_order(qtbot, tab, ids[-1])
    for _press in range(3):  # each press asks for the next page, which then arrives
        loaded = tab.model.rowCount()
        qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=loaded: tab.model.rowCount() > n or not tab.model.has_more())
        settle(qtbot)
    qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert inserted and all(n <= 200 for n in inserted)
    assert tab.model.rowCount() == 450
    assert not tab.model.canFetchMore()
    assert tab.table.currentIndex().row() == 449
    assert listed(qtbot, tab) == list(reversed(ids))
    assert tab.list_view.count_label.text() == "Showing 450 of 450"


def test_a_new_list_arrives_with_its_first_screen_in_one_trip(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, home: int
) -> None:
    """The first screen is painted when one answer from the database thread arrives: ids and
    the rows of their first chunk together (a second trip doubled the wait on a busy desk)."""
    ids = [new_order(db, admin, community, home, f"渗水 {n}") for n in range(30)]
    model = OrderListModel(context(db, admin))
    shown: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: shown.append((model.rowCount(), model.cached_count())))
    with qtbot.waitSignal(model.loaded_changed, timeout=5000):
        model.set_query(Query(orders.OrderFilter()))
    assert shown == [(30, 30)], "the ids came without their rows"
    assert not model.rows_pending()
    numbers = [model.data(model.index(r, 0)) for r in range(3)]
    assert not model.rows_pending(), "painting the first rows asked the database again"
    assert numbers == [orders.get_order(db, admin, i).row.number for i in reversed(ids[-3:])]


def test_clicking_a_header_sorts_by_a_new_query(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    home: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for n, ago in enumerate((3, 1, 2)):
        new_order(db, admin, community, home, f"渗水 {n}", reported_ago=timedelta(hours=ago))
    tab = open_tab(qtbot, db, admin)
    asked: list[tuple[str, bool]] = []
    real_page = orders.order_page

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append((args[3], args[4]))
        return real_page(*args, **kwargs)

    monkeypatch.setattr(orders, "order_page", spy)
    header = tab.table.horizontalHeader()

    def click_header(key: str) -> None:
        section = next(i for i, c in enumerate(tab.model.columns) if c.key == key)
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        settle(qtbot)

    newest_first = column(qtbot, tab, "description")
    assert newest_first == ["渗水 1", "渗水 2", "渗水 0"]
    click_header("number")
    assert asked == [("number", False)]
    numbers = column(qtbot, tab, "number")
    assert numbers == sorted(numbers)
    click_header("number")
    assert asked[-1] == ("number", True)
    assert column(qtbot, tab, "number") == sorted(numbers, reverse=True)
    click_header("reported_at")
    assert asked[-1][0] == "reported_at"
    # A column the database cannot sort on keeps the list as it is and asks nothing.
    before = len(asked)
    click_header("description")
    assert len(asked) == before
    assert header.sortIndicatorSection() == tab.model.section_of("reported_at")


def test_filters_by_status_community_and_text_and_overdue(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, home: int
) -> None:
    other = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="金茂湾")
    )
    other_home = directory.create_household(
        db, admin, other.id, directory.HouseholdInput("1", "1", "101", [])
    ).id
    accepted = new_order(db, admin, community, home, "卫生间渗水")
    dispatched = new_order(db, admin, community, home, "厨房渗水")
    elsewhere = new_order(db, admin, other, other_home, "楼道渗水")
    lamp = new_order(db, admin, community, None, "路灯不亮", category="lighting")
    late = new_order(db, admin, community, home, "窗户漏风", reported_ago=timedelta(days=5))
    for oid in (dispatched, elsewhere):
        orders.dispatch(
            db, admin, oid, version(db, admin, oid), channel="property", handler="李师傅"
        )
    orders.cancel(db, admin, lamp, version(db, admin, lamp), "业主已自行处理")

    tab = open_tab(qtbot, db, admin)
    # The desk's usual view: open orders, whatever the community.
    assert tab.filters.status_button.text() == "Status: open"
    assert set(listed(qtbot, tab)) == {accepted, dispatched, elsewhere, late}

    tab.filters.all_statuses_action.trigger()
    assert set(listed(qtbot, tab)) == {accepted, dispatched, elsewhere, lamp, late}
    tab.filters.status_actions["dispatched"].trigger()
    assert tab.filters.status_button.text() == "Status: Dispatched"
    assert set(listed(qtbot, tab)) == {dispatched, elsewhere}

    combo = tab.filters.community
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # All communities → the first one, 海尔云谷
    assert combo.currentText() == "海尔云谷"
    assert listed(qtbot, tab) == [dispatched]

    tab.filters.all_statuses_action.trigger()
    settle(qtbot)
    tab.focus_search()
    type_text(qtbot, tab.filters.text, "渗水")
    assert len(tab.model.ids()) == 4, "filtered before the typing paused"
    qtbot.waitUntil(lambda: set(tab.model.ids()) == {accepted, dispatched}, timeout=3000)

    # The room is searched too; Esc clears the text.
    qtbot.keyClick(tab.filters.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.filters.text, "3-2-1201")
    qtbot.keyClick(tab.filters.text, Qt.Key.Key_Return)  # Enter does not wait
    assert set(listed(qtbot, tab)) == {accepted, dispatched, late}
    # The box says what it understood, so the desk knows why these rows show.
    qtbot.waitUntil(
        lambda: tab.filters.understood.text() == "Searching: Room: building 3, unit 2, room 1201",
        timeout=5000,
    )
    qtbot.keyClick(tab.filters.text, Qt.Key.Key_Escape)
    assert tab.filters.text.text() == ""
    qtbot.waitUntil(lambda: tab.filters.understood.text() == "", timeout=5000)
    assert set(listed(qtbot, tab)) == {accepted, dispatched, lamp, late}

    qtbot.mouseClick(tab.filters.overdue, Qt.MouseButton.LeftButton)
    assert listed(qtbot, tab) == [late]
    assert column(qtbot, tab, "due")[0].startswith("overdue ")
    background = tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor) and background.red() > background.green()

    qtbot.mouseClick(tab.filters.clear_button, Qt.MouseButton.LeftButton)
    assert set(listed(qtbot, tab)) == {accepted, dispatched, elsewhere, late}
    qtbot.waitUntil(lambda: tab.list_view.count_label.text() == "Showing 4 of 4", timeout=5000)


def test_enter_on_an_order_number_or_a_scanned_code_opens_it(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, home: int
) -> None:
    first = new_order(db, admin, community, home, "卫生间渗水")
    new_order(db, admin, community, home, "厨房渗水")
    number = orders.get_order(db, admin, first).row.number
    tab = open_tab(qtbot, db, admin)
    tab.focus_search()
    qtbot.keyClicks(tab.filters.text, f"WUYE:W:{number}")
    qtbot.keyClick(tab.filters.text, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.detail_pane.detail is not None and tab.detail_pane.detail.id == first
    assert tab.filters.text.text() == "", "the next scan starts in an empty box"
    assert tab.model.row_of(first) is not None
    assert tab.table.currentIndex().row() == tab.model.row_of(first)


# --- the detail ------------------------------------------------------------------------------


def test_detail_shows_the_order_with_its_timeline(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, home: int
) -> None:
    oid = new_order(db, desk, community, home)
    orders.dispatch(
        db, desk, oid, version(db, desk, oid), channel="repair_contractor", handler="李师傅"
    )
    orders.add_note(db, desk, oid, "业主下午在家")
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    pane = tab.detail_pane
    assert pane.number.text() == orders.get_order(db, desk, oid).row.number
    assert pane.status_chip.text() == "Dispatched"
    assert pane.values["place"].text() == "3-2-1201  (QD001-3-2-1201)"
    assert pane.values["handler"].text() == "李师傅"
    assert pane.caller.text() == "张三  138****5678"
    assert pane.description.text() == "卫生间天花板渗水"
    rows = pane.timeline.rows()
    assert [(user, event) for _t, user, event, _d in rows] == [
        ("desk1", "Accepted"),
        ("desk1", "Dispatched"),
        ("desk1", "Note"),
    ]
    assert rows[0][3] == "Order taken"
    assert rows[1][3] == "Housing-repair contractor / 李师傅"
    assert rows[2][3] == "业主下午在家"
    assert all(len(t) == len("2026-11-20 14:00") for t, *_ in rows)
    # What the role may do follows the status: a dispatched order transfers, starts, cancels.
    enabled = {a for a in tab.moves.order_actions if a.isEnabled()}
    assert enabled == {
        tab.moves.dispatch_action,
        tab.moves.start_action,
        tab.moves.cancel_action,
        tab.moves.pause_action,
        tab.moves.note_action,
        tab.moves.photo_action,
    }
    assert tab.moves.dispatch_action.text() == "Transf&er…"
    # A greyed-out move says why, in the core's words (the same the core refuses with).
    assert tab.moves.complete_action.toolTip().endswith(
        "\nAn order that is dispatched cannot become completed."
    )
    assert tab.moves.start_action.toolTip() == (
        "Work begins; a promised repair needs its commitment (Ctrl+Shift+S, Alt+S)"
    )
    assert not tab.moves.prints.callback_action.isEnabled()
    assert "printed once it is completed" in tab.moves.prints.callback_action.toolTip()


def test_the_callers_number_is_revealed_on_request_and_audited(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    desk: Actor,
    community: directory.CommunityView,
    home: int,
) -> None:
    oid = new_order(db, desk, community, home)
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    pane = tab.detail_pane
    assert "13812345678" not in pane.caller.text()
    assert audit_count(db, "phone.reveal") == 0
    qtbot.mouseClick(pane.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert pane.caller.text() == "张三  13812345678"
    assert not pane.reveal_button.isEnabled()
    assert audit_count(db, "phone.reveal") == 1
    # Another order shows masked again.
    other = new_order(db, desk, community, home, "厨房渗水")
    tab.refresh()
    select_order(qtbot, tab, other)
    assert pane.caller.text() == "张三  138****5678"

    # Finance reads orders but neither sees numbers nor changes anything.
    finance = make_user(db, admin, Role.FINANCE, "fin1")
    read_only = open_tab(qtbot, db, finance)
    select_order(qtbot, read_only, oid)
    assert not read_only.detail_pane.reveal_button.isVisible()
    assert not any(a.isVisible() for a in read_only.moves.order_actions)
    qtbot.keyClick(read_only.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert read_only.active_dialog is None


def test_add_a_photo_from_a_file(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    community: directory.CommunityView,
    home: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    picture = tmp_path / "ceiling.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#5b8bd0"))
    assert image.save(str(picture))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(picture), ""))
    )
    oid = new_order(db, desk, community, home)
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    assert tab.detail_pane.photo_box.no_photos.isVisible()
    qtbot.mouseClick(tab.detail_pane.photo_box.add_photo_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert tab.detail_pane.photo_box.photos.count() == 1
    item = tab.detail_pane.photo_box.photos.item(0)
    assert item is not None and item.toolTip() == "ceiling.png"
    assert not item.icon().isNull()
    assert timeline_events(tab)[-1] == "Photo added"


# --- the moves -------------------------------------------------------------------------------


def test_dispatch_start_complete_and_callback_with_the_keyboard(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, home: int
) -> None:
    oid = new_order(db, desk, community, home)
    tab = open_tab(qtbot, db, desk)
    changed: list[bool] = []
    tab.ctx.signals.orders_changed.connect(lambda: changed.append(True))
    select_order(qtbot, tab, oid)

    dialog = press(qtbot, tab, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(dialog, DispatchDialog)
    assert dialog.windowTitle() == "Dispatch order"
    assert dialog.handler.hasFocus()
    assert dialog.handler.text() == "王经理", "the channel's contact is proposed"
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Down)  # → housing-repair contractor
    assert dialog.handler.text() == "李工", "an untouched proposal follows the channel"
    dialog.handler.setFocus()
    qtbot.keyClick(dialog.handler, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.handler, "Li Shifu")
    ok(qtbot, dialog, dialog.handler)
    assert status(db, desk, oid) == "dispatched"
    assert tab.active_dialog is None
    assert changed, "the change was not announced"
    assert tab.detail_pane.status_chip.text() == "Dispatched"
    assert tab.detail_pane.values["handler"].text() == "Li Shifu"

    dialog = press(
        qtbot,
        tab,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert isinstance(dialog, StartWorkDialog) and dialog.commitment is None
    ok(qtbot, dialog, dialog.note)
    assert status(db, desk, oid) == "in_progress"

    dialog = press(
        qtbot,
        tab,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert isinstance(dialog, TextActionDialog)
    qtbot.keyClicks(dialog.text, "replaced the joint")
    ok(qtbot, dialog, dialog.text)
    assert status(db, desk, oid) == "completed"
    assert tab.moves.callback_action.isEnabled()

    dialog = press(qtbot, tab, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(dialog, CallbackDialog)
    assert dialog.person_reached.text() == "张三"
    qtbot.mouseClick(dialog.satisfaction_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == "The order will be reopened for another repair."
    ok(qtbot, dialog, dialog.person_reached)
    # Dissatisfied needs the owner's words: refused at the field, nothing saved.
    assert dialog.isVisible()
    assert dialog.errors.error_text("comment") == "Write down what the owner is unhappy with"
    assert status(db, desk, oid) == "completed"
    dialog.comment.setFocus()
    type_text(qtbot, dialog.comment, "还在渗水")
    assert dialog.errors.error_text("comment") == ""
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert status(db, desk, oid) == "reopened"
    assert timeline_events(tab) == [
        "Accepted",
        "Dispatched",
        "In progress",
        "Completed",
        "Callback",
        "Reopened",
    ]
    assert tab.detail_pane.timeline.rows()[3][3] == "replaced the joint"
    callbacks = tab.detail_pane.callbacks_label.text()
    assert "Dissatisfied" in callbacks and "还在渗水" in callbacks
    assert (
        tab.moves.dispatch_action.isEnabled() and tab.moves.dispatch_action.text() == "&Dispatch…"
    )


def test_a_promised_start_asks_for_the_commitment(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    desk: Actor,
    community: directory.CommunityView,
    home: int,
    shown_errors: list[WuyeError],
) -> None:
    oid = new_order(db, desk, community, home, "外墙大面积空鼓", tier="promised")
    orders.dispatch(db, desk, oid, version(db, desk, oid), channel="developer", handler="海尔地产")
    # The desk may not issue a commitment: the form is offered, the core refuses.
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    key = Qt.Key.Key_S
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    dialog = press(qtbot, tab, key, shift)
    assert isinstance(dialog, StartWorkDialog) and dialog.commitment is not None
    fields = dialog.commitment
    assert fields.plan.hasFocus()
    assert fields.responsible_unit.text() == "海尔地产"
    assert fields.responsible_person.text() == "赵主任"
    type_text(qtbot, fields.plan, "铲除空鼓层，重新抹灰")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [type(e) for e in shown_errors] == [PermissionDenied]
    shown_errors.clear()
    assert dialog.isVisible()
    assert status(db, desk, oid) == "dispatched"
    dialog.reject()

    # A manager fills it in and work starts, with the commitment on record.
    manager = make_user(db, admin, Role.MANAGER, "boss")
    tab = open_tab(qtbot, db, manager)
    select_order(qtbot, tab, oid)
    assert tab.moves.commitment_action.isVisible() and tab.moves.commitment_action.isEnabled()
    dialog = press(qtbot, tab, key, shift)
    assert isinstance(dialog, StartWorkDialog) and dialog.commitment is not None
    fields = dialog.commitment
    # An empty plan is refused at its field, and nothing is saved.
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.errors.error_text("plan") == "Required"
    assert status(db, manager, oid) == "dispatched"
    type_text(qtbot, fields.plan, "铲除空鼓层，重新抹灰")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot)
    detail = orders.get_order(db, manager, oid)
    assert detail.row.status == "in_progress"
    assert detail.commitment is not None and detail.commitment.plan == "铲除空鼓层，重新抹灰"
    assert tab.detail_pane.commitment_box.isVisible()
    assert tab.detail_pane.commitment_values["number"].text() == detail.commitment.number
    assert "Commitment issued" in timeline_events(tab)


def test_cancel_needs_a_reason_at_the_field(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, home: int
) -> None:
    oid = new_order(db, desk, community, home)
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    dialog = click_action(qtbot, tab, tab.moves.cancel_action)
    assert isinstance(dialog, TextActionDialog)
    ok(qtbot, dialog, dialog.text)
    assert dialog.isVisible()
    assert dialog.errors.error_text("reason") == "Say why the order is cancelled"
    assert dialog.errors.is_invalid("reason")
    assert status(db, desk, oid) == "accepted"
    type_text(qtbot, dialog.text, "业主已自行修好")
    assert not dialog.errors.is_invalid("reason")
    ok(qtbot, dialog, dialog.text)
    assert status(db, desk, oid) == "cancelled"
    # Cancelled is final: nothing but notes and photos is offered any more.
    enabled = {a for a in tab.moves.order_actions if a.isEnabled()}
    assert enabled == {tab.moves.note_action, tab.moves.photo_action}
    # It left the list of open orders, yet stays shown, with a word why it is not listed.
    settle(qtbot)
    assert tab.model.row_of(oid) is None
    assert tab.detail_pane.notice.text() == (
        "This order is not in the list with the current filters."
    )


def test_pause_and_resume_the_clock(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, home: int
) -> None:
    oid = new_order(db, desk, community, home)
    orders.dispatch(db, desk, oid, version(db, desk, oid), channel="property", handler="王")
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    dialog = click_action(qtbot, tab, tab.moves.pause_action)
    type_text(qtbot, dialog.text, "等待业主开门")  # type: ignore[attr-defined]
    ok(qtbot, dialog, dialog.text)  # type: ignore[attr-defined]
    assert tab.detail_pane.status_chip.text() == "Dispatched (paused)"
    assert column(qtbot, tab, "due") == ["paused"]
    foreground = tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(foreground, QColor) and foreground.name() == "#8a8a8a"
    assert not tab.moves.complete_action.isEnabled() and tab.moves.resume_action.isEnabled()
    button = tab.moves.toolbar.widgetForAction(tab.moves.resume_action)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert tab.detail_pane.status_chip.text() == "Dispatched"
    assert timeline_events(tab)[-2:] == ["Clock paused", "Clock resumed"]


def test_another_desk_saving_first_is_reported_and_the_dialog_reloads(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    desk: Actor,
    community: directory.CommunityView,
    home: int,
    shown_errors: list[WuyeError],
) -> None:
    oid = new_order(db, desk, community, home)
    tab = open_tab(qtbot, db, desk)
    select_order(qtbot, tab, oid)
    dialog = press(qtbot, tab, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(dialog, DispatchDialog)
    seen = dialog.detail
    assert seen is not None
    # Meanwhile a colleague at another desk writes on the same order.
    orders.add_note(db, admin, oid, "业主来电催促")
    ok(qtbot, dialog, dialog.handler)
    assert [type(e) for e in shown_errors] == [ConcurrentEdit]
    assert "Somebody else changed order" in str(shown_errors[0])
    shown_errors.clear()
    assert dialog.isVisible(), "the user must see the fresh order before saving again"
    assert dialog.detail is not None and dialog.detail.version > seen.version
    assert status(db, desk, oid) == "accepted"
    assert timeline_events(tab)[-1] == "Note", "the tab shows the other desk's change"
    ok(qtbot, dialog, dialog.handler)
    assert status(db, desk, oid) == "dispatched"

    # A move the flow no longer allows is refused with the core's message.
    dialog = press(qtbot, tab, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    orders.cancel(db, admin, oid, version(db, admin, oid), "重复报修")
    ok(qtbot, dialog, dialog.handler)  # type: ignore[attr-defined]
    assert [type(e) for e in shown_errors] == [ConcurrentEdit]
    shown_errors.clear()
    ok(qtbot, dialog, dialog.handler)  # type: ignore[attr-defined]
    assert [type(e) for e in shown_errors] == [StateError]
    assert "cancelled cannot become dispatched" in str(shown_errors[0])
    shown_errors.clear()
    assert status(db, desk, oid) == "cancelled"


# --- other desks -----------------------------------------------------------------------------


def test_changes_made_elsewhere_appear_without_a_restart(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    desk: Actor,
    community: directory.CommunityView,
    home: int,
) -> None:
    first = new_order(db, desk, community, home, "卫生间渗水")
    tab = open_tab(qtbot, db, desk)
    tab.watch.timer.setInterval(50)  # a person waits 5 s; a test need not
    select_order(qtbot, tab, first)
    # Another desk (through the core, behind the tab's back) takes a call and dispatches ours.
    taken = new_order(db, admin, community, home, "厨房渗水")
    qtbot.waitUntil(lambda: tab.model.row_of(taken) is not None, timeout=3000)
    assert listed(qtbot, tab) == [taken, first]
    orders.dispatch(db, admin, first, version(db, admin, first), channel="property", handler="王")
    qtbot.waitUntil(lambda: tab.detail_pane.status_chip.text() == "Dispatched", timeout=3000)
    assert column(qtbot, tab, "status")[1] == "Dispatched"
    assert tab.table.currentIndex().row() == tab.model.row_of(first), "the selection moved"
    qtbot.waitUntil(lambda: tab.list_view.count_label.text() == "Showing 2 of 2", timeout=3000)
    # A hidden tab does not poll.
    tab.hide()
    assert not tab.watch.timer.isActive()


def test_open_order_selects_it_or_shows_it_alone(
    qtbot: QtBot, db: Database, desk: Actor, community: directory.CommunityView, home: int
) -> None:
    listed = new_order(db, desk, community, home, "卫生间渗水")
    closed = new_order(db, desk, community, home, "已处理")
    orders.cancel(db, desk, closed, version(db, desk, closed), "重复")
    tab = open_tab(qtbot, db, desk)
    tab.open_order(listed)
    assert tab.table.currentIndex().row() == tab.model.row_of(listed)
    tab.open_order(closed)
    settle(qtbot)  # not in the list: the list is read again first
    assert tab.detail_pane.detail is not None and tab.detail_pane.detail.id == closed
    assert not tab.table.selectionModel().hasSelection()
    assert tab.detail_pane.notice.isVisibleTo(tab)


def test_the_lists_columns_are_as_wide_as_their_usual_values_in_the_desks_font(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    """Issue 17.9: 房号 and the community were cut on a machine with a wider font."""
    tab = open_tab(qtbot, db, admin)
    metrics = tab.table.fontMetrics()
    keys = [spec.key for spec in tab.model.columns]
    for key, sample in (("place", "12-3-2503 大堂"), ("community", "李沧万兴家园")):
        assert tab.table.columnWidth(keys.index(key)) >= metrics.horizontalAdvance(sample), key
