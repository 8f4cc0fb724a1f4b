"""Mnemonics of toolbar actions: the letter a label shows (派单(&D)) is also its Alt+letter.

Qt binds Alt+letter for a button's own text, but a toolbar button shows its action's text with
the "&" taken out (派单(D)) and binds nothing; so each such action carries Alt+letter among
its shortcuts, after its main one (which menus show), and again whenever its text changes.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def mnemonic_letter(text: str) -> str | None:
    """The letter after a single "&" in *text* ("&&" is a literal ampersand), upper-cased."""
    index = text.find("&")
    while 0 <= index < len(text) - 1:
        following = text[index + 1]
        if following != "&":
            return following.upper() if following.isalnum() else None
        index = text.find("&", index + 2)
    return None


def set_keys(action: QAction, main: str | None) -> None:
    """Give *action* its *main* shortcut (if any) and the Alt+letter of its current text."""
    keys = [QKeySequence(main)] if main else []
    letter = mnemonic_letter(action.text())
    if letter is not None:
        keys.append(QKeySequence(f"Alt+{letter}"))
    action.setShortcuts(keys)


def keys_text(action: QAction) -> str:
    """The action's shortcuts as a user reads them: "Ctrl+D, Alt+D"."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts())
