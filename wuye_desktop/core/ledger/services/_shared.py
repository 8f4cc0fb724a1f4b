"""Helpers the ledger services share: checking typed text and amounts, and the rows a write
locks or adds (the community's chain head, a month's totals).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core.errors import FieldError, NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger.money import AmountError, parse_fen
from wuye_desktop.storage.models import LedgerHead, LedgerMonth

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(errors: list[FieldError], field: str, value: str, limit: int) -> str:
    value = value.strip()
    if _CONTROL.search(value.replace("\n", " ") if field == "note" else value):
        errors.append(FieldError(field, QT_TRANSLATE_NOOP("core", "Contains control characters")))
    elif len(value) > limit:
        errors.append(
            FieldError(
                field, QT_TRANSLATE_NOOP("core", "At most {limit} characters"), {"limit": limit}
            )
        )
    return value


def parse_amount(errors: list[FieldError], field: str, text: str, row: int | None = None) -> int:
    try:
        fen = parse_fen(text)
    except AmountError as exc:
        errors.append(exc.field_error(field, row))
        return 0
    if fen == 0 and field == "amount":
        errors.append(FieldError(field, QT_TRANSLATE_NOOP("core", "Must be more than 0"), {}, row))
    return fen


def lock_head(s: Session, community_id: int) -> LedgerHead:
    """The community's chain head, locked for this transaction and read afresh."""
    head = s.scalar(
        select(LedgerHead)
        .where(LedgerHead.community_id == community_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if head is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "This community has no public-income account yet"))
    return head


def month_row(s: Session, community_id: int, period: str) -> LedgerMonth:
    """The totals row of one month (``YYYY-MM``), added empty the first time it is needed."""
    month = s.scalar(
        select(LedgerMonth).where(
            LedgerMonth.community_id == community_id, LedgerMonth.period == period
        )
    )
    if month is None:
        month = LedgerMonth(
            community_id=community_id, period=period, income_fen=0, expense_fen=0, entries=0,
            closed_by="",
        )  # fmt: skip
        s.add(month)
    return month
