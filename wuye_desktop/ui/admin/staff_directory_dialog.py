"""The staff directory in a window of its own: managers keep their technicians, teams and
contractors' contacts here (administrators also reach the same page in Administration)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from wuye_desktop.core.roles import Permission
from wuye_desktop.ui.admin.staff_page import StaffPage
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating


class StaffDirectoryDialog(Retranslating, QDialog):
    """For a user whose role may not keep the directory, building it raises PermissionDenied
    (the check the core's staff services make), before anything is read."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ctx.actor.require(Permission.STAFF_EDIT)
        self.page = StaffPage(ctx)
        self.page.reload()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff directory"))
