"""``wuye`` without a display on Linux: one clear sentence and exit 2, Qt never started.

Without this check Qt aborts the process with a message about libxcb-cursor0, which is not what
is wrong. ``QT_QPA_PLATFORM`` (offscreen for the tests and the selftest) is left to Qt.
"""

from __future__ import annotations

import sys
import types

import pytest

from wuye_desktop import cli

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The databases the window was opened on; the real ``run`` is never called."""
    calls: list[str | None] = []

    def fake_run(db_url: str | None) -> int:
        calls.append(db_url)
        return 0

    fake = types.ModuleType("wuye_desktop.ui.app")
    fake.run = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wuye_desktop.ui.app", fake)
    for name in DISPLAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    return calls


def test_without_a_display_wuye_refuses_in_one_sentence(
    started: list[str | None], capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["--db", "/nonexistent/wuye.sqlite3"])
    out, err = capsys.readouterr()
    assert code == 2
    assert started == []
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "no display" in lines[0]
    assert "xvfb-run -a wuye" in lines[0] and "wuye --selftest" in lines[0]
    assert "xcb" not in lines[0]


@pytest.mark.parametrize(
    ("variable", "value"),
    [("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0"), ("QT_QPA_PLATFORM", "offscreen")],
)
def test_a_display_or_a_chosen_qt_platform_opens_the_window(
    started: list[str | None], monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    assert cli.main(["--db", "/tmp/x.sqlite3"]) == 0
    assert started == ["/tmp/x.sqlite3"]


def test_other_systems_are_left_to_qt(
    started: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.main([]) == 0
    assert len(started) == 1
