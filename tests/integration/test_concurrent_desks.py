"""Several desks on one database: gap-free order numbers and no silent overwrites."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from wuye_desktop.core import directory, orders
from wuye_desktop.core.errors import ConcurrentEdit
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database

DESK_SCRIPT = textwrap.dedent(
    """
    import sys
    from wuye_desktop.core import users
    from wuye_desktop.core import orders
    from wuye_desktop.storage.db import Database

    db = Database(sys.argv[1])
    actor, _ = users.login(db, "admin", "admin-pass-1")
    for i in range(int(sys.argv[3])):
        orders.create_order(db, actor, orders.OrderInput(
            int(sys.argv[2]), "lighting", "property", "phone", "immediate",
            f"desk {sys.argv[4]} order {i}", location="北门"))
    """
)


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_two_processes_get_distinct_gap_free_numbers(any_db: Database, any_admin: Actor) -> None:
    c = directory.create_community(any_db, any_admin, directory.CommunityInput("QD001", "海尔云谷"))
    per_desk = 500 if any_db.url.get_backend_name() == "postgresql" else 150
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", DESK_SCRIPT, _url(any_db), str(c.id), str(per_desk), str(n)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    ids: list[int] = []
    cursor: orders.PageCursor | None = None
    while True:
        page, cursor = orders.order_page(
            any_db, any_admin, orders.OrderFilter(), "number", False, cursor, 500
        )
        ids += page
        if cursor is None:
            break
    numbers = [r.number for r in orders.order_rows(any_db, any_admin, ids)]
    assert len(numbers) == len(set(numbers)) == 2 * per_desk
    by_day: dict[str, list[int]] = {}
    for n in numbers:
        day, tail = n.rsplit("-", 1)
        by_day.setdefault(day, []).append(int(tail))
    for tails in by_day.values():  # a run across midnight splits into two gap-free days
        assert sorted(tails) == list(range(1, len(tails) + 1))


def test_later_save_of_one_order_is_refused(any_db: Database, any_admin: Actor) -> None:
    c = directory.create_community(any_db, any_admin, directory.CommunityInput("QD001", "海尔云谷"))
    oid = orders.create_order(
        any_db,
        any_admin,
        orders.OrderInput(
            c.id, "elevator", "property", "phone", "time_limited", "2号梯异响", location="2号楼"
        ),
    )
    # Two desks open the order and see the same version.
    seen_by_first = orders.get_order(any_db, any_admin, oid).version
    seen_by_second = orders.get_order(any_db, any_admin, oid).version
    orders.dispatch(any_db, any_admin, oid, seen_by_first, channel="property", handler="王师傅")
    with pytest.raises(ConcurrentEdit) as refused:
        orders.dispatch(any_db, any_admin, oid, seen_by_second, channel="developer", handler="赵工")
    assert "GD" in str(refused.value)
    detail = orders.get_order(any_db, any_admin, oid)
    assert detail.row.handler == "王师傅" and detail.row.channel == "property"
    assert [e.handler for e in detail.timeline if e.kind == "status"][-1] == "王师傅"
