"""Users: the first run, logging in with lock-out, administration, roles, the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import make_user, valid_credit_code
from wuye_desktop.core import audit, directory, users
from wuye_desktop.core.errors import AuthenticationFailed, PermissionDenied, ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import User

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


class Clock:
    """The time core.users sees, moved forward by the test."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(T0)
    monkeypatch.setattr(users, "now_utc", fake)
    return fake


def _actions(database: Database, admin: Actor, action: str) -> list[audit.AuditRow]:
    rows = audit.audit_rows(database, admin, audit.audit_ids(database, admin))
    return [r for r in rows if r.action == action]


def _user_count(database: Database) -> int:
    with database.read() as s:
        return int(s.scalar(select(func.count(User.id))) or 0)


# --- first run -------------------------------------------------------------------------------


def test_first_run_creates_the_company_and_its_administrator(db: Database) -> None:
    assert users.needs_first_run(db)
    actor = users.first_run(
        db,
        company_name=" 青岛安居物业服务有限公司 ",
        credit_code=valid_credit_code().lower(),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )
    assert actor.role is Role.ADMIN
    assert not users.needs_first_run(db)
    company = directory.get_company(db)
    assert company is not None
    assert (company.name, company.credit_code) == ("青岛安居物业服务有限公司", valid_credit_code())
    logged_in, row = users.login(db, "admin", "admin-pass-1")
    assert logged_in == actor and row.display_name == "系统管理员"
    assert {r.action for r in audit.audit_rows(db, actor, audit.audit_ids(db, actor))} >= {
        "company.create",
        "user.create",
    }


def test_first_run_reports_every_bad_field_and_writes_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        users.first_run(
            db,
            company_name="  ",
            credit_code="91370200MA3C123450",  # wrong check character
            admin_username="bad name!",
            admin_display_name="",
            password="short",
        )
    fields = {e.field for e in caught.value.errors}
    assert fields == {"company_name", "credit_code", "username", "password"}
    assert "check character" in caught.value.for_field("credit_code")[0].message()
    assert caught.value.for_field("password")[0].params == {"n": 8}
    assert users.needs_first_run(db)
    assert directory.get_company(db) is None


def test_first_run_happens_only_once(db: Database, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed):
        users.first_run(
            db,
            company_name="另一家公司",
            credit_code=valid_credit_code("91370200MA3C99999"),
            admin_username="intruder",
            admin_display_name="",
            password="intruder-pass",
        )
    assert _user_count(db) == 1


# --- passwords and logging in ----------------------------------------------------------------


def test_passwords_are_stored_as_argon2id_hashes(db: Database, admin: Actor) -> None:
    with db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.id == admin.user_id))
    assert stored is not None and stored.startswith("$argon2id$")
    assert "admin-pass-1" not in stored
    assert users.hash_password("same") != users.hash_password("same")  # salted


def test_login_accepts_any_case_of_the_user_name(db: Database, admin: Actor) -> None:
    actor, row = users.login(db, "  ADMIN ", "admin-pass-1")
    assert actor.user_id == admin.user_id
    assert row.last_login_at is not None and row.last_login_at.tzinfo is not None


def test_unknown_user_and_wrong_password_get_the_same_answer(db: Database, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed) as unknown:
        users.login(db, "nobody", "admin-pass-1")
    with pytest.raises(AuthenticationFailed) as wrong:
        users.login(db, "admin", "wrong-pass-1")
    assert str(unknown.value) == str(wrong.value) == "Wrong user name or password."


def test_five_failures_lock_the_account_for_fifteen_minutes(
    db: Database, admin: Actor, clock: Clock
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    for _ in range(5):
        clock.advance(seconds=10)
        with pytest.raises(AuthenticationFailed, match="Wrong user name"):
            users.login(db, "desk", "guess-pass-1")
    locked_at = clock.now

    # Now even the right password is refused, and the message says for how long.
    with pytest.raises(AuthenticationFailed) as caught:
        users.login(db, "desk", "desk-pass-1")
    assert caught.value.params == {"minutes": 15}

    clock.advance(minutes=14)
    with pytest.raises(AuthenticationFailed) as caught:
        users.login(db, "desk", "desk-pass-1")
    assert caught.value.params == {"minutes": 1}

    clock.now = locked_at + timedelta(minutes=15)
    actor, _ = users.login(db, "desk", "desk-pass-1")
    assert actor == desk
    assert len(_actions(db, admin, "user.locked")) == 1
    assert len(_actions(db, admin, "login.failed")) == 4


def test_failures_while_locked_do_not_extend_the_lock(
    db: Database, admin: Actor, clock: Clock
) -> None:
    make_user(db, admin, Role.DESK, "desk")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "desk", "guess-pass-1")
    clock.advance(minutes=10)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="locked"):
            users.login(db, "desk", "guess-pass-1")
    clock.advance(minutes=5)
    users.login(db, "desk", "desk-pass-1")


def test_a_success_resets_the_count_of_failures(db: Database, admin: Actor, clock: Clock) -> None:
    make_user(db, admin, Role.DESK, "desk")
    for _ in range(2):
        for _ in range(4):
            with pytest.raises(AuthenticationFailed):
                users.login(db, "desk", "guess-pass-1")
        users.login(db, "desk", "desk-pass-1")  # eight failures, never five in a row
    assert _actions(db, admin, "user.locked") == []


def test_an_administrator_unlocks_an_account(db: Database, admin: Actor, clock: Clock) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "desk", "guess-pass-1")
    [row] = [u for u in users.list_users(db, admin) if u.username == "desk"]
    assert row.locked_until == T0 + timedelta(minutes=15)

    assert desk.user_id is not None
    users.unlock_user(db, admin, desk.user_id)
    users.login(db, "desk", "desk-pass-1")
    assert [r.entity_id for r in _actions(db, admin, "user.unlock")] == [str(desk.user_id)]


def test_resetting_a_password_lifts_the_lock(db: Database, admin: Actor, clock: Clock) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "desk", "guess-pass-1")
    assert desk.user_id is not None
    users.reset_password(db, admin, desk.user_id, "brand-new-pass")
    with pytest.raises(AuthenticationFailed):
        users.login(db, "desk", "desk-pass-1")
    users.login(db, "desk", "brand-new-pass")
    assert len(_actions(db, admin, "user.reset_password")) == 1


def test_a_short_new_password_is_refused(db: Database, admin: Actor) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    assert desk.user_id is not None
    with pytest.raises(ValidationError) as caught:
        users.reset_password(db, admin, desk.user_id, "1234567")
    assert caught.value.errors[0].field == "password"
    users.login(db, "desk", "desk-pass-1")


def test_a_disabled_account_cannot_log_in(db: Database, admin: Actor) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    assert desk.user_id is not None
    users.update_user(db, admin, desk.user_id, display_name="前台", role=Role.DESK, active=False)
    with pytest.raises(AuthenticationFailed, match="disabled"):
        users.login(db, "desk", "desk-pass-1")


def test_changing_ones_own_password_needs_the_old_one(db: Database, admin: Actor) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    with pytest.raises(ValidationError) as caught:
        users.change_own_password(db, desk, "not-my-password", "another-pass-1")
    assert caught.value.errors[0].field == "old_password"
    users.change_own_password(db, desk, "desk-pass-1", "another-pass-1")
    users.login(db, "desk", "another-pass-1")


# --- administering users ---------------------------------------------------------------------


def test_user_names_are_unique_whatever_the_case(db: Database, admin: Actor) -> None:
    make_user(db, admin, Role.DESK, "desk")
    with pytest.raises(ValidationError) as caught:
        users.create_user(
            db, admin, username="DESK", display_name="", role=Role.DESK, password="whatever-1"
        )
    assert caught.value.errors[0].field == "username"
    assert _user_count(db) == 2


def test_an_administrator_cannot_demote_or_disable_themselves(db: Database, admin: Actor) -> None:
    assert admin.user_id is not None
    for role, active in ((Role.DESK, True), (Role.ADMIN, False)):
        with pytest.raises(ValidationError):
            users.update_user(db, admin, admin.user_id, display_name="x", role=role, active=active)
    users.login(db, "admin", "admin-pass-1")


def test_changes_to_users_are_audited_with_before_and_after(db: Database, admin: Actor) -> None:
    created = users.create_user(
        db, admin, username="li", display_name="李", role=Role.DESK, password="li-pass-12"
    )
    users.update_user(db, admin, created.id, display_name="李主管", role=Role.MANAGER, active=True)

    [create] = [r for r in _actions(db, admin, "user.create") if r.entity_id == str(created.id)]
    assert create.username == "admin"
    [change] = _actions(db, admin, "user.update")
    detail = json.loads(change.detail)
    assert detail["before"]["role"] == "desk" and detail["after"]["role"] == "manager"
    assert change.at.tzinfo is not None


# --- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.DESK, Role.MANAGER, Role.FINANCE])
def test_only_administrators_manage_users(db: Database, admin: Actor, role: Role) -> None:
    someone = make_user(db, admin, role, "someone")
    with pytest.raises(PermissionDenied):
        users.create_user(
            db, someone, username="x1", display_name="", role=Role.ADMIN, password="x1-pass-123"
        )
    with pytest.raises(PermissionDenied):
        users.list_users(db, someone)
    assert admin.user_id is not None
    with pytest.raises(PermissionDenied):
        users.reset_password(db, someone, admin.user_id, "taken-over-1")
    with pytest.raises(PermissionDenied):
        users.unlock_user(db, someone, admin.user_id)
    with pytest.raises(PermissionDenied):
        audit.audit_ids(db, someone)
    assert _user_count(db) == 2
    users.login(db, "admin", "admin-pass-1")


def test_finance_cannot_edit_the_directory(db: Database, admin: Actor) -> None:
    finance = make_user(db, admin, Role.FINANCE, "finance")
    with pytest.raises(PermissionDenied):
        directory.create_community(db, finance, directory.CommunityInput("QD5", "五号"))
    community = directory.create_community(db, admin, directory.CommunityInput("QD5", "五号"))
    with pytest.raises(PermissionDenied):
        directory.create_household(
            db, finance, community.id, directory.HouseholdInput("1", "1", "101")
        )
    with pytest.raises(PermissionDenied):
        directory.update_company(db, finance, directory.CompanyInput("x", valid_credit_code()))
    # Reading is allowed.
    assert [c.code for c in directory.list_communities(db, finance)] == ["QD5"]
    assert directory.get_community(db, finance, "QD5").household_count == 0


def test_desk_may_not_reveal_phones_and_manager_reveals_are_audited(
    db: Database, admin: Actor
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    manager = make_user(db, admin, Role.MANAGER, "manager")
    c = directory.create_community(db, admin, directory.CommunityInput("QD1", "一号"))
    home = directory.create_household(
        db,
        admin,
        c.id,
        directory.HouseholdInput("3", "2", "1201", [directory.OwnerInput("张三", "13812345678")]),
    )
    owner_id = home.owners[0].id
    with pytest.raises(PermissionDenied):
        directory.reveal_owner_phone(db, desk, owner_id)

    assert directory.reveal_owner_phone(db, manager, owner_id, "回电") == "13812345678"

    [reveal] = _actions(db, admin, "phone.reveal")
    assert (reveal.username, reveal.entity_id) == ("manager", "QD1-3-2-1201")
    assert json.loads(reveal.detail) == {"owner": "张三", "reason": "回电"}
