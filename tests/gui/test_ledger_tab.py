"""The Public-income tab driven like a user: posting with amounts as typed, refusals shown at
the field, reversal, a closed month, roles, and the red banner after tampering by raw SQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.conftest import make_user
from tests.gui.doc_support import close_previews, wait_for_preview
from tests.gui.shell_support import context, settle, type_text
from tests.unit import pdf_support as pdf
from wuye_desktop.core import directory
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import PermissionDenied, WuyeError
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages, workers
from wuye_desktop.ui.ledger import LedgerTab
from wuye_desktop.ui.ledger.account_dialogs import CategoriesDialog, OpenAccountDialog
from wuye_desktop.ui.ledger.dialogs import (
    CloseMonthDialog,
    EntryDialog,
    ReverseDialog,
    TotalsDialog,
)
from wuye_desktop.ui.ledger.disclosure_dialog import DisclosureDialog
from wuye_desktop.ui.ledger.import_dialog import StatementImportDialog
from wuye_desktop.ui.ledger.register_model import COLUMNS

OPENED = date(2026, 1, 1)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[WuyeError]]:
    shown: list[WuyeError] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, error: shown.append(error))
    yield shown


@pytest.fixture(autouse=True)
def tidy(qtbot: QtBot) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=15000)


@pytest.fixture
def finance(db: Database, admin: Actor) -> Actor:
    directory.create_community(
        db,
        admin,
        directory.CommunityInput(code="QD001", name="海尔云谷", project_code="370202-001"),
    )
    fin = make_user(db, admin, Role.FINANCE, "caiwu")
    services.open_account(
        db, fin, "QD001", AccountInput("工商银行青岛分行", "6222020202021234", "10,000.00", OPENED)
    )
    return fin


def _post(db: Database, actor: Actor, amount: str, day: date = date(2026, 3, 5)) -> None:
    data = EntryInput(day, "income", "elevator_ads", amount, "V1", "分众传媒", "")
    services.post_entry(db, actor, "QD001", data)


def _open_tab(qtbot: QtBot, db: Database, actor: Actor) -> LedgerTab:
    tab = LedgerTab(context(db, actor))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.chain_ok is not None, timeout=15000)
    settle(qtbot, 15000)
    return tab


def _cell(tab: LedgerTab, row: int, key: str) -> str:
    return str(tab.model.index(row, COLUMNS.index(key)).data())


def _ok(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, 15000)  # the service answers from the database thread


def test_an_entry_typed_with_thousands_shows_in_the_register_with_its_balance(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    tab = _open_tab(qtbot, db, finance)
    assert tab.chain_ok and tab.banner.isHidden() and tab.model.rowCount() == 0
    qtbot.mouseClick(tab.post_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, EntryDialog)
    type_text(qtbot, dialog.amount, "1,234.50")
    type_text(qtbot, dialog.voucher, "V-001")
    type_text(qtbot, dialog.counterparty, "分众传媒")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert _cell(tab, 0, "amount") == "1,234.50"
    assert _cell(tab, 0, "balance") == "11,234.50"
    assert _cell(tab, 0, "voucher") == "V-001"
    qtbot.waitUntil(lambda: tab.count_label.text() == "1 entry", timeout=15000)


def test_three_decimals_are_refused_at_the_amount_field(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.post_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, EntryDialog)
    type_text(qtbot, dialog.amount, "12.345")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.is_invalid("amount")
    assert "at most two decimals" in dialog.errors.error_text("amount")
    assert queries.register_count(db, finance, "QD001") == 0
    dialog.reject()


def test_the_selected_entry_is_reversed_naming_it(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    _post(db, finance, "3,000.00")
    tab = _open_tab(qtbot, db, finance)
    assert tab.selected() is not None and tab.reverse_button.isEnabled()
    qtbot.mouseClick(tab.reverse_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ReverseDialog)
    type_text(qtbot, dialog.reason, "wrong amount")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    # newest first: the reversal on top
    assert _cell(tab, 0, "reverses") == "Reverses #1"
    assert _cell(tab, 1, "reverses") == "Reversed by #2"
    assert _cell(tab, 0, "amount") == "-3,000.00"
    assert _cell(tab, 0, "balance") == "10,000.00"
    assert not tab.reverse_button.isEnabled()  # a reversal is final
    qtbot.waitUntil(lambda: tab.chain_ok is True, timeout=15000)


def test_a_closed_month_refuses_posting_with_the_core_message(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    _post(db, finance, "100.00")
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    closing = tab.dialog
    assert isinstance(closing, CloseMonthDialog)
    closing.period.clear()
    type_text(qtbot, closing.period, "2026-03")
    _ok(qtbot, closing)
    qtbot.waitUntil(lambda: closing.confirm is not None)
    assert closing.confirm is not None
    yes = closing.confirm.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queries.month_summaries(db, finance, "QD001")[-1].closed)
    closing.reject()

    qtbot.mouseClick(tab.post_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, EntryDialog)
    dialog.date.setDate(QDate(2026, 3, 10))
    type_text(qtbot, dialog.amount, "50.00")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "Period 2026-03 is closed" in dialog.errors.error_text("date")
    assert queries.register_count(db, finance, "QD001") == 1
    dialog.reject()


def test_the_service_desk_cannot_open_the_ledger(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor, shown_errors: list[WuyeError]
) -> None:
    desk = make_user(db, admin, Role.DESK, "qiantai")
    tab = LedgerTab(context(db, desk))
    qtbot.addWidget(tab)
    settle(qtbot)
    assert [type(e) for e in shown_errors] == [PermissionDenied]
    assert not tab.isEnabled() and tab.model.rowCount() == 0
    shown_errors.clear()


def test_a_manager_reads_but_cannot_post(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    _post(db, finance, "100.00")
    manager = make_user(db, admin, Role.MANAGER, "jingli")
    tab = _open_tab(qtbot, db, manager)
    assert tab.model.rowCount() == 1 and tab.chain_ok
    assert tab.post_button.isHidden() and tab.reverse_button.isHidden()
    assert not tab.export_button.isHidden()


def test_tampering_by_raw_sql_shows_a_banner_naming_the_entry(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    for amount in ("100.00", "200.00", "300.00"):
        _post(db, finance, amount)
    with db.engine.begin() as c:
        c.execute(text("UPDATE ledger_entry SET amount_fen = 99 WHERE seq = 2"))
    tab = _open_tab(qtbot, db, finance)
    assert tab.chain_ok is False
    assert not tab.banner.isHidden()
    assert "entry #2" in tab.banner.text() and "QD001" in tab.banner.text()


def test_filters_narrow_the_register(qtbot: QtBot, db: Database, finance: Actor) -> None:
    _post(db, finance, "100.00", date(2026, 2, 3))
    _post(db, finance, "200.00", date(2026, 3, 3))
    tab = _open_tab(qtbot, db, finance)
    assert tab.model.rowCount() == 2
    type_text(qtbot, tab.period_from, "2026-03")
    qtbot.keyClick(tab.period_from, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.model.rowCount() == 1 and _cell(tab, 0, "amount") == "200.00"


def test_a_statement_is_imported_after_mapping_a_column_and_bad_rows_are_listed(
    qtbot: QtBot, db: Database, finance: Actor, tmp_path: Path
) -> None:
    tab = _open_tab(qtbot, db, finance)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "记账日,金额,流水号\n2026-04-01,12.345,B1\nyesterday,1.00,B2\n", encoding="utf-8"
    )
    good = tmp_path / "good.csv"
    good.write_text('记账日,金额,流水号\n2026-04-01,"1,234.50",B1\n2026-04-02,-34.50,B2\n')
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, StatementImportDialog)
    dialog.set_file(str(bad))
    assert "map the columns" in dialog.status.text()  # 记账日 is no known header
    date_box = dialog.columns["date"]
    date_box.setCurrentIndex(date_box.findText("记账日"))
    assert dialog.columns["amount"].currentText() == "金额"  # recognised by itself
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.row_errors.rowCount() == 2, timeout=15000)
    assert dialog.row_errors.item(0, 0).text() == "2"
    assert "at most two decimals" in dialog.row_errors.item(0, 1).text()
    assert queries.register_count(db, finance, "QD001") == 0

    dialog.set_file(str(good))
    date_box.setCurrentIndex(date_box.findText("记账日"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert "Imported 2 entries" in dialog.status.text()
    dialog.reject()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert _cell(tab, 0, "balance") == "11,200.00"


def test_export_totals_and_the_disclosure(
    qtbot: QtBot,
    db: Database,
    finance: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _post(db, finance, "1,234.50", date(2026, 2, 3))
    _post(db, finance, "200.00", date(2026, 3, 3))
    services.close_period(db, finance, "QD001", "2026-03")
    tab = _open_tab(qtbot, db, finance)

    out = tmp_path / "ledger.xlsx"
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, name, _f: offered.append(name) or (str(out), ""),
    )
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    # The name offered: what, whose, when (issue 17.9).
    assert offered == [f"Public-income ledger-QD001-{today_local():%Y%m%d}.xlsx"]
    qtbot.waitUntil(lambda: "exported" in tab.count_label.text(), timeout=15000)
    assert openpyxl.load_workbook(out).sheetnames

    qtbot.mouseClick(tab.totals_button, Qt.MouseButton.LeftButton)
    totals = tab.dialog
    assert isinstance(totals, TotalsDialog)
    totals.period.clear()
    type_text(qtbot, totals.period, "2026Q1")
    qtbot.keyClick(totals.period, Qt.Key.Key_Return)
    settle(qtbot)
    assert "closing 11,434.50" in totals.summary.text()
    assert totals.totals.item(0, 2).text() == "1,434.50"
    assert totals.months.rowCount() == 3  # January to March, closed together
    totals.reject()

    qtbot.mouseClick(tab.disclosure_button, Qt.MouseButton.LeftButton)
    disclosure = tab.dialog
    assert isinstance(disclosure, DisclosureDialog)
    disclosure.period.clear()
    type_text(qtbot, disclosure.period, "2026Q1")
    qtbot.mouseClick(disclosure.preview_button, Qt.MouseButton.LeftButton)
    preview = wait_for_preview(qtbot)
    assert preview.page_count >= 1
    close_previews()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(disclosure.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: disclosure.published is not None, timeout=15000)
    assert disclosure.published is not None
    assert disclosure.published["closing_balance"] == "11434.50"
    with db.engine.connect() as c:
        assert c.scalar(text("SELECT count(*) FROM outbox WHERE kind = 'disclosure'")) == 1
    disclosure.reject()


def _no_account_tab(qtbot: QtBot, db: Database, admin: Actor, actor: Actor) -> LedgerTab:
    """A tab on QD002, a community without a special account."""
    directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="金沙苑", project_code="370202-002")
    )
    tab = LedgerTab(context(db, actor))
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)  # the communities arrive from the database thread
    tab.community.setCurrentIndex(tab.community.findData(_community_id(db, admin, "QD002")))
    settle(qtbot)
    return tab


def _community_id(db: Database, actor: Actor, code: str) -> int:
    return next(c.id for c in directory.community_choices(db, actor) if c.code == code)


def test_a_community_without_an_account_shows_the_hint_and_the_button(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    tab = _no_account_tab(qtbot, db, admin, finance)
    assert tab.community.currentText() == "金沙苑 (QD002)"
    assert tab.no_account_box.isVisible() and not tab.register_box.isVisible()
    assert "no special account yet" in tab.hint.text()
    assert tab.open_account_button.isVisible() and tab.open_account_button.isEnabled()
    # the community with its account still shows its register
    tab.community.setCurrentIndex(tab.community.findData(_community_id(db, admin, "QD001")))
    qtbot.waitUntil(lambda: tab.chain_ok is True, timeout=15000)
    assert tab.register_box.isVisible() and not tab.no_account_box.isVisible()


def test_a_bad_account_number_is_refused_at_its_field_and_nothing_is_saved(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    tab = _no_account_tab(qtbot, db, admin, finance)
    qtbot.mouseClick(tab.open_account_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, OpenAccountDialog)
    type_text(qtbot, dialog.bank, "建设银行青岛分行")
    type_text(qtbot, dialog.account_no, "1234-56")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.is_invalid("account_no")
    assert "8 to 32 digits" in dialog.errors.error_text("account_no")
    assert not dialog.errors.is_invalid("bank")
    assert [a.community_code for a in services.list_accounts(db, finance)] == ["QD001"]
    dialog.reject()
    assert tab.no_account_box.isVisible()


def test_opening_the_account_shows_the_register_with_its_opening_balance(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    tab = _no_account_tab(qtbot, db, admin, finance)
    qtbot.mouseClick(tab.open_account_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, OpenAccountDialog)
    type_text(qtbot, dialog.bank, "建设银行青岛分行")
    type_text(qtbot, dialog.account_no, "6217 0000 1111 2222")
    dialog.opening_balance.clear()
    type_text(qtbot, dialog.opening_balance, "25,000.50")
    dialog.opened_on.setDate(QDate(2026, 2, 1))
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: tab.chain_ok is True, timeout=15000)
    assert tab.community.currentText() == "金沙苑 (QD002)"
    assert tab.register_box.isVisible() and not tab.no_account_box.isVisible()
    assert "25,000.50" in tab.account_label.text() and "6217" in tab.account_label.text()
    account = services.get_account(db, finance, "QD002")
    assert account.opening_balance_fen == 2500050 and account.opened_on == date(2026, 2, 1)
    # the first entry's balance starts from the opening balance
    qtbot.mouseClick(tab.post_button, Qt.MouseButton.LeftButton)
    entry = tab.dialog
    assert isinstance(entry, EntryDialog)
    type_text(qtbot, entry.amount, "100.00")
    _ok(qtbot, entry)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert _cell(tab, 0, "balance") == "25,100.50"


def test_an_added_category_is_listed_and_offered_in_the_entry_form(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.categories_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CategoriesDialog)
    settle(qtbot)
    before = dialog.model.rowCount()
    assert before == 12 and dialog.add_box.isVisible()

    dialog.direction.setCurrentIndex(dialog.direction.findData("income"))
    type_text(qtbot, dialog.code, "Bad Code")
    type_text(qtbot, dialog.label, "自行车棚")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.errors.is_invalid("code") and not dialog.errors.is_invalid("label")
    assert dialog.model.rowCount() == before

    dialog.code.clear()
    type_text(qtbot, dialog.code, "bike_shed")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not dialog.errors.is_invalid("code")
    assert dialog.model.rowCount() == before + 1
    codes = [dialog.model.item(r, 1).text() for r in range(dialog.model.rowCount())]
    assert "bike_shed" in codes
    labels = [dialog.model.item(r, 2).text() for r in range(dialog.model.rowCount())]
    assert "自行车棚" in labels
    dialog.reject()

    qtbot.mouseClick(tab.post_button, Qt.MouseButton.LeftButton)
    entry = tab.dialog
    assert isinstance(entry, EntryDialog)
    entry.direction.setCurrentIndex(entry.direction.findData("income"))
    assert entry.category.findData("bike_shed") >= 0
    assert entry.category.itemText(entry.category.findData("bike_shed")) == "自行车棚"
    entry.direction.setCurrentIndex(entry.direction.findData("expense"))
    assert entry.category.findData("bike_shed") < 0
    entry.reject()


def test_a_manager_sees_the_categories_but_cannot_open_accounts_or_add(
    qtbot: QtBot, db: Database, admin: Actor, finance: Actor
) -> None:
    manager = make_user(db, admin, Role.MANAGER, "jingli")
    tab = _no_account_tab(qtbot, db, admin, manager)
    assert tab.no_account_box.isVisible() and "no special account yet" in tab.hint.text()
    assert tab.open_account_button.isHidden()
    tab.community.setCurrentIndex(tab.community.findData(_community_id(db, admin, "QD001")))
    qtbot.waitUntil(lambda: tab.chain_ok is True, timeout=15000)
    qtbot.mouseClick(tab.categories_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CategoriesDialog)
    settle(qtbot)
    assert dialog.model.rowCount() == 12
    assert dialog.isVisible() and dialog.view.isVisible()
    assert dialog.add_box.isHidden() and not dialog.add_button.isVisible()
    dialog.reject()


def test_a_misencoded_statement_and_a_netted_row_are_explained_not_crashed(
    qtbot: QtBot, db: Database, finance: Actor, tmp_path: Path
) -> None:
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, StatementImportDialog)
    text = "日期,收入,支出,凭证号\n2026-04-01,100.00,,B1\n2026-04-02,50.00,20.00,B2\n"
    misencoded = tmp_path / "bom.csv"
    misencoded.write_bytes(b"\xef\xbb\xbf" + text.encode("gbk"))
    dialog.set_file(str(misencoded))
    assert dialog.status.text().startswith("bom.csv, row 1: not valid UTF-8 text")
    assert not dialog.import_button.isEnabled()

    netted = tmp_path / "netted.csv"
    netted.write_text(text, encoding="utf-8")
    dialog.set_file(str(netted))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.row_errors.rowCount() == 1, timeout=15000)
    assert dialog.row_errors.item(0, 0).text() == "3"
    assert dialog.row_errors.item(0, 1).text() == (
        "Both 收入 (50.00) and 支出 (20.00) are filled; a row is either income or expense"
    )
    assert queries.register_count(db, finance, "QD001") == 0


def test_the_disclosure_offers_the_latest_closed_period_and_prints_the_posting_date(
    qtbot: QtBot, db: Database, finance: Actor, tmp_path: Path
) -> None:
    _post(db, finance, "1,234.50", date(2026, 2, 3))
    services.close_period(db, finance, "QD001", "2026-03")  # January to March
    _post(db, finance, "200.00", date(2026, 4, 3))  # April open: it would print as 试算
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.disclosure_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, DisclosureDialog)
    qtbot.waitUntil(lambda: dialog.period.text() == "2026Q1", timeout=15000)
    today = today_local()  # Shanghai's day, not the machine's
    assert dialog.posted_on.date() == QDate(today.year, today.month, today.day)  # unless changed

    # The office posts it on a later day: Tab into the date field (its year selected) and type
    # the digits, each part moving on to the next when full.
    dialog.posted_on.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(dialog.posted_on, "20270108")
    assert dialog.posted_on.date() == QDate(2027, 1, 8)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = wait_for_preview(qtbot)
    printed = pdf.flat(pdf.text(preview.data, tmp_path))
    close_previews()
    assert "公示日期2027年1月8日" in printed
    assert "公示期2027年1月8日至" in printed
    assert "试算" not in printed  # the closed quarter, not the open one
    dialog.reject()


def test_the_disclosure_offers_the_previous_quarter_when_nothing_is_closed(
    qtbot: QtBot, db: Database, finance: Actor
) -> None:
    tab = _open_tab(qtbot, db, finance)
    qtbot.mouseClick(tab.disclosure_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, DisclosureDialog)
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=15000)
    today = today_local()
    quarter = (today.month - 1) // 3
    expected = f"{today.year - 1}Q4" if quarter == 0 else f"{today.year}Q{quarter}"
    assert dialog.period.text() == expected
    dialog.reject()
