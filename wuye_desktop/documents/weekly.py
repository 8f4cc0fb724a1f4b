"""The weekly list of unfinished work (每周五16:00前督办单), one section per community.

The orders are those core.orders.weekly_unfinished finds (the print service,
``core/prints/weekly.py``, loads them): taken before the week's Friday 16:00 and not finished
at that moment. Each community starts on a new page, with its
own name in the letterhead, a count of what is open and overdue, and a column for the
manager's instructions written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from wuye_desktop.core.clock import format_local, to_local
from wuye_desktop.documents import words
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.page import (
    HeaderChange,
    Letterhead,
    SignatureBlock,
    Signer,
    build_pdf,
    content_width,
    list_table,
    local_date,
    markup,
    para,
    styles,
    weekday,
)

TITLE = "未完成工单督办单（每周五16:00前）"


@dataclass(frozen=True)
class WeeklyRow:
    """One unfinished order (codes; the list prints their words)."""

    number: str
    place: str
    category: str
    tier: str
    description: str
    reported_at: datetime
    completion_due: datetime | None
    status: str
    handler: str
    channel: str


@dataclass(frozen=True)
class WeeklySection:
    community_code: str
    community_name: str
    rows: tuple[WeeklyRow, ...]


@dataclass(frozen=True)
class WeeklyDocument:
    company: str
    week: str
    cutoff: datetime
    sections: tuple[WeeklySection, ...]
    printed_at: datetime | None = None


def render_weekly(doc: WeeklyDocument) -> Rendered:
    s = styles()
    pagesize = landscape(A4)
    width = content_width(pagesize)
    friday = to_local(doc.cutoff)
    when = f"{local_date(friday)}（{weekday(friday.date())}）16:00"
    widths = [11, 33, 28, 20, 14, 55, 23, 23, 16, 18, 24]
    scale = width / (sum(widths) * mm)
    story: list[Flowable] = []
    first = Letterhead(doc.company, "", TITLE, doc.week, doc.printed_at)
    for n, section in enumerate(doc.sections):
        head = Letterhead(
            doc.company,
            f"{section.community_name}（{section.community_code}）",
            TITLE,
            f"{doc.week}-{section.community_code}",
            doc.printed_at,
        )
        if n:
            story.append(PageBreak())
        story.append(HeaderChange(head))
        overdue = [r for r in section.rows if r.completion_due and r.completion_due < doc.cutoff]
        story.append(
            markup(
                f'截至 <font color="#1F4E79">{when}</font>，'
                f'{_escape(section.community_name)}未完成工单 <font size="14" color="#1F4E79">'
                f'{len(section.rows)}</font> 件，其中已超时 <font size="14" color="#C0392B">'
                f"{len(overdue)}</font> 件。请责任单位于下周五前办结或说明原因。",
                s.body_large,
            )
        )
        story.append(Spacer(1, 3 * mm))
        rows: list[list[str | Flowable]] = []
        for i, r in enumerate(section.rows, start=1):
            late = r.completion_due is not None and r.completion_due < doc.cutoff
            rows.append(
                [
                    str(i),
                    r.number,
                    r.place,
                    words.word(words.CATEGORY, r.category),
                    words.word(words.TIER, r.tier),
                    r.description,
                    format_local(r.reported_at),
                    para(format_local(r.completion_due) + "\n已超时", s.cell_alert)
                    if late
                    else format_local(r.completion_due),
                    words.word(words.STATUS, r.status),
                    r.handler or words.word(words.CHANNEL, r.channel),
                    "",
                ]
            )
        if not rows:
            rows.append(["", "", "", "", "", "（本周无未完成工单）", "", "", "", "", ""])
        story.append(
            list_table(
                [
                    "序号",
                    "工单号",
                    "位置",
                    "类别",
                    "等级",
                    "报修内容",
                    "报修时间",
                    "完成时限",
                    "现状态",
                    "处理人",
                    "督办意见",
                ],
                rows,
                [w * mm * scale for w in widths],
                centered=(0, 4, 8),
            )
        )
        story.append(
            SignatureBlock(
                [
                    Signer("项目经理（签字）"),
                    Signer("督办人（签字）"),
                ],
                height=26 * mm,
            )
        )
    if not doc.sections:
        story.append(para("（没有小区）"))
    return rendered(build_pdf(first, story, pagesize=A4, wide=True), doc)


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
