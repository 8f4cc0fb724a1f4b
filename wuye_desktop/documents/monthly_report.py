"""The monthly report (物业报修服务月度通报): a month's figures against the month before.

For the whole company or one community, to be sent to the regulator and read by managers: the
key figures with their change, on-time rates per tier, callbacks and satisfaction, the
regulator's reply rate against its 80 % target, charts (a year's trend, the month's weeks,
categories, and for the company every community's on-time rate), and each figure's definition
as a numbered note. The print service (``core/prints/monthly_report.py``) fills
:class:`MonthlyReport` from the overview service, so the report and the 概览 tab agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from wuye_desktop.documents import charts
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.overview_words import (
    PRACTICE,
    figure_title,
    format_minutes,
    format_percent,
)
from wuye_desktop.documents.page import (
    KeepWithStart,
    Letterhead,
    build_pdf,
    content_width,
    heading,
    list_table,
    local_date,
    markup,
    para,
    styles,
)

TITLE = "物业报修服务月度通报"
COUNT, FRACTION, MINUTES = "count", "fraction", "minutes"
# The key figures' table, in this order; per-tier figures have a table of their own.
KEY_FIGURES = (
    "reported",
    "response_on_time",
    "completion_on_time",
    "response_minutes_avg",
    "response_minutes_p90",
    "completion_minutes_avg",
    "completion_minutes_p90",
    "commitment_in_48h",
    "callback_coverage",
    "satisfaction",
    "reopened",
    "first_time_fix",
    "regulator_reply_rate",
    "supervision_in_time",
)
TIERS = ("immediate", "time_limited", "promised")
TIER_WORDS = {"immediate": "马上修", "time_limited": "限时修", "promised": "承诺修"}


@dataclass(frozen=True)
class ReportFigure:
    """One figure as printed: *unit* count, fraction (0–1) or minutes; *count* and *hits* the
    orders (or callbacks, tickets) a rate is taken over and those that met it."""

    key: str
    unit: str
    value: float | None
    previous: float | None
    count: int | None = None
    hits: int | None = None
    target: float | None = None


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a label, a count (and the previous period's), or a rate of *hits*
    out of *count*."""

    label: str
    count: int
    previous: int | None = None
    rate: float | None = None
    hits: int | None = None


@dataclass(frozen=True)
class Note:
    """A figure's definition, printed as a numbered note under the report."""

    key: str
    title: str
    text: str


@dataclass(frozen=True)
class MonthlyReport:
    company: str
    scope: str  # 全公司, or 阳光花园（QD001）
    period_code: str  # 2026-11
    first_day: date
    last_day: date
    previous_first_day: date
    figures: tuple[ReportFigure, ...]
    notes: tuple[Note, ...]
    months: tuple[Bar, ...]  # the year up to this month: orders reported, on-time rate
    weeks: tuple[Bar, ...]  # the month's weeks
    categories: tuple[Bar, ...]  # orders by category, this month and the one before
    communities: tuple[Bar, ...]  # on-time completion per community (the company's report)
    now: tuple[ReportFigure, ...]  # overdue, due soon, callbacks due when printed
    company_wide: bool = True
    printed_at: datetime | None = None


def _month(day: date) -> str:
    return f"{day.year}年{day.month}月"


def shown(value: float | None, unit: str) -> str:
    """A figure's value as printed: 412, 87.5%, 3.5小时, or — when there is none."""
    if value is None:
        return "—"
    if unit == FRACTION:
        return format_percent(value)
    if unit == MINUTES:
        return format_minutes(value)
    return f"{value:.0f}"


def change(value: float | None, previous: float | None, unit: str) -> str:
    """+12（+3.0%）for a count, +2.5个百分点 for a rate, -0.4小时 for a time; — without both."""
    if value is None or previous is None:
        return "—"
    delta = value - previous

    def amount(d: float) -> str:
        if unit == FRACTION:
            return f"{d * 100:.1f}个百分点"
        if unit == MINUTES:
            return format_minutes(d)
        return f"{d:.0f}"

    # A change too small to show reads as none (87.31 % against 87.29 % is not "+0.0"), as
    # on the overview's cards.
    if abs(delta) < 1e-9 or amount(abs(delta)) == amount(0.0):
        return "持平"
    sign = "+" if delta > 0 else "-"
    if unit in (FRACTION, MINUTES):
        return sign + amount(abs(delta))
    relative = f"（{sign}{abs(delta) / previous * 100:.1f}%）" if previous else ""
    return f"{sign}{amount(abs(delta))}{relative}"


def basis(f: ReportFigure) -> str:
    """What a rate is taken over: 按时 412 / 应计 450."""
    if f.count is None:
        return ""
    if f.hits is None:
        return f"{f.count} 件"
    return f"{f.hits} / {f.count}"


def render_monthly_report(doc: MonthlyReport) -> Rendered:
    s = styles()
    width = content_width((210 * mm, 297 * mm))
    figures = {f.key: f for f in doc.figures}
    note_number = {n.key: i for i, n in enumerate(doc.notes, start=1)}
    head = Letterhead(doc.company, doc.scope, TITLE, doc.period_code, doc.printed_at)
    month = _month(doc.first_day)

    def titled(key: str) -> str:
        stem = key.split(".")[0]
        mark = note_number.get(stem)
        title = escape(figure_title(key))
        return f"{title}<super>{mark}</super>" if mark else title

    def get(key: str) -> ReportFigure:
        return figures.get(key) or ReportFigure(key, COUNT, None, None)

    sections = iter("一二三四五六七八九十")

    def numbered(title: str) -> str:
        """Sections are numbered as printed: a community's report has no 各小区 section."""
        return f"{next(sections)}、{title}"

    story: list[Flowable] = []
    reported = get("reported")
    story.append(
        markup(
            f"{escape(doc.company or '本公司')}"
            f"{'' if doc.company_wide else escape(doc.scope) + '项目'}{month}"
            f"（{local_date(doc.first_day)}至{local_date(doc.last_day)}）"
            f"共受理报修 <b>{shown(reported.value, COUNT)}</b> 件，"
            f"较上月（{_month(doc.previous_first_day)}）"
            f"{change(reported.value, reported.previous, COUNT)}。"
            f"现将本月报修服务情况通报如下，请各项目对照问题抓好整改，"
            f"落实“{PRACTICE}”工作机制。",
            s.letter,
        )
    )

    # 一、主要指标
    rows: list[list[str | Flowable]] = []
    for key in KEY_FIGURES:
        f = figures.get(key)
        if f is None:
            continue
        target = f"（目标 {format_percent(f.target)}）" if f.target is not None else ""
        rows.append(
            [
                markup(titled(key) + escape(target), s.cell),
                shown(f.value, f.unit),
                shown(f.previous, f.unit),
                change(f.value, f.previous, f.unit),
                basis(f),
            ]
        )
    story.append(
        KeepWithStart(
            [
                heading(numbered("主要指标（与上月对比）")),
                list_table(
                    ["指标", "本月", "上月", "变化", "按时（达标）/ 统计数"],
                    rows,
                    _widths(width, (62, 24, 24, 34, 36)),
                    centered=(1, 2, 3, 4),
                ),
            ]
        )
    )

    # 二、分等级及时率
    tier_rows: list[list[str | Flowable]] = []
    for tier in TIERS:
        r = get(f"response_on_time.{tier}")
        c = get(f"completion_on_time.{tier}")
        tier_rows.append(
            [
                TIER_WORDS[tier],
                basis(r) or "—",
                shown(r.value, FRACTION),
                shown(r.previous, FRACTION),
                basis(c) or "—",
                shown(c.value, FRACTION),
                shown(c.previous, FRACTION),
            ]
        )
    story.append(
        KeepWithStart(
            [
                heading(numbered("分类型按时响应与完成情况")),
                list_table(
                    ["维修类型", "按时响应 / 应计", "按时响应率", "上月", "按时完成 / 应计",
                     "按时完成率", "上月"],
                    tier_rows,
                    _widths(width, (22, 30, 22, 18, 30, 22, 18)),
                    centered=(0, 1, 2, 3, 4, 5, 6),
                ),
            ]
        )
    )  # fmt: skip

    # 三、回访与满意度
    cov, sat = get("callback_coverage"), get("satisfaction")
    reopened, fix = get("reopened"), get("first_time_fix")
    story.append(
        KeepWithStart(
            [
                heading(numbered("回访与满意度")),
                markup(
                    f"本月完工 {cov.count or 0} 件，已回访 {cov.hits or 0} 件，回访率 "
                    f"<b>{shown(cov.value, FRACTION)}</b>（上月 {shown(cov.previous, FRACTION)}）；"
                    f"回访 {sat.count or 0} 次，满意及基本满意 {sat.hits or 0} 次，满意率 "
                    f"<b>{shown(sat.value, FRACTION)}</b>（上月 {shown(sat.previous, FRACTION)}）。"
                    f"本月报修工单中返修 {shown(reopened.value, COUNT)} 件，一次修复率 "
                    f"<b>{shown(fix.value, FRACTION)}</b>（上月 {shown(fix.previous, FRACTION)}）。",
                    s.letter,
                ),
            ]
        )
    )

    # 四、监管平台
    reply, notices = get("regulator_reply_rate"), get("supervision_in_time")
    goal = reply.target if reply.target is not None else 0.8
    if reply.value is None:
        verdict = "本月无计入统计的监管平台工单。"
    elif reply.value >= goal:
        verdict = f"达到 {format_percent(goal)} 的目标。"
    else:
        verdict = f"<b>未达到 {format_percent(goal)} 的目标</b>，请相关项目及时回复平台工单。"
    story.append(
        KeepWithStart(
            [
                heading(numbered("监管平台工单回复与督办")),
                markup(
                    f"本月收到并计入统计的监管平台工单 {reply.count or 0} 件，按时回复 "
                    f"{reply.hits or 0} 件，按时回复率 <b>{shown(reply.value, FRACTION)}</b>"
                    f"（上月 {shown(reply.previous, FRACTION)}），{verdict}"
                    f"督办通知计入统计 {notices.count or 0} 件，按期办结 {notices.hits or 0} 件"
                    f"（{shown(notices.value, FRACTION)}）。",
                    s.letter,
                ),
                Spacer(1, 2 * mm),
                charts.meter(reply.value, goal, width * 0.7, f"目标 {format_percent(goal)}"),
            ]
        )
    )

    # 五、趋势
    story.append(
        KeepWithStart(
            [
                heading(numbered("报修量趋势")),
                para(f"近{len(doc.months)}个月每月报修量（件）", s.muted),
                charts.column_chart(
                    [f"{b.label}" for b in doc.months], [[b.count for b in doc.months]], width
                ),
            ]
        )
    )
    if doc.weeks:
        story.append(
            KeepWithStart(
                [
                    para(f"{month}各周报修量（件）与按时完成率", s.muted),
                    charts.column_chart(
                        [b.label for b in doc.weeks],
                        [[b.count for b in doc.weeks]],
                        width,
                        height=45 * mm,
                    ),
                    _rate_line(doc.weeks),
                ]
            )
        )

    # 六、分类
    if doc.categories:
        story.append(
            KeepWithStart(
                [
                    heading(numbered("报修分类（与上月对比）")),
                    charts.bar_chart(
                        [b.label for b in doc.categories],
                        [
                            [b.count for b in doc.categories],
                            [b.previous or 0 for b in doc.categories],
                        ],
                        width,
                        row_height=7 * mm,
                        legend=("本月", "上月"),
                    ),
                ]
            )
        )

    # 七、各小区按时完成率
    if doc.company_wide and doc.communities:
        community_rows: list[list[str | Flowable]] = [
            [b.label, str(b.count), str(b.hits or 0), shown(b.rate, FRACTION)]
            for b in doc.communities
        ]
        story.append(
            KeepWithStart(
                [
                    heading(numbered("各小区按时完成率")),
                    charts.bar_chart(
                        [b.label for b in doc.communities],
                        [[None if b.rate is None else b.rate * 100 for b in doc.communities]],
                        width,
                        row_height=6 * mm,
                        label_format=lambda v: f"{v:.1f}%",
                        value_max=100,
                    ),
                ]
            )
        )
        story.append(
            list_table(
                ["小区", "应计（完成已到期或已完成）", "按时完成", "按时完成率"],
                community_rows,
                _widths(width, (70, 45, 30, 35)),
                centered=(1, 2, 3),
            )
        )

    # 当前
    if doc.now:
        parts = "，".join(f"{figure_title(f.key)} {shown(f.value, COUNT)} 件" for f in doc.now)
        story.append(
            KeepWithStart(
                [
                    heading(numbered("截至打印时")),
                    para(f"{parts}。请各项目按“{PRACTICE}”要求逐件督办。", s.letter),
                ]
            )
        )

    # 注释
    if doc.notes:
        story.append(heading("指标口径说明"))
        for i, n in enumerate(doc.notes, start=1):
            story.append(markup(f"{i}. <b>{escape(n.title)}</b>：{escape(n.text)}", s.small))
            story.append(Spacer(1, 1.2 * mm))
    return rendered(build_pdf(head, story), doc)


def _widths(width: float, parts: Sequence[float]) -> list[float]:
    total = sum(parts)
    return [width * p / total for p in parts]


def _rate_line(weeks: Sequence[Bar]) -> Flowable:
    s = styles()
    text = "；".join(f"{b.label} {shown(b.rate, FRACTION)}" for b in weeks)
    return para(f"按时完成率：{text}", s.small)
