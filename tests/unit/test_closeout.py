"""Close-out lists in the core: items, closing and reopening, roles, import, orders, audit."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests.conftest import make_user
from wuye_desktop.core import closeout as co
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.errors import (
    ConcurrentEdit,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, CloseoutItem

HOME = "QD001-3-2-1201"


def today() -> date:
    return to_local(now_utc()).date()


def audit_actions(db: Database) -> list[str]:
    with db.read() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.action.like("closeout.%"))
                .order_by(AuditEntry.id)
            )
        )


def item_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(CloseoutItem.id))) or 0)


def test_add_close_reopen_update_delete(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    manager = make_user(db, admin, Role.MANAGER, "mgr")
    a = co.add_item(
        db, manager, HOME, co.ItemInput("主卧窗户密封条脱落", "主卧", "青岛房修公司", today())
    )
    b = co.add_item(db, manager, "WUYE:H:" + HOME, co.ItemInput("入户门划痕", origin="open_day"))
    assert (a.seq, b.seq) == (1, 2)
    assert (a.origin, b.origin) == ("inspection", "open_day")

    closed = co.close_item(db, manager, a.id, a.version, closed_on=today(), checker="王建国")
    assert closed.is_closed and closed.checker == "王建国" and closed.version == a.version + 1
    listing = co.list_items(db, manager, HOME)
    assert [i.seq for i in listing.items] == [1, 2]
    assert (listing.open_count, listing.closed_count) == (1, 1)
    assert co.open_counts(db, manager, [listing.household.id]) == {listing.household.id: 1}

    with pytest.raises(StateError):
        co.close_item(db, manager, a.id, closed.version, closed_on=today(), checker="王")
    with pytest.raises(ConcurrentEdit):
        co.reopen_item(db, manager, a.id, a.version, "雨后又渗水")
    reopened = co.reopen_item(db, manager, a.id, closed.version, "雨后又渗水")
    assert not reopened.is_closed and reopened.checker == ""
    with pytest.raises(StateError):
        co.reopen_item(db, manager, a.id, reopened.version, "again")

    fixed = co.update_item(
        db, manager, b.id, b.version, co.ItemInput("入户门漆面划痕两处", "入户门", "海尔地产")
    )
    assert (fixed.item, fixed.location, fixed.origin) == (
        "入户门漆面划痕两处",
        "入户门",
        "open_day",
    )
    co.delete_item(db, manager, b.id, fixed.version)
    assert [i.seq for i in co.list_items(db, manager, HOME).items] == [1]
    # The next item gets a new number, never a reused one.
    assert co.add_item(db, manager, HOME, co.ItemInput("阳台地漏堵塞")).seq == 2
    assert audit_actions(db) == [
        "closeout.add",
        "closeout.add",
        "closeout.close",
        "closeout.reopen",
        "closeout.update",
        "closeout.delete",
        "closeout.add",
    ]


def test_bad_input_is_refused_field_by_field(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    with pytest.raises(ValidationError) as caught:
        co.add_item(db, admin, HOME, co.ItemInput(" ", "x" * 201, origin="rumour"))
    assert {e.field for e in caught.value.errors} == {"item", "location", "origin"}
    with pytest.raises(ValidationError):
        co.add_item(db, admin, HOME, co.ItemInput("手写的工单项", origin="order"))
    item = co.add_item(db, admin, HOME, co.ItemInput("卫生间地漏反味"))
    with pytest.raises(ValidationError) as caught:
        co.close_item(
            db, admin, item.id, item.version, closed_on=today() + timedelta(days=1), checker=" "
        )
    assert {e.field for e in caught.value.errors} == {"closed_on", "checker"}
    with pytest.raises(NotFound):
        co.add_item(db, admin, "QD001-9-9-999", co.ItemInput("x"))
    with pytest.raises(NotFound):
        co.close_item(db, admin, 999, 1, closed_on=today(), checker="王")
    assert item_count(db) == 1


def test_roles(db: Database, admin: Actor, community: directory.CommunityView) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    finance = make_user(db, admin, Role.FINANCE, "fin")
    item = co.add_item(db, admin, HOME, co.ItemInput("厨房墙砖空鼓"))
    assert [i.item for i in co.list_items(db, desk, HOME).items] == ["厨房墙砖空鼓"]
    for attempt in (
        lambda: co.add_item(db, desk, HOME, co.ItemInput("x")),
        lambda: co.close_item(db, desk, item.id, item.version, closed_on=today(), checker="王"),
        lambda: co.gather_from_orders(db, desk, HOME),
        lambda: co.list_items(db, finance, HOME),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_gathering_from_orders(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    home = directory.get_household(db, admin, HOME)

    def new_order(text: str, tier: str = "time_limited") -> int:
        return orders.create_order(
            db,
            admin,
            orders.OrderInput(
                community.id, "wall_crack", "repair_contractor", "phone", tier, text, home.id
            ),
        )

    open_one = new_order("客厅墙面裂缝")
    done = new_order("次卧门框变形")
    dropped = new_order("误报")
    orders.create_order(  # a problem of the common areas the owner reported: not the home's
        db,
        admin,
        orders.OrderInput(
            community.id, "lighting", "property", "phone", "immediate", "楼道灯不亮", home.id
        ),
    )
    for step in ("dispatch", "start", "complete", "callback"):
        v = orders.get_order(db, admin, done).version
        if step == "dispatch":
            orders.dispatch(db, admin, done, v, channel="repair_contractor", handler="李工")
        elif step == "start":
            orders.start_work(db, admin, done, v)
        elif step == "complete":
            orders.complete(db, admin, done, v, "已修好")
        else:
            orders.record_callback(db, admin, done, v, orders.CallbackInput("phone", "satisfied"))
    orders.cancel(db, admin, dropped, orders.get_order(db, admin, dropped).version, "业主误报")

    added = co.gather_from_orders(db, admin, home.id)

    assert [i.item for i in added] == ["客厅墙面裂缝", "次卧门框变形"]
    assert {i.origin for i in added} == {"order"}
    assert all(i.responsible_unit == "青岛房修公司" for i in added)
    first, second = added
    assert first.order_number == orders.get_order(db, admin, open_one).row.number
    assert not first.is_closed and first.deadline is not None
    assert second.is_closed and second.closed_on == today()
    assert second.checker == "系统管理员"  # the display name of who closed the order
    assert co.gather_from_orders(db, admin, home.id) == []  # each order only once
    assert item_count(db) == 2
    entry = [a for a in audit_actions(db) if a == "closeout.gather"]
    assert len(entry) == 2


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["3-2-1201 分户验收问题销项表"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_a_good_sheet_then_again(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    sheet = _sheet(
        tmp_path / "items.xlsx",
        [
            ["序号", "问题描述", "部位", "责任单位", "整改期限", "来源", "销项日期", "验收人"],
            [1, "主卧窗台渗水", "主卧", "青岛房修公司", date(2026, 12, 31), "分户验收", None, None],
            [
                2,
                "卫生间门锁损坏",
                "卫生间",
                "海尔地产",
                "2026/12/15",
                "开放日",
                "2025-11-20",
                "王建国",
            ],
            [None, None, None, None, None, None, None, None],
            [3, "阳台栏杆松动", "阳台", "", "", "", "", ""],
        ],
    )
    seen: list[tuple[int, int]] = []
    report = co.import_items(db, admin, sheet, HOME, progress=lambda d, t: seen.append((d, t)))
    assert (report.rows, report.added, report.unchanged) == (3, 3, 0)
    assert seen[-1] == (3, 3)
    items = co.list_items(db, admin, HOME).items
    assert [(i.seq, i.item, i.origin) for i in items] == [
        (1, "主卧窗台渗水", "inspection"),
        (2, "卫生间门锁损坏", "open_day"),
        (3, "阳台栏杆松动", "inspection"),
    ]
    assert items[0].deadline == date(2026, 12, 31) and items[1].deadline == date(2026, 12, 15)
    assert items[1].closed_on == date(2025, 11, 20) and items[1].checker == "王建国"
    assert not items[0].is_closed

    again = co.import_items(db, admin, sheet, HOME, default_origin="open_day")
    assert (again.added, again.unchanged) == (0, 3)
    assert item_count(db) == 3
    with db.read() as s:
        detail = s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "closeout.import")
        ).all()
    assert [json.loads(d)["added"] for d in detail] == [3, 0]


def test_a_bad_sheet_is_refused_whole_naming_rows_and_columns(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    csv = tmp_path / "items.csv"
    csv.write_text(
        "问题,位置,期限,来源,完成日期,复查人\n"
        "墙面空鼓,客厅,2026-12-01,分户验收,,\n"
        ",卧室,2026-12-01,,,\n"
        "门缝漏风,入户门,下周,,,\n"
        "地漏反味,卫生间,,传闻,,\n"
        "窗户关不严,次卧,,,2025-11-01,\n",
        encoding="gb18030",
    )
    with pytest.raises(ValidationError) as caught:
        co.import_items(db, admin, csv, HOME)
    found = sorted((e.row, e.field) for e in caught.value.errors)
    assert found == [(3, "问题"), (4, "期限"), (5, "来源"), (6, "复查人")]
    assert item_count(db) == 0

    empty = tmp_path / "empty.csv"
    empty.write_text("编号,名称\n1,x\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        co.import_items(db, admin, empty, HOME)
    assert caught.value.errors[0].field == "file"
    with pytest.raises(ValidationError):
        co.import_items(db, admin, tmp_path / "missing.xlsx", HOME)
    with pytest.raises(PermissionDenied):
        co.import_items(db, make_user(db, admin, Role.DESK, "d"), csv, HOME)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-31", date(2026, 12, 31)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026.01.05", date(2026, 1, 5)),
        ("2026年1月5日", date(2026, 1, 5)),
        ("20260105", date(2026, 1, 5)),
        ("2026-01-05 00:00:00", date(2026, 1, 5)),
        ("", None),
    ],
)
def test_dates_as_sheets_write_them(text: str, expected: date | None) -> None:
    assert co.parse_day(text) == expected


@pytest.mark.parametrize("text", ["下周", "2026-13-01", "31/12/2026"])
def test_not_dates(text: str) -> None:
    with pytest.raises(ValueError):
        co.parse_day(text)


def test_the_list_works_on_both_engines(any_db: Database, any_admin: Actor, tmp_path: Path) -> None:
    c = directory.create_community(
        any_db, any_admin, directory.CommunityInput(code="QD001", name="海尔云谷")
    )
    directory.create_household(any_db, any_admin, c.id, directory.HouseholdInput("3", "2", "1201"))
    oid = orders.create_order(
        any_db,
        any_admin,
        orders.OrderInput(
            c.id,
            "water_leak",
            "property",
            "phone",
            "immediate",
            "卫生间漏水",
            directory.get_household(any_db, any_admin, HOME).id,
        ),
    )
    first = co.add_item(any_db, any_admin, HOME, co.ItemInput("墙面空鼓", deadline=today()))
    co.close_item(any_db, any_admin, first.id, first.version, closed_on=today(), checker="王")
    [gathered] = co.gather_from_orders(any_db, any_admin, HOME)
    sheet = tmp_path / "s.csv"
    sheet.write_text("问题,部位\n窗户漏风,次卧\n", "utf-8")
    co.import_items(any_db, any_admin, sheet, HOME)
    items = co.list_items(any_db, any_admin, HOME).items
    assert [(i.seq, i.item, i.is_closed) for i in items] == [
        (1, "墙面空鼓", True),
        (2, "卫生间漏水", False),
        (3, "窗户漏风", False),
    ]
    assert gathered.order_number == orders.get_order(any_db, any_admin, oid).row.number
