"""Helpers for the GUI tests: the application shell (login, main window, administration),
typing like a person, and work orders made through the core."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n, workers
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


def settle(qtbot: QtBot, timeout: int = 5000) -> None:
    """Let the database thread answer what the views asked (lists fill in when it does)."""
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=timeout)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person would: keys for ASCII, an input-method commit for Chinese text
    (QTest cannot synthesize keys outside Latin-1, and a real 拼音 IME commits like this)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(
    qtbot: QtBot, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key where the keyboard focus is, as a person at the desk does."""
    qtbot.keyClick(focused(), k, modifiers)


def new_order(
    db: Database,
    actor: Actor,
    community: directory.CommunityView,
    household_id: int | None,
    description: str = "卫生间天花板渗水",
    *,
    tier: str = "time_limited",
    category: str = "water_leak",
    reported_ago: timedelta | None = None,
) -> int:
    """An order taken by phone from 张三, for the household or else at the east gate."""
    return orders.create_order(
        db,
        actor,
        orders.OrderInput(
            community_id=community.id,
            household_id=household_id,
            location="" if household_id else "东门岗亭",
            category=category,
            channel="property",
            source="phone",
            tier=tier,
            description=description,
            caller_name="张三",
            caller_phone="13812345678",
            reported_at=now_utc() - reported_ago if reported_ago else None,
        ),
    )


def version(db: Database, actor: Actor, order_id: int) -> int:
    return orders.get_order(db, actor, order_id).version
