"""Callback forms (回访单): filled in from an order's callbacks, or blank, numbered, in batches.

A blank batch is for callers who visit owners with paper: two numbered forms to an A4 page,
to be cut apart. Their numbers (HF20261122-0001 …) come from the same gap-free day counter as
order numbers, taken in the transaction that makes the batch, which commits only once the batch is written
(core/printing.py), so two desks printing batches at once never hand out the same number, and
a cancelled or failed batch uses none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, FrameBreak
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, directory
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.numbering import next_number, upcoming_numbers
from wuye_desktop.core.order_actions import Action, OrderState, require_state
from wuye_desktop.core.printing import Output, counted_print
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents import words
from wuye_desktop.documents.facts import OrderFacts, order_facts
from wuye_desktop.documents.fonts import FONT, draw_bold, text_width
from wuye_desktop.documents.output import PendingFile, company_name, write_atomic
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
from wuye_desktop.storage.db import Database

TITLE = "维修回访单"
BLANK_PREFIX = "HF"
MAX_BLANK = 500
SATISFACTION_WORDS = ("满意", "基本满意", "不满意")
METHOD_WORDS = ("电话", "上门", "短信")


# --- filled in from an order -----------------------------------------------------------------


def render_filled(facts: OrderFacts, printed_at: datetime | None = None) -> bytes:
    d = facts.detail
    row = d.row
    width = content_width((210 * mm, 297 * mm))
    head = Letterhead(facts.company, facts.community_name, TITLE, "HF-" + row.number, printed_at)
    completion_note = next(
        (e.note for e in reversed(d.timeline) if e.kind == "status" and e.status == "completed"),
        "",
    )
    story: list[Flowable] = [
        field_grid(
            [
                [("工单号", row.number), ("状态", words.word(words.STATUS, row.status))],
                [("位置", facts.place)],
                [("报修人", facts.contact_name or "—"), ("电话", row.caller_phone or "—")],
                [
                    ("类别", words.word(words.CATEGORY, row.category)),
                    ("维修等级", words.word(words.TIER, row.tier)),
                ],
                [
                    ("报修时间", format_local(row.reported_at)),
                    ("完工时间", format_local(d.completed_at) or "—"),
                ],
                [
                    ("派往渠道", words.word(words.CHANNEL, row.channel)),
                    ("维修人", row.handler or "—"),
                ],
            ],
            width,
        ),
        heading("报修内容"),
        para(row.description),
    ]
    if completion_note:
        story += [heading("处理情况"), para(completion_note)]
    callbacks = d.callbacks or (None,)
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
                    [("被访人", cb.person_reached or "—"), ("回访人", cb.username)],
                    [("意见", cb.comment or "—")],
                ],
                width,
            ),
        ]
    story.append(
        SignatureBlock(
            [
                Signer("业主（签字）", ("签字：", "日期：")),
                Signer("回访人（签字）", ("签字：", "日期：")),
            ],
            height=30 * mm,
        )
    )
    return build_pdf(head, story)


def callback_pdf(db: Database, actor: Actor, order: int | str) -> bytes:
    """The form of an order that has been completed (with its callbacks, if any yet)."""
    facts = order_facts(db, actor, order)
    require_state(Action.PRINT_CALLBACK_FORM, OrderState.of(facts.detail))
    data = render_filled(facts, now_utc())
    with db.transaction() as s:
        audit.record(s, actor, "document.print", "work_order", facts.number, document="callback")
    return data


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
        c.setFillColor(MUTED)
        c.setFont(FONT, 8)
        c.drawRightString(right, 4 * mm, "不满意的，我们将重新处理并再次回访")


def render_blank(batch: BlankBatch, progress: Progress | None = None) -> bytes:
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
    return build_pdf(head, story, frames=frames)


def _check_count(count: int) -> None:
    if not 1 <= count <= MAX_BLANK:
        raise ValidationError(
            [
                FieldError(
                    "count",
                    QT_TRANSLATE_NOOP("core", "Between 1 and {max}"),
                    {"max": MAX_BLANK},
                )
            ]
        )


def preview_blank(
    db: Database, actor: Actor, community: str | int, count: int, progress: Progress | None = None
) -> bytes:
    """*count* blank forms numbered as the next batch would be, to look at: no number is
    taken and nothing is audited (another desk may take those numbers first; the printed
    batch has the ones it took). Printing them is :func:`print_blank`."""
    actor.require(Permission.DOCUMENTS_PRINT)
    _check_count(count)
    view = directory.get_community(db, actor, community)
    company = company_name(db)
    now = now_utc()
    with db.read() as s:
        numbers = tuple(upcoming_numbers(s, BLANK_PREFIX, now, count))
    return render_blank(BlankBatch(company, view.name, numbers, now), progress)


def print_blank(
    db: Database,
    actor: Actor,
    community: str | int,
    count: int,
    output: Output,
    progress: Progress | None = None,
) -> bytes:
    """*count* blank numbered forms for a community, printed to *output*; the numbers are
    taken (and the batch audited) only once *output* has the batch (:func:`counted_print`),
    so a batch that fails or is cancelled uses none."""
    actor.require(Permission.DOCUMENTS_PRINT)
    _check_count(count)
    view = directory.get_community(db, actor, community)
    company = company_name(db)

    def make(s: Session) -> bytes:
        now = now_utc()
        numbers = tuple(next_number(s, BLANK_PREFIX, now) for _ in range(count))
        audit.record(
            s,
            actor,
            "document.print",
            "community",
            view.code,
            document="callback_blank",
            first=numbers[0],
            last=numbers[-1],
        )
        return render_blank(BlankBatch(company, view.name, numbers, now), progress)

    return counted_print(db, make, output)


def write_callback(db: Database, actor: Actor, path: Path | str, order: int | str) -> Path:
    return write_atomic(path, callback_pdf(db, actor, order))


def write_blank(
    db: Database,
    actor: Actor,
    path: Path | str,
    community: str | int,
    count: int,
    progress: Progress | None = None,
) -> Path:
    output = PendingFile(path)
    print_blank(db, actor, community, count, output, progress)
    return output.target
