"""The disclosure (公示) of a period: preview its PDF, and publish it to the regulator (finance).

The period offered first is the latest closed one (a closed period prints its final figures;
an open one prints as 试算), or the previous quarter while none is closed; the posting date
(公示日期, from which the objection period runs) is today unless the office posts it later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.file_names import suggested_file_name
from wuye_desktop.core.ledger import disclosure, queries
from wuye_desktop.core.ledger.periods import latest_closed_period, previous_quarter
from wuye_desktop.core.prints.disclosure import disclosure_pdf
from wuye_desktop.core.roles import Permission
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.documents.preview import preview_document
from wuye_desktop.ui.messages import describe
from wuye_desktop.ui.widgets.dates import date_edit, edited_date
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.workers import Task, run_in_background


class DisclosureDialog(QDialog):
    def __init__(
        self, ctx: AppContext, community: int, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.community, self.code = ctx, community, code
        self.task: Task | None = None
        self.published: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Disclosure"))
        self.period = QLineEdit(previous_quarter(today_local()))
        self.period.setPlaceholderText("2026Q3 / 2026-07")
        self.posted_on = date_edit(today_local())
        self.errors = FormErrorDisplay({"period": self.period}, self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = buttons.addButton(
            self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.publish_button = buttons.addButton(
            self.tr("Publish"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.publish_button.setVisible(ctx.can(Permission.LEDGER_EDIT))
        self.preview_button.clicked.connect(self.preview)
        self.publish_button.clicked.connect(self.publish)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Period"), self.errors.wrap("period"))
        form.addRow(self.tr("Posting date"), self.posted_on)
        form.addRow(self.errors.general_label)
        form.addRow(self.status)
        form.addRow(buttons)
        db, actor = ctx.db, ctx.actor
        self.load_task: Task | None = run_in_background(
            self,
            lambda _progress: queries.month_summaries(db, actor, community),
            label=self.tr("Loading…"),
            on_done=self._offer_closed_period,
            on_error=lambda _error: None,  # the previous quarter stays offered
        )

    def _offer_closed_period(self, months: list[queries.MonthSummary]) -> None:
        latest = latest_closed_period([m.period for m in months if m.closed])
        if latest and not self.period.isModified():  # what the user typed stays
            self.period.setText(latest)

    def _refused(self, error: WuyeError) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error)
        else:
            self.errors.show_message(describe(error))

    def preview(self) -> None:
        self.errors.clear()
        db, actor, community, period = (
            self.ctx.db, self.ctx.actor, self.community, self.period.text().strip(),
        )  # fmt: skip
        posted_on = edited_date(self.posted_on)
        self.task = preview_document(
            self,
            self.ctx,
            self.tr("Disclosure {code} {period}").format(code=self.code, period=period),
            lambda _progress: disclosure_pdf(db, actor, community, period, posted_on),
            file_name=suggested_file_name(
                self.tr("Public-income disclosure"), self.code, period, ext="pdf"
            ),
            on_error=self._refused,
        )

    def publish(self) -> None:
        self.errors.clear()
        period = self.period.text().strip()
        answer = QMessageBox.question(
            self,
            self.tr("Publish"),
            self.tr("Publish the disclosure of {period} to the regulator?").format(period=period),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, community = self.ctx.db, self.ctx.actor, self.community
        self.task = run_in_background(
            self,
            lambda _progress: disclosure.publish(db, actor, community, period),
            label=self.tr("Publishing…"),
            on_done=self._published,
            on_error=self._refused,
        )

    def _published(self, body: dict[str, Any]) -> None:
        self.published = body
        self.status.setText(
            self.tr(
                "Published: closing balance {closing} yuan; it will be sent to the regulator."
            ).format(closing=body.get("closing_balance", ""))
        )
