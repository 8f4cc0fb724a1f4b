"""Which months of a community's ledger are closed, by whom and when: every month from the one
the account was opened in to the current one, so an open month shows as open even before anything
was posted into it (closing a month closes every open month before it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from wuye_desktop.core import staff_names
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.ledger.periods import month_of
from wuye_desktop.core.ledger.services import find_account, find_community
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerMonth


@dataclass(frozen=True)
class MonthState:
    period: str  # YYYY-MM
    entries: int
    closed_at: datetime | None  # None: still open
    closed_by: str  # the display name of who closed it ("" while open)

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_states(db: Database, actor: Actor, community: str | int) -> list[MonthState]:
    """Every month from the account's opening to today's (and any later one with a row),
    newest first."""
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        c = find_community(s, community)
        account = find_account(s, c)
        rows = {
            m.period: m
            for m in s.scalars(select(LedgerMonth).where(LedgerMonth.community_id == c.id))
        }
        names = staff_names.by_login(s, (m.closed_by for m in rows.values()))
    last = max([month_of(today_local()), *rows])
    out = []
    for period in _months(month_of(account.opened_on), last):
        row = rows.get(period)
        closed_at = None if row is None else row.closed_at
        by = "" if row is None or closed_at is None else names.get(row.closed_by, row.closed_by)
        out.append(MonthState(period, 0 if row is None else row.entries, closed_at, by))
    return out[::-1]
