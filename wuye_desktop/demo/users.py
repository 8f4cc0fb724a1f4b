"""The demo's users: one per role, with the passwords README lists."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from wuye_desktop.core.roles import Role
from wuye_desktop.core.users import hash_password
from wuye_desktop.demo.world import BASE_TIME
from wuye_desktop.storage.models import User

# (username, role, password, display name); README lists the same passwords.
DEMO_USERS: tuple[tuple[str, Role, str, str], ...] = (
    ("admin", Role.ADMIN, "admin1234", "系统管理员"),
    ("manager", Role.MANAGER, "manager1234", "王海涛"),
    ("desk", Role.DESK, "desk1234", "李晓雪"),
    ("finance", Role.FINANCE, "finance1234", "张丽娟"),
)


def add_users(s: Session) -> dict[Role, int]:
    """The demo users, one per role; their ids by role."""
    user_ids: dict[Role, int] = {}
    for i, (username, role, password, display) in enumerate(DEMO_USERS):
        user = User(
            username=username,
            display_name=display,
            role=role.value,
            password_hash=hash_password(password),
            created_at=BASE_TIME - timedelta(days=700 - i),
        )
        s.add(user)
        s.flush()
        user_ids[role] = user.id
    return user_ids
