"""Holidays without typing: an administrator fills a year from the State Council's notice with
one button, edits what was filled and saves it; a missing year is warned of in the deadline
settings and, once, in the main window of an administrator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.shell_support import context, isolate_settings, reset_language, settle
from tests.gui.test_deadline_settings import key, open_dialog, retype, save
from tests.gui.test_deadline_settings import no_unexpected_errors as no_unexpected_errors
from tests.gui.test_deadline_settings import shown_errors as shown_errors
from wuye_desktop.core import holidays, settings
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import main_window
from wuye_desktop.ui.deadlines import dialog as deadlines_dialog
from wuye_desktop.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
NATIONAL_DAY = {date(2026, 10, 1) + timedelta(days=i) for i in range(7)}


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def _today(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    for module in (deadlines_dialog, main_window):
        monkeypatch.setattr(module, "today_local", lambda: day)


def test_2026_is_filled_from_the_notice_edited_and_saved(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, date(2026, 3, 2))
    dialog = open_dialog(qtbot, db, admin)
    assert dialog.calendar_warning.isVisible() and "2026" in dialog.calendar_warning.text()
    retype(qtbot, dialog.import_year, "2026")
    assert dialog.import_button.text() == "&Import 2026 from the State Council notice"
    key(qtbot, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: bool(dialog.holidays.dates()), timeout=1000)  # Qt animates the click
    assert dialog.holidays.dates() >= NATIONAL_DAY
    official = holidays.official_year(2026)
    assert dialog.makeup_days.dates() == official.makeup_workdays
    assert {date(2026, 9, 20), date(2026, 10, 10)} <= dialog.makeup_days.dates()
    assert not dialog.calendar_warning.isVisible()
    assert "filled in" in dialog.import_status.text()
    # The company gives 10-08 off too and keeps 10-10 a holiday: edits like typed dates.
    dialog.holidays.picker.setFocus()
    dialog.holidays.picker.setDate(
        dialog.holidays.picker.date().fromString("2026-10-08", "yyyy-MM-dd")
    )
    key(qtbot, Qt.Key.Key_Return)
    dialog.makeup_days.list.setFocus()
    row = sorted(d.isoformat() for d in dialog.makeup_days.dates()).index("2026-10-10")
    dialog.makeup_days.list.setCurrentRow(row)
    key(qtbot, Qt.Key.Key_Delete)
    save(qtbot)
    assert dialog.saved
    stored = settings.deadline_rules(db).calendar
    assert stored.holidays == official.holidays | {date(2026, 10, 8)}
    assert stored.makeup_workdays == official.makeup_workdays - {date(2026, 10, 10)}
    # Opened again, the edits are what is shown; nothing is filled over them.
    again = open_dialog(qtbot, db, admin)
    assert again.holidays.dates() == stored.holidays
    assert again.makeup_days.dates() == stored.makeup_workdays
    assert not again.calendar_warning.isVisible()


def test_next_year_missing_in_december_is_warned_and_a_year_not_announced_is_said_so(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = settings.deadline_rules(db)
    filled = holidays.with_official_year(rules.calendar, holidays.official_year(2026))
    from dataclasses import replace

    settings.save_rules(db, admin, replace(rules, calendar=filled))
    _today(monkeypatch, date(2026, 11, 30))
    assert not open_dialog(qtbot, db, admin).calendar_warning.isVisible()
    _today(monkeypatch, date(2026, 12, 1))
    dialog = open_dialog(qtbot, db, admin)
    assert dialog.calendar_warning.isVisible() and "2027" in dialog.calendar_warning.text()
    assert dialog.import_year.value() == 2027
    last = holidays.known_years().stop - 1
    retype(qtbot, dialog.import_year, str(last + 1))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert f"{last + 1} are not in this version" in dialog.import_status.text()
    assert dialog.holidays.dates() == filled.holidays  # nothing changed


def test_an_administrator_is_warned_at_login_and_the_desk_is_not(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, date(2026, 12, 3))
    rules = settings.deadline_rules(db)
    from dataclasses import replace

    filled = holidays.with_official_year(rules.calendar, holidays.official_year(2026))
    settings.save_rules(db, admin, replace(rules, calendar=filled))
    window = MainWindow(context(db, admin))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    assert window.calendar_warning.isVisible()
    assert "2027" in window.calendar_warning.text()
    desk = make_user(db, admin, Role.DESK, "desk2")
    desk_window = MainWindow(context(db, desk))
    qtbot.addWidget(desk_window)
    desk_window.show()
    settle(qtbot)
    assert not desk_window.calendar_warning.isVisible()
