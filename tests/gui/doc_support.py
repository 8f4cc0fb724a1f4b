"""Helpers for the tests of previews and print actions."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wuye_desktop.ui.documents import PdfPreviewDialog


def open_previews() -> list[PdfPreviewDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PdfPreviewDialog) and w.isVisible()
    ]


def wait_for_preview(qtbot: QtBot, before: int = 0) -> PdfPreviewDialog:
    qtbot.waitUntil(lambda: len(open_previews()) > before, timeout=15000)
    return open_previews()[-1]


def close_previews() -> None:
    for dialog in open_previews():
        dialog.close()


def save_as_pdf(qtbot: QtBot, preview: PdfPreviewDialog) -> None:
    """Click "Save as PDF…" and wait until the save, which runs in the background, has ended."""
    from PySide6.QtCore import Qt

    from wuye_desktop.ui import workers

    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=15000)
