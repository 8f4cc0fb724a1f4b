"""The handler a dispatch names: one picked from the staff directory (linked by id), or a name
typed freely, which is linked too when it is exactly one active person of that community and
channel. Kept apart from the rest of the package because the order moves import it."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage.models import Staff


def _refused(template: str, **params: str) -> ValidationError:
    return ValidationError([FieldError("handler", template, params)])


def resolve_handler(
    s: Session, community_id: int, channel: str, handler: str, handler_id: int | None
) -> tuple[str, int | None]:
    """(the name shown on the order, the staff id or None) for a dispatch of an order of
    *community_id* to *channel*; refused at the field ``handler`` when the person picked can
    no longer take it."""
    if handler_id is not None:
        person = s.get(Staff, handler_id)
        if person is None or not person.active:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "core", "No longer in the staff directory: pick somebody else or type a name"
                )
            )
        if person.community_id is not None and person.community_id != community_id:
            raise _refused(
                QT_TRANSLATE_NOOP("core", "{name} works in another community"), name=person.name
            )
        if person.channel != channel:
            raise _refused(
                QT_TRANSLATE_NOOP("core", "{name} works for another channel"), name=person.name
            )
        return person.name, person.id
    name = handler.strip()
    matches = s.scalars(
        select(Staff.id)
        .where(
            Staff.active.is_(True),
            Staff.channel == channel,
            or_(Staff.community_id == community_id, Staff.community_id.is_(None)),
            func.lower(Staff.name) == name.lower(),
        )
        .limit(2)
    ).all()
    # Two people of one name: which one is meant is not for the program to guess.
    return name, matches[0] if len(matches) == 1 else None
