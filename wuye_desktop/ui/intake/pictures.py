"""The pictures of the intake dialog: the files chosen to go with the order, listed by name.

Only the paths are kept until saving; the files are read when the order is filed, so a
picture chosen by mistake costs nothing to remove.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QVBoxLayout, QWidget

from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.intake.duplicate_warning import plain_button
from wuye_desktop.ui.widgets.form import FieldErrorLabel

PICTURE_FILTER = "*.jpg *.jpeg *.png"


class PictureList(Retranslating, QWidget):
    """``paths`` holds the files chosen, in the order of ``photos``; ``changed()`` after the
    desk added or removed some. ``error_label`` shows the form's message about them under the
    list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self.photos = QListWidget()
        self.photos.setMaximumHeight(self.photos.fontMetrics().height() * 3 + 12)
        self.error_label = FieldErrorLabel()
        self.add_button = plain_button()
        self.add_button.clicked.connect(self.add)
        self.remove_button = plain_button()
        self.remove_button.clicked.connect(self.remove)

        listed = QVBoxLayout()
        listed.setContentsMargins(0, 0, 0, 0)
        listed.setSpacing(2)
        listed.addWidget(self.photos)
        listed.addWidget(self.error_label)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(listed, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add p&ictures…"))
        self.remove_button.setText(self.tr("Remo&ve"))

    def add(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add pictures"),
            "",
            self.tr("Pictures ({patterns})").format(patterns=PICTURE_FILTER),
        )
        for name in paths:
            path = Path(name)
            if path not in self.paths:
                self.paths.append(path)
                self.photos.addItem(path.name)
        self.changed.emit()

    def remove(self) -> None:
        """The picture selected, else the last one."""
        row = self.photos.currentRow()
        if row < 0 and self.photos.count():
            row = self.photos.count() - 1
        if row >= 0:
            self.photos.takeItem(row)
            del self.paths[row]
        self.changed.emit()
