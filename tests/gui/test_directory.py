"""The Directory tab, driven like a desk clerk drives it: typing, Enter, clicks, the tree."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import make_user, stored_owners
from tests.gui.shell_support import context, settle, type_text
from wuye_desktop.core import directory
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry
from wuye_desktop.ui import i18n, messages
from wuye_desktop.ui.directory import DirectoryTab
from wuye_desktop.ui.directory.tree_model import Kind
from wuye_desktop.ui.widgets.form import INVALID_PROPERTY

NOT_A_PHONE = "Not a mainland mobile or landline number"


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[WuyeError]]:
    """Message boxes would block a test: record them, and fail on any nobody expected."""
    shown: list[WuyeError] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, error: shown.append(error))
    yield shown
    assert shown == [], f"unexpected error boxes: {[str(e) for e in shown]}"


@pytest.fixture
def homes(db: Database, admin: Actor, community: directory.CommunityView) -> dict[str, int]:
    """QD001 (3-2-1201 张三 from the fixture, and more) and QD002; code -> household id."""
    add = [
        ("QD001", "3", "2", "1202", [("李四", "13900005678")]),
        ("QD001", "3", "1", "101", [("王五", "0532-88881111")]),
        ("QD001", "5", "1", "501", [("赵六", "13600001111"), ("钱七", "13600002222")]),
    ]
    other = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="金茂湾")
    )
    add.append(("QD002", "1", "1", "101", [("孙八", "13712345678")]))
    ids: dict[str, int] = {}
    for code, building, unit, room, owners in add:
        cid = community.id if code == "QD001" else other.id
        view = directory.create_household(
            db,
            admin,
            cid,
            directory.HouseholdInput(
                building, unit, room, [directory.OwnerInput(n, p) for n, p in owners]
            ),
        )
        ids[view.code] = view.id
    ids["QD001-3-2-1201"] = directory.get_household(db, admin, "QD001-3-2-1201").id
    return ids


def open_tab(qtbot: QtBot, db: Database, actor: Actor) -> DirectoryTab:
    tab = DirectoryTab(context(db, actor))
    qtbot.addWidget(tab)
    tab.resize(1400, 860)
    with qtbot.waitExposed(tab):
        tab.show()
    with qtbot.waitActive(tab):  # keyboard focus needs the active window
        tab.activateWindow()
    settle(qtbot)  # the tree and the filter arrive from the database thread
    return tab


def result_codes(qtbot: QtBot, tab: DirectoryTab) -> list[str]:
    """The codes listed, once their rows arrived from the database thread."""
    model = tab.results_model
    settle(qtbot)  # a search still on its way
    for r in range(model.rowCount()):
        model.data(model.index(r, 0))  # asks for the rows not read yet
    settle(qtbot)
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def result_cell(qtbot: QtBot, tab: DirectoryTab, row: int, column: int) -> str:
    """A result's cell once its row (read again after a change) arrived."""
    model = tab.results_model
    settle(qtbot)
    model.data(model.index(row, column))
    settle(qtbot)
    return str(model.data(model.index(row, column)))


def search(qtbot: QtBot, tab: DirectoryTab, text: str) -> None:
    """Type into the search box and wait for the debounced search to run."""
    tab.search.setFocus()
    qtbot.keyClick(tab.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.search, Qt.Key.Key_Delete)
    type_text(qtbot, tab.search, text)
    qtbot.waitUntil(lambda: tab.finder.last_search == (text, None), timeout=3000)
    settle(qtbot)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def click(qtbot: QtBot, widget: QWidget) -> None:
    # A button just shown gets its size when the layout runs: a person cannot click before.
    qtbot.waitUntil(lambda: widget.isVisible() and widget.height() > 0, timeout=2000)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the database thread (a save, a reveal) is back


def open_path(
    qtbot: QtBot, tab: DirectoryTab, community_id: int, building: str, unit: str
) -> QModelIndex | None:
    """Open the tree down to a unit, as its levels arrive from the database thread."""
    opened: list[QModelIndex | None] = []
    tab.tree.expand_path(community_id, building, unit, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    return opened[0]


def audit_entries(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def open_household(qtbot: QtBot, tab: DirectoryTab, code: str) -> None:
    search(qtbot, tab, code)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.household_pane.view is not None and tab.household_pane.view.code == code
    assert tab._current_page() is tab.household_pane


# --- search ----------------------------------------------------------------------------------


def test_search_by_room_waits_for_typing_to_pause_and_enter_opens_it(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    tab.focus_search()
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "3-2-1201")
    assert tab.results_model.rowCount() == 0, "searched before the typing paused"
    qtbot.waitUntil(lambda: tab.results_model.rowCount() == 1, timeout=3000)
    assert result_codes(qtbot, tab) == ["QD001-3-2-1201"]
    row = [tab.results_model.data(tab.results_model.index(0, c)) for c in range(6)]
    assert row == ["QD001-3-2-1201", "海尔云谷", "3-2-1201", "张三", "138****5678", "1"]
    # What the text was read as, beside the count: the same reading as the order list's.
    assert tab.finder.understood.text() == "Searching: Room: building 3, unit 2, room 1201"
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab._current_page() is tab.household_pane
    assert tab.household_pane.title.text() == "QD001-3-2-1201"
    assert tab.household_pane.owner_rows[0].name.text() == "张三"
    assert tab.search.selectedText() == "3-2-1201", "the next scan must replace the text"


def test_search_by_phone_tail_and_down_arrow_into_results(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    search(qtbot, tab, "5678")
    assert sorted(result_codes(qtbot, tab)) == ["QD001-3-2-1201", "QD001-3-2-1202", "QD002-1-1-101"]
    assert tab.results_label.text() == "3 households"
    assert tab.finder.understood.text() == "Searching: Phone ending 5678"
    # Enter with several matches opens none of them; ↓ moves into the list and opens the first.
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.household_pane.view is None
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.results.hasFocus()
    first = result_codes(qtbot, tab)[0]
    assert tab.household_pane.view is not None and tab.household_pane.view.code == first
    qtbot.keyClick(tab.results, Qt.Key.Key_Down)
    settle(qtbot)
    assert tab.household_pane.view.code == result_codes(qtbot, tab)[1]


def test_search_by_owner_name_in_one_community(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    search(qtbot, tab, "钱七")
    assert result_codes(qtbot, tab) == ["QD001-5-1-501"]
    assert tab.results_model.data(tab.results_model.index(0, 3)) == "赵六"  # the main contact
    assert tab.results_model.data(tab.results_model.index(0, 5)) == "2"
    assert tab.finder.understood.text() == "Searching: Owner named 钱七"
    # The community filter narrows the search at once.
    search(qtbot, tab, "5678")
    assert sorted(result_codes(qtbot, tab)) == ["QD001-3-2-1201", "QD001-3-2-1202", "QD002-1-1-101"]
    tab.scope.setCurrentIndex(tab.scope.findData(_community_id(db, admin, "QD002")))
    settle(qtbot)
    assert result_codes(qtbot, tab) == ["QD002-1-1-101"]


def _community_id(db: Database, admin: Actor, code: str) -> int:
    return directory.get_community(db, admin, code).id


def test_scanned_payload_opens_the_household_at_once(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    tab.focus_search()
    # A USB scanner types the payload and Enter faster than the search delay.
    qtbot.keyClicks(tab.search, "WUYE:H:QD001-5-1-501")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.household_pane.view is not None
    assert tab.household_pane.view.code == "QD001-5-1-501"
    assert result_codes(qtbot, tab) == ["QD001-5-1-501"]
    assert tab.finder.understood.text() == "Searching: Household QD001-5-1-501"
    # The next scan replaces the text; an unknown code says so and opens nothing new.
    qtbot.keyClicks(tab.search, "WUYE:H:QD009-1-1-1")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.search.text() == "WUYE:H:QD009-1-1-1"
    assert result_codes(qtbot, tab) == []
    assert "QD009-1-1-1" in tab.results_label.text()


# --- the tree --------------------------------------------------------------------------------


def test_tree_reads_each_level_only_when_opened(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    homes: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read_units: list[int] = []
    real = directory.household_ids_in_unit

    def spy(db_: Database, actor: Actor, unit_id: int) -> list[int]:
        read_units.append(unit_id)
        return real(db_, actor, unit_id)

    monkeypatch.setattr(directory, "household_ids_in_unit", spy)
    tab = open_tab(qtbot, db, admin)
    model, tree = tab.tree_model, tab.tree
    texts = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert texts == ["海尔云谷 (QD001)", "金茂湾 (QD002)"]
    assert model.loaded_ids(Kind.COMMUNITY) == set()

    # Keyboard: Tab into the tree selects QD001; → opens it (its buildings are read then).
    tree.setFocus(Qt.FocusReason.TabFocusReason)
    qd001 = model.index(0, 0)
    assert tree.currentIndex() == qd001
    settle(qtbot)
    assert tab._current_page() is tab.community_pane
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.isExpanded(qd001)
    settle(qtbot)  # the buildings arrive from the database thread
    assert model.loaded_ids(Kind.COMMUNITY) == {_community_id(db, admin, "QD001")}
    buildings = [model.data(model.index(r, 0, qd001)) for r in range(model.rowCount(qd001))]
    assert buildings == ["3号楼", "5号楼"]
    assert model.loaded_ids(Kind.BUILDING) == set()

    building3 = model.index(0, 0, qd001)
    tree.expand(building3)
    settle(qtbot)
    units = [model.data(model.index(r, 0, building3)) for r in range(model.rowCount(building3))]
    assert units == ["Unit 1 · 1", "Unit 2 · 2"]
    unit2 = model.index(1, 0, building3)
    tree.expand(unit2)
    settle(qtbot)
    rooms = [model.data(model.index(r, 0, unit2)) for r in range(model.rowCount(unit2))]
    assert rooms == ["1201  张三", "1202  李四"]
    unit2_id = model.node(unit2).id
    assert read_units == [unit2_id], "households of unopened units were read"
    assert model.loaded_ids(Kind.UNIT) == {unit2_id}

    # Selecting a household in the tree opens it in the form.
    tree.setCurrentIndex(model.index(1, 0, unit2))
    settle(qtbot)
    assert tab.household_pane.view is not None
    assert tab.household_pane.view.code == "QD001-3-2-1202"


def test_refresh_keeps_the_tree_open_and_shows_changes_made_elsewhere(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    homes: dict[str, int],
) -> None:
    tab = open_tab(qtbot, db, admin)
    model = tab.tree_model
    opened = open_path(qtbot, tab, community.id, "3", "2")
    assert opened is not None
    unit_id = model.node(opened).id
    directory.create_household(
        db, admin, community.id, directory.HouseholdInput("3", "2", "1203", [])
    )
    tab.refresh()
    settle(qtbot)
    unit2 = model.find_loaded(Kind.UNIT, unit_id)
    assert unit2.isValid() and tab.tree.isExpanded(unit2)
    assert model.data(unit2) == "Unit 2 · 3"
    assert [model.data(model.index(r, 0, unit2)) for r in range(3)][-1] == "1203"


# --- editing a household ---------------------------------------------------------------------


def test_bad_phone_is_shown_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    before = directory.get_household(db, admin, "QD001-3-2-1201")
    tab = open_tab(qtbot, db, admin)
    open_household(qtbot, tab, "QD001-3-2-1201")
    pane = tab.household_pane
    phone = pane.owner_rows[0].phone
    retype(qtbot, phone, "12345")
    retype(qtbot, pane.area, "89.5")
    click(qtbot, pane.save_button)

    assert pane.errors.error_text("phone") == NOT_A_PHONE
    assert phone.property(INVALID_PROPERTY) is True
    label = pane.errors.label("phone")
    assert label.isVisible() and label.parentWidget() is phone.parentWidget()
    assert phone.hasFocus()
    assert not pane.errors.is_invalid("area_m2")
    assert pane.banner.text() == ""
    assert directory.get_household(db, admin, "QD001-3-2-1201") == before
    assert audit_entries(db, "household.update") == []
    # Typing in the field clears its error.
    qtbot.keyClick(phone, Qt.Key.Key_Backspace)
    assert not pane.errors.is_invalid("phone")


def test_good_edit_is_saved_audited_and_shown_everywhere(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    open_path(qtbot, tab, _community_id(db, admin, "QD001"), "3", "2")
    open_household(qtbot, tab, "QD001-3-2-1201")
    pane = tab.household_pane
    retype(qtbot, pane.owner_rows[0].name, "张三丰")
    retype(qtbot, pane.owner_rows[0].phone, "137 0000 1111")
    retype(qtbot, pane.area, "89.50")
    with qtbot.waitSignal(tab.ctx.signals.directory_changed, timeout=1000):
        qtbot.keyClick(pane.area, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)  # the tree and the results read the saved household again
    assert pane.banner.text() == "Saved."
    stored = directory.get_household(db, admin, "QD001-3-2-1201")
    assert [(n, p) for _, n, p in stored_owners(db, stored.code)] == [("张三丰", "13700001111")]
    assert stored.area_m2 == "89.50"
    entries = audit_entries(db, "household.update")
    assert len(entries) == 1 and entries[0].username == "admin"
    assert json.loads(entries[0].detail)["after"] == [["张三丰", "137****1111"]]
    # The search row and the open tree node show the new owner without a refresh.
    assert result_cell(qtbot, tab, 0, 3) == "张三丰"
    node = tab.tree_model.find_loaded(Kind.HOUSEHOLD, homes["QD001-3-2-1201"])
    assert tab.tree_model.data(node) == "1201  张三丰"
    # The form shows the saved number masked again, ready for the next edit.
    assert pane.owner_rows[0].phone.text() == "137****1111"


def test_owner_rows_can_be_added_and_removed_and_errors_land_on_the_right_row(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    open_household(qtbot, tab, "QD001-5-1-501")
    pane = tab.household_pane
    assert pane.active_owners == 2
    click(qtbot, pane.owner_rows[0].remove)  # 赵六 sold his share
    assert pane.active_owners == 1
    assert pane.owner_rows[0].name.text() == "钱七"
    click(qtbot, pane.add_owner_button)  # left empty: ignored on save
    click(qtbot, pane.add_owner_button)
    assert pane.active_owners == 3
    third = pane.owner_rows[2]
    assert third.name.hasFocus()
    type_text(qtbot, third.name, "周九")
    retype(qtbot, third.phone, "999")
    click(qtbot, pane.save_button)
    # The core saw 钱七 and 周九 (positions 1 and 2); the error belongs to the third row.
    assert pane.errors.error_text("phone[3]") == NOT_A_PHONE
    assert pane.errors.error_text("phone[2]") == ""
    assert len(directory.get_household(db, admin, "QD001-5-1-501").owners) == 2

    retype(qtbot, third.phone, "13512345678")
    click(qtbot, pane.save_button)
    stored = directory.get_household(db, admin, "QD001-5-1-501")
    assert [o.name for o in stored.owners] == ["钱七", "周九"]
    assert stored_owners(db, stored.code)[0][2] == "13600002222", "the masked number was kept"


def test_a_partly_changed_masked_number_is_refused(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    open_household(qtbot, tab, "QD001-3-2-1201")
    phone = tab.household_pane.owner_rows[0].phone
    assert phone.text() == "138****5678"
    phone.setFocus()
    qtbot.keyClick(phone, Qt.Key.Key_End)
    qtbot.keyClick(phone, Qt.Key.Key_Backspace)
    qtbot.keyClicks(phone, "9")
    click(qtbot, tab.household_pane.save_button)
    assert tab.household_pane.errors.error_text("phone") == "Type the whole number"
    stored = directory.get_household(db, admin, "QD001-3-2-1201")
    assert stored_owners(db, stored.code)[0][2] == "13812345678"


def test_another_desk_saving_first_reloads_the_form_and_says_so(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    open_household(qtbot, tab, "QD001-3-2-1201")
    pane = tab.household_pane
    retype(qtbot, pane.area, "120")
    # Meanwhile at another desk:
    other = directory.get_household(db, admin, "QD001-3-2-1201")
    directory.update_household(
        db,
        admin,
        other.id,
        directory.HouseholdInput(
            "3",
            "2",
            "1201",
            [directory.OwnerInput("张三", "13812345678", other.owners[0].id)],
            note="业主出国，联系其子",
        ),
        other.version,
    )
    click(qtbot, pane.save_button)
    assert pane.banner.kind == "warning"
    assert "Somebody else saved this record first" in pane.banner.text()
    assert pane.note.toPlainText() == "业主出国，联系其子", "the form shows the fresh record"
    assert pane.area.text() == ""
    assert directory.get_household(db, admin, "QD001-3-2-1201").area_m2 == ""


# --- roles -----------------------------------------------------------------------------------


def test_desk_sees_masked_phones_read_only_and_no_reveal(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    tab = open_tab(qtbot, db, desk)
    search(qtbot, tab, "张三")
    assert result_cell(qtbot, tab, 0, 4) == "138****5678"
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    settle(qtbot)
    pane = tab.household_pane
    row = pane.owner_rows[0]
    assert row.phone.text() == "138****5678"
    assert row.reveal.isHidden()
    assert row.phone.isReadOnly() and row.name.isReadOnly()
    assert pane.save_button.isHidden() or not pane.save_button.isVisible()
    assert pane.add_owner_button.isHidden() and row.remove.isHidden()
    for button in (tab.new_household_button, tab.new_community_button, tab.import_button):
        assert button.isHidden()
    # Ctrl+S does nothing for a role that may not edit.
    qtbot.keyClick(row.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert audit_entries(db, "household.update") == []


def test_manager_reveals_a_number_and_it_is_audited(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    manager = make_user(db, admin, Role.MANAGER, "manager1")
    tab = open_tab(qtbot, db, manager)
    open_household(qtbot, tab, "QD001-3-2-1201")
    row = tab.household_pane.owner_rows[0]
    assert row.phone.text() == "138****5678"
    assert row.reveal.isVisible()
    assert audit_entries(db, "phone.reveal") == []
    click(qtbot, row.reveal)
    assert row.phone.text() == "13812345678"
    assert row.reveal.isHidden()
    entries = audit_entries(db, "phone.reveal")
    assert [(e.username, e.entity_id) for e in entries] == [("manager1", "QD001-3-2-1201")]
    # Managers edit no directory records: the form is read-only for them too.
    assert row.phone.isReadOnly()


# --- adding, communities, buildings ----------------------------------------------------------


def test_new_household_in_the_selected_unit(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    homes: dict[str, int],
) -> None:
    tab = open_tab(qtbot, db, admin)
    unit = open_path(qtbot, tab, community.id, "3", "2")
    assert unit is not None
    tab.tree.setCurrentIndex(unit)
    assert tab._current_page() is tab.unit_page
    click(qtbot, tab.new_household_button)
    pane = tab.household_pane
    assert (pane.building.text(), pane.unit.text()) == ("3", "2")
    assert pane.room.hasFocus()
    qtbot.keyClicks(pane.room, "12-03")
    type_text(qtbot, pane.owner_rows[0].name, "吴十")
    click(qtbot, pane.save_button)
    assert pane.errors.is_invalid("room")
    assert directory.search_household_ids(db, admin, "吴十") == [], "nothing may be saved"

    retype(qtbot, pane.room, "1203")
    retype(qtbot, pane.owner_rows[0].phone, "13811112222")
    with qtbot.waitSignal(tab.ctx.signals.directory_changed, timeout=1000):
        click(qtbot, pane.save_button)
    created = directory.get_household(db, admin, "QD001-3-2-1203")
    assert [o.name for o in created.owners] == ["吴十"]
    assert pane.view is not None and pane.view.id == created.id
    assert pane.banner.text() == "Saved."
    current = tab.tree.currentIndex()
    assert tab.tree_model.node(current).ident == (Kind.HOUSEHOLD, created.id)
    assert tab.tree_model.data(current.parent()) == "Unit 2 · 3"


def test_community_form_refuses_a_bad_channel_phone_at_its_field(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    tab = open_tab(qtbot, db, admin)
    tab.tree.setCurrentIndex(tab.tree_model.index(0, 0))
    settle(qtbot)
    pane = tab.community_pane
    assert pane.name.text() == "海尔云谷"
    from wuye_desktop.core.vocab import Channel

    phone = pane.channel_edits[(Channel.REPAIR_CONTRACTOR, "phone")]
    assert phone.text() == "13911112222"
    retype(qtbot, phone, "139-1111")
    retype(qtbot, pane.project_code, "370202-999")
    click(qtbot, pane.save_button)
    assert pane.errors.error_text("repair_contractor.phone") == NOT_A_PHONE
    fresh = directory.get_community(db, admin, community.id)
    assert fresh == community

    retype(qtbot, phone, "0532-66668888")
    click(qtbot, pane.save_button)
    fresh = directory.get_community(db, admin, community.id)
    assert fresh.project_code == "370202-999"
    assert fresh.channels[1].phone == "0532-66668888"
    assert tab.scope.itemText(1) == "海尔云谷 (QD001)"


def test_new_community_and_building(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    tab = open_tab(qtbot, db, admin)
    click(qtbot, tab.new_community_button)
    pane = tab.community_pane
    assert pane.code.hasFocus()
    qtbot.keyClicks(pane.code, "QD001")
    click(qtbot, pane.save_button)
    assert pane.errors.error_text("code") == "This code is taken"
    assert pane.errors.is_invalid("name")
    retype(qtbot, pane.code, "QD003")
    type_text(qtbot, pane.name, "青岛印象")
    click(qtbot, pane.save_button)
    new = directory.get_community(db, admin, "QD003")
    assert tab.tree_model.node(tab.tree.currentIndex()).ident == (Kind.COMMUNITY, new.id)

    click(qtbot, tab.new_building_button)
    bpane = tab.building_pane
    assert bpane.subtitle.text() == "青岛印象"
    qtbot.keyClicks(bpane.number, "2")
    bpane.elevators.setFocus()
    qtbot.keyClick(bpane.elevators, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bpane.elevators, "60")
    click(qtbot, bpane.save_button)
    assert bpane.errors.error_text("elevator_count") == "Between 0 and 50"
    assert directory.list_buildings(db, admin, new.id) == []

    bpane.elevators.setFocus()
    qtbot.keyClick(bpane.elevators, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bpane.elevators, "2")
    click(qtbot, bpane.save_button)
    [building] = directory.list_buildings(db, admin, new.id)
    assert (building.number, building.name, building.elevator_count) == ("2", "2号楼", 2)
    current = tab.tree.currentIndex()
    assert tab.tree_model.node(current).ident == (Kind.BUILDING, building.id)
    assert tab.tree_model.data(current.parent()) == "青岛印象 (QD003)"


def test_changes_from_elsewhere_refresh_the_tab(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    tab = open_tab(qtbot, db, admin)
    search(qtbot, tab, "QD001")  # the community's households
    assert result_codes(qtbot, tab) == ["QD001-3-2-1201"]
    directory.create_household(
        db, admin, community.id, directory.HouseholdInput("7", "1", "1201", [])
    )
    tab.ctx.signals.directory_changed.emit()  # as the roster import dialog does
    assert sorted(result_codes(qtbot, tab)) == ["QD001-3-2-1201", "QD001-7-1-1201"]


def test_an_empty_directory_shows_how_to_search(qtbot: QtBot, db: Database, admin: Actor) -> None:
    tab = open_tab(qtbot, db, admin)
    assert tab.tree_model.rowCount(QModelIndex()) == 0
    assert tab._current_page() is tab.empty_page


def _tab_sequence(qtbot: QtBot, start: QWidget, count: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(count):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_down_the_forms_in_reading_order(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    open_household(qtbot, tab, "QD001-5-1-501")
    pane = tab.household_pane
    click(qtbot, pane.add_owner_button)  # a row made after the form: still in order
    first, second, third = pane.owner_rows[:3]
    seen = _tab_sequence(qtbot, first.name, 16)
    wanted = [first.name, first.phone, second.name, second.phone, third.name, third.phone]
    wanted += [pane.add_owner_button, pane.area, pane.note, pane.revert_button, pane.save_button]
    assert [w for w in seen if w in wanted] == wanted

    tab.tree.setCurrentIndex(tab.tree_model.index(0, 0))
    settle(qtbot)
    cpane = tab.community_pane
    seen = _tab_sequence(qtbot, cpane.name, 8)
    from wuye_desktop.core.vocab import Channel

    channel = [cpane.channel_edits[(Channel.PROPERTY, p)] for p in ("unit_name", "contact")]
    wanted = [cpane.name, cpane.project_code, cpane.address, cpane.district, *channel]
    assert [w for w in seen if w in wanted] == wanted


def test_the_household_opens_its_close_out_list(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    from wuye_desktop.ui.closeout import CloseoutDialog

    finance = make_user(db, admin, Role.FINANCE, "fin1")
    tab = open_tab(qtbot, db, finance)
    open_household(qtbot, tab, "QD001-3-2-1201")
    assert tab.household_pane.closeout_button.isHidden(), "finance prints no close-out lists"
    tab = open_tab(qtbot, db, admin)
    open_household(qtbot, tab, "QD001-3-2-1201")
    click(qtbot, tab.household_pane.closeout_button)
    qtbot.waitUntil(lambda: bool(tab.household_pane.findChildren(CloseoutDialog)), timeout=3000)
    [dialog] = tab.household_pane.findChildren(CloseoutDialog)
    assert dialog.isVisible()
    dialog.close()


def test_the_search_and_its_results_follow_a_language_change(
    qtbot: QtBot, db: Database, admin: Actor, homes: dict[str, int]
) -> None:
    tab = open_tab(qtbot, db, admin)
    search(qtbot, tab, "3-2-1201")
    i18n.install_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: tab.scope.itemText(0) == "全部小区", timeout=2000)
        assert tab.search.placeholderText().startswith("房号 3-2-1201")
        assert tab.results_model.headerData(0, Qt.Orientation.Horizontal) == "房屋编码"
        assert tab.results_label.text() == "1 户"
        assert tab.finder.understood.text() == "识别为：房号 3栋2单元1201"
        assert tab.new_household_button.text() == "新建房屋(&O)"
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: tab.scope.itemText(0) == "All communities", timeout=2000)
    assert tab.results_label.text() == "1 household"
    assert tab.finder.understood.text() == "Searching: Room: building 3, unit 2, room 1201"
