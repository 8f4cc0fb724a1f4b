"""Roster import: reading xlsx/CSV as Excel writes them, reporting every bad row, all or none."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests.conftest import _pg_database, _set_up_company, make_user, stored_owners
from wuye_desktop.core import directory, roster
from wuye_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Building, Household, Owner, Unit

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
HEADER = ["序号", "楼号", "单元", "房号", "业主姓名", "联系电话", "建筑面积(㎡)", "备注"]
Cell = object


def write_xlsx(path: Path, rows: Sequence[Sequence[Cell]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Cell]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def good_rows(n: int = 6) -> list[list[Cell]]:
    """A header and *n* homes of building 3, unit 2, typed as numbers the way Excel stores them."""
    rows: list[list[Cell]] = [HEADER]
    for i in range(n):
        rows.append([i + 1, 3, 2, float(101 + i), f"业主{i}", f"1381234{i:04d}", 89.5, ""])
    return rows


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count(Household.id))) or 0,
            s.scalar(select(func.count(Owner.id))) or 0,
            s.scalar(select(func.count(AuditEntry.id))) or 0,
        )


@pytest.fixture
def qd001(any_db: Database, any_admin: Actor) -> directory.CommunityView:
    return directory.create_community(
        any_db, any_admin, directory.CommunityInput(code="QD001", name="海尔云谷")
    )


# --- reading ---------------------------------------------------------------------------------


def test_xlsx_numbers_become_the_text_people_typed(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["海尔云谷业主花名册"],  # a title above the header, as companies keep them
            HEADER,
            [1, 3.0, 2, 1201.0, "张三", 13812345678, 89.5, None],
            [None] * 8,  # blank lines are skipped
            [2, "3号楼", "2单元", "1202室", "李四", "0532-88881234", 120, "出租"],
        ],
    )
    rows = roster.read_roster(path)
    assert [(r.row, r.building, r.unit, r.room) for r in rows] == [
        (3, "3", "2", "1201"),
        (5, "3", "2", "1202"),
    ]
    assert (rows[0].owner_name, rows[0].phone, rows[0].area_m2) == ("张三", "13812345678", "89.5")
    assert (rows[1].area_m2, rows[1].note) == ("120", "出租")
    assert rows[0].column("phone") == "联系电话"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_the_encodings_excel_writes(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "r.csv", good_rows(2), encoding)
    rows = roster.read_roster(path)
    assert [(r.row, r.room, r.owner_name, r.phone) for r in rows] == [
        (2, "101", "业主0", "13812340000"),
        (3, "102", "业主1", "13812340001"),
    ]


def test_english_headers_and_a_second_owner(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv",
        [
            ["Building", "Unit", "Room No", "Owner", "Phone", "Owner 2", "Phone 2", "Area (m2)"],
            ["1", "1", "101", "Wang Fang", "138 1234 5678", "Li Lei", "+86 139-1234-5678", "75"],
        ],
    )
    (row,) = roster.read_roster(path)
    data = row.to_input()
    assert [(o.name, o.phone) for o in data.owners] == [
        ("Wang Fang", "138 1234 5678"),
        ("Li Lei", "+86 139-1234-5678"),
    ]
    assert row.column("owner_name2") == "Owner 2"


def test_repeated_owner_and_phone_columns_are_the_second_owner(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv",
        [["楼号", "单元", "房号", "业主", "电话", "业主", "电话"], [1, 1, 101, "甲", "", "乙", ""]],
    )
    (row,) = roster.read_roster(path)
    assert (row.owner_name, row.owner_name2) == ("甲", "乙")


def test_a_missing_column_is_named_at_the_header_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["标题"], ["楼号", "房号", "业主"], [1, 101, "甲"]])
    with pytest.raises(ValidationError) as caught:
        roster.read_roster(path)
    (error,) = caught.value.errors
    assert (error.row, error.field) == (2, "单元")
    assert "单元号" in error.message()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.xlsx", None, "No such file"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "not a readable Excel"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel"),
        ("binary.csv", bytes(range(128, 256)) * 4, "neither UTF-8 nor GBK"),
        ("prose.csv", "这不是花名册\n只是一些文字\n".encode(), "No header row"),
        ("empty.csv", "楼号,单元,房号\n\n,,\n".encode(), "no household rows"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes | None, words: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ValidationError) as caught:
        roster.read_roster(path)
    (error,) = caught.value.errors
    assert error.field == "file" and error.row is None
    assert words in error.message()


def test_a_folder_is_not_a_roster(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="folder"):
        roster.read_roster(tmp_path)


# --- importing -------------------------------------------------------------------------------


def test_every_bad_row_is_reported_and_nothing_is_written(
    tmp_path: Path, any_db: Database, any_admin: Actor, qd001: directory.CommunityView
) -> None:
    rows = good_rows(6)
    rows[2][5] = "1381234567"  # file row 3: a wrong phone (ten digits)
    rows[4][3] = 101  # file row 5: the same room as file row 2
    rows[5][1] = None  # file row 6: no building
    rows[6][6] = "大约90"  # file row 7: not an area
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    before = counts(any_db)
    with pytest.raises(ValidationError) as caught:
        roster.import_households(any_db, any_admin, path, "QD001")
    found = {(e.row, e.field) for e in caught.value.errors}
    assert found == {(3, "联系电话"), (5, "房号"), (6, "楼号"), (7, "建筑面积(㎡)")}
    duplicate = caught.value.for_field("房号")[0]
    assert duplicate.message() == "3-2-101 is already in row 2"
    assert counts(any_db) == before


def test_a_good_roster_imports_every_row_once(
    tmp_path: Path, any_db: Database, any_admin: Actor, qd001: directory.CommunityView
) -> None:
    path = write_xlsx(tmp_path / "good.xlsx", good_rows(6))
    report = roster.import_households(any_db, any_admin, path, "qd001")
    assert report == roster.ImportReport(added=6, updated=0, unchanged=0, rows=6)
    h = directory.get_household(any_db, any_admin, "QD001-3-2-101")
    assert [(n, p) for _, n, p in stored_owners(any_db, h.code)] == [("业主0", "13812340000")]
    assert h.area_m2 == "89.5"
    after_first = counts(any_db)

    again = roster.import_households(any_db, any_admin, path, "QD001")
    assert again == roster.ImportReport(added=0, updated=0, unchanged=6, rows=6)
    households, owners, audits = counts(any_db)
    assert (households, owners) == after_first[:2] == (6, 6)
    assert audits == after_first[2] + 1  # only the summary of the second import
    with any_db.read() as s:
        summary = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "households.import")
            .order_by(AuditEntry.id)
        ).all()
    assert [json.loads(e.detail)["added"] for e in summary] == [6, 0]


def test_changed_owners_update_the_household_and_are_audited(
    tmp_path: Path, any_db: Database, any_admin: Actor, qd001: directory.CommunityView
) -> None:
    rows = good_rows(3)
    roster.import_households(any_db, any_admin, write_csv(tmp_path / "a.csv", rows), "QD001")
    owner_id = directory.get_household(any_db, any_admin, "QD001-3-2-102").owners[0].id

    rows[2][4], rows[2][5] = "新业主", "13900001111"  # the home at file row 3 was sold
    rows[3][4] = rows[3][5] = ""  # an empty owner cell does not remove the stored owner
    report = roster.import_households(
        any_db, any_admin, write_csv(tmp_path / "b.csv", rows), "QD001"
    )
    assert report == roster.ImportReport(added=0, updated=1, unchanged=2, rows=3)
    sold = directory.get_household(any_db, any_admin, "QD001-3-2-102")
    assert stored_owners(any_db, sold.code) == [(owner_id, "新业主", "13900001111")]
    kept = directory.get_household(any_db, any_admin, "QD001-3-2-103")
    assert [o.name for o in kept.owners] == ["业主2"]
    with any_db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "household.update", AuditEntry.entity_id == sold.code
            )
        ).one()
    detail = json.loads(entry.detail)
    assert detail["before"] == [["业主1", "138****0001"]]
    assert detail["after"] == [["新业主", "139****1111"]]


def test_the_same_area_written_differently_is_unchanged(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    rows: list[list[Cell]] = [HEADER, [1, 3, 2, 1201, "张三", "13812345678", "90", ""]]
    roster.import_households(db, admin, write_csv(tmp_path / "a.csv", rows), "QD001")
    rows[1][6] = "90.00"
    report = roster.import_households(db, admin, write_csv(tmp_path / "b.csv", rows), "QD001")
    assert (report.updated, report.unchanged) == (0, 1)


def test_a_second_owner_without_the_first_is_reported_at_the_first(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv",
        [
            ["楼号", "单元", "房号", "业主", "电话", "共有人", "共有人电话"],
            [1, 1, 101, "", "", "乙", ""],
        ],
    )
    errors = roster.roster_errors(roster.read_roster(path))
    assert [(e.row, e.field) for e in errors] == [(2, "业主")]


def test_a_masked_phone_is_refused_not_stored_empty(tmp_path: Path) -> None:
    rows = good_rows(2)
    rows[2][5] = "138****0001"  # copied from a list printed with masked numbers
    errors = roster.roster_errors(roster.read_roster(write_csv(tmp_path / "r.csv", rows)))
    assert [(e.row, e.field) for e in errors] == [(3, "联系电话")]
    assert "whole number" in errors[0].message()


def test_rows_compare_by_content_and_can_be_collected(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["楼号", "单元", "房号"], ["A座", "1", "101"]])
    (row,) = roster.read_roster(path)
    assert row.building == "A"
    assert row in {row} and row == roster.read_roster(path)[0]


def test_the_desk_may_not_import(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    before = counts(db)
    with pytest.raises(PermissionDenied):
        roster.import_households(db, desk, write_csv(tmp_path / "r.csv", good_rows()), "QD001")
    assert counts(db) == before


def test_an_unknown_community_is_named(tmp_path: Path, db: Database, admin: Actor) -> None:
    with pytest.raises(NotFound, match="QD404"):
        roster.import_households(db, admin, write_csv(tmp_path / "r.csv", good_rows()), "qd404")


def test_progress_checks_then_writes(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    calls: list[tuple[int, int]] = []
    path = write_csv(tmp_path / "r.csv", good_rows(10))
    roster.import_households(db, admin, path, "QD001", lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 0)  # reading: the number of rows is not known yet
    calls = [(d, t) for d, t in calls if t]
    assert all(t == 20 for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert (10, 20) in calls and calls[-1] == (20, 20)


def test_a_bad_roster_never_reports_half_way(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    rows = good_rows(4)
    rows[4][5] = "12345"
    calls: list[tuple[int, int]] = []
    with pytest.raises(ValidationError):
        roster.import_households(
            db,
            admin,
            write_csv(tmp_path / "r.csv", rows),
            "QD001",
            lambda d, t: calls.append((d, t)),
        )
    calls = [(d, t) for d, t in calls if t]  # not the reports while reading
    assert calls and all(d < t // 2 for d, t in calls)


# --- the sample rosters in resources/demo ------------------------------------------------------


def test_the_sample_rosters_import_once_in_either_format(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    first = roster.import_households(db, admin, DEMO / "roster-qd004.xlsx", "QD001")
    assert (first.added, first.rows) == (72, 72)
    second = roster.import_households(db, admin, DEMO / "roster-qd004-gbk.csv", "QD001")
    assert (second.added, second.updated, second.unchanged) == (0, 0, 72)


@pytest.mark.parametrize(
    ("name", "row", "column"),
    [
        ("roster-qd004-bad-phone.csv", 9, "联系电话"),
        ("roster-qd004-bad-duplicate.csv", 13, "房号"),
        ("roster-qd004-bad-building.xlsx", 23, "楼号"),
    ],
)
def test_each_bad_sample_has_exactly_its_one_error(name: str, row: int, column: str) -> None:
    errors = roster.roster_errors(roster.read_roster(DEMO / name))
    assert [(e.row, e.field) for e in errors] == [(row, column)]


# --- the write path on each engine -------------------------------------------------------------


def big_rows(n: int) -> list[list[Cell]]:
    """*n* homes over several buildings and units, a third with a second owner, some notes
    and some blank areas: more rows than one write batch."""
    header: list[Cell] = [
        "楼号",
        "单元",
        "房号",
        "业主",
        "电话",
        "共有人",
        "共有人电话",
        "面积",
        "备注",
    ]
    rows: list[list[Cell]] = [header]
    for i in range(n):
        second = i % 3 == 0
        rows.append(
            [
                f"{i // 400 + 1}号楼",
                i // 100 % 4 + 1,
                1001 + i % 100,
                f"业主{i}",
                f"138{i:08d}",
                f"共有人{i}" if second else "",
                f"139{i:08d}" if second else "",
                "" if i % 11 == 0 else 89.5 + i % 40,
                "出租" if i % 7 == 0 else "",
            ]
        )
    return rows


class Cancelled(Exception):
    """What the import dialog's worker raises from a progress report when the user cancels."""


def test_a_cancel_while_writing_leaves_nothing(
    tmp_path: Path, any_db: Database, any_admin: Actor, qd001: directory.CommunityView
) -> None:
    n = 2_500
    before = counts(any_db)

    def cancel_late(done: int, total: int) -> None:
        if total and done > n + n // 2:  # households are in, owners and audit half way
            raise Cancelled

    path = write_csv(tmp_path / "r.csv", big_rows(n))
    with pytest.raises(Cancelled):
        roster.import_households(any_db, any_admin, path, "QD001", cancel_late)
    assert counts(any_db) == before
    report = roster.import_households(any_db, any_admin, path, "QD001")
    assert report.added == n


def _table_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row the directory and the audit log hold, ids included; audit times apart
    (they are when each import ran), checked only to be aware."""
    found: dict[str, list[tuple[object, ...]]] = {}
    with db.read() as s:
        for model in (Building, Unit, Household, Owner):
            table = model.__table__
            found[table.name] = [tuple(r) for r in s.execute(select(table).order_by(table.c.id))]
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert all(e.at.tzinfo is not None for e in entries)
    found["audit_log"] = [
        (e.id, e.user_id, e.username, e.action, e.entity, e.entity_id, e.detail) for e in entries
    ]
    return found


@pytest.fixture
def pg_db(pg_template: str) -> Iterator[Database]:
    yield from _pg_database(pg_template)


@pytest.mark.postgres
def test_postgresql_writes_the_same_rows_as_sqlite(
    tmp_path: Path, db: Database, admin: Actor, pg_db: Database
) -> None:
    """PostgreSQL's import COPYs its rows, SQLite's inserts them: the same file, the same rows."""
    first = write_csv(tmp_path / "a.csv", big_rows(2_500))
    changed = big_rows(2_600)  # 100 new homes, and owners and a note changed on two old ones
    changed[5][3:5] = ["新业主", "13900001111"]
    changed[8][8] = "空置"
    second = write_csv(tmp_path / "b.csv", changed)
    tables = []
    for database in (db, pg_db):
        actor = admin if database is db else _set_up_company(database)
        directory.create_community(
            database, actor, directory.CommunityInput(code="QD001", name="海尔云谷")
        )
        assert roster.import_households(database, actor, first, "QD001").added == 2_500
        again = roster.import_households(database, actor, second, "QD001")
        assert (again.added, again.updated) == (100, 2)
        tables.append(_table_rows(database))
    sqlite_rows, pg_rows = tables
    assert {t: len(r) for t, r in pg_rows.items()} == {t: len(r) for t, r in sqlite_rows.items()}
    for name, rows in sqlite_rows.items():
        assert pg_rows[name] == rows, name
