"""The regulator's side of one order, in the order's detail: the ticket it was made from (level,
reply deadline, the replies sent) and the supervision notices (督办) about it.

Hidden for the many orders the regulator has nothing to say about; those cost no query (the
order's row already tells whether it has a ticket or a notice). What the box shows is read with
the order, on the database thread (:func:`read_regulator_side`), and shown by ``show_order``.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wuye_desktop.core.clock import format_local, now_utc, to_local
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import Action, OrderDetail, permitted_actions, supervision_overdue
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.regulator import labels

if TYPE_CHECKING:
    from wuye_desktop.regulator.inbox import ReplyRow, SupervisionRow
    from wuye_desktop.storage.models import RegulatorTicket

log = logging.getLogger(__name__)

_GREY = "#5f6b7a"


@dataclass(frozen=True)
class RegulatorSide:
    """What the regulator has said about one order: its ticket with the replies sent, and the
    supervision notices (empty when it has none, or when they could not be read)."""

    ticket: RegulatorTicket | None = None
    replies: tuple[ReplyRow, ...] = ()
    notices: tuple[SupervisionRow, ...] = ()


def read_regulator_side(db: Database, detail: OrderDetail) -> RegulatorSide:
    """Read on the database thread with the order; queries only for orders that have a ticket
    or a notice."""
    from wuye_desktop.regulator import inbox

    ticket: RegulatorTicket | None = None
    replies: tuple[ReplyRow, ...] = ()
    notices: tuple[SupervisionRow, ...] = ()
    try:
        if detail.regulator_ticket_id:
            ticket = inbox.ticket_of_order(db, detail.id)
            if ticket is not None:
                replies = tuple(inbox.replies_of_order(db, detail.id))
        if detail.row.supervision_due is not None:
            notices = tuple(inbox.supervisions(db, order_id=detail.id))
    except WuyeError as error:  # the rest of the order still shows
        log.warning("regulator data of order %s unavailable: %s", detail.id, error)
    return RegulatorSide(ticket, replies, notices)


class OrderRegulatorBox(Retranslating, QGroupBox):
    """Emits ``reply_requested`` for its "Reply to regulator…" button."""

    reply_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: OrderDetail | None = None
        self.side = RegulatorSide()
        self.has_ticket = False
        self.ticket_label = QLabel()
        self.ticket_label.setWordWrap(True)
        self.ticket_label.setTextFormat(Qt.TextFormat.RichText)
        self.ticket_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.supervision_label = QLabel()
        self.supervision_label.setWordWrap(True)
        self.supervision_label.setTextFormat(Qt.TextFormat.RichText)
        self.supervision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reply_button = QPushButton()
        self.reply_button.setAutoDefault(False)
        self.reply_button.clicked.connect(self.reply_requested.emit)
        self.may_reply = Action.REPLY in permitted_actions(ctx.actor)
        self.reply_button.setVisible(self.may_reply)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ticket_label)
        layout.addWidget(self.supervision_label)
        layout.addLayout(buttons)
        self.hide()
        self.retranslate()

    def show_order(self, detail: OrderDetail, side: RegulatorSide) -> None:
        self.detail, self.side = detail, side
        self.has_ticket = side.ticket is not None
        ticket_html = self._ticket_html(side) if side.ticket is not None else ""
        supervision_html = self._supervision_html(detail, side) if side.notices else ""
        self.ticket_label.setText(ticket_html)
        self.ticket_label.setVisible(bool(ticket_html))
        self.supervision_label.setText(supervision_html)
        self.supervision_label.setVisible(bool(supervision_html))
        self.reply_button.setEnabled(self.has_ticket)
        self.reply_button.setVisible(self.has_ticket and self.may_reply)
        self.setVisible(bool(ticket_html or supervision_html))

    def _ticket_html(self, side: RegulatorSide) -> str:
        ticket, replies = side.ticket, side.replies
        assert ticket is not None
        now = now_utc()
        due = ticket.reply_due_at
        late = due is not None and not replies and to_local(due) < now
        due_text = html.escape(format_local(due) or "—")
        if late:
            overdue = html.escape(self.tr("reply overdue"))
            due_text = f"<b style='color:{labels.BAD_COLOUR.name()}'>{due_text} · {overdue}</b>"
        head = self.tr("Ticket <b>{ticket}</b> · {level} · reply due {due}").format(
            ticket=html.escape(ticket.ticket_id),
            level=html.escape(labels.level_text(ticket.level)),
            due=due_text,
        )
        lines = [head]
        if not replies:
            none_yet = html.escape(self.tr("No reply yet."))
            lines.append(f"<span style='color:{_GREY}'>{none_yet}</span>")
        for reply in replies:
            who = reply.display_name or reply.username
            meta = " · ".join(html.escape(p) for p in (format_local(reply.at), who) if p)
            result = html.escape(labels.result_text(reply.result))
            text = html.escape(reply.content)
            if reply.reason:
                text += " — " + html.escape(self.tr("reason: {reason}").format(reason=reply.reason))
            lines.append(f"<span style='color:{_GREY}'>{meta}</span> · <b>{result}</b> {text}")
        return "<br>".join(lines)

    def _supervision_html(self, detail: OrderDetail, side: RegulatorSide) -> str:
        notices = side.notices
        now = now_utc()
        lines = []
        for notice in notices:
            overdue = supervision_overdue(notice.deadline, detail.row.status, now)
            colour = labels.BAD_COLOUR.name() if overdue else labels.WARN_COLOUR.name()
            head = self.tr(
                "Supervision notice {id} · issued {issued} · deadline {deadline}"
            ).format(
                id=html.escape(notice.supervision_id),
                issued=html.escape(format_local(notice.issued_at)),
                deadline=f"<b style='color:{colour}'>"
                f"{html.escape(format_local(notice.deadline))}</b>",
            )
            lines.append(f"{head}<br>{html.escape(notice.content)}")
        return "<br><br>".join(lines)

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Regulator"))
        self.reply_button.setText(self.tr("Reply to re&gulator…"))
        self.reply_button.setToolTip(self.tr("Tell the regulator's platform how the ticket stands"))
        if self.detail is not None:
            self.show_order(self.detail, self.side)
