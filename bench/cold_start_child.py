"""One cold start, in a fresh process: start-up as the program does it, to the painted window.

Run by bench_cold_start.py as ``python cold_start_child.py DB USER PASSWORD``. Prints one JSON
object of ``time.monotonic()`` marks (a clock shared by all processes on Linux), so the parent
can measure from just before it started this process.
"""

from __future__ import annotations

import json
import os
import sys
import time

marks = {"interpreter": time.monotonic()}

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402

from wuye_desktop.core import users  # noqa: E402
from wuye_desktop.storage import migrate  # noqa: E402
from wuye_desktop.storage.db import Database  # noqa: E402
from wuye_desktop.ui.app import create_application, open_main_window  # noqa: E402

marks["imported"] = time.monotonic()


class FirstPaint(QObject):
    """Notes when the window has painted itself for the first time, then ends the process."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "paint_started" not in marks:
            marks["paint_started"] = time.monotonic()
            # The paint event is delivered now; the zero timer fires once it has been handled.
            QTimer.singleShot(0, finish)
        return False


def finish() -> None:
    if "painted" in marks:
        return
    marks["painted"] = time.monotonic()
    print(json.dumps(marks), flush=True)
    os._exit(0)  # what follows the first paint is not part of starting


def main() -> None:
    db_path, username, password = sys.argv[1:4]
    app = create_application(sys.argv[:1])
    marks["application"] = time.monotonic()
    db = Database(db_path)
    migrate.upgrade(db)  # as the program does at every start: a no-op on a current schema
    marks["database"] = time.monotonic()
    actor, row = users.login(db, username, password)
    marks["logged_in"] = time.monotonic()
    watcher = FirstPaint()
    app.installEventFilter(watcher)  # before the window exists, so no paint is missed
    window = open_main_window(db, actor, row.display_name)
    marks["shown"] = time.monotonic()
    assert window.isVisible()
    QTimer.singleShot(30_000, lambda: sys.exit("the main window never painted"))
    app.exec()


main()
