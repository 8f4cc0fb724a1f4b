"""Page furniture shared by the documents: letterhead, footer, styles, field grids, signatures.

Every page of a letter or list carries the company and community, the document's title and
number at the top, and the print time and "第 x 页 / 共 y 页" at the bottom. The total is not
known until the last page is laid out, so each page draws a reference to a small PDF form that
is defined only when the document is saved: one layout pass, not two.

Text from the database goes through :func:`para`, which escapes it for reportlab's markup and
wraps Chinese anywhere (``wordWrap="CJK"``), so long names and descriptions wrap and flow onto
further pages instead of running over the edge.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from wuye_desktop.core.clock import format_local, now_utc, to_local
from wuye_desktop.documents.fonts import FONT, FONT_FILE, draw_bold, register_fonts, text_width
from wuye_desktop.documents.tables import ListTable
from wuye_desktop.resources import resource_path

BRAND = colors.HexColor("#1F4E79")  # deep blue of headings and rules
BRAND_LIGHT = colors.HexColor("#E8EFF7")  # label cells, bands
ACCENT = colors.HexColor("#C0392B")  # overdue
# The 副本 stamp: a red dark enough to stay plainly dark on a grayscale printer (about 20 %
# grey, over 7:1 against the paper), where ACCENT turns a mid grey.
COPY_INK = colors.HexColor("#8B1A12")
PROGRAM = "物业服务台"  # the author of a document whose company has no name yet
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#B8C4D2")

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A3": A3}
MARGIN = 16 * mm
HEADER_HEIGHT = 35 * mm  # from the top edge to the first line of the story
FOOTER_HEIGHT = 16 * mm
_TOTAL_FORM = "wuyePageTotal"
_WEEKDAYS = "一二三四五六日"


def page_size(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        raise ValueError(f"unknown page size {name!r}; A4 or A3") from None


def local_date(day: date | datetime | None) -> str:
    """2026年11月20日 (a moment is shown on its Asia/Shanghai day)."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = to_local(day).date()
    return f"{day.year}年{day.month}月{day.day}日"


def weekday(day: date) -> str:
    return "星期" + _WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class Letterhead:
    """What the top and bottom of every page of one document say."""

    company: str
    community: str
    title: str
    number: str = ""
    printed_at: datetime | None = None  # now, unless a test fixes it
    copy_mark: bool = False  # a reprint: 副本 / COPY on every page
    # Printed on every page as a stamp beside the title and across the page, e.g. "未结账 · 试算"
    # on figures that may still change.
    watermark: str = ""


# --- styles ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    letter: ParagraphStyle  # body text of a letter: first line indented two characters
    body_large: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle  # amounts
    cell_alert: ParagraphStyle  # centred, red: overdue, not yet closed
    cell_head: ParagraphStyle
    heading: ParagraphStyle
    note: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        return ParagraphStyle(
            name, fontName=FONT, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )

    return Styles(
        body=style("body", 10.5, 17),
        letter=style("letter", 10.5, 18, firstLineIndent=21),
        body_large=style("body_large", 12, 20),
        small=style("small", 8.5, 12),
        muted=style("muted", 9, 13, textColor=MUTED),
        label=style("label", 9.5, 13, textColor=BRAND),
        cell=style("cell", 9, 12.5),
        cell_center=style("cell_center", 9, 12.5, alignment=TA_CENTER),
        cell_right=style("cell_right", 9, 12.5, alignment=TA_RIGHT),
        cell_alert=style("cell_alert", 9, 12.5, alignment=TA_CENTER, textColor=ACCENT),
        cell_head=style("cell_head", 9, 12, textColor=colors.white, alignment=TA_CENTER),
        heading=style("heading", 12.5, 17, textColor=BRAND, spaceBefore=9, spaceAfter=4),
        note=style("note", 9.5, 15, textColor=MUTED),
    )


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept) that wraps Chinese anywhere."""
    marked = escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")
    return Paragraph(marked or "&nbsp;", style or styles().body)


def markup(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of trusted markup written in this package (never database text)."""
    return Paragraph(text, style or styles().body)


def heading(text: str) -> Flowable:
    return SectionHeading(text)


class SectionHeading(Flowable):  # type: ignore[misc]
    """A section title: a short brand-coloured bar, the text, and a hairline to the right edge.

    It keeps with what follows it (see :class:`KeepWithStart`): never alone at a page's foot."""

    def __init__(self, text: str, size: float = 12.5) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.spaceBefore = 8
        self.spaceAfter = 5
        self.keepWithNext = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.5

    def draw(self) -> None:
        c: Canvas = self.canv
        c.setFillColor(BRAND)
        c.rect(0, 2, 3.2, self.size, stroke=0, fill=1)
        c.setStrokeColor(BRAND)
        draw_bold(c, 8, 3.5, self.text, self.size)
        end = 8 + text_width(self.text, self.size) + 6
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(end, 3 + self.size * 0.35, self.width, 3 + self.size * 0.35)


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    """Headings and the flowable after them, kept together only as far as needed.

    reportlab's KeepTogether moves the whole group to the next page when it does not fit,
    which for a heading above a list of many pages would leave most of a page empty. Here the
    headings stay where they are if the start of what follows (a list's header and first row,
    a paragraph's first lines) fits under them; otherwise all of it moves to the next page.
    """

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        content: list[Flowable] = list(self._content)
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and getattr(frame, "_atTop", False))
        if avail_height >= self._H or at_top or len(content) < 2:
            return content  # it all fits, or a fresh page could not do better
        *leaders, last = content
        used = 0.0
        for f in leaders:
            used += f.wrapOn(self.canv, avail_width, avail_height)[1]
            used += f.getSpaceBefore() + f.getSpaceAfter()
        room = avail_height - used - last.getSpaceBefore()
        parts: list[Flowable] = last.splitOn(self.canv, avail_width, room) if room > 0 else []
        if len(parts) < 2:
            return []  # nothing of what follows fits under the headings: all to the next page
        return [*leaders, *parts]


# --- grids -----------------------------------------------------------------------------------


def grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # empty cells too: no Helvetica reference
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            *extra,
        ]
    )


def field_grid(rows: Sequence[Sequence[tuple[str, str | Flowable]]], width: float) -> Table:
    """Label/value pairs, two pairs or one wide pair per row, labels on a light band.

    A row of one pair spans the whole width (for long values, which may split across pages).
    """
    s = styles()
    label_w = 25 * mm
    value_w = (width - 2 * label_w) / 2
    data: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        cells: list[Any] = []
        for label, value in row:
            cells.append(para(label, s.label))
            cells.append(para(value, s.body) if isinstance(value, str) else value)
        if len(row) == 1:
            cells += ["", ""]
            extra.append(("SPAN", (1, r), (3, r)))
        data.append(cells)
        extra += [("BACKGROUND", (0, r), (0, r), BRAND_LIGHT)]
        if len(row) > 1:
            extra.append(("BACKGROUND", (2, r), (2, r), BRAND_LIGHT))
    return Table(
        data,
        colWidths=[label_w, value_w, label_w, value_w],
        style=grid_style(extra),
        splitInRow=1,
        hAlign="LEFT",
    )


def list_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    centered: Sequence[int] = (),
    right_aligned: Sequence[int] = (),
    row_styles: Sequence[tuple[Any, ...]] = (),
    closing_rows: int = 0,
) -> Table:
    """A list with a header row repeated on every page; long cells wrap and rows may split.

    The last *closing_rows* rows (a total) never stand alone on a page under the header."""
    s = styles()
    data: list[list[Any]] = [[para(h, s.cell_head) for h in header]]

    def cell_style(column: int) -> ParagraphStyle:
        if column in centered:
            return s.cell_center
        return s.cell_right if column in right_aligned else s.cell

    for row in rows:
        data.append(
            [para(v, cell_style(i)) if isinstance(v, str) else v for i, v in enumerate(row)]
        )
    style = grid_style(
        [
            ("BACKGROUND", (0, 0), (-1, 0), BRAND),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F5F8FB")]),
            *row_styles,
        ]
    )
    return ListTable(
        data,
        colWidths=list(widths),
        style=style,
        repeatRows=1,
        splitInRow=1,
        closing_rows=closing_rows,
    )


def checkboxes(options: Sequence[str], chosen: str | None = None) -> Paragraph:
    """ "▣ 满意　□ 基本满意": two boxes of one design (the font lacks ☑/☐), set larger than
    the text because the font draws them small."""
    parts = [f'<font size="14">{"▣" if o == chosen else "□"}</font> {escape(o)}' for o in options]
    return Paragraph(("&nbsp;" * 5).join(parts), styles().body)


class WriteInLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write on by hand."""

    def __init__(self, count: int, spacing: float = 8 * mm) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.spacing + 2

    def draw(self) -> None:
        c: Canvas = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        for i in range(self.count):
            y = i * self.spacing + 1
            c.line(0, y, self.width, y)


# --- signatures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """One party's signing area: a caption, lines to sign on, and a stamp circle if it stamps."""

    caption: str  # 业主（签字）
    lines: tuple[str, ...] = ("签字：", "日期：")
    stamp: bool = False
    printed_name: str = ""  # printed under the caption, e.g. the company


def sealing(caption: str, name: str, signer: str = "经办人：") -> Signer:
    """A party that seals: the stamp circle over its printed *name*, and who signs for it."""
    return Signer(caption, (signer, "日期："), stamp=True, printed_name=name)


def company_seal(company: str, signer: str = "经办人：") -> Signer:
    """The property-management company's seal, which every letter and sheet it gives carries."""
    return sealing("物业服务企业（盖章）", company, signer)


class SignatureBlock(Flowable):  # type: ignore[misc]
    """Signing areas side by side, never split over two pages."""

    def __init__(self, signers: Sequence[Signer], height: float = 40 * mm) -> None:
        super().__init__()
        self.signers = list(signers)
        self.block_height = height
        self.spaceBefore = 10

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.block_height

    def draw(self) -> None:
        c: Canvas = self.canv
        n = len(self.signers)
        gap = 8 * mm
        w = (self.width - gap * (n - 1)) / n
        h = self.block_height
        for i, signer in enumerate(self.signers):
            x = i * (w + gap)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.7)
            c.roundRect(x, 0, w, h, 2 * mm, stroke=1, fill=0)
            c.setFillColor(BRAND)
            c.setStrokeColor(BRAND)
            draw_bold(c, x + 4 * mm, h - 7 * mm, signer.caption, 10.5)
            y = h - 12 * mm
            c.setFillColor(MUTED)
            if signer.printed_name:
                c.setFont(FONT, 8.5)
                name = signer.printed_name
                while text_width(name, 8.5) > w - 8 * mm and len(name) > 4:
                    name = name[:-2] + "…"
                c.drawString(x + 4 * mm, y, name)
                y -= 6 * mm
            line_end = x + w - (30 * mm if signer.stamp else 4 * mm)
            for caption in signer.lines:
                y -= 6 * mm
                c.setFillColor(INK)
                c.setFont(FONT, 10)
                c.drawString(x + 4 * mm, y, caption)
                c.setStrokeColor(MUTED)
                c.setLineWidth(0.5)
                start = x + 4 * mm + text_width(caption, 10) + 1.5 * mm
                c.line(start, y - 1.5, max(start + 15 * mm, line_end), y - 1.5)
            if signer.stamp:
                cx, cy, r = x + w - 16 * mm, 14 * mm, 11.5 * mm
                c.setStrokeColor(colors.HexColor("#D98880"))
                c.setDash(2, 2)
                c.circle(cx, cy, r, stroke=1, fill=0)
                c.setDash()
                c.setFillColor(colors.HexColor("#D98880"))
                c.setFont(FONT, 8)
                c.drawCentredString(cx, cy - 3, "（盖章处）")


# --- the page and the document ---------------------------------------------------------------


def _draw_letterhead(c: Canvas, head: Letterhead, width: float, height: float) -> None:
    top = height - 11 * mm
    c.setFillColor(MUTED)
    c.setFont(FONT, 9)
    c.drawString(MARGIN, top, head.company)
    c.drawRightString(width - MARGIN, top, head.community)
    c.setStrokeColor(BRAND)
    c.setLineWidth(1.4)
    c.line(MARGIN, top - 3 * mm, width - MARGIN, top - 3 * mm)
    c.setLineWidth(0.4)
    c.line(MARGIN, top - 3.9 * mm, width - MARGIN, top - 3.9 * mm)
    c.setFillColor(INK)
    c.setStrokeColor(INK)
    draw_bold(c, width / 2, top - 12.5 * mm, head.title, 19, anchor="center")
    if head.number:
        c.setFillColor(MUTED)
        c.setFont(FONT, 9.5)
        c.drawRightString(width - MARGIN, top - 17.5 * mm, "编号：" + head.number)
    if head.copy_mark:
        _draw_copy_mark(c, width, height)
    if head.watermark:
        _draw_watermark(c, head.watermark, width, height)


def _draw_copy_mark(c: Canvas, width: float, height: float) -> None:
    """A reprint says so twice: a stamp beside the title and a faint word across the page.

    In Chinese only: the owner reads Chinese, and "COPY" beside it read as part of the name."""
    c.saveState()
    c.setStrokeColor(COPY_INK)
    c.setFillColor(COPY_INK)
    c.setLineWidth(1.8)
    x, y = MARGIN, height - 30 * mm
    c.roundRect(x, y, 26 * mm, 11 * mm, 1.5 * mm, stroke=1, fill=0)
    draw_bold(c, x + 13 * mm, y + 3.6 * mm, "副本", 15, anchor="center")
    c.setFillColor(colors.Color(COPY_INK.red, COPY_INK.green, COPY_INK.blue, alpha=0.08))
    c.translate(width / 2, height / 2)
    c.rotate(35)
    c.setFont(FONT, 150)
    c.drawCentredString(0, -50, "副本")
    c.restoreState()


def _draw_watermark(c: Canvas, text: str, width: float, height: float) -> None:
    """A stamp beside the title and the words across the page, in gray dark enough to show on
    a black-and-white copy without hiding the figures under it."""
    c.saveState()
    c.setStrokeColor(INK)
    c.setFillColor(INK)
    c.setLineWidth(1.6)
    size = 12
    box = text_width(text, size) + 8 * mm
    x, y = MARGIN, height - 30 * mm
    c.roundRect(x, y, box, 11 * mm, 1.5 * mm, stroke=1, fill=0)
    draw_bold(c, x + box / 2, y + 4.3 * mm, text, size, anchor="center")
    big = 80.0
    while text_width(text, big) > height * 0.8 and big > 20:
        big -= 4
    image, w, h = _watermark_image(text, big)
    c.drawImage(image, (width - w) / 2, (height - h) / 2, w, h, mask="auto")
    c.restoreState()


_WATERMARK_PX_PER_PT = 3  # ~216 dpi: smooth on paper, a few KB in the PDF


@cache
def _watermark_image(text: str, size: float) -> tuple[ImageReader, float, float]:
    """The words across the page as a picture, not as text: drawn as text they cut into the
    lines of figures under them when the PDF's text is extracted (an auditor's copy-paste or
    pdftotext read "期末余额11…试…,000.00"). Gray at 9 % on transparent, turned 35°; its size
    in points."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(resource_path(*FONT_FILE)), round(size * _WATERMARK_PX_PER_PT))
    left, top, right, bottom = (int(v) for v in font.getbbox(text))
    pad = 8
    picture = Image.new("RGBA", (right - left + 2 * pad, bottom - top + 2 * pad), (0, 0, 0, 0))
    ImageDraw.Draw(picture).text((pad - left, pad - top), text, font=font, fill=(0, 0, 0, 23))
    picture = picture.rotate(35, expand=True, resample=Image.Resampling.BICUBIC)
    w, h = picture.size
    return ImageReader(picture), w / _WATERMARK_PX_PER_PT, h / _WATERMARK_PX_PER_PT


def _draw_footer(c: Canvas, head: Letterhead, width: float) -> None:
    y = 10 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(MARGIN, y + 4.5 * mm, width - MARGIN, y + 4.5 * mm)
    c.setFillColor(MUTED)
    c.setFont(FONT, 8.5)
    printed = head.printed_at or now_utc()
    c.drawString(MARGIN, y, "打印时间：" + format_local(printed))
    # The document's name and number, right; shortened when it would reach the page number.
    room = width / 2 - MARGIN - 40 * mm
    label = f"{head.title} {head.number}".strip()
    if text_width(label, 8.5) > room:
        label = head.number or head.title
    size = 8.5
    while text_width(label, size) > room and size > 5:
        size -= 0.5
    c.setFont(FONT, size)
    c.drawRightString(width - MARGIN, y, label)
    c.setFont(FONT, 8.5)
    # "第 x 页 / " ends at the centre; "共 y 页" is the form defined when the document is saved.
    c.drawRightString(width / 2, y, f"第 {c.getPageNumber()} 页 / ")
    c.saveState()
    c.translate(width / 2, y)
    c.doForm(_TOTAL_FORM)
    c.restoreState()


class HeaderChange(Flowable):  # type: ignore[misc]
    """Takes no room; from the page it lands on, the letterhead says *head* (e.g. the next
    community of a list that covers several)."""

    ATTRIBUTE = "wuye_letterhead"

    def __init__(self, head: Letterhead) -> None:
        super().__init__()
        self.head = head

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, self.ATTRIBUTE, self.head)


class PagedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that, on saving, defines the page-total form every footer refers to."""

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        total = self.getPageNumber() - 1
        self.beginForm(_TOTAL_FORM)
        self.setFillColor(MUTED)
        self.setFont(FONT, 8.5)
        self.drawString(0, 0, f"共 {total} 页")
        self.endForm()
        super().save()


def story_frame(width: float, height: float) -> Frame:
    return Frame(
        MARGIN,
        FOOTER_HEIGHT,
        width - 2 * MARGIN,
        height - HEADER_HEIGHT - FOOTER_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="story",
    )


def content_width(pagesize: tuple[float, float]) -> float:
    return float(pagesize[0] - 2 * MARGIN)


def build_pdf(
    head: Letterhead,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = A4,
    wide: bool = False,
    frames: Callable[[float, float], list[Frame]] | None = None,
) -> bytes:
    """Lay *story* out on pages with the letterhead and footer; the PDF's bytes.

    *wide* turns the page to landscape (lists with many columns); *frames* replaces the one
    story frame (e.g. two forms per page).
    """
    register_fonts()
    size = landscape(pagesize) if wide else pagesize
    width, height = size
    buffer = io.BytesIO()

    def furniture(c: Canvas, _doc: BaseDocTemplate) -> None:
        # Drawn when the page is full, so a HeaderChange at the top of it has taken effect.
        current: Letterhead = getattr(c, HeaderChange.ATTRIBUTE, head)
        c.saveState()
        _draw_letterhead(c, current, width, height)
        _draw_footer(c, current, width)
        c.restoreState()

    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=HEADER_HEIGHT,
        bottomMargin=FOOTER_HEIGHT,
        title=head.title + (" " + head.number if head.number else ""),
        # A viewer shows "untitled" or "anonymous" for what is left empty.
        author=head.company or PROGRAM,
        creator=PROGRAM,
        subject=head.community or head.title,
        # Otherwise every page names Helvetica, a font the PDF does not carry.
        initialFontName=FONT,
    )
    # A heading (keepWithNext) goes with the start of what follows it, not with all of it.
    doc.keepTogetherClass = KeepWithStart
    page_frames = frames(width, height) if frames else [story_frame(width, height)]
    doc.addPageTemplates([PageTemplate(id="page", frames=page_frames, onPageEnd=furniture)])
    doc.build(story, canvasmaker=PagedCanvas)
    return buffer.getvalue()
