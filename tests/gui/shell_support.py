"""Helpers for the tests of the application shell (login, main window, administration)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.context import AppContext, AppSignals


def isolate_settings(folder: Path) -> None:
    """Keep QSettings (language, last user, geometry) of a test away from the real user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def reset_language() -> None:
    """Back to the untranslated English source texts, whatever a test installed."""
    if i18n.current_language() not in ("", "en"):
        i18n.install_language("en")


def context(db: Database, actor: Actor, display_name: str = "") -> AppContext:
    return AppContext(
        db=db, actor=actor, display_name=display_name or actor.username, signals=AppSignals()
    )


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person would: keys for ASCII, an input-method commit for Chinese text
    (QTest cannot synthesize keys outside Latin-1, and a real 拼音 IME commits like this)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
