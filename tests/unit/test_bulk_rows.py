"""storage.bulk_rows: many rows as an INSERT would write them, COPY on PostgreSQL included."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from wuye_desktop.storage.bulk_rows import insert_rows
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Community

NOW = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)


def _entry(n: int, at: datetime) -> dict[str, object]:
    return {
        "at": at,
        "user_id": None,
        "username": "admin",
        "action": "test.bulk",
        "entity": "x",
        "entity_id": str(n),
        "detail": '{"note": "含\\t制表符\\n和换行"}',
    }


def test_rows_come_back_as_given_with_their_ids_in_order(any_db: Database) -> None:
    at = NOW
    with any_db.transaction() as s:
        insert_rows(s.connection(), AuditEntry, [_entry(n, at) for n in range(3)])
        insert_rows(s.connection(), AuditEntry, [])
    with any_db.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [r.entity_id for r in rows] == ["0", "1", "2"]
    assert [r.id for r in rows] == list(range(rows[0].id, rows[0].id + 3))
    assert {(r.at, r.detail) for r in rows} == {(at, _entry(0, at)["detail"])}


def test_a_left_out_column_gets_its_default(any_db: Database) -> None:
    with any_db.transaction() as s:
        insert_rows(
            s.connection(), Community, [{"code": "QD009", "name": "默认", "created_at": NOW}]
        )
    with any_db.read() as s:
        c = s.scalars(select(Community)).one()
    assert (c.code, c.version, c.project_code, c.created_at) == ("QD009", 1, "", NOW)


def test_a_failing_row_is_the_usual_error_and_nothing_stays(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        insert_rows(s.connection(), Community, [{"code": "QD009", "name": "甲", "created_at": NOW}])
        insert_rows(
            s.connection(),
            Community,
            [
                {"code": "QD010", "name": "乙", "created_at": NOW},
                {"code": "QD009", "name": "重复", "created_at": NOW},
            ],
        )
    with any_db.read() as s:
        assert s.scalar(select(func.count(Community.id))) == 0
