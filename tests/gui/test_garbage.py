"""The program's cycle collector runs from the GUI thread's event loop, never automatically in
whichever thread allocates (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from wuye_desktop.ui.garbage import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects_what_is_due(qapp: QObject) -> None:
    parent = QObject()
    try:
        collector = GuiThreadCollector(parent)
        assert not gc.isenabled()
        gc.collect()
        assert collector.collect_due() is None  # nothing due right after a collection
        collected_in: list[str] = []
        gc.callbacks.append(
            lambda phase, _info: (
                collected_in.append(threading.current_thread().name) if phase == "start" else None
            )
        )
        try:
            for _ in range(gc.get_threshold()[0] + 10):  # past generation 0's threshold
                Cycle()
            assert collector.collect_due() == 0
        finally:
            gc.callbacks.pop()
        assert collected_in == [threading.main_thread().name]
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        parent.deleteLater()
        del parent
        gc.enable()  # as the other tests expect (their fixture turns it off for each test)
