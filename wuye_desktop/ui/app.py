"""Start-up: the application, the database (upgraded if older), first run or login, the window.

``run()`` is what the ``wuye`` command calls without a sub-command. The login dialog is shown
first, from Qt and light modules only: SQLAlchemy, the models and the main window's modules
are imported, and the database opened and upgraded, on another thread while it is on screen
(DESIGN.md §6: cold start to the login window within a second). ``create_application`` and
``open_main_window`` are the two halves the tests call without any dialog.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import wuye_desktop
from wuye_desktop.core.errors import StorageUnavailable, WuyeError
from wuye_desktop.core.roles import Actor
from wuye_desktop.ui import i18n, input_method, local_settings
from wuye_desktop.ui.background import ProgressRelay, wait_off_thread
from wuye_desktop.ui.garbage import GuiThreadCollector
from wuye_desktop.ui.messages import describe, show_error
from wuye_desktop.ui.widgets.header import app_icon

if TYPE_CHECKING:  # imported while the login dialog is on screen (see the module doc)
    from wuye_desktop.storage.db import Database
    from wuye_desktop.ui.login import LoginDialog
    from wuye_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with our names, icon and the language last chosen on this machine."""
    existing = QApplication.instance()
    if existing is None and input_method.adapt_environment(
        os.environ, input_method.qt_plugin_dirs()
    ):
        log.info("input method: fcitx asked for; Qt's ibus plugin through fcitx 5's IBus portal")
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(local_settings.ORGANIZATION)
    app.setApplicationName(local_settings.APPLICATION)
    app.setApplicationVersion(wuye_desktop.__version__)
    app.setDesktopFileName("wuye_desktop")
    app.setWindowIcon(app_icon())
    i18n.install_language(local_settings.read_str(local_settings.LANGUAGE_KEY))
    return app


def open_main_window(
    db: Database, actor: Actor, display_name: str, company_name: str | None = None
) -> MainWindow:
    """Show the main window for a logged-in user and return it."""
    from wuye_desktop.ui.context import AppContext, AppSignals
    from wuye_desktop.ui.main_window import MainWindow

    ctx = AppContext(db=db, actor=actor, display_name=display_name, signals=AppSignals())
    window = MainWindow(ctx, company_name=company_name)
    window.show()
    return window


def open_database(
    db_url: str | None, counted: Callable[[int, int], None] | None = None
) -> tuple[Database, Path | None] | None:
    """Open the database and upgrade its schema; on failure ask Retry or Quit (None).

    Returns the database and the copy made of an SQLite file before upgrading it, if any.
    Importing SQLAlchemy, opening and upgrading run on another thread: the window on screen
    (the login dialog) stays responsive meanwhile. After an upgrade the overview's figures of
    what it noted are counted too (:func:`_upgrade`), *counted* told (done, total).
    """
    wait_off_thread(_import_storage)
    from sqlalchemy.exc import SQLAlchemyError

    from wuye_desktop.storage.db import Database, is_environment_error

    relay = ProgressRelay(counted) if counted is not None else None
    while True:
        db: Database | None = None
        try:
            db = wait_off_thread(lambda: Database(db_url))
            return db, wait_off_thread(partial(_upgrade, db, relay))
        except WuyeError as error:  # unavailable (retry), or not a database at all
            message = describe(error)
        except SQLAlchemyError as error:
            log.exception("cannot open or upgrade the database")
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            if is_environment_error(error):
                message = QCoreApplication.translate(
                    "app", "The database cannot be reached ({reason})."
                ).format(reason=reason)
            else:
                message = QCoreApplication.translate(
                    "app", "The database could not be upgraded ({reason})."
                ).format(reason=reason)
        if db is not None:
            where = db.describe()
            db.dispose()
        else:
            where = _without_password(db_url)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("app", "Database unavailable"),
            message,
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close,
        )
        if where:
            box.setInformativeText(
                QCoreApplication.translate("app", "Database: {db}").format(db=where)
            )
        box.button(QMessageBox.StandardButton.Close).setText(
            QCoreApplication.translate("app", "Quit")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        if box.exec() != QMessageBox.StandardButton.Retry:
            return None


def _upgrade(db: Database, counted: Callable[[int, int], None] | None) -> Path | None:
    """The schema upgraded (run off the GUI thread); if it was older, the overview's
    precomputed figures then count what the upgrade noted (every order, the first time), so
    that the first overview is exact at once rather than after many refreshes. A database
    busy meanwhile (another desk saving) leaves the rest to the overview, counted as it is
    used."""
    from wuye_desktop.storage import migrate

    before = migrate.current_revision(db)
    copy = migrate.upgrade(db)
    if before is None or before == migrate.newest_revision_file():
        return copy  # created, or already up to date: nothing noted by an upgrade
    from wuye_desktop.core.overview import summary

    try:
        summary.refresh_database(db, counted)
    except StorageUnavailable:
        log.warning("overview figures not all counted after the upgrade", exc_info=True)
    return copy


def _import_storage() -> None:
    """SQLAlchemy, the models and the migrations: most of a second of imports, made on another
    thread so that the login dialog already on screen keeps answering the keyboard."""
    import wuye_desktop.storage.db
    import wuye_desktop.storage.migrate  # noqa: F401


def _without_password(db_url: str | None) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not db_url or "://" not in db_url:
        return db_url or ""
    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        return ""


class Shell(QObject):
    """Who is logged in, and the window they work in; handles switching user and quitting."""

    def __init__(self, app: QApplication, db: Database, backup: Path | None = None) -> None:
        super().__init__()
        self._app = app
        self._db = db
        self._backup = backup
        self._company_name: str | None = None
        self.window: MainWindow | None = None

    def start(self, login: LoginDialog | None = None) -> bool:
        """First run or login (on *login* if it is already shown), then the window; False if
        the user gave up."""
        try:
            first, self._company_name = wait_off_thread(self._first_screen)
        except WuyeError as error:
            if login is not None:
                login.close()
            show_error(None, error)
            return False
        if not first:
            return self.log_in(login)
        if login is not None:
            login.close()
        from wuye_desktop.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self._db)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self._remember_language(dialog.actor)
        self._open(dialog.actor, dialog.display_name)
        return True

    def _first_screen(self) -> tuple[bool, str]:
        """Whether the first run is due, and the company's name (run off the GUI thread)."""
        from wuye_desktop.core import directory, users
        from wuye_desktop.ui import main_window

        # The main window's modules too, while the user types the password: after the login
        # the window opens without waiting on imports. The order list's search imports the
        # portal's modules on its first call (they import core.orders): here, not then.
        main_window.import_first_tabs()
        import wuye_desktop.core.portal.config
        import wuye_desktop.core.portal.keys  # noqa: F401

        company = directory.get_company(self._db)
        return users.needs_first_run(self._db), company.name if company else ""

    def log_in(self, dialog: LoginDialog | None = None) -> bool:
        from wuye_desktop.ui.login import LoginDialog

        if dialog is None:
            dialog = LoginDialog()
        dialog.set_database(self._db, self._company_name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        actor, user = dialog.actor, dialog.user
        assert actor is not None and user is not None
        if dialog.language_chosen:
            # Chosen on the login dialog just now: that becomes the user's own language.
            self._remember_language(actor)
        else:
            language = i18n.install_language(user.language)
            local_settings.write(local_settings.LANGUAGE_KEY, language)
        self._open(actor, user.display_name)
        return True

    def _remember_language(self, actor: Actor) -> None:
        from wuye_desktop.core import users

        try:
            users.set_language(self._db, actor, i18n.current_language())
        except WuyeError:
            log.warning("could not store the language of %s", actor.username, exc_info=True)

    def _open(self, actor: Actor, display_name: str) -> None:
        self.window = open_main_window(self._db, actor, display_name, self._company_name)
        self.window.logout_requested.connect(self.switch_user)
        self.window.closed.connect(self._window_closed)
        if self._backup is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "app", "The database was upgraded; a copy of it from before is at {path}"
                ).format(path=self._backup),
                30_000,
            )
            self._backup = None

    def switch_user(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.close()  # saves its geometry; _window_closed sees self.window is None
            window.deleteLater()
        if not self.log_in():
            self._app.quit()

    def _window_closed(self) -> None:
        if self.window is not None:  # closed by the user, not replaced by switch_user
            self._app.quit()


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error in a slot: log it and say so, rather than die silently."""
    log.error("unexpected error", exc_info=(kind, value, tb))
    text = "".join(traceback.format_exception_only(kind, value)).strip()
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Unexpected error"),
            QCoreApplication.translate(
                "app", "Something went wrong inside the program. Details were written to the log."
            )
            + "\n\n"
            + text,
        )


def run(db_url: str | None) -> int:
    """The whole program; returns the process exit code."""
    app = create_application(sys.argv)
    app.setQuitOnLastWindowClosed(False)  # switching user closes the window; we quit ourselves
    sys.excepthook = _excepthook
    GuiThreadCollector(app)  # Qt objects in garbage are destroyed on the GUI thread only
    from wuye_desktop.ui.login import LoginDialog

    # On screen first: the user types while the database opens (see the module doc).
    login = LoginDialog()
    login.show()
    opened = open_database(db_url, login.show_counting)
    if opened is None:
        return 1
    db, backup = opened
    shell = Shell(app, db, backup)
    try:
        if not shell.start(login):
            return 0
        return app.exec()
    finally:
        db.dispose()
