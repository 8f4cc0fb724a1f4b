"""The names colleagues know staff by, for lists that record logins or user ids.

Timelines, callbacks and the audit log store who acted by login (``desk``) or user id, which
nobody at the desk or on a printed form recognises. A list resolves all its people at once:
one query per list, never one per row. A user without a display name, or one no longer in the
table, keeps the login (or the id) so a row never goes blank.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.storage.models import User


def by_login(session: Session, usernames: Iterable[str]) -> dict[str, str]:
    """Display name per login, for every non-empty login in *usernames*."""
    wanted = {u for u in usernames if u}
    names = {u: u for u in wanted}
    if wanted:
        for username, name in session.execute(
            select(User.username, User.display_name).where(User.username.in_(wanted))
        ):
            names[username] = name.strip() or username
    return names


def by_id(session: Session, user_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(display name, login) per user id found; ids not in the table are left out."""
    wanted = set(user_ids)
    if not wanted:
        return {}
    return {
        user_id: (name.strip() or username, username)
        for user_id, username, name in session.execute(
            select(User.id, User.username, User.display_name).where(User.id.in_(wanted))
        )
    }
