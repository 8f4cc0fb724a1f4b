"""What the tests of documents start from: an order reported at the test community's
QD001-3-2-1201 (to print its slip, form or letter), and a close-out sheet long enough to
walk its list down the page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from wuye_desktop.core import directory, orders
from wuye_desktop.core.roles import Actor
from wuye_desktop.documents.closeout import CloseoutRow, CloseoutSheet
from wuye_desktop.storage.db import Database

PRINTED = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
CALLER_PHONE = "13812345678"


def reported_leak(
    db: Database,
    actor: Actor,
    community: directory.CommunityView,
    description: str,
    *,
    channel: str = "property",
    tier: str = "time_limited",
) -> int:
    """A water leak 张三 reported by phone at QD001-3-2-1201: the new order's id."""
    home = directory.get_household(db, actor, "QD001-3-2-1201")
    return orders.create_order(
        db,
        actor,
        orders.OrderInput(
            community_id=community.id,
            household_id=home.id,
            category="water_leak",
            channel=channel,
            source="phone",
            tier=tier,
            description=description,
            caller_name="张三",
            caller_phone=CALLER_PHONE,
        ),
    )


def crowded_closeout(items: int, owners: int) -> CloseoutSheet:
    """A close-out sheet of *items* defects whose owners' field grows with *owners*, each one
    more pushing the list further down the first page."""
    rows = tuple(
        CloseoutRow(
            i,
            f"问题{i}号：" + "墙面空鼓" * (1 + i % 4),
            "客厅",
            "inspection",
            "青岛建工",
            date(2026, 12, 1),
            None,
            "张工",
        )
        for i in range(1, items + 1)
    )
    names = "、".join(f"业主{i:02d}甲乙丙丁戊己庚" for i in range(owners + 1))
    return CloseoutSheet(
        "青岛安居物业",
        "海尔云谷",
        "QD001-1-1-101",
        "1号楼1单元101",
        names,
        "88.5",
        rows,
        printed_at=PRINTED,
    )
