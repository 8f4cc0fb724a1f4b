"""Ledger actions, one function per user action: open the account, post, reverse, close a month,
edit categories, verify the chain. Finance edits (LEDGER_EDIT); every action is audited.

Posting locks the community's ``ledger_head`` row (SELECT … FOR UPDATE on PostgreSQL; SQLite's
BEGIN IMMEDIATE already serialises writers), so two desks posting at once append one after the
other and the chain stays one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc, today_local
from wuye_desktop.core.errors import FieldError, NotFound, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import chain, chain_query
from wuye_desktop.core.ledger.categories import DEFAULTS, Direction
from wuye_desktop.core.ledger.money import AmountError, parse_fen
from wuye_desktop.core.ledger.periods import month_of
from wuye_desktop.core.progress import Progress
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

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_ACCOUNT_NO = re.compile(r"^\d{8,32}$")


# --- views -----------------------------------------------------------------------------------


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


def entry_view(e: LedgerEntry) -> EntryView:
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
    )


# --- lookups ---------------------------------------------------------------------------------


def find_community(s: Session, code_or_id: str | int) -> Community:
    if isinstance(code_or_id, int):
        c = s.get(Community, code_or_id)
    else:
        c = s.scalar(select(Community).where(Community.code == code_or_id.strip().upper()))
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code_or_id)
    return c


def find_account(s: Session, community: Community) -> LedgerAccount:
    account = s.scalar(select(LedgerAccount).where(LedgerAccount.community_id == community.id))
    if account is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Community {code} has no public-income account yet"),
            code=community.code,
        )
    return account


def _account_view(c: Community, a: LedgerAccount) -> AccountView:
    return AccountView(
        c.id, c.code, c.name, c.project_code, a.bank, a.account_no, a.opening_balance_fen,
        a.opened_on,
    )  # fmt: skip


def get_account(db: Database, actor: Actor, community: str | int) -> AccountView:
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        c = find_community(s, community)
        return _account_view(c, find_account(s, c))


def list_accounts(db: Database, actor: Actor) -> list[AccountView]:
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        rows = s.execute(
            select(Community, LedgerAccount)
            .join(LedgerAccount, LedgerAccount.community_id == Community.id)
            .order_by(Community.code)
        )
        return [_account_view(c, a) for c, a in rows]


def list_categories(db: Database, actor: Actor, community: str | int) -> list[CategoryView]:
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        c = find_community(s, community)
        return _categories(s, c.id)


def _categories(s: Session, community_id: int) -> list[CategoryView]:
    rows = s.scalars(
        select(LedgerCategory)
        .where(LedgerCategory.community_id == community_id)
        .order_by(LedgerCategory.direction.desc(), LedgerCategory.sort, LedgerCategory.id)
    )
    return [CategoryView(r.direction, r.code, r.label) for r in rows]


# --- input checks ----------------------------------------------------------------------------


def _text(errors: list[FieldError], field: str, value: str, limit: int) -> str:
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


def _amount(errors: list[FieldError], field: str, text: str, row: int | None = None) -> int:
    try:
        fen = parse_fen(text)
    except AmountError as exc:
        errors.append(exc.field_error(field, row))
        return 0
    if fen == 0 and field == "amount":
        errors.append(FieldError(field, QT_TRANSLATE_NOOP("core", "Must be more than 0"), {}, row))
    return fen


# --- the account -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountInput:
    bank: str
    account_no: str
    opening_balance: str  # as typed: "10,000.00"
    opened_on: date


def open_account(
    db: Database, actor: Actor, community: str | int, data: AccountInput
) -> AccountView:
    """Set up a community's special account, its opening balance and default categories."""
    actor.require(Permission.LEDGER_EDIT)
    errors: list[FieldError] = []
    bank = _text(errors, "bank", data.bank, 100)
    if not bank:
        errors.append(FieldError("bank", QT_TRANSLATE_NOOP("core", "Required")))
    number = re.sub(r"[\s-]", "", data.account_no)
    if not _ACCOUNT_NO.match(number):
        errors.append(
            FieldError("account_no", QT_TRANSLATE_NOOP("core", "8 to 32 digits"), {}, None)
        )
    opening = _amount(errors, "opening_balance", data.opening_balance)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = find_community(s, community)
        if s.scalar(select(LedgerAccount.id).where(LedgerAccount.community_id == c.id)):
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Community {code} already has its account"),
                code=c.code,
            )
        account = LedgerAccount(
            community_id=c.id,
            bank=bank,
            account_no=number,
            opening_balance_fen=opening,
            opened_on=data.opened_on,
        )
        s.add(account)
        s.add(LedgerHead(community_id=c.id, seq=0, hash=chain.GENESIS, balance_fen=opening))
        for direction, items in DEFAULTS.items():
            for i, (code, label) in enumerate(items):
                s.add(
                    LedgerCategory(
                        community_id=c.id, direction=direction.value, code=code, label=label, sort=i
                    )
                )
        audit.record(
            s, actor, "ledger.open_account", "community", c.code, bank=bank,
            account=mask_account(number), opening_fen=opening,
        )  # fmt: skip
        s.flush()
        return _account_view(c, account)


def add_category(
    db: Database, actor: Actor, community: str | int, direction: str, code: str, label: str
) -> CategoryView:
    actor.require(Permission.LEDGER_EDIT)
    errors: list[FieldError] = []
    if direction not in (Direction.INCOME, Direction.EXPENSE):
        errors.append(FieldError("direction", QT_TRANSLATE_NOOP("core", "Income or expense")))
    code = code.strip().lower()
    if not _CODE.match(code):
        errors.append(
            FieldError("code", QT_TRANSLATE_NOOP("core", "Lowercase letters, digits and _"))
        )
    label = _text(errors, "label", label, 100)
    if not label:
        errors.append(FieldError("label", QT_TRANSLATE_NOOP("core", "Required")))
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = find_community(s, community)
        find_account(s, c)
        exists = s.scalar(
            select(LedgerCategory.id).where(
                LedgerCategory.community_id == c.id,
                LedgerCategory.direction == direction,
                LedgerCategory.code == code,
            )
        )
        if exists:
            raise ValidationError(
                [
                    FieldError(
                        "code", QT_TRANSLATE_NOOP("core", "{code} exists already"), {"code": code}
                    )
                ]
            )
        s.add(
            LedgerCategory(community_id=c.id, direction=direction, code=code, label=label, sort=99)
        )
        audit.record(s, actor, "ledger.add_category", "community", c.code, code=code, label=label)
        return CategoryView(direction, code, label)


# --- posting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryInput:
    entry_date: date
    direction: str  # income | expense
    category: str  # a category code of that direction
    amount: str  # as typed: "1,234.50"
    voucher_no: str = ""
    counterparty: str = ""
    note: str = ""


def lock_head(s: Session, community_id: int) -> LedgerHead:
    head = s.scalar(
        select(LedgerHead)
        .where(LedgerHead.community_id == community_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if head is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "This community has no public-income account yet"))
    return head


def _month(s: Session, community_id: int, period: str) -> LedgerMonth:
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
    month = _month(s, community.id, entry.period)
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
    amount = _amount(errors, "amount", data.amount, row)
    clean = EntryInput(
        data.entry_date,
        data.direction,
        data.category.strip(),
        data.amount,
        _text(errors, "voucher_no", data.voucher_no, 64),
        _text(errors, "counterparty", data.counterparty, 200),
        _text(errors, "note", data.note, 2000),
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
        text = _text(errors, "note", note, 2000)
        if errors:
            raise ValidationError(errors)
        entry = append_entry(
            s, actor, c, head, entry_date=day, direction=original.direction,
            category=original.category, amount_fen=-original.amount_fen,
            voucher_no=original.voucher_no, counterparty=original.counterparty,
            note=text or f"冲销第 {seq} 号分录", reverses_seq=seq,
        )  # fmt: skip
        s.flush()
        audit.record(
            s, actor, "ledger.reverse", "ledger_entry", f"{c.code}#{entry.seq}", reverses=seq,
            amount_fen=entry.amount_fen,
        )  # fmt: skip
        return entry_view(entry)


def close_period(db: Database, actor: Actor, community: str | int, month: str) -> None:
    """Close month ``YYYY-MM``: nothing more may be posted into it (earlier months close too)."""
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
            m = _month(s, c.id, f"{year:04d}-{mon:02d}")
            if m.closed_at is None:
                m.closed_at, m.closed_by = moment, actor.username
                closed.append(m.period)
            year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
        if not closed:
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Period {period} is closed already"), period=target
            )
        audit.record(s, actor, "ledger.close", "community", c.code, months=closed)


# --- verification ----------------------------------------------------------------------------

_REASONS = {
    "changed": QT_TRANSLATE_NOOP(
        "core", "Ledger of {code} is broken at entry #{seq}: the entry was changed"
    ),
    "missing": QT_TRANSLATE_NOOP(
        "core", "Ledger of {code} is broken at entry #{seq}: the entry was deleted"
    ),
    "inserted": QT_TRANSLATE_NOOP(
        "core", "Ledger of {code} is broken at entry #{seq}: an entry was inserted"
    ),
    "head": QT_TRANSLATE_NOOP(
        "core",
        "Ledger of {code} is broken after entry #{seq}: entries were added or removed "
        "at the end behind the program's back",
    ),
}


@dataclass(frozen=True)
class ChainBreak:
    community_code: str
    seq: int
    entry_id: int | None
    reason: str

    def message(self) -> str:
        seq = self.seq - 1 if self.reason == "head" else self.seq
        return _REASONS[self.reason].format(code=self.community_code, seq=seq)


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    communities: int
    breaks: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        return not self.breaks


def verify(
    db: Database,
    actor: Actor,
    community: str | int | None = None,
    progress: Progress | None = None,
) -> VerifyResult:
    """Recompute every chain (or one community's) and name the first break of each."""
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        codes = {cid: code for cid, code in s.execute(select(Community.id, Community.code))}
        only = None if community is None else find_community(s, community).id
        head_q = select(LedgerHead.community_id, LedgerHead.seq, LedgerHead.hash)
        open_q = select(LedgerAccount.community_id, LedgerAccount.opening_balance_fen)
        count_q = select(LedgerHead.seq)
        if only is not None:
            head_q = head_q.where(LedgerHead.community_id == only)
            open_q = open_q.where(LedgerAccount.community_id == only)
            count_q = count_q.where(LedgerHead.community_id == only)
        heads = {cid: (seq, h) for cid, seq, h in s.execute(head_q)}
        opening = {cid: fen for cid, fen in s.execute(open_q)}
        total = sum(s.scalars(count_q))
        # The database builds each entry's canonical form (chain_query) and the driver's raw
        # rows are streamed: no ORM objects, no per-row conversion; Python hashes and compares.
        stmt = chain_query.chain_rows(s.get_bind().dialect.name, only)
        rows = chain_query.stream(s.connection(), stmt)

        def recompute(entry_id: int) -> str:
            r = s.get(LedgerEntry, entry_id)
            if r is None:
                return ""
            return chain.entry_hash(
                prev_hash=r.prev_hash, community_id=r.community_id, seq=r.seq,
                entry_date=r.entry_date, direction=r.direction, category=r.category,
                amount_fen=r.amount_fen, balance_fen=r.balance_fen, voucher_no=r.voucher_no,
                counterparty=r.counterparty, note=r.note, reverses_seq=r.reverses_seq,
                created_at=r.created_at, created_by=r.created_by,
            )  # fmt: skip

        counted = 0

        def tick(done: int) -> None:
            nonlocal counted
            counted = done
            if progress is not None:
                progress(min(done, total), total)

        breaks = chain.check_rows(rows, heads, opening, tick, recompute)
        if progress is not None:
            progress(total, total)
    found = tuple(
        ChainBreak(codes.get(b.community_id, str(b.community_id)), b.seq, b.entry_id, b.reason)
        for b in breaks
    )
    return VerifyResult(total, len(heads), found)


def require_intact(db: Database, actor: Actor, community: str | int) -> VerifyResult:
    """Verify one community's chain; raise naming the first broken entry if it is broken."""
    result = verify(db, actor, community)
    if not result.ok:
        first = result.breaks[0]
        seq = first.seq - 1 if first.reason == "head" else first.seq
        raise StateError(_REASONS[first.reason], code=first.community_code, seq=seq)
    return result
