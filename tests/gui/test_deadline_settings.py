"""The deadline settings dialog: tiers, per-category overrides, working time, options."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.shell_support import context, settle, type_text
from wuye_desktop.core import directory, orders, settings
from wuye_desktop.core.deadlines import ClockMode
from wuye_desktop.core.errors import PermissionDenied, WuyeError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.deadlines import DeadlineSettingsDialog
from wuye_desktop.ui.deadlines.rule_row import RuleRow
from wuye_desktop.ui.intake import IntakeDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[WuyeError]]:
    """Message boxes would block a test: record them, and fail on any nobody expected."""
    shown: list[WuyeError] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, error: shown.append(error))
    yield shown


@pytest.fixture(autouse=True)
def no_unexpected_errors(shown_errors: list[WuyeError]) -> Iterator[None]:
    yield
    assert all(isinstance(e, PermissionDenied) for e in shown_errors), shown_errors


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()


def open_dialog(qtbot: QtBot, db: Database, actor: Actor) -> DeadlineSettingsDialog:
    dialog = DeadlineSettingsDialog(context(db, actor))
    show(qtbot, dialog)
    return dialog


def key(
    qtbot: QtBot, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k, modifiers)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, widget, text)


def save(qtbot: QtBot) -> None:
    key(qtbot, Qt.Key.Key_Return, CTRL)


def override(dialog: DeadlineSettingsDialog, tier: str, category: str) -> RuleRow:
    return next(r for r in dialog.override_rows if r.key() == (tier, category))


def test_the_stored_rules_are_shown(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db, admin)
    immediate = dialog.tier_rows["immediate"]
    assert (immediate.response.hours.value(), immediate.response.minutes.value()) == (0, 30)
    assert immediate.completion.hours.value() == 24
    assert dialog.tier_rows["promised"].completion.hours.value() == 30 * 24
    lift = override(dialog, "time_limited", "elevator")
    assert lift.tier.currentText() == "Fix within a deadline"
    assert lift.category.currentText() == "Elevator"
    assert lift.rule().completion == timedelta(hours=24)
    assert (dialog.day_start.time().toString("HH:mm"), dialog.day_end.time().toString("HH:mm")) == (
        "08:30",
        "17:30",
    )
    assert (dialog.promised_max_days.value(), dialog.callback_days.value()) == (30, 3)
    assert dialog.due_soon.value() == 240


def test_changing_the_elevator_override_changes_the_deadline_intake_shows(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    lift = override(dialog, "time_limited", "elevator")
    retype(qtbot, lift.completion.hours, "12")
    key(qtbot, Qt.Key.Key_Tab)
    save(qtbot)
    assert dialog.saved and not dialog.isVisible()
    stored = settings.deadline_rules(db).overrides[("time_limited", "elevator")]
    assert stored.completion == timedelta(hours=12)

    intake = IntakeDialog(context(db, admin))
    qtbot.addWidget(intake, before_close_func=lambda w: setattr(w, "_closing", True))
    show(qtbot, intake)
    retype(qtbot, intake.category, "elevator")
    key(qtbot, Qt.Key.Key_Tab)
    settle(qtbot)  # the preview comes from the database thread
    assert intake.tier.code() == "time_limited"
    assert intake.preview is not None and intake.preview.completion_due is not None
    assert intake.preview.completion_due - intake.preview_at == timedelta(hours=12)
    # Other categories keep the tier's own 72 h.
    retype(qtbot, intake.category, "leak")
    key(qtbot, Qt.Key.Key_Tab)
    settle(qtbot)
    assert intake.preview.completion_due - intake.preview_at == timedelta(hours=72)


def test_overrides_are_added_and_removed_with_the_keyboard(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    dialog.add_override_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    row = dialog.override_rows[-1]
    assert row.tier.hasFocus()
    key(qtbot, Qt.Key.Key_Home)  # the first tier: fix at once
    key(qtbot, Qt.Key.Key_Tab)
    assert row.category.hasFocus()
    while row.category.currentData() != "fire_safety":
        key(qtbot, Qt.Key.Key_Down)
    retype(qtbot, row.response.hours, "0")
    retype(qtbot, row.response.minutes, "10")
    retype(qtbot, row.completion.hours, "4")
    override(dialog, "time_limited", "elevator").remove.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    save(qtbot)
    assert dialog.saved
    rules = settings.deadline_rules(db)
    assert set(rules.overrides) == {("immediate", "fire_safety")}
    fire = rules.overrides[("immediate", "fire_safety")]
    assert (fire.response, fire.completion) == (timedelta(minutes=10), timedelta(hours=4))


def test_refusals_are_shown_at_the_rule_or_field_and_nothing_is_saved(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    before = settings.rules_to_json(settings.deadline_rules(db))
    dialog = open_dialog(qtbot, db, admin)
    immediate = dialog.tier_rows["immediate"]
    retype(qtbot, immediate.response.minutes, "0")
    lift = override(dialog, "time_limited", "elevator")
    retype(qtbot, lift.response.hours, "30")  # after its 24 h completion
    retype(qtbot, dialog.promised_max_days, "400")
    save(qtbot)
    assert dialog.isVisible() and not dialog.saved
    assert immediate.error_text() == "Must be more than zero"
    assert lift.error_text() == "The response cannot come after completion"
    assert dialog.errors.error_text("promised_max_days") == "Between 1 and 365 days"
    assert dialog.tier_rows["time_limited"].error_text() == ""
    assert settings.rules_to_json(settings.deadline_rules(db)) == before

    # The same tier and category twice is pointed out before the core is asked.
    retype(qtbot, immediate.response.minutes, "30")
    retype(qtbot, lift.response.hours, "2")
    retype(qtbot, dialog.promised_max_days, "30")
    second = dialog.add_override("time_limited", "elevator")
    save(qtbot)
    assert second.error_text() == "This tier and category is listed twice"
    assert immediate.error_text() == "" and not dialog.saved


def test_working_time_with_holidays_and_make_up_days(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = open_dialog(qtbot, db, admin)
    limited = dialog.tier_rows["time_limited"]
    limited.mode.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert limited.mode.currentData() == "working"
    dialog.day_start.setTime(dialog.day_start.time().fromString("09:00", "HH:mm"))
    dialog.day_end.setTime(dialog.day_end.time().fromString("17:00", "HH:mm"))
    for edit, day in (
        (dialog.holidays, date(2026, 10, 1)),
        (dialog.holidays, date(2026, 10, 2)),
        (dialog.makeup_days, date(2026, 9, 27)),
    ):
        edit.picker.setFocus()
        edit.picker.setDate(QDate(day.year, day.month, day.day))
        key(qtbot, Qt.Key.Key_Return)
    # A date added by mistake goes again with Delete.
    dialog.holidays.picker.setDate(QDate(2026, 10, 9))
    dialog.holidays.picker.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    dialog.holidays.list.setFocus()
    key(qtbot, Qt.Key.Key_Delete)
    save(qtbot)
    assert dialog.saved
    rules = settings.deadline_rules(db)
    assert rules.tiers["time_limited"].mode is ClockMode.WORKING
    assert (rules.calendar.day_start, rules.calendar.day_end) == (time(9), time(17))
    assert rules.calendar.holidays == {date(2026, 10, 1), date(2026, 10, 2)}
    assert rules.calendar.makeup_workdays == {date(2026, 9, 27)}


def test_working_hours_must_end_after_they_start(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db, admin)
    dialog.day_end.setTime(dialog.day_end.time().fromString("08:00", "HH:mm"))
    save(qtbot)
    assert not dialog.saved
    assert dialog.errors.error_text("working_hours") == "The working day must end after it starts"


def test_callback_days_and_due_soon_are_saved(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = open_dialog(qtbot, db, admin)
    retype(qtbot, dialog.callback_days, "5")
    retype(qtbot, dialog.due_soon, "120")
    save(qtbot)
    assert dialog.saved
    assert orders.work_order_options(db) == orders.WorkOrderOptions(5, 120)


def test_only_administrators_change_the_deadlines(
    qtbot: QtBot, db: Database, admin: Actor, shown_errors: list[WuyeError]
) -> None:
    manager = make_user(db, admin, Role.MANAGER, "mgr1")
    dialog = open_dialog(qtbot, db, manager)
    assert not dialog.save_button.isVisible() and dialog.notice.isVisible()
    assert not dialog.tier_rows["immediate"].isEnabled()
    # Even if the form were changed and saved, the core says no.
    dialog.tier_rows["immediate"].completion.hours.setValue(48)
    dialog.save()
    assert [type(e) for e in shown_errors] == [PermissionDenied]
    assert settings.deadline_rules(db).tiers["immediate"].completion == timedelta(hours=24)
