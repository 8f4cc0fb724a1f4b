"""Schema migrations: head equals the ORM, old databases upgrade with their data, newer refused.

Each test runs on a fresh SQLite file and, when WUYE_TEST_PG_URL names a server, on an empty
PostgreSQL database.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from tests.conftest import stored_owners
from tests.unit.old_schema_support import (
    fill_first_schema,
    orders_of_0013,
    plain_order,
    time_literal,
)
from wuye_desktop.core import directory, users
from wuye_desktop.core.errors import StorageUnavailable
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage import migrate, search_index
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Base, Community

FIRST = "0001"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database with no tables at all."""
    if request.param == "sqlite":
        database = Database(str(tmp_path / "wuye.sqlite3"))
        yield database
        database.dispose()
    else:
        yield request.getfixturevalue("empty_pg_db")


def _not_search_index(name: str | None, _type: str, _parents: Any) -> bool:
    return not search_index.is_index_name(name)


def _schema_differences(database: Database) -> list[Any]:
    with database.engine.connect() as conn:
        # The text index is not in the ORM's metadata (storage/search_index.py).
        opts = {"compare_type": True, "include_name": _not_search_index}
        context = MigrationContext.configure(conn, opts=opts)
        return list(compare_metadata(context, Base.metadata))


def _alembic(database: Database, action: str, revision: str) -> None:
    """Run an Alembic command the way storage.migrate does, for what it does not offer."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, revision)


def _tables(database: Database) -> set[str]:
    with database.engine.connect() as conn:
        names = inspect(conn).get_table_names()
        return {n for n in names if not search_index.is_index_name(n)}


# --- the schema ------------------------------------------------------------------------------


def test_upgrading_an_empty_database_gives_exactly_the_orm_schema(empty_db: Database) -> None:
    assert _tables(empty_db) == set()
    assert migrate.current_revision(empty_db) is None
    copy = migrate.upgrade(empty_db)
    assert copy is None  # nothing worth copying in an empty database
    assert migrate.current_revision(empty_db) == migrate.head_revision()
    assert _schema_differences(empty_db) == []
    assert _tables(empty_db) == set(Base.metadata.tables) | {"alembic_version"}


def test_the_schema_comparison_would_notice_a_difference(empty_db: Database) -> None:
    """Guards the test above: a schema that differs from the ORM must show differences."""
    migrate.upgrade(empty_db)
    with empty_db.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_owner_phone_digits"))
    differences = _schema_differences(empty_db)
    assert differences
    assert any("ix_owner_phone_digits" in repr(d) for d in differences)


def test_migrations_form_one_line_from_the_first_to_the_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    scripts = ScriptDirectory.from_config(cfg)
    assert len(scripts.get_heads()) == 1
    history = list(reversed(list(scripts.walk_revisions())))
    assert history[0].revision == FIRST and history[0].down_revision is None
    for older, newer in itertools.pairwise(history):
        assert newer.down_revision == older.revision


def test_upgrading_twice_changes_nothing_and_copies_nothing(empty_db: Database) -> None:
    migrate.upgrade(empty_db)
    assert migrate.upgrade(empty_db) is None
    assert _schema_differences(empty_db) == []


# --- an older database -----------------------------------------------------------------------


def test_a_database_of_the_first_version_upgrades_with_its_data(empty_db: Database) -> None:
    migrate.upgrade(empty_db, FIRST)
    assert migrate.current_revision(empty_db) == FIRST != migrate.head_revision()
    fill_first_schema(empty_db)

    migrate.upgrade(empty_db)

    assert migrate.current_revision(empty_db) == migrate.head_revision()
    assert _schema_differences(empty_db) == []
    company = directory.get_company(empty_db)
    assert company is not None
    assert (company.name, company.credit_code, company.phone) == (
        "青岛安居物业服务有限公司",
        "91370200MA3C123450",
        "0532-88881234",
    )
    community = directory.get_community(empty_db, SYSTEM_ACTOR, "QD001")
    assert (community.name, community.project_code, community.version) == (
        "海尔云谷",
        "370202-001",
        3,
    )
    assert [(c.channel, c.contact, c.phone) for c in community.channels] == [
        (Channel.PROPERTY, "王经理", "0532-88881234")
    ]
    assert community.household_count == 2
    [building] = directory.list_buildings(empty_db, SYSTEM_ACTOR, community.id)
    assert (building.number, building.floors, building.elevator_count) == ("3", 18, 2)
    home = directory.get_household(empty_db, SYSTEM_ACTOR, "QD001-3-2-1201")
    assert (home.area_m2, home.note, home.version) == ("89.50", "东边户", 2)
    assert [(n, p) for _, n, p in stored_owners(empty_db, home.code)] == [
        ("张三", "13812345678"),
        ("李梅", "0532-66661234"),
    ]
    assert directory.search_household_ids(empty_db, SYSTEM_ACTOR, "5678") == [home.id]
    with empty_db.read() as s:
        stored = s.get(Community, 1)
        assert stored is not None
        assert stored.created_at == datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    # The tables added since work on the upgraded data: the company gets its first admin.
    assert users.needs_first_run(empty_db)


def test_an_sqlite_file_is_copied_aside_before_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "wuye.sqlite3"
    database = Database(str(path))
    migrate.upgrade(database, FIRST)
    fill_first_schema(database)

    copy = migrate.upgrade(database)
    database.dispose()

    assert copy is not None and copy.exists()
    assert copy.parent == path.parent
    assert copy.name.startswith(f"wuye.sqlite3.before-{FIRST}-")
    assert not copy.with_name(copy.name + ".partial").exists()
    # The copy is a complete database of the old version, data included, not a torn file.
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
        assert conn.execute("SELECT code FROM household ORDER BY id").fetchall() == [
            ("QD001-3-2-1201",),
            ("QD001-3-2-201",),
        ]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "app_user" not in tables
    finally:
        conn.close()


def test_the_copy_can_be_put_back_and_opened(tmp_path: Path) -> None:
    path = tmp_path / "wuye.sqlite3"
    database = Database(str(path))
    migrate.upgrade(database, FIRST)
    fill_first_schema(database)
    copy = migrate.upgrade(database)
    database.dispose()
    assert copy is not None

    restored = Database(str(copy))
    try:
        assert migrate.current_revision(restored) == FIRST
        migrate.upgrade(restored)
        assert directory.get_household(restored, SYSTEM_ACTOR, "QD001-3-2-201").room == "201"
    finally:
        restored.dispose()


def test_downgrade_then_upgrade_round_trip(empty_db: Database) -> None:
    migrate.upgrade(empty_db, FIRST)
    fill_first_schema(empty_db)
    migrate.upgrade(empty_db)

    _alembic(empty_db, "downgrade", FIRST)
    assert migrate.current_revision(empty_db) == FIRST
    assert "app_user" not in _tables(empty_db)
    migrate.upgrade(empty_db)
    assert _schema_differences(empty_db) == []
    assert directory.get_household(empty_db, SYSTEM_ACTOR, "QD001-3-2-1201").area_m2 == "89.50"

    _alembic(empty_db, "downgrade", "base")
    assert _tables(empty_db) <= {"alembic_version"}
    migrate.upgrade(empty_db)
    assert _schema_differences(empty_db) == []


def test_the_overviews_columns_come_off_under_rows_that_refer_to_them(empty_db: Database) -> None:
    """0015 and 0013 go back down with an order that has events and a ticket that has a reply:
    their columns come off in place, not by a copy of the table dropped under the rows that
    refer to it ("FOREIGN KEY constraint failed" on SQLite), and come back on the way up."""
    migrate.upgrade(empty_db, "0012")
    fill_first_schema(empty_db)
    at = time_literal(empty_db)
    with empty_db.engine.begin() as conn:
        conn.execute(text(plain_order(at).format(n=1)))
        conn.execute(
            text(
                "INSERT INTO order_event (order_id, at, kind, status, note, username, channel,"
                f" handler) VALUES (1, '{at}', 'status', 'accepted', '', 'desk', '', '')"
            )
        )
    migrate.upgrade(empty_db)
    with empty_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO regulator_ticket (id, ticket_id, project_code, level, category,"
                " content, received_at, first_seen_at, order_id, problem, payload) VALUES"
                f" (1, 'T-1', '370202-001', 'normal', 'other', '', '{at}', '{at}', 1, '', '{{}}')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO ticket_reply (ticket_row_id, at, result, content, reason,"
                f" username) VALUES (1, '{at}', 'resolved', '已处理', '', 'desk')"
            )
        )
    _alembic(empty_db, "downgrade", "0012")
    assert migrate.current_revision(empty_db) == "0012"
    migrate.upgrade(empty_db)
    assert _schema_differences(empty_db) == []
    with empty_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM order_event")).scalar() == 1
        assert conn.execute(text("SELECT first_reply_at FROM regulator_ticket")).scalar()


# --- a newer database ------------------------------------------------------------------------


def test_a_database_of_a_newer_version_is_refused(empty_db: Database) -> None:
    migrate.upgrade(empty_db)
    with empty_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))

    with pytest.raises(StorageUnavailable) as caught:
        migrate.upgrade(empty_db)

    assert "newer version" in str(caught.value)
    assert caught.value.params == {"rev": "9001"}
    assert migrate.current_revision(empty_db) == "9001"  # left exactly as it was
    if empty_db.sqlite_path is not None:
        assert not list(empty_db.sqlite_path.parent.glob("*.before-*"))


def test_revision_ids_are_the_numbers_of_their_files() -> None:
    """The start-up check reads the head from file names; Alembic must agree with it."""
    assert migrate.newest_revision_file() == migrate.head_revision()
    for path in (migrate.MIGRATIONS / "versions").glob("[0-9]*.py"):
        assert f'revision = "{path.name[:4]}"' in path.read_text(encoding="utf-8"), path.name


def test_a_current_database_is_opened_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    database = Database(str(tmp_path / "current.sqlite3"))
    migrate.upgrade(database)
    database.dispose()
    probe = (
        "import sys\n"
        "from wuye_desktop.storage import migrate\n"
        "from wuye_desktop.storage.db import Database\n"
        f"db = Database({str(tmp_path / 'current.sqlite3')!r})\n"
        "assert migrate.upgrade(db) is None\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_database_of_the_previous_version_keeps_its_outbox_through_0007(
    empty_db: Database,
) -> None:
    """0007 adds the dismissal columns: refused and pending events of a 0006 database come
    through with them empty, and can then be dismissed."""
    from wuye_desktop.regulator import queue

    migrate.upgrade(empty_db, "0006")
    with empty_db.engine.begin() as conn:
        for key, state, code in (("k1", "failed", "unbalanced"), ("k2", "pending", "")):
            conn.execute(
                text(
                    "INSERT INTO outbox (created_at, idempotency_key, stream, kind, method, path,"
                    " body, state, attempts, last_error, error_code) VALUES ('2026-11-20 08:00:00',"
                    " :key, 'disclosure:QD001', 'disclosure', 'POST',"
                    " '/public-income/disclosures', '{}', :state, 1, 'refused', :code)"
                ),
                {"key": key, "state": state, "code": code},
            )
    migrate.upgrade(empty_db)
    assert migrate.current_revision(empty_db) == migrate.head_revision()
    assert _schema_differences(empty_db) == []
    [refused] = queue.failed_events(empty_db)
    assert (refused.error_code, refused.message, refused.resolution) == (
        "unbalanced",
        "refused",
        "",
    )
    assert queue.counts(empty_db).pending == 1
    assert queue.dismiss(empty_db, SYSTEM_ACTOR, [refused.id], "已线下报送") == 1
    [dismissed] = queue.failed_events(empty_db, with_resolved=True)
    assert (dismissed.state, dismissed.resolution) == ("dismissed", "已线下报送")


def test_a_database_of_0009_keeps_its_orders_and_their_typed_handlers_through_0012(
    empty_db: Database,
) -> None:
    """0012 adds the staff directory: orders dispatched before keep their handler's name,
    unlinked, and can then be dispatched to a person of the directory."""
    from wuye_desktop.core import orders, staff

    migrate.upgrade(empty_db, "0009")
    fill_first_schema(empty_db)
    # Yesterday: a typed name is offered as a fallback for half a year.
    yesterday = datetime.now(UTC) - timedelta(days=1)
    at = yesterday.strftime("%Y-%m-%d %H:%M:%S" + (".000000" if empty_db.is_sqlite else "+00"))
    with empty_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO work_order (id, number, community_id, household_id, location,"
                " category, channel, source, tier, status, description, caller_name,"
                " caller_phone, handler, reported_at, response_due, completion_due, search_text,"
                " last_event_seq, created_by, updated_at, version) VALUES (1,"
                " 'GD20260301-0001', 1, 1, '', 'water_leak', 'property', 'phone',"
                f" 'time_limited', 'dispatched', '卫生间渗水', '张三', '13812345678', '王师傅',"
                f" '{at}', '{at}', '{at}', '', 1, 'desk', '{at}', 2)"
            )
        )
    migrate.upgrade(empty_db)
    assert migrate.current_revision(empty_db) == migrate.head_revision()
    assert _schema_differences(empty_db) == []
    detail = orders.get_order(empty_db, SYSTEM_ACTOR, 1)
    assert (detail.row.number, detail.row.handler) == ("GD20260301-0001", "王师傅")
    [fallback] = staff.handler_choices(empty_db, SYSTEM_ACTOR, 1, "water_leak", "property")
    assert (fallback.name, fallback.staff_id) == ("王师傅", None)
    person = staff.add_staff(
        empty_db,
        SYSTEM_ACTOR,
        staff.StaffInput("李师傅", "technician", "property", 1, "", ("water_leak",)),
    )
    orders.dispatch(
        empty_db, SYSTEM_ACTOR, 1, detail.version, channel="property", handler_id=person
    )
    [row] = staff.list_staff(empty_db, SYSTEM_ACTOR)
    assert (row.name, row.open_orders) == ("李师傅", 1)


def test_a_database_of_0013_has_its_orders_counted_by_the_overview_after_0014(
    empty_db: Database,
) -> None:
    """0014 precomputes the overview's figures: the orders of an older database are noted and
    counted, and a later plain-SQL change is followed (the triggers note it)."""
    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.clock import LOCAL_TZ

    migrate.upgrade(empty_db, "0013")
    fill_first_schema(empty_db)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    at = yesterday.strftime("%Y-%m-%d %H:%M:%S" + (".000000" if empty_db.is_sqlite else "+00"))
    insert = plain_order(at)
    with empty_db.engine.begin() as conn:
        conn.execute(text(insert.format(n=1)))
    migrate.upgrade(empty_db)
    assert _schema_differences(empty_db) == []
    day = yesterday.astimezone(LOCAL_TZ).date()
    period = ov.custom(day, day)
    result = ov.overview(empty_db, SYSTEM_ACTOR, period, now=yesterday + timedelta(hours=1))
    assert result.figure("reported").value == 1
    with empty_db.engine.begin() as conn:
        conn.execute(text(insert.format(n=2)))
        conn.execute(text("UPDATE work_order SET status = 'cancelled' WHERE id = 1"))
    result = ov.overview(empty_db, SYSTEM_ACTOR, period, now=yesterday + timedelta(hours=1))
    assert result.figure("reported").value == 2
    assert result.figure("response_on_time").count == 1  # the cancelled one is not judged


def test_a_database_of_0014_has_its_months_and_first_replies_after_0015(
    empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0015 adds up the days counted so far into months, and notes each ticket's first reply
    (then triggers keep it): a year reads them, and counts as before."""
    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.overview import summary
    from wuye_desktop.regulator import inbox

    migrate.upgrade(empty_db, "0014")
    fill_first_schema(empty_db)
    at = time_literal(empty_db)  # 2026-03-01 10:00 in Qingdao
    with empty_db.engine.begin() as conn:
        for n in (1, 2):
            conn.execute(text(plain_order(at).format(n=n)))
        conn.execute(
            text(
                "INSERT INTO regulator_ticket (id, ticket_id, project_code, level, category,"
                " content, received_at, reply_due_at, first_seen_at, order_id, problem,"
                f" payload) VALUES (1, 'T-1', '370202-001', 'normal', 'other', '', '{at}',"
                f" NULL, '{at}', 1, '', '{{}}')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO ticket_reply (ticket_row_id, at, result, content, reason,"
                f" username) VALUES (1, '{at}', 'resolved', '已处理', '', 'desk')"
            )
        )
    with monkeypatch.context() as old_program:  # counted as 0014's program did: days only
        old_program.setattr(summary, "count_months", lambda s, months: None)
        summary.refresh_database(empty_db)
    migrate.upgrade(empty_db)
    assert _schema_differences(empty_db) == []
    with empty_db.engine.connect() as conn:
        months = conn.execute(text("SELECT month, tier, counts FROM overview_month")).all()
        [first_reply] = conn.execute(text("SELECT first_reply_at FROM regulator_ticket")).all()
        community = conn.execute(text("SELECT community_id FROM regulator_ticket")).scalar()
    assert community == 1  # its order's
    assert [(str(m)[:10], tier, json.loads(c)["reported"]) for m, tier, c in months] == [
        ("2026-03-01", "time_limited", 2)
    ]
    assert first_reply[0] is not None
    now = datetime(2026, 12, 1, tzinfo=UTC)
    result = ov.overview(empty_db, SYSTEM_ACTOR, ov.year(2026), now=now)
    assert result.figure("reported").value == 2
    reply = result.figure("regulator_reply_rate")
    assert (reply.hits, reply.count) == (1, 1)
    mine = ov.overview(empty_db, SYSTEM_ACTOR, ov.year(2026), 1, now=now)
    assert mine.figure("regulator_reply_rate").count == 1
    assert (inbox.reply_rate(empty_db, now).in_time, inbox.reply_rate(empty_db, now).counted) == (
        1,
        1,
    )


def test_the_first_count_after_0014_writes_a_batch_at_a_time(
    empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting a big database's orders after the upgrade must not hold the write lock for the
    whole build (desks would wait minutes to save): each batch of notes is its own transaction."""
    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.clock import LOCAL_TZ
    from wuye_desktop.core.overview import summary

    migrate.upgrade(empty_db, "0013")
    fill_first_schema(empty_db)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    at = yesterday.strftime("%Y-%m-%d %H:%M:%S" + (".000000" if empty_db.is_sqlite else "+00"))
    with empty_db.engine.begin() as conn:
        for n in range(1, 8):
            conn.execute(text(plain_order(at).format(n=n)))
    migrate.upgrade(empty_db)
    monkeypatch.setattr(summary, "BATCH", 2)
    writes = 0
    transaction = empty_db.transaction

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal writes
        writes += 1
        return transaction(*args, **kwargs)

    monkeypatch.setattr(empty_db, "transaction", counted)
    seen: list[tuple[int, int]] = []
    summary.refresh_database(empty_db, lambda done, total: seen.append((done, total)))
    assert writes >= 4  # 7 notes, 2 a batch, and the last look that finds none
    assert seen[-1][0] == seen[-1][1] >= 7
    day = yesterday.astimezone(LOCAL_TZ).date()
    result = ov.overview(empty_db, SYSTEM_ACTOR, ov.custom(day, day), now=yesterday)
    assert result.figure("reported").value == 7


def test_wuye_db_upgrade_counts_the_noted_orders_for_the_overview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The administrator's upgrade builds the overview's figures with progress, so that the
    first manager to open the overview does not wait for the build."""
    from wuye_desktop.cli import main
    from wuye_desktop.core.overview import summary

    url = str(tmp_path / "old.sqlite3")
    db = Database(url)
    orders_of_0013(db, 3)
    db.dispose()
    assert main(["--db", url, "db", "upgrade"]) == 0
    assert "Overview figures: 3 of 3 changes counted." in capsys.readouterr().err
    db = Database(url)
    with db.read() as s:
        assert not summary.is_dirty(s)
    db.dispose()
