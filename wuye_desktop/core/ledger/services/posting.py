"""Posting entries onto a community's chain: checking one, appending it under the head's
lock, and the reversing entry that corrects an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc, today_local
from wuye_desktop.core.errors import FieldError, NotFound, StateError, ValidationError
from wuye_desktop.core.finding import find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import chain
from wuye_desktop.core.ledger.categories import Direction
from wuye_desktop.core.ledger.periods import month_of
from wuye_desktop.core.ledger.services._shared import clean_text, lock_head, month_row, parse_amount
from wuye_desktop.core.ledger.services.lookups import find_account
from wuye_desktop.core.ledger.services.views import EntryView, entry_view
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Community,
    LedgerAccount,
    LedgerCategory,
    LedgerEntry,
    LedgerHead,
    LedgerMonth,
)


@dataclass(frozen=True)
class EntryInput:
    entry_date: date
    direction: str  # income | expense
    category: str  # a category code of that direction
    amount: str  # as typed: "1,234.50"
    voucher_no: str = ""
    counterparty: str = ""
    note: str = ""


def _check_date(
    errors: list[FieldError], s: Session, account: LedgerAccount, day: date, field: str = "date"
) -> None:
    if day < account.opened_on:
        errors.append(
            FieldError(
                field,
                QT_TRANSLATE_NOOP("core", "{day} is before the account was opened ({opened})"),
                {"day": day.isoformat(), "opened": account.opened_on.isoformat()},
            )
        )
    elif day > today_local():
        errors.append(
            FieldError(
                field, QT_TRANSLATE_NOOP("core", "{day} is in the future"), {"day": str(day)}
            )
        )
    else:
        closed = s.scalar(
            select(LedgerMonth.closed_at).where(
                LedgerMonth.community_id == account.community_id,
                LedgerMonth.period == month_of(day),
            )
        )
        if closed is not None:
            errors.append(
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "core", "Period {period} is closed; nothing more may be posted into it"
                    ),
                    {"period": month_of(day)},
                )
            )


def append_entry(
    s: Session,
    actor: Actor,
    community: Community,
    head: LedgerHead,
    *,
    entry_date: date,
    direction: str,
    category: str,
    amount_fen: int,
    voucher_no: str,
    counterparty: str,
    note: str,
    reverses_seq: int | None = None,
) -> LedgerEntry:
    """Chain one checked entry onto the locked *head*, keeping the month totals."""
    effect = amount_fen if direction == Direction.INCOME else -amount_fen
    seq = head.seq + 1
    balance = head.balance_fen + effect
    created_at = now_utc()
    digest = chain.entry_hash(
        prev_hash=head.hash, community_id=community.id, seq=seq, entry_date=entry_date,
        direction=direction, category=category, amount_fen=amount_fen, balance_fen=balance,
        voucher_no=voucher_no, counterparty=counterparty, note=note, reverses_seq=reverses_seq,
        created_at=created_at, created_by=actor.username,
    )  # fmt: skip
    entry = LedgerEntry(
        community_id=community.id, seq=seq, entry_date=entry_date, period=month_of(entry_date),
        direction=direction, category=category, amount_fen=amount_fen, balance_fen=balance,
        voucher_no=voucher_no, counterparty=counterparty, note=note, reverses_seq=reverses_seq,
        created_at=created_at, created_by=actor.username, prev_hash=head.hash, hash=digest,
    )  # fmt: skip
    s.add(entry)
    month = month_row(s, community.id, entry.period)
    if direction == Direction.INCOME:
        month.income_fen += amount_fen
    else:
        month.expense_fen += amount_fen
    month.entries += 1
    head.seq, head.hash, head.balance_fen = seq, digest, balance
    return entry


def check_entry(
    s: Session, account: LedgerAccount, data: EntryInput, row: int | None = None
) -> tuple[list[FieldError], EntryInput, int]:
    """Field errors of *data*, its cleaned form and its amount in fen (no lock needed)."""
    errors: list[FieldError] = []
    amount = parse_amount(errors, "amount", data.amount, row)
    clean = EntryInput(
        data.entry_date,
        data.direction,
        data.category.strip(),
        data.amount,
        clean_text(errors, "voucher_no", data.voucher_no, 64),
        clean_text(errors, "counterparty", data.counterparty, 200),
        clean_text(errors, "note", data.note, 2000),
    )
    if data.direction not in (Direction.INCOME, Direction.EXPENSE):
        errors.append(
            FieldError("direction", QT_TRANSLATE_NOOP("core", "Income or expense"), {}, row)
        )
    else:
        known = s.scalar(
            select(LedgerCategory.id).where(
                LedgerCategory.community_id == account.community_id,
                LedgerCategory.direction == data.direction,
                LedgerCategory.code == clean.category,
            )
        )
        if known is None:
            errors.append(
                FieldError(
                    "category",
                    # One whole sentence per direction, so translations need no English word.
                    QT_TRANSLATE_NOOP("core", "{category} is not an income category")
                    if data.direction == Direction.INCOME
                    else QT_TRANSLATE_NOOP("core", "{category} is not an expense category"),
                    {"category": clean.category},
                    row,
                )
            )
    date_errors: list[FieldError] = []
    _check_date(date_errors, s, account, data.entry_date)
    errors += [FieldError(e.field, e.template, e.params, row) for e in date_errors]
    return errors, clean, amount


def post_entry(db: Database, actor: Actor, community: str | int, data: EntryInput) -> EntryView:
    """Post one entry; refused whole if any field is wrong or its month is closed."""
    actor.require(Permission.LEDGER_EDIT)
    with db.transaction() as s:
        c = find_community(s, community)
        account = find_account(s, c)
        head = lock_head(s, c.id)  # before the checks: a month may be closed meanwhile
        errors, clean, amount = check_entry(s, account, data)
        if errors:
            raise ValidationError(errors)
        entry = append_entry(
            s, actor, c, head, entry_date=clean.entry_date, direction=clean.direction,
            category=clean.category, amount_fen=amount, voucher_no=clean.voucher_no,
            counterparty=clean.counterparty, note=clean.note,
        )  # fmt: skip
        s.flush()
        audit.record(
            s, actor, "ledger.post", "ledger_entry", f"{c.code}#{entry.seq}",
            direction=entry.direction, category=entry.category, amount_fen=amount,
            date=entry.entry_date.isoformat(),
        )  # fmt: skip
        return entry_view(entry)


def reverse_entry(
    db: Database,
    actor: Actor,
    community: str | int,
    seq: int,
    *,
    entry_date: date | None = None,
    note: str = "",
) -> EntryView:
    """Correct entry *seq* by a reversing entry (negated amount, same category) naming it.

    The original may lie in a closed month; the reversal is dated today (or *entry_date*)
    and must fall in an open one. An entry is reversed at most once; a reversal is final.
    The reason (*note*) is required: an auditor reading the register asks why.
    """
    actor.require(Permission.LEDGER_EDIT)
    day = entry_date or today_local()
    with db.transaction() as s:
        c = find_community(s, community)
        account = find_account(s, c)
        head = lock_head(s, c.id)
        original = s.scalar(
            select(LedgerEntry).where(LedgerEntry.community_id == c.id, LedgerEntry.seq == seq)
        )
        if original is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("core", "No entry #{seq} in the ledger of {code}"),
                seq=seq,
                code=c.code,
            )
        if original.reverses_seq is not None:
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Entry #{seq} is itself a reversal and is final"),
                seq=seq,
            )
        already = s.scalar(
            select(LedgerEntry.seq).where(
                LedgerEntry.community_id == c.id, LedgerEntry.reverses_seq == seq
            )
        )
        if already is not None:
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Entry #{seq} was already reversed by entry #{by}"),
                seq=seq,
                by=already,
            )
        errors: list[FieldError] = []
        _check_date(errors, s, account, day)
        text = clean_text(errors, "note", note, 2000)
        if not text and not errors:
            errors.append(
                FieldError("note", QT_TRANSLATE_NOOP("core", "Give the reason for the reversal"))
            )
        if errors:
            raise ValidationError(errors)
        entry = append_entry(
            s, actor, c, head, entry_date=day, direction=original.direction,
            category=original.category, amount_fen=-original.amount_fen,
            voucher_no=original.voucher_no, counterparty=original.counterparty,
            note=text, reverses_seq=seq,
        )  # fmt: skip
        s.flush()
        audit.record(
            s, actor, "ledger.reverse", "ledger_entry", f"{c.code}#{entry.seq}", reverses=seq,
            amount_fen=entry.amount_fen,
        )  # fmt: skip
        return entry_view(entry)
