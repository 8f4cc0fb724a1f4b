"""Backup and restore of the SQLite database; PostgreSQL is pointed to pg_dump/pg_restore."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.conftest import make_user
from tests.unit.old_schema_support import orders_of_0013
from wuye_desktop.cli import main
from wuye_desktop.core import backup, directory
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import PermissionDenied
from wuye_desktop.core.overview import summary
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor, Role
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Household


def household_codes(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Household.code).order_by(Household.code)))


def add_room(db: Database, admin: Actor, community_id: int, room: str) -> None:
    directory.create_household(
        db, admin, community_id, directory.HouseholdInput("3", "2", room, [])
    )


def sqlite_count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_backup_then_restore_brings_the_data_back(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    target = tmp_path / "backups" / "monday.sqlite3"
    info = backup.backup(db, target, actor=admin)
    assert info.path == target and info.size > 0
    assert info.revision == migrate.head_revision()

    add_room(db, admin, community.id, "1202")  # made after the backup: the restore undoes it
    assert household_codes(db) == ["QD001-3-2-1201", "QD001-3-2-1202"]

    restored = backup.restore(db, target, actor=admin)
    assert household_codes(db) == ["QD001-3-2-1201"]
    assert not restored.upgraded
    # The database as it was just before is kept beside it, with the later household.
    assert restored.previous_copy is not None and restored.previous_copy.exists()
    assert sqlite_count(restored.previous_copy, "household") == 2
    with db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-1] == "database.restore"
    assert "database.backup" not in actions  # recorded after the copy was taken


def test_the_backup_is_a_consistent_copy_of_a_live_database(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    # Committed rows still in the write-ahead log, with the database open, are in the copy.
    for room in ("1202", "1203"):
        add_room(db, admin, community.id, room)
    with db.read() as s:
        s.execute(text("SELECT 1"))
        target = tmp_path / "live.sqlite3"
        backup.backup(db, target)
    assert sqlite_count(target, "household") == 3
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_backup_is_one_file_and_nothing_is_left_beside_it(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    # A WAL-mode copy got -wal and -shm files beside it from the check that follows every
    # backup, and again from each restore that read it (found by tests/crash).
    target = tmp_path / "backups" / "b.sqlite3"
    backup.backup(db, target, actor=admin)
    backup.restore(db, target, actor=admin)
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.sqlite3"]
    assert household_codes(db) == ["QD001-3-2-1201"]
    # The database restored from it is still a WAL database, as the program keeps it.
    assert db.sqlite_path is not None
    conn = sqlite3.connect(db.sqlite_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_a_backup_never_overwrites_a_file(tmp_path: Path, db: Database, admin: Actor) -> None:
    existing = tmp_path / "keep.sqlite3"
    existing.write_bytes(b"an older backup")
    with pytest.raises(backup.BackupRefused, match="already exists"):
        backup.backup(db, existing)
    assert existing.read_bytes() == b"an older backup"
    assert db.sqlite_path is not None
    with pytest.raises(backup.BackupRefused, match="itself"):
        backup.backup(db, db.sqlite_path)


def test_only_administrators_back_up_or_restore(tmp_path: Path, db: Database, admin: Actor) -> None:
    manager = make_user(db, admin, Role.MANAGER, "mgr")
    with pytest.raises(PermissionDenied):
        backup.backup(db, tmp_path / "b.sqlite3", actor=manager)
    assert not (tmp_path / "b.sqlite3").exists()
    with pytest.raises(PermissionDenied):
        backup.restore(db, tmp_path / "b.sqlite3", actor=manager)


def test_postgresql_is_pointed_to_its_own_tools(
    tmp_path: Path, any_db: Database, any_admin: Actor
) -> None:
    if any_db.is_sqlite:
        assert backup.backup(any_db, tmp_path / "b.sqlite3").size > 0
        return
    with pytest.raises(backup.BackupRefused, match="pg_dump --format=custom") as caught:
        backup.backup(any_db, tmp_path / "b.sqlite3")
    assert "postgresql://" in str(caught.value) and "+psycopg" not in str(caught.value)
    with pytest.raises(backup.BackupRefused, match="pg_restore"):
        backup.restore(any_db, tmp_path / "b.sqlite3")
    assert not (tmp_path / "b.sqlite3").exists()


def _not_wuye(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: None, "No such file"),
        (lambda p: p.write_text("name,phone\n"), "not an SQLite database"),
        (_not_wuye, "not a usable backup"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView, make, words
) -> None:
    source = tmp_path / "candidate.sqlite3"
    make(source)
    with pytest.raises(backup.BackupRefused, match=words):
        backup.restore(db, source)
    assert household_codes(db) == ["QD001-3-2-1201"]
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_refuses_a_backup_of_a_newer_program(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    source = tmp_path / "future.sqlite3"
    backup.backup(db, source)
    conn = sqlite3.connect(source)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    add_room(db, admin, community.id, "1202")
    with pytest.raises(backup.BackupRefused, match="newer version"):
        backup.restore(db, source)
    assert len(household_codes(db)) == 2


def test_a_backup_of_an_older_schema_is_upgraded(tmp_path: Path, db: Database) -> None:
    old = Database(str(tmp_path / "old.sqlite3"))
    migrate.upgrade(old, "0001")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO community (code, name, project_code, address, district, created_at,"
                " version) VALUES ('QD009', '老小区', '', '', '', '2020-01-01 00:00:00', 1)"
            )
        )
    old.dispose()
    info = backup.restore(db, tmp_path / "old.sqlite3")
    assert (info.revision, info.upgraded) == ("0001", True)
    assert migrate.current_revision(db) == migrate.head_revision()
    with db.read() as s:
        assert s.scalar(text("SELECT name FROM community")) == "老小区"
        assert s.scalar(select(func.count(AuditEntry.id))) == 1  # the restore itself


def test_a_backup_older_than_the_overviews_figures_has_them_counted_on_restore(
    tmp_path: Path, db: Database
) -> None:
    """Migration 0014 notes every order of the backup; the restore counts them, with progress,
    rather than leaving them to the overview (which would count them a little at a time)."""
    old = Database(str(tmp_path / "old.sqlite3"))
    orders_of_0013(old, 3)
    old.dispose()
    seen: list[tuple[int, int]] = []
    info = backup.restore(db, tmp_path / "old.sqlite3", progress=lambda *p: seen.append(p))
    assert (info.revision, info.upgraded, info.overview_counted) == ("0013", True, True)
    assert seen and seen[-1][0] == seen[-1][1] >= 3
    with db.read() as s:
        assert not summary.is_dirty(s)
    result = ov.overview(
        db, SYSTEM_ACTOR, ov.custom(today_local() - timedelta(days=7), today_local())
    )
    assert (result.uncounted, result.figure("reported").value) == (0, 3)


def test_wuye_restore_says_how_far_the_overviews_figures_are_counted(
    tmp_path: Path, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    old = Database(str(tmp_path / "old.sqlite3"))
    orders_of_0013(old, 2)
    old.dispose()
    assert main(["--db", str(db.sqlite_path), "restore", str(tmp_path / "old.sqlite3")]) == 0
    assert "Overview figures: 2 of 2 changes counted." in capsys.readouterr().err


def test_other_connections_see_the_restored_database(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    target = tmp_path / "b.sqlite3"
    backup.backup(db, target)
    add_room(db, admin, community.id, "1202")
    other = Database(db.url)  # a second desk's pool on the same file
    assert len(household_codes(other)) == 2
    backup.restore(db, target)
    assert household_codes(other) == ["QD001-3-2-1201"]
    other.dispose()


def test_a_damaged_database_can_be_restored(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    target = tmp_path / "b.sqlite3"
    backup.backup(db, target)
    path = db.sqlite_path
    assert path is not None
    db.dispose()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"\0" * 4096 * 3)  # overwritten by something else entirely
    info = backup.restore(db, target)
    assert info.previous_copy is not None and info.previous_copy.read_bytes()[:4] == b"\0" * 4
    assert household_codes(db) == ["QD001-3-2-1201"]
