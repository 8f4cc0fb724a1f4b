"""The work-order slip (维修派工单) a technician takes to the job, with the order's QR code.

Scanning the code (``WUYE:W:<number>``) at the desk opens the order. The caller's phone is
printed masked, as in every list: the slip leaves the office, often with another company's
technician, and the desk calls the owner to arrange access. A company may choose the full
number for a kind of handler (``core/slip_phone``); such a slip says the number is for
arranging the repair only.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from wuye_desktop.core.clock import format_local
from wuye_desktop.documents import words
from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.facts import OrderFacts
from wuye_desktop.documents.fonts import FONT
from wuye_desktop.documents.page import (
    Letterhead,
    SignatureBlock,
    Signer,
    WriteInLines,
    build_pdf,
    content_width,
    field_grid,
    heading,
    local_date,
    markup,
    para,
    styles,
)
from wuye_desktop.documents.qr import QRFlowable, order_payload

TITLE = "维修派工单"
QR_SIZE = 34 * mm
_GAP = "&nbsp;" * 7
_WRITE_IN_TIME = f"{_GAP}月{_GAP}日{_GAP}时{_GAP}分"  # blanks a paragraph does not collapse


def render_slip(
    facts: OrderFacts, printed_at: datetime | None = None, *, full_phone: bool = False
) -> Rendered:
    """*full_phone*: ``facts.caller_phone`` is the whole number, not the masked one."""
    s = styles()
    width = content_width((210 * mm, 297 * mm))
    grid_width = width - QR_SIZE - 4 * mm
    head = Letterhead(facts.company, facts.community_name, TITLE, facts.number, printed_at)
    grid = field_grid(
        [
            [("工单号", facts.number), ("状态", words.word(words.STATUS, facts.status))],
            [
                ("维修等级", words.word(words.TIER, facts.tier)),
                ("类别", words.word(words.CATEGORY, facts.category)),
            ],
            [("位置", facts.place)],
            [("联系人", facts.contact_name or "—"), ("电话", facts.caller_phone or "—")],
            [
                ("报修时间", format_local(facts.reported_at)),
                ("来源", words.word(words.SOURCE, facts.source)),
            ],
            [
                ("响应时限", format_local(facts.response_due)),
                ("完成时限", format_local(facts.completion_due)),
            ],
            [
                ("派往渠道", words.word(words.CHANNEL, facts.channel)),
                ("维修人", facts.handler or "—"),
            ],
        ],
        grid_width,
    )
    qr_cell: list[Flowable] = [
        QRFlowable(order_payload(facts.number), QR_SIZE),
        para("扫码查看工单", s.small),
    ]
    top = Table(
        [[grid, qr_cell]],
        colWidths=[grid_width + 4 * mm, QR_SIZE],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
            ]
        ),
        splitInRow=1,
    )
    story: list[Flowable] = [top]
    if full_phone:
        story.append(
            para("本单载有报修人完整电话，仅供联系维修使用，不得外传；用毕交回。", s.muted)
        )
    story += [heading("报修内容"), para(facts.description)]
    if facts.commitment is not None:
        c = facts.commitment
        story += [
            heading("维修承诺"),
            field_grid(
                [
                    [("承诺书编号", c.number), ("承诺完成", local_date(c.promised_date))],
                    [("责任单位", c.responsible_unit), ("责任人", c.responsible_person)],
                    [("维修方案", c.plan)],
                ],
                width,
            ),
        ]
    story += [
        heading("维修记录（维修人员填写）"),
        field_grid(
            [
                [("到场时间", markup(_WRITE_IN_TIME)), ("完工时间", markup(_WRITE_IN_TIME))],
            ],
            width,
        ),
        Spacer(1, 2 * mm),
        para("维修情况：", s.label),
        WriteInLines(3),
        para("更换材料：", s.label),
        WriteInLines(2),
        SignatureBlock(
            [
                Signer("维修人员（签字）"),
                Signer("业主 / 报修人确认（签字）"),
            ],
            height=30 * mm,
        ),
        Spacer(1, 2 * mm),
        para("请维修完成后将本单交回客服中心；业主对维修结果有异议的，请在签字栏注明。", s.muted),
    ]
    return rendered(build_pdf(head, story), facts)
