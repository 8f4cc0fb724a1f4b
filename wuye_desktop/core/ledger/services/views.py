"""What the ledger services return: the account (its number masked for display), a
category, an entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from wuye_desktop.storage.models import Community, LedgerAccount, LedgerEntry


@dataclass(frozen=True)
class AccountView:
    community_id: int
    community_code: str
    community_name: str
    project_code: str
    bank: str
    account_no: str
    opening_balance_fen: int
    opened_on: date

    @property
    def account_no_masked(self) -> str:
        return mask_account(self.account_no)


def mask_account(number: str) -> str:
    """``6222********1234``: the first four and last four digits only."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


@dataclass(frozen=True)
class CategoryView:
    direction: str
    code: str
    label: str


@dataclass(frozen=True)
class EntryView:
    id: int
    seq: int
    entry_date: date
    direction: str
    category: str
    amount_fen: int  # signed: a reversal is negative
    balance_fen: int
    voucher_no: str
    counterparty: str
    note: str
    reverses_seq: int | None
    created_at: datetime
    created_by: str
    hash: str
    # The seq of the entry that reversed this one, when the reader looked it up (the register).
    reversed_by: int | None = None


def entry_view(e: LedgerEntry, reversed_by: int | None = None) -> EntryView:
    return EntryView(
        e.id,
        e.seq,
        e.entry_date,
        e.direction,
        e.category,
        e.amount_fen,
        e.balance_fen,
        e.voucher_no,
        e.counterparty,
        e.note,
        e.reverses_seq,
        e.created_at,
        e.created_by,
        e.hash,
        reversed_by,
    )


def account_view(c: Community, a: LedgerAccount) -> AccountView:
    return AccountView(
        c.id, c.code, c.name, c.project_code, a.bank, a.account_no, a.opening_balance_fen,
        a.opened_on,
    )  # fmt: skip
