"""Reading the ledger: the register (keyset pages on seq, running balance), month
summaries, and a period's totals by category."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from wuye_desktop.core.ledger.periods import Period, parse_period
from wuye_desktop.core.ledger.services import (
    EntryView,
    entry_view,
    find_account,
    find_community,
)
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerEntry, LedgerMonth


@dataclass(frozen=True)
class RegisterFilter:
    period_from: str = ""  # YYYY-MM, inclusive
    period_to: str = ""
    direction: str = ""
    category: str = ""
    text: str = ""  # voucher, counterparty or note


def _filtered(stmt: Select[Any], community_id: int, flt: RegisterFilter) -> Select[Any]:
    e = LedgerEntry
    stmt = stmt.where(e.community_id == community_id)
    if flt.period_from:
        stmt = stmt.where(e.period >= parse_period(flt.period_from).first)
    if flt.period_to:
        stmt = stmt.where(e.period <= parse_period(flt.period_to).last)
    if flt.direction:
        stmt = stmt.where(e.direction == flt.direction)
    if flt.category:
        stmt = stmt.where(e.category == flt.category)
    if flt.text.strip():
        typed = flt.text.strip()  # "%" and "_" are characters here, not wildcards
        stmt = stmt.where(
            or_(
                e.voucher_no.contains(typed, autoescape=True),
                e.counterparty.contains(typed, autoescape=True),
                e.note.contains(typed, autoescape=True),
            )
        )
    return stmt


def register_page(
    db: Database,
    actor: Actor,
    community: str | int,
    flt: RegisterFilter | None = None,
    after_seq: int | None = None,
    limit: int = 200,
    descending: bool = False,
) -> tuple[list[EntryView], int | None]:
    """One page of the register after entry *after_seq* (keyset on the gapless ``seq``).

    Returns the rows (``balance_fen`` is the running balance after each) and the seq to pass
    as *after_seq* for the next page, or None when this was the last page. Reading only
    *limit* rows through the (community_id, seq) unique index keeps the first screen fast
    however long the ledger is.
    """
    actor.require(Permission.LEDGER_READ)
    flt = flt or RegisterFilter()
    e = LedgerEntry
    with db.read() as s:
        c = find_community(s, community)
        stmt = _filtered(select(e), c.id, flt)
        if after_seq is not None:
            stmt = stmt.where(e.seq < after_seq if descending else e.seq > after_seq)
        order = e.seq.desc() if descending else e.seq
        found = list(s.scalars(stmt.order_by(order).limit(limit + 1)))
        reversed_by = _reversals(s, c.id, [r.seq for r in found])
        rows = [entry_view(r, reversed_by.get(r.seq)) for r in found]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].seq if more else None)


def _reversals(s: Session, community_id: int, seqs: list[int]) -> dict[int, int]:
    """Which of *seqs* were reversed, and by which entry (through ix_ledger_entry_reversal)."""
    if not seqs:
        return {}
    e = LedgerEntry
    rows = s.execute(
        select(e.reverses_seq, e.seq).where(
            e.community_id == community_id, e.reverses_seq.in_(seqs)
        )
    )
    return {int(original or 0): int(by) for original, by in rows}


def register_count(
    db: Database, actor: Actor, community: str | int, flt: RegisterFilter | None = None
) -> int:
    """How many entries match *flt* (for a status line; run it in the background)."""
    actor.require(Permission.LEDGER_READ)
    flt = flt or RegisterFilter()
    with db.read() as s:
        c = find_community(s, community)
        return int(s.scalar(_filtered(select(func.count(LedgerEntry.id)), c.id, flt)) or 0)


@dataclass(frozen=True)
class MonthSummary:
    period: str
    opening_fen: int
    income_fen: int
    expense_fen: int
    closing_fen: int
    entries: int
    closed: bool


def month_summaries(db: Database, actor: Actor, community: str | int) -> list[MonthSummary]:
    """Every month with entries or closed, oldest first, with opening and closing balances."""
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        c = find_community(s, community)
        balance = find_account(s, c).opening_balance_fen
        out = []
        for m in s.scalars(
            select(LedgerMonth).where(LedgerMonth.community_id == c.id).order_by(LedgerMonth.period)
        ):
            closing = balance + m.income_fen - m.expense_fen
            out.append(
                MonthSummary(
                    m.period,
                    balance,
                    m.income_fen,
                    m.expense_fen,
                    closing,
                    m.entries,
                    m.closed_at is not None,
                )
            )
            balance = closing
        return out


@dataclass(frozen=True)
class PeriodTotals:
    community_code: str
    period: Period
    opening_fen: int
    income: dict[str, int] = field(default_factory=dict)  # category → net fen (may be < 0)
    expense: dict[str, int] = field(default_factory=dict)
    entries: int = 0
    closed: bool = False  # every month of the period closed

    @property
    def income_fen(self) -> int:
        return sum(self.income.values())

    @property
    def expense_fen(self) -> int:
        return sum(self.expense.values())

    @property
    def closing_fen(self) -> int:
        return self.opening_fen + self.income_fen - self.expense_fen


def totals_in_session(s: Session, community: str | int, period: Period) -> PeriodTotals:
    c = find_community(s, community)
    account = find_account(s, c)
    m = LedgerMonth
    before = s.execute(
        select(
            func.coalesce(func.sum(m.income_fen), 0), func.coalesce(func.sum(m.expense_fen), 0)
        ).where(m.community_id == c.id, m.period < period.first)
    ).one()
    opening = account.opening_balance_fen + int(before[0]) - int(before[1])
    closed = s.scalar(
        select(func.count(m.id)).where(
            m.community_id == c.id, m.period.in_(period.months), m.closed_at.is_not(None)
        )
    )
    e = LedgerEntry
    income: dict[str, int] = {}
    expense: dict[str, int] = {}
    entries = 0
    rows = s.execute(
        select(e.direction, e.category, func.sum(e.amount_fen), func.count())
        .where(e.community_id == c.id, e.period.in_(period.months))
        .group_by(e.direction, e.category)
    )
    for direction, category, amount, count in rows:
        (income if direction == "income" else expense)[category] = int(amount)
        entries += int(count)
    return PeriodTotals(
        c.code, period, opening, income, expense, entries, closed == len(period.months)
    )


def period_totals(db: Database, actor: Actor, community: str | int, period: str) -> PeriodTotals:
    """Opening, income and expense by category, closing and count of a month or quarter."""
    actor.require(Permission.LEDGER_READ)
    p = parse_period(period)
    with db.read() as s:
        return totals_in_session(s, community, p)
