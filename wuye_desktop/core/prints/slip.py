"""Printing the work-order slip (维修派工单): audited, counted nowhere.

The caller's phone is masked unless the company chose the full number for the kind of
handler the order went to (``core/slip_phone``) and the printing user may see it on the
order (DESIGN §5); every slip that carries the full number is a reveal in the audit log.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.prints.order_facts import LoadedOrder, load_order
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.slip_phone import handler_kind, read_choice
from wuye_desktop.documents.output import write_atomic
from wuye_desktop.documents.slip import render_slip
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import WorkOrder


def _full_phone(db: Database, actor: Actor, loaded: LoadedOrder) -> str:
    """The number to print in full, or "" to keep the masked one."""
    if not actor.can(Permission.PHONE_REVEAL_ON_ORDER):
        return ""
    with db.read() as s:
        if not read_choice(s).full_for(handler_kind(loaded.detail.row.channel)):
            return ""
        phone = s.scalar(select(WorkOrder.caller_phone).where(WorkOrder.id == loaded.detail.id))
    return phone or ""


def slip_pdf(db: Database, actor: Actor, order: int | str) -> bytes:
    """The slip of an order (id, number or ``WUYE:W:`` payload); printing is audited."""
    loaded = load_order(db, actor, order)
    facts = loaded.facts()
    full = _full_phone(db, actor, loaded)
    if full:
        facts = replace(facts, caller_phone=full)
    data = render_slip(facts, now_utc(), full_phone=bool(full))
    row = loaded.detail.row
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "document.print",
            "work_order",
            loaded.number,
            document="slip",
            phone="full" if full else "masked",
        )
        if full:
            audit.record(
                s,
                actor,
                "phone.reveal",
                "work_order",
                loaded.number,
                document="slip",
                handler=row.handler,
                handler_kind=handler_kind(row.channel).value,
            )
    return data


def write_slip(db: Database, actor: Actor, path: Path | str, order: int | str) -> Path:
    return write_atomic(path, slip_pdf(db, actor, order))
