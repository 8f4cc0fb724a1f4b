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

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)
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
        # The popup lists what the typed text matches by the same rule as Tab and Enter (pinyin
        # included), not Qt's own "contains": a proxy filtered by best_match's ranks.
        self._matches = _Matches(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(self._typed)
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

    def _ranks(self, text: str) -> list[list[bool]]:
        """For each rank of match, strongest first, which items *text* matches at it."""
        wanted = text.strip().casefold()
        if not wanted:
            return []
        code = wanted.replace(" ", "_")
        items = [
            (self.itemText(i).casefold(), str(self.itemData(i)).casefold())
            for i in range(self.count())
        ]
        return [
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

    def best_match(self, text: str) -> int:
        # Each rank is tried over all items before the next, weaker one.
        for hits in self._ranks(text):
            if True in hits:
                return hits.index(True)
        return -1

    def matching_rows(self, text: str) -> set[int]:
        """The items *text* matches at any rank (what the popup lists)."""
        return {row for hits in self._ranks(text) for row, hit in enumerate(hits) if hit}

    def _typed(self, text: str) -> None:
        self._matches.set_typed(text)
        completer = self.completer()
        if completer is None:
            return
        if text.strip() and self._matches.rowCount() > 0:
            completer.complete()
        else:
            popup = completer.popup()
            if popup is not None:
                popup.hide()

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


class _Matches(QSortFilterProxyModel):
    """The combo's items that the typed text matches (all of them before anything is typed)."""

    def __init__(self, combo: ChoiceCombo) -> None:
        super().__init__(combo)
        self._combo = combo
        self._rows: set[int] | None = None
        self.setSourceModel(combo.model())

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self._rows = self._combo.matching_rows(text) if text.strip() else None
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self._rows is None or source_row in self._rows
