"""Radio buttons that follow the arrow keys: ←/↑ and →/↓ choose the previous or next button of
the group, as in any choice on paper read left to right. (Qt moves the focus alone while no
button of the group is chosen yet, so the first arrow would choose nothing.)"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QButtonGroup

_BACK = {Qt.Key.Key_Left, Qt.Key.Key_Up}
_ON = {Qt.Key.Key_Right, Qt.Key.Key_Down}


class _ArrowKeys(QObject):
    def __init__(self, group: QButtonGroup) -> None:
        super().__init__(group)
        self.group = group

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key not in _BACK | _ON or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        buttons = [b for b in self.group.buttons() if b.isVisible() and b.isEnabled()]
        if watched not in buttons:
            return False
        step = -1 if key in _BACK else 1
        target = buttons[(buttons.index(watched) + step) % len(buttons)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.setChecked(True)
        return True


def arrows_choose(group: QButtonGroup) -> None:
    """Let the arrow keys choose among *group*'s buttons."""
    keys = _ArrowKeys(group)
    for button in group.buttons():
        button.installEventFilter(keys)
