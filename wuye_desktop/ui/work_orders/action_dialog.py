"""The frame every work-order action dialog shares.

A dialog shows which order it acts on, a form, and OK / Cancel. It opens at once with its form
disabled and "reading…" where the order goes; the order (and, for the dialogs that propose
them, its community's channels; for the reply, its regulator ticket) is read on the database
thread, in one request, and fills the form when it arrives. OK makes ONE core call with the
version of the order the dialog loaded, on the database thread (OK is disabled meanwhile). What the core refuses is shown where it belongs:
field errors at their fields (nothing saved), a stale version as a message after which the
dialog shows the fresh order and keeps what the user typed, any other refusal (a move the
status flow forbids, a role without the permission) as a message. After a successful call the
dialog emits ``ctx.signals.orders_changed`` so every view of orders reloads, then closes.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.core.errors import ConcurrentEdit, ValidationError, WuyeError
from wuye_desktop.core.orders import OrderDetail
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves
from wuye_desktop.ui.work_orders import labels

SaveWork = Callable[[Database], object]
"""The one core call of a move, with the form's values taken: run on the database thread."""

Channels = dict[str, directory.ChannelView]

ExtraRead = Callable[[Database, OrderDetail], object]
"""More that a dialog reads with its order, in the same request (on the database thread)."""


def read_channels(db: Database, actor: Actor, community_id: int) -> Channels:
    """The community's 3 channels (unit, contact, phone), to name them and prefill fields."""
    try:
        community = directory.get_community(db, actor, community_id)
    except WuyeError:  # only a convenience: the dialog works without it
        return {}
    return {c.channel.value: c for c in community.channels}


def order_summary_html(detail: OrderDetail) -> str:
    """Number, status, where and what, in two lines: the order an action is about."""
    row = detail.row
    place = " ".join(p for p in (row.community, row.place) if p)
    head = " · ".join(
        html.escape(p)
        for p in (
            labels.status_text(row.status),
            labels.tier_text(row.tier),
            labels.category_text(row.category),
            place,
        )
        if p
    )
    description = html.escape(row.description)
    if len(description) > 240:
        description = description[:240] + "…"
    return f"<b>{html.escape(row.number)}</b> · {head}<br>{description}"


class OrderActionDialog(QDialog):
    """Subclasses build their fields with ``add_field``, implement ``save``, and end their
    constructor with ``self.load()``, which asks for the order; ``loaded`` fills the form when
    it arrives (``detail`` is None until then). If the order cannot be read the dialog shows
    why and closes. ``saving`` is true while OK's call is on its way.
    """

    needs_channels = False
    """Whether ``loaded`` wants the community's channels (``self.channels``) read too."""

    def extra_read(self) -> ExtraRead | None:
        """Hook: what else to read with the order (its answer is ``self.extra`` in ``loaded``).
        Called on the GUI thread; what it returns runs on the database thread, so it must not
        touch the dialog."""
        return None

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.detail: OrderDetail | None = None
        self.channels: Channels = {}
        self.extra: object = None  # what extra_read() read, with the order
        self.saving = False
        self._reads = DbChannel(self)
        self.setMinimumWidth(480)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(
            "QLabel { background: #f3f6fa; border: 1px solid #d6dde6; border-radius: 3px; "
            "padding: 6px; }"
        )
        self.errors = FormErrorDisplay({}, self)
        # Disabled until the order arrives: nothing typed before can be overwritten by it.
        self.form_box = QWidget()
        self.form_box.setEnabled(False)
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter_saves(self, self.buttons)
        # Kept typed: self.layout() is only a QLayout, and subclasses insert rows into it.
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.summary)
        self.column.addWidget(self.form_box)
        self.column.addWidget(self.errors.general_label)
        self.column.addStretch(1)
        self.column.addWidget(self.buttons)
        self._update_ok()

    # -- building ------------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget, row: int = -1) -> QLabel:
        """A form row for the core field *name*, at *row* (the end if negative); returns its
        label (for retranslating)."""
        self.errors.add_field(name, widget)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.insertRow(row, caption, self.errors.wrap(name))
        return caption

    def ok_button_text(self, text: str) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        button.setText(text)

    # -- the order -----------------------------------------------------------------------------

    def load(self) -> None:
        """Ask for the order; the last step of a subclass's constructor."""
        self.summary.setText(self.tr("Reading the order…"))
        self._read(first=True)

    def _read(self, first: bool) -> None:
        actor, order_id, wants = self.ctx.actor, self.order_id, self.needs_channels
        extra = self.extra_read()

        def read(db: Database) -> tuple[OrderDetail, Channels, object]:
            detail = orders.get_order(db, actor, order_id)
            channels = read_channels(db, actor, detail.community_id) if wants else {}
            return detail, channels, extra(db, detail) if extra is not None else None

        self._reads.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the order…"),
            on_done=lambda answer: self._arrived(answer, first),
            on_error=self._unreadable,
        )
        self._update_ok()

    def _arrived(self, answer: tuple[OrderDetail, Channels, object], first: bool) -> None:
        self.detail, self.channels, self.extra = answer
        self.summary.setText(order_summary_html(self.detail))
        self.form_box.setEnabled(True)
        self.loaded(self.detail, first)
        self._update_ok()

    def _unreadable(self, error: WuyeError) -> None:
        messages.show_error(self, error)
        self.reject()
        # Gone or no longer visible: whoever lists this order must read the list again.
        self.ctx.signals.orders_changed.emit()

    def loaded(self, detail: OrderDetail, first: bool) -> None:
        """Hook: prefill the form and put the focus in it (only when *first*: a reload keeps
        what the user typed)."""

    def save(self, detail: OrderDetail) -> SaveWork:
        """The one core call of this action with ``detail.version``, the form's values read
        now; it runs on the database thread."""
        raise NotImplementedError

    # -- OK ------------------------------------------------------------------------------------

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        self._update_ok()

    def _update_ok(self) -> None:
        """OK only with the order read (its version is what OK sends) and nothing on its way."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setEnabled(self.detail is not None and not self.saving and not self._reads.busy)

    def accept(self) -> None:
        # A second Enter while the first is on its way, or Enter before the order arrived.
        if self.saving or self.detail is None or self._reads.busy:
            return
        self.errors.clear()
        work = self.save(self.detail)
        self._set_saving(True)
        request = run_db(
            self,
            self.ctx.db,
            work,
            label=self.windowTitle(),
            on_done=self._saved,
            on_error=self._refused,
        )
        request.failed.connect(lambda _exc: self._set_saving(False))

    def _saved(self, _result: object) -> None:
        self._set_saving(False)
        self.ctx.signals.orders_changed.emit()
        super().accept()

    def _refused(self, error: WuyeError) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError):
            self.errors.show(error)
        elif isinstance(error, ConcurrentEdit):
            messages.show_error(self, error)
            self._reload_after_conflict()
        else:
            messages.show_error(self, error)

    def _reload_after_conflict(self) -> None:
        # The form stays as typed; OK waits for the fresh version.
        self._read(first=False)
        # Whoever shows this order must show the other desk's change too.
        self.ctx.signals.orders_changed.emit()
