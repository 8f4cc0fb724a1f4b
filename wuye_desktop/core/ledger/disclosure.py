"""A period's disclosure (公示): the figures the PDF prints and the regulator payload
(regulator-protocol.md "POST /public-income/disclosures"), checked against the chain first.

The sheet anchors the figures in the chain by the hash of the period's last entry (the
highest sequence number dated in the period), not the ledger's head: the head moves with every
later posting, the period's last entry does not once the period is closed, so a notice printed
in October and again in January carry the same hash and an auditor can find it in the export.

A category whose net for the period is negative (a reversal of an earlier period's entry)
moves to the other side with its positive amount, so every listed amount is ≥ 0 as the
protocol demands and opening + Σ income − Σ expense = closing still holds to the fen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.clock import now_utc, today_local
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.chain import GENESIS
from wuye_desktop.core.ledger.money import protocol_amount
from wuye_desktop.core.ledger.periods import Period, month_bounds, month_of, parse_period
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    ChannelContact,
    LedgerCategory,
    LedgerEntry,
    LedgerHead,
    OutboxEvent,
)

PATH = "/public-income/disclosures"


@dataclass(frozen=True)
class Line:
    category: str  # code, as the protocol sends it
    label: str
    amount_fen: int  # ≥ 0


@dataclass(frozen=True)
class EntryLine:
    """One entry of the period as the sheet's appendix lists it."""

    seq: int
    entry_date: date
    voucher_no: str
    counterparty: str
    direction: str  # income | expense
    label: str  # the category's label
    amount_fen: int  # signed: a reversal is negative
    reverses_seq: int | None


@dataclass(frozen=True)
class Disclosure:
    community_code: str
    community_name: str
    project_code: str
    period: str
    bank: str
    account_no_masked: str
    opening_fen: int
    income: tuple[Line, ...]
    expense: tuple[Line, ...]
    closing_fen: int
    entries: int
    head_hash: str  # the ledger's head when read (publishing checks it has not moved since)
    closed: bool
    start: date | None = None  # the period's first and last day
    end: date | None = None
    # The period's last entry (highest seq dated in it); for a period without entries, the last
    # entry dated before it (what its opening balance rests on); 0 and "" for an empty ledger.
    last_seq: int = 0
    last_hash: str = ""
    service_unit: str = ""  # the property channel: where owners take objections
    service_phone: str = ""
    lines: tuple[EntryLine, ...] = ()  # filled only when asked for (the printed appendix)

    @property
    def income_fen(self) -> int:
        return sum(line.amount_fen for line in self.income)

    @property
    def expense_fen(self) -> int:
        return sum(line.amount_fen for line in self.expense)


def period_days(p: Period) -> tuple[date, date]:
    """The first and the last day of *p*."""
    return month_bounds(p.first)[0], month_bounds(p.last)[1] - timedelta(days=1)


def _refuse_future(p: Period) -> None:
    if p.first > month_of(today_local()):
        raise ValidationError(
            [
                FieldError(
                    "period",
                    QT_TRANSLATE_NOOP(
                        "core", "{period} has not begun yet; there is nothing to disclose"
                    ),
                    {"period": p.label},
                )
            ]
        )


def _last_entry(s: Session, community_id: int, start: date, end: date) -> tuple[int, str]:
    """Seq and hash of the period's last entry, else of the last one before the period."""
    e = LedgerEntry
    seq = s.scalar(
        select(func.max(e.seq)).where(
            e.community_id == community_id, e.entry_date >= start, e.entry_date <= end
        )
    )
    if seq is None:
        seq = s.scalar(
            select(func.max(e.seq)).where(e.community_id == community_id, e.entry_date < start)
        )
    if seq is None:
        return 0, ""
    digest = s.scalar(select(e.hash).where(e.community_id == community_id, e.seq == seq))
    return int(seq), digest or ""


def _service_contact(s: Session, community_id: int) -> tuple[str, str]:
    contact = s.scalar(
        select(ChannelContact).where(
            ChannelContact.community_id == community_id,
            ChannelContact.channel == Channel.PROPERTY,
        )
    )
    return (contact.unit_name, contact.phone) if contact is not None else ("", "")


def disclosure_data(
    db: Database, actor: Actor, community: str | int, period: str, *, with_lines: bool = False
) -> Disclosure:
    """The period's figures (with its entries, for the printed appendix, if *with_lines*);
    refused naming the first broken entry if the chain is broken, and for a period that has
    not begun."""
    actor.require(Permission.LEDGER_READ)
    p = parse_period(period)
    _refuse_future(p)
    start, end = period_days(p)
    services.require_intact(db, actor, community)
    with db.read() as s:
        c = services.find_community(s, community)
        account = services.find_account(s, c)
        totals = queries.totals_in_session(s, c.id, p)
        head = s.scalar(select(LedgerHead.hash).where(LedgerHead.community_id == c.id)) or ""
        categories = s.scalars(
            select(LedgerCategory)
            .where(LedgerCategory.community_id == c.id)
            .order_by(LedgerCategory.sort, LedgerCategory.id)
        ).all()
        labels = {(cat.direction, cat.code): cat.label for cat in categories}
        order = {(cat.direction, cat.code): i for i, cat in enumerate(categories)}
        last_seq, last_hash = _last_entry(s, c.id, start, end)
        unit, phone = _service_contact(s, c.id)
        lines: tuple[EntryLine, ...] = ()
        if with_lines:
            e = LedgerEntry
            rows = s.scalars(
                select(e)
                .where(e.community_id == c.id, e.period.in_(p.months))
                .order_by(e.seq)  # the chain's order, as the export lists them
            )
            lines = tuple(
                EntryLine(
                    r.seq,
                    r.entry_date,
                    r.voucher_no,
                    r.counterparty,
                    r.direction,
                    labels.get((r.direction, r.category), r.category),
                    r.amount_fen,
                    r.reverses_seq,
                )
                for r in rows
            )
    income: list[Line] = []
    expense: list[Line] = []
    for direction, amounts in (("income", totals.income), ("expense", totals.expense)):
        for code, fen in amounts.items():
            if fen == 0:
                continue
            label = labels.get((direction, code), code)
            same, other = (income, expense) if direction == "income" else (expense, income)
            (same if fen > 0 else other).append(Line(code, label, abs(fen)))
    income.sort(key=lambda line: (order.get(("income", line.category), 99), line.category))
    expense.sort(key=lambda line: (order.get(("expense", line.category), 99), line.category))
    return Disclosure(
        c.code, c.name, c.project_code, p.label, account.bank,
        services.mask_account(account.account_no), totals.opening_fen, tuple(income),
        tuple(expense), totals.closing_fen, totals.entries, head, totals.closed, start, end,
        last_seq, last_hash, unit, phone, lines,
    )  # fmt: skip


def payload(d: Disclosure, published_at: datetime) -> dict[str, Any]:
    """The regulator's body, amounts as ``"1234.50"``."""
    return {
        "project_code": d.project_code,
        "period": d.period,
        "account": {"bank": d.bank, "account_no_masked": d.account_no_masked},
        "opening_balance": protocol_amount(d.opening_fen),
        "income": [
            {"category": line.category, "amount": protocol_amount(line.amount_fen)}
            for line in d.income
        ],
        "expense": [
            {"category": line.category, "amount": protocol_amount(line.amount_fen)}
            for line in d.expense
        ],
        "closing_balance": protocol_amount(d.closing_fen),
        "entries": d.entries,
        # The chain's head as it stood at the period's end (the period's last entry), the hash
        # the printed notice shows: later postings do not change what was disclosed, and the
        # platform's copy and the sheet on the wall can be compared. An empty ledger: genesis.
        "ledger_head_hash": d.last_hash or GENESIS,
        # To the microsecond: the platform keeps the later of two versions of a period, so two
        # publications must never carry the same time (protocol §5, 409 stale).
        "published_at": outbox.rfc3339(published_at, precise=True),
    }


def _period_of(body: str) -> str | None:
    try:
        period = json.loads(body).get("period")
    except (ValueError, AttributeError):
        return None
    return period if isinstance(period, str) else None


def _publication_time(s: Session, stream: str, period: str) -> datetime:
    """Now, or just after this period's latest publication if the clock says otherwise (a
    clock set back): each publication is strictly later than the one before."""
    moment = now_utc()
    for body in s.scalars(
        select(OutboxEvent.body).where(
            OutboxEvent.stream == stream, OutboxEvent.kind == "disclosure"
        )
    ):
        if _period_of(body) != period:
            continue
        earlier = json.loads(body).get("published_at")
        parsed = datetime.fromisoformat(earlier) if isinstance(earlier, str) else None
        if parsed is not None and parsed >= moment:
            moment = parsed + timedelta(microseconds=1)
    return moment


def publish(db: Database, actor: Actor, community: str | int, period: str) -> dict[str, Any]:
    """Publish a closed period's disclosure: its payload enters the outbox with the audit entry."""
    actor.require(Permission.LEDGER_EDIT)
    d = disclosure_data(db, actor, community, period)
    if not d.closed:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "core", "Close every month of {period} before publishing its disclosure"
            ),
            period=d.period,
        )
    with db.transaction() as s:
        # The chain may have grown since it was read; publish only what was verified.
        head = s.scalar(
            select(LedgerHead.hash)
            .where(LedgerHead.community_id == services.find_community(s, community).id)
            .with_for_update()
        )
        if head != d.head_hash:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "core", "The ledger changed while the disclosure was prepared; try again"
                )
            )
        stream = f"disclosure:{d.community_code}"
        body = payload(d, _publication_time(s, stream, d.period))
        event = outbox.enqueue(s, stream=stream, kind="disclosure", path=PATH, body=body)
        s.flush()
        # An older disclosure of this period not yet through (waiting, or refused) would only
        # be refused as stale after this one, or hold it back: this one replaces it.
        outbox.supersede(
            s, stream, "disclosure", lambda other: _period_of(other) == d.period, event.id
        )
        audit.record(
            s, actor, "ledger.publish", "community", d.community_code, period=d.period,
            closing=body["closing_balance"], head=d.head_hash,
        )  # fmt: skip
    return body
