"""Guard against a PySide6 release that loses references to None, True or False.

PySide6 6.12.0 on Python 3.11 took one reference from None on calls such as QLabel.setText and
from True on every signal emit, so a desk session or a test run aborted after some thousands of
calls ("none_dealloc"/"bool_dealloc"). pyproject.toml pins a release without the bug; this test
fails if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


class _Probe(QObject):
    ping = Signal()


def test_qt_calls_keep_references_to_none_true_and_false(qtbot: QtBot) -> None:
    label, box, probe = QLabel(), QCheckBox(), _Probe()
    qtbot.addWidget(label)
    qtbot.addWidget(box)
    none, true, false = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        label.setText("报修")
        box.setChecked(True)
        box.setChecked(False)
        probe.ping.emit()
    # A little drift is ordinary interpreter noise; the bug loses one per call.
    assert sys.getrefcount(None) - none > -CALLS // 2
    assert sys.getrefcount(True) - true > -CALLS // 2
    assert sys.getrefcount(False) - false > -CALLS // 2
