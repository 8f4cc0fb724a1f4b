"""A line saying where a file was written, with buttons to open it or its folder.

A clerk who has just saved a PDF or a workbook wants to print it, attach it or find it again;
"Saved to /home/…/x.pdf" alone sends them hunting through a file manager. The notice stays in
its window (no box to click away) until the next save or until it is closed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from wuye_desktop.ui.i18n import Retranslating


def open_path(path: Path) -> bool:
    """Open *path* with the desktop's program for it (a folder: the file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SavedNotice(Retranslating, QFrame):
    """Hidden until :meth:`show_saved`; then "已保存到 … [打开文件] [打开所在文件夹] ×"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.setObjectName("savedNotice")
        self.setStyleSheet(
            "#savedNotice { background: #ecfdf5; border: 1px solid #a7f3d0; border-radius: 4px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_file_button = QPushButton()
        self.open_file_button.setAutoDefault(False)
        self.open_file_button.clicked.connect(lambda: self._open(file=True))
        self.open_folder_button = QPushButton()
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.clicked.connect(lambda: self._open(file=False))
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_file_button)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.close_button)
        self.retranslate()
        self.hide()

    def show_saved(self, path: Path | str) -> None:
        self.path = Path(path)
        self.retranslate()
        self.show()

    def _open(self, *, file: bool) -> None:
        if self.path is not None:
            open_path(self.path if file else self.path.parent)

    def retranslate(self) -> None:
        self.open_file_button.setText(self.tr("Open the file"))
        self.open_folder_button.setText(self.tr("Open its folder"))
        self.close_button.setToolTip(self.tr("Close this notice"))
        if self.path is not None:
            self.label.setText(self.tr("Saved to {path}").format(path=self.path))
