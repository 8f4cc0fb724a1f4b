"""Helpers every part of the directory uses: the sort key of numbers, the "Required" message,
the household QR prefix, the stale-version check and finding a community by code or id.

Private to the package (its public names are re-exported by ``directory``).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core.errors import ConcurrentEdit, NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage.models import Community

REQUIRED = QT_TRANSLATE_NOOP("core", "Required")
QR_HOUSEHOLD_PREFIX = "WUYE:H:"


def sort_key(number: str) -> str:
    """Numbers inside building, unit and room numbers sort as numbers: 2 < 10 < 10A."""
    return re.sub(r"\d+", lambda m: m.group().zfill(6), number.upper())[:24]


def _stale() -> ConcurrentEdit:
    return ConcurrentEdit(
        QT_TRANSLATE_NOOP(
            "core",
            "Somebody else saved this record first. It has been reloaded; "
            "please make your change again.",
        )
    )


def check_version(current: int, expected: int | None) -> None:
    if expected is not None and current != expected:
        raise _stale()


def find_community(s: Session, code_or_id: str | int) -> Community:
    if isinstance(code_or_id, int):
        c = s.get(Community, code_or_id)
    else:
        c = s.scalar(select(Community).where(Community.code == code_or_id.strip().upper()))
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code_or_id)
    return c
