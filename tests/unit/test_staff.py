"""The staff directory in the core: who may keep it, its audit, who can take an order with their
open workload (checked against a count done by hand), the typed names offered as fallbacks,
dispatching to a person of the directory, and completion refused without its result.

Each test runs on SQLite and, when WUYE_TEST_PG_URL names a server, on PostgreSQL.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, select

from tests.conftest import make_common_area_order, make_user
from wuye_desktop.core import directory, orders, staff
from wuye_desktop.core.errors import PermissionDenied, ValidationError
from wuye_desktop.core.orders.status import OPEN_VALUES
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.vocab import Channel, StaffKind
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, WorkOrder


def _community(db: Database, admin: Actor, code: str, name: str) -> int:
    made = directory.create_community(db, admin, directory.CommunityInput(code=code, name=name))
    return made.id


@pytest.fixture
def places(any_db: Database, any_admin: Actor) -> tuple[int, int]:
    return _community(any_db, any_admin, "QD001", "海尔云谷"), _community(
        any_db, any_admin, "QD002", "万科城"
    )


def technician(
    community_id: int | None,
    name: str,
    skills: tuple[str, ...] = ("water_leak",),
    kind: str = StaffKind.TECHNICIAN,
    channel: str = Channel.PROPERTY,
) -> staff.StaffInput:
    return staff.StaffInput(name, kind, channel, community_id, "138 0000 1111", skills)


new_order = make_common_area_order


def version(db: Database, actor: Actor, oid: int) -> int:
    return orders.get_order(db, actor, oid).version


# --- keeping the directory -------------------------------------------------------------------


def test_managers_and_administrators_keep_the_directory_the_desk_only_reads_it(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    desk = make_user(any_db, any_admin, Role.DESK, "desk1")
    finance = make_user(any_db, any_admin, Role.FINANCE, "money")
    manager = make_user(any_db, any_admin, Role.MANAGER, "boss")
    for refused in (desk, finance):
        with pytest.raises(PermissionDenied):
            staff.add_staff(any_db, refused, technician(places[0], "张师傅"))
    first = staff.add_staff(any_db, manager, technician(places[0], "张师傅"))
    staff.add_staff(any_db, any_admin, technician(None, "绿化班", ("greenery",), StaffKind.TEAM))
    [row] = [r for r in staff.list_staff(any_db, desk) if r.id == first]
    with pytest.raises(PermissionDenied):
        staff.deactivate_staff(any_db, desk, first, row.version)
    assert (row.name, row.kind, row.channel, row.phone, row.skills) == (
        "张师傅",
        StaffKind.TECHNICIAN,
        "property",
        "13800001111",  # stored in its normal form
        ("water_leak",),
    )
    assert row.community_name == "海尔云谷"
    assert {r.name for r in staff.list_staff(any_db, desk, community_id=places[1])} == {"绿化班"}


def test_every_change_is_audited_with_what_changed(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    sid = staff.add_staff(any_db, any_admin, technician(places[0], "张师傅"))
    [row] = staff.list_staff(any_db, any_admin)
    changed = technician(places[0], "张师傅", ("water_leak", "electrical"))
    staff.update_staff(any_db, any_admin, sid, row.version, changed)
    [row] = staff.list_staff(any_db, any_admin)
    staff.deactivate_staff(any_db, any_admin, sid, row.version)
    with any_db.read() as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "staff").order_by(AuditEntry.id)
        ).all()
        logged = [(e.action, e.entity_id, json.loads(e.detail)) for e in entries]
    assert [(action, entity_id) for action, entity_id, _ in logged] == [
        ("staff.add", str(sid)),
        ("staff.update", str(sid)),
        ("staff.deactivate", str(sid)),
    ]
    assert logged[0][2]["name"] == "张师傅" and logged[0][2]["community"] == places[0]
    assert logged[1][2] == {"skills": ["water_leak", "electrical"]}
    [row] = staff.list_staff(any_db, any_admin)
    assert not row.active


def test_refused_fields_are_named_and_nothing_is_written(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    bad = staff.StaffInput(" ", "boss", "nowhere", places[0], "12345", ("flying",))
    with pytest.raises(ValidationError) as caught:
        staff.add_staff(any_db, any_admin, bad)
    assert {e.field for e in caught.value.errors} == {"name", "kind", "channel", "phone", "skills"}
    staff.add_staff(any_db, any_admin, technician(places[0], "张师傅"))
    with pytest.raises(ValidationError) as caught:  # a namesake could not be told apart
        staff.add_staff(any_db, any_admin, technician(places[0], "张师傅", ("electrical",)))
    assert [e.field for e in caught.value.errors] == ["name"]
    assert len(staff.list_staff(any_db, any_admin)) == 1
    # Another community may have its own 张师傅.
    staff.add_staff(any_db, any_admin, technician(places[1], "张师傅"))


# --- who can take an order -------------------------------------------------------------------


@contextmanager
def counted_statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_workload_matches_a_count_by_hand_and_is_one_query(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    here, there = places
    people = [
        staff.add_staff(any_db, any_admin, technician(here, name, skills))
        for name, skills in (
            ("张师傅", ("water_leak",)),
            ("李师傅", ("electrical",)),
            ("王师傅", ("water_leak", "electrical")),
        )
    ]
    people.append(staff.add_staff(any_db, any_admin, technician(None, "机动班", (), "team")))
    rng = random.Random(17)
    for n in range(24):
        oid = new_order(any_db, any_admin, here if n % 4 else there)
        if n % 6 == 0:
            continue  # stays accepted, with nobody
        whom = rng.choice(people)
        try:
            orders.dispatch(
                any_db,
                any_admin,
                oid,
                version(any_db, any_admin, oid),
                channel="property",
                handler_id=whom,
            )
        except ValidationError:  # a person of QD001 for an order of QD002
            continue
        fate = rng.random()
        if fate < 0.3:
            orders.start_work(any_db, any_admin, oid, version(any_db, any_admin, oid))
            orders.complete(any_db, any_admin, oid, version(any_db, any_admin, oid), "修好了")
        elif fate < 0.45:
            orders.cancel(any_db, any_admin, oid, version(any_db, any_admin, oid), "业主自修")
        elif fate < 0.6:
            orders.start_work(any_db, any_admin, oid, version(any_db, any_admin, oid))

    with any_db.read() as s:
        by_hand = Counter(
            handler_id
            for handler_id, status in s.execute(select(WorkOrder.handler_id, WorkOrder.status))
            if handler_id is not None and status in OPEN_VALUES
        )
    assert sum(by_hand.values()) > 3  # the random walk left some open work
    with counted_statements(any_db) as statements:
        choices = staff.handler_choices(any_db, any_admin, here, "water_leak", "property")
    assert {c.staff_id: c.open_orders for c in choices if c.staff_id} == {
        p: by_hand.get(p, 0) for p in people
    }
    assert (
        len([q for q in statements if q.startswith("SELECT")]) == 3
    )  # the people, their workload, the typed names: never one each
    rows = staff.list_staff(any_db, any_admin)
    assert {r.id: r.open_orders for r in rows} == {p: by_hand.get(p, 0) for p in people}
    # Skilled first, each group least busy first.
    skilled = [c for c in choices if c.skilled]
    assert {c.name for c in skilled} == {"张师傅", "王师傅"}
    assert choices[: len(skilled)] == skilled
    for group in (skilled, [c for c in choices if not c.skilled]):
        loads = [c.open_orders for c in group]
        assert loads == sorted(loads)


def test_typed_names_come_after_the_directory_as_fallbacks(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    here, there = places
    staff.add_staff(any_db, any_admin, technician(here, "张师傅"))
    typed = [("老刘", here, "property"), ("小陈", here, "property"), ("老刘", here, "property")]
    typed += [("外区师傅", there, "property"), ("房修老周", here, "repair_contractor")]
    typed += [("张师傅", here, "property")]  # typed, but the directory has him: linked
    made = []
    for name, where, channel in typed:
        oid = new_order(any_db, any_admin, where)
        v = version(any_db, any_admin, oid)
        orders.dispatch(any_db, any_admin, oid, v, channel=channel, handler=name)
        made.append(oid)
    v = version(any_db, any_admin, made[0])
    orders.cancel(any_db, any_admin, made[0], v, "重复报修")

    choices = staff.handler_choices(any_db, any_admin, here, "water_leak", "property")
    assert [(c.name, c.staff_id is None, c.open_orders) for c in choices] == [
        ("张师傅", False, 1),
        ("老刘", True, 1),  # the newest typed name first; the cancelled order is not open
        ("小陈", True, 1),
    ]
    contractors = staff.handler_choices(any_db, any_admin, here, "water_leak", "repair_contractor")
    assert [c.name for c in contractors] == ["房修老周"]


# --- dispatching to the directory ------------------------------------------------------------


def test_dispatch_links_the_person_picked_and_refuses_one_who_cannot_take_it(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    here, there = places
    zhang = staff.add_staff(any_db, any_admin, technician(here, "张师傅"))
    elsewhere = staff.add_staff(any_db, any_admin, technician(there, "周师傅"))
    contractor = staff.add_staff(
        any_db,
        any_admin,
        technician(here, "青岛房修 李工", kind="contact", channel="repair_contractor"),
    )
    oid = new_order(any_db, any_admin, here)

    def dispatch(handler_id: int, channel: str = "property") -> None:
        v = version(any_db, any_admin, oid)
        orders.dispatch(any_db, any_admin, oid, v, channel=channel, handler_id=handler_id)

    for wrong in (elsewhere, contractor):
        with pytest.raises(ValidationError) as caught:
            dispatch(wrong)
        assert [e.field for e in caught.value.errors] == ["handler"]
    assert orders.get_order(any_db, any_admin, oid).row.status == "accepted"
    dispatch(contractor, "repair_contractor")
    dispatch(zhang)  # a transfer
    with any_db.read() as s:
        order = s.get(WorkOrder, oid)
        assert order is not None
        assert (order.handler, order.handler_id, order.channel) == ("张师傅", zhang, "property")
    [row] = [r for r in staff.list_staff(any_db, any_admin) if r.id == zhang]
    staff.deactivate_staff(any_db, any_admin, zhang, row.version)
    with pytest.raises(ValidationError):
        dispatch(zhang)
    # A name typed freely still works: the fallback.
    v = version(any_db, any_admin, oid)
    orders.dispatch(any_db, any_admin, oid, v, channel="property", handler="临时工老马")
    with any_db.read() as s:
        order = s.get(WorkOrder, oid)
        assert order is not None and (order.handler, order.handler_id) == ("临时工老马", None)


def test_completion_needs_its_result(
    any_db: Database, any_admin: Actor, places: tuple[int, int]
) -> None:
    oid = new_order(any_db, any_admin, places[0])
    v = version(any_db, any_admin, oid)
    orders.dispatch(any_db, any_admin, oid, v, channel="property", handler="张师傅")
    orders.start_work(any_db, any_admin, oid, version(any_db, any_admin, oid))
    for empty in ("", "  \n "):
        with pytest.raises(ValidationError) as caught:
            orders.complete(any_db, any_admin, oid, version(any_db, any_admin, oid), empty)
        assert [e.field for e in caught.value.errors] == ["result"]
    assert orders.get_order(any_db, any_admin, oid).row.status == "in_progress"
    orders.complete(any_db, any_admin, oid, version(any_db, any_admin, oid), " 更换了角阀 ")
    detail = orders.get_order(any_db, any_admin, oid)
    assert detail.row.status == "completed"
    assert detail.timeline[-1].note == "更换了角阀"
