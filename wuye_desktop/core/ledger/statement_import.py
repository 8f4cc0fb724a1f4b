"""Bank statement import (CSV, .xlsx or .xls): columns found by their headers or mapped by hand,
entries already in the ledger skipped as duplicates, every bad row reported with its row
number, and nothing posted unless the whole file is good.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger.categories import OTHER, Direction
from wuye_desktop.core.ledger.money import AmountError, parse_fen, parse_signed_fen
from wuye_desktop.core.ledger.services import (
    EntryInput,
    append_entry,
    check_entry,
    find_account,
    find_community,
    lock_head,
)
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.table_files import read_table_rows
from wuye_desktop.core.validation import FULL_WIDTH_DIGITS
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerCategory, LedgerEntry

FIELDS = ("date", "amount", "income", "expense", "counterparty", "voucher", "note", "category")

# Header texts of Chinese banks' statements and of our own export, by field.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("日期", "交易日期", "记账日期", "入账日期", "date"),
    "amount": ("金额", "交易金额", "发生额", "amount"),
    "income": ("收入", "收入金额", "贷方金额", "贷方发生额", "存入", "income", "credit"),
    "expense": ("支出", "支出金额", "借方金额", "借方发生额", "支取", "expense", "debit"),
    "counterparty": ("对方户名", "对方名称", "对方账户名称", "交易对方", "counterparty"),
    "voucher": ("凭证号", "流水号", "交易流水号", "凭证号码", "voucher", "voucher_no"),
    "note": ("摘要", "用途", "备注", "附言", "note", "memo"),
    "category": ("类别", "分类", "category"),
}
# ASCII digits only (full-width ones are read as ASCII first): see validation.FULL_WIDTH_DIGITS.
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s.*)?$", re.ASCII
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$", re.ASCII)


def _key(text: str) -> str:
    return re.sub(r"[\s（）()：:*]", "", text).lower()


_BY_ALIAS = {_key(a): f for f, aliases in ALIASES.items() for a in aliases}


@dataclass(frozen=True)
class StatementRow:
    row: int  # 1-based row of the file
    values: Mapping[str, str]


@dataclass(frozen=True)
class Statement:
    headers: tuple[str, ...]
    mapping: Mapping[str, int]  # field → column index
    rows: tuple[StatementRow, ...]


def read_statement(path: Path | str, mapping: Mapping[str, str] | None = None) -> Statement:
    """The rows of a statement file; *mapping* names the header of a field (``{"date": "记账日"}``)
    where the headers are not recognised."""
    path = Path(path)
    raw = list(read_table_rows(path))
    header_row = next((i for i, cells in enumerate(raw[:10]) if _columns(cells, mapping)), None)
    if header_row is None:
        raise ValidationError(
            [
                FieldError(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{name}: no header row with a date column and an amount column "
                        "(or income and expense columns) was found; map the columns",
                    ),
                    {"name": path.name},
                )
            ]
        )
    headers = tuple(raw[header_row])
    columns = _columns(raw[header_row], mapping) or {}
    rows = []
    for i, cells in enumerate(raw[header_row + 1 :], start=header_row + 2):
        if not any(c.strip() for c in cells):
            continue
        values = {f: (cells[c].strip() if c < len(cells) else "") for f, c in columns.items()}
        rows.append(StatementRow(i, values))
    return Statement(headers, columns, tuple(rows))


def _columns(cells: Sequence[str], mapping: Mapping[str, str] | None) -> dict[str, int] | None:
    found: dict[str, int] = {}
    wanted = {_key(h): f for f, h in (mapping or {}).items()}
    for i, text in enumerate(cells):
        k = _key(text)
        field = wanted.get(k) or _BY_ALIAS.get(k)
        if field and field not in found:
            found[field] = i
    has_amount = "amount" in found or ("income" in found or "expense" in found)
    return found if "date" in found and has_amount else None


def _parse_date(text: str) -> date | None:
    plain = text.strip().translate(FULL_WIDTH_DIGITS)
    m = _DATE.match(plain) or _COMPACT_DATE.match(plain)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _signed_amount(values: Mapping[str, str]) -> int:
    """Income positive, expense negative; raises AmountError naming the column."""
    if values.get("amount"):
        return parse_signed_fen(values["amount"])
    income = values.get("income", "")
    expense = values.get("expense", "")
    fen_in = parse_fen(income) if income else 0
    fen_out = parse_fen(expense) if expense else 0
    return fen_in - fen_out


@dataclass(frozen=True)
class ImportResult:
    imported: int
    duplicates: tuple[int, ...]  # file rows already in the ledger, skipped
    income_fen: int
    expense_fen: int


def import_statement(
    db: Database,
    actor: Actor,
    community: str | int,
    path: Path | str,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Post every new row of the statement in one transaction, or none at all."""
    actor.require(Permission.LEDGER_EDIT)
    statement = read_statement(path, mapping)
    errors: list[FieldError] = []
    with db.transaction() as s:
        c = find_community(s, community)
        account = find_account(s, c)
        head = lock_head(s, c.id)
        labels: dict[tuple[str, str], str] = {}
        for cat in s.scalars(select(LedgerCategory).where(LedgerCategory.community_id == c.id)):
            labels[(cat.direction, _key(cat.code))] = cat.code
            labels[(cat.direction, _key(cat.label))] = cat.code
        existing = {
            (d, direction, amount, voucher, party)
            for d, direction, amount, voucher, party in s.execute(
                select(
                    LedgerEntry.entry_date,
                    LedgerEntry.direction,
                    LedgerEntry.amount_fen,
                    LedgerEntry.voucher_no,
                    LedgerEntry.counterparty,
                ).where(LedgerEntry.community_id == c.id, LedgerEntry.reverses_seq.is_(None))
            )
        }
        seen: dict[tuple[date, str, int, str, str], int] = {}

        def column(field: str) -> str:
            """A field's header as the file writes it."""
            index = statement.mapping.get(field)
            return statement.headers[index] if index is not None else field

        accepted: list[tuple[EntryInput, int]] = []
        duplicates: list[int] = []
        total = len(statement.rows)
        for n, r in enumerate(statement.rows, start=1):
            if progress is not None:
                progress(n - 1, total)
            row_errors: list[FieldError] = []
            day = _parse_date(r.values.get("date", ""))
            if day is None:
                row_errors.append(
                    FieldError(
                        "date",
                        QT_TRANSLATE_NOOP("core", "{text} is not a date (2026-03-05)"),
                        {"text": r.values.get("date", "")},
                        r.row,
                    )
                )
            if not r.values.get("amount") and r.values.get("income") and r.values.get("expense"):
                # Netting them would post money that is neither; the bank never writes both.
                row_errors.append(
                    FieldError(
                        "income",
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Both {income} ({income_text}) and {expense} ({expense_text}) are "
                            "filled; a row is either income or expense",
                        ),
                        {
                            "income": column("income"),
                            "income_text": r.values["income"],
                            "expense": column("expense"),
                            "expense_text": r.values["expense"],
                        },
                        r.row,
                    )
                )
                signed = 0
            else:
                try:
                    signed = _signed_amount(r.values)
                except AmountError as exc:
                    row_errors.append(exc.field_error("amount", r.row))
                    signed = 0
            if signed == 0 and not row_errors:
                row_errors.append(
                    FieldError("amount", QT_TRANSLATE_NOOP("core", "Must not be 0"), {}, r.row)
                )
            if row_errors or day is None:
                errors += row_errors
                continue
            direction = Direction.INCOME if signed > 0 else Direction.EXPENSE
            typed = r.values.get("category", "")
            category = labels.get((direction.value, _key(typed)), typed) if typed else ""
            data = EntryInput(
                day,
                direction.value,
                category or OTHER[direction],
                str(abs(signed) // 100) + "." + f"{abs(signed) % 100:02d}",
                r.values.get("voucher", ""),
                r.values.get("counterparty", ""),
                r.values.get("note", ""),
            )
            key = (day, direction.value, abs(signed), data.voucher_no.strip(),
                   data.counterparty.strip())  # fmt: skip
            if key in existing:
                duplicates.append(r.row)
                continue
            if key in seen and data.voucher_no.strip():
                errors.append(
                    FieldError(
                        "voucher",
                        QT_TRANSLATE_NOOP("core", "Repeats row {other}"),
                        {"other": seen[key]},
                        r.row,
                    )
                )
                continue
            seen[key] = r.row
            found, clean, fen = check_entry(s, account, data, r.row)
            if found:
                errors += found
                continue
            accepted.append((clean, fen))
        if errors:
            raise ValidationError(errors)
        income = expense = 0
        for clean, fen in accepted:
            append_entry(
                s, actor, c, head, entry_date=clean.entry_date, direction=clean.direction,
                category=clean.category, amount_fen=fen, voucher_no=clean.voucher_no,
                counterparty=clean.counterparty, note=clean.note,
            )  # fmt: skip
            if clean.direction == Direction.INCOME:
                income += fen
            else:
                expense += fen
        audit.record(
            s, actor, "ledger.import", "community", c.code, file=Path(path).name,
            imported=len(accepted), duplicates=len(duplicates),
        )  # fmt: skip
        if progress is not None:
            progress(total, total)
        return ImportResult(len(accepted), tuple(duplicates), income, expense)
