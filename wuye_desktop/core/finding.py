"""Finding a stored record inside a transaction, for every part of core: a community by its
code or id, and the check that a record is still the version the user saw.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core.errors import ConcurrentEdit, NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage.models import Community


def check_version(current: int, expected: int | None) -> None:
    """Refuse a change to a record somebody saved since the user read it (*expected*);
    ``None`` asks for no check."""
    if expected is not None and current != expected:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP(
                "core",
                "Somebody else saved this record first. It has been reloaded; "
                "please make your change again.",
            )
        )


def find_community(s: Session, code_or_id: str | int) -> Community:
    if isinstance(code_or_id, int):
        c = s.get(Community, code_or_id)
    else:
        c = s.scalar(select(Community).where(Community.code == code_or_id.strip().upper()))
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code_or_id)
    return c
