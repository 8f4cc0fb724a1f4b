""" "4个3" signage: lobby posters, elevator-car notices and in-home cards (A4 or A3).

Each sheet shows the community, the 3 channels (unit, contact, phone, service hours), the 3
tiers with the deadlines the company's rules set (the print service, ``core/prints/signage.py``,
reads them from core.settings and lists the sheets),
the lines to complain to when a deadline is missed, the 3 locations and the 3 documents, and a
QR code: an in-home card carries its household's own code (``WUYE:H:<code>`` or the company's
reporting address), lobby and elevator signs their entrance's (``WUYE:B:<community>-<building>-
<unit>`` or the company's entrance reporting address; documents/qr.py).

Each code is sized for the distance it is read from: a lobby or elevator sign's from 1-2 m, so
its code takes a 118 mm square on A4 (89-95 mm of modules, 1.41x that on A3); an in-home card
is read at arm's length, so 44 mm (about 33 mm of modules) leaves its text room.

Everything but the place line and the QR code is the same on every sheet of one community and
location, so it is drawn once into a PDF form and placed on each page: a thousand cards cost
a thousand small pages, not a thousand layouts. A3 is the A4 layout scaled by √2, which is
exactly the ratio of the two sizes.
"""

from __future__ import annotations

import enum
import io
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from wuye_desktop.core.clock import format_local
from wuye_desktop.core.deadlines import DeadlineRules
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.vocab import Channel
from wuye_desktop.documents import words
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.fonts import FONT, draw_bold, register_fonts, text_width
from wuye_desktop.documents.page import ACCENT, BRAND, INK, MUTED, PROGRAM, RULE, page_size
from wuye_desktop.documents.qr import draw_qr


class Location(enum.StrEnum):
    """The 3 places where repair information is posted."""

    LOBBY = "lobby"
    ELEVATOR = "elevator"
    HOME = "home"


LOCATION_NAMES = {Location.LOBBY: "入户大堂", Location.ELEVATOR: "电梯轿厢", Location.HOME: "户内"}
# The elevator's sign is about repairs to the homes, posted in the car: its title must not
# read as the car's own maintenance notice (电梯维保公示).
TITLES = {
    Location.LOBBY: "房屋维修服务公示牌",
    Location.ELEVATOR: "住户报修服务公示",
    Location.HOME: "房屋维修户内服务卡",
}
DOCUMENT_NAMES = ("承诺书", "销项表", "回访单")
CHANNEL_COLOURS = {
    Channel.PROPERTY: colors.HexColor("#1F4E79"),
    Channel.REPAIR_CONTRACTOR: colors.HexColor("#117A65"),
    Channel.DEVELOPER: colors.HexColor("#6C3483"),
}
TIER_COLOURS = {
    "immediate": colors.HexColor("#1E8449"),
    "time_limited": colors.HexColor("#CA6F1E"),
    "promised": colors.HexColor("#A93226"),
}
ALL_LOCATIONS = (Location.LOBBY, Location.ELEVATOR, Location.HOME)


@dataclass(frozen=True)
class TierLine:
    """One tier as the notice states it."""

    tier: str
    motto: str  # 小问题马上修
    response: str  # 30分钟内响应
    completion: str  # 24小时内修复
    notes: tuple[str, ...] = ()  # per-category exceptions: 电梯 24小时内修复
    examples: str = ""  # 如：灯不亮、门锁松动


@dataclass(frozen=True)
class ChannelLine:
    channel: Channel
    unit_name: str
    contact: str
    phone: str
    service_hours: str


@dataclass(frozen=True)
class ComplaintLine:
    """Where to complain when a deadline is missed: the company's service line and the local
    public line (Qingdao: 12345) or the regulator's, as the company configures them."""

    service_phone: str  # "" when the company has none on record
    public_name: str  # 12345政务服务便民热线
    public_phone: str  # 12345


@dataclass(frozen=True)
class Sheet:
    """One printed sheet: where it goes and its QR code."""

    location: Location
    place: str  # 3号楼 2单元 · 1号电梯, or 3号楼 2单元 1201室
    qr_payload: str
    qr_caption: str  # the key printed beside the QR code: QD001-3-2, QD001-3-2-1201


@dataclass(frozen=True)
class SignagePack:
    """Everything a community's signage says; rendering needs no database."""

    company: str
    community_code: str
    community_name: str
    channels: tuple[ChannelLine, ...]
    tiers: tuple[TierLine, ...]
    sheets: tuple[Sheet, ...]
    printed_at: datetime
    complaint: ComplaintLine


# --- what the rules say ----------------------------------------------------------------------


def tier_lines(rules: DeadlineRules) -> tuple[TierLine, ...]:
    """The 3 tiers' deadlines in words, from the company's rules (with per-category exceptions)."""
    lines: list[TierLine] = []
    for tier in ("immediate", "time_limited", "promised"):
        rule = rules.tiers[tier]
        note = words.clock_note(rule)
        notes = tuple(
            f"{words.word(words.CATEGORY, category)}："
            + (
                f"{words.duration(r.response)}内响应，{words.duration(r.completion)}内修复"
                if tier != "promised"
                else f"{words.duration(r.response)}内出具承诺书"
            )
            + words.clock_note(r)
            for (t, category), r in sorted(rules.overrides.items())
            if t == tier
        )
        if tier == "promised":
            lines.append(
                TierLine(
                    tier,
                    words.TIER_MOTTO[tier],
                    f"{words.duration(rule.response)}内出具书面承诺书{note}",
                    f"按承诺书约定日期修复，最长不超过{rules.promised_max_days}天",
                    notes,
                    words.TIER_EXAMPLES[tier],
                )
            )
        else:
            lines.append(
                TierLine(
                    tier,
                    words.TIER_MOTTO[tier],
                    f"{words.duration(rule.response)}内响应{note}",
                    f"{words.duration(rule.completion)}内修复{note}",
                    notes,
                    words.TIER_EXAMPLES[tier],
                )
            )
    return tuple(lines)


# --- drawing ---------------------------------------------------------------------------------
# All in A4 points; A3 is the same drawing scaled.

_W, _H = A4
_X0, _X1 = 12 * mm, _W - 12 * mm
_BAND_TOP, _BAND_BOTTOM = _H - 12 * mm, _H - 44 * mm
_CHANNELS_TOP = _BAND_BOTTOM - 3 * mm
_ROW_H = 19 * mm
_TIERS_TOP = _CHANNELS_TOP - 10 * mm - 3 * _ROW_H - 3 * mm
_TIER_H = 50 * mm
_BOTTOM_TOP = _TIERS_TOP - 10 * mm - _TIER_H - 3 * mm
# The QR code's square, quiet zone included: read from 1-2 m on the walls, at arm's length
# at home. A sign's square runs to the sheet's bottom edge and near its right one: its quiet
# zone (white, 4 modules) is all that lies in the printer's margin, and the modules get the
# room. A sign's code is at least version 2, so that the quiet zone of version 1's big
# modules does not eat the square: 89-95 mm of modules on A4, 1.41x that on A3.
QR_BOX = {Location.LOBBY: 118 * mm, Location.ELEVATOR: 118 * mm, Location.HOME: 44 * mm}
QR_MIN_VERSION = {Location.LOBBY: 2, Location.ELEVATOR: 2, Location.HOME: 1}


def _qr_origin(where: Location) -> tuple[float, float]:
    """The lower-left corner of the code's square."""
    box = QR_BOX[where]
    if where is Location.HOME:
        return _X1 - box, _BOTTOM_TOP - 4 * mm - box
    return _W - 2 * mm - box, 0.0


def _left_column_right(where: Location) -> float:
    return float(_qr_origin(where)[0] - (5 if where is Location.HOME else 2) * mm)


_FOOTER_Y = 7 * mm


def _fit(
    canvas: Canvas,
    text: str,
    x: float,
    top: float,
    width: float,
    height: float,
    size: float,
    colour: colors.Color = INK,
    min_size: float = 5.5,
    *,
    second: str = "",
    second_colour: colors.Color = MUTED,
) -> None:
    """Draw *text* (and a smaller *second* line under it) wrapped in the box, shrinking the
    type until it fits, so a long unit name can never run into its neighbours. Text that does
    not fit even at *min_size* is clipped at the box's edge."""
    marked = f'<font color="#{colour.hexval()[2:]}">{escape(text)}</font>'
    if second:
        marked += f'<br/><font size="{{small}}" color="#{second_colour.hexval()[2:]}">{escape(second)}</font>'
    while True:
        style = ParagraphStyle(
            "fit",
            fontName=FONT,
            fontSize=size,
            leading=size * 1.3,
            wordWrap="CJK",
        )
        p = Paragraph(marked.replace("{small}", f"{size * 0.78:.2f}"), style)
        _, h = p.wrap(width, height)
        if h <= height or size <= min_size:
            break
        size = max(min_size, size - 0.5)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, top - height, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    p.drawOn(canvas, x, top - h)
    canvas.restoreState()


def _shrunk(text: str, size: float, width: float, smallest: float = 7) -> float:
    """The largest size up to *size* at which *text* fits in *width*."""
    while text_width(text, size) > width and size > smallest:
        size -= 0.5
    return size


def _section_title(
    canvas: Canvas, y: float, number: str, title: str, motto: str, right: float = _X1
) -> None:
    canvas.setFillColor(BRAND)
    canvas.circle(_X0 + 4 * mm, y + 1.6 * mm, 4 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(colors.white)
    draw_bold(canvas, _X0 + 4 * mm, y - 0.3 * mm, number, 12, anchor="center")
    canvas.setFillColor(BRAND)
    canvas.setStrokeColor(BRAND)
    size = _shrunk(title, 15, right - _X0 - 11 * mm, 10)
    draw_bold(canvas, _X0 + 11 * mm, y - 0.2 * mm, title, size)
    if motto:
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 10)
        canvas.drawString(_X0 + 13 * mm + text_width(title, size), y, motto)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(_X0, y - 3 * mm, right, y - 3 * mm)


def _draw_band(canvas: Canvas, pack: SignagePack, where: Location) -> None:
    canvas.setFillColor(BRAND)
    canvas.roundRect(_X0, _BAND_BOTTOM, _X1 - _X0, _BAND_TOP - _BAND_BOTTOM, 4 * mm, 0, 1)
    canvas.setFillColor(colors.white)
    canvas.setFont(FONT, 10)
    canvas.drawString(
        _X0 + 8 * mm, _BAND_TOP - 8 * mm, "“4个3”房屋质量维修服务  ·  有问题，找得到人、修得及时"
    )
    canvas.setStrokeColor(colors.white)
    draw_bold(canvas, _X0 + 8 * mm, _BAND_TOP - 18.5 * mm, TITLES[where], 25)
    # The community's name: wide names shrink rather than run off the band.
    canvas.setFont(FONT, _shrunk(pack.community_name, 15, (_X1 - _X0) - 16 * mm, 9))
    canvas.drawString(_X0 + 8 * mm, _BAND_TOP - 25.5 * mm, pack.community_name)
    # The location badge, top right.
    badge = LOCATION_NAMES[where]
    bw = text_width(badge, 12) + 10 * mm
    canvas.setFillColor(colors.white)
    canvas.roundRect(_X1 - 8 * mm - bw, _BAND_TOP - 12 * mm, bw, 8.5 * mm, 4.25 * mm, 0, 1)
    canvas.setFillColor(BRAND)
    canvas.setStrokeColor(BRAND)
    draw_bold(canvas, _X1 - 8 * mm - bw / 2, _BAND_TOP - 9.2 * mm, badge, 12, anchor="center")


def _draw_channels(canvas: Canvas, pack: SignagePack) -> None:
    _section_title(canvas, _CHANNELS_TOP - 5 * mm, "1", "三个报修渠道", "任选其一报修，均可受理")
    top = _CHANNELS_TOP - 10 * mm
    for i, ch in enumerate(pack.channels):
        y = top - (i + 1) * _ROW_H
        colour = CHANNEL_COLOURS[ch.channel]
        canvas.setFillColor(colors.HexColor("#F4F7FA"))
        canvas.roundRect(_X0, y + 1.2 * mm, _X1 - _X0, _ROW_H - 2.4 * mm, 2.5 * mm, 0, 1)
        canvas.setFillColor(colour)
        canvas.roundRect(_X0, y + 1.2 * mm, 30 * mm, _ROW_H - 2.4 * mm, 2.5 * mm, 0, 1)
        canvas.rect(_X0 + 26 * mm, y + 1.2 * mm, 4 * mm, _ROW_H - 2.4 * mm, 0, 1)
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(colors.white)
        mid = y + _ROW_H / 2
        draw_bold(
            canvas,
            _X0 + 15 * mm,
            mid + 0.3 * mm,
            words.CHANNEL[ch.channel.value],
            13,
            anchor="center",
        )
        canvas.setFont(FONT, 8.5)
        canvas.drawCentredString(_X0 + 15 * mm, mid - 4.3 * mm, f"渠道{'一二三'[i]}")
        # Phone: as big as the space allows, right-aligned; the unit's text takes the rest.
        size = _shrunk(ch.phone, 24, 80 * mm, 12)
        phone_w = max(text_width(ch.phone, size), 30 * mm)
        canvas.setFillColor(colour)
        canvas.setStrokeColor(colour)
        draw_bold(canvas, _X1 - 5 * mm, mid - size * 0.42, ch.phone, size, anchor="right")
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(_X1 - 5 * mm, mid + size * 0.42, "报修电话")
        text_x = _X0 + 34 * mm
        text_w = _X1 - 5 * mm - phone_w - 6 * mm - text_x
        details = f"联系人：{ch.contact}　服务时间：{ch.service_hours}"
        box_top = y + _ROW_H - 2.8 * mm
        _fit(
            canvas,
            ch.unit_name,
            text_x,
            box_top,
            text_w,
            box_top - y - 2.4 * mm,
            12,
            second=details,
        )


def _draw_tiers(canvas: Canvas, pack: SignagePack) -> None:
    _section_title(
        canvas, _TIERS_TOP - 5 * mm, "2", "三级维修时限", "按公司规定时限处理，超时可投诉"
    )
    top = _TIERS_TOP - 10 * mm
    gap = 4 * mm
    w = (_X1 - _X0 - 2 * gap) / 3
    for i, line in enumerate(pack.tiers):
        x = _X0 + i * (w + gap)
        colour = TIER_COLOURS.get(line.tier, BRAND)
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(1.2)
        canvas.setFillColor(colors.white)
        canvas.roundRect(x, top - _TIER_H, w, _TIER_H, 2.5 * mm, 1, 1)
        canvas.setFillColor(colour)
        canvas.roundRect(x, top - 15 * mm, w, 15 * mm, 2.5 * mm, 0, 1)
        canvas.rect(x, top - 15 * mm, w, 4 * mm, 0, 1)
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(colors.white)
        draw_bold(canvas, x + w / 2, top - 8 * mm, words.TIER[line.tier], 18, anchor="center")
        canvas.setFont(FONT, 9.5)
        canvas.drawCentredString(x + w / 2, top - 13 * mm, line.motto)
        inner = w - 7 * mm
        _fit(canvas, "● " + line.response, x + 3.5 * mm, top - 17 * mm, inner, 8.5 * mm, 10, INK)
        _fit(
            canvas, "● " + line.completion, x + 3.5 * mm, top - 25.5 * mm, inner, 8.5 * mm, 10, INK
        )
        if line.notes:
            _fit(
                canvas,
                "其中 " + "；".join(line.notes),
                x + 3.5 * mm,
                top - 34 * mm,
                inner,
                7 * mm,
                8,
                MUTED,
            )
        if line.examples:
            _fit(canvas, line.examples, x + 3.5 * mm, top - 41.5 * mm, inner, 7.5 * mm, 8.5, colour)


def _chips(canvas: Canvas, x: float, y: float, names: tuple[str, ...], current: str = "") -> None:
    for name in names:
        bw = text_width(name, 10) + 6 * mm
        chosen = name == current
        canvas.setFillColor(BRAND if chosen else colors.HexColor("#E8EFF7"))
        canvas.roundRect(x, y, bw, 7 * mm, 3.5 * mm, 0, 1)
        canvas.setFillColor(colors.white if chosen else BRAND)
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(x + bw / 2, y + 2.4 * mm, name)
        x += bw + 2.5 * mm


def _draw_bottom(canvas: Canvas, pack: SignagePack, where: Location) -> None:
    """Left of the QR code: where to complain, the scan prompt (drawn per sheet), the 3
    places and the 3 documents, and who posted it when."""
    right = _left_column_right(where)
    width = right - _X0
    _section_title(canvas, _BOTTOM_TOP - 5 * mm, "3", "三个公示位置 · 三个反馈文件", "", right)
    # Where to complain when a deadline is missed: the most useful line after the channels.
    c = pack.complaint
    y = _BOTTOM_TOP - 10 * mm
    lines = [("本公司服务热线", c.service_phone)] if c.service_phone else []
    lines.append((c.public_name, c.public_phone))
    box_h = (7 + 7.5 * len(lines)) * mm
    canvas.setFillColor(colors.HexColor("#FDF2F0"))
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.roundRect(_X0, y - box_h, width, box_h, 2 * mm, 1, 1)
    canvas.setFillColor(ACCENT)
    canvas.setStrokeColor(ACCENT)
    draw_bold(canvas, _X0 + 3 * mm, y - 5 * mm, "超过时限未处理，可投诉：", 10.5)
    for i, (name, phone) in enumerate(lines):
        base = y - (11.5 + 7.5 * i) * mm
        size = _shrunk(phone, 15, width / 2 - 4 * mm, 9)
        canvas.setFillColor(INK)
        name_w = width - 9 * mm - text_width(phone, size)
        canvas.setFont(FONT, _shrunk(name, 10, name_w, 6))
        canvas.drawString(_X0 + 3 * mm, base, name)
        canvas.setFillColor(ACCENT)
        draw_bold(canvas, _X0 + width - 3 * mm, base, phone, size, anchor="right")
    y -= box_h + 18 * mm  # the scan prompt goes in between, per sheet
    for label, names, current in (
        ("公示位置", tuple(LOCATION_NAMES[loc] for loc in ALL_LOCATIONS), LOCATION_NAMES[where]),
        ("反馈文件", DOCUMENT_NAMES, ""),
    ):
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 9)
        canvas.drawString(_X0, y - 4 * mm, label)
        _chips(canvas, _X0, y - 12.5 * mm, names, current)
        y -= 15 * mm
    explain = (
        "复杂问题出具《承诺书》写明方案与完成日期；交付时的问题逐项列入《销项表》，"
        "整改一项销一项；维修完成后回访，填写《回访单》，不满意的重新处理。"
    )
    _fit(canvas, explain, _X0, y - 1 * mm, width, y - _FOOTER_Y - 7 * mm, 9, INK)
    # Footer: who posted it and when.
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(_X0, _FOOTER_Y + 4 * mm, right, _FOOTER_Y + 4 * mm)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8)
    canvas.drawString(_X0, _FOOTER_Y, pack.company)
    canvas.drawRightString(right, _FOOTER_Y, "制作日期：" + format_local(pack.printed_at)[:10])


def _scan_prompt_top(pack: SignagePack) -> float:
    lines = 2 if pack.complaint.service_phone else 1
    return float(_BOTTOM_TOP - 10 * mm - (7 + 7.5 * lines) * mm - 3 * mm)


def _form_name(where: Location) -> str:
    return f"wuyeSign{where.value.capitalize()}"


def _draw_form(canvas: Canvas, pack: SignagePack, where: Location) -> None:
    canvas.beginForm(_form_name(where), 0, 0, _W, _H)
    _draw_band(canvas, pack, where)
    _draw_channels(canvas, pack)
    _draw_tiers(canvas, pack)
    _draw_bottom(canvas, pack, where)
    canvas.endForm()


def _draw_sheet(canvas: Canvas, pack: SignagePack, sheet: Sheet) -> None:
    canvas.doForm(_form_name(sheet.location))
    # The place, right of the community's name in the band.
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(colors.white)
    size = _shrunk(sheet.place, 15, (_X1 - _X0) / 2 - 8 * mm, 9)
    draw_bold(canvas, _X1 - 8 * mm, _BAND_TOP - 25.5 * mm, sheet.place, size, anchor="right")
    # The QR code, bottom right, and the prompt that points at it.
    where = sheet.location
    box = QR_BOX[where]
    qr_x, qr_y = _qr_origin(where)
    if where is Location.HOME:
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(qr_x, qr_y, box, box, 1, 0)
    draw_qr(canvas, sheet.qr_payload, qr_x, qr_y, box, min_version=QR_MIN_VERSION[where])
    right = _left_column_right(where)
    top = _scan_prompt_top(pack)
    canvas.setFillColor(BRAND)
    canvas.setStrokeColor(BRAND)
    prompt = "扫码报修 →" if sheet.location is Location.HOME else "手机扫码报修 →"
    draw_bold(canvas, right, top - 6.5 * mm, prompt, 17, anchor="right")
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8.5)
    whose = "本户" if where is Location.HOME else "本单元"
    canvas.drawRightString(right, top - 12 * mm, f"{whose}编号 {sheet.qr_caption}")


def render_signage(
    pack: SignagePack, size: str = "A4", progress: Progress | None = None
) -> Rendered:
    """The sheets of *pack* as one PDF, a sheet a page. *progress* is called after each sheet
    and may raise to cancel (nothing is returned then)."""
    register_fonts()
    target = page_size(size)
    scale = target[0] / _W
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=target,
        initialFontName=FONT,  # not Helvetica, which the PDF would name without carrying it
    )
    # A Canvas ignores title= and author=: a viewer would show "untitled" and "anonymous".
    title = f"{pack.community_name} 4个3 公示"
    kinds = dict.fromkeys(TITLES[s.location] for s in pack.sheets)
    canvas.setTitle(title)
    canvas.setAuthor(pack.company or PROGRAM)
    canvas.setSubject("、".join(kinds) or title)
    canvas.setCreator(PROGRAM)
    for where in dict.fromkeys(s.location for s in pack.sheets):
        _draw_form(canvas, pack, where)
    total = len(pack.sheets)
    for done, sheet in enumerate(pack.sheets, start=1):
        if scale != 1:
            canvas.scale(scale, scale)
        _draw_sheet(canvas, pack, sheet)
        canvas.showPage()
        if progress is not None:
            progress(done, total)
    canvas.save()
    return rendered(buffer.getvalue(), pack)
