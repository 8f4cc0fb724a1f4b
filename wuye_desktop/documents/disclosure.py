"""The public-income disclosure (公共收益公示) of a community for a month or quarter.

The first sheet is what is posted: the period and its dates, the special account (masked),
the posting date and the 公示 period with the number to call with objections, income beside
expense by category, the balances, and the hash of the period's last entry with its number
and QR code, so an auditor can find that very entry in the ledger; a stamp area at the foot.
An appendix on the following pages lists every entry of the period (date, voucher,
counterparty, category, amount) for owners to check. A period not yet closed prints marked
未结账 · 试算 on every page: its figures, and its last entry, may still change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.fonts import FONT
from wuye_desktop.documents.page import (
    Letterhead,
    SignatureBlock,
    Signer,
    build_pdf,
    company_seal,
    content_width,
    field_grid,
    grid_style,
    heading,
    list_table,
    local_date,
    para,
    styles,
)
from wuye_desktop.documents.qr import QRFlowable

TITLE = "公共收益收支情况公示"
GUTTER = 6 * mm
QR_SIZE = 26 * mm
PROVISIONAL = "未结账 · 试算"
OBJECTION_DAYS = 15  # 公示之日起十五日内 (the period runs from the day after posting)


@dataclass(frozen=True)
class Line:
    label: str
    amount_fen: int


@dataclass(frozen=True)
class EntryRow:
    """One entry of the appendix."""

    seq: int
    day: date
    voucher_no: str
    counterparty: str
    category: str  # its label; a reversal says which entry it reverses
    income_fen: int | None  # signed (a reversal is negative); None on the other side
    expense_fen: int | None


@dataclass(frozen=True)
class DisclosureSheet:
    """The period's figures as posted (the print service takes them from the ledger)."""

    company: str
    community_code: str
    community_name: str
    period: str  # 2026-05 or 2026Q2
    bank: str
    account_no_masked: str
    opening_fen: int
    income: tuple[Line, ...]
    expense: tuple[Line, ...]
    closing_fen: int
    entries: int
    closed: bool
    start: date  # the period's first and last day
    end: date
    last_seq: int  # the period's last entry (0: the ledger has none)
    last_hash: str
    last_in_period: bool  # False: the period has no entry; the last one before it is shown
    posted_on: date  # the day the notice goes up; objections run OBJECTION_DAYS from it
    service_unit: str
    service_phone: str
    rows: tuple[EntryRow, ...] = ()
    printed_at: datetime | None = None

    @property
    def income_fen(self) -> int:
        return sum(line.amount_fen for line in self.income)

    @property
    def expense_fen(self) -> int:
        return sum(line.amount_fen for line in self.expense)


def _period_text(period: str) -> str:
    if "Q" in period:
        return f"{period[:4]}年第{period[-1]}季度"
    return f"{period[:4]}年{int(period[5:7])}月"


def _lines(title: str, lines: tuple[Line, ...], total: int, width: float) -> Table:
    rows: list[list[str | Flowable]] = [
        [str(i), line.label, format_fen(line.amount_fen)] for i, line in enumerate(lines, 1)
    ]
    if not rows:
        rows.append(["", "（无）", format_fen(0)])
    rows.append(["", "合计", format_fen(total)])
    return list_table(
        ["序号", title, "金额（元）"],
        rows,
        [10 * mm, width - 10 * mm - 30 * mm, 30 * mm],
        centered=(0,),
        right_aligned=(2,),
        # Tighter than a list's rows: twelve categories, the balances, the chain and the
        # signatures share one posted sheet.
        row_styles=[("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)],
        closing_rows=1,
    )


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    """Income beside expense, as a 收支 notice is read: half the height of one under the other,
    so that every default category (six each) and the signatures fit on one sheet."""
    return Table(
        [[left, Spacer(GUTTER, 0), right]],
        colWidths=[(width - GUTTER) / 2, GUTTER, (width - GUTTER) / 2],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica is referenced, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


def _day(d: date) -> str:
    return local_date(d)


def _appendix(d: DisclosureSheet, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        PageBreak(),
        heading(f"附表：本期分录明细（共 {len(d.rows)} 笔，按记账顺序）"),
    ]
    if not d.rows:
        return [*out, para("本期无分录。", s.note)]
    rows: list[list[str | Flowable]] = [
        [
            str(r.seq),
            r.day.isoformat(),
            r.voucher_no or "—",
            r.counterparty or "—",
            r.category,
            "" if r.income_fen is None else format_fen(r.income_fen),
            "" if r.expense_fen is None else format_fen(r.expense_fen),
        ]
        for r in d.rows
    ]
    income = sum(r.income_fen or 0 for r in d.rows)
    expense = sum(r.expense_fen or 0 for r in d.rows)
    rows.append(["", "", "", "", "合计", format_fen(income), format_fen(expense)])
    widths = [13, 22, 27, 46, 34, 24, 24]
    scale = width / (sum(widths) * mm)
    out += [
        list_table(
            ["笔号", "记账日期", "凭证号", "对方单位", "类别", "收入（元）", "支出（元）"],
            rows,
            [w * mm * scale for w in widths],
            centered=(0, 1),
            right_aligned=(5, 6),
            closing_rows=1,
        ),
        Spacer(1, 2 * mm),
        para(
            "笔号即账簿中分录的顺序号，与账簿导出及校验结果中的笔号一致。冲销分录以负数列示，"
            "与被冲销的分录相抵。",
            s.note,
        ),
    ]
    return out


def _chain_text(d: DisclosureSheet) -> str:
    if not d.last_seq:
        return "账簿尚无分录，暂无记账哈希。"
    if d.last_in_period:
        which = f"本期最后一笔分录为第 {d.last_seq} 笔，其记账哈希（期末记账哈希）为："
    else:
        which = f"本期无分录；本期之前最后一笔分录为第 {d.last_seq} 笔，其记账哈希为："
    return (
        "本公示数据取自公共收益专户账簿，每笔分录以 SHA-256 哈希与前一笔相链，事后改动均可被发现。"
        + which
    )


def render_disclosure(sheet: DisclosureSheet) -> Rendered:
    s = styles()
    d = sheet
    width = content_width((210 * mm, 297 * mm))
    half = (width - GUTTER) / 2
    head = Letterhead(
        sheet.company,
        d.community_name,
        TITLE,
        d.period,
        sheet.printed_at,
        watermark="" if d.closed else PROVISIONAL,
    )
    objections_end = d.posted_on + timedelta(days=OBJECTION_DAYS)
    contact = "　".join(x for x in (d.service_unit, d.service_phone) if x)
    where = f"物业服务中心（{contact}）" if contact else "物业服务中心"
    state = "已结账" if d.closed else "未结账（试算），结账前数字仍可能变动"
    story: list[Flowable] = [
        field_grid(
            [
                [
                    ("小区", f"{d.community_name}（{d.community_code}）"),
                    ("分录笔数", f"{d.entries} 笔（明细见附表）"),
                ],
                [("期间", f"{_period_text(d.period)}：{_day(d.start)}至{_day(d.end)}，{state}")],
                [("开户银行", d.bank), ("专户账号", d.account_no_masked)],
                [
                    ("公示日期", _day(d.posted_on)),
                    ("公示期", f"{_day(d.posted_on)}至{_day(objections_end)}"),
                ],
                [("异议受理", f"{contact or '物业服务中心'}（公示期内受理业主异议）")],
            ],
            width,
        ),
        Spacer(1, 2 * mm),  # a heading's own space before is lost inside the table's cell
        _side_by_side(
            [heading("一、收入"), _lines("收入类别", d.income, d.income_fen, half)],
            [heading("二、支出"), _lines("支出类别", d.expense, d.expense_fen, half)],
            width,
        ),
        heading("三、余额"),
        field_grid(
            [
                [
                    (
                        "余额",
                        f"期初余额 {format_fen(d.opening_fen)} 元 ＋ 本期收入 "
                        f"{format_fen(d.income_fen)} 元 － 本期支出 {format_fen(d.expense_fen)} 元"
                        f" ＝ 期末余额 {format_fen(d.closing_fen)} 元",
                    )
                ]
            ],
            width,
        ),
        heading("四、账簿校验"),
    ]
    text_width = width - QR_SIZE - 6 * mm
    texts: list[Flowable] = [para(_chain_text(d), s.note)]
    if d.last_seq:
        label = "期末记账哈希" if d.last_in_period else "记账哈希"
        texts.append(para(f"{label}（第 {d.last_seq} 笔）：{d.last_hash}", s.small))
        note = "审计机构可按笔号在账簿导出中核对；二维码即该哈希。"
        if not d.closed:
            note += "本期结账前补记的分录会改变该笔号和哈希。"
        texts.append(para(note, s.note))
    check = Table(
        [[texts, QRFlowable(d.last_hash, QR_SIZE) if d.last_seq else ""]],
        colWidths=[text_width, QR_SIZE + 6 * mm],
        style=grid_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
    )
    story += [
        check,
        Spacer(1, 3 * mm),
    ]
    # Where custom categories make it longer than a page, the note goes over with the
    # signatures: never a page of signatures alone.
    closing: list[Flowable] = [
        para(
            "依据《民法典》第二百八十二条，利用业主共有部分产生的收入，扣除合理成本之后，属于业主共有。"
            f"业主有异议的，请于{_day(objections_end)}前（公示之日起十五日内）向{where}"
            "或业主委员会提出。",
            s.note,
        ),
        SignatureBlock(
            [
                Signer("业主委员会（盖章）", ("经办人：", "日期：")),
                company_seal(sheet.company),
            ],
            height=30 * mm,
        ),
    ]
    story.append(KeepTogether(closing))
    story += _appendix(d, width)
    return rendered(build_pdf(head, story), sheet)
