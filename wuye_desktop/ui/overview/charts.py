"""The overview's charts (QtCharts): the trend, a breakdown, the tiers and the communities.

Every bar and slice stands for orders the work-order list can show: a click emits
``drill_requested(filter, title)`` with the core's filter of exactly those orders, and a hover
says what the bar counts. Texts use the widget's font, so Chinese renders as in the rest of the
program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from wuye_desktop.core.orders import OrderFilter
from wuye_desktop.core.overview import Breakdown, CommunityRate, Trend, TrendPoint
from wuye_desktop.ui.overview.format import percent_text, tr_overview
from wuye_desktop.ui.work_orders import labels

BAR = QColor("#4e79a7")
LINE = QColor("#e15759")
TIER_COLOURS = (QColor("#e15759"), QColor("#f28e2b"), QColor("#4e79a7"), QColor("#76b7b2"))

# The label of a breakdown's value: the list's own words for the codes.
VALUE_TEXT: dict[str, Callable[[str], str]] = {
    "category": labels.category_text,
    "tier": labels.tier_text,
    "channel": labels.channel_text,
    "source": labels.source_text,
    "status": labels.status_text,
}


class DrillChart(QChartView):
    """A chart whose bars and slices open their orders in the work-order list."""

    drill_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(260)
        self._drills: list[tuple[OrderFilter, str]] = []  # what bar/slice i opens, for tests
        self._install(self._new_chart(""))

    def _new_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(title)
        font = self.font()
        title_font = self.font()
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().setFont(font)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        return chart

    def _install(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()  # the view does not delete the chart it showed before

    def _horizontal_bars_axes(
        self, chart: QChart, series: QHorizontalBarSeries, x: QValueAxis, y: QBarCategoryAxis
    ) -> None:
        """Values along the bottom, the bars' names down the left, no legend (one series)."""
        self._axis_fonts(x, y)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setVisible(False)

    def _axis_fonts(self, *axes: QBarCategoryAxis | QValueAxis) -> None:
        for axis in axes:
            axis.setLabelsFont(self.font())
            # QtCharts shortens labels to "..." when it misjudges their room; names must show.
            axis.setTruncateLabels(False)

    def drills(self) -> list[tuple[OrderFilter, str]]:
        """What each bar or slice opens, in the order drawn (the tests click through these)."""
        return list(self._drills)

    def open_drill(self, index: int) -> None:
        drill, title = self._drills[index]
        self.drill_requested.emit(drill, title)

    @staticmethod
    def _tip(text: str) -> Callable[[bool], None]:
        def show(entered: bool) -> None:
            if entered:
                QToolTip.showText(QCursor.pos(), text)
            else:
                QToolTip.hideText()

        return show


def point_labels(step: str, points: Sequence[TrendPoint]) -> list[str]:
    """The trend's axis labels: 11-03 for a day or a week; for months of one year the month
    alone in the language's short form (1月, Jan: twelve of "2026年1月" did not fit side by
    side and ran into each other), else month and year."""
    if step != "month":
        return [f"{p.start.month:02d}-{p.start.day:02d}" for p in points]
    if len({p.start.year for p in points}) == 1:
        short = QLocale.FormatType.ShortFormat
        return [QLocale().standaloneMonthName(p.start.month, short) for p in points]
    return [
        QCoreApplication.translate("overview", "{month}/{year}").format(
            month=p.start.month, year=p.start.year
        )
        for p in points
    ]


class TrendChart(DrillChart):
    """Orders reported per day, week or month (bars) and the share completed on time (line)."""

    def show_trend(self, trend: Trend) -> None:
        step_titles = {
            "day": QCoreApplication.translate("overview", "Trend by day"),
            "week": QCoreApplication.translate(
                "overview", "Trend by week (weeks start on the day shown)"
            ),
            "month": QCoreApplication.translate("overview", "Trend by month"),
        }
        chart = self._new_chart(step_titles.get(trend.step, ""))
        points = trend.points
        reported = QBarSet(QCoreApplication.translate("overview", "Orders reported"))
        reported.setColor(BAR)
        line = QLineSeries()
        line.setName(QCoreApplication.translate("overview", "Completed on time"))
        line.setPen(QPen(LINE, 2.5))
        line.setPointsVisible(True)
        self._drills = []
        for i, p in enumerate(points):
            reported.append(p.reported)
            if p.on_time_rate is not None:
                line.append(i, p.on_time_rate * 100)
            title = QCoreApplication.translate("overview", "Reported {first} to {last}").format(
                first=p.start.isoformat(), last=_last(p)
            )
            self._drills.append((p.drill, title))
        bars = QBarSeries()
        bars.append(reported)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(bars)
        chart.addSeries(line)
        x = QBarCategoryAxis()
        x.append(point_labels(trend.step, points))
        y = QValueAxis()
        y.setRange(0, max([p.reported for p in points] + [1]) * 1.15)
        y.setLabelFormat("%d")
        y.applyNiceNumbers()
        y.setTitleText(QCoreApplication.translate("overview", "Orders"))
        rate = QValueAxis()
        rate.setRange(0, 100)
        rate.setLabelFormat("%d%%")
        rate.setTitleText(QCoreApplication.translate("overview", "On time"))
        self._axis_fonts(x, y, rate)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(rate, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(x)
        bars.attachAxis(y)
        line.attachAxis(x)
        line.attachAxis(rate)
        reported.clicked.connect(self.open_drill)
        reported.hovered.connect(self._hover_point(points))
        self._install(chart)

    def _hover_point(self, points: Sequence[TrendPoint]) -> Callable[[bool, int], None]:
        def hovered(entered: bool, index: int) -> None:
            if not entered:
                QToolTip.hideText()
                return
            p = points[index]
            rate = p.on_time_rate
            text = self.tr("{first} to {last}: %n orders reported", "", p.reported).format(
                first=p.start.isoformat(), last=_last(p)
            )
            if rate is not None:
                text += "\n" + QCoreApplication.translate(
                    "overview", "Completed on time: {rate} ({hits} of {count})"
                ).format(
                    rate=percent_text(rate), hits=p.completion_on_time, count=p.completion_rated
                )
            QToolTip.showText(
                QCursor.pos(),
                text + "\n" + QCoreApplication.translate("overview", "Click to list them."),
            )

        return hovered


def _last(p: TrendPoint) -> str:
    return (p.end - timedelta(days=1)).isoformat()


class BreakdownChart(DrillChart):
    """The orders reported in the period by one column's values, most first, as bars."""

    def show_breakdown(self, breakdown: Breakdown) -> None:
        chart = self._new_chart(tr_overview(breakdown.title))
        text = VALUE_TEXT.get(breakdown.key, str)
        # Horizontal bars are drawn bottom up: reversed, the largest is on top.
        cells = list(reversed(breakdown.cells))
        current = QBarSet(QCoreApplication.translate("overview", "This period"))
        current.setColor(BAR)
        current.setLabelColor(QColor("#202124"))  # outside the bar, on the background
        self._drills = []
        for cell in cells:
            current.append(cell.count)
            self._drills.append((cell.drill, f"{tr_overview(breakdown.title)}: {text(cell.value)}"))
        series = QHorizontalBarSeries()
        series.append(current)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append([text(c.value) for c in cells] or [""])
        x = QValueAxis()
        x.setRange(0, max([c.count for c in cells] + [1]) * 1.15)
        x.setLabelFormat("%d")
        x.applyNiceNumbers()
        self._horizontal_bars_axes(chart, series, x, y)
        current.clicked.connect(self.open_drill)

        def hovered(entered: bool, index: int) -> None:
            if not entered:
                QToolTip.hideText()
                return
            cell = cells[index]
            QToolTip.showText(
                QCursor.pos(),
                self.tr("{value}: %n orders (before: {previous})", "", cell.count).format(
                    value=text(cell.value), previous=cell.previous
                )
                + "\n"
                + QCoreApplication.translate("overview", "Click to list them."),
            )

        current.hovered.connect(hovered)
        self.setMinimumHeight(max(260, 20 * len(cells) + 80))
        self._install(chart)


class TierPie(DrillChart):
    """The orders reported in the period by tier, as a pie."""

    def show_breakdown(self, breakdown: Breakdown) -> None:
        chart = self._new_chart(tr_overview(breakdown.title))
        series = QPieSeries()
        self._drills = []
        total = sum(c.count for c in breakdown.cells) or 1
        for i, cell in enumerate(breakdown.cells):
            name = labels.tier_text(cell.value)
            piece = QPieSlice(f"{name} {cell.count} ({cell.count * 100 / total:.0f}%)", cell.count)
            piece.setColor(TIER_COLOURS[i % len(TIER_COLOURS)])
            piece.setLabelFont(self.font())
            piece.setLabelVisible(cell.count > 0)
            index = len(self._drills)
            self._drills.append((cell.drill, f"{tr_overview(breakdown.title)}: {name}"))
            piece.clicked.connect(lambda index=index: self.open_drill(index))
            # BreakdownChart's text again, in this class's context: PySide6 (6.11) looks up
            # self.tr() under the object's own class only, and lupdate extracts a count from
            # tr() alone, so a method on DrillChart would go untranslated here.
            piece.hovered.connect(
                self._tip(
                    self.tr("{value}: %n orders (before: {previous})", "", cell.count).format(
                        value=name, previous=cell.previous
                    )
                    + "\n"
                    + QCoreApplication.translate("overview", "Click to list them.")
                )
            )
            series.append(piece)
        series.setPieSize(0.6)
        chart.addSeries(series)
        chart.legend().setVisible(False)
        self._install(chart)


class CommunityChart(DrillChart):
    """Each community's share of orders completed on time, as horizontal bars."""

    def show_rates(self, rates: Sequence[CommunityRate]) -> None:
        chart = self._new_chart(
            QCoreApplication.translate("overview", "Completed on time by community")
        )
        shown = [r for r in reversed(rates) if r.rate is not None]
        bars = QBarSet(QCoreApplication.translate("overview", "Completed on time"))
        bars.setColor(BAR)
        self._drills = []
        for r in shown:
            bars.append(round((r.rate or 0) * 100, 1))
            self._drills.append(
                (
                    r.drill,
                    QCoreApplication.translate(
                        "overview", "{community}: orders judged on time or late"
                    ).format(community=r.name),
                )
            )
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        # Inside the bar's end: a full bar's label would be cut off outside it.
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        bars.setLabelColor(QColor("white"))
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append([r.name for r in shown] or [""])
        x = QValueAxis()
        x.setRange(0, 100)
        x.setTickCount(11)
        x.setLabelFormat("%d%%")
        self._horizontal_bars_axes(chart, series, x, y)
        bars.clicked.connect(self.open_drill)

        def hovered(entered: bool, index: int) -> None:
            if not entered:
                QToolTip.hideText()
                return
            r = shown[index]
            QToolTip.showText(
                QCursor.pos(),
                QCoreApplication.translate(
                    "overview", "{community}: {hits} of {count} completed on time"
                ).format(community=r.name, hits=r.on_time, count=r.rated)
                + "\n"
                + QCoreApplication.translate("overview", "Click to list them."),
            )

        bars.hovered.connect(hovered)
        self.setMinimumHeight(max(220, 28 * len(shown) + 90))
        self._install(chart)
