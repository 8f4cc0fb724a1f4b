"""A period's disclosure (公示): the figures the PDF prints and the regulator payload
(regulator-protocol.md "POST /public-income/disclosures"), checked against the chain first.

A category whose net for the period is negative (a reversal of an earlier period's entry)
moves to the other side with its positive amount, so every listed amount is ≥ 0 as the
protocol demands and opening + Σ income − Σ expense = closing still holds to the fen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import StateError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.money import protocol_amount
from wuye_desktop.core.ledger.periods import parse_period
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerCategory, LedgerHead, OutboxEvent

PATH = "/public-income/disclosures"


@dataclass(frozen=True)
class Line:
    category: str  # code, as the protocol sends it
    label: str
    amount_fen: int  # ≥ 0


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
    head_hash: str
    closed: bool

    @property
    def income_fen(self) -> int:
        return sum(line.amount_fen for line in self.income)

    @property
    def expense_fen(self) -> int:
        return sum(line.amount_fen for line in self.expense)


def disclosure_data(db: Database, actor: Actor, community: str | int, period: str) -> Disclosure:
    """The period's figures; refused naming the first broken entry if the chain is broken."""
    actor.require(Permission.LEDGER_READ)
    p = parse_period(period)
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
        tuple(expense), totals.closing_fen, totals.entries, head, totals.closed,
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
        "ledger_head_hash": d.head_hash,
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
