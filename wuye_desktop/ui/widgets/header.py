"""The program's icon and the title block that opens the login and first-run dialogs."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wuye_desktop.resources import resource_path
from wuye_desktop.ui.i18n import Retranslating


@cache
def app_icon() -> QIcon:
    """The house-with-a-wrench icon: PNGs drawn from wuye.svg, or the SVG if they are missing."""
    icons = resource_path("icons")
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = icons / f"wuye-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    if icon.isNull():
        icon.addFile(str(icons / "wuye.svg"))
    return icon


class AppHeader(Retranslating, QWidget):
    """Icon, program name and a subtitle (usually the company's name)."""

    def __init__(self, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = QLabel()
        self._icon.setPixmap(app_icon().pixmap(48, 48))
        self._title = QLabel()
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._title.setFont(font)
        self.subtitle = QLabel(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self._title)
        text.addWidget(self.subtitle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self._icon)
        layout.addLayout(text, 1)
        self.retranslate()

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))

    def retranslate(self) -> None:
        self._title.setText(self.tr("Property Service Desk"))
