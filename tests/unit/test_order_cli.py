"""``wuye order``: the same core rules refuse the same illegal moves as the window does."""

from __future__ import annotations

from datetime import timedelta

import pytest

from wuye_desktop.cli import main
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database


def run(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db.sqlite_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def new_order(db: Database, admin: Actor, community: directory.CommunityView, tier: str) -> str:
    oid = orders.create_order(
        db,
        admin,
        orders.OrderInput(
            community.id, "water_leak", "property", "phone", tier, "卫生间渗水", location="3号楼"
        ),
    )
    return orders.get_order(db, admin, oid).row.number


def test_a_whole_flow_and_the_refusals(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    number = new_order(db, admin, community, "time_limited")
    # A callback before completion is refused by the core: exit 3, its message, nothing changed.
    code, _, err = run(
        capsys, db, "order", "callback", number, "--method", "phone", "--satisfaction", "satisfied"
    )
    assert code == 3 and "callback is made after completion" in err
    assert orders.get_order(db, admin, number).row.status == "accepted"
    for argv in (
        ("dispatch", number, "--channel", "repair_contractor", "--handler", "李师傅"),
        ("start", number),
        ("complete", number, "--note", "已换管件"),
    ):
        code, out, err = run(capsys, db, "order", *argv)
        assert code == 0, err
    assert out.strip() == f"{number}: completed"
    code, out, _ = run(
        capsys,
        db,
        "order",
        "callback",
        number,
        "--method",
        "phone",
        "--satisfaction",
        "dissatisfied",
        "--comment",
        "还在渗水",
    )
    assert code == 0 and out.strip() == f"{number}: reopened"
    code, out, _ = run(capsys, db, "order", "show", f"WUYE:W:{number}")
    assert code == 0 and "李师傅" in out and "reopened" in out


def test_completing_a_cancelled_order_is_refused(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    number = new_order(db, admin, community, "immediate")
    assert run(capsys, db, "order", "cancel", number, "--reason", "业主已自行修好")[0] == 0
    code, _, err = run(capsys, db, "order", "complete", number)
    assert code == 3 and "cancelled cannot become completed" in err
    assert orders.get_order(db, admin, number).row.status == "cancelled"


def test_a_promised_order_does_not_start_without_its_commitment(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    number = new_order(db, admin, community, "promised")
    run(capsys, db, "order", "dispatch", number, "--channel", "developer", "--handler", "海尔地产")
    code, _, err = run(capsys, db, "order", "start", number)
    assert code == 3 and "without its commitment" in err
    promised = (today_local() + timedelta(days=10)).isoformat()
    code, _, err = run(
        capsys,
        db,
        "order",
        "start",
        number,
        "--plan",
        "更换防水层",
        "--promised-date",
        promised,
        "--unit",
        "海尔地产",
        "--person",
        "赵主任",
    )
    assert code == 0, err
    detail = orders.get_order(db, admin, number)
    assert detail.row.status == "in_progress" and detail.commitment is not None


def test_unknown_order_and_bad_arguments(
    capsys: pytest.CaptureFixture[str], db: Database, admin: Actor
) -> None:
    code, _, err = run(capsys, db, "order", "show", "GD20260101-9999")
    assert code == 3 and "No such work order" in err
    code, _, _ = run(
        capsys, db, "order", "dispatch", "GD20260101-9999", "--channel", "nobody", "--handler", "x"
    )
    assert code == 2


def test_show_lists_what_may_be_done_now_and_why_not_the_rest(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    number = new_order(db, admin, community, "time_limited")
    run(capsys, db, "order", "dispatch", number, "--channel", "property", "--handler", "王")
    code, out, err = run(capsys, db, "order", "show", number)
    assert code == 0, err
    lines = out.splitlines()
    # Dispatched: dispatching again is a transfer; the rest is refused with the core's reason.
    assert "may be done now: transfer, start, cancel, pause, note, photo, print_slip" in lines
    refused = lines[lines.index("not now:") + 1 :]
    assert "  complete             An order that is dispatched cannot become completed." in refused
    assert any(line.startswith("  callback ") and "after completion" in line for line in refused)
    assert any(line.startswith("  resume ") and "not paused" in line for line in refused)
    # The refusal shown is the one the move itself gives.
    code, _, err = run(capsys, db, "order", "complete", number)
    assert code == 3 and "An order that is dispatched cannot become completed." in err
