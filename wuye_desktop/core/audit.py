"""The audit log: every change and every reveal of a full phone number, who and when."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select
from sqlalchemy.orm import Session

from wuye_desktop.core import staff_names
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.bulk_rows import insert_rows
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, User
from wuye_desktop.storage.prepared import Prepared


def _values(
    actor: Actor, action: str, entity: str, entity_id: object, detail: dict[str, Any], at: datetime
) -> dict[str, Any]:
    """One audit row's columns, the same for one entry and for many."""
    return {
        "at": at,
        "user_id": actor.user_id,
        "username": actor.username,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str = "",
    entity_id: object = "",
    **detail: Any,
) -> None:
    """Add an audit entry to the caller's transaction, so it commits with the change itself."""
    session.add(AuditEntry(**_values(actor, action, entity, entity_id, detail, now_utc())))


_INSERT = Prepared(
    lambda _dialect: insert(AuditEntry),
    ("at", "user_id", "username", "action", "entity", "entity_id", "detail"),
)


def record_now(
    connection: Connection,
    actor: Actor,
    action: str,
    entity: str = "",
    entity_id: object = "",
    **detail: Any,
) -> None:
    """The entry of :func:`record`, inserted at once on the transaction's connection: for a
    hot path (saving an order) that writes no ORM objects."""
    _INSERT.run(connection, _values(actor, action, entity, entity_id, detail, now_utc()))


def record_many(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entries: Sequence[tuple[object, dict[str, Any]]],
) -> None:
    """Entries as :func:`record` writes them, one per ``(entity_id, detail)``, in one INSERT
    of many rows, or COPY on PostgreSQL (imports that create thousands of records at once)."""
    if not entries:
        return
    at = now_utc()
    insert_rows(  # not the ORM's bulk path
        session.connection(),
        AuditEntry,
        [_values(actor, action, entity, entity_id, detail, at) for entity_id, detail in entries],
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    detail: str
    staff: str = ""  # who acted, by the name colleagues know (username is the login)
    object_name: str = ""  # a user the entry is about, by name ("" for other objects)


def _filtered(text: str) -> Any:
    stmt = select(AuditEntry.id)
    if text:
        # The log shows people by name, so a name finds their entries as the login does.
        named = select(User.username).where(User.display_name.contains(text, autoescape=True))
        # "%" and "_" are characters here, not wildcards.
        stmt = stmt.where(
            or_(
                AuditEntry.username.contains(text, autoescape=True),
                AuditEntry.username.in_(named),
                AuditEntry.action.contains(text, autoescape=True),
                AuditEntry.entity_id == text,
                AuditEntry.detail.contains(text, autoescape=True),
            )
        )
    return stmt


def audit_ids(db: Database, actor: Actor, text: str = "") -> list[int]:
    """Ids of matching entries, newest first (the lazy table fetches rows as they are shown)."""
    actor.require(Permission.AUDIT_READ)
    with db.read() as s:
        return list(s.scalars(_filtered(text).order_by(AuditEntry.id.desc())))


def audit_count(db: Database, actor: Actor) -> int:
    actor.require(Permission.AUDIT_READ)
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def audit_rows(db: Database, actor: Actor, ids: Sequence[int]) -> list[AuditRow]:
    """The entries of *ids*, with the people they name resolved once for all of them."""
    actor.require(Permission.AUDIT_READ)
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.id.in_(list(ids)))))
        by_login = staff_names.by_login(s, (e.username for e in entries))
        about = staff_names.by_id(
            s, (int(e.entity_id) for e in entries if e.entity == "user" and e.entity_id.isdigit())
        )
    found = {
        e.id: AuditRow(
            e.id,
            e.at,
            e.username,
            e.action,
            e.entity,
            e.entity_id,
            e.detail,
            by_login.get(e.username, e.username),
            _user_name(about, e) if e.entity == "user" else "",
        )
        for e in entries
    }
    return [found[i] for i in ids if i in found]


def _user_name(about: dict[int, tuple[str, str]], entry: AuditEntry) -> str:
    found = about.get(int(entry.entity_id)) if entry.entity_id.isdigit() else None
    return found[0] if found else ""
