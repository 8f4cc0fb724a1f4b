#!/usr/bin/env python3
"""Regenerate docs/screenshots/overview.png and overview-drilldown.png: the 概览 tab in Chinese
on a demo database, and the work-order list a click on its worst figure opens.

    .venv/bin/python -m wuye_desktop.cli --db /tmp/ovtab.sqlite3 demo --households 400 \
        --work-orders 6000
    Xvfb :97 -screen 0 1600x1000x24 &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshot_overview.py \
        /tmp/ovtab.sqlite3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", help="a demo database")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--full", action="store_true", help="also save the whole tab, scrolled")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from wuye_desktop.core import users
    from wuye_desktop.storage.db import Database
    from wuye_desktop.ui import i18n, workers
    from wuye_desktop.ui.app import create_application, open_main_window
    from wuye_desktop.ui.overview import OverviewTab

    settings = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    app = create_application([])
    i18n.install_language("zh_CN")
    db = Database(args.db)
    manager, user = users.login(db, "manager", "manager1234")
    window = open_main_window(db, manager, user.display_name)
    window.resize(1500, 950)

    def settle() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            app.processEvents()
            if not workers.running_tasks():
                break
            time.sleep(0.02)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)

    settle()
    tab = window.current_tab()
    assert isinstance(tab, OverviewTab), tab
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "overview.png"))
    if args.full:
        tab.content.grab().save(str(out / "overview-full.png"))
        tab.save(out / "overview-full.pdf")
    # The worst per-tier completion rate, clicked.
    assert tab.result is not None and tab.result.figures is not None
    rates = [f for f in tab.result.figures if f.key.startswith("completion_on_time.") and f.value]
    worst = min(rates, key=lambda f: f.value or 0)
    section = next(s for s in tab.sections if worst.key in s.cards)
    section.cards[worst.key].drill()
    settle()
    window.grab().save(str(out / "overview-drilldown.png"))
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
