"""Printing a household's close-out list (销项表): audited, counted nowhere."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wuye_desktop.core import audit, directory
from wuye_desktop.core import closeout as core
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.vocab import Channel
from wuye_desktop.documents.closeout import CloseoutRow, CloseoutSheet, render_closeout
from wuye_desktop.documents.output import write_atomic
from wuye_desktop.storage.db import Database


def load_sheet(db: Database, actor: Actor, household: int | str) -> CloseoutSheet:
    listing = core.list_items(db, actor, household)
    h = listing.household
    # The 建设单位 is the developer that the community's third reporting channel names.
    channels = directory.get_community(db, actor, h.community_id).channels
    developer = next((c.unit_name for c in channels if c.channel == Channel.DEVELOPER), "")
    return CloseoutSheet(
        company=company_name(db),
        community=h.community_name,
        household_code=h.code,
        place=f"{h.building}号楼 {h.unit}单元 {h.room}室",
        owners="、".join(o.name for o in h.owners),
        area_m2=h.area_m2,
        rows=tuple(
            CloseoutRow(
                i.seq,
                i.item,
                i.location,
                i.origin,
                i.responsible_unit,
                i.deadline,
                i.closed_on,
                i.checker,
                i.order_number,
                i.note,
            )
            for i in listing.items
        ),
        developer=developer,
    )


def closeout_pdf(db: Database, actor: Actor, household: int | str) -> bytes:
    """A household's close-out list (by id, code or ``WUYE:H:`` payload); printing is audited."""
    actor.require(Permission.DOCUMENTS_PRINT)
    sheet = load_sheet(db, actor, household)
    data = render_closeout(replace(sheet, printed_at=now_utc()))
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "document.print",
            "household",
            sheet.household_code,
            document="closeout",
            items=len(sheet.rows),
        )
    return data


def write_closeout(db: Database, actor: Actor, path: Path | str, household: int | str) -> Path:
    return write_atomic(path, closeout_pdf(db, actor, household))
