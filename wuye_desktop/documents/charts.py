"""Charts for the documents, drawn by reportlab's graphics as vector drawings in the PDF.

Printed reports are often copied in black and white, so the series differ in lightness (the
brand's deep blue against a light grey), not in hue alone, and every bar carries its value as
text. Every string is set in the documents' font: a chart's default Helvetica would be a font
the PDF does not embed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from wuye_desktop.documents.fonts import FONT, register_fonts, text_width
from wuye_desktop.documents.page import BRAND, INK, MUTED, RULE

# The current period dark, the previous one light: apart on a grayscale copy too.
SERIES_FILLS = (BRAND, colors.HexColor("#B4C0CE"))
LABEL_SIZE = 7.5

Format = Callable[[float], str]


def _count(value: float) -> str:
    return f"{value:.0f}"


def _axis_max(series: Sequence[Sequence[float | None]], floor: float = 1) -> float:
    top = max((v for s in series for v in s if v is not None), default=0.0)
    return max(floor, top * 1.18)


def _drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose text starts in the documents' font (not Helvetica)."""
    register_fonts()
    d = Drawing(width, height)
    d.initialFontName = FONT
    d.initialFontSize = LABEL_SIZE
    return d


def _legend(d: Drawing, names: Sequence[str], x: float, y: float) -> None:
    for name, fill in zip(names, SERIES_FILLS, strict=False):
        d.add(Rect(x, y, 7, 7, fillColor=fill, strokeColor=None))
        d.add(String(x + 10, y + 0.5, name, fontName=FONT, fontSize=LABEL_SIZE, fillColor=INK))
        x += 10 + text_width(name, LABEL_SIZE) + 12


def column_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[float | None]],
    width: float,
    height: float = 55 * mm,
    *,
    legend: Sequence[str] = (),
    label_format: Format = _count,
    value_max: float | None = None,
) -> Drawing:
    """Vertical bars, one group per label, one bar per series, each with its value on top."""
    d = _drawing(width, height)
    chart = VerticalBarChart()
    top_room = 14 if legend else 4
    chart.x, chart.y = 30, 26  # room for labels of two lines (month, year)
    chart.width, chart.height = width - chart.x - 4, height - chart.y - top_room
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = list(labels)
    _style_axes(chart)
    chart.valueAxis.valueMax = value_max or _axis_max(series)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    _style_bars(chart, len(series), label_format)
    chart.barLabels.nudge = 6
    d.add(chart)
    if legend:
        _legend(d, legend, chart.x, height - 9)
    return d


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[float | None]],
    width: float,
    *,
    row_height: float = 6 * mm,
    legend: Sequence[str] = (),
    label_format: Format = _count,
    value_max: float | None = None,
    target: tuple[float, str] | None = None,
) -> Drawing:
    """Horizontal bars, the first label at the top; *target* draws a dashed line at a value."""
    label_room = max((text_width(x, LABEL_SIZE) for x in labels), default=0) + 8
    height = len(labels) * row_height + (30 if legend else 20)
    d = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_room, 14
    chart.width = width - label_room - 34
    chart.height = len(labels) * row_height
    # reportlab draws the first category at the bottom: reversed, the list reads downwards.
    # So are the series: the first (this period) is the upper bar of each pair.
    chart.data = [list(reversed(s)) for s in reversed(series)]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    _style_axes(chart)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMax = value_max or _axis_max(series)
    chart.barSpacing = 0.5
    chart.groupSpacing = 3
    _style_bars(chart, len(series), label_format, reverse=True)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    if target is not None:
        value, caption = target
        x = chart.x + chart.width * value / chart.valueAxis.valueMax
        d.add(
            Line(
                x,
                chart.y - 2,
                x,
                chart.y + chart.height + 2,
                strokeColor=INK,
                strokeWidth=0.8,
                strokeDashArray=[3, 2],
            )
        )
        d.add(
            String(
                x,
                chart.y + chart.height + 4,
                caption,
                fontName=FONT,
                fontSize=LABEL_SIZE,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    if legend:
        _legend(d, legend, chart.x, height - 9)
    return d


def meter(value: float | None, target: float, width: float, caption: str) -> Drawing:
    """One share (0–1) as a filled bar against its target, marked by a dashed line."""
    height = 15 * mm
    d = _drawing(width, height)
    x0, bar_w, y, bar_h = 0.0, width - 40, 12.0, 14.0
    d.add(Rect(x0, y, bar_w, bar_h, fillColor=colors.HexColor("#EEF1F5"), strokeColor=RULE))
    if value is not None:
        d.add(Rect(x0, y, bar_w * min(value, 1.0), bar_h, fillColor=BRAND, strokeColor=None))
    tx = x0 + bar_w * target
    d.add(
        Line(tx, y - 4, tx, y + bar_h + 4, strokeColor=INK, strokeWidth=1, strokeDashArray=[3, 2])
    )
    d.add(
        String(
            tx,
            y + bar_h + 6,
            caption,
            fontName=FONT,
            fontSize=LABEL_SIZE,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    for share in (0.0, 0.5, 1.0):
        d.add(
            String(
                x0 + bar_w * share,
                1,
                f"{share * 100:.0f}%",
                fontName=FONT,
                fontSize=LABEL_SIZE - 1,
                fillColor=MUTED,
                textAnchor="middle" if 0 < share < 1 else ("start" if share == 0 else "end"),
            )
        )
    shown = "—" if value is None else f"{value * 100:.1f}%"
    d.add(String(width, y + 3, shown, fontName=FONT, fontSize=10, fillColor=INK, textAnchor="end"))
    return d


def _style_axes(chart: VerticalBarChart | HorizontalBarChart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = LABEL_SIZE
        axis.labels.fillColor = INK
        axis.strokeColor = RULE
        axis.strokeWidth = 0.6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8EE")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labels.fillColor = MUTED


def _style_bars(
    chart: VerticalBarChart | HorizontalBarChart,
    count: int,
    label_format: Format,
    *,
    reverse: bool = False,
) -> None:
    for i in range(count):
        chart.bars[i].fillColor = SERIES_FILLS[
            (count - 1 - i if reverse else i) % len(SERIES_FILLS)
        ]
        chart.bars[i].strokeColor = None
    chart.barLabelFormat = lambda v: "" if v is None else label_format(v)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE - 0.5
    chart.barLabels.fillColor = INK
