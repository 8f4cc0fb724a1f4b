"""``wuye --selftest``, in-process: one line per step, every step run, exit 0 only if all pass.

The installed program's selftest is run by tests/installer/test_deb_package.py; this one is
the same code from the checkout, quick enough for every run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.shell_support import isolate_settings, reset_language
from wuye_desktop import selftest
from wuye_desktop.cli import main
from wuye_desktop.storage.db import Database

STEPS = [
    "demo database",
    "database file locks",
    "main window",
    "rare characters",
    *(f"document {kind}" for kind in selftest.DOCUMENTS),
    "regulator sync",
]


@pytest.fixture(autouse=True)
def _isolated(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    # The selftest sets the platform for the processes it runs in; give the value back after.
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    yield
    reset_language()


def step_lines(out: str) -> dict[str, str]:
    """Step name -> "ok" or "FAILED", from the printed lines; also checks their form."""
    found: dict[str, str] = {}
    for line in out.splitlines():
        if line.startswith("selftest "):
            continue
        status, _, rest = line.partition(" ")
        name, sep, detail = rest.strip().partition(": ")
        assert status in ("ok", "FAILED") and sep and detail, line
        found[name] = status
    return found


def test_every_step_runs_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--selftest"])
    out, _err = capsys.readouterr()
    lines = step_lines(out)
    assert list(lines) == STEPS, out
    assert lines == dict.fromkeys(STEPS, "ok"), out
    assert code == 0
    assert out.splitlines()[-1] == f"selftest passed: {len(STEPS)} steps"


def test_a_failed_step_is_reported_and_the_others_still_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    render = selftest._render
    folders: list[Path] = []

    def broken_weekly(db: Database, kind: str) -> bytes:
        if kind == "weekly":
            raise OSError("disk full")
        if kind == "slip":
            return b"<html>not a PDF</html>" * 200
        return render(db, kind)

    def sync(_db_url: str, workdir: Path) -> str:
        folders.append(workdir)
        assert (workdir / "selftest.sqlite3").is_file()
        return "synced"

    monkeypatch.setattr(selftest, "_render", broken_weekly)
    monkeypatch.setattr(selftest, "_sync", sync)
    assert selftest.run() == 1
    out = capsys.readouterr().out
    lines = step_lines(out)
    failed = {"document weekly", "document slip"}
    assert lines == {name: "FAILED" if name in failed else "ok" for name in STEPS}, out
    assert "FAILED document weekly: OSError: disk full" in out
    assert "FAILED document slip: slip.pdf does not start with %PDF-" in out
    assert "ok  regulator sync: synced (" in out
    # Its temporary folder, demo database and PDFs included, is gone.
    assert len(folders) == 1 and not folders[0].exists()


def test_the_selftest_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--selftest", "db", "upgrade"]) == 2
    assert "--selftest takes no command" in capsys.readouterr().err


def test_a_message_box_fails_the_window_step_instead_of_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from wuye_desktop.ui import selftest_window

    opened = selftest_window.open_main_window

    def open_and_complain(*args: Any, **kwargs: Any) -> Any:
        window = opened(*args, **kwargs)
        # As a tab that cannot load its data does: a modal box nobody will answer.
        QTimer.singleShot(0, lambda: QMessageBox.critical(window, "Error", "The list failed."))
        return window

    monkeypatch.setattr(selftest_window, "open_main_window", open_and_complain)
    db = Database(str(tmp_path / "demo.sqlite3"))
    try:
        selftest._fill_demo(db)
        with pytest.raises(selftest_window.WindowCheckFailed, match="showed a message: The list"):
            selftest_window.show_main_window(db, selftest.USER, selftest.PASSWORD)
    finally:
        db.dispose()
