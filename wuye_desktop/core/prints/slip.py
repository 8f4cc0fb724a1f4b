"""Printing the work-order slip (维修派工单): audited, counted nowhere."""

from __future__ import annotations

from pathlib import Path

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.prints.order_facts import load_order
from wuye_desktop.core.roles import Actor
from wuye_desktop.documents.output import write_atomic
from wuye_desktop.documents.slip import render_slip
from wuye_desktop.storage.db import Database


def slip_pdf(db: Database, actor: Actor, order: int | str) -> bytes:
    """The slip of an order (id, number or ``WUYE:W:`` payload); printing is audited."""
    loaded = load_order(db, actor, order)
    data = render_slip(loaded.facts(), now_utc())
    with db.transaction() as s:
        audit.record(s, actor, "document.print", "work_order", loaded.number, document="slip")
    return data


def write_slip(db: Database, actor: Actor, path: Path | str, order: int | str) -> Path:
    return write_atomic(path, slip_pdf(db, actor, order))
