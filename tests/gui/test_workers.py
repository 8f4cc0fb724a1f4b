"""The background worker: outcome on the GUI thread, a late progress dialog, cancel, errors."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from wuye_desktop.core.errors import NotFound, WuyeError
from wuye_desktop.core.progress import Progress
from wuye_desktop.ui import messages, workers
from wuye_desktop.ui.workers import run_in_background

SHOW_AFTER_MS = 500  # how long quick work may run before its progress dialog shows


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _timer_fired(parent: QWidget, ms: int) -> list[bool]:
    """A list that gets an item once a precise *ms* timer, started now, has fired."""
    fired: list[bool] = []
    timer = QTimer(parent)  # the parent keeps it
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: fired.append(True))
    timer.start(ms)
    return fired


def _progress_dialogs() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_quick_work_delivers_its_result_on_the_gui_thread_without_a_dialog(
    qtbot: QtBot, parent: QWidget
) -> None:
    seen: dict[str, Any] = {}

    def work(progress: Progress) -> int:
        seen["worker_thread"] = threading.current_thread()
        progress(1, 1)
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_thread"] = threading.current_thread()

    task = run_in_background(parent, work, label="quick", on_done=done, show_after_ms=SHOW_AFTER_MS)
    # Started after the task's (coarse, up to 5 % late) timer and precise: when it fires, the
    # dialog would have been shown had the task not stopped its timer.
    past_the_delay = _timer_fired(parent, SHOW_AFTER_MS * 12 // 10)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["worker_thread"] is not threading.main_thread()
    assert seen["callback_thread"] is threading.main_thread()
    qtbot.waitUntil(lambda: bool(past_the_delay), timeout=5000)
    # Past the delay: the dialog must not appear afterwards either.
    assert task.progress_dialog is None
    assert _progress_dialogs() == []
    assert task not in workers.running_tasks()


def test_slow_work_shows_a_progress_dialog_after_the_delay(qtbot: QtBot, parent: QWidget) -> None:
    release = threading.Event()

    def work(progress: Progress) -> str:
        progress(3, 10)
        release.wait(10)
        progress(10, 10)
        return "done"

    results: list[str] = []
    started = time.monotonic()
    label = "Generating the community's signage, lobby, elevator and home cards…"
    task = run_in_background(
        parent, work, label=label, on_done=results.append, show_after_ms=SHOW_AFTER_MS
    )
    qtbot.waitUntil(lambda: task.progress_dialog is not None, timeout=3000)
    # Qt's coarse timers may fire up to 5 % early.
    assert time.monotonic() - started >= SHOW_AFTER_MS * 0.95 / 1000, "the dialog came early"
    dialog = task.progress_dialog
    assert dialog is not None and dialog.isVisible()
    # What is being done is said whole in the dialog; its title is short (a long one was cut).
    assert dialog.windowTitle() == "Please wait"
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(label)
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10, timeout=3000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert results == ["done"]
    assert task.progress_dialog is None
    assert _progress_dialogs() == []


def test_cancel_in_the_dialog_stops_the_work(qtbot: QtBot, parent: QWidget) -> None:
    reached: list[int] = []
    outcome: list[str] = []

    returned = threading.Event()

    def work(progress: Progress) -> None:
        try:
            for i in range(1000):
                progress(i, 1000)
                reached.append(i)
                threading.Event().wait(0.01)  # a slow step, so there is time to cancel
        finally:
            returned.set()

    task = run_in_background(
        parent,
        work,
        label="cancellable",
        on_done=lambda _r: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(lambda: task.progress_dialog is not None, timeout=3000)
    dialog = task.progress_dialog
    assert dialog is not None
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not task.is_running, timeout=3000)
    # The work function has returned, so nothing more can be reached, and it stopped early.
    assert returned.is_set()
    assert len(reached) < 1000, "the work went on after cancel"
    assert outcome == ["cancelled"]
    assert _progress_dialogs() == []


def test_core_errors_go_to_on_error(qtbot: QtBot, parent: QWidget) -> None:
    def work(_progress: Progress) -> None:
        raise NotFound("No such household: {id}", id=7)

    errors: list[WuyeError] = []
    task = run_in_background(parent, work, label="fails", on_error=errors.append)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    qtbot.waitUntil(lambda: not task.is_running)
    assert isinstance(blocker.args[0], NotFound)
    assert [str(e) for e in errors] == ["No such household: 7"]


def test_core_errors_without_a_handler_are_shown(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[QWidget | None, WuyeError]] = []
    monkeypatch.setattr(messages, "show_error", lambda p, e: shown.append((p, e)))

    def work(_progress: Progress) -> None:
        raise NotFound("No such household: {id}", id=8)

    task = run_in_background(parent, work, label="fails")
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert len(shown) == 1
    assert shown[0][0] is parent
    assert str(shown[0][1]) == "No such household: 8"


def test_unexpected_errors_are_logged_with_context_and_shown(
    qtbot: QtBot,
    parent: QWidget,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(
        workers.QMessageBox, "critical", lambda _p, _title, text: boxes.append(text)
    )

    def work(_progress: Progress) -> None:
        raise RuntimeError("disk on fire")

    handled: list[WuyeError] = []
    with caplog.at_level(logging.ERROR, logger="wuye_desktop.ui.workers"):
        task = run_in_background(parent, work, label="printing cards", on_error=handled.append)
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
    assert handled == [], "only core errors go to on_error"
    assert len(boxes) == 1 and "disk on fire" in boxes[0]
    record = next(r for r in caplog.records if r.name == "wuye_desktop.ui.workers")
    assert "printing cards" in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)


def test_callbacks_are_dropped_once_the_parent_is_gone(qtbot: QtBot) -> None:
    widget = QWidget()
    release = threading.Event()
    results: list[int] = []

    def work(_progress: Progress) -> int:
        release.wait(5)
        return 1

    task = run_in_background(widget, work, label="orphan", on_done=results.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=3000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert results == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
