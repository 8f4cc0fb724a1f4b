"""Shared fixtures: a fresh database per test, on SQLite and, when a server is given, PostgreSQL.

``WUYE_TEST_PG_URL`` names a PostgreSQL server (``postgresql+psycopg://postgres@127.0.0.1:54329``)
on which the tests may create and drop databases; ``.ci/run`` starts one. Without it the
PostgreSQL variants are skipped with that reason.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep every test away from the real user's data folder.
os.environ.pop("WUYE_DB", None)
# The program's days are Asia/Shanghai days whatever the machine's zone. A zone 19 hours away
# makes any use of the machine's own date (date.today(), QDate.currentDate()) fail most hours.
os.environ["TZ"] = "Pacific/Pago_Pago"

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

from wuye_desktop.core import directory, users
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.validation import credit_code_check_char
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

time.tzset()

PG_URL = os.environ.get("WUYE_TEST_PG_URL", "")
# Per process: scripts/test.sh runs two pytest processes on one server at once.
TEMPLATE_DB = f"wuye_test_template_{os.getpid()}"


@pytest.fixture(scope="session", autouse=True)
def _log_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """``wuye`` calls in tests log to a temporary folder, not to the user's log file."""
    os.environ["WUYE_LOG_DIR"] = str(tmp_path_factory.mktemp("logs"))


@pytest.fixture(autouse=True)
def _private_secrets(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regulator secrets go to a temporary folder, never into the real keyring."""
    monkeypatch.setenv("WUYE_NO_KEYRING", "1")
    monkeypatch.setenv("WUYE_SECRET_DIR", str(tmp_path_factory.mktemp("secrets")))


# The oldest SQLite the program meets: Ubuntu 20.04 (the base of Kylin V10) ships 3.31, Debian
# 11 ships 3.34, and Python's sqlite3 uses the system's. SQLAlchemy reads the version when it
# makes an engine and then leaves out what such a SQLite lacks (RETURNING; batches over 999
# parameters), so it is told 3.31 here. What our own SQL would still send that 3.31 lacks fails
# the test that sends it: RETURNING (3.35), IIF (3.32), unixepoch (3.38), over 999 parameters.
sqlite3.sqlite_version_info = sqlite3.dbapi2.sqlite_version_info = (3, 31, 1)  # type: ignore[misc]
OLD_SQLITE_MISSING = re.compile(r"\bRETURNING\b|\bIIF\s*\(|\bunixepoch\s*\(", re.IGNORECASE)
OLD_SQLITE_MAX_PARAMETERS = 999


@event.listens_for(Engine, "before_cursor_execute")
def _old_sqlite_can_run_it(
    conn: object,
    cursor: object,
    statement: str,
    parameters: object,
    context: object,
    executemany: bool,
) -> None:
    if getattr(getattr(conn, "dialect", None), "name", "") != "sqlite":
        return
    found = OLD_SQLITE_MISSING.search(statement)
    if found:
        raise AssertionError(f"SQLite 3.31 has no {found.group(0)!r}: {statement[:300]}")
    rows = parameters if executemany else [parameters]
    for row in rows:  # type: ignore[union-attr]
        if row is not None and len(row) > OLD_SQLITE_MAX_PARAMETERS:
            raise AssertionError(
                f"{len(row)} parameters: SQLite 3.31 takes {OLD_SQLITE_MAX_PARAMETERS}: "
                f"{statement[:300]}"
            )


def valid_credit_code(body: str = "91370200MA3C12345") -> str:
    return body + credit_code_check_char(body)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated template database; each test clones it, which takes milliseconds."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set WUYE_TEST_PG_URL (.ci/run does)")
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)"))
        c.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
    db = Database(make_url(PG_URL).set(database=TEMPLATE_DB).render_as_string(False))
    migrate.upgrade(db)
    db.dispose()
    yield TEMPLATE_DB
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(scope="session")
def pg_demo_template(pg_template: str) -> Iterator[str]:
    """A template database holding the demo company with 1,500 orders, made once per run for
    the GUI-thread proofs (filling it takes far longer than cloning it for each proof)."""
    from wuye_desktop import demo  # the demo is for these proofs only

    name = TEMPLATE_DB + "_demo"
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        c.execute(text(f"CREATE DATABASE {name} TEMPLATE {pg_template}"))
    db = Database(make_url(PG_URL).set(database=name).render_as_string(False))
    demo.fill_demo(db, households=200, extra={"work_orders": 1500})
    db.dispose()
    yield name
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def _pg_database(template: str | None) -> Iterator[Database]:
    name = "wuye_t_" + uuid.uuid4().hex[:12]
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")))
    db = Database(make_url(PG_URL).set(database=name).render_as_string(False))
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database on each engine (storage tests use this one)."""
    if request.param == "sqlite":
        db = Database(str(tmp_path / "wuye.sqlite3"))
        migrate.upgrade(db)
        yield db
        db.dispose()
    else:
        template = request.getfixturevalue("pg_template")
        yield from _pg_database(template)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_db(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Callable[[], AbstractContextManager[Database]]:
    """New migrated databases on each engine, one per call (the oracle tests take one per
    Hypothesis example: a failing example is then replayed on exactly the data it made)."""
    if request.param == "postgresql":
        pg = request.getfixturevalue("pg_template")
        return contextmanager(lambda: _pg_database(pg))
    template = tmp_path / "template.sqlite3"
    db = Database(str(template))
    migrate.upgrade(db)
    db.dispose()

    @contextmanager
    def sqlite_db() -> Iterator[Database]:
        path = tmp_path / f"{uuid.uuid4().hex}.sqlite3"
        shutil.copy(template, path)
        database = Database(str(path))
        try:
            yield database
        finally:
            database.dispose()
            path.unlink()

    return sqlite_db


@pytest.fixture
def empty_pg_db() -> Iterator[Database]:
    """An empty PostgreSQL database with no schema at all (migration tests)."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set WUYE_TEST_PG_URL (.ci/run does)")
    yield from _pg_database(None)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database: the default for tests that are not about storage."""
    database = Database(str(tmp_path / "wuye.sqlite3"))
    migrate.upgrade(database)
    yield database
    database.dispose()


def _set_up_company(database: Database) -> Actor:
    return users.first_run(
        database,
        company_name="青岛安居物业服务有限公司",
        credit_code=valid_credit_code(),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )


@pytest.fixture
def admin(db: Database) -> Actor:
    """The first administrator of a company set up in ``db``."""
    return _set_up_company(db)


@pytest.fixture
def any_admin(any_db: Database) -> Actor:
    return _set_up_company(any_db)


def make_user(database: Database, admin_actor: Actor, role: Role, name: str) -> Actor:
    password = f"{name}-pass-1"
    users.create_user(
        database, admin_actor, username=name, display_name=name, role=role, password=password
    )
    actor, _ = users.login(database, name, password)
    return actor


@pytest.fixture
def community(db: Database, admin: Actor) -> directory.CommunityView:
    """Community QD001 with its 3 channels and one household, 3-2-1201 (张三 13812345678)."""
    return make_community(db, admin)


def make_community(db: Database, admin: Actor) -> directory.CommunityView:
    """The ``community`` fixture's community, on any database."""
    from wuye_desktop.core.vocab import Channel

    c = directory.create_community(
        db,
        admin,
        directory.CommunityInput(code="QD001", name="海尔云谷", project_code="370202-001"),
    )
    directory.set_channels(
        db,
        admin,
        c.id,
        [
            directory.ChannelInput(
                Channel.PROPERTY, "安居物业", "王经理", "0532-88881234", "24小时"
            ),
            directory.ChannelInput(
                Channel.REPAIR_CONTRACTOR, "青岛房修公司", "李工", "13911112222", "8:00-18:00"
            ),
            directory.ChannelInput(
                Channel.DEVELOPER, "海尔地产", "赵主任", "400-888-1234", "9:00-17:00"
            ),
        ],
    )
    directory.create_household(
        db,
        admin,
        c.id,
        directory.HouseholdInput("3", "2", "1201", [directory.OwnerInput("张三", "13812345678")]),
    )
    return directory.get_community(db, admin, c.id)


def make_common_area_order(
    database: Database, actor: Actor, community_id: int, category: str = "water_leak"
) -> int:
    """A time-limited order reported by phone for a common area (3号楼大堂); its id."""
    from wuye_desktop.core import orders

    return orders.create_order(
        database,
        actor,
        orders.OrderInput(
            community_id=community_id,
            household_id=None,
            location="3号楼大堂",
            category=category,
            channel="property",
            source="phone",
            tier="time_limited",
            description="大堂顶棚渗水",
            caller_name="张三",
            caller_phone="13812345678",
        ),
    )


def stored_owners(database: Database, household_code: str) -> list[tuple[int, str, str]]:
    """(id, name, phone) of a household's owners as stored: the core only shows them masked."""
    from sqlalchemy import select

    from wuye_desktop.storage.models import Household, Owner

    with database.read() as s:
        rows = s.execute(
            select(Owner.id, Owner.name, Owner.phone)
            .join(Household, Household.id == Owner.household_id)
            .where(Household.code == household_code)
            .order_by(Owner.position)
        )
        return [(i, n, p) for i, n, p in rows]
