"""The close-out list dialog: add, close, reopen, delete, import with row errors, gather from
orders, print; and reaching it from a work order's print menu."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.doc_support import close_previews, save_as_pdf, wait_for_preview
from tests.gui.shell_support import context, settle, type_text
from wuye_desktop.core import closeout, directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment
from wuye_desktop.ui import workers
from wuye_desktop.ui.closeout import CloseoutDialog
from wuye_desktop.ui.closeout.item_dialogs import AddItemDialog, CloseItemDialog

pytestmark = pytest.mark.usefixtures("shown_errors", "tidy")


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def info(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", info)
    return said


def open_dialog(qtbot: QtBot, db: Database, actor: Actor, household: int) -> CloseoutDialog:
    dialog = CloseoutDialog(context(db, actor, "王质检"), household)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)  # the list arrives from the database thread
    return dialog


def run_modal(qtbot: QtBot, kind: type[QDialog], act: object) -> None:
    """Fill in the next modal dialog of *kind* once it opens, with *act(dialog)*."""

    def handle() -> None:
        for widget in qtbot_top_levels():
            if isinstance(widget, kind) and widget.isVisible():
                act(widget)  # type: ignore[operator]
                return
        from PySide6.QtCore import QTimer

        QTimer.singleShot(20, handle)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, handle)


def qtbot_top_levels() -> list[QDialog]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]


def test_add_close_reopen_and_delete_an_item(
    qtbot: QtBot, db: Database, admin: Actor, home: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, db, admin, home)
    assert dialog.model.rowCount() == 0 and not dialog.close_button.isEnabled()

    def fill(add: AddItemDialog) -> None:
        type_text(qtbot, add.item, "主卧窗框渗水")
        type_text(qtbot, add.location, "主卧")
        type_text(qtbot, add.responsible_unit, "海尔地产")
        ok = add.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    run_modal(qtbot, AddItemDialog, fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.model.rowCount() == 1
    item = dialog.selected()
    assert item is not None and item.item == "主卧窗框渗水" and not item.is_closed
    assert dialog.summary.text() == "1 item: 1 open, 0 closed"

    def close(form: CloseItemDialog) -> None:
        assert form.checker.text() == "王质检"
        ok = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    run_modal(qtbot, CloseItemDialog, close)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    item = dialog.selected()
    assert item is not None and item.is_closed and item.checker == "王质检"
    assert dialog.reopen_button.isEnabled() and not dialog.close_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("复查仍渗水", True))
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    item = dialog.selected()
    assert item is not None and not item.is_closed

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.model.rowCount() == 0
    assert closeout.list_items(db, admin, home).items == ()


def test_an_empty_item_is_refused_at_its_field(
    qtbot: QtBot, db: Database, admin: Actor, home: int
) -> None:
    add = AddItemDialog(context(db, admin), home)
    qtbot.addWidget(add)
    add.show()
    add.save()
    settle(qtbot)  # refused by the core, on the database thread
    assert add.isVisible() and add.errors.is_invalid("item")
    assert closeout.list_items(db, admin, home).items == ()


def test_import_shows_row_errors_and_imports_nothing_then_imports_a_good_sheet(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    home: int,
    tmp_path: Path,
    infos: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(qtbot, db, admin, home)
    bad = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["问题", "部位", "责任单位", "整改期限"])
    sheet.append(["客厅墙面裂缝", "客厅", "海尔地产", "2026-12-31"])
    sheet.append(["卫生间渗水", "卫生间", "海尔地产", "明年"])
    book.save(bad)
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: boxes.append(self))

    task = dialog.start_import(bad)
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    assert dialog.last_import_errors == ["Row 3, 整改期限: Not a date (write it like 2026-12-31)"]
    assert boxes and "Row 3" in boxes[0].informativeText()
    assert dialog.model.rowCount() == 0

    sheet["D3"] = "2027-01-15"
    good = tmp_path / "good.xlsx"
    book.save(good)
    task = dialog.start_import(good)
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    settle(qtbot)
    assert dialog.model.rowCount() == 2
    assert infos == ["2 rows read: 2 items added, 0 already on the list."]


def test_gather_from_orders_and_print(
    qtbot: QtBot, db: Database, admin: Actor, home: int, infos: list[str]
) -> None:
    from tests.unit.test_documents_commitment import promised_order

    community = directory.get_community(db, admin, "QD001")
    promised_order(db, admin, community)
    dialog = open_dialog(qtbot, db, admin, home)
    qtbot.mouseClick(dialog.gather_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 6).data()  # the work order's number
    assert infos == ["1 item added from the household's work orders."]

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    preview = wait_for_preview(qtbot)
    assert preview.page_count >= 1


def printed_count(db: Database) -> int | None:
    with db.read() as s:
        return s.scalar(select(Commitment.printed_count))


def test_the_work_order_print_menu_opens_the_households_list(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    home: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.unit.test_documents_commitment import promised_order
    from wuye_desktop.ui.work_orders import WorkOrdersTab

    community = directory.get_community(db, admin, "QD001")
    oid, _ = promised_order(db, admin, community)
    tab = WorkOrdersTab(context(db, admin))
    qtbot.addWidget(tab)
    tab.show()
    tab.open_order(oid)
    qtbot.waitUntil(lambda: tab.moves.prints.closeout_action.isEnabled(), timeout=5000)
    assert tab.moves.prints.letter_action.isEnabled() and tab.moves.prints.slip_action.isEnabled()
    assert not tab.moves.prints.callback_action.isEnabled()  # not completed yet

    tab.moves.prints.closeout_action.trigger()
    opened = [w for w in qtbot_top_levels() if isinstance(w, CloseoutDialog) and w.isVisible()]
    assert len(opened) == 1 and opened[0].household_id == home
    opened[0].close()

    tab.moves.prints.letter_action.trigger()
    preview = wait_for_preview(qtbot)
    assert preview.windowTitle().startswith("Commitment letter CN")
    # Looking counts nothing; saving it prints the original, counted then.
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=5000)
    assert printed_count(db) == 0
    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF files (*.pdf)")
    )
    with qtbot.waitSignal(preview.printed, timeout=5000):
        save_as_pdf(qtbot, preview)
    assert target.exists()
    assert printed_count(db) == 1

    close_previews()
    tab.moves.prints.slip_action.trigger()
    slip = wait_for_preview(qtbot)
    assert slip.windowTitle().startswith("Work-order slip")
