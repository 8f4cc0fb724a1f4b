"""Storage: engine settings, UTC times, transactions, concurrent edits, error classification.

Tests taking ``any_db`` run on SQLite and, when WUYE_TEST_PG_URL names a server, PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from tests.conftest import stored_owners
from wuye_desktop.core import directory
from wuye_desktop.core.errors import ConcurrentEdit, StorageUnavailable
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage import db as storage_db
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database, default_db_path, is_environment_error, resolve_url
from wuye_desktop.storage.models import AuditEntry, Community, Household, User

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Only the PostgreSQL variant of ``any_db``: what needs a server with several connections.
postgres_only = pytest.mark.parametrize(
    "any_db", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def _community_count(database: Database) -> int:
    with database.read() as s:
        return int(s.scalar(select(func.count(Community.id))) or 0)


# --- engine settings -------------------------------------------------------------------------


def test_sqlite_connections_use_wal_and_enforce_foreign_keys(db: Database) -> None:
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_every_pooled_sqlite_connection_is_configured(db: Database) -> None:
    # Settings made per connection must hold for each one the pool hands out, not just the first.
    with db.read() as a, db.read() as b:
        a_conn = a.connection().connection.dbapi_connection
        b_conn = b.connection().connection.dbapi_connection
        assert a_conn is not b_conn
        assert b.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.execute(
            text("INSERT INTO unit (building_id, number, sort_key) VALUES (:b, '1', '000001')"),
            {"b": 424242},
        )


def test_deleting_a_community_cascades_to_its_households(
    any_db: Database, any_admin: Actor
) -> None:
    c = directory.create_community(any_db, any_admin, directory.CommunityInput("QD9", "测试小区"))
    directory.create_household(
        any_db, any_admin, c.id, directory.HouseholdInput("1", "1", "101", [])
    )
    with any_db.transaction() as s:
        s.execute(text("DELETE FROM household WHERE community_id = :c"), {"c": c.id})
        s.execute(text("DELETE FROM community WHERE id = :c"), {"c": c.id})
    with any_db.read() as s:
        assert s.scalar(select(func.count()).select_from(text("building"))) == 0
        assert s.scalar(select(func.count()).select_from(text("unit"))) == 0


# --- times -----------------------------------------------------------------------------------


def test_aware_times_come_back_as_the_same_instant_in_utc(
    any_db: Database, any_admin: Actor
) -> None:
    local = datetime(2026, 11, 20, 8, 30, 15, tzinfo=SHANGHAI)  # 00:30:15 UTC
    with any_db.transaction() as s:
        user = s.get(User, any_admin.user_id)
        assert user is not None
        user.locked_until = local
    with any_db.read() as s:
        stored = s.scalar(select(User.locked_until).where(User.id == any_admin.user_id))
    assert stored == local
    assert stored is not None and stored.utcoffset() == timedelta(0)
    assert (stored.hour, stored.minute, stored.second) == (0, 30, 15)


def test_times_are_stored_as_utc_on_disk(db: Database, admin: Actor) -> None:
    moment = datetime(2026, 1, 1, 0, 0, tzinfo=SHANGHAI)
    with db.transaction() as s:
        s.execute(update(User).where(User.id == admin.user_id).values(locked_until=moment))
    with db.read() as s:
        raw = s.execute(
            text("SELECT locked_until FROM app_user WHERE id = :i"), {"i": admin.user_id}
        ).scalar()
    assert str(raw).startswith("2025-12-31 16:00:00")


def test_naive_times_are_refused_and_nothing_is_written(any_db: Database, any_admin: Actor) -> None:
    with pytest.raises(StatementError) as caught, any_db.transaction() as s:
        s.add(AuditEntry(at=datetime(2026, 1, 1, 12, 0), username="x", action="test.naive"))
    assert isinstance(caught.value.orig, ValueError)
    with any_db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "test.naive")) is None


def test_default_creation_time_is_aware_utc(any_db: Database, any_admin: Actor) -> None:
    before = datetime.now(UTC)
    c = directory.create_community(any_db, any_admin, directory.CommunityInput("QD2", "二号"))
    with any_db.read() as s:
        created = s.scalar(select(Community.created_at).where(Community.id == c.id))
    assert created is not None and created.tzinfo is not None
    assert before - timedelta(seconds=5) <= created <= datetime.now(UTC) + timedelta(seconds=5)


# --- transactions ----------------------------------------------------------------------------


def test_a_transaction_that_raises_leaves_nothing(any_db: Database) -> None:
    with pytest.raises(RuntimeError, match="half-way"), any_db.transaction() as s:
        s.add(Community(code="QD7", name="写了一半"))
        s.flush()  # the row reached the database inside the transaction
        raise RuntimeError("half-way")
    assert _community_count(any_db) == 0


def test_a_transaction_commits_everything_together(any_db: Database) -> None:
    with any_db.transaction() as s:
        s.add_all([Community(code="QD7", name="七"), Community(code="QD8", name="八")])
    assert _community_count(any_db) == 2


def test_a_failing_statement_rolls_back_the_earlier_ones(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(Community(code="QD7", name="七"))
        s.flush()
        s.add(Community(code="QD7", name="重复"))
        s.flush()
    assert _community_count(any_db) == 0


def test_a_read_session_commits_nothing(any_db: Database) -> None:
    with any_db.read() as s:
        s.add(Community(code="QD7", name="七"))
        s.flush()
    assert _community_count(any_db) == 0


# --- concurrent edits ------------------------------------------------------------------------


def _household(database: Database, admin: Actor) -> directory.HouseholdView:
    c = directory.create_community(database, admin, directory.CommunityInput("QD1", "一号"))
    return directory.create_household(
        database,
        admin,
        c.id,
        directory.HouseholdInput("3", "2", "1201", [directory.OwnerInput("张三", "13812345678")]),
    )


def test_two_desks_editing_one_household_the_second_is_refused(
    any_db: Database, any_admin: Actor
) -> None:
    created = _household(any_db, any_admin)
    desk_a = directory.get_household(any_db, any_admin, created.id)
    desk_b = directory.get_household(any_db, any_admin, created.id)
    owner = desk_a.owners[0]

    directory.update_household(
        any_db,
        any_admin,
        created.id,
        directory.HouseholdInput(
            "3", "2", "1201", [directory.OwnerInput("张三", "13900001111", id=owner.id)]
        ),
        desk_a.version,
    )
    with pytest.raises(ConcurrentEdit):
        directory.update_household(
            any_db,
            any_admin,
            created.id,
            directory.HouseholdInput(
                "3", "2", "1201", [directory.OwnerInput("李四", "13700002222", id=owner.id)]
            ),
            desk_b.version,
        )
    fresh = directory.get_household(any_db, any_admin, created.id)
    assert [(n, p) for _, n, p in stored_owners(any_db, fresh.code)] == [("张三", "13900001111")]
    assert fresh.version == desk_a.version + 1


def test_a_row_changed_behind_the_sessions_back_raises_concurrent_edit(
    any_db: Database, any_admin: Actor
) -> None:
    """The ORM's version check, for code that does not compare versions itself."""
    created = _household(any_db, any_admin)
    with pytest.raises(ConcurrentEdit), any_db.transaction() as s:
        h = s.get(Household, created.id)
        assert h is not None
        # Another desk commits a change between our read and our write.
        s.connection().execute(
            text("UPDATE household SET version = version + 1 WHERE id = :i"), {"i": h.id}
        )
        h.note = "我的修改"
    assert directory.get_household(any_db, any_admin, created.id).note == ""


@postgres_only
def test_two_postgresql_sessions_never_silently_overwrite(
    any_db: Database, any_admin: Actor
) -> None:
    # SQLite serialises writers (BEGIN IMMEDIATE), so two open write transactions need a server.
    created = _household(any_db, any_admin)
    with pytest.raises(ConcurrentEdit), any_db.transaction() as first:
        mine = first.get(Household, created.id)
        assert mine is not None
        with any_db.transaction() as second:
            theirs = second.get(Household, created.id)
            assert theirs is not None
            theirs.note = "他们的修改"
        mine.note = "我的修改"
    assert directory.get_household(any_db, any_admin, created.id).note == "他们的修改"


def test_sqlite_writers_of_one_process_wait_for_their_turn_here_not_in_sqlite(
    db: Database,
) -> None:
    """SQLite's busy handler sleeps in steps of up to 100 ms and is not woken when the lock
    frees; 50 owners' reports at once then waited most of a second for a lock that stood
    free. A second writer of the same process waits on the process's turn instead: it takes
    no connection while the first holds the lock, and gets in as soon as it is done."""
    begun: list[str] = []  # a connection taken (or opened) for a transaction
    for name in ("connect", "checkout"):
        event.listen(db.engine, name, lambda *_a, n=name: begun.append(n), insert=True)
    db.engine.dispose()
    holding, release = threading.Event(), threading.Event()
    got_in: list[float] = []

    def first() -> None:
        with db.transaction() as s:
            s.execute(text("SELECT 1"))
            holding.set()
            release.wait(10)

    def second() -> None:
        with db.transaction() as s:
            s.execute(text("SELECT 1"))
            got_in.append(time.monotonic())

    a = threading.Thread(target=first)
    a.start()
    assert holding.wait(10)
    b = threading.Thread(target=second)
    b.start()
    time.sleep(0.3)
    assert begun == ["connect", "checkout"]  # the second is not inside SQLite's busy handler
    released = time.monotonic()
    release.set()
    a.join(10)
    b.join(10)
    assert begun[2:] == ["checkout"]
    assert got_in and got_in[0] - released < 0.5


@contextmanager
def _written_by_another_thread(db: Database) -> Iterator[None]:
    """Another thread of this process in a write transaction, until the block ends."""
    holding, release = threading.Event(), threading.Event()

    def first() -> None:
        with db.transaction() as s:
            s.execute(text("SELECT 1"))
            holding.set()
            release.wait(10)

    a = threading.Thread(target=first)
    a.start()
    try:
        assert holding.wait(10)
        yield
    finally:
        release.set()
        a.join(10)


def test_a_sqlite_write_waiting_longer_than_sqlites_timeout_is_unavailable(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As SQLite's busy timeout would say it: the database is locked, please retry."""
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_S", 0.2)
    with _written_by_another_thread(db):
        result: list[BaseException] = []

        def second() -> None:
            try:
                with db.transaction():
                    pass
            except StorageUnavailable as exc:
                result.append(exc)

        b = threading.Thread(target=second)
        b.start()
        b.join(10)
        assert result and "database is locked" in str(result[0])


def test_try_transaction_commits_and_lets_through_what_its_block_raises(
    any_db: Database,
) -> None:
    with any_db.try_transaction() as s:
        assert s is not None
        s.add(Community(code="QD7", name="七"))
    assert _community_count(any_db) == 1
    with pytest.raises(RuntimeError, match="half-way"), any_db.try_transaction() as s:
        assert s is not None
        s.add(Community(code="QD8", name="写了一半"))
        s.flush()
        raise RuntimeError("half-way")
    assert _community_count(any_db) == 1
    with pytest.raises(IntegrityError), any_db.try_transaction() as s:
        assert s is not None
        s.add(Community(code="QD7", name="重复"))  # the database's own refusal, not "busy"
        s.flush()


def test_try_transaction_gives_none_at_once_while_another_connection_writes(
    db: Database,
) -> None:
    """SQLite's busy wait is left out for the BEGIN only: the connection, back in the pool,
    waits for a lock as long as before; and what the block raises still goes through."""
    db.engine.dispose()  # one connection in the pool: the one tried is the one looked at
    path = db.sqlite_path
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing (an import, a restore)
    try:
        started = time.monotonic()
        with db.try_transaction() as s:
            assert s is None
        assert time.monotonic() - started < storage_db.BUSY_TIMEOUT_S / 2
        with pytest.raises(KeyError), db.try_transaction() as s:
            raise KeyError("the caller's own")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with db.read() as s:
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == storage_db.BUSY_TIMEOUT_S * 1000
    with db.try_transaction() as s:
        assert s is not None
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == storage_db.BUSY_TIMEOUT_S * 1000
        s.add(Community(code="QD7", name="七"))
    assert _community_count(db) == 1


def test_try_transaction_gives_none_while_another_thread_has_the_turn(db: Database) -> None:
    with _written_by_another_thread(db):
        started = time.monotonic()
        with db.try_transaction() as s:
            assert s is None
        assert time.monotonic() - started < storage_db.BUSY_TIMEOUT_S / 2
    with db.try_transaction() as s:
        assert s is not None


# --- environment errors versus bugs ----------------------------------------------------------


def test_postgresql_port_where_nothing_listens_is_unavailable() -> None:
    database = Database("postgresql+psycopg://postgres@127.0.0.1:9/wuye")
    try:
        with pytest.raises(StorageUnavailable) as caught, database.read() as s:
            s.execute(text("SELECT 1"))
        assert "connection refused" in str(caught.value).lower()
    finally:
        database.dispose()


def test_the_schema_check_at_start_reports_an_unreachable_server() -> None:
    database = Database("postgresql+psycopg://postgres@127.0.0.1:9/wuye")
    try:
        with pytest.raises(StorageUnavailable):
            migrate.upgrade(database)
        with pytest.raises(StorageUnavailable):
            migrate.current_revision(database)
    finally:
        database.dispose()


def test_a_database_in_a_missing_folder_is_unavailable(tmp_path: Path) -> None:
    database = Database(str(tmp_path / "no such folder" / "wuye.sqlite3"))
    try:
        with pytest.raises(StorageUnavailable, match="unable to open"):
            migrate.upgrade(database)
    finally:
        database.dispose()


def test_read_only_sqlite_file_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "wuye.sqlite3"
    writable = Database(str(path))
    migrate.upgrade(writable)
    writable.dispose()
    # Opened read-only, as from a write-protected share (root ignores file modes, URIs not).
    read_only = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with pytest.raises(StorageUnavailable, match="readonly"), read_only.transaction() as s:
            s.add(Community(code="QD1", name="一号"))
        assert _community_count(read_only) == 0
    finally:
        read_only.dispose()


def test_full_disk_is_unavailable(db: Database) -> None:
    with db.read() as s:
        pages = int(s.execute(text("PRAGMA page_count")).scalar() or 0)
    with pytest.raises(StorageUnavailable, match="full"), db.transaction() as s:
        # A file that may not grow any further behaves as a full disk does.
        s.execute(text(f"PRAGMA max_page_count = {pages}"))
        s.add_all(Community(code=f"Q{i}", name="满" * 200, address="x" * 300) for i in range(500))
    db.dispose()  # the page limit belonged to that connection only
    assert _community_count(db) == 0


@postgres_only
def test_server_dropping_the_connection_is_unavailable_then_recovers(
    any_db: Database, any_admin: Actor
) -> None:
    killer = Database(any_db.url)
    try:
        with pytest.raises(StorageUnavailable), any_db.read() as s:
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
            with killer.read() as k:
                k.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            s.execute(text("SELECT 1"))
    finally:
        killer.dispose()
    # The pool notices the dead connection (pre-ping) and the next action works.
    assert directory.get_company(any_db) is not None


def test_integrity_errors_are_bugs_not_the_environment(any_db: Database) -> None:
    with any_db.transaction() as s:
        s.add(Community(code="QD1", name="一号"))
    with pytest.raises(IntegrityError) as caught, any_db.transaction() as s:
        s.add(Community(code="QD1", name="重复"))
    assert not isinstance(caught.value, StorageUnavailable)
    assert not is_environment_error(caught.value)


def test_sql_errors_are_bugs_not_the_environment(any_db: Database) -> None:
    with pytest.raises(Exception) as caught, any_db.read() as s:
        s.execute(text("SELECT no_such_column FROM community"))
    assert not isinstance(caught.value, StorageUnavailable)
    assert not is_environment_error(caught.value)


@pytest.mark.parametrize(
    ("message", "environment"),
    [
        ("database or disk is full", True),
        ("disk I/O error", True),
        ("unable to open database file", True),
        ("database is locked", True),
        ("attempt to write a readonly database", True),
        ("could not extend file: No space left on device", True),
        ('connection to server at "10.0.0.5", port 5432 failed: Connection refused', True),
        ("server closed the connection unexpectedly", True),
        ("terminating connection due to administrator command", True),
        ("the database system is starting up", True),
        ('could not translate host name "db.local" to address', True),
        ("no such table: household", False),
        ("syntax error at or near SELEC", False),
        ('duplicate key value violates unique constraint "uq_community_code"', False),
    ],
)
def test_classification_of_driver_messages(message: str, environment: bool) -> None:
    exc = OperationalError("SELECT 1", {}, Exception(message))
    assert is_environment_error(exc) is environment


# --- where the database is -------------------------------------------------------------------


def test_default_database_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[object, ...]] = []

    def fake_user_data_dir(appname: str, appauthor: object = None) -> str:
        seen.append((appname, appauthor))
        return str(tmp_path / "data" / appname)

    monkeypatch.setattr(storage_db, "user_data_dir", fake_user_data_dir)
    expected = tmp_path / "data" / "wuye_desktop" / "wuye.sqlite3"
    assert default_db_path() == expected
    # No vendor folder level: %LOCALAPPDATA%\wuye_desktop on Windows.
    assert seen == [("wuye_desktop", False)]

    url = resolve_url(None)
    assert url.get_backend_name() == "sqlite"
    assert Path(url.database or "") == expected
    assert expected.parent.is_dir()  # created, so SQLite can make the file


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are a Linux convention")
def test_default_folder_follows_xdg_on_linux(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "wuye_desktop" / "wuye.sqlite3"


def test_resolve_url_relative_and_home_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    url = resolve_url("desk.sqlite3")
    assert url.drivername == "sqlite"
    assert url.database == str(tmp_path / "desk.sqlite3")
    assert resolve_url("~/wuye/a.sqlite3").database == str(tmp_path / "home/wuye/a.sqlite3")


def test_resolve_url_keeps_sqlite_urls() -> None:
    url = resolve_url("sqlite:////srv/wuye/main.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert url.database == "/srv/wuye/main.sqlite3"


def test_resolve_url_postgresql_gets_the_driver_we_ship() -> None:
    url = resolve_url("postgresql://desk:secret@db.example:5433/wuye")
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == ("db.example", 5433, "wuye", "desk")
    assert resolve_url("postgresql+psycopg://u@h/d").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("raw", ["mysql://u@h/d", "postgresql+psycopg2://u@h/d", "oracle://u@h/d"])
def test_resolve_url_refuses_other_databases(raw: str) -> None:
    with pytest.raises(StorageUnavailable) as caught:
        resolve_url(raw)
    assert make_url(raw).drivername in str(caught.value)


def test_describe_never_shows_a_password() -> None:
    database = Database("postgresql+psycopg://desk:s3cret@db.example/wuye")
    try:
        assert "s3cret" not in database.describe()
        assert "db.example" in database.describe()
    finally:
        database.dispose()


def test_describe_of_a_file_is_its_path(tmp_path: Path) -> None:
    database = Database(str(tmp_path / "a.sqlite3"))
    try:
        assert database.describe() == str(tmp_path / "a.sqlite3")
        assert database.sqlite_path == tmp_path / "a.sqlite3"
    finally:
        database.dispose()
