"""The demo's words hang together: what the timeline, the pauses and the callbacks say of an
order belongs to its category (water seeping back is a leak's, not a socket's) and to its place
(nobody calls at the home of a street lamp).

The check is independent of how the demo picks its texts: words that only make sense for some
categories are listed here with those categories, and every text an order carries is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from wuye_desktop import demo
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Callback, OrderEvent, OrderPause, WorkOrder

ANCHOR = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)

IN_HOME = frozenset(
    {"water_leak", "wall_crack", "doors_windows", "indoor_plumbing", "electrical", "heating_gas"}
)
# Work on something that can break and be mended; not a dirty stairwell, a visitor at the
# gate, a blocked parking space, a hedge or a question about fees.
MENDED = (
    frozenset({"fire_safety", "ebike_charging", "elevator", "drainage", "pavement", "lighting"})
    | IN_HOME
)
WATER = frozenset({"water_leak", "indoor_plumbing", "heating_gas"})

# A word, and the categories whose texts may use it.
BELONGS: dict[str, frozenset[str]] = {
    "渗": frozenset({"water_leak"}),
    "防水": frozenset({"water_leak"}),
    "闭水": frozenset({"water_leak"}),
    "漏水": WATER,
    "楼上业主": WATER,
    "楼下住户": WATER,
    "外墙": frozenset({"water_leak", "wall_crack"}),
    "插座": frozenset({"electrical", "ebike_charging"}),
    "跳闸": frozenset({"electrical"}),
    "合闸": frozenset({"electrical"}),
    "漏电": frozenset({"electrical"}),
    "燃气": frozenset({"heating_gas"}),
    "暖气": frozenset({"heating_gas"}),
    "维保": frozenset({"elevator"}),
    "锁芯": frozenset({"doors_windows"}),
    "合页": frozenset({"doors_windows"}),
    "密封条": frozenset({"doors_windows"}),
    "五金件": frozenset({"doors_windows"}),
    "疏通": frozenset({"drainage", "indoor_plumbing"}),
    "清掏": frozenset({"drainage"}),
    "井盖": frozenset({"drainage", "pavement", "heating_gas"}),  # a water meter's too
    "灯具": frozenset({"lighting", "fire_safety", "elevator", "ebike_charging", "electrical"}),
    # Someone at home to let the technician in: in-home work only.
    "在家": IN_HOME,
    "家中": IN_HOME,
    "上门": IN_HOME,
    "入户": IN_HOME,
    "成品保护": IN_HOME,
    "自行修复": IN_HOME,
    "自行装修": IN_HOME,
    # Repair words where nothing is repaired.
    "修复": MENDED,
    "修好": MENDED,
    "维修后": MENDED,
    "维修人员": MENDED,
    "师傅": MENDED,
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database(str(tmp_path_factory.mktemp("texts") / "demo.sqlite3"))
    migrate.upgrade(db)
    demo.fill_demo(db, households=300, seed=5, extra={"work_orders": 2500}, now=ANCHOR)
    yield db
    db.dispose()


def _texts(db: Database) -> Iterator[tuple[str, str, str, str]]:
    """(order number, category, where the text is, the text) for every text of every order."""
    with db.read() as s:
        orders = {o.id: (o.number, o.category) for o in s.scalars(select(WorkOrder))}
        for o in s.scalars(select(WorkOrder)):
            yield o.number, o.category, "description", o.description
        for e in s.scalars(select(OrderEvent).where(OrderEvent.note != "")):
            if e.kind != "commitment":  # the commitment's number
                yield (*orders[e.order_id], f"{e.kind} {e.status}".strip(), e.note)
        for p in s.scalars(select(OrderPause)):
            yield (*orders[p.order_id], "pause reason", p.reason)
        for c in s.scalars(select(Callback).where(Callback.comment != "")):
            yield (*orders[c.order_id], f"{c.satisfaction} callback", c.comment)


def test_every_text_belongs_to_its_orders_category(demo_db: Database) -> None:
    wrong: dict[tuple[str, str, str], str] = {}
    seen = 0
    for number, category, where, text in _texts(demo_db):
        seen += 1
        for word, categories in BELONGS.items():
            if word in text and category not in categories:
                wrong.setdefault((category, where, text), f"{number}: {word!r}")
    assert seen > 5000
    assert not wrong, "\n".join(
        f"{category} {where}: {text} ({why})" for (category, where, text), why in wrong.items()
    )


def test_dissatisfied_callbacks_say_what_went_wrong_with_that_work(demo_db: Database) -> None:
    """A leak's owner complains of water, a socket's of electricity: the complaints of one
    category are not those of another."""
    by_category: dict[str, set[str]] = {}
    with demo_db.read() as s:
        rows = s.execute(
            select(WorkOrder.category, Callback.comment)
            .join(Callback, Callback.order_id == WorkOrder.id)
            .where(Callback.satisfaction == "dissatisfied")
        )
        for category, comment in rows:
            by_category.setdefault(category, set()).add(comment)
    leaks, sockets = by_category.get("water_leak", set()), by_category.get("electrical", set())
    assert leaks and sockets
    assert any("渗" in c or "漏" in c for c in leaks), leaks
    assert not any("渗" in c for c in sockets), sockets


def test_a_completed_gas_problem_is_not_mended_as_a_radiator(demo_db: Database) -> None:
    """Water, gas and heating share a category; what was done fits what was reported."""
    with demo_db.read() as s:
        for o in s.scalars(select(WorkOrder).where(WorkOrder.category == "heating_gas")):
            notes = s.scalars(
                select(OrderEvent.note).where(
                    OrderEvent.order_id == o.id, OrderEvent.status == "completed"
                )
            ).all()
            heating = "暖" in o.description
            for note in notes:
                if note and "暖气" in note:
                    assert heating, f"{o.number}: {o.description} → {note}"
