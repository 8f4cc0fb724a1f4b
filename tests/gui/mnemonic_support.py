"""Walking a window for its mnemonics (the underlined letter of 派单(&D), Alt+D): every letter a
user can see must do something, and no letter may be claimed twice in one window.

What counts as working is what Qt itself binds: a button's own text (Qt grabs Alt+letter for
it), a label with a buddy, a tab, a group box, a menu bar title, and a toolbar button whose
action has Alt+letter among its shortcuts (a toolbar button shows its action's text with the
"&" taken out, so 派单(&D) reads 派单(D) and Qt binds nothing for it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QToolButton,
    QWidget,
)

# A letter in parentheses as the Chinese labels show it, when the "&" was taken out.
_SHOWN_LETTER = re.compile(r"\(([A-Za-z0-9])\)")


def letter_of(text: str) -> str | None:
    """The mnemonic letter of *text* ("&&" is a literal ampersand), upper-cased."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        following = text[index + 1]
        if following == "&":
            index += 2
            continue
        return following.upper() if following.isalnum() else None


@dataclass(frozen=True)
class Mnemonic:
    letter: str
    text: str
    where: str
    works: bool

    def __str__(self) -> str:
        state = "works" if self.works else "DEAD"
        return f"{self.letter} {self.where} {self.text!r} ({state})"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget is window or widget.isVisibleTo(window)


def _button(button: QAbstractButton) -> Mnemonic | None:
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    if action is not None:
        letter = letter_of(action.text())
        shown = _SHOWN_LETTER.search(button.text())
        if letter is None and shown is not None:
            letter = shown.group(1).upper()
        if letter is None:
            return None
        alt = QKeySequence(f"Alt+{letter}")
        works = any(
            s.matches(alt) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()
        )
        return Mnemonic(letter, action.text(), type(button).__name__, works)
    letter = letter_of(button.text())
    if letter is not None:
        return Mnemonic(letter, button.text(), type(button).__name__, True)
    shown = _SHOWN_LETTER.search(button.text())
    if shown is not None:  # a letter in parentheses that Qt does not bind
        return Mnemonic(shown.group(1).upper(), button.text(), type(button).__name__, False)
    return None


def _label(label: QLabel) -> Mnemonic | None:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
        return None
    letter = letter_of(text)
    if letter is None:
        return None
    buddy = label.buddy()
    return Mnemonic(letter, text, "QLabel", buddy is not None)


def mnemonics(window: QWidget) -> list[Mnemonic]:
    """Every mnemonic shown in *window* (menus' items are their own scope: see menu_problems)."""
    found: list[Mnemonic] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget, window) or isinstance(widget, QMenu):
            continue
        item: Mnemonic | None = None
        if isinstance(widget, QAbstractButton):
            item = _button(widget)
        elif isinstance(widget, QLabel):
            item = _label(widget)
        elif isinstance(widget, QGroupBox):
            letter = letter_of(widget.title())
            item = Mnemonic(letter, widget.title(), "QGroupBox", True) if letter else None
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                text = widget.tabText(index)
                letter = letter_of(text)
                if letter and widget.isTabVisible(index):
                    found.append(Mnemonic(letter, text, "tab", True))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                letter = letter_of(action.text())
                if letter and action.isVisible():
                    found.append(Mnemonic(letter, action.text(), "menu bar", True))
        if item is not None:
            found.append(item)
    return found


def problems(window: QWidget) -> list[str]:
    """Dead mnemonics and letters claimed more than once in *window*, as sentences."""
    found = mnemonics(window)
    result = [f"dead: {m}" for m in found if not m.works]
    by_letter: dict[str, list[Mnemonic]] = {}
    for item in found:
        by_letter.setdefault(item.letter, []).append(item)
    for letter, items in sorted(by_letter.items()):
        if len(items) > 1:
            result.append(f"{letter} claimed {len(items)} times: " + "; ".join(map(str, items)))
    return result


def menu_problems(menu: QMenu) -> list[str]:
    """A menu is its own scope: its visible items' letters must differ."""
    seen: dict[str, str] = {}
    result = []
    for action in menu.actions():
        letter = letter_of(action.text())
        if letter is None or not action.isVisible():
            continue
        if letter in seen:
            result.append(f"{menu.title()!r}: {letter} on {seen[letter]!r} and {action.text()!r}")
        seen[letter] = action.text()
    return result
