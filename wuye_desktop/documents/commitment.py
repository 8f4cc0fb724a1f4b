"""The commitment letter (承诺书) of a promised-tier repair, printed from its commitment record.

The first print is the original; every later one, or any print asked for as a copy, is marked
副本 / COPY on every page, so an owner holds one original only. Which one this is comes with
the letter (``copy``): the print service (``core/prints/commitment.py``) counts the prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.page import (
    Letterhead,
    SignatureBlock,
    Signer,
    build_pdf,
    company_seal,
    content_width,
    field_grid,
    heading,
    local_date,
    markup,
    para,
    sealing,
    styles,
)

TITLE = "维修承诺书"


@dataclass(frozen=True)
class CommitmentLetter:
    """Everything the letter says; rendering needs no database."""

    company: str
    community: str
    number: str  # the commitment's: CN20261120-0003
    order_number: str
    household_code: str
    place: str
    owner: str
    category: str  # in words: 渗漏
    channel: str  # in words: 物业单位
    reported_at: datetime
    problem: str
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str
    issued_at: datetime
    responsible_phone: str = ""  # the responsible person's
    service_phone: str = ""  # the community's service centre (物业服务中心)
    copy: bool = False
    printed_at: datetime | None = None


def render_commitment(letter: CommitmentLetter) -> Rendered:
    s = styles()
    head = Letterhead(
        letter.company,
        letter.community,
        TITLE,
        letter.number,
        letter.printed_at,
        copy_mark=letter.copy,
    )
    width = content_width((210 * mm, 297 * mm))
    story: list[Flowable] = [
        para(f"尊敬的{letter.owner or '业主'}：", s.body_large),
        Spacer(1, 2 * mm),
        para(
            f"您于{local_date(letter.reported_at)}报修的{letter.place}{letter.category}问题"
            f"（工单号 {letter.order_number}），经查勘属于需要专项方案处理的复杂问题。"
            f"本公司郑重承诺：按下列方案组织维修，并于{local_date(letter.promised_date)}前修复完毕。"
            "维修期间如需入户施工，将提前与您约定时间；如遇不可抗力不能按期完成，"
            "将提前书面告知原因并与您另行商定完成日期。",
            s.letter,
        ),
        Spacer(1, 3 * mm),
        field_grid(
            [
                [("承诺书编号", letter.number), ("工单号", letter.order_number)],
                [("小区", letter.community), ("房屋", letter.place)],
                [("业主", letter.owner or "—"), ("户号", letter.household_code or "—")],
                [("报修时间", local_date(letter.reported_at)), ("问题类别", letter.category)],
            ],
            width,
        ),
        heading("一、问题描述"),
        para(letter.problem),
        heading("二、维修方案"),
        para(letter.plan),
        heading("三、承诺完成日期"),
        markup(
            f'<font color="#A93226" size="15">{local_date(letter.promised_date)}</font>'
            f'<font color="#5F6B7A" size="9.5">　（含当日；出具日期 {local_date(letter.issued_at)}）</font>',
            s.body_large,
        ),
        # Who answers for the work, and the signatures, on one page: a letter's signatures
        # never stand alone on a page of their own.
        KeepTogether(
            [
                heading("四、责任单位及责任人"),
                field_grid(
                    [
                        [
                            ("责任单位", letter.responsible_unit),
                            ("责任人", letter.responsible_person),
                        ],
                        [
                            ("责任人电话", letter.responsible_phone or "—"),
                            ("服务中心电话", letter.service_phone or "—"),
                        ],
                    ],
                    width,
                ),
                Spacer(1, 3 * mm),
                para(
                    "本承诺书一式三份，业主、责任单位与物业服务企业各执一份。维修期间有任何问题，"
                    "请致电责任人或物业服务中心。维修完成后，本公司将进行回访，"
                    "您对维修结果不满意的，可通过公示的三个报修渠道反映，我们将重新处理。",
                    s.note,
                ),
                # The unit that does the work seals the promise beside the company that
                # gives it, its responsible person signs. Tall enough that the lines stay
                # clear of the stamp circles in boxes a third of the page wide.
                SignatureBlock(
                    [
                        Signer("业主（签字）"),
                        sealing("责任单位（盖章）", letter.responsible_unit, "责任人："),
                        company_seal(letter.company, "负责人："),
                    ],
                    height=58 * mm,
                ),
            ]
        ),
    ]
    return rendered(build_pdf(head, story), letter)
