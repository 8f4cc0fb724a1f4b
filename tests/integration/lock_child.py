"""A program process for the lock tests: it obeys one command per line on stdin.

``commit N``   one write transaction that inserts N into the table ``probe``
``dialog``     Qt's own (non-native) file dialog on the database's folder, until it has listed it
``peek``       open and close each of the database's files, as any library peeking at a file may
``locks``      print how many record locks are held on the database file and its -shm file

Each command answers one line: ``ok ...`` or ``error <class>: <message>``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.storage import sqlite_locks
from wuye_desktop.storage.db import Database


def show_dialog(folder: Path) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    app = QApplication.instance() or QApplication([])
    dialog = QFileDialog(None, "Save", str(folder), "All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    # The dialog lists the folder and guesses each file's type in a thread of its own; give it
    # time to do so, as a person looking at the list would.
    loop = QEventLoop()
    QTimer.singleShot(1500, loop.quit)
    loop.exec()
    dialog.reject()
    dialog.deleteLater()
    app.processEvents()


def main() -> None:
    path = Path(sys.argv[1])
    db = Database(str(path))
    with db.transaction() as s:
        s.execute(text("CREATE TABLE IF NOT EXISTS probe (n INTEGER PRIMARY KEY)"))
    print("ok ready", flush=True)
    for line in sys.stdin:
        word, _, arg = line.strip().partition(" ")
        try:
            if word == "commit":
                with db.transaction() as s:
                    s.execute(text("INSERT INTO probe (n) VALUES (:n)"), {"n": int(arg)})
                print(f"ok committed {arg}", flush=True)
            elif word == "dialog":
                show_dialog(path.parent)
                print("ok dialog", flush=True)
            elif word == "peek":
                for suffix in ("", "-wal", "-shm"):
                    with open(f"{path}{suffix}", "rb") as f:
                        f.read(100)
                print("ok peeked", flush=True)
            elif word == "locks":
                shm = Path(f"{path}-shm")
                print(f"ok {sqlite_locks.locks_on(path)} {sqlite_locks.locks_on(shm)}", flush=True)
            else:
                print(f"error unknown command {word!r}", flush=True)
        except WuyeError as exc:
            print(f"error {type(exc).__name__}: {exc}", flush=True)


if __name__ == "__main__":
    main()
