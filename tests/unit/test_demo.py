"""Demo data: a believable company, exactly as many households as asked, the same for a seed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from wuye_desktop import demo
from wuye_desktop.core import directory, users
from wuye_desktop.core.errors import StateError, ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.validation import credit_code_problem, normalize_phone
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    AuditEntry,
    Building,
    ChannelContact,
    Community,
    Company,
    Household,
    Owner,
    Unit,
)


def fresh(tmp_path: Path, name: str) -> Database:
    db = Database(str(tmp_path / name))
    migrate.upgrade(db)
    return db


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The demo's content without ids' meaning, salted password hashes or the audit time."""
    with db.read() as s:
        return {
            "company": [
                tuple(r)
                for r in s.execute(select(Company.name, Company.credit_code, Company.created_at))
            ],
            "communities": [
                tuple(r)
                for r in s.execute(
                    select(Community.code, Community.name, Community.project_code).order_by(
                        Community.code
                    )
                )
            ],
            "channels": [
                tuple(r)
                for r in s.execute(
                    select(
                        ChannelContact.unit_name, ChannelContact.contact, ChannelContact.phone
                    ).order_by(ChannelContact.id)
                )
            ],
            "buildings": [
                tuple(r)
                for r in s.execute(
                    select(Building.number, Building.floors, Building.elevator_count).order_by(
                        Building.id
                    )
                )
            ],
            "households": [
                tuple(r)
                for r in s.execute(
                    select(Household.code, Household.area_m2, Household.note).order_by(Household.id)
                )
            ],
            "owners": [
                tuple(r)
                for r in s.execute(
                    select(Household.code, Owner.position, Owner.name, Owner.phone)
                    .join(Household, Household.id == Owner.household_id)
                    .order_by(Owner.id)
                )
            ],
        }


def test_the_demo_company_is_complete_and_believable(any_db: Database) -> None:
    summary = demo.fill_demo(any_db, households=500, seed=7)
    assert summary.households == 500
    assert summary.communities == ("QD001", "QD002", "QD003", "QD004")
    with any_db.read() as s:
        company = s.scalars(select(Company)).one()
        assert credit_code_problem(company.credit_code) is None
        assert company.created_at == demo.BASE_TIME - timedelta(days=730)
        assert s.scalar(select(func.count(Household.id))) == 500
        for c in s.scalars(select(Community)):
            assert c.project_code.startswith("3702"), c.code
            assert {ch.channel for ch in c.channels} == {ch.value for ch in Channel}
            assert all(normalize_phone(ch.phone, allow_service=True) for ch in c.channels)
        # Elevators go with height: six storeys have none, thirty-three have several.
        for b in s.scalars(select(Building)):
            assert (b.elevator_count == 0) == (b.floors <= 6), b.number
        phones = [p for p in s.scalars(select(Owner.phone)) if p]
        assert len(phones) == len(set(phones)), "every owner has a number of their own"
        assert all(normalize_phone(p) == p for p in phones)
        assert any(p.startswith("0532-") for p in phones) and any(p[0] == "1" for p in phones)
        # The newly taken-over community has its buildings but its roster is still to come.
        qd004 = s.scalars(select(Community).where(Community.code == "QD004")).one()
        assert s.scalar(select(func.count(Building.id)).where(Building.community_id == qd004.id))
        assert not s.scalar(
            select(func.count(Household.id)).where(Household.community_id == qd004.id)
        )
    row = directory.household_rows(any_db, users.login(any_db, "manager", "manager1234")[0], [1])[0]
    assert row.code.startswith("QD001-1-1-") and row.owner_name


def test_one_user_per_role_with_the_documented_password(db: Database) -> None:
    demo.fill_demo(db, households=0)
    for username, role, password, display in demo.DEMO_USERS:
        actor, row = users.login(db, username, password)
        assert actor.role == role
        assert row.display_name == display and not display.isascii()
    assert {role for _, role, _, _ in demo.DEMO_USERS} == set(Role)


@pytest.mark.parametrize("households", [0, 7, 1201])
def test_exactly_the_households_asked_for(tmp_path: Path, households: int) -> None:
    db = fresh(tmp_path, "d.sqlite3")
    demo.fill_demo(db, households=households)
    with db.read() as s:
        assert s.scalar(select(func.count(Household.id))) == households
        # Every household sits in a unit of a building of its own community.
        mismatched = s.scalar(
            select(func.count(Household.id))
            .join(Unit, Unit.id == Household.unit_id)
            .join(Building, Building.id == Unit.building_id)
            .where(Building.community_id != Household.community_id)
        )
        assert mismatched == 0
    db.dispose()


def test_the_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    a, b, c = (fresh(tmp_path, f"{n}.sqlite3") for n in "abc")
    demo.fill_demo(a, households=300, seed=5)
    demo.fill_demo(b, households=300, seed=5)
    demo.fill_demo(c, households=300, seed=6)
    assert snapshot(a) == snapshot(b)
    assert snapshot(a)["owners"] != snapshot(c)["owners"]
    for db in (a, b, c):
        db.dispose()


def test_a_database_with_data_is_refused_untouched(db: Database, admin: Actor) -> None:
    with db.read() as s:
        before = s.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(StateError, match="already has data"):
        demo.fill_demo(db, households=10)
    with db.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == before
        assert s.scalar(select(func.count(Community.id))) == 0


def test_demo_twice_is_refused(db: Database) -> None:
    demo.fill_demo(db, households=3)
    with pytest.raises(StateError):
        demo.fill_demo(db, households=3)


def test_nonsense_counts_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        demo.fill_demo(db, households=-1, extra={"unicorns": 3})
    assert {e.field for e in caught.value.errors} == {"households", "unicorns"}


def test_progress_reaches_the_total(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    demo.fill_demo(db, households=300, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 300) and calls[-1] == (300, 300)
    assert len(calls) > 2  # reported while writing, not only at the ends


def test_later_features_add_steps_in_the_same_transaction(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def step(world: demo.DemoWorld, count: int) -> int:
        seen["households"] = sum(len(v) for v in world.household_ids.values())
        seen["roles"] = set(world.user_ids)
        seen["codes"] = set(world.community_ids)
        seen["phone"] = next(world.phones)
        seen["name"] = world.person_name()
        world.session.add(
            AuditEntry(at=world.base_time, username="demo", action="demo.step", detail=str(count))
        )
        return count

    monkeypatch.setattr(demo, "STEPS", (demo.Step("widgets", step, default=0),))
    summary = demo.fill_demo(db, households=20, extra={"widgets": 4})
    assert summary.extra == {"widgets": 4}
    phone, name = seen.pop("phone"), seen.pop("name")
    assert seen == {
        "households": 20,
        "roles": set(Role),
        "codes": {"QD001", "QD002", "QD003", "QD004"},
    }
    assert 2 <= len(name) <= 3
    with db.read() as s:
        assert phone not in set(s.scalars(select(Owner.phone)))
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "demo.step")) == "4"
