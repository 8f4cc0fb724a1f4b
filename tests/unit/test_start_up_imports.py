"""The login window comes before the heavy libraries (DESIGN.md §6: cold start to the login
window within a second). ``wuye`` without a command shows the login dialog from Qt and light
modules only; SQLAlchemy (most of a second to import), the models, Argon2, reportlab and the
tabs are imported on another thread while it is on screen."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "argon2", "reportlab", "wuye_desktop.storage")

PROBE = """
import sys, types
from wuye_desktop import cli
from PySide6.QtWidgets import QApplication

shown = []

def run(db_url):
    # What ui.app.run does up to showing the login dialog, then stop there.
    from wuye_desktop.ui import app
    from wuye_desktop.ui.login import LoginDialog
    application = app.create_application(sys.argv[:1])
    dialog = LoginDialog()
    dialog.show()
    shown.append(dialog.isVisible())
    return 0

import wuye_desktop.ui.app as start_up
start_up.run = run
assert cli.main(["--db", "unused.sqlite3"]) == 0 and shown == [True]
heavy = sorted({m.split(".")[0] if not m.startswith("wuye") else m for m in sys.modules
                if m.startswith(%r)})
print(heavy)
"""


def test_the_login_dialog_is_shown_before_the_heavy_imports() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE % (HEAVY,)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_printing_signs_does_not_import_the_order_service() -> None:
    """``wuye print signage`` (1,000 in-home cards in a fresh process, DESIGN §6) needs the
    page's keys and settings, not the owners' page's filing and following, which bring the
    whole order service (a noticeable part of the import)."""
    probe = (
        "import sys; import wuye_desktop.core.prints.signage; "
        "print(sorted(m for m in sys.modules if m.startswith('wuye_desktop.core.orders')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
