"""``wuye order find``: the desk's search from the command line, through the same service."""

from __future__ import annotations

import json

import pytest

from tests.unit.test_order_cli import run
from wuye_desktop.core import directory
from wuye_desktop.core import orders as core_orders
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database


@pytest.fixture
def orders(db: Database, admin: Actor, community: directory.CommunityView) -> list[str]:
    """Two orders: one of 3-2-1201 (owner 张三 13812345678), one in the lobby with a caller."""
    home = directory.search_household_ids(db, admin, "QD001-3-2-1201")[0]
    made = [
        core_orders.OrderInput(
            community.id, "water_leak", "property", "phone", "immediate", "卫生间漏水",
            household_id=home,
        ),
        core_orders.OrderInput(
            community.id, "lighting", "property", "phone", "immediate", "大堂灯不亮",
            location="3号楼大堂", caller_name="李四", caller_phone="13912343719",
        ),
    ]  # fmt: skip
    ids = [core_orders.create_order(db, admin, o) for o in made]
    return [core_orders.get_order(db, admin, i).row.number for i in ids]


def test_finds_by_each_kind_and_says_what_it_understood(
    capsys: pytest.CaptureFixture[str], db: Database, orders: list[str]
) -> None:
    code, out, err = run(capsys, db, "order", "find", "5678")
    assert code == 0 and out.split() == [orders[0]]  # the owner's phone, not an order number
    assert "Phone ending 5678" in err
    assert run(capsys, db, "order", "find", "3719")[1].split() == [orders[1]]
    assert run(capsys, db, "order", "find", "张三")[1].split() == [orders[0]]
    assert run(capsys, db, "order", "find", "3-2-1201")[1].split() == [orders[0]]
    assert run(capsys, db, "order", "find", "QD001-3")[1].split() == [orders[0]]
    assert run(capsys, db, "order", "find", "漏水")[1].split() == [orders[0]]
    assert run(capsys, db, "order", "find", "WUYE:W:" + orders[1])[1].split() == [orders[1]]
    code, out, err = run(capsys, db, "order", "find", "QD001", "--json", "--limit", "1")
    assert code == 0 and "Community QD001" in err
    assert [json.loads(line) for line in out.splitlines()] == [
        {"number": orders[1], "status": "accepted", "community": "QD001", "household": None}
    ]
    code, out, _ = run(capsys, db, "order", "find", "QD001-3-2-1201", "--json")
    assert json.loads(out)["household"] == "QD001-3-2-1201"
    assert run(capsys, db, "order", "find", "灯", "--status", "completed")[1] == ""


def test_bad_input_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], db: Database, orders: list[str]
) -> None:
    assert run(capsys, db, "order", "find", " ")[0] == 2
    assert run(capsys, db, "order", "find", "x", "--limit", "0")[0] == 2
    assert run(capsys, db, "order", "find", "x", "--status", "nonsense")[0] == 2
    assert run(capsys, db, "order", "find", "x", "--community", "NOPE")[0] == 3
