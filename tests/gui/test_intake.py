"""Taking a call with the keyboard only: the intake dialog (Ctrl+N), and the acceptance flow
from the call to a dissatisfied callback that reopens the order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui import shell_support
from tests.gui.shell_support import context, focused, settle, type_text
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.intake import IntakeDialog
from wuye_desktop.ui.main_window import MainWindow
from wuye_desktop.ui.work_orders import WorkOrdersTab
from wuye_desktop.ui.work_orders.action_dialog import OrderActionDialog
from wuye_desktop.ui.work_orders.action_dialogs import DispatchDialog, StartWorkDialog
from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


@pytest.fixture
def homes(db: Database, admin: Actor, community: directory.CommunityView) -> dict[str, int]:
    """QD001: 3-2-1201 张三 13812345678 (fixture), 3-2-1202 李四 13900005678 (same last 4
    digits), 5-1-501 赵六 13600001111 and 钱七; code -> household id."""
    for building, unit, room, owners in (
        ("3", "2", "1202", [("李四", "13900005678")]),
        ("5", "1", "501", [("赵六", "13600001111"), ("钱七", "13600002222")]),
    ):
        directory.create_household(
            db,
            admin,
            community.id,
            directory.HouseholdInput(
                building, unit, room, [directory.OwnerInput(n, p) for n, p in owners]
            ),
        )
    return {
        code: directory.get_household(db, admin, code).id
        for code in ("QD001-3-2-1201", "QD001-3-2-1202", "QD001-5-1-501")
    }


def _no_questions(widget: QWidget) -> None:
    # Closing a test's dialog at the end must not stop at "Discard this order?".
    if isinstance(widget, IntakeDialog):
        widget._closing = True


def open_intake(qtbot: QtBot, ctx: AppContext) -> IntakeDialog:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog, before_close_func=_no_questions)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):  # keyboard focus needs the active window
        dialog.activateWindow()
    return dialog


def key(qtbot: QtBot, k: Qt.Key, modifiers: Qt.KeyboardModifier = NO_KEYS) -> None:
    """Press a key where the focus is, then let the database thread answer what it asked (the
    dialog reads the household, the deadlines and the duplicate warning there)."""
    shell_support.key(qtbot, k, modifiers)
    settle(qtbot)


def write(qtbot: QtBot, text: str) -> None:
    type_text(qtbot, focused(), text)
    settle(qtbot)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Go to a field and type over what it holds."""
    window = widget.window()
    if not window.isActiveWindow():
        # The offscreen platform leaves a combo's (hidden) match popup the active window once
        # the event loop ran while it was open; a window manager would not.
        with qtbot.waitActive(window):
            window.activateWindow()
    widget.setFocus()
    key(qtbot, Qt.Key.Key_A, CTRL)
    write(qtbot, text)


def save(qtbot: QtBot) -> None:
    """Ctrl+Enter, then wait for the database thread's answer (the dialog does not block)."""
    key(qtbot, Qt.Key.Key_Return, CTRL)
    settle(qtbot)


def answer_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Answer the next message box with the keyboard: focus the button, press Space."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)

    QTimer.singleShot(0, answer)


def find_household(qtbot: QtBot, dialog: IntakeDialog, text: str) -> None:
    """Type into the lookup box and wait for the search that runs as one types."""
    assert dialog.lookup.edit.hasFocus()
    write(qtbot, text)
    qtbot.waitUntil(lambda: dialog.lookup.last_search == text, timeout=3000)
    settle(qtbot)  # the household a single match picked, and its orders


def new_order(
    db: Database, actor: Actor, household_id: int | None, category: str = "water_leak"
) -> int:
    community_id = directory.list_communities(db, actor)[0].id
    return orders.create_order(
        db,
        actor,
        orders.OrderInput(
            community_id=community_id,
            household_id=household_id,
            category=category,
            channel="property",
            source="phone",
            tier="time_limited",
            description="厨房水管滴水",
            location="" if household_id else "北门",
        ),
    )


# --- the acceptance flow ---------------------------------------------------------------------


class DeskWindow(MainWindow):
    """The program's real main window (its Ctrl+N, its tabs), remembering the intake dialog
    it last opened so the test can read the dialog after the window opened it."""

    def __init__(self, ctx: AppContext) -> None:
        self.intake: IntakeDialog | None = None
        super().__init__(ctx)

    @property
    def orders(self) -> WorkOrdersTab:
        tab = self.current_tab()
        assert isinstance(tab, WorkOrdersTab), "the work-order tab is not showing"
        return tab

    def new_order(self) -> None:
        super().new_order()
        dialogs = self.findChildren(IntakeDialog)
        self.intake = dialogs[-1] if dialogs else None


def timeline(window: DeskWindow) -> list[str]:
    return [event for _time, _user, event, _note in window.orders.detail_pane.timeline.rows()]


def order_move(
    qtbot: QtBot, window: DeskWindow, k: Qt.Key, modifiers: Qt.KeyboardModifier
) -> OrderActionDialog:
    """A shortcut on the work-order list; returns the dialog it opened."""
    if not window.isActiveWindow():  # back from a dialog: the window manager does this
        with qtbot.waitActive(window):
            window.activateWindow()
    window.orders.table.setFocus()
    key(qtbot, k, modifiers)
    dialog = window.orders.active_dialog
    assert isinstance(dialog, OrderActionDialog), "the shortcut opened no dialog"
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    return dialog


def tab_until(qtbot: QtBot, found: Callable[[QWidget], bool], limit: int = 12) -> QWidget:
    for _ in range(limit):
        if found(focused()):
            return focused()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the field; focus is on {focused()!r}")


def test_a_call_taken_with_the_keyboard_only_from_phone_to_reopened_order(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    window = DeskWindow(context(db, desk))
    qtbot.addWidget(window)
    window.resize(1500, 900)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.orders.table.setFocus()

    # Ctrl+N: the intake dialog, the cursor in the lookup box.
    key(qtbot, Qt.Key.Key_N, CTRL)
    dialog = window.intake
    assert isinstance(dialog, IntakeDialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # read it after saving
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert dialog.lookup.edit.hasFocus()

    # The caller gives the last 4 digits of the phone: two homes match; ↓ and Enter pick.
    find_household(qtbot, dialog, "5678")
    assert dialog.lookup.matches.count() == 2 and dialog.household is None
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.household is not None and dialog.household.code == "QD001-3-2-1201"
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.category.hasFocus(), "Enter moves on to the category"
    assert dialog.caller_name.text() == "张三"
    assert dialog.caller_phone.text() == "138****5678", "the desk sees the number masked"

    # A time-limited leak: category, then channel and source as proposed, then the tier.
    write(qtbot, "leak")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.category.code() == "water_leak" and dialog.channel.hasFocus()
    assert dialog.channel.code() == "property"
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.source.hasFocus() and dialog.source.code() == "phone"
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.tier.hasFocus()
    write(qtbot, "deadline")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.tier.code() == "time_limited"
    assert dialog.preview is not None and dialog.preview.completion_due is not None
    assert dialog.preview.completion_due - dialog.preview_at == timedelta(hours=72)
    assert format_local(dialog.preview.completion_due) in dialog.deadlines.text()
    assert dialog.description.hasFocus()
    write(qtbot, "卫生间天花板渗水，楼上疑似防水层破损")
    save(qtbot)

    assert dialog.order_id is not None and not dialog.isVisible()
    order_id = dialog.order_id
    detail = orders.get_order(db, desk, order_id)
    assert (detail.row.category, detail.row.tier, detail.row.source) == (
        "water_leak",
        "time_limited",
        "phone",
    )
    assert detail.household_code == "QD001-3-2-1201" and detail.caller_name == "张三"
    assert orders.reveal_caller_phone(db, desk, order_id) == "13812345678", (
        "the order keeps the owner's real number, not the masked text"
    )
    # The new order opens in the work-order tab, its timeline starting with the call.
    shown = window.orders.detail_pane.detail
    assert shown is not None and shown.id == order_id
    assert timeline(window) == ["Accepted"]

    # Dispatch (Ctrl+D): the channel's contact is proposed; Enter sends it.
    move = order_move(qtbot, window, Qt.Key.Key_D, CTRL)
    assert isinstance(move, DispatchDialog) and move.handler.hasFocus()
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)  # saved on the database thread, then the order is read again
    assert timeline(window) == ["Accepted", "Dispatched"]

    # Start (Ctrl+Shift+S) and complete (Ctrl+Shift+C) with a note.
    move = order_move(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    assert isinstance(move, StartWorkDialog)
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert timeline(window)[-1] == "In progress"
    order_move(qtbot, window, Qt.Key.Key_C, CTRL | SHIFT)
    write(qtbot, "replaced the waterproof layer")
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert timeline(window)[-1] == "Completed"

    # The callback (Ctrl+R): the owner is not satisfied; the order reopens.
    move = order_move(qtbot, window, Qt.Key.Key_R, CTRL)
    assert isinstance(move, CallbackDialog)
    radio = tab_until(qtbot, lambda w: isinstance(w, QRadioButton))
    key(qtbot, Qt.Key.Key_Space)  # the first choice...
    for _ in range(3):  # ...then along the row to "Dissatisfied"
        if move.selected_satisfaction() == "dissatisfied":
            break
        key(qtbot, Qt.Key.Key_Right)
    assert radio is not None and move.selected_satisfaction() == "dissatisfied"
    tab_until(qtbot, lambda w: w is move.comment)
    write(qtbot, "还在渗水")
    ok_button = tab_until(qtbot, lambda w: isinstance(w, QPushButton) and w.isDefault())
    shell_support.key(qtbot, Qt.Key.Key_Space)  # no waiting: the dialog is deleted once saved
    settle(qtbot)  # saved; the dialog closed (and is gone)
    assert ok_button is not None and window.orders.active_dialog is None

    assert orders.get_order(db, desk, order_id).row.status == "reopened"
    assert timeline(window) == [
        "Accepted",
        "Dispatched",
        "In progress",
        "Completed",
        "Callback",
        "Reopened",
    ]
    assert all(user == "desk1" for _t, user, _e, _n in window.orders.detail_pane.timeline.rows())


# --- finding the household -------------------------------------------------------------------


def test_a_whole_phone_number_picks_its_household_and_shows_its_orders(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    earlier = new_order(db, desk, homes["QD001-5-1-501"], "doors_windows")
    orders.cancel(db, desk, earlier, orders.get_order(db, desk, earlier).version, "业主已自修")
    still_open = new_order(db, desk, homes["QD001-5-1-501"], "electrical")
    dialog = open_intake(qtbot, context(db, desk))
    find_household(qtbot, dialog, "136 0000 1111")
    assert dialog.household is not None and dialog.household.code == "QD001-5-1-501"
    assert dialog.lookup.matches.count() == 1, "one match picks itself"
    # What the text was read as, under the box: the same reading as the order list's.
    assert dialog.lookup.understood.text() == "Searching: Phone ending 13600001111"
    numbers = [r.number for r in dialog.household_panel.model.rows()]
    assert numbers == [
        orders.get_order(db, desk, oid).row.number for oid in (still_open, earlier)
    ], "open orders first, then the past ones"
    model = dialog.household_panel.model
    assert model.data(model.index(1, 1)) == "Cancelled"
    assert (
        "5-1-501" in dialog.household_panel.card.text()
        and "钱七" in dialog.household_panel.card.text()
    )
    assert dialog.caller_name.text() == "赵六" and dialog.caller_phone.text() == "136****1111"


def test_a_scanned_household_code_or_a_room_is_found(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    # A USB scanner types the payload and Enter at once, before any delayed search ran.
    qtbot.keyClicks(dialog.lookup.edit, "WUYE:H:QD001-3-2-1202")
    key(qtbot, Qt.Key.Key_Return)  # waits for the matches, then takes the single one
    assert dialog.household is not None and dialog.household.id == homes["QD001-3-2-1202"]
    assert dialog.category.hasFocus()

    dialog.lookup.edit.setFocus()
    key(qtbot, Qt.Key.Key_A, CTRL)
    find_household(qtbot, dialog, "5-1-501")
    assert dialog.household is not None and dialog.household.id == homes["QD001-5-1-501"]
    assert dialog.lookup.understood.text() == "Searching: Room: building 5, unit 1, room 501"

    # A household code's beginning, at its dashes, is a building (or unit) of a community.
    dialog.lookup.edit.setFocus()
    key(qtbot, Qt.Key.Key_A, CTRL)
    find_household(qtbot, dialog, "QD001-5")
    assert dialog.household is not None and dialog.household.id == homes["QD001-5-1-501"]
    assert dialog.lookup.understood.text() == "Searching: Household code prefix QD001-5"


def test_several_matches_are_chosen_with_the_arrow_keys(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    find_household(qtbot, dialog, "5678")
    assert dialog.lookup.status.text() == "2 households match: ↑/↓ choose, Enter picks."
    assert dialog.household is None, "nothing is picked until the desk chooses"
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.household is not None and dialog.household.code == "QD001-3-2-1202"
    assert dialog.caller_name.text() == "李四"
    key(qtbot, Qt.Key.Key_Up)
    assert dialog.household is not None and dialog.household.code == "QD001-3-2-1201"
    assert dialog.caller_name.text() == "张三", "an untouched caller follows the household"
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.category.hasFocus()


def test_nothing_found_is_said_at_the_lookup_box(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    find_household(qtbot, dialog, "9999")
    assert dialog.lookup.status.text() == "No household matches."
    assert dialog.lookup.understood.text() == "Searching: Phone ending 9999"
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.errors.error_text("household") == "No household matches."
    assert dialog.lookup.status.isHidden(), "said twice, one line under the other"
    assert dialog.lookup.edit.hasFocus()


# --- warnings, common areas, errors ----------------------------------------------------------


def test_an_open_order_of_the_same_category_is_named_and_can_be_opened(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    existing = new_order(db, desk, homes["QD001-3-2-1201"], "water_leak")
    number = orders.get_order(db, desk, existing).row.number
    ctx = context(db, desk)
    asked_for: list[int] = []
    ctx.signals.open_order_requested.connect(asked_for.append)
    dialog = open_intake(qtbot, ctx)
    find_household(qtbot, dialog, "13812345678")
    key(qtbot, Qt.Key.Key_Return)
    write(qtbot, "leak")
    assert dialog.duplicate_warning.isVisible(), "the warning shows as soon as the category does"
    assert number in dialog.duplicate_warning.label.text()
    assert dialog.duplicate_warning.open_button.text() == f"Open {number}"
    key(qtbot, Qt.Key.Key_Tab)
    dialog.description.setFocus()
    write(qtbot, "又漏水了")

    # Saving asks again; "Open …" shows the existing order instead of filing a second one.
    seen: list[str] = []
    answer_box(qtbot, f"Open {number}", seen)
    save(qtbot)
    assert seen and number in seen[0]
    assert asked_for == [existing] and not dialog.isVisible()
    assert orders.order_count(db, desk, orders.OrderFilter()) == 1


def test_file_anyway_files_a_second_order(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    new_order(db, desk, homes["QD001-3-2-1201"], "water_leak")
    dialog = open_intake(qtbot, context(db, desk))
    created: list[int] = []
    dialog.order_created.connect(created.append)
    find_household(qtbot, dialog, "13812345678")
    key(qtbot, Qt.Key.Key_Return)
    write(qtbot, "leak")
    key(qtbot, Qt.Key.Key_Tab)
    dialog.description.setFocus()
    write(qtbot, "另一处漏水：阳台")
    seen: list[str] = []
    answer_box(qtbot, "File anyway", seen)
    save(qtbot)
    assert seen and created and created[0] == dialog.order_id
    assert orders.order_count(db, desk, orders.OrderFilter()) == 2
    # A different category raises no warning at all.
    other = open_intake(qtbot, context(db, desk))
    find_household(qtbot, other, "13812345678")
    key(qtbot, Qt.Key.Key_Return)
    write(qtbot, "elev")
    key(qtbot, Qt.Key.Key_Tab)
    assert other.category.code() == "elevator" and not other.duplicate_warning.isVisible()


def test_a_common_area_order_has_a_place_instead_of_a_household(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    created: list[int] = []
    dialog.order_created.connect(created.append)
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.common_area.hasFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert dialog.common_area.isChecked() and dialog.location.hasFocus()
    assert not dialog.lookup.isEnabled() and dialog.community.isEnabled()
    write(qtbot, "3号楼前")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.community.hasFocus() and dialog.community.currentText() == "海尔云谷 (QD001)"
    key(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "light")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.category.code() == "lighting"
    retype(qtbot, dialog.tier, "once")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.tier.code() == "immediate"
    assert dialog.preview is not None and dialog.preview.completion_due is not None
    assert dialog.preview.completion_due - dialog.preview_at == timedelta(hours=24)
    write(qtbot, "路灯不亮")
    save(qtbot)
    assert created
    detail = orders.get_order(db, desk, created[0])
    assert detail.household_id is None and detail.location == "3号楼前"
    assert detail.row.category == "lighting" and detail.row.place == "3号楼前"
    assert detail.caller_name == "" and detail.row.caller_phone == ""


def test_bad_input_is_refused_at_its_fields_and_nothing_is_saved(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    save(qtbot)
    assert dialog.isVisible()
    assert dialog.errors.error_text("household") == (
        "Pick a household or describe the common-area place"
    )
    assert dialog.errors.error_text("category") == "Choose one"
    assert dialog.errors.error_text("description") == "Required"
    assert dialog.lookup.edit.hasFocus(), "the first refused field gets the cursor"

    find_household(qtbot, dialog, "13812345678")
    key(qtbot, Qt.Key.Key_Return)
    write(qtbot, "no such thing")
    key(qtbot, Qt.Key.Key_Tab)
    dialog.description.setFocus()
    write(qtbot, "漏水")
    retype(qtbot, dialog.caller_phone, "12345")
    save(qtbot)
    assert dialog.errors.error_text("household") == ""
    assert dialog.errors.error_text("category") == "Choose one"
    assert dialog.errors.error_text("caller_phone") == "Not a mainland mobile or landline number"
    # A masked number typed by hand is not the owner's: the whole number is asked for.
    retype(qtbot, dialog.category, "leak")
    retype(qtbot, dialog.caller_phone, "139****5678")
    save(qtbot)
    assert dialog.errors.error_text("category") == ""
    assert dialog.errors.error_text("caller_phone") == "Type the whole number"
    assert orders.order_count(db, desk, orders.OrderFilter()) == 0


def test_a_new_number_typed_for_the_caller_is_kept(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    find_household(qtbot, dialog, "13812345678")
    key(qtbot, Qt.Key.Key_Return)
    write(qtbot, "crack")
    dialog.description.setFocus()
    write(qtbot, "客厅墙面裂缝")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.caller_name.hasFocus()
    key(qtbot, Qt.Key.Key_A, CTRL)
    write(qtbot, "张小三")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_A, CTRL)
    write(qtbot, "13700001234")
    save(qtbot)
    assert dialog.order_id is not None
    detail = orders.get_order(db, desk, dialog.order_id)
    assert detail.row.category == "wall_crack" and detail.caller_name == "张小三"
    assert orders.reveal_caller_phone(db, desk, dialog.order_id) == "13700001234"


def test_pictures_are_saved_with_the_order(
    qtbot: QtBot,
    db: Database,
    desk: Actor,
    homes: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    picture = tmp_path / "ceiling.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    text_file = tmp_path / "notes.png"
    text_file.write_bytes(b"not a picture")
    chosen = [[str(text_file)], [str(picture)]]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: (chosen.pop(0), ""))
    dialog = open_intake(qtbot, context(db, desk))
    find_household(qtbot, dialog, "13812345678")
    key(qtbot, Qt.Key.Key_Return)
    write(qtbot, "leak")
    dialog.description.setFocus()
    write(qtbot, "天花板水渍")
    dialog.pictures.add_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert dialog.pictures.photos.count() == 1
    save(qtbot)
    assert dialog.errors.error_text("photo") == "Only JPEG and PNG pictures"
    assert orders.order_count(db, desk, orders.OrderFilter()) == 0
    dialog.pictures.remove_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    dialog.pictures.add_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert [
        dialog.pictures.photos.item(i).text() for i in range(dialog.pictures.photos.count())
    ] == ["ceiling.png"]
    save(qtbot)
    assert dialog.order_id is not None
    detail = orders.get_order(db, desk, dialog.order_id)
    assert [name for _id, name in detail.photos] == ["ceiling.png"]


def test_the_deadlines_shown_follow_tier_and_category(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    assert dialog.tier.code() == "time_limited"
    retype(qtbot, dialog.category, "elevator")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.preview is not None and dialog.preview.completion_due is not None
    assert dialog.preview.completion_due - dialog.preview_at == timedelta(hours=24)
    retype(qtbot, dialog.tier, "promise")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.tier.code() == "promised"
    assert dialog.deadlines.text().startswith("Commitment letter by ")
    assert dialog.preview.response_due is not None
    assert dialog.preview.response_due - dialog.preview_at == timedelta(hours=48)
    dialog.tier.setFocus()
    key(qtbot, Qt.Key.Key_A, CTRL)
    key(qtbot, Qt.Key.Key_Delete)
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.tier.code() is None and dialog.preview is None
    assert dialog.deadlines.text() == "Choose a tier to see its deadlines."


# --- cancelling ------------------------------------------------------------------------------


def test_escape_closes_at_once_when_nothing_was_typed(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    key(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.order_id is None


def test_escape_asks_before_losing_what_was_typed(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    dialog = open_intake(qtbot, context(db, desk))
    find_household(qtbot, dialog, "5678")
    seen: list[str] = []
    answer_box(qtbot, "Cancel", seen)
    key(qtbot, Qt.Key.Key_Escape)
    assert seen == ["What you typed for this order will be lost."]
    assert dialog.isVisible()
    with qtbot.waitActive(dialog):  # back from the message box, as the window manager does
        dialog.activateWindow()
    answer_box(qtbot, "Discard", seen)
    key(qtbot, Qt.Key.Key_Escape)
    assert len(seen) == 2 and not dialog.isVisible()
    assert orders.order_count(db, desk, orders.OrderFilter()) == 0


def test_a_phone_message_does_not_move_the_rows_below(
    qtbot: QtBot, db: Database, desk: Actor, homes: dict[str, int]
) -> None:
    """Issue 17.9: a wrong number's message pushed the photos and the buttons down as it
    appeared, and back up as it went, under the clerk's pointer."""
    dialog = open_intake(qtbot, context(db, desk))
    below, phone = dialog.pictures.add_button, dialog.caller_phone

    def gap() -> int:  # from the phone field down to the row under it
        return (
            below.mapTo(dialog, below.rect().topLeft()).y()
            - phone.mapTo(dialog, phone.rect().topLeft()).y()
        )

    before = gap()
    type_text(qtbot, phone, "1381234")
    qtbot.keyClick(phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.errors.error_text("caller_phone") != "", timeout=5000)
    qtbot.wait(50)  # the layout settles
    assert gap() == before
