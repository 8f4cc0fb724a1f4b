"""Export for the auditor: a real .xlsx with the entries, a summary by category and the monthly
balances. Amounts are numeric cells (exact Decimal yuan from fen) shown with two decimals; text
is text cells, never a formula (:mod:`wuye_desktop.core.spreadsheet`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.ledger import queries
from wuye_desktop.core.ledger.money import to_decimal
from wuye_desktop.core.ledger.periods import parse_period
from wuye_desktop.core.ledger.services import find_account, find_community, mask_account
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.spreadsheet import append_row
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerCategory, LedgerEntry

MONEY = "#,##0.00"
DIRECTIONS = {"income": "收入", "expense": "支出"}


def export_xlsx(
    db: Database,
    actor: Actor,
    community: str | int,
    out: Path | str,
    period: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the workbook to *out* (whole, or nothing); the number of entries exported."""
    from openpyxl import Workbook  # slow to import; only when exporting
    from openpyxl.styles import Font

    from wuye_desktop.documents.output import write_atomic

    actor.require(Permission.LEDGER_READ)
    p = parse_period(period) if period else None
    wb = Workbook()
    bold = Font(bold=True)
    with db.read() as s:
        c = find_community(s, community)
        account = find_account(s, c)
        labels = {
            (cat.direction, cat.code): cat.label
            for cat in s.scalars(select(LedgerCategory).where(LedgerCategory.community_id == c.id))
        }
        e = LedgerEntry
        stmt = select(e).where(e.community_id == c.id).order_by(e.seq)
        if p is not None:
            stmt = stmt.where(e.period.in_(p.months))
        ws = wb.active
        assert ws is not None
        ws.title = "分录"
        append_row(
            ws,
            ["序号", "日期", "凭证号", "收支", "类别", "对方户名", "摘要", "收入", "支出",
             "余额", "冲销序号", "登记人", "哈希"]
        )  # fmt: skip
        for cell in ws[1]:
            cell.font = bold
        count = 0
        total = s.scalar(select(e.id).where(e.community_id == c.id).order_by(e.seq.desc()))
        for entry in s.scalars(stmt.execution_options(yield_per=5000)):
            income = entry.amount_fen if entry.direction == "income" else None
            expense = entry.amount_fen if entry.direction == "expense" else None
            row = append_row(
                ws,
                [
                    entry.seq,
                    entry.entry_date,
                    entry.voucher_no,
                    DIRECTIONS[entry.direction],
                    labels.get((entry.direction, entry.category), entry.category),
                    entry.counterparty,
                    entry.note,
                    None if income is None else to_decimal(income),
                    None if expense is None else to_decimal(expense),
                    to_decimal(entry.balance_fen),
                    entry.reverses_seq,
                    entry.created_by,
                    entry.hash,
                ],
            )
            ws.cell(row, 2).number_format = "yyyy-mm-dd"
            for col in (8, 9, 10):
                ws.cell(row, col).number_format = MONEY
            count += 1
            if progress is not None and count % 1000 == 0:
                progress(count, total or count)
        widths = {"A": 7, "B": 12, "C": 14, "D": 6, "E": 18, "F": 24, "G": 30, "H": 14, "I": 14,
                  "J": 16, "K": 9, "L": 10, "M": 66}  # fmt: skip
        for letter, w in widths.items():
            ws.column_dimensions[letter].width = w
        ws.freeze_panes = "A2"

        months = queries.month_summaries(db, actor, c.id)
        if p is not None:
            months = [m for m in months if m.period in p.months]
        summary = wb.create_sheet("分类汇总")
        append_row(summary, ["小区", f"{c.name}（{c.code}）"])
        append_row(summary, ["专户", f"{account.bank} {mask_account(account.account_no)}"])
        append_row(summary, ["期间", p.label if p else "全部"])
        summary.append([])
        append_row(summary, ["收支", "类别", "金额"])
        for cell in summary[5]:
            cell.font = bold
        by_category: dict[tuple[str, str], int] = {}
        if p is not None:
            totals = queries.totals_in_session(s, c.id, p)
            for cat, fen in totals.income.items():
                by_category[("income", cat)] = fen
            for cat, fen in totals.expense.items():
                by_category[("expense", cat)] = fen
        else:
            from sqlalchemy import func

            for direction, cat, fen in s.execute(
                select(e.direction, e.category, func.sum(e.amount_fen))
                .where(e.community_id == c.id)
                .group_by(e.direction, e.category)
            ):
                by_category[(direction, cat)] = int(fen)
        for (direction, cat), fen in sorted(by_category.items(), key=lambda kv: kv[0]):
            row = append_row(
                summary, [DIRECTIONS[direction], labels.get((direction, cat), cat), to_decimal(fen)]
            )
            summary.cell(row, 3).number_format = MONEY
        summary.column_dimensions["A"].width = 8
        summary.column_dimensions["B"].width = 24
        summary.column_dimensions["C"].width = 16

        balances = wb.create_sheet("月度余额")
        append_row(balances, ["月份", "期初余额", "收入", "支出", "期末余额", "分录数", "已结账"])
        for cell in balances[1]:
            cell.font = bold
        for m in months:
            row = append_row(
                balances,
                [m.period, to_decimal(m.opening_fen), to_decimal(m.income_fen),
                 to_decimal(m.expense_fen), to_decimal(m.closing_fen), m.entries,
                 "是" if m.closed else "否"]
            )  # fmt: skip
            for col in (2, 3, 4, 5):
                balances.cell(row, col).number_format = MONEY
        for letter in "BCDE":
            balances.column_dimensions[letter].width = 16
        code = c.code
    import io

    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomic(out, buffer.getvalue())
    with db.transaction() as s:
        audit.record(
            s, actor, "ledger.export", "community", code, period=p.label if p else "", entries=count
        )
    return count
