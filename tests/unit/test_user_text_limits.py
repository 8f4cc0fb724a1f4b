"""A user's display name has the limit of its column, said by the core on both engines (on
PostgreSQL a longer one used to be a database error with a traceback)."""

from __future__ import annotations

import pytest

from wuye_desktop.core import users
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database


def test_a_display_name_longer_than_its_column_is_refused(
    any_db: Database, any_admin: Actor
) -> None:
    longest = "李" * users.MAX_DISPLAY_NAME
    with pytest.raises(ValidationError) as caught:
        users.create_user(
            any_db, any_admin, username="lixx", display_name=longest + "李",
            role=Role.DESK, password="desk-pass-1",
        )  # fmt: skip
    assert [e.field for e in caught.value.errors] == ["display_name"]
    assert [u.username for u in users.list_users(any_db, any_admin)] == ["admin"]
    row = users.create_user(
        any_db, any_admin, username="lixx", display_name=longest, role=Role.DESK,
        password="desk-pass-1",
    )  # fmt: skip
    assert row.display_name == longest
    with pytest.raises(ValidationError):
        users.update_user(
            any_db, any_admin, row.id, display_name=longest + "李", role=Role.DESK, active=True
        )
    assert users.list_users(any_db, any_admin)[-1].display_name == longest
