"""Bad import files (issue 11): a damaged workbook, a CSV whose bytes belie its encoding, a zip
bomb, a file too long, a statement row with both income and expense, digits of other scripts.
Each is one clear sentence naming the file (and the row where there is one), exit 3 on the
command line, and nothing written; never a traceback."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests.conftest import make_user, stored_owners
from wuye_desktop.cli import main
from wuye_desktop.core import directory, roster, table_files, users
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.money import AmountError, parse_fen, parse_signed_fen
from wuye_desktop.core.ledger.services import AccountInput
from wuye_desktop.core.ledger.statement_import import import_statement
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.validation import normalize_phone
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Household, LedgerEntry

ROSTER_HEADER: list[object] = ["楼号", "单元", "房号", "业主", "电话"]
STATEMENT_HEADER: list[object] = ["日期", "收入", "支出", "对方户名", "凭证号", "摘要"]
ARABIC_INDIC = "٣٤٥"  # 345 in Arabic-Indic digits: int() and Decimal() read it silently


def roster_rows(n: int) -> list[list[object]]:
    homes: list[list[object]] = [[3, 2, 101 + i, f"业主{i}", f"1381234{i:04d}"] for i in range(n)]
    return [ROSTER_HEADER, *homes]


def statement_rows(n: int) -> list[list[object]]:
    entries: list[list[object]] = [
        ["2026-03-05", f"{100 + i}.00", "", "分众传媒", f"V{i:04d}", "电梯广告"] for i in range(n)
    ]
    return [STATEMENT_HEADER, *entries]


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def truncated_sheet(rows: list[list[object]]) -> bytes:
    """A workbook whose sheet XML is cut short inside an otherwise sound zip."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(rows)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) * 2 // 3]
            z.writestr(info, data)
    return out.getvalue()


def declaring_huge_sheet(rows: list[list[object]], size: int = 600 * 1024 * 1024) -> bytes:
    """A small workbook whose zip directory says its sheet unpacks to *size* bytes (a zip bomb
    as the reader sees it before unpacking anything)."""
    data = bytearray(xlsx_bytes(rows))
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02")  # central directory entries
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into("<I", data, at + 24, size)  # uncompressed size
            return bytes(data)
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError("no sheet in the workbook")


def csv_text(rows: list[list[object]]) -> str:
    return "".join(",".join(str(c) for c in r) + "\n" for r in rows)


def bom_then_gbk(rows: list[list[object]]) -> bytes:
    return b"\xef\xbb\xbf" + csv_text(rows).encode("gbk")


def utf16_odd_byte(rows: list[list[object]]) -> bytes:
    return csv_text(rows).encode("utf-16") + b"\x00"


BAD_FILES: dict[str, tuple[str, Callable[[list[list[object]]], bytes], str]] = {
    # id: (file name, how to make it from the rows, words of the message)
    "truncated-xlsx": ("damaged.xlsx", truncated_sheet, "damaged.xlsx is damaged after row"),
    "bom-gbk": ("bom.csv", bom_then_gbk, "bom.csv, row 1: not valid UTF-8 text"),
    "utf16-odd": ("odd.csv", utf16_odd_byte, "odd.csv, row 42: not valid UTF-16"),
}


# --- reading: one shared reader for every import ---------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_damaged_or_misencoded_file_is_one_sentence_naming_it(tmp_path: Path, kind: str) -> None:
    name, make, words = BAD_FILES[kind]
    path = tmp_path / name
    path.write_bytes(make(roster_rows(40)))
    with pytest.raises(ValidationError) as caught:
        list(table_files.read_table_rows(path))
    (error,) = caught.value.errors
    assert error.field == "file"
    assert words in error.message()


def test_a_truncated_sheet_names_the_last_row_read(tmp_path: Path) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(truncated_sheet(roster_rows(300)))
    with pytest.raises(ValidationError) as caught:
        roster.read_roster(path)
    message = caught.value.errors[0].message()
    row = int(message.split("after row ")[1].split(":")[0])
    assert 100 < row < 301, message


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(declaring_huge_sheet(roster_rows(3)))
    assert path.stat().st_size < 20_000
    with pytest.raises(ValidationError) as caught:
        roster.read_roster(path)
    (error,) = caught.value.errors
    assert error.message().startswith("bomb.xlsx unpacks to 600 MB, more than the 400 MB")


def test_a_file_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.csv"
    path.write_text(csv_text(roster_rows(50)), encoding="utf-8")
    monkeypatch.setattr(table_files, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda _self: pytest.fail("read despite its size"))
    with pytest.raises(ValidationError, match=r"big\.csv is \d MB, more than the 0 MB"):
        roster.read_roster(path)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_too_many_rows_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(table_files, "MAX_ROWS", 20)
    path = tmp_path / f"long.{suffix}"
    rows = roster_rows(25)
    if suffix == "csv":
        path.write_text(csv_text(rows), encoding="utf-8")
    else:
        path.write_bytes(xlsx_bytes(rows))
    with pytest.raises(ValidationError) as caught:
        roster.read_roster(path)
    assert caught.value.errors[0].message() == (
        f"long.{suffix} has more than 20 rows; split it into smaller files"
    )
    monkeypatch.setattr(table_files, "MAX_ROWS", 26)  # the header and 25 homes
    assert len(roster.read_roster(path)) == 25


def test_the_limits_leave_room_for_the_largest_real_rosters() -> None:
    assert table_files.MAX_ROWS >= 2 * 200_000
    # 200,000 homes as Excel writes them: about 700 bytes of sheet XML a row, at most.
    assert table_files.MAX_UNPACKED_BYTES >= 2 * 200_000 * 700
    assert table_files.MAX_FILE_BYTES >= 2 * 20 * 1024 * 1024  # the same roster as a CSV


# --- the roster import and its command --------------------------------------------------------


@pytest.fixture
def roster_db(tmp_path: Path) -> Iterator[tuple[Database, Actor]]:
    db = Database(str(tmp_path / "wuye.sqlite3"))
    migrate.upgrade(db)
    admin = users.first_run(
        db,
        company_name="青岛安居物业服务有限公司",
        credit_code="91370200MA3C12345" + _check("91370200MA3C12345"),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )
    directory.create_community(db, admin, directory.CommunityInput(code="QD001", name="海尔云谷"))
    yield db, admin
    db.dispose()


def _check(body: str) -> str:
    from wuye_desktop.core.validation import credit_code_check_char

    return credit_code_check_char(body)


def _households(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count(Household.id))) or 0,
            s.scalar(select(func.count(AuditEntry.id))) or 0,
        )


@pytest.mark.parametrize("kind", [*BAD_FILES, "zip-bomb"])
def test_wuye_import_households_exits_3_with_the_sentence(
    roster_db: tuple[Database, Actor],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    db, _admin = roster_db
    if kind == "zip-bomb":
        name, words = "bomb.xlsx", "bomb.xlsx unpacks to 600 MB"
        data = declaring_huge_sheet(roster_rows(3))
    else:
        name, make, words = BAD_FILES[kind]
        data = make(roster_rows(40))
    path = tmp_path / name
    path.write_bytes(data)
    before = _households(db)
    code = main(["--db", str(db.sqlite_path), "import", "households", str(path),
                 "--community", "QD001"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert words in err
    assert "Traceback" not in err
    assert _households(db) == before


def test_the_import_reports_progress_to_the_end_and_writes_every_home(
    roster_db: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, admin = roster_db
    path = tmp_path / "r.csv"
    rows = roster_rows(0) + [
        [b, u, 101 + i, f"业主{b}{u}{i}", f"138{b}{u}{i:06d}"]
        for b in (1, 2)
        for u in (1, 2, 3)
        for i in range(300)
    ]
    rows.append([2, 3, 9901, "", ""])  # no owner
    path.write_text(csv_text(rows), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    report = roster.import_households(db, admin, path, "QD001", lambda d, t: seen.append((d, t)))
    assert (report.added, report.rows) == (1801, 1801)
    assert seen[-1] == (3602, 3602)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    view = directory.get_community(db, admin, "QD001")
    assert view.household_count == 1801
    ((_id, name, phone),) = stored_owners(db, "QD001-1-2-251")
    assert (name, phone) == ("业主12150", "13812000150")
    assert stored_owners(db, "QD001-2-3-9901") == []
    with db.read() as s:
        created = s.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.action == "household.create")
        )
    assert created == 1801


def test_a_bad_last_row_of_a_large_roster_writes_nothing(
    roster_db: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, admin = roster_db
    rows = roster_rows(3000)
    rows[-1][4] = "1381234"  # too short a phone, in the last row
    path = tmp_path / "r.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    before = _households(db)
    with pytest.raises(ValidationError) as caught:
        roster.import_households(db, admin, path, "QD001")
    (error,) = caught.value.errors
    assert (error.row, error.field) == (3001, "电话")
    assert _households(db) == before


# --- bank statements --------------------------------------------------------------------------


@pytest.fixture
def ledger_db(tmp_path: Path, roster_db: tuple[Database, Actor]) -> tuple[Database, Actor]:
    db, admin = roster_db
    fin = make_user(db, admin, Role.FINANCE, "caiwu")
    services.open_account(
        db, fin, "QD001", AccountInput("工商银行青岛分行", "6222020202021234", "0.00",
                                       date(2026, 1, 1))
    )  # fmt: skip
    return db, fin


def _entries(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(LedgerEntry.id))) or 0


@pytest.mark.parametrize("kind", [*BAD_FILES, "zip-bomb"])
def test_wuye_ledger_import_exits_3_with_the_sentence(
    ledger_db: tuple[Database, Actor],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    db, _fin = ledger_db
    if kind == "zip-bomb":
        name, words = "bomb.xlsx", "bomb.xlsx unpacks to 600 MB"
        data = declaring_huge_sheet(statement_rows(3))
    else:
        name, make, words = BAD_FILES[kind]
        data = make(statement_rows(40))
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["--db", str(db.sqlite_path), "ledger", "import", str(path),
                 "--community", "QD001"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert words in err
    assert "Traceback" not in err
    assert _entries(db) == 0


def test_a_row_with_both_income_and_expense_is_refused_naming_both_columns(
    ledger_db: tuple[Database, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, fin = ledger_db
    path = tmp_path / "s.csv"
    rows = statement_rows(3)
    rows[2][2] = "30.00"  # row 3: income 101.00 and expense 30.00
    path.write_text(csv_text(rows), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        import_statement(db, fin, "QD001", path)
    (error,) = caught.value.errors
    assert error.row == 3
    assert error.message() == (
        "Both 收入 (101.00) and 支出 (30.00) are filled; a row is either income or expense"
    )
    assert _entries(db) == 0
    code = main(["--db", str(db.sqlite_path), "ledger", "import", str(path),
                 "--community", "QD001"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3 and "row 3" in err and "收入" in err and "支出" in err
    assert _entries(db) == 0


@pytest.mark.parametrize(
    "typed", [ARABIC_INDIC, "١٢٣.٤٥", "१२३", "-٣٤٥", "(٣٤٥)", "1,٢٣٤.00", "٣4٥"]
)
def test_amounts_in_other_scripts_digits_are_refused(typed: str) -> None:
    with pytest.raises(AmountError):
        parse_signed_fen(typed)
    with pytest.raises(AmountError):
        parse_fen(typed.strip("-()"))


def test_full_width_amounts_are_read_as_before() -> None:
    assert parse_fen("１２３．５０") == 12350
    assert parse_signed_fen("-１，２３４.００") == -123400


def test_a_statement_with_foreign_digits_posts_nothing(
    ledger_db: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, fin = ledger_db
    rows = statement_rows(3)
    rows[1][1] = ARABIC_INDIC  # row 2: income in Arabic-Indic digits
    rows[3][0] = "٢٠٢٦-٠٣-٠٧"  # row 4: a date in Arabic-Indic digits
    path = tmp_path / "s.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        import_statement(db, fin, "QD001", path)
    assert [(e.row, e.field) for e in caught.value.errors] == [(2, "amount"), (4, "date")]
    assert _entries(db) == 0
    rows[1][1], rows[3][0] = "３４５", "２０２６-０３-０７"  # full-width: Chinese usage
    path.write_text(csv_text(rows), encoding="utf-8")
    assert import_statement(db, fin, "QD001", path).imported == 3
    assert queries.register_count(db, fin, "QD001") == 3


def test_phones_and_areas_in_other_scripts_digits_are_refused(
    roster_db: tuple[Database, Actor], tmp_path: Path
) -> None:
    assert normalize_phone("١٣٨١٢٣٤٥٦٧٨") is None
    assert normalize_phone("0532-٨٨٨٨١٢٣٤") is None
    assert normalize_phone("0532-88881234-٨٠١") is None
    assert normalize_phone("１３８１２３４５６７８") == "13812345678"
    db, admin = roster_db
    rows: list[list[object]] = [[*ROSTER_HEADER, "面积"], [3, 2, 101, "甲", "١٣٨١٢٣٤٥٦٧٨", "89.5"],
            [3, 2, 102, "乙", "13812345678", "٨٩.٥"]]  # fmt: skip
    path = tmp_path / "r.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        roster.import_households(db, admin, path, "QD001")
    assert [(e.row, e.field) for e in caught.value.errors] == [(2, "电话"), (3, "面积")]
    assert _households(db)[0] == 0


def test_the_ledger_dialogs_reader_is_the_shared_one(tmp_path: Path) -> None:
    """The statement reader goes through read_table_rows, so its limits apply there too."""
    path = tmp_path / "s.xlsx"
    path.write_bytes(declaring_huge_sheet(statement_rows(2)))
    from wuye_desktop.core.ledger.statement_import import read_statement

    with pytest.raises(ValidationError, match="unpacks to 600 MB"):
        read_statement(path)


def test_a_device_is_refused_not_read_until_memory_runs_out(tmp_path: Path) -> None:
    """`wuye import households /dev/zero` read until the kernel killed it (24 GB)."""
    from wuye_desktop.core.errors import ValidationError
    from wuye_desktop.core.table_files import read_table_rows

    with pytest.raises(ValidationError) as refused:
        next(iter(read_table_rows(Path("/dev/zero"))))
    assert "/dev/zero is not a file that can be imported" in str(refused.value)
