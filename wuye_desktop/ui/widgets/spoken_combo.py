"""A list-only combo box (a filter's category) that is also found by pinyin typed on it.

Qt's own keyboard search picks the item whose label starts with the letters typed in quick
succession; Chinese labels start with no Latin letter, so ``sl`` is matched here against each
item's pinyin instead (渗漏, ``core.spoken``), the label's own start first (English labels).
"""

from __future__ import annotations

from collections.abc import Mapping
from time import monotonic

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from wuye_desktop.core.spoken import spoken_match


class SpokenCombo(QComboBox):
    def __init__(
        self, spoken: Mapping[str, tuple[str, ...]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._spoken = spoken
        self._typed = ""
        self._last_key = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if not (text.isascii() and text.isalpha()) or event.modifiers() & chord:
            super().keyPressEvent(event)
            return
        now = monotonic()
        if (now - self._last_key) * 1000 > QApplication.keyboardInputInterval():
            self._typed = ""  # a pause: a new word
        self._last_key = now
        self._typed += text
        index = self._match(self._typed)
        if index >= 0:
            self.setCurrentIndex(index)
        event.accept()

    def _match(self, typed: str) -> int:
        wanted = typed.casefold()
        for i in range(self.count()):
            if self.itemText(i).casefold().startswith(wanted):
                return i
        for i in range(self.count()):
            if spoken_match(wanted, self._spoken.get(str(self.itemData(i)), ())):
                return i
        return -1
