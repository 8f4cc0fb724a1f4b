"""Qt's own dialogs speak the window's language: the file and print dialogs a clerk opens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import context, isolate_settings, reset_language
from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.directory.import_dialog import ImportDialog
from wuye_desktop.ui.qt_gaps import QT_GAPS


@pytest.fixture(autouse=True)
def _chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path)
    i18n.install_language("zh_CN")
    yield
    reset_language()


def english_labels(widget: QWidget) -> list[str]:
    """Labels with a word of English in them (paths and file patterns are not words)."""
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if re.search(r"[A-Za-z]{2,}", label.text().replace("&", "")) and "/" not in label.text()
    ]


def test_the_file_dialog_for_a_roster_is_in_chinese(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    dialog = ImportDialog(context(db, admin), community.code)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    seen: dict[str, list[str]] = {}

    def read_and_close() -> None:
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog):
            QTimer.singleShot(20, read_and_close)
            return
        seen["labels"] = [label.text() for label in chooser.findChildren(QLabel)]
        seen["english"] = english_labels(chooser)
        chooser.reject()

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert "查找范围(&L)：" in seen["labels"], seen["labels"]
    assert "文件类型(&T)：" in seen["labels"], seen["labels"]
    assert seen["english"] == []


def test_the_print_dialog_has_no_english_label(qtbot: QtBot) -> None:
    dialog = QPrintDialog(QPrinter())
    qtbot.addWidget(dialog)
    assert english_labels(dialog) == []


def test_every_gap_in_qts_catalogue_is_filled_in_chinese() -> None:
    for context_name, source in QT_GAPS:
        assert QCoreApplication.translate(context_name, source) != source, source


def test_english_brings_qts_own_texts_back() -> None:
    i18n.install_language("en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
