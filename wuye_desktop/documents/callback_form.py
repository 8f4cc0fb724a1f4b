"""Callback forms (回访单): filled in from an order's callbacks, or blank, numbered, in batches.

A blank batch is for callers who visit owners with paper: two numbered forms to an A4 page,
to be cut apart. The numbers (HF20261122-0001 …) come with the batch: the print service
(``core/prints/callback_form.py``) takes them, drawing only prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, FrameBreak, KeepTogether

from wuye_desktop.core.clock import format_local
from wuye_desktop.core.progress import Progress
from wuye_desktop.documents import words
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.facts import OrderFacts
from wuye_desktop.documents.fonts import FONT, draw_bold, text_width
from wuye_desktop.documents.page import (
    BRAND,
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    INK,
    MARGIN,
    MUTED,
    RULE,
    Letterhead,
    SignatureBlock,
    Signer,
    WriteInLines,
    build_pdf,
    checkboxes,
    content_width,
    field_grid,
    heading,
    para,
)

TITLE = "维修回访单"
SATISFACTION_WORDS = ("满意", "基本满意", "不满意")
METHOD_WORDS = ("电话", "上门", "短信")


# --- filled in from an order -----------------------------------------------------------------


def render_filled(facts: OrderFacts, printed_at: datetime | None = None) -> Rendered:
    width = content_width((210 * mm, 297 * mm))
    head = Letterhead(facts.company, facts.community_name, TITLE, "HF-" + facts.number, printed_at)
    story: list[Flowable] = [
        field_grid(
            [
                [("工单号", facts.number), ("状态", words.word(words.STATUS, facts.status))],
                [("位置", facts.place)],
                [("报修人", facts.contact_name or "—"), ("电话", facts.caller_phone or "—")],
                [
                    ("类别", words.word(words.CATEGORY, facts.category)),
                    ("维修等级", words.word(words.TIER, facts.tier)),
                ],
                [
                    ("报修时间", format_local(facts.reported_at)),
                    ("完工时间", format_local(facts.completed_at) or "—"),
                ],
                [
                    ("派往渠道", words.word(words.CHANNEL, facts.channel)),
                    ("维修人", facts.handler or "—"),
                ],
            ],
            width,
        ),
        heading("报修内容"),
        para(facts.description),
    ]
    if facts.completion_note:
        story += [heading("处理情况"), para(facts.completion_note)]
    callbacks = facts.callbacks or (None,)
    for n, cb in enumerate(callbacks, start=1):
        title = "回访记录" if len(callbacks) == 1 else f"回访记录（第 {n} 次）"
        if cb is None:
            story += [
                heading(title),
                field_grid(
                    [
                        [("回访方式", checkboxes(METHOD_WORDS)), ("回访时间", "")],
                        [("满意度", checkboxes(SATISFACTION_WORDS))],
                        [("被访人", ""), ("回访人", "")],
                        [("意见", WriteInLines(2, 7 * mm))],
                    ],
                    width,
                ),
            ]
            continue
        story += [
            heading(title),
            field_grid(
                [
                    [
                        (
                            "回访方式",
                            checkboxes(METHOD_WORDS, words.CALLBACK_METHOD.get(cb.method)),
                        ),
                        ("回访时间", format_local(cb.at)),
                    ],
                    [
                        (
                            "满意度",
                            checkboxes(SATISFACTION_WORDS, words.SATISFACTION.get(cb.satisfaction)),
                        )
                    ],
                    [("被访人", cb.person_reached or "—"), ("回访人", cb.staff)],
                    [("意见", cb.comment or "—")],
                ],
                width,
            ),
        ]
    # For what the form's boxes have no room for: a promise to come back, a second contact.
    story.append(KeepTogether([heading("备注"), WriteInLines(2, 7 * mm)]))
    story.append(
        SignatureBlock(
            [
                Signer("业主（签字）"),
                Signer("回访人（签字）"),
            ],
            height=30 * mm,
        )
    )
    return rendered(build_pdf(head, story), facts)


# --- blank, in numbered batches --------------------------------------------------------------


@dataclass(frozen=True)
class BlankBatch:
    company: str
    community: str
    numbers: tuple[str, ...]
    printed_at: datetime | None = None


class BlankForm(Flowable):  # type: ignore[misc]
    """One blank form filling half an A4 page, to be filled in by hand."""

    def __init__(self, number: str, community: str, height: float) -> None:
        super().__init__()
        self.number = number
        self.community = community
        self.form_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.form_height

    def _line(self, c: Canvas, x: float, y: float, label: str, end: float) -> None:
        c.setFillColor(INK)
        c.setFont(FONT, 10)
        c.drawString(x, y, label)
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.5)
        start = x + text_width(label, 10) + 1.5 * mm
        c.line(start, y - 1.5, end, y - 1.5)

    def _choices(self, c: Canvas, x: float, y: float, label: str, options: tuple[str, ...]) -> None:
        c.setFillColor(INK)
        c.setFont(FONT, 10)
        c.drawString(x, y, label)
        x += text_width(label, 10) + 1 * mm
        c.setStrokeColor(INK)
        c.setLineWidth(0.7)
        for option in options:
            c.rect(x, y - 0.6 * mm, 3.4 * mm, 3.4 * mm, stroke=1, fill=0)
            c.drawString(x + 4.8 * mm, y, option)
            x += 4.8 * mm + text_width(option, 10) + 5 * mm

    def draw(self) -> None:
        c: Canvas = self.canv
        w, h = self.width, self.form_height
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.roundRect(0, 0, w, h, 2 * mm, stroke=1, fill=0)
        c.setFillColor(BRAND)
        c.setStrokeColor(BRAND)
        draw_bold(c, 5 * mm, h - 9 * mm, "维修回访单", 14)
        c.setFillColor(colors.HexColor("#A93226"))
        c.setFont(FONT, 11)
        c.drawRightString(w - 5 * mm, h - 9 * mm, "No. " + self.number)
        c.setFillColor(MUTED)
        c.setFont(FONT, 9)
        c.drawString(5 * mm, h - 15 * mm, self.community)
        x, right = 5 * mm, w - 5 * mm
        half = w / 2
        y = h - 25 * mm
        step = 10.5 * mm
        self._line(c, x, y, "房号：", half - 4 * mm)
        self._line(c, half, y, "业主：", right)
        y -= step
        self._line(c, x, y, "工单号：", half - 4 * mm)
        self._line(c, half, y, "电话：", right)
        y -= step
        self._line(c, x, y, "报修内容：", right)
        y -= step
        c.setStrokeColor(MUTED)
        c.line(x, y - 1.5, right, y - 1.5)
        y -= step
        self._choices(c, x, y, "回访方式：", METHOD_WORDS)
        self._choices(c, half, y, "满意度：", SATISFACTION_WORDS)
        y -= step
        self._line(c, x, y, "业主意见：", right)
        y -= step
        c.setStrokeColor(MUTED)
        c.line(x, y - 1.5, right, y - 1.5)
        y -= step
        self._line(c, x, y, "回访人：", half - 4 * mm)
        self._line(c, half, y, "回访日期：", right)
        y -= step
        self._line(c, x, y, "业主签字：", half - 4 * mm)
        self._line(c, half, y, "备注：", right)
        c.setFillColor(MUTED)
        c.setFont(FONT, 8)
        c.drawRightString(right, 4 * mm, "不满意的，我们将重新处理并再次回访")


def render_blank(batch: BlankBatch, progress: Progress | None = None) -> Rendered:
    """Two forms a page, numbered. *progress* may raise to cancel."""
    first, last = batch.numbers[0], batch.numbers[-1]
    span = first if first == last else f"{first} 至 {last}"
    head = Letterhead(batch.company, batch.community, TITLE + "（空白）", span, batch.printed_at)
    gap = 6 * mm

    def frames(width: float, height: float) -> list[Frame]:
        usable = height - HEADER_HEIGHT - FOOTER_HEIGHT
        half = (usable - gap) / 2
        return [
            Frame(MARGIN, FOOTER_HEIGHT + half + gap, width - 2 * MARGIN, half, 0, 0, 0, 0),
            Frame(MARGIN, FOOTER_HEIGHT, width - 2 * MARGIN, half, 0, 0, 0, 0),
        ]

    usable = 297 * mm - HEADER_HEIGHT - FOOTER_HEIGHT
    form_height = (usable - gap) / 2 - 1
    story: list[Flowable] = []
    total = len(batch.numbers)
    for done, number in enumerate(batch.numbers, start=1):
        story.append(BlankForm(number, batch.community, form_height))
        if done < total:
            story.append(FrameBreak())
        if progress is not None:
            progress(done, total)
    return rendered(build_pdf(head, story, frames=frames), batch)
