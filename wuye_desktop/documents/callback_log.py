"""The callback log (回访记录表): many callbacks a page, filled from a period's, or blank.

Landscape A4, one row a callback: when, which order and room, the owner with a masked phone,
what was done, how satisfied, who called back, and the owner's words as the remark. The list
flows over as many pages as it needs, its header row repeated on each. A blank log is *pages*
pages of empty rows, each page a table of its own, so the count of pages is exactly the one
asked for and a page never ends on a header row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from wuye_desktop.core.clock import format_local
from wuye_desktop.documents import words
from wuye_desktop.documents.page import (
    Letterhead,
    build_pdf,
    content_width,
    field_grid,
    list_table,
)

TITLE = "维修回访记录表"
BLANK_ROWS_PER_PAGE = 16  # rows of about 9 mm, to write in by hand, on a landscape page
HEADER = (
    "序号",
    "回访日期",
    "工单号",
    "房号",
    "业主（电话）",
    "维修内容",
    "满意度",
    "回访人",
    "备注",
)
WIDTHS = (10, 32, 31, 26, 34, 55, 18, 20, 39)  # in mm of a 265 mm wide page, scaled to fit


@dataclass(frozen=True)
class CallbackLogRow:
    at: datetime
    order_number: str
    place: str  # 3-2-1201, or the common-area place
    owner: str  # 张三 138****5678: the phone masked as in every list
    work: str  # what was done (the completion note, or what was reported)
    satisfaction: str  # a code, printed through documents.words
    staff: str  # who called back, by the name colleagues know
    note: str  # the owner's words


@dataclass(frozen=True)
class CallbackLog:
    company: str
    community: str  # one community's name, or 全部小区
    period: str  # as the reader says it: 2026年11月, 2026年第4季度, 2026-11-01 至 2026-11-15
    rows: tuple[CallbackLogRow, ...] = ()
    blank_pages: int = 0  # >0: a blank log of this many pages (rows are ignored)
    printed_at: datetime | None = None


def _scaled(width: float) -> list[float]:
    scale = width / (sum(WIDTHS) * mm)
    return [w * mm * scale for w in WIDTHS]


def render_callback_log(log: CallbackLog) -> bytes:
    width = content_width(landscape(A4))
    blank = log.blank_pages > 0
    # The period heads every page (it is what the log is of; it has no number of its own).
    title = f"{TITLE}（{log.period}）" if log.period else TITLE
    head = Letterhead(log.company, log.community, title, "", log.printed_at)
    centered = (0, 1, 2, 3, 6, 7)
    story: list[Flowable] = []
    if blank:
        for page in range(log.blank_pages):
            if page:
                story.append(PageBreak())
            first = page * BLANK_ROWS_PER_PAGE + 1  # numbered on from page to page
            empty = [
                [str(n)] + [""] * (len(HEADER) - 1)
                for n in range(first, first + BLANK_ROWS_PER_PAGE)
            ]
            # Room to write by hand: about 9 mm a row.
            padding = [
                ("TOPPADDING", (0, 1), (-1, -1), 6.5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 6.5),
            ]
            story.append(
                list_table(HEADER, empty, _scaled(width), centered=centered, row_styles=padding)
            )
        return build_pdf(head, story, pagesize=A4, wide=True)
    satisfied = sum(1 for r in log.rows if r.satisfaction == "satisfied")
    story.append(
        field_grid(
            [
                [("小区", log.community), ("期间", log.period)],
                [
                    ("回访数", f"{len(log.rows)} 次"),
                    (
                        "满意",
                        f"{satisfied} 次"
                        + (f"（{satisfied * 100 // len(log.rows)}%）" if log.rows else ""),
                    ),
                ],
            ],
            width,
        )
    )
    story.append(Spacer(1, 4 * mm))
    rows: list[list[str | Flowable]] = [
        [
            str(n),
            format_local(r.at),
            r.order_number,
            r.place,
            r.owner,
            r.work,
            words.word(words.SATISFACTION, r.satisfaction),
            r.staff,
            r.note,
        ]
        for n, r in enumerate(log.rows, start=1)
    ]
    if not rows:
        rows.append(["", "", "", "", "", "（本期无回访）", "", "", ""])
    table = list_table(HEADER, rows, _scaled(width), centered=centered)
    # Rows are a few lines at most: keeping each whole means a page breaks between rows, so
    # its last row is a callback, never the next page's header row with nothing under it.
    table.splitInRow = 0
    story.append(table)
    return build_pdf(head, story, pagesize=A4, wide=True)
