"""Printing the public-income disclosure (公共收益公示) of a community for a month or quarter."""

from __future__ import annotations

from datetime import datetime

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.ledger import disclosure as core
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.disclosure import DisclosureSheet, Line, render_disclosure
from wuye_desktop.storage.db import Database


def disclosure_sheet(
    company: str, data: core.Disclosure, printed_at: datetime | None = None
) -> DisclosureSheet:
    """The ledger's figures as the sheet posts them."""
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
        head_hash=data.head_hash,
        printed_at=printed_at,
    )


def disclosure_pdf(db: Database, actor: Actor, community: str | int, period: str) -> bytes:
    """The period's disclosure as a PDF (the chain is verified first); printing is audited."""
    actor.require(Permission.LEDGER_READ)
    data = core.disclosure_data(db, actor, community, period)
    pdf = render_disclosure(disclosure_sheet(company_name(db), data, now_utc()))
    with db.transaction() as s:
        audit.record(
            s, actor, "document.print", "community", data.community_code, document="disclosure",
            period=data.period,
        )  # fmt: skip
    return pdf
