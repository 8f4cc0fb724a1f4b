"""Printing the weekly list of unfinished work (每周五16:00前督办单): audited, counted nowhere."""

from __future__ import annotations

from pathlib import Path

from wuye_desktop.core import audit, directory, orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.output import write_atomic
from wuye_desktop.documents.weekly import WeeklyDocument, WeeklyRow, WeeklySection, render_weekly
from wuye_desktop.storage.db import Database


def _row(r: orders.OrderRow) -> WeeklyRow:
    return WeeklyRow(
        number=r.number,
        place=r.place,
        category=r.category,
        tier=r.tier,
        description=r.description,
        reported_at=r.reported_at,
        completion_due=r.completion_due,
        status=r.status,
        handler=r.handler,
        channel=r.channel,
    )


def load_weekly(
    db: Database,
    actor: Actor,
    week: str | None = None,
    community: str | int | None = None,
    progress: Progress | None = None,
) -> WeeklyDocument:
    """The list of *week* (this week by default) for one community or all of them."""
    actor.require(Permission.DOCUMENTS_PRINT)
    week = (week or orders.current_week()).upper()
    cutoff = orders.week_cutoff(week)
    if community is not None:
        communities = [directory.get_community(db, actor, community)]
    else:
        communities = directory.list_communities(db, actor)
    sections: list[WeeklySection] = []
    for done, c in enumerate(communities, start=1):
        found = orders.weekly_unfinished(db, actor, week, c.id)
        rows: list[WeeklyRow] = []
        ids = list(found.order_ids)
        for start in range(0, len(ids), 500):
            rows += [_row(r) for r in orders.order_rows(db, actor, ids[start : start + 500])]
        sections.append(WeeklySection(c.code, c.name, tuple(rows)))
        if progress is not None:
            progress(done, len(communities))
    return WeeklyDocument(company_name(db), week, cutoff, tuple(sections))


def weekly_pdf(
    db: Database,
    actor: Actor,
    week: str | None = None,
    community: str | int | None = None,
    progress: Progress | None = None,
) -> bytes:
    doc = load_weekly(db, actor, week, community, progress)
    data = render_weekly(WeeklyDocument(doc.company, doc.week, doc.cutoff, doc.sections, now_utc()))
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "document.print",
            "week",
            doc.week,
            document="weekly",
            communities=[x.community_code for x in doc.sections],
            orders=sum(len(x.rows) for x in doc.sections),
        )
    return data


def write_weekly(
    db: Database,
    actor: Actor,
    path: Path | str,
    week: str | None = None,
    community: str | int | None = None,
    progress: Progress | None = None,
) -> Path:
    return write_atomic(path, weekly_pdf(db, actor, week, community, progress))
