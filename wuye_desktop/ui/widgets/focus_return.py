"""The keyboard focus goes back where it was when a dialog closes.

Qt gives the focus back to the window's last focused widget, but that is often the button that
opened the dialog, and after a save that button may be disabled (the entry is reversed now):
the focus then drifts to whatever comes next, and a clerk working by keyboard has to find it
again. So each dialog remembers the widget that had
the focus when it opened, and a *fallback* (the list the dialog's button acts on) for when that
widget cannot take it back.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget


def _can_take(widget: QWidget | None) -> bool:
    return (
        widget is not None
        and shiboken6.isValid(widget)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    )


def return_focus(dialog: QDialog, fallback: QWidget | None = None) -> None:
    """When *dialog* finishes, put the focus back on the widget that has it now, or on
    *fallback* when that widget is gone, hidden or disabled, or is the button that opened a
    dialog which saved (its row changed: Reverse… is disabled once the entry is reversed)."""
    before = QApplication.focusWidget()
    if before is not None and dialog.isAncestorOf(before):
        before = None  # opened already: the focus is the dialog's own

    def back(result: int) -> None:
        target = before if _can_take(before) else fallback
        if result == QDialog.DialogCode.Accepted and isinstance(before, QAbstractButton):
            # Saved: the button's row has changed (its buttons follow once the list is read
            # again, and may disable the one that has the focus); the list shows the change.
            target = fallback or target
        if target is None or not _can_take(target):
            return
        # Given to the widget even while its window is not active yet: Qt hands the focus
        # to it when the window manager activates the window again.
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    dialog.finished.connect(back)


def open_returning_focus(dialog: QDialog, fallback: QWidget | None = None) -> None:
    """``dialog.open()``, the focus coming back when it closes (see return_focus)."""
    return_focus(dialog, fallback)
    dialog.open()


def exec_returning_focus(dialog: QDialog, fallback: QWidget | None = None) -> int:
    """``dialog.exec()``, the focus coming back when it closes (see return_focus)."""
    return_focus(dialog, fallback)
    return dialog.exec()
