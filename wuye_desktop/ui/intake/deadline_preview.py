"""The deadlines beside the intake's tier: computed by the core from the company's rules for
the tier and category chosen, as of now, on the database thread (the previous text stays until
the answer arrives)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QWidget

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.deadlines import Deadlines
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.vocab import Tier
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating

log = logging.getLogger(__name__)

_STYLE = "color: #1f4e79;"


class DeadlinePreview(Retranslating, QLabel):
    """``preview`` holds the deadlines shown (None: none), computed as of ``preview_at``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: Deadlines | None = None
        self.preview_at = now_utc()
        self.tier: str | None = None  # the tier self.preview was computed for
        self._previews = DbChannel(self)
        self.setStyleSheet(_STYLE)
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self._show()

    def update_for(self, tier: str | None, category: str) -> None:
        """Ask the core for the deadlines of *tier* and *category*, as of now."""
        if tier is None:
            self._previews.drop()
            self.preview, self.tier = None, None
            self._show()
            return
        at = now_utc()

        def arrived(preview: Deadlines) -> None:
            self.preview, self.preview_at, self.tier = preview, at, tier
            self._show()

        def refused(error: WuyeError) -> None:
            log.warning("no deadline preview: %s", error)
            self.preview, self.tier = None, tier
            self._show()

        self._previews.submit(
            self.ctx.db,
            lambda db: orders.preview_deadlines(db, tier, category, at),
            label=self.tr("Computing the deadlines…"),
            on_done=arrived,
            on_error=refused,
        )

    def _show(self) -> None:
        if self.tier is None:
            self.setText(self.tr("Choose a tier to see its deadlines."))
            return
        if self.preview is None:
            self.setText("")
            return
        response = format_local(self.preview.response_due)
        completion = format_local(self.preview.completion_due)
        if self.tier == Tier.PROMISED.value:
            text = self.tr(
                "Commitment letter by {response} · promised date at the latest {completion}"
            )
        else:
            text = self.tr("First response by {response} · completed by {completion}")
        self.setText(text.format(response=response, completion=completion))
