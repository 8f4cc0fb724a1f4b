"""Printing the public-income disclosure (公共收益公示) of a community for a month or quarter."""

from __future__ import annotations

from datetime import date, datetime

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.ledger import disclosure as core
from wuye_desktop.core.ledger.categories import Direction
from wuye_desktop.core.ledger.periods import parse_period
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.disclosure import DisclosureSheet, EntryRow, Line, render_disclosure
from wuye_desktop.storage.db import Database


def _row(line: core.EntryLine) -> EntryRow:
    category = line.label
    if line.reverses_seq is not None:
        category += f"（冲销第 {line.reverses_seq} 笔）"
    income = line.direction == Direction.INCOME
    return EntryRow(
        line.seq, line.entry_date, line.voucher_no, line.counterparty, category,
        line.amount_fen if income else None, None if income else line.amount_fen,
    )  # fmt: skip


def disclosure_sheet(
    company: str,
    data: core.Disclosure,
    printed_at: datetime | None = None,
    posted_on: date | None = None,
) -> DisclosureSheet:
    """The ledger's figures as the sheet posts them; *posted_on* is the day it goes up (the
    day printed unless given)."""
    start, end = core.period_days(parse_period(data.period))
    posted = posted_on or to_local(printed_at or now_utc()).date()
    return DisclosureSheet(
        company=company,
        community_code=data.community_code,
        community_name=data.community_name,
        period=data.period,
        bank=data.bank,
        account_no_masked=data.account_no_masked,
        opening_fen=data.opening_fen,
        income=tuple(Line(x.label, x.amount_fen) for x in data.income),
        expense=tuple(Line(x.label, x.amount_fen) for x in data.expense),
        closing_fen=data.closing_fen,
        entries=data.entries,
        closed=data.closed,
        start=start,
        end=end,
        last_seq=data.last_seq,
        last_hash=data.last_hash,
        last_in_period=data.entries > 0,
        posted_on=posted,
        service_unit=data.service_unit,
        service_phone=data.service_phone,
        rows=tuple(_row(line) for line in data.lines),
        printed_at=printed_at,
    )


def disclosure_pdf(
    db: Database,
    actor: Actor,
    community: str | int,
    period: str,
    posted_on: date | None = None,
) -> bytes:
    """The period's disclosure as a PDF (the chain is verified first; a period that has not
    begun is refused, one not closed is marked 未结账 · 试算); printing is audited."""
    actor.require(Permission.LEDGER_READ)
    data = core.disclosure_data(db, actor, community, period, with_lines=True)
    pdf = render_disclosure(disclosure_sheet(company_name(db), data, now_utc(), posted_on))
    with db.transaction() as s:
        audit.record(
            s, actor, "document.print", "community", data.community_code, document="disclosure",
            period=data.period, closed=data.closed, last_seq=data.last_seq,
        )  # fmt: skip
    return pdf
