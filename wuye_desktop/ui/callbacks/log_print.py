"""Printing the callback log (回访记录表) from the Callbacks tab: the period's, or blank.

A button with a menu beside the tab's period: the log of the callbacks made in the period the
statistics show (from its first day to today), or blank pages to fill in by hand. Both open
in the PDF preview, from which they are printed or saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.prints import callback_log
from wuye_desktop.core.roles import Permission
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.documents.preview import preview_document
from wuye_desktop.ui.i18n import Retranslating


class CallbackLogButton(Retranslating, QToolButton):
    """*period_first()* is the first local day of the period the tab shows."""

    def __init__(
        self,
        ctx: AppContext,
        period_first: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period_first = period_first
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setVisible(ctx.can(Permission.DOCUMENTS_PRINT))
        menu = QMenu(self)
        self.period_action = QAction(menu)
        self.period_action.triggered.connect(lambda _checked=False: self.print_period())
        self.blank_action = QAction(menu)
        self.blank_action.triggered.connect(lambda _checked=False: self.print_blank())
        menu.addAction(self.period_action)
        menu.addAction(self.blank_action)
        self.setMenu(menu)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Print callback &log…"))
        self.period_action.setText(self.tr("This period's callbacks"))
        self.blank_action.setText(self.tr("Blank pages…"))

    def print_period(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        first = self.period_first()
        span = callback_log.days(first, to_local(now_utc()).date())
        preview_document(
            self.window(),
            self.ctx,
            self.tr("Callback log"),
            lambda _progress: callback_log.callback_log_pdf(db, actor, span),
        )

    def print_blank(self) -> None:
        pages, ok = QInputDialog.getInt(
            self.window(),
            self.tr("Blank callback log"),
            self.tr("Pages:"),
            1,
            1,
            callback_log.MAX_BLANK_PAGES,
        )
        if not ok:
            return
        db, actor = self.ctx.db, self.ctx.actor
        preview_document(
            self.window(),
            self.ctx,
            self.tr("Blank callback log"),
            lambda _progress: callback_log.blank_log_pdf(db, actor, pages),
        )
