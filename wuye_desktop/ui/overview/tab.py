"""The 概览 tab: a period's figures against the previous period's, with charts, for one
community or the whole company; a click on a figure, bar or slice lists its orders.

What the role may see comes from the core: with ``OVERVIEW_READ`` (managers, administrators)
everything, with only ``OVERVIEW_TODAY`` (the desk) the "now" cards. The figures are computed
on the database thread (ui.db_worker); the tab shows the last ones until new ones arrive.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import OrderFilter
from wuye_desktop.core.overview import Breakdown, Overview, Period, PeriodKind, current, overview
from wuye_desktop.core.overview.figures import BREAKDOWN_TITLES
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.overview.charts import BreakdownChart, CommunityChart, TierPie, TrendChart
from wuye_desktop.ui.overview.format import period_label, tr_overview
from wuye_desktop.ui.overview.period_picker import PeriodPicker
from wuye_desktop.ui.overview.printing import render_pages, save_picture
from wuye_desktop.ui.overview.sections import NOW_SECTION, SECTIONS, CardSection

BREAKDOWN_KEYS = ("category", "channel", "source", "status")


class OverviewTab(Retranslating, QWidget):
    """The main window calls ``refresh()`` (F5)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.full = ctx.can(Permission.OVERVIEW_READ)
        self.result: Overview | None = None
        self.computed_at: datetime | None = None
        self._stale = False
        self._figures = DbChannel(self)
        self._communities = DbChannel(self)

        self.community_label = QLabel()
        self.community = QComboBox()
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community.addItem("", None)
        self.community_label.setBuddy(self.community)
        self.picker = PeriodPicker()
        self.picker.setVisible(self.full)  # the "now" cards do not depend on a period
        self.compared = QLabel()
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_overview)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_picture)
        self.state = QLabel()
        self.state.setObjectName("overviewState")
        # Changes the figures leave out yet (another was writing, or many to count): F5 later.
        self.uncounted = QLabel()
        self.uncounted.setObjectName("overviewUncounted")
        self.uncounted.hide()

        controls = QHBoxLayout()
        controls.addWidget(self.community_label)
        controls.addWidget(self.community)
        controls.addSpacing(12)
        controls.addWidget(self.picker)
        controls.addWidget(self.compared)
        controls.addStretch(1)
        controls.addWidget(self.uncounted)
        controls.addWidget(self.state)
        controls.addWidget(self.print_button)
        controls.addWidget(self.export_button)

        self.content = QWidget()
        self.content.setObjectName("overviewContent")
        # Cards left, the trend and the communities right; the breakdowns below. Printed,
        # each row of this grid starts a page if it does not fit on the one before.
        self.grid = QGridLayout(self.content)
        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.grid.addWidget(self.heading, 0, 0, 1, 2)
        cards = QVBoxLayout()
        self.sections = [
            CardSection(title, keys)
            for title, keys in SECTIONS
            if self.full or title == NOW_SECTION
        ]
        for section in self.sections:
            # The "now" cards are about today, whatever the period picked.
            dated = section.title_template != NOW_SECTION
            section.drill_requested.connect(
                lambda f, t, dated=dated: self.drill(f, t, with_period=dated)
            )
            cards.addWidget(section)
        cards.addStretch(1)
        self.grid.addLayout(cards, 1, 0)

        self.trend = TrendChart()
        self.breakdown = BreakdownChart()
        self.breakdown_choice = QComboBox()
        self.breakdown_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in BREAKDOWN_KEYS:
            self.breakdown_choice.addItem("", key)
        self.breakdown_choice.currentIndexChanged.connect(lambda _i: self._show_breakdown())
        self.tiers = TierPie()
        self.by_community = CommunityChart()
        self.charts = [self.trend, self.breakdown, self.tiers, self.by_community]
        for chart in self.charts:
            chart.drill_requested.connect(self.drill)
            chart.setVisible(self.full)
        self.breakdown_choice.setVisible(self.full)
        right = QVBoxLayout()
        right.addWidget(self.trend)
        right.addWidget(self.by_community)
        right.addStretch(1)
        self.grid.addLayout(right, 1, 1)
        below = QVBoxLayout()
        choice_row = QHBoxLayout()
        self.breakdown_label = QLabel()
        self.breakdown_label.setBuddy(self.breakdown_choice)
        self.breakdown_label.setVisible(self.full)
        choice_row.addWidget(self.breakdown_label)
        choice_row.addWidget(self.breakdown_choice)
        choice_row.addStretch(1)
        below.addLayout(choice_row)
        below.addWidget(self.breakdown)
        self.grid.addLayout(below, 2, 0)
        self.grid.addWidget(self.tiers, 2, 1, Qt.AlignmentFlag.AlignBottom)
        self.grid.setColumnStretch(0, 5 if self.full else 1)
        self.grid.setColumnStretch(1, 4 if self.full else 0)
        self.grid.setRowStretch(3, 1)

        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.scroller, 1)

        self.community.currentIndexChanged.connect(lambda _i: self.compute())
        self.picker.changed.connect(self.compute)
        ctx.signals.orders_changed.connect(self._orders_changed)
        ctx.signals.directory_changed.connect(self._load_communities)
        self.retranslate()
        self._load_communities()
        self.compute()

    # -- reading -------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._figures.busy

    def period(self) -> Period:
        return self.picker.period() if self.full else current(PeriodKind.MONTH)

    def community_id(self) -> int | None:
        data = self.community.currentData()
        return int(data) if data is not None else None

    def _load_communities(self) -> None:
        if not self.ctx.can(Permission.DIRECTORY_READ):
            return
        actor = self.ctx.actor

        def choices(db: Database) -> list[directory.CommunityChoice]:
            return directory.community_choices(db, actor)

        self._communities.submit(
            self.ctx.db,
            choices,
            label=self.tr("Reading communities…"),
            on_done=self._set_communities,
        )

    def _set_communities(self, communities: list[directory.CommunityChoice]) -> None:
        keep = self.community.currentData()
        self.community.blockSignals(True)
        try:
            while self.community.count() > 1:
                self.community.removeItem(1)
            for c in communities:
                self.community.addItem(c.name, c.id)
            self.community.setCurrentIndex(max(0, self.community.findData(keep)) if keep else 0)
        finally:
            self.community.blockSignals(False)
        if keep is not None and self.community.currentData() != keep:
            self.compute()  # the community shown is gone

    def compute(self) -> None:
        """Ask for the figures of the chosen scope and period; the last asked wins."""
        actor, period, community_id = self.ctx.actor, self.period(), self.community_id()
        self._stale = False
        self.state.setText(self.tr("Computing…"))

        def work(db: Database) -> Overview:
            return overview(db, actor, period, community_id, complete=False)

        def refused(error: WuyeError) -> None:
            self.state.setText(self.tr("Not available"))
            messages.show_error(self, error)

        self._figures.submit(
            self.ctx.db,
            work,
            label=self.tr("Computing the overview…"),
            on_done=self._arrived,
            on_error=refused,
        )

    def refresh(self) -> None:
        """F5: the communities and the figures read again."""
        self._load_communities()
        self.compute()

    def _orders_changed(self) -> None:
        if self.isVisible():
            self.compute()
        else:
            self._stale = True  # computed when the tab is shown again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.compute()

    # -- showing -------------------------------------------------------------------------------

    def _arrived(self, result: Overview) -> None:
        self.result = result
        self.computed_at = now_utc()
        # What is left to count is counted when the tab is shown again, or on F5.
        self._stale = self._stale or result.uncounted > 0
        self._draw()

    def _draw(self) -> None:
        result = self.result
        if result is None:
            return
        by_key = {
            f.key: f for f in (result.now.overdue, result.now.due_soon, result.now.callbacks_due)
        }
        by_key.update({f.key: f for f in result.figures or ()})
        for section in self.sections:
            section.show_figures(by_key)
        if result.trend is not None:
            self.trend.show_trend(result.trend)
        self._show_breakdown()
        tiers = self._breakdown("tier")
        if tiers is not None:
            self.tiers.show_breakdown(tiers)
        if result.by_community is not None:
            self.by_community.show_rates(result.by_community)
            self.by_community.setVisible(self.full and len(result.by_community) > 1)
        self._show_texts()

    def _breakdown(self, key: str) -> Breakdown | None:
        if self.result is None or self.result.breakdowns is None:
            return None
        return next((b for b in self.result.breakdowns if b.key == key), None)

    def _show_breakdown(self) -> None:
        chosen = self._breakdown(str(self.breakdown_choice.currentData()))
        if chosen is not None:
            self.breakdown.show_breakdown(chosen)

    def scope_text(self) -> str:
        r = self.result
        if r is not None and r.scope.community_id is not None:
            return r.scope.community_name
        return self.tr("All communities")

    def _show_texts(self) -> None:
        r = self.result
        if r is None:
            self.heading.clear()
            self.compared.clear()
            return
        if self.full:
            self.heading.setText(
                self.tr("{scope}: {period}, against {previous}").format(
                    scope=self.scope_text(),
                    period=period_label(r.period),
                    previous=period_label(r.previous_period),
                )
            )
            self.compared.setText(
                self.tr("against {previous}").format(previous=period_label(r.previous_period))
            )
        else:
            self.heading.setText(
                self.tr("{scope}: what needs doing now").format(scope=self.scope_text())
            )
        if self.computed_at is not None:
            self.state.setText(
                self.tr("As of {time}").format(time=format_local(self.computed_at, with_year=False))
            )
        self.uncounted.setVisible(r.uncounted > 0)
        if r.uncounted:
            self.uncounted.setText(
                self.tr("%n changes not counted yet; refresh later", "", r.uncounted)
            )
            self.uncounted.setToolTip(
                self.tr(
                    "Someone else's work was holding the database (an import, a restore), or "
                    "many changes are still to be counted after an upgrade. The figures shown "
                    "leave these changes out until a later refresh counts them."
                )
            )

    # -- drilling down -------------------------------------------------------------------------

    def drill(self, order_filter: OrderFilter, title: str, with_period: bool = True) -> None:
        """List exactly *order_filter*'s orders in the work-order tab (the main window's
        ``show_orders``), titled with what they are."""
        r = self.result
        where = [self.scope_text()]
        if r is not None and with_period:
            where.append(period_label(r.period))
        self.ctx.signals.show_orders_requested.emit(order_filter, f"{title} ({', '.join(where)})")

    # -- printing ------------------------------------------------------------------------------

    def page_breaks(self) -> list[int]:
        """Where a printed page may end: below each row of the grid."""
        return [
            max(self.grid.cellRect(row, c).bottom() for c in range(2)) + 1
            for row in range(self.grid.rowCount())
        ]

    def print_overview(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the overview"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        if render_pages(self.content, printer, self.page_breaks()) == 0:
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be used."))

    def export_picture(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the overview"),
            "overview.png",
            self.tr("Picture (*.png);;PDF (*.pdf)"),
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> bool:
        ok = save_picture(self.content, path, self.page_breaks())
        if not ok:
            QMessageBox.warning(
                self,
                self.tr("Save the overview"),
                self.tr("{path} could not be written.").format(path=path),
            )
        return ok

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.community_label.setText(self.tr("&Community:"))
        self.community.setItemText(0, self.tr("All communities"))
        self.print_button.setText(self.tr("P&rint…"))
        self.print_button.setToolTip(self.tr("Print the figures and charts as shown"))
        self.export_button.setText(self.tr("Save as &image…"))
        self.export_button.setToolTip(
            self.tr("Save the figures and charts as a PNG picture or a PDF")
        )
        self.breakdown_label.setText(self.tr("&Breakdown:"))
        for i in range(self.breakdown_choice.count()):
            self.breakdown_choice.setItemText(
                i, tr_overview(BREAKDOWN_TITLES[str(self.breakdown_choice.itemData(i))])
            )
        for section in self.sections:
            section.retranslate()
        self._draw()  # the charts' texts in the new language
        self._show_texts()
