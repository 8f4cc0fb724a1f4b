"""The overview to Excel: its figures and breakdowns as cells, with native Excel charts.

One sheet per part: 指标 (every figure against the previous period, its change and definition),
分类 / 维修类型 / 渠道 / 来源 / 状态 (the breakdowns), 趋势 and, for the company, 各小区及时率.
The charts are Excel's own (openpyxl.chart) and refer to the cells, so a reader who edits or
filters the numbers sees the chart follow. Every value is a plain cell, never a formula: text is
written as text (:mod:`core.spreadsheet`), numbers as numbers, rates as fractions shown as
percentages, times in minutes. The numbers are those of :func:`core.overview.overview`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.overview import Figure, Overview, Period, Unit, overview, parse_period
from wuye_desktop.core.printing import counted_print
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.prints.monthly_report import community_id
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.spreadsheet import append_row
from wuye_desktop.documents.output import PendingFile
from wuye_desktop.documents.overview_words import (
    BREAKDOWN_TITLE,
    figure_definition,
    figure_title,
    value_word,
)
from wuye_desktop.storage.db import Database

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FIGURES_SHEET = "指标"
TREND_SHEET = "趋势"
COMMUNITY_SHEET = "各小区及时率"
# Where each figure's number goes: the first row of figures (after the heading rows).
FIGURE_HEADER = ["指标", "本期", "上期", "变化", "统计数", "达标数", "目标", "单位", "口径", "键"]
FORMATS = {Unit.COUNT: "0", Unit.FRACTION: "0.0%", Unit.MINUTES: "0.0"}
UNIT_WORDS = {Unit.COUNT: "件", Unit.FRACTION: "比例", Unit.MINUTES: "分钟"}
STEP_WORDS = {"day": "日", "week": "周", "month": "月"}


def _bold_row(ws: Worksheet, row: int) -> None:
    from openpyxl.styles import Font

    for cell in ws[row]:
        cell.font = Font(bold=True)


def _printable(ws: Worksheet) -> None:
    """Printed landscape, one page wide: a chart beside its table stays on the page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _figures_sheet(wb: Workbook, ov: Overview, company: str) -> None:
    ws = wb.active
    assert ws is not None
    ws.title = FIGURES_SHEET
    scope = ov.scope
    where = f"{scope.community_name}（{scope.community_code}）" if scope.community_id else "全公司"
    append_row(ws, ["公司", company])
    append_row(ws, ["范围", where])
    append_row(ws, ["本期", f"{ov.period.start.isoformat()} 至 {ov.period.last_day.isoformat()}"])
    last = ov.previous_period
    append_row(ws, ["上期", f"{last.start.isoformat()} 至 {last.last_day.isoformat()}"])
    append_row(ws, ["导出时间", format_local(now_utc())])
    ws.append([])
    header = append_row(ws, FIGURE_HEADER)
    _bold_row(ws, header)
    now = (ov.now.overdue, ov.now.due_soon, ov.now.callbacks_due)
    for f in (*(ov.figures or ()), *now):
        _figure_row(ws, f)
    widths = {"A": 30, "B": 11, "C": 11, "D": 11, "E": 9, "F": 9, "G": 8, "H": 7, "I": 90}
    for letter, w in widths.items():
        ws.column_dimensions[letter].width = w
    ws.column_dimensions["J"].hidden = True  # the figure's key, for tools that read the file
    ws.freeze_panes = ws.cell(header + 1, 2)


def _figure_row(ws: Worksheet, f: Figure) -> None:
    change = None if f.value is None or f.previous is None else f.value - f.previous
    row = append_row(
        ws,
        [
            figure_title(f.key),
            f.value,
            f.previous,
            change,
            f.count,
            f.hits,
            f.target,
            UNIT_WORDS[f.unit],
            figure_definition(f.key),
            f.key,
        ],
    )
    for col in (2, 3, 4, 7):
        ws.cell(row, col).number_format = FORMATS[f.unit] if col != 7 else "0%"
    if f.unit is Unit.FRACTION:
        ws.cell(row, 4).number_format = "+0.0%;-0.0%;0.0%"


def _breakdown_sheets(wb: Workbook, ov: Overview) -> None:
    from openpyxl.chart import BarChart, PieChart, Reference

    for b in ov.breakdowns or ():
        ws = wb.create_sheet(BREAKDOWN_TITLE.get(b.key, b.key))
        _bold_row(
            ws, append_row(ws, [BREAKDOWN_TITLE.get(b.key, b.key), "本期", "上期", "变化", "代码"])
        )
        for c in b.cells:
            append_row(ws, [value_word(b.key, c.value), c.count, c.previous, c.count - c.previous,
                            c.value])  # fmt: skip
        ws.column_dimensions["A"].width = 22
        if not b.cells:
            continue
        last = len(b.cells) + 1
        cats = Reference(ws, min_col=1, min_row=2, max_row=last)
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"{BREAKDOWN_TITLE.get(b.key, b.key)}：本期与上期"
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=last), titles_from_data=True)  # fmt: skip
        chart.set_categories(cats)
        chart.y_axis.title = "件"
        chart.x_axis.scaling.orientation = "maxMin"  # the largest at the top, as in the list
        chart.height = max(7.5, 0.6 * len(b.cells) + 3)
        chart.width = 18
        ws.add_chart(chart, "G2")
        if b.key in ("tier", "channel", "source"):
            pie = PieChart()
            pie.title = f"{BREAKDOWN_TITLE.get(b.key, b.key)}占比（本期）"
            pie.add_data(Reference(ws, min_col=2, min_row=1, max_row=last), titles_from_data=True)
            pie.set_categories(cats)
            pie.height, pie.width = 7.5, 12
            ws.add_chart(pie, f"G{int(chart.height * 2) + 4}")


def _trend_sheet(wb: Workbook, ov: Overview) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    if ov.trend is None:
        return
    ws = wb.create_sheet(TREND_SHEET)
    step = STEP_WORDS.get(ov.trend.step, ov.trend.step)
    _bold_row(ws, append_row(ws, [f"{step}（起）", "止", "报修量", "应计（完成）", "按时完成", "按时完成率"]))  # fmt: skip
    for p in ov.trend.points:
        row = append_row(ws, [p.start, p.end - timedelta(days=1), p.reported,
                              p.completion_rated, p.completion_on_time, p.on_time_rate])  # fmt: skip
        ws.cell(row, 1).number_format = ws.cell(row, 2).number_format = "yyyy-mm-dd"
        ws.cell(row, 6).number_format = "0.0%"
    for letter in "ABCDEF":
        ws.column_dimensions[letter].width = 13
    last = len(ov.trend.points) + 1
    if last < 2:
        return
    cats = Reference(ws, min_col=1, min_row=2, max_row=last)
    bars = BarChart()
    bars.title = f"报修量（按{step}）"
    bars.add_data(Reference(ws, min_col=3, min_row=1, max_row=last), titles_from_data=True)
    bars.set_categories(cats)
    bars.y_axis.title = "件"
    bars.width, bars.height = 18, 8
    ws.add_chart(bars, "H2")
    line = LineChart()
    line.title = f"按时完成率（按{step}）"
    line.add_data(Reference(ws, min_col=6, min_row=1, max_row=last), titles_from_data=True)
    line.set_categories(cats)
    line.y_axis.number_format = "0%"
    line.y_axis.scaling.min = 0
    line.y_axis.scaling.max = 1
    line.width, line.height = 18, 8
    ws.add_chart(line, "H19")


def _community_sheet(wb: Workbook, ov: Overview) -> None:
    from openpyxl.chart import BarChart, Reference

    if not ov.by_community:
        return
    ws = wb.create_sheet(COMMUNITY_SHEET)
    _bold_row(ws, append_row(ws, ["小区", "代码", "应计（完成）", "按时完成", "按时完成率"]))
    for c in ov.by_community:
        row = append_row(ws, [c.name, c.code, c.rated, c.on_time, c.rate])
        ws.cell(row, 5).number_format = "0.0%"
    ws.column_dimensions["A"].width = 24
    last = len(ov.by_community) + 1
    chart = BarChart()
    chart.type = "bar"
    chart.title = "各小区按时完成率"
    chart.add_data(Reference(ws, min_col=5, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.legend = None
    chart.width, chart.height = 18, max(7.5, 0.7 * len(ov.by_community) + 3)
    ws.add_chart(chart, "G2")


def overview_workbook(ov: Overview, company: str, progress: Progress | None = None) -> bytes:
    """The workbook of *ov* as .xlsx bytes (a full overview: figures not None)."""
    from openpyxl import Workbook  # slow to import; only when exporting

    if ov.figures is None:
        raise ValueError("the overview holds only today's figures")
    wb = Workbook()
    steps: list[Callable[[], None]] = [
        lambda: _figures_sheet(wb, ov, company),
        lambda: _breakdown_sheets(wb, ov),
        lambda: _trend_sheet(wb, ov),
        lambda: _community_sheet(wb, ov),
    ]
    for done, step in enumerate(steps, start=1):
        step()
        for ws in wb.worksheets:
            _printable(ws)
        if progress is not None:
            progress(done, len(steps) + 1)
    buffer = io.BytesIO()
    wb.save(buffer)
    if progress is not None:
        progress(len(steps) + 1, len(steps) + 1)
    return buffer.getvalue()


def export_overview_xlsx(
    db: Database,
    actor: Actor,
    period: Period | str,
    community: str | int | None,
    out: Path | str,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the overview of *period* (``2026-11``, ``2026Q3``, a Period) for the company or one
    community (code or id) to *out*, whole or not at all; audited only once written."""
    actor.require(Permission.OVERVIEW_READ)
    p = parse_period(period) if isinstance(period, str) else period
    ov = overview(db, actor, p, community_id(db, actor, community), now, complete=True)
    data = overview_workbook(ov, company_name(db), progress)
    pending = PendingFile(out)

    def issue(s: Session) -> bytes:
        audit.record(
            s,
            actor,
            "overview.export",
            "period",
            p.code(),
            community=ov.scope.community_code,
        )
        return data

    counted_print(db, issue, pending)
    return pending.target
