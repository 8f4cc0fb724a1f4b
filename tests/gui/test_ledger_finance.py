"""Finance at the ledger, by keyboard and mouse as a clerk works: closing a month is confirmed by
name and reported, the months show which are closed and by whom, a reversal needs its reason, a
reversed entry is marked and leads to its reversal and back, and an entry is posted by keys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.mnemonic_support import problems
from tests.gui.shell_support import focused, isolate_settings, reset_language, settle, type_text
from tests.gui.test_ledger_tab import _cell, _open_tab, _post
from tests.gui.test_ledger_tab import finance as finance  # the fixture
from tests.gui.test_ledger_tab import shown_errors as shown_errors
from tests.gui.test_ledger_tab import tidy as tidy
from wuye_desktop.core import users
from wuye_desktop.core.ledger import months, queries, services
from wuye_desktop.core.ledger.services import EntryInput
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.ledger.dialogs import CloseMonthDialog, EntryDialog, ReverseDialog
from wuye_desktop.ui.ledger.register_model import COLUMNS

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def _active(qtbot: QtBot, dialog: object) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(dialog, QWidget)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is dialog)  # fmt: skip
    settle(qtbot)


def _confirm(qtbot: QtBot, dialog: CloseMonthDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    assert dialog.confirm is not None
    return dialog.confirm


def _month_row(dialog: CloseMonthDialog, period: str) -> list[str]:
    model = dialog.months
    for row in range(model.rowCount()):
        if model.item(row, 0).text() == period:
            return [model.item(row, c).text() for c in range(model.columnCount())]
    raise AssertionError(f"{period} not listed")


def test_closing_a_month_is_confirmed_by_name_and_said_done_and_the_list_shows_it(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    users.create_user(
        db, admin, username="liu", display_name="财务小刘", role=Role.FINANCE, password="liu-pw-12"
    )
    liu, _ = users.login(db, "liu", "liu-pw-12")
    _post(db, liu, "100.00", day=date(2026, 2, 5))
    tab = _open_tab(qtbot, db, liu)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CloseMonthDialog)
    _active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.months.rowCount() > 0)
    assert _month_row(dialog, "2026-02")[:3] == ["2026-02", "Open", "1"]

    # Choosing a month in the list offers it; Ctrl+Enter asks, naming it; No leaves it open.
    for row in range(dialog.months.rowCount()):
        if dialog.months.item(row, 0).text() == "2026-02":
            dialog.table.setCurrentIndex(dialog.months.index(row, 0))
    assert dialog.period.text() == "2026-02"
    qtbot.keyClick(dialog.period, Qt.Key.Key_Return, CTRL)
    box = _confirm(qtbot, dialog)
    assert "2026-02" in box.text() and "cannot be undone" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    settle(qtbot)
    assert not months.month_states(db, liu, "QD001")[-2].closed
    assert dialog.isVisible()

    qtbot.keyClick(dialog.period, Qt.Key.Key_Return, CTRL)
    box = _confirm(qtbot, dialog)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() != "", timeout=15000)
    assert dialog.status.text() == "Closed: 2026-01, 2026-02."
    qtbot.waitUntil(lambda: _month_row(dialog, "2026-02")[1] == "Closed", timeout=15000)
    state, entries, by, at = _month_row(dialog, "2026-02")[1:]
    assert (state, entries, by) == ("Closed", "1", "财务小刘") and at.startswith("20")
    assert _month_row(dialog, "2026-03")[1] == "Open"
    assert [m.period for m in months.month_states(db, liu, "QD001") if m.closed] == [
        "2026-02",
        "2026-01",
    ]
    dialog.reject()


def test_a_manager_sees_which_months_are_closed_but_cannot_close(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    services.close_period(db, finance, "QD001", "2026-01")
    manager = make_user(db, admin, Role.MANAGER, "jingli")
    tab = _open_tab(qtbot, db, manager)
    assert tab.close_button.isVisible() and tab.close_button.text() == "Closed months…"
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CloseMonthDialog)
    qtbot.waitUntil(lambda: dialog.months.rowCount() > 0)
    assert _month_row(dialog, "2026-01")[1:4] == ["Closed", "0", "caiwu"]
    assert not dialog.period.isVisible()
    dialog.reject()


def test_a_reversal_without_a_reason_is_refused_at_the_reason(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    _post(db, finance, "3,000.00")
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.reverse_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ReverseDialog)
    _active(qtbot, dialog)
    assert focused() is dialog.reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    settle(qtbot, 15000)
    assert dialog.isVisible() and dialog.errors.is_invalid("note")
    assert "reason" in dialog.errors.error_text("note")
    assert queries.register_count(db, finance, "QD001") == 1
    type_text(qtbot, dialog.reason, "合同作废")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=15000)
    assert _cell(tab, 0, "note") == "合同作废"


def _selected_seq(qtbot: QtBot, tab: object) -> int:
    from wuye_desktop.ui.ledger import LedgerTab

    assert isinstance(tab, LedgerTab)
    settle(qtbot, 15000)
    e = tab.selected()
    assert e is not None
    return e.seq


def test_a_reversed_entry_is_marked_and_enter_goes_to_its_reversal_and_back(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    first = EntryInput(date(2026, 3, 5), "income", "elevator_ads", "3,000.00", "V1", "分众", "首笔")
    services.post_entry(db, finance, "QD001", first)
    _post(db, finance, "20.00")
    services.reverse_entry(db, finance, "QD001", 1, entry_date=date(2026, 3, 9), note="记错")
    tab = _open_tab(qtbot, db, finance)
    # newest first: the reversal (#3), #2, the reversed #1
    assert [tab.model.entry(r).seq for r in range(3)] == [3, 2, 1]  # type: ignore[union-attr]
    assert _cell(tab, 0, "reverses") == "Reverses #1"
    assert _cell(tab, 2, "reverses") == "Reversed by #3"
    assert _cell(tab, 1, "reverses") == ""
    reversed_amount = tab.model.index(2, COLUMNS.index("amount"))
    font = reversed_amount.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    grey = tab.model.index(2, COLUMNS.index("counterparty")).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QColor) and grey.name() == "#9e9e9e"
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(2, 0))
    assert not tab.reverse_button.isEnabled()  # reversed already
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert _selected_seq(qtbot, tab) == 3
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert _selected_seq(qtbot, tab) == 1
    rect = tab.table.visualRect(tab.model.index(2, 1))
    # a real double click: the press, then the double click (QTest sends only the second)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _selected_seq(qtbot, tab) == 3

    # The reversal filtered out of the list: the filters are cleared and the list starts there.
    tab.text.setText("首笔")
    tab.apply_filter()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=15000)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=15000)
    assert _selected_seq(qtbot, tab) == 3 and tab.text.text() == ""


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_entry_is_filled_and_posted_by_keyboard(
    qtbot: QtBot, db: Database, finance: Actor, language: str
) -> None:
    i18n.install_language(language)
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.post_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, EntryDialog)
    _active(qtbot, dialog)
    assert problems(dialog) == []
    assert focused() is dialog.amount
    qtbot.keyClicks(dialog.amount, "1,234.50")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_V, ALT)
    assert focused() is dialog.voucher
    qtbot.keyClicks(dialog.voucher, "V-9")
    qtbot.keyClick(dialog.voucher, Qt.Key.Key_O, ALT)
    assert focused() is dialog.counterparty
    type_text(qtbot, dialog.counterparty, "分众传媒")
    qtbot.keyClick(dialog.counterparty, Qt.Key.Key_N, ALT)
    assert focused() is dialog.note
    type_text(qtbot, dialog.note, "三月广告费")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert focused() is not dialog.note and dialog.note.toPlainText() == "三月广告费"
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    rows = queries.register_page(db, finance, "QD001")[0]
    assert [(r.amount_fen, r.voucher_no, r.counterparty, r.note) for r in rows] == [
        (123450, "V-9", "分众传媒", "三月广告费")
    ]
