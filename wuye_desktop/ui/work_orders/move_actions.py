"""The moves on the selected order as actions: the Work orders tab's toolbar, its context menu
and shortcuts, and the Keys menu that lists them.

Each move is shown only to a role that may make it and enabled only when the core allows it on
the order shown; a disabled move's tip says why (``core.orders.actions``). The tab connects the
actions to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSizePolicy, QTableView, QToolBar, QToolButton, QWidget

from wuye_desktop.core.orders import (
    Action,
    OrderDetail,
    available_actions,
    dispatch_is_transfer,
    permitted_actions,
)
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.documents.order_prints import OrderPrintActions
from wuye_desktop.ui.widgets.mnemonics import keys_text, set_keys


class OrderMoves(QObject):
    """The actions, added to *owner* so that their shortcuts work while it has the focus, and
    the toolbar, which also holds *prints* (the print menu of the order shown)."""

    def __init__(self, ctx: AppContext, owner: QWidget, prints: OrderPrintActions) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        # What the role may do at all is shown; what the selected order allows is enabled.
        self.permitted = permitted_actions(ctx.actor)
        self.move_of: dict[QAction, Action] = {}
        self._tips: dict[QAction, str] = {}
        self._main_keys: dict[QAction, str | None] = {}
        self.prints = prints

        self.dispatch_action = self._action("Ctrl+D", Action.DISPATCH)
        self.start_action = self._action("Ctrl+Shift+S", Action.START)
        self.complete_action = self._action("Ctrl+Shift+C", Action.COMPLETE)
        self.callback_action = self._action("Ctrl+R", Action.CALLBACK)
        self.close_action = self._action(None, Action.CLOSE)
        self.cancel_action = self._action(None, Action.CANCEL)
        self.pause_action = self._action(None, Action.PAUSE)
        self.resume_action = self._action(None, Action.RESUME)
        self.commitment_action = self._action(None, Action.ISSUE_COMMITMENT)
        self.note_action = self._action("Ctrl+M", Action.NOTE)
        self.photo_action = self._action(None, Action.PHOTO)
        self.reply_action = self._action(None, Action.REPLY)
        self.refresh_action = self._action(None)
        self.weekly_action = self._action(None)
        self.order_actions = [
            self.dispatch_action,
            self.start_action,
            self.complete_action,
            self.callback_action,
            self.close_action,
            self.cancel_action,
            self.pause_action,
            self.resume_action,
            self.commitment_action,
            self.note_action,
            self.photo_action,
            self.reply_action,
        ]
        self.toolbar = self._build_toolbar()

    def _action(self, shortcut: str | None, move: Action | None = None) -> QAction:
        action = QAction(self.owner)
        # The main key, and Alt with the letter of the text (set_keys, once there is a text).
        self._main_keys[action] = shortcut
        # Only while the tab has the focus: other tabs may use the same keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if move is not None:
            self.move_of[action] = move
            action.setVisible(move in self.permitted)
        self.owner.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setStyleSheet("QToolBar { spacing: 2px; border: none; }")
        for action in self.order_actions[:4]:
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.note_action, self.photo_action, self.pause_action):
            toolbar.addAction(action)
        toolbar.addAction(self.resume_action)
        toolbar.addSeparator()
        for action in (self.commitment_action, self.close_action, self.cancel_action):
            toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.prints.button)
        toolbar.addAction(self.weekly_action)
        toolbar.addAction(self.refresh_action)
        self.shortcuts_button = QToolButton()
        self.shortcuts_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.shortcuts_menu = QMenu(self.shortcuts_button)
        self.shortcuts_button.setMenu(self.shortcuts_menu)
        toolbar.addWidget(self.shortcuts_button)
        return toolbar

    def update(self, detail: OrderDetail | None) -> None:
        """Enable what the core allows on the order shown; a disabled move's tip says why."""
        self.prints.set_order(detail)
        available = available_actions(detail, self.ctx.actor) if detail is not None else {}
        transfer = detail is not None and dispatch_is_transfer(detail.row.status)
        self.dispatch_action.setText(self.tr("Transf&er…") if transfer else self.tr("&Dispatch…"))
        self._set_keys(self.dispatch_action, self._tips.get(self.dispatch_action, ""))
        for action, move in self.move_of.items():
            tip = self._tip_with_keys(action)
            availability = available.get(move)
            action.setEnabled(availability is not None and availability.allowed)
            if availability is not None and availability.refusal is not None:
                tip = f"{tip}\n{messages.describe(availability.refusal)}"
            action.setToolTip(tip)

    def context_menu(self, table: QTableView, pos: QPoint) -> None:
        """The moves a role may make, on the row under *pos*, and the prints."""
        index = table.indexAt(pos)
        if not index.isValid():
            return
        table.setCurrentIndex(index)
        menu = QMenu(self.owner)
        menu.setToolTipsVisible(True)  # why a greyed-out move is not possible now
        for action in self.order_actions:
            if action.isVisible():
                menu.addAction(action)
        menu.addSeparator()
        if self.prints.slip_action.isVisible():
            # A menu of their own: their letters are those of the toolbar's print menu.
            prints = menu.addMenu(self.prints.button.text())
            prints.addActions(self.prints.actions)
            menu.addSeparator()
        menu.addAction(self.refresh_action)
        menu.popup(table.viewport().mapToGlobal(pos))

    def retranslate(self, detail: OrderDetail | None) -> None:
        texts = [
            (
                self.dispatch_action,
                self.tr("&Dispatch…"),
                self.tr("Send to a channel and a handler; on a dispatched order, transfer it"),
            ),
            (
                self.start_action,
                self.tr("&Start work…"),
                self.tr("Work begins; a promised repair needs its commitment"),
            ),
            (
                self.complete_action,
                self.tr("&Complete…"),
                self.tr("The work is done; the order waits for its callback"),
            ),
            (
                self.callback_action,
                self.tr("Call&back…"),
                self.tr("Record the owner's verdict; dissatisfied reopens the order"),
            ),
            (
                self.close_action,
                self.tr("C&lose…"),
                self.tr("Close a completed order without a callback"),
            ),
            (
                self.cancel_action,
                self.tr("C&ancel order…"),
                self.tr("Cancel the order, with a reason"),
            ),
            (
                self.pause_action,
                self.tr("Pa&use…"),
                self.tr("Stop the deadline clock, with a reason"),
            ),
            (self.resume_action, self.tr("&Resume"), self.tr("Restart the deadline clock")),
            (
                self.commitment_action,
                self.tr("&Issue commitment…"),
                self.tr("Record the written promise of a promised repair"),
            ),
            (self.note_action, self.tr("&Note…"), self.tr("Add a note to the timeline")),
            (self.photo_action, self.tr("&Photo…"), self.tr("Attach a JPEG or PNG picture")),
            (
                self.reply_action,
                self.tr("Reply to re&gulator…"),
                self.tr("Answer the regulator's ticket this order was made from"),
            ),
            (self.refresh_action, self.tr("Refresh"), self.tr("Read the list again (F5)")),
            (
                self.weekly_action,
                self.tr("&Weekly list…"),
                self.tr("Unfinished orders as of Friday 16:00 of a week, per community"),
            ),
        ]
        for action, text, tip in texts:
            action.setText(text)
            self._set_keys(action, tip)
        self.update(detail)
        self.shortcuts_button.setText(self.tr("Keys"))
        lines = [
            (self.tr("Search box"), "Ctrl+F"),
            (self.tr("Refresh"), "F5"),
            (self.tr("From the search box into the list"), "↓"),
        ]
        # The moves themselves, each with its keys, so the menu can be used as well as read;
        # what has no action of its own is listed for reading.
        self.shortcuts_menu.clear()
        self.shortcuts_menu.setToolTipsVisible(True)
        for action in self.order_actions:
            if action.isVisible():
                self.shortcuts_menu.addAction(action)
        self.shortcuts_menu.addSeparator()
        for text, keys in lines:
            item = self.shortcuts_menu.addAction(f"{text}\t{keys}")
            item.setEnabled(False)
        self.shortcuts_button.setToolTip("\n".join(f"{keys}  {text}" for text, keys in lines))

    def _set_keys(self, action: QAction, tip: str) -> None:
        """The action's keys from its text now; its tips name them."""
        set_keys(action, self._main_keys.get(action))
        self._tips[action] = tip
        action.setToolTip(self._tip_with_keys(action))
        action.setStatusTip(tip)

    def _tip_with_keys(self, action: QAction) -> str:
        tip = self._tips.get(action, "")
        keys = keys_text(action)
        return f"{tip} ({keys})" if keys else tip
