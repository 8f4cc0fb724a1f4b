"""Ctrl+Enter saves a form, whichever field has the focus (Enter alone may belong to the field:
a new line in a note, a choice in a list)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main keyboard's Enter and the keypad's


def ctrl_enter_saves(dialog: QDialog, buttons: QDialogButtonBox) -> None:
    """Ctrl+Enter in *dialog* clicks its OK or Save in *buttons*, as long as that is enabled
    (a save on its way has it disabled, so a second Ctrl+Enter does not save twice)."""

    def save() -> None:
        for button in buttons.buttons():
            role = buttons.buttonRole(button)
            if role == QDialogButtonBox.ButtonRole.AcceptRole:
                if button.isVisible() and button.isEnabled():
                    button.click()
                return

    for sequence in SAVE_KEYS:
        QShortcut(QKeySequence(sequence), dialog).activated.connect(save)
