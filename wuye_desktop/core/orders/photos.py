"""Pictures of an order: the kinds and size accepted, adding one, and reading one back."""

from __future__ import annotations

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders._shared import event, load_checked
from wuye_desktop.core.orders.actions import Action, require_permission
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OrderPhoto

MAX_PHOTO_BYTES = 8 * 1024 * 1024
# Told by their first bytes, not by the file name a phone or a scanner gave them.
_PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}


def photo_mime(data: bytes) -> str | None:
    """``image/jpeg`` or ``image/png``, or None for anything else."""
    return next((m for sig, m in _PHOTO_TYPES.items() if data.startswith(sig)), None)


def photo_errors(data: bytes) -> list[FieldError]:
    if photo_mime(data) is None:
        return [FieldError("photo", QT_TRANSLATE_NOOP("core", "Only JPEG and PNG pictures"))]
    if len(data) > MAX_PHOTO_BYTES:
        return [FieldError("photo", QT_TRANSLATE_NOOP("core", "A picture may be at most 8 MB"))]
    return []


def add_photo(db: Database, actor: Actor, order_id: int, filename: str, data: bytes) -> int:
    require_permission(actor, Action.PHOTO)
    errors = photo_errors(data)
    if errors:
        raise ValidationError(errors)
    mime = photo_mime(data)
    assert mime is not None  # checked just above
    with db.transaction() as s:
        order = load_checked(s, Action.PHOTO, order_id)
        photo = OrderPhoto(
            order_id=order.id,
            filename=filename[-200:],
            mime=mime,
            data=data,
            username=actor.username,
        )
        s.add(photo)
        s.flush()
        event(s, actor, order, now_utc(), "photo", filename[-200:])
        audit.record(s, actor, "order.photo", "work_order", order.number, filename=filename)
        return photo.id


def photo_data(db: Database, actor: Actor, photo_id: int) -> tuple[str, str, bytes]:
    """A picture's file name, type and bytes."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        p = s.get(OrderPhoto, photo_id)
        if p is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such photo: {id}"), id=photo_id)
        return p.filename, p.mime, p.data
