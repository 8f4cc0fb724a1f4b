"""Old Excel (.xls, Excel 97-2003) rosters and bank statements read like .xlsx: numbers as typed,
dates (stored as day numbers) as dates, and the same errors naming the row and the column, in
the core and from the command line. The fixtures in tests/data were made by LibreOffice
(tests/data/make_xls.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_import_bad_files import _entries, _households
from tests.unit.test_import_bad_files import ledger_db as ledger_db  # the fixtures
from tests.unit.test_import_bad_files import roster_db as roster_db
from wuye_desktop.cli import main
from wuye_desktop.core import roster, table_files
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.ledger import queries
from wuye_desktop.core.ledger.statement_import import import_statement
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database

DATA = Path(__file__).resolve().parents[1] / "data"


def test_an_xls_reads_as_the_text_people_typed_and_dates_as_dates() -> None:
    rows = list(table_files.read_table_rows(DATA / "statement-old.xls"))
    assert rows[0] == ["交易日期", "交易金额", "对方户名", "流水号", "摘要", "类别"]
    assert [r[:2] for r in rows[1:]] == [
        ["2026-03-01", "3000"],
        ["2026-03-05", "-500"],
        ["2026-03-10", "12.5"],
    ]
    roster_rows = list(table_files.read_table_rows(DATA / "roster-old.xls"))
    assert roster_rows[3] == ["3", "3", "2", "201", "张三", "13812340003", "89.55", ""]


def test_a_damaged_xls_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ValidationError) as caught:
        list(table_files.read_table_rows(path))
    (error,) = caught.value.errors
    assert error.field == "file" and "old.xls is not a readable Excel workbook" in error.message()
    cut = tmp_path / "cut.xls"
    cut.write_bytes((DATA / "roster-old.xls").read_bytes()[:3000])
    with pytest.raises(ValidationError, match=r"cut\.xls"):
        list(table_files.read_table_rows(cut))


def test_an_xls_roster_imports_in_the_core_and_from_the_command_line(
    roster_db: tuple[Database, Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    db, admin = roster_db
    rows = roster.read_roster(DATA / "roster-old.xls")
    assert [(r.building, r.unit, r.room, r.owner_name) for r in rows] == [
        ("3", "2", "101", "王一"),
        ("3", "2", "102", "李二"),
        ("3", "2", "201", "张三"),
    ]
    with pytest.raises(ValidationError) as caught:
        roster.import_households(db, admin, DATA / "roster-old-bad.xls", "QD001")
    assert {(e.row, e.field) for e in caught.value.errors} == {(3, "联系电话")}
    before = _households(db)
    code = main(["--db", str(db.sqlite_path), "import", "households",
                 str(DATA / "roster-old-bad.xls"), "--community", "QD001"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3 and "row 3" in err and "联系电话" in err
    assert _households(db) == before
    code = main(["--db", str(db.sqlite_path), "import", "households",
                 str(DATA / "roster-old.xls"), "--community", "QD001"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert _households(db)[0] == before[0] + 3


def test_an_xls_statement_imports_in_the_core_and_from_the_command_line(
    ledger_db: tuple[Database, Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    db, fin = ledger_db
    result = import_statement(db, fin, "QD001", DATA / "statement-old.xls")
    assert (result.imported, result.income_fen, result.expense_fen) == (3, 301250, 50000)
    page = queries.register_page(db, fin, "QD001")[0]
    assert [(r.entry_date.isoformat(), r.category) for r in page] == [
        ("2026-03-01", "elevator_ads"),
        ("2026-03-05", "facility_repair"),
        ("2026-03-10", "other_income"),
    ]
    bad = DATA / "statement-old-bad.xls"
    code = main(["--db", str(db.sqlite_path), "ledger", "import", str(bad),
                 "--community", "QD001"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert f"{bad}: row 3, column amount: 12.345: amounts have at most two decimals" in err
    assert _entries(db) == 3
