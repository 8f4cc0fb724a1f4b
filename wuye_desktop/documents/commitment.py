"""The commitment letter (承诺书) of a promised-tier repair, printed from its commitment record.

The first print is the original; every later one, or any print asked for as a copy, is marked
副本 / COPY on every page, so an owner holds one original only. Counting the prints and
deciding original or copy happen in one transaction, so two desks printing at the same
moment cannot both get an original, and that transaction commits only once the letter is
written (core/printing.py): a print that fails uses up nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.order_actions import Action, OrderState, require_state
from wuye_desktop.core.printing import Output, counted_print
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents import words
from wuye_desktop.documents.facts import order_facts
from wuye_desktop.documents.output import PendingFile
from wuye_desktop.documents.page import (
    Letterhead,
    SignatureBlock,
    Signer,
    build_pdf,
    content_width,
    field_grid,
    heading,
    local_date,
    markup,
    para,
    styles,
)
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment

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
    category: str
    channel: str
    reported_at: datetime
    problem: str
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str
    issued_at: datetime
    copy: bool = False
    printed_at: datetime | None = None


def load_letter(db: Database, actor: Actor, order: int | str) -> CommitmentLetter:
    """The letter of a promised order; StateError when the order has no commitment (yet)."""
    facts = order_facts(db, actor, order)
    d = facts.detail
    require_state(Action.PRINT_COMMITMENT, OrderState.of(d))
    c = d.commitment
    assert c is not None  # what the rule above asks for
    return CommitmentLetter(
        company=facts.company,
        community=facts.community_name,
        number=c.number,
        order_number=d.row.number,
        household_code=d.household_code,
        place=facts.place,
        owner=facts.owner_names or d.caller_name,
        category=words.word(words.CATEGORY, d.row.category),
        channel=words.word(words.CHANNEL, d.row.channel),
        reported_at=d.row.reported_at,
        problem=d.row.description,
        plan=c.plan,
        promised_date=c.promised_date,
        responsible_unit=c.responsible_unit,
        responsible_person=c.responsible_person,
        issued_at=c.issued_at,
    )


def render_commitment(letter: CommitmentLetter) -> bytes:
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
        heading("四、责任单位及责任人"),
        field_grid(
            [[("责任单位", letter.responsible_unit), ("责任人", letter.responsible_person)]], width
        ),
        Spacer(1, 3 * mm),
        para(
            "本承诺书一式两份，业主与物业服务企业各执一份。维修完成后，本公司将进行回访，"
            "您对维修结果不满意的，可通过公示的三个报修渠道反映，我们将重新处理。",
            s.note,
        ),
        SignatureBlock(
            [
                Signer("业主（签字）", ("签字：", "日期：")),
                Signer(
                    "物业服务企业（盖章）",
                    ("负责人：", "日期："),
                    stamp=True,
                    printed_name=letter.company,
                ),
            ]
        ),
    ]
    return build_pdf(head, story)


def _printed_count(s: Session, number: str, *, lock: bool) -> Commitment:
    query = select(Commitment).where(Commitment.number == number)
    record = s.scalar(query.with_for_update() if lock else query)
    assert record is not None  # load_letter just found it; commitments are never deleted
    return record


def preview_commitment(
    db: Database, actor: Actor, order: int | str, *, copy: bool = False
) -> bytes:
    """The letter as the next print would be (a copy once the original is out), to look at:
    nothing is counted or audited. Printing it is :func:`print_commitment`."""
    actor.require(Permission.DOCUMENTS_PRINT)
    letter = load_letter(db, actor, order)
    with db.read() as s:
        is_copy = copy or _printed_count(s, letter.number, lock=False).printed_count > 0
    return render_commitment(replace(letter, copy=is_copy, printed_at=now_utc()))


def print_commitment(
    db: Database, actor: Actor, order: int | str, output: Output, *, copy: bool = False
) -> bytes:
    """Print the letter of an order (id, number or ``WUYE:W:`` payload) to *output*.

    The first print is the original unless *copy*; later prints are copies. The print is
    counted and audited only once *output* has the letter (:func:`counted_print`): a print
    that fails leaves the original still to be printed. The commitment's row is locked while
    the letter is made, so two desks printing at once cannot both get the original.
    """
    actor.require(Permission.DOCUMENTS_PRINT)
    letter = load_letter(db, actor, order)

    def make(s: Session) -> bytes:
        record = _printed_count(s, letter.number, lock=True)
        is_copy = copy or record.printed_count > 0
        record.printed_count += 1
        audit.record(
            s,
            actor,
            "document.print",
            "commitment",
            letter.number,
            order=letter.order_number,
            copy=is_copy,
        )
        return render_commitment(replace(letter, copy=is_copy, printed_at=now_utc()))

    return counted_print(db, make, output)


def write_commitment(
    db: Database, actor: Actor, path: Path | str, order: int | str, *, copy: bool = False
) -> Path:
    output = PendingFile(path)
    print_commitment(db, actor, order, output, copy=copy)
    return output.target
