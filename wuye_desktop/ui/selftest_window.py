"""The selftest's window step (see :mod:`wuye_desktop.selftest`): the main window, offscreen.

Start-up as the program does it — the application with its icon and translations, a login,
the main window — then a grab of the painted window, which must not be one flat colour. The
window is hidden rather than closed, so the user's remembered geometry is left alone.
"""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from wuye_desktop.core import users
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n, workers
from wuye_desktop.ui.app import create_application, open_main_window
from wuye_desktop.ui.widgets.header import app_icon

log = logging.getLogger(__name__)

# Background loads (counts, statistics) normally end in well under a second.
_SETTLE_S = 20.0
_SAMPLES = 24  # per side of the grid of pixels compared with the first one


class WindowCheckFailed(Exception):
    """The window opened but is not what it should be."""


class _ModalWatch(QObject):
    """Closes any modal dialog (an error box from a tab that failed to load...) and notes its
    text: nobody is there to answer it, and the selftest must fail rather than wait forever."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._close_modal)
        self._timer.start()

    def _close_modal(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
        self.seen.append(" ".join(text.split()))
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def stop(self) -> None:
        self._timer.stop()


def show_main_window(db: Database, username: str, password: str) -> str:
    """Open, paint and grab the main window for *username*; what was seen, or an exception."""
    app = create_application(sys.argv[:1])
    # The offscreen platform warns about what it cannot do (size hints...): to the log, not
    # between the selftest's lines.
    previous = qInstallMessageHandler(_to_log)
    try:
        return _check_window(app, db, username, password)
    finally:
        qInstallMessageHandler(previous)


def _to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = logging.DEBUG if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) else logging.INFO
    log.log(level, "Qt: %s", message)


def _check_window(app: QApplication, db: Database, username: str, password: str) -> str:
    if app_icon().pixmap(48, 48).isNull():
        raise WindowCheckFailed("the program's icon is missing (resources/icons)")
    _check_translations()
    actor, user = users.login(db, username, password)
    watch = _ModalWatch()
    window = open_main_window(db, actor, user.display_name)
    try:
        _process_events(app, 0.3)
        image = window.grab().toImage()
        if image.isNull() or image.width() < 200 or image.height() < 150:
            raise WindowCheckFailed(
                f"the grabbed window is empty ({image.width()}x{image.height()})"
            )
        if _one_colour(image):
            raise WindowCheckFailed("the grabbed window is one flat colour: nothing was painted")
        tabs = window.tabs.count()
        if tabs == 0:
            raise WindowCheckFailed(f"no tabs for {username}")
        if not _background_ended(app):
            raise WindowCheckFailed(f"background loading did not end within {_SETTLE_S:.0f} s")
        if watch.seen:
            raise WindowCheckFailed(f"the window showed a message: {watch.seen[0]}")
        return f"{image.width()}x{image.height()} painted, {tabs} tabs for {username}"
    finally:
        _background_ended(app)  # after a failure too: the database is closed next
        watch.stop()
        watch.deleteLater()
        window.hide()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _check_translations() -> None:
    """The Chinese translation is the default: ours and Qt's must load from the installed files."""
    before = i18n.current_language()
    i18n.install_language("zh_CN")
    try:
        shown = QCoreApplication.translate("tabs", "Work orders")
        if shown == "Work orders":
            raise WindowCheckFailed("the Chinese translation did not load (resources/translations)")
        # Qt's own dialogs (file, print, message boxes) come from Qt's catalogue, shipped apart.
        # Held in variables: lupdate must not copy this text into our own catalogue.
        qt_context, qt_text = "QFileDialog", "Look in:"
        if QCoreApplication.translate(qt_context, qt_text) == qt_text:
            raise WindowCheckFailed("Qt's Chinese translation did not load (qtbase_zh_CN.qm)")
    finally:
        if before and before != "zh_CN":
            i18n.install_language(before)


def _one_colour(image: QImage) -> bool:
    first = image.pixel(0, 0)
    return all(
        image.pixel(x * (image.width() - 1) // _SAMPLES, y * (image.height() - 1) // _SAMPLES)
        == first
        for x in range(_SAMPLES + 1)
        for y in range(_SAMPLES + 1)
    )


def _process_events(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _background_ended(app: QApplication) -> bool:
    """The tabs load in worker threads: they must end before the database is closed."""
    end = time.monotonic() + _SETTLE_S
    while workers.running_tasks():
        if time.monotonic() > end:
            return False
        _process_events(app, 0.05)
    return True
