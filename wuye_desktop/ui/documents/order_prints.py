"""The print actions on a work order: the technician's slip, the commitment letter, the callback
form, and the household's close-out list. The Work orders tab shows them in a "Print" menu on
its toolbar and in its context menu; they follow the order shown in its detail pane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from wuye_desktop.core.orders import Action, OrderDetail, available_actions
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Permission
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.documents.preview import Issue, preview_document


class OrderPrintActions(QObject):
    """Owns the actions; ``set_order(detail)`` enables what applies to the order shown."""

    def __init__(
        self,
        ctx: AppContext,
        owner: QWidget,
        current: Callable[[], OrderDetail | None],
    ) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self._current = current
        can_print = ctx.can(Permission.DOCUMENTS_PRINT)
        self.slip_action = self._action(self.print_slip)
        self.letter_action = self._action(self.print_letter)
        self.callback_action = self._action(self.print_callback_form)
        self.closeout_action = self._action(self.open_closeout)
        self.actions = [
            self.slip_action,
            self.letter_action,
            self.callback_action,
            self.closeout_action,
        ]
        for action in self.actions:
            action.setVisible(can_print)
        self.menu = QMenu(owner)
        self.menu.setToolTipsVisible(True)  # why a greyed-out entry cannot be printed now
        self.menu.addActions(self.actions[:3])
        self.menu.addSeparator()
        self.menu.addAction(self.closeout_action)
        self.button = QToolButton()
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.button.setVisible(can_print)
        owner.installEventFilter(self)
        self.retranslate()
        self.set_order(None)

    def _action(self, slot: Callable[[], None]) -> QAction:
        action = QAction(self.owner)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def set_order(self, detail: OrderDetail | None) -> None:
        """What the core allows on the order; a greyed-out entry's tooltip says why."""
        available = available_actions(detail, self.ctx.actor) if detail is not None else {}
        for action, move in (
            (self.slip_action, Action.PRINT_SLIP),
            (self.letter_action, Action.PRINT_COMMITMENT),
            (self.callback_action, Action.PRINT_CALLBACK_FORM),
        ):
            availability = available.get(move)
            action.setEnabled(availability is not None and availability.allowed)
            refusal = availability.refusal if availability is not None else None
            action.setToolTip(messages.describe(refusal) if refusal is not None else "")
        self.closeout_action.setEnabled(detail is not None and detail.household_id is not None)

    def _preview(
        self,
        title: str,
        make: Callable[[Progress], bytes],
        issue: Issue | None = None,
    ) -> None:
        changed = self.ctx.signals.orders_changed
        preview_document(
            self.owner,
            self.ctx,
            title,
            make,
            issue=issue,
            on_printed=lambda _data: changed.emit(),
        )

    def print_slip(self) -> None:
        from wuye_desktop.core.prints.slip import slip_pdf

        detail = self._current()
        if detail is None:
            return
        db, actor, order = self.ctx.db, self.ctx.actor, detail.id
        self._preview(
            self.tr("Work-order slip {number}").format(number=detail.row.number),
            lambda _progress: slip_pdf(db, actor, order),
        )

    def print_letter(self) -> None:
        from wuye_desktop.core.prints.commitment import preview_commitment, print_commitment

        detail = self._current()
        if detail is None or detail.commitment is None:
            return
        db, actor, order = self.ctx.db, self.ctx.actor, detail.id
        self._preview(
            self.tr("Commitment letter {number}").format(number=detail.commitment.number),
            lambda _progress: preview_commitment(db, actor, order),
            lambda output: print_commitment(db, actor, order, output),
        )

    def print_callback_form(self) -> None:
        from wuye_desktop.core.prints.callback_form import callback_pdf

        detail = self._current()
        if detail is None:
            return
        db, actor, order = self.ctx.db, self.ctx.actor, detail.id
        self._preview(
            self.tr("Callback form {number}").format(number=detail.row.number),
            lambda _progress: callback_pdf(db, actor, order),
        )

    def open_closeout(self) -> None:
        from wuye_desktop.ui.closeout import open_closeout_dialog

        detail = self._current()
        if detail is None or detail.household_id is None:
            return
        open_closeout_dialog(self.ctx, detail.household_id, self.owner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.owner and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Print"))
        self.slip_action.setText(self.tr("Work-order &slip…"))
        self.slip_action.setStatusTip(self.tr("The technician's slip with the order's QR code"))
        self.letter_action.setText(self.tr("Commitment &letter…"))
        self.letter_action.setStatusTip(
            self.tr("The 承诺书 of a promised repair; prints after the first are copies")
        )
        self.callback_action.setText(self.tr("Call&back form…"))
        self.callback_action.setStatusTip(self.tr("The 回访单 of a completed order"))
        self.closeout_action.setText(self.tr("Close-&out list…"))
        self.closeout_action.setStatusTip(self.tr("The household's 销项表: defect items to close"))
