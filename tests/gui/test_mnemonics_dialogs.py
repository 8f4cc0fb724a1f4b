"""Every dialog the program opens, walked for its underlined letters (see test_mnemonics): each
works and none is claimed twice, in Chinese (备注(N)) and in English (&Note)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.mnemonic_support import problems
from tests.gui.shell_support import (
    context,
    isolate_settings,
    new_order,
    reset_language,
    settle,
    version,
)
from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.closeout import items as closeout_items
from wuye_desktop.core.closeout.records import ItemInput
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.context import AppContext

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")

LANGUAGES = ["zh_CN", "en"]


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    i18n.install_language(request.param)
    return str(request.param)


def walk(qtbot: QtBot, dialog: QDialog, where: str, found: dict[str, list[str]]) -> None:
    """Show *dialog* with its lists filled in and note its problems (a dialog with tabs: with
    each tab showing)."""
    if dialog.parent() is None:
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    tabs = dialog.findChild(QTabWidget)
    if tabs is None:
        found[where] = problems(dialog)
    else:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(qtbot)
            found[f"{where} / {tabs.tabText(index)}"] = problems(dialog)
    dialog.close()
    settle(qtbot)


def assert_none(found: dict[str, list[str]]) -> None:
    assert found, "nothing was walked"
    report = "\n".join(f"{where}: {line}" for where, lines in found.items() for line in lines)
    assert not report, "\n" + report


def test_order_dialogs(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    home: int,
    language: str,
) -> None:
    from wuye_desktop.ui.regulator.reply_dialog import ReplyDialog
    from wuye_desktop.ui.work_orders import action_dialogs as moves
    from wuye_desktop.ui.work_orders.callback_dialog import CallbackDialog

    new = new_order(db, admin, community, home)
    dispatched = new_order(db, admin, community, None)
    orders.dispatch(
        db, admin, dispatched, version(db, admin, dispatched), channel="property", handler="王"
    )
    ctx = context(db, admin)
    factories: dict[str, tuple[Callable[[AppContext, int, QWidget | None], QDialog], int]] = {
        "dispatch": (moves.DispatchDialog, new),
        "transfer": (moves.DispatchDialog, dispatched),
        "start": (moves.StartWorkDialog, dispatched),
        "commitment": (moves.CommitmentDialog, dispatched),
        "complete": (moves.complete_dialog, dispatched),
        "callback": (CallbackDialog, dispatched),
        "close": (moves.close_dialog, dispatched),
        "cancel": (moves.cancel_dialog, new),
        "pause": (moves.pause_dialog, dispatched),
        "note": (moves.note_dialog, new),
        "reply": (ReplyDialog, new),
    }
    found: dict[str, list[str]] = {}
    # Parented, as the work-order tab opens them: an unparented dialog collected by Python's
    # garbage collector while the database thread still read its order crashed the process.
    host = QWidget()
    qtbot.addWidget(host)
    for where, (factory, order_id) in factories.items():
        walk(qtbot, factory(ctx, order_id, host), where, found)
    assert_none(found)


def test_intake_settings_deadlines_weekly_and_regulator(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, language: str
) -> None:
    from wuye_desktop.ui.deadlines import DeadlineSettingsDialog
    from wuye_desktop.ui.intake import IntakeDialog
    from wuye_desktop.ui.regulator.settings_dialog import RegulatorSettingsDialog
    from wuye_desktop.ui.settings_dialog import SettingsDialog
    from wuye_desktop.ui.work_orders.weekly import WeeklyDialog

    ctx = context(db, admin)
    found: dict[str, list[str]] = {}
    walk(qtbot, IntakeDialog(ctx), "intake", found)
    walk(qtbot, SettingsDialog(ctx), "settings", found)
    walk(qtbot, DeadlineSettingsDialog(ctx), "deadlines", found)
    walk(qtbot, WeeklyDialog(ctx), "weekly", found)
    walk(qtbot, RegulatorSettingsDialog(ctx), "regulator settings", found)
    assert_none(found)


def test_administration_and_its_user_dialogs(
    qtbot: QtBot, db: Database, admin: Actor, language: str
) -> None:
    from wuye_desktop.ui.admin.dialog import AdministrationDialog
    from wuye_desktop.ui.admin.users_page import ResetPasswordDialog, UserDialog

    make_user(db, admin, Role.DESK, "desk1")
    row = next(u for u in users.list_users(db, admin) if u.username == "desk1")
    ctx = context(db, admin)
    found: dict[str, list[str]] = {}
    walk(qtbot, AdministrationDialog(ctx), "administration", found)
    walk(qtbot, UserDialog(ctx), "new user", found)
    walk(qtbot, UserDialog(ctx, row), "edit user", found)
    walk(qtbot, ResetPasswordDialog(ctx, row), "password", found)
    assert_none(found)


def test_closeout_roster_and_shell_dialogs(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    home: int,
    language: str,
) -> None:
    from wuye_desktop.ui.closeout.dialog import CloseoutDialog
    from wuye_desktop.ui.closeout.item_dialogs import AddItemDialog, CloseItemDialog
    from wuye_desktop.ui.directory.import_dialog import ImportDialog
    from wuye_desktop.ui.first_run import FirstRunDialog
    from wuye_desktop.ui.login import LoginDialog

    item = closeout_items.add_item(db, admin, home, ItemInput(item="墙面开裂"))
    ctx = context(db, admin)
    found: dict[str, list[str]] = {}
    walk(qtbot, CloseoutDialog(ctx, home), "close-out", found)
    walk(qtbot, AddItemDialog(ctx, home), "close-out item", found)
    walk(qtbot, CloseItemDialog(ctx, item), "close an item", found)
    walk(qtbot, ImportDialog(ctx, community.code), "roster import", found)
    walk(qtbot, LoginDialog(db), "login", found)
    walk(qtbot, FirstRunDialog(db), "first run", found)
    assert_none(found)


def test_ledger_dialogs(qtbot: QtBot, db: Database, admin: Actor, language: str) -> None:
    from wuye_desktop.ui.ledger.account_dialogs import CategoriesDialog, OpenAccountDialog
    from wuye_desktop.ui.ledger.dialogs import (
        CloseMonthDialog,
        EntryDialog,
        ReverseDialog,
        TotalsDialog,
    )
    from wuye_desktop.ui.ledger.disclosure_dialog import DisclosureDialog
    from wuye_desktop.ui.ledger.import_dialog import StatementImportDialog

    host = QWidget()  # the ledger tab's place: its dialogs have a parent
    qtbot.addWidget(host)

    place = directory.create_community(
        db, admin, directory.CommunityInput(code="QD009", name="海尔云谷", project_code="1")
    )
    fin = make_user(db, admin, Role.FINANCE, "caiwu")
    services.open_account(
        db, fin, "QD009", AccountInput("工商银行", "6222020202021234", "10.00", date(2026, 1, 1))
    )
    entry = EntryInput(date(2026, 3, 5), "income", "elevator_ads", "3.00", "V1", "分众", "")
    services.post_entry(db, fin, "QD009", entry)
    posted = queries.register_page(db, fin, "QD009")[0][0]
    categories = services.list_categories(db, fin, "QD009")
    ctx = context(db, fin)
    cid = place.id
    found: dict[str, list[str]] = {}
    walk(qtbot, OpenAccountDialog(ctx, cid, "海尔云谷", host), "open account", found)
    walk(qtbot, CategoriesDialog(ctx, cid, host), "categories", found)
    walk(qtbot, EntryDialog(ctx, cid, categories, host), "entry", found)
    walk(qtbot, ReverseDialog(ctx, cid, posted, host), "reversal", found)
    walk(qtbot, CloseMonthDialog(ctx, cid, True, host), "close a month", found)
    walk(qtbot, TotalsDialog(ctx, cid, {}, host), "totals", found)
    walk(qtbot, StatementImportDialog(ctx, cid, host), "statement import", found)
    walk(qtbot, DisclosureDialog(ctx, cid, "QD009", host), "disclosure", found)
    assert_none(found)
