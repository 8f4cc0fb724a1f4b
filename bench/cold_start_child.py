"""One start of the program, or of a floor, in a fresh process; prints its marks as JSON.

Run by bench_cold_start.py as one of

    python cold_start_child.py program DB USER PASSWORD
    python cold_start_child.py floor-login
    python cold_start_child.py floor-main PASSWORD_HASH PASSWORD

``program`` starts the program as ``wuye --db DB`` does (DB: a file or a PostgreSQL URL) and
notes when the login dialog first painted; once the database is open it types the password and
presses Enter as the user would, then notes when the main window painted and when its first
screen (the first tab, filled in from the database) was painted. ``floor-login`` is the least any Qt program shows a login with: import
PySide6 and paint a QDialog with two line edits. ``floor-main`` is the least a login to a table
window costs: verify the password against the user's Argon2id hash (kept at its parameters on
purpose), then paint a bare QMainWindow holding a QTableView of 50 rows. Marks are
``time.monotonic()`` (one clock for all processes on Linux), so the parent measures from just
before it started this process.
"""

from __future__ import annotations

import json
import os
import sys
import time

marks = {"interpreter": time.monotonic()}
# WUYE_BENCH_PROFILE=FILE: cProfile of this process's main (GUI) thread, written to FILE.
PROFILE = os.environ.get("WUYE_BENCH_PROFILE")
if PROFILE:
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()


def finish() -> None:
    if PROFILE:
        profiler.disable()
        profiler.dump_stats(PROFILE)
    print(json.dumps(marks), flush=True)
    os._exit(0)  # what follows is not part of starting


def floor_login() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "login_painted" not in marks:
                marks["login_painted"] = time.monotonic()
                QTimer.singleShot(0, finish)
            return False

    app = QApplication(sys.argv[:1])
    watcher = Painted()
    app.installEventFilter(watcher)
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLineEdit())
    layout.addWidget(QLineEdit())
    dialog.show()
    app.exec()


def floor_main(password_hash: str, password: str) -> None:
    from argon2 import PasswordHasher
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    kept: list[QMainWindow] = []

    def log_in() -> None:
        marks["enter"] = time.monotonic()
        assert PasswordHasher().verify(password_hash, password)
        model = QStandardItemModel(0, 8)
        for row in range(50):
            model.appendRow([QStandardItem(f"{row}-{column}") for column in range(8)])
        window = QMainWindow()
        table = QTableView()
        table.setModel(model)
        window.setCentralWidget(table)
        window.resize(1280, 800)
        window.show()
        kept.append(window)

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "first_screen" not in marks:
                marks["first_screen"] = time.monotonic()
                QTimer.singleShot(0, finish)
            return False

    watcher = Painted()
    app.installEventFilter(watcher)
    QTimer.singleShot(0, log_in)
    app.exec()


def program(db_path: str, username: str, password: str) -> None:
    # Only what the program imports anyway before its login dialog: the rest when used.
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    import wuye_desktop.ui.app as start_up
    from wuye_desktop import cli
    from wuye_desktop.ui import workers

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self._dialog: QWidget | None = None
            self._window: QWidget | None = None
            self._quiet_since = 0.0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            top = watched.window()
            kind = type(top).__name__
            if kind == "LoginDialog" and self._dialog is None:
                marks["login_painted"] = time.monotonic()
                self._dialog = top
                QTimer.singleShot(0, self._when_ready)
            elif kind == "MainWindow" and self._window is None:
                marks["main_painted"] = time.monotonic()
                self._window = top
                QTimer.singleShot(0, self._when_filled)
            return False

        def _when_ready(self) -> None:
            """Type the password once the database is open and start-up's work is done, as
            a person would a moment after the dialog appeared."""
            dialog = self._dialog
            assert dialog is not None
            now = time.monotonic()
            if not dialog.ready or workers.running_tasks():  # type: ignore[attr-defined]
                self._quiet_since = 0.0
            elif not self._quiet_since:
                self._quiet_since = now
            elif now - self._quiet_since > 0.2:
                from PySide6.QtTest import QTest

                dialog.username.setText(username)  # type: ignore[attr-defined]
                dialog.password.setText(password)  # type: ignore[attr-defined]
                marks["enter"] = time.monotonic()
                QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # type: ignore[attr-defined]
                return
            QTimer.singleShot(5, self._when_ready)

        def _when_filled(self) -> None:
            """The first screen is there once the database thread has answered what the
            window asked for; it is painted with it then."""
            if workers.running_tasks():
                QTimer.singleShot(1, self._when_filled)
                return
            assert self._window is not None
            self._window.repaint()
            marks["first_screen"] = time.monotonic()
            finish()

    create_application = start_up.create_application
    watcher = Watcher()

    def created(argv: list[str]) -> QApplication:
        app = create_application(argv)
        app.installEventFilter(watcher)  # before any window exists, so no paint is missed
        # A run that never gets there says how far it got, instead of hanging the benchmark.
        QTimer.singleShot(60_000, lambda: (print(marks, file=sys.stderr), os._exit(3)))
        return app

    start_up.create_application = created
    sys.exit(cli.main(["--db", db_path]))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "program":
        program(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "floor-login":
        floor_login()
    elif mode == "floor-main":
        floor_main(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown mode {mode}")
