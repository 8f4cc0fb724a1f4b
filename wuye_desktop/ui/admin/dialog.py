"""The Administration dialog. Only administrators reach it; the core refuses anybody else."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from wuye_desktop.core.roles import Permission
from wuye_desktop.ui.admin.audit_page import AuditPage
from wuye_desktop.ui.admin.company_page import CompanyPage
from wuye_desktop.ui.admin.staff_page import StaffPage
from wuye_desktop.ui.admin.users_page import UsersPage
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating


class AdministrationDialog(Retranslating, QDialog):
    """Company, users, the staff directory and audit log, each read on the database thread. For a user who is not
    an administrator building it raises PermissionDenied (the check the core services make)."""

    company_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # Refused here, before anything is asked: the pages' reads answer later, and a dialog
        # that opens only to show a refusal would be worse.
        ctx.actor.require(Permission.ADMINISTER)
        ctx.actor.require(Permission.AUDIT_READ)
        self.company_page = CompanyPage(ctx)
        self.users_page = UsersPage(ctx)
        self.staff_page = StaffPage(ctx)
        self.audit_page = AuditPage(ctx)
        self.users_page.reload()
        self.staff_page.reload()
        self.company_page.reload()
        self.audit_page.reload()
        self.company_page.saved.connect(self.company_changed)

        self.pages = QTabWidget()
        self.pages.addTab(self.company_page, "")
        self.pages.addTab(self.users_page, "")
        self.pages.addTab(self.staff_page, "")
        self.pages.addTab(self.audit_page, "")
        self.pages.currentChanged.connect(self._page_shown)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(900, 600)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Administration"))
        self.pages.setTabText(0, self.tr("C&ompany"))
        self.pages.setTabText(1, self.tr("&Users"))
        self.pages.setTabText(2, self.tr("Staff director&y"))
        self.pages.setTabText(3, self.tr("Au&dit log"))

    def _page_shown(self, index: int) -> None:
        # The log grows with every action taken meanwhile (in this dialog too): show it fresh.
        if self.pages.widget(index) is self.audit_page:
            self.audit_page.reload()
