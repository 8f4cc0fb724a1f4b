"""A combo box one types into to choose: the desk never has to reach for the mouse.

Typing shows the matching choices in a popup (↓ and Enter take one); Tab or Enter on the typed
text takes the best match: the same text, then a label starting with it, then a label with a
word starting with it, then a label containing it, then the label's pinyin or its initials
(``sl`` or ``shenlou`` finds 渗漏, ``core.spoken``), then the vocabulary code containing it (so
``leak`` finds 渗漏 in the English spelling too). Text that matches nothing chooses nothing,
and the core then says "Choose one" at the field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget

from wuye_desktop.core.spoken import spoken_match


class ChoiceCombo(QComboBox):
    """``code_changed(code or "")`` follows the choice as it is typed, before Tab or Enter."""

    code_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last_code: str | None = None
        self._spoken: Mapping[str, tuple[str, ...]] = {}
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._take_typed)
        line.textChanged.connect(lambda _t: self._announce())
        self.currentIndexChanged.connect(lambda _i: self._announce())
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def set_choices(self, choices: Sequence[tuple[str, str]], current: str | None = None) -> None:
        """(code, translated label) pairs, in the order shown; *current* is kept or chosen."""
        keep = self.code() if current is None else current
        self.blockSignals(True)
        self.clear()
        for code, label in choices:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_code(keep)

    def set_spoken(self, spoken: Mapping[str, tuple[str, ...]]) -> None:
        """The pinyin syllables of each code's Chinese label, so that ``sl`` finds 渗漏."""
        self._spoken = spoken

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def code(self) -> str | None:
        """The chosen code: the one whose label is shown, or the best match of typed text."""
        text = self.currentText()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text:
            return str(self.itemData(index))
        best = self.best_match(text)
        return None if best < 0 else str(self.itemData(best))

    def best_match(self, text: str) -> int:
        wanted = text.strip().casefold()
        if not wanted:
            return -1
        code = wanted.replace(" ", "_")
        items = [
            (self.itemText(i).casefold(), str(self.itemData(i)).casefold())
            for i in range(self.count())
        ]
        # Each rank is tried over all items before the next, weaker one.
        ranks: list[list[bool]] = [
            [label == wanted for label, _ in items],
            [label.startswith(wanted) for label, _ in items],
            [any(w.startswith(wanted) for w in label.split()) for label, _ in items],
            [wanted in label for label, _ in items],
            [
                spoken_match(wanted, self._spoken.get(str(self.itemData(i)), ()))
                for i in range(self.count())
            ],
            [code in item_code for _, item_code in items],
        ]
        for hits in ranks:
            if True in hits:
                return hits.index(True)
        return -1

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving with Tab while the match popup is open sends this combo no focus-out
        # event (the popup had "taken" the focus), so the application's focus change is used.
        completer = self.completer()
        mine = (self, self.lineEdit(), completer.popup() if completer else None)
        if old in mine and new not in mine:
            self._take_typed()

    def _announce(self) -> None:
        code = self.code()
        if code != self._last_code:
            self._last_code = code
            self.code_changed.emit(code or "")

    def _take_typed(self) -> None:
        text = self.currentText()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text:
            return
        best = self.best_match(text)
        if best >= 0:
            self.setCurrentIndex(best)
        elif text.strip():
            # Nothing matches: choose nothing, but leave what was typed for the user to fix.
            self.setCurrentIndex(-1)
            self.setEditText(text)
        else:
            self.setCurrentIndex(-1)
