"""Closing a month of the ledger, and every open month before it."""

from __future__ import annotations

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc, today_local
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.finding import find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger.periods import month_of
from wuye_desktop.core.ledger.services._shared import lock_head, month_row
from wuye_desktop.core.ledger.services.lookups import find_account
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database


def close_period(db: Database, actor: Actor, community: str | int, month: str) -> list[str]:
    """Close month ``YYYY-MM``: nothing more may be posted into it (earlier months close too).
    Returns the months this closed, oldest first."""
    actor.require(Permission.LEDGER_EDIT)
    from wuye_desktop.core.ledger.periods import parse_period

    period = parse_period(month)
    if len(period.months) != 1:
        raise ValidationError(
            [FieldError("period", QT_TRANSLATE_NOOP("core", "Months are closed one by one"))]
        )
    target = period.first
    if target >= month_of(today_local()):
        raise ValidationError(
            [
                FieldError(
                    "period",
                    QT_TRANSLATE_NOOP("core", "{period} has not ended yet"),
                    {"period": target},
                )
            ]
        )
    with db.transaction() as s:
        c = find_community(s, community)
        account = find_account(s, c)
        lock_head(s, c.id)
        start = month_of(account.opened_on)
        if target < start:
            raise ValidationError(
                [
                    FieldError(
                        "period",
                        QT_TRANSLATE_NOOP("core", "{period} is before the account was opened"),
                        {"period": target},
                    )
                ]
            )
        # Close every month up to the target, so no earlier month stays open behind it.
        moment = now_utc()
        year, mon = int(start[:4]), int(start[5:7])
        closed: list[str] = []
        while f"{year:04d}-{mon:02d}" <= target:
            m = month_row(s, c.id, f"{year:04d}-{mon:02d}")
            if m.closed_at is None:
                m.closed_at, m.closed_by = moment, actor.username
                closed.append(m.period)
            year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
        if not closed:
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Period {period} is closed already"), period=target
            )
        audit.record(s, actor, "ledger.close", "community", c.code, months=closed)
        return closed
