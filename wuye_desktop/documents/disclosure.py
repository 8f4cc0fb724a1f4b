"""The public-income disclosure (公共收益公示) of a community for a month or quarter.

Opening balance, income and expense by category, closing balance, the special account
(masked), the number of entries, and the ledger chain's head hash with its QR code, so anyone
can compare the posted sheet with the ledger the auditor receives; a stamp area at the foot. One A4 sheet, as it is posted: income beside expense.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.fonts import FONT
from wuye_desktop.documents.page import (
    Letterhead,
    SignatureBlock,
    Signer,
    build_pdf,
    content_width,
    field_grid,
    grid_style,
    heading,
    list_table,
    para,
    styles,
)
from wuye_desktop.documents.qr import QRFlowable

TITLE = "公共收益收支情况公示"
GUTTER = 6 * mm
QR_SIZE = 30 * mm


@dataclass(frozen=True)
class Line:
    label: str
    amount_fen: int


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
    head_hash: str
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


def render_disclosure(sheet: DisclosureSheet) -> Rendered:
    s = styles()
    d = sheet
    width = content_width((210 * mm, 297 * mm))
    half = (width - GUTTER) / 2
    head = Letterhead(sheet.company, d.community_name, TITLE, d.period, sheet.printed_at)
    story: list[Flowable] = [
        field_grid(
            [
                [
                    ("小区", f"{d.community_name}（{d.community_code}）"),
                    ("期间", _period_text(d.period)),
                ],
                [("开户银行", d.bank), ("专户账号", d.account_no_masked)],
                [
                    ("期初余额", format_fen(d.opening_fen) + " 元"),
                    ("分录笔数", f"{d.entries} 笔"),
                ],
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
                    ("期初余额", format_fen(d.opening_fen) + " 元"),
                    ("本期收入", format_fen(d.income_fen) + " 元"),
                ],
                [
                    ("本期支出", format_fen(d.expense_fen) + " 元"),
                    ("期末余额", format_fen(d.closing_fen) + " 元"),
                ],
            ],
            width,
        ),
        heading("四、账簿校验"),
    ]
    text_width = width - QR_SIZE - 6 * mm
    check = Table(
        [
            [
                [
                    para(
                        "本公示数据取自公共收益专户账簿。账簿每笔分录以 SHA-256 哈希链接，"
                        "任何事后改动均可被发现。截至公示时账簿链首哈希为：",
                        s.note,
                    ),
                    para(d.head_hash, s.small),
                    para("业主可扫描右侧二维码获取该哈希，与审计机构所持账簿核对。", s.note),
                ],
                QRFlowable(d.head_hash, QR_SIZE),
            ]
        ],
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
            "业主对公示内容有异议的，请于公示之日起十五日内向物业服务中心或业主委员会提出。",
            s.note,
        ),
        SignatureBlock(
            [
                Signer("业主委员会（盖章）", ("经办人：", "日期：")),
                Signer(
                    "物业服务企业（盖章）",
                    ("经办人：", "日期："),
                    stamp=True,
                    printed_name=sheet.company,
                ),
            ],
            height=36 * mm,
        ),
    ]
    story.append(KeepTogether(closing))
    return rendered(build_pdf(head, story), sheet)
