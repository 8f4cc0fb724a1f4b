"""The Regulator tab against a real reference server: settings, sync now, tickets becoming
orders, replies from the order, supervision notices, refused events and their retry."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.regulator_support import Platform, configure, running_platform
from tests.gui.shell_support import context, settle, type_text
from wuye_desktop.core import directory, outbox
from wuye_desktop.core import orders as core_orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import DatabaseFileLost, WuyeError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.regulator import queue, settings
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.regulator.reply_dialog import ReplyDialog
from wuye_desktop.ui.regulator.settings_dialog import RegulatorSettingsDialog, open_settings
from wuye_desktop.ui.regulator.tab import RegulatorTab
from wuye_desktop.ui.work_orders import WorkOrdersTab

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


@pytest.fixture
def platform(tmp_path: Path, db: Database, admin: Actor) -> Iterator[Platform]:
    with running_platform(tmp_path / "platform", db) as running:
        yield running


@pytest.fixture
def configured(
    platform: Platform, db: Database, admin: Actor, community: directory.CommunityView
) -> Platform:
    configure(db, admin, platform)
    return platform


def open_tab(qtbot: QtBot, ctx: AppContext) -> RegulatorTab:
    tab = RegulatorTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    settle(qtbot)  # the state arrives from the database thread
    return tab


def sync_now(qtbot: QtBot, tab: RegulatorTab) -> None:
    """Press "Sync now" and wait for the run to end."""
    assert tab.sync_button.isEnabled()
    with qtbot.waitSignal(tab.sync.finished, timeout=20000):
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.sync.running)
    settle(qtbot)  # the tab reads the state again after the run


def click_ok(
    qtbot: QtBot, buttons: QDialogButtonBox, which: QDialogButtonBox.StandardButton
) -> None:
    button = buttons.button(which)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # OK saves on the database thread


# --- settings ------------------------------------------------------------------------------


def test_an_administrator_sets_the_platform_up_field_errors_first(
    qtbot: QtBot, db: Database, admin: Actor, platform: Platform
) -> None:
    tab = open_tab(qtbot, context(db, admin))
    assert tab.state_label.text().endswith(labels.state_text("not_configured"))
    assert tab.settings_button.isVisible() and tab.settings_button.text() == "Set up…"
    assert not tab.sync_button.isEnabled()

    qtbot.mouseClick(tab.settings_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, RegulatorSettingsDialog)
    qtbot.waitExposed(dialog)
    settle(qtbot)  # the stored settings arrive, then where the secret would be kept
    # No keyring in the tests: the dialog says plainly where the secret goes.
    assert "No system keyring" in dialog.secret_place.text()
    assert "readable only by you" in dialog.secret_place.text()

    type_text(qtbot, dialog.base_url, "http://example.com")
    dialog.enabled.setChecked(True)
    type_text(qtbot, dialog.secret, "x" * 40)
    click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible(), "refused: the dialog stays"
    assert dialog.errors.is_invalid("base_url")
    assert "plain http" in dialog.errors.error_text("base_url")
    assert settings.load_connection(db).base_url == ""

    # A secret too short is refused at its field too.
    dialog.base_url.clear()
    type_text(qtbot, dialog.base_url, platform.server.base_url)
    dialog.secret.clear()
    type_text(qtbot, dialog.secret, "short")
    click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Save)
    assert dialog.errors.is_invalid("secret") and not dialog.errors.is_invalid("base_url")

    # Test connection: reachable, clock right, credentials checked with the typed secret.
    dialog.secret.clear()
    type_text(qtbot, dialog.secret, platform.secret)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15000)
    assert "Reachable" in dialog.test_result.text()
    assert "Credentials accepted" in dialog.test_result.text()

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Save)
    stored = settings.load_connection(db)
    assert stored.base_url == platform.server.base_url and stored.enabled
    settle(qtbot)  # the tab reads the new state
    assert tab.state_label.text().endswith(labels.state_text("never"))
    assert tab.values["url"].text() == platform.server.base_url
    assert tab.sync_button.isEnabled()


def test_test_connection_names_wrong_credentials(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    dialog = RegulatorSettingsDialog(context(db, admin))
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)  # the stored settings arrive, then whether a secret is stored
    assert dialog.base_url.text() == configured.server.base_url
    assert "leave empty to keep it" in dialog.secret.placeholderText()
    type_text(qtbot, dialog.secret, "w" * 40)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15000)
    assert "Credentials refused" in dialog.test_result.text()
    assert "bad_signature" in dialog.test_result.text()


def test_the_settings_arrive_after_the_dialog_opened_and_esc_waits_for_a_save(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    gate = threading.Event()  # holds the database thread, as a slow server would
    run_db(None, db, lambda _db: gate.wait(10), label="a slow server")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_settings(context(db, admin), parent, None)
    assert isinstance(dialog, RegulatorSettingsDialog)
    qtbot.waitExposed(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    assert dialog.company_label.text() == "Reading the settings…"
    assert not dialog.form_box.isEnabled() and not save.isEnabled()
    gate.set()
    settle(qtbot)
    assert dialog.form_box.isEnabled() and save.isEnabled()
    assert configured.code in dialog.company_label.text()
    assert dialog.base_url.text() == configured.server.base_url
    assert dialog.base_url.hasFocus()

    gate.clear()
    run_db(None, db, lambda _db: gate.wait(10), label="a slow server")
    dialog.interval.setValue(300)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not save.isEnabled(), "saving: Save waits"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "Esc does not hide whether the save was made"
    with qtbot.waitSignal(dialog.accepted):
        gate.set()
    assert settings.load_connection(db).interval_s == 300


def test_without_a_company_the_settings_say_so_and_close(
    qtbot: QtBot, db: Database, shown_errors: list[WuyeError]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_settings(context(db, Actor(1, "admin", Role.ADMIN)), parent, None)
    with qtbot.waitSignal(dialog.rejected):
        pass  # the database thread answers: no company
    assert not dialog.isVisible()
    assert [str(e) for e in shown_errors] == ["Set up the company first"]
    shown_errors.clear()


# --- tickets and replies -------------------------------------------------------------------


def test_a_dispatched_ticket_becomes_an_order_and_is_answered_from_it(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    ticket_id = configured.ticket(level="urgent")
    ctx = context(db, admin)
    tab = open_tab(qtbot, ctx)
    with qtbot.waitSignal(ctx.signals.orders_changed, timeout=20000):
        sync_now(qtbot, tab)

    assert tab.state_label.text().endswith("Connected")
    assert tab.ticket_model.rowCount() == 1
    row = tab.ticket_model.rows[0]
    assert row.ticket_id == ticket_id and row.order_number and row.replies == 0
    assert tab.ticket_model.data(tab.ticket_model.index(0, 1)) == "Urgent"
    assert "1 new ticket" in tab.run_label.text()
    assert tab.parts.tabText(1) == "Dispatches (1)"
    # The ticket was acknowledged with its order in the same run.
    assert configured.store.tickets(configured.code)[0]["acked_work_order_id"] == row.order_number

    # Enter on the ticket opens its order.
    tab.parts.setCurrentIndex(1)
    tab.ticket_table.setFocus()
    tab.ticket_table.setCurrentIndex(tab.ticket_model.index(0, 0))
    with qtbot.waitSignal(ctx.signals.open_order_requested) as opened:
        qtbot.keyClick(tab.ticket_table, Qt.Key.Key_Return)
    assert opened.args == [row.order_id]
    assert row.order_id is not None

    # The order shows its ticket; the desk replies from the order.
    orders = WorkOrdersTab(ctx)
    qtbot.addWidget(orders)
    orders.resize(1200, 700)
    orders.show()
    orders.open_order(row.order_id)
    settle(qtbot)  # the list arrives from the database thread, then the order is opened
    box = orders.detail_pane.regulator_box
    assert box.isVisible() and ticket_id in box.ticket_label.text()
    assert "No reply yet" in box.ticket_label.text()
    # The caller's number came masked from the platform: there is no full number to reveal.
    assert "139****0001" in orders.detail_pane.caller.text()
    assert not orders.detail_pane.reveal_button.isVisible()
    assert orders.moves.reply_action.isEnabled()
    qtbot.waitUntil(lambda: box.reply_button.height() > 0)  # laid out
    qtbot.mouseClick(box.reply_button, Qt.MouseButton.LeftButton)
    dialog = orders.active_dialog
    assert isinstance(dialog, ReplyDialog)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    assert ticket_id in dialog.ticket_label.text()
    assert not dialog.reason.isEnabled()

    dialog.result_box.setCurrentIndex(dialog.result_box.findData("not_responsible"))
    assert dialog.reason.isEnabled()
    type_text(qtbot, dialog.content, "经核实为供电公司线路故障")
    click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Ok)
    assert dialog.errors.is_invalid("reason"), "the reason is required for not_responsible"

    dialog.result_box.setCurrentIndex(dialog.result_box.findData("in_progress"))
    assert not dialog.reason.isEnabled() and not dialog.errors.is_invalid("reason")
    with qtbot.waitSignal(ctx.signals.orders_changed, timeout=5000):
        click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: orders.active_dialog is None)
    assert "In progress" in box.ticket_label.text()
    assert "经核实为供电公司线路故障" in box.ticket_label.text()
    timeline = orders.detail_pane.timeline.rows()
    assert any(r[2] == "Reply to regulator" for r in timeline)

    # The tab counts the reply; the next sync delivers it.
    settle(qtbot)  # the tab reads the state again
    assert tab.ticket_model.rows[0].replies == 1
    assert tab.ticket_model.rows[0].last_result == "in_progress"
    assert tab.values["pending"].text() == "1"
    sync_now(qtbot, tab)
    replies = configured.store.tickets(configured.code)[0]["replies"]
    assert [r["result"] for r in replies] == ["in_progress"]
    assert tab.values["pending"].text() == "0"
    assert tab.values["rate"].text().startswith("100 % (1/1)")


def test_reply_from_the_tab_for_the_selected_ticket(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    configured.ticket()
    desk = make_user(db, admin, Role.DESK, "desk1")
    ctx = context(db, desk)
    tab = open_tab(qtbot, ctx)
    sync_now(qtbot, tab)
    tab.parts.setCurrentIndex(1)
    tab.ticket_table.setCurrentIndex(tab.ticket_model.index(0, 0))
    selected = tab.selected_ticket()
    tab.refresh()  # as every 15 s: the selection stays
    settle(qtbot)
    assert selected is not None and tab.selected_ticket() == selected
    assert tab.reply_button.isVisible() and tab.reply_button.isEnabled()
    qtbot.mouseClick(tab.reply_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ReplyDialog)
    settle(qtbot)  # the order arrives from the database thread and fills the form
    click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Ok)
    assert dialog.errors.is_invalid("content")
    type_text(qtbot, dialog.content, "已更换电梯门机板，恢复运行")
    with qtbot.waitSignal(ctx.signals.orders_changed, timeout=5000):
        click_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: tab.ticket_model.rows[0].replies == 1)
    assert tab.ticket_model.data(tab.ticket_model.index(0, 7)) == "Resolved"


def test_an_unanswered_ticket_past_its_deadline_is_red_and_lowers_the_rate(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    configured.ticket(reply_due_at=now_utc() - timedelta(hours=2))
    tab = open_tab(qtbot, context(db, admin))
    sync_now(qtbot, tab)
    reply_due = tab.ticket_model.index(0, 3)
    assert tab.ticket_model.data(reply_due, Qt.ItemDataRole.ForegroundRole) == labels.BAD_COLOUR
    assert tab.values["rate"].text().startswith("0 % (0/1) · target 80 %")
    assert "color: #c62828" in tab.values["rate"].styleSheet()


# --- supervision ---------------------------------------------------------------------------


def test_a_supervision_notice_flags_its_order(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    ticket_id = configured.ticket()
    ctx = context(db, admin)
    tab = open_tab(qtbot, ctx)
    sync_now(qtbot, tab)  # the ticket arrives and is acknowledged
    deadline = now_utc() - timedelta(hours=1)
    notice_id = configured.store.add_supervision(
        configured.code,
        content="该工单已超期，请于今日内办结",
        deadline=deadline,
        ticket_id=ticket_id,
    )
    with qtbot.waitSignal(ctx.signals.orders_changed, timeout=20000):
        sync_now(qtbot, tab)
    assert tab.supervision_model.rowCount() == 1
    notice = tab.supervision_model.rows[0]
    assert notice.supervision_id == notice_id and notice.order_id is not None
    deadline_cell = tab.supervision_model.index(0, 4)
    assert (
        tab.supervision_model.data(deadline_cell, Qt.ItemDataRole.ForegroundRole)
        == labels.BAD_COLOUR
    ), "past its deadline and the order is still open"
    assert configured.store.supervisions(configured.code)[0]["acked"]

    tab.parts.setCurrentIndex(2)
    table = tab.supervision_table
    qtbot.waitUntil(lambda: table.viewport().height() > 0)  # laid out
    where = table.visualRect(deadline_cell).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(ctx.signals.open_order_requested) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [notice.order_id]

    # The order list marks it, red; the order shows the notice; the timeline names it.
    orders = WorkOrdersTab(ctx)
    qtbot.addWidget(orders)
    orders.show()
    settle(qtbot)
    row = orders.model.row_of(notice.order_id)
    assert row is not None
    column = next(i for i, c in enumerate(orders.model.columns) if c.key == "supervision")
    cell = orders.model.index(row, column)
    assert orders.model.data(cell) == "supervised"
    assert orders.model.data(cell, Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert "deadline" in orders.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    orders.open_order(notice.order_id)
    settle(qtbot)
    box = orders.detail_pane.regulator_box
    assert notice_id in box.supervision_label.text()
    assert "该工单已超期" in box.supervision_label.text()
    assert any(r[2] == "Supervision notice" for r in orders.detail_pane.timeline.rows())
    detail = core_orders.get_order(db, admin, notice.order_id)
    assert detail.row.supervision_due is not None


# --- refused events ------------------------------------------------------------------------


def _unbalanced_disclosure(db: Database) -> None:
    """A disclosure whose balances do not add up: the platform refuses it (400 unbalanced)."""
    body = {
        "project_code": "370202-001",
        "period": "2026Q3",
        "account": {"bank": "青岛银行", "account_no_masked": "6222********1234"},
        "opening_balance": "10000.00",
        "income": [{"category": "elevator_ads", "amount": "3000.00"}],
        "expense": [],
        "closing_balance": "99999.00",
        "entries": 1,
        "ledger_head_hash": "0" * 64,
        "published_at": outbox.rfc3339(now_utc()),
    }
    with db.transaction() as s:
        outbox.enqueue(
            s,
            stream="disclosure:QD001",
            kind="disclosure",
            path="/public-income/disclosures",
            body=body,
        )


def test_a_refused_event_is_listed_and_retry_puts_it_back(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    _unbalanced_disclosure(db)
    tab = open_tab(qtbot, context(db, admin))
    assert tab.failed_empty.isVisible() and not tab.failed_table.isVisible()
    sync_now(qtbot, tab)

    assert tab.failed_model.rowCount() == 1
    assert tab.parts.tabText(0) == "Failed (1)"
    assert tab.values["failed"].text() == "1"
    model = tab.failed_model
    assert model.data(model.index(0, 1)) == "Income disclosure"
    assert model.data(model.index(0, 2)) == "QD001"
    assert model.data(model.index(0, 3)) == "unbalanced"
    assert model.data(model.index(0, 4))
    assert "1 refused" in tab.run_label.text()
    assert not tab.retry_selected_button.isEnabled() and tab.retry_all_button.isEnabled()

    tab.parts.setCurrentIndex(0)
    tab.failed_table.selectRow(0)
    tab.refresh()
    settle(qtbot)
    assert tab.selected_failed_ids() == [model.rows[0].id], "the selection survives a refresh"
    assert tab.retry_selected_button.isEnabled()
    qtbot.mouseClick(tab.retry_selected_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    counts = queue.counts(db)
    assert (counts.failed, counts.pending) == (0, 1)
    assert tab.failed_model.rowCount() == 0 and tab.failed_empty.isVisible()
    assert tab.values["pending"].text() == "1"
    assert "1 event back in the queue" in tab.run_label.text()

    # Sent again as it is, refused again: it comes back to the list.
    sync_now(qtbot, tab)
    assert tab.failed_model.rowCount() == 1
    qtbot.mouseClick(tab.retry_all_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert queue.counts(db).failed == 0


def test_a_refused_event_is_dismissed_with_a_reason_and_stays_listed_greyed(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    _unbalanced_disclosure(db)
    finance = make_user(db, admin, Role.FINANCE, "cw")
    tab = open_tab(qtbot, context(db, finance))
    sync_now(qtbot, tab)
    assert tab.failed_model.rowCount() == 1
    assert tab.dismiss_button.isVisible() and not tab.dismiss_button.isEnabled()
    tab.parts.setCurrentIndex(0)
    tab.failed_table.selectRow(0)
    assert tab.dismiss_button.isEnabled(), "finance may dismiss its disclosures"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        line = dialog.findChild(QLineEdit)
        assert line is not None
        type_text(qtbot, line, "二季度已线下报送")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    qtbot.mouseClick(tab.dismiss_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert queue.counts(db).failed == 0
    assert tab.parts.tabText(0) == "Failed (0)"
    model = tab.failed_model
    assert model.rowCount() == 1, "a dismissed event stays listed, for the record"
    shown = model.data(model.index(0, 4))
    assert shown.startswith("Dismissed by cw on ") and "二季度已线下报送" in shown
    assert model.data(model.index(0, 4), Qt.ItemDataRole.ForegroundRole) == labels.IDLE_COLOUR
    tab.failed_table.selectRow(0)
    assert not tab.dismiss_button.isEnabled() and not tab.retry_selected_button.isEnabled()


def test_a_desk_may_not_dismiss(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    _unbalanced_disclosure(db)
    desk = make_user(db, admin, Role.DESK, "kf")
    tab = open_tab(qtbot, context(db, desk))
    assert tab.dismiss_button.isHidden()


# --- states and roles ----------------------------------------------------------------------


def test_wrong_credentials_show_red_with_the_reason(
    qtbot: QtBot, db: Database, admin: Actor, platform: Platform, community: directory.CommunityView
) -> None:
    configure(db, admin, platform, secret="z" * 40)
    tab = open_tab(qtbot, context(db, admin))
    sync_now(qtbot, tab)
    assert tab.state_label.text().endswith(labels.state_text("auth"))
    assert "color: #c62828" in tab.state_label.styleSheet()
    assert "bad_signature" in tab.message_label.text()


def test_an_unreachable_platform_is_amber(
    qtbot: QtBot, db: Database, admin: Actor, platform: Platform, community: directory.CommunityView
) -> None:
    configure(db, admin, platform)
    platform.server.stop()
    tab = open_tab(qtbot, context(db, admin))
    sync_now(qtbot, tab)
    assert tab.state_label.text().endswith(labels.state_text("offline"))
    assert labels.WARN_COLOUR.name() in tab.state_label.styleSheet()
    assert tab.values["last_attempt"].text() != "—"
    assert tab.values["last_success"].text() == "—"


def test_a_desk_user_sees_the_tab_without_the_settings(
    qtbot: QtBot, db: Database, admin: Actor, configured: Platform
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    tab = open_tab(qtbot, context(db, desk))
    assert not tab.settings_button.isVisible()
    assert tab.sync_button.isVisible() and tab.sync_button.isEnabled()
    assert not tab.retry_all_button.isHidden() and not tab.reply_button.isHidden()
    tab.open_settings()  # even forced, nothing opens for a desk user
    assert tab.dialog is None

    finance = make_user(db, admin, Role.FINANCE, "fin1")
    finance_tab = open_tab(qtbot, context(db, finance))
    assert not finance_tab.settings_button.isVisible()
    assert finance_tab.reply_button.isHidden(), "finance only reads work orders"
    assert not finance_tab.retry_all_button.isHidden(), "finance retries its disclosures"


def test_a_write_after_the_database_files_were_lost_is_refused_with_a_message(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    configured: Platform,
    shown_errors: list[WuyeError],
) -> None:
    """Another program deleted the WAL under the window (issue 11): the next action that
    writes stops with a message saying so, and nothing is written into the deleted file."""
    _unbalanced_disclosure(db)
    tab = open_tab(qtbot, context(db, admin))
    sync_now(qtbot, tab)
    tab.parts.setCurrentIndex(0)
    tab.failed_table.selectRow(0)
    assert db.sqlite_path is not None
    Path(f"{db.sqlite_path}-wal").unlink()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        line = dialog.findChild(QLineEdit)
        assert line is not None
        type_text(qtbot, line, "重复")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    qtbot.mouseClick(tab.dismiss_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [type(e) for e in shown_errors] == [DatabaseFileLost]
    assert "deleted or replaced the database's files" in str(shown_errors[0])
    shown_errors.clear()
