"""The selected order in full: fields, the caller (masked, with an audited reveal), the
commitment, callbacks, photos (:mod:`.photo_strip`) and the timeline of every change, timed and
signed (:mod:`.timeline`).

Everything the pane shows is read in one go on the database thread (:func:`load_order`, asked
by the tab); while the next order is on its way the pane keeps the one it shows, greyed out.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import (
    OPEN_STATUSES,
    OrderDetail,
)
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.regulator.order_box import (
    OrderRegulatorBox,
    RegulatorSide,
    read_regulator_side,
)
from wuye_desktop.ui.work_orders import labels
from wuye_desktop.ui.work_orders.photo_strip import LoadedPhoto, OrderPhotos, read_photos
from wuye_desktop.ui.work_orders.timeline import OrderTimeline

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedOrder:
    """An order with all the pane shows of it: the regulator's side and the photos' bytes."""

    detail: OrderDetail
    regulator: RegulatorSide
    photos: tuple[LoadedPhoto, ...]


def load_order(db: Database, actor: Actor, order_id: int | str) -> LoadedOrder:
    """Runs on the database thread; raises the core's WuyeError (NotFound, PermissionDenied)."""
    detail = orders.get_order(db, actor, order_id)
    return LoadedOrder(
        detail, read_regulator_side(db, detail), read_photos(db, actor, detail.photos)
    )


class OrderDetailPane(Retranslating, QScrollArea):
    """Shows one OrderDetail; its photos (``photo_box``) ask for a new one by their
    ``add_photo_requested``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: OrderDetail | None = None
        self.loaded: LoadedOrder | None = None
        self.loading_id: int | None = None  # an order asked for and not shown yet
        self._revealed: str | None = None
        self._reveal = DbChannel(self)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)

        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setMargin(12)
        self.notice = QLabel()  # e.g. "not in the list with the current filters"
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()

        # -- heading --
        self.number = QLabel()
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel()
        self.urgency = QLabel()
        heading = QHBoxLayout()
        heading.addWidget(self.number)
        heading.addWidget(self.status_chip)
        heading.addWidget(self.urgency)
        heading.addStretch(1)

        # -- fields --
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        keys = [
            ("community", "place"),
            ("category", "tier"),
            ("source", "channel"),
            ("handler", "ticket"),
            ("reported", "response_due"),
            ("completion_due", "responded"),
            ("completed", "closed"),
            ("callback_due", "created_by"),
        ]
        for row, pair in enumerate(keys):
            for column, key in enumerate(pair):
                caption = QLabel()
                caption.setStyleSheet("color: #5f6b7a;")
                value = QLabel()
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                self.captions[key], self.values[key] = caption, value
                grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.caller_caption = QLabel()
        self.caller_caption.setStyleSheet("color: #5f6b7a;")
        self.caller = QLabel()
        self.caller.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton()
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.reveal_phone)
        caller_row = QHBoxLayout()
        caller_row.addWidget(self.caller_caption)
        caller_row.addWidget(self.caller)
        caller_row.addWidget(self.reveal_button)
        caller_row.addStretch(1)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setStyleSheet(
            "QLabel { background: #f7f9fb; border: 1px solid #e1e6ec; padding: 6px; }"
        )

        # -- commitment --
        self.commitment_box = QGroupBox()
        self.commitment_form = QFormLayout(self.commitment_box)
        self.commitment_values: dict[str, QLabel] = {}
        self.commitment_captions: dict[str, QLabel] = {}
        for key in ("number", "plan", "promised_date", "responsible", "issued", "fulfilled"):
            caption, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.commitment_captions[key], self.commitment_values[key] = caption, value
            self.commitment_form.addRow(caption, value)

        # -- the regulator's ticket and supervision notices --
        self.regulator_box = OrderRegulatorBox(ctx)

        # -- callbacks --
        self.callbacks_box = QGroupBox()
        self.callbacks_label = QLabel()
        self.callbacks_label.setWordWrap(True)
        self.callbacks_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.callbacks_box).addWidget(self.callbacks_label)

        self.photo_box = OrderPhotos(ctx)
        self.timeline = OrderTimeline()

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(heading)
        content.addWidget(self.notice)
        content.addLayout(grid)
        content.addLayout(caller_row)
        content.addWidget(self.description)
        content.addWidget(self.regulator_box)
        content.addWidget(self.commitment_box)
        content.addWidget(self.timeline, 1)
        content.addWidget(self.callbacks_box)
        content.addWidget(self.photo_box)
        layout = QVBoxLayout(body)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content, 1)
        self.content.hide()
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------------

    @property
    def order_id(self) -> int | None:
        """The order shown, or the one on its way to be shown."""
        if self.loading_id is not None:
            return self.loading_id
        return self.detail.id if self.detail is not None else None

    def ready(self) -> OrderDetail | None:
        """The order shown, unless another one is on its way: what the moves act on."""
        if self.detail is None or self.loading_id not in (None, self.detail.id):
            return None
        return self.detail

    def show_loading(self, order_id: int) -> None:
        """Another order is being read: the one shown stays, greyed out, until it arrives."""
        self.loading_id = order_id
        self.content.setEnabled(self.detail is not None and self.detail.id == order_id)

    def clear(self) -> None:
        self.detail = None
        self.loaded = None
        self.loading_id = None
        self._revealed = None
        self._reveal.drop()
        self.content.hide()
        self.content.setEnabled(True)
        self.placeholder.show()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_order(self, loaded: LoadedOrder) -> None:
        detail = loaded.detail
        if self.detail is None or self.detail.id != detail.id:
            self._revealed = None  # a reveal holds for the order it was asked on only
            self._reveal.drop()
            self.show_notice("")
        self.detail, self.loaded = detail, loaded
        if self.loading_id == detail.id:
            self.loading_id = None
        self.placeholder.hide()
        self.content.setEnabled(True)
        self.content.show()
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        if d is None:
            return
        row = d.row
        self.number.setText(row.number)
        status = labels.status_text(row.status)
        if row.paused:
            status = self.tr("{status} (paused)").format(status=status)
        self.status_chip.setText(status)
        self.status_chip.setStyleSheet(
            "QLabel { background: #e8eef6; border-radius: 8px; padding: 2px 8px; }"
        )
        due = labels.due_text(row, now_utc())
        _background, foreground = labels.urgency_colours(row)
        self.urgency.setText(due if row.status in OPEN_STATUSES else "")
        self.urgency.setStyleSheet(
            f"color: {foreground.name()}; font-weight: bold;" if foreground is not None else ""
        )
        place = d.household_code or d.location
        if d.household_code and row.place:
            place = f"{row.place}  ({d.household_code})"
        values = {
            "community": row.community,
            "place": place,
            "category": labels.category_text(row.category),
            "tier": labels.tier_text(row.tier),
            "source": labels.source_text(row.source),
            "channel": labels.channel_text(row.channel),
            "handler": row.handler or "—",
            "ticket": d.regulator_ticket_id or "—",
            "reported": format_local(row.reported_at),
            "response_due": format_local(d.response_due),
            "completion_due": format_local(row.completion_due),
            "responded": format_local(d.responded_at) or "—",
            "completed": format_local(d.completed_at) or "—",
            "closed": format_local(d.closed_at) or "—",
            "callback_due": format_local(d.callback_due) or "—",
            "created_by": next((e.staff or e.username for e in d.timeline), ""),
        }
        for key, text in values.items():
            self.values[key].setText(text)
        # The login behind the 受理人's name, for an administrator.
        self.values["created_by"].setToolTip(next((e.username for e in d.timeline), ""))
        self._show_caller()
        self.description.setText(row.description)
        assert self.loaded is not None
        self.regulator_box.show_order(d, self.loaded.regulator)
        self._fill_commitment()
        self._fill_callbacks()
        self.photo_box.show_photos(self.loaded.photos)
        self.timeline.show_entries(d.timeline)

    def _show_caller(self) -> None:
        d = self.detail
        assert d is not None
        phone = self._revealed if self._revealed is not None else d.row.caller_phone
        parts = [p for p in (d.caller_name, phone) if p]
        self.caller.setText("  ".join(parts) or "—")
        can = self.ctx.can(Permission.PHONE_REVEAL_ON_ORDER)
        # The regulator sends callers' numbers masked only: there is nothing more to show.
        from_ticket = d.regulator_ticket_id is not None
        self.reveal_button.setVisible(can and bool(d.row.caller_phone) and not from_ticket)
        self.reveal_button.setEnabled(self._revealed is None and not self._reveal.busy)

    def _fill_commitment(self) -> None:
        d = self.detail
        assert d is not None
        c = d.commitment
        self.commitment_box.setVisible(c is not None)
        if c is None:
            return
        v = self.commitment_values
        v["number"].setText(c.number)
        v["plan"].setText(c.plan)
        v["promised_date"].setText(c.promised_date.isoformat())
        v["responsible"].setText(f"{c.responsible_unit} / {c.responsible_person}")
        v["issued"].setText(f"{format_local(c.issued_at)}  {c.issued_by_name or c.issued_by}")
        v["issued"].setToolTip(c.issued_by)
        v["fulfilled"].setText(format_local(c.fulfilled_at) or "—")

    def _fill_callbacks(self) -> None:
        d = self.detail
        assert d is not None
        self.callbacks_box.setVisible(bool(d.callbacks))
        lines = []
        for cb in d.callbacks:
            head = " · ".join(
                html.escape(p)
                for p in (
                    format_local(cb.at),
                    labels.method_text(cb.method),
                    cb.person_reached,
                    cb.staff or cb.username,
                )
                if p
            )
            colour = "#b3261e" if cb.satisfaction == "dissatisfied" else "#2e7d32"
            verdict = html.escape(labels.satisfaction_text(cb.satisfaction))
            comment = f"<br>{html.escape(cb.comment)}" if cb.comment else ""
            lines.append(f"{head} · <b style='color:{colour}'>{verdict}</b>{comment}")
        self.callbacks_label.setText("<br><br>".join(lines))

    # -- the caller's number ---------------------------------------------------------------------

    def reveal_phone(self) -> None:
        d = self.detail
        if d is None or self._reveal.busy:
            return
        actor, order_id = self.ctx.actor, d.id

        def reveal(db: Database) -> str:
            return orders.reveal_caller_phone(db, actor, order_id)

        def revealed(phone: str) -> None:
            if self.detail is not None and self.detail.id == order_id:
                self._revealed = phone
                self._show_caller()

        def refused(error: WuyeError) -> None:
            messages.show_error(self, error)
            if self.detail is not None:
                self._show_caller()

        self.reveal_button.setEnabled(False)
        self._reveal.submit(
            self.ctx.db,
            reveal,
            label=self.tr("Showing the number…"),
            on_done=revealed,
            on_error=refused,
        )

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr(
                "Select an order in the list to see it here with its timeline. "
                "Ctrl+N takes a new call."
            )
        )
        captions = {
            "community": self.tr("Community"),
            "place": self.tr("Room / place"),
            "category": self.tr("Category"),
            "tier": self.tr("Tier"),
            "source": self.tr("Source"),
            "channel": self.tr("Channel"),
            "handler": self.tr("Handler"),
            "ticket": self.tr("Regulator ticket"),
            "reported": self.tr("Reported"),
            "response_due": self.tr("Response due"),
            "completion_due": self.tr("Completion due"),
            "responded": self.tr("Responded"),
            "completed": self.tr("Completed"),
            "closed": self.tr("Closed"),
            "callback_due": self.tr("Callback due"),
            "created_by": self.tr("Taken by"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.caller_caption.setText(self.tr("Caller"))
        self.reveal_button.setText(self.tr("Show number"))
        self.reveal_button.setToolTip(
            self.tr("Show the caller's full number; the reveal is logged")
        )
        self.commitment_box.setTitle(self.tr("Commitment"))
        commitment_captions = {
            "number": self.tr("Number"),
            "plan": self.tr("Plan"),
            "promised_date": self.tr("Promised date"),
            "responsible": self.tr("Responsible"),
            "issued": self.tr("Issued"),
            "fulfilled": self.tr("Fulfilled"),
        }
        for key, text in commitment_captions.items():
            self.commitment_captions[key].setText(text)
        self.callbacks_box.setTitle(self.tr("Callbacks"))
        if self.detail is not None:
            self._fill()
