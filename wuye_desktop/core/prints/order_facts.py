"""What the order documents (letter, slip, callback form) read about one order.

Loaded through the core's own queries, so roles and phone masking apply as everywhere else,
then handed to ``documents`` as its plain :class:`~wuye_desktop.documents.facts.OrderFacts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.facts import CallbackFacts, CommitmentFacts, OrderFacts
from wuye_desktop.storage.db import Database


@dataclass(frozen=True)
class LoadedOrder:
    company: str
    community: directory.CommunityView
    detail: orders.OrderDetail
    household: directory.HouseholdView | None
    staff_names: dict[str, str] = field(default_factory=dict)  # login name -> display name

    @property
    def number(self) -> str:
        return self.detail.row.number

    @property
    def place(self) -> str:
        """3号楼 2单元 1201室, or the common-area place."""
        h = self.household
        if h is None:
            return self.detail.location or self.detail.row.place
        return f"{h.building}号楼 {h.unit}单元 {h.room}室"

    @property
    def owner_names(self) -> str:
        h = self.household
        return "、".join(o.name for o in h.owners) if h is not None else ""

    def facts(self) -> OrderFacts:
        d = self.detail
        row = d.row
        c = d.commitment
        return OrderFacts(
            company=self.company,
            community_name=self.community.name,
            number=row.number,
            status=row.status,
            tier=row.tier,
            category=row.category,
            channel=row.channel,
            source=row.source,
            place=self.place,
            contact_name=d.caller_name or self.owner_names,
            caller_phone=row.caller_phone,
            handler=row.handler,
            description=row.description,
            reported_at=row.reported_at,
            response_due=d.response_due,
            completion_due=row.completion_due,
            completed_at=d.completed_at,
            # The last completion's note: a reopened order's latest work is what was checked.
            completion_note=next(
                (
                    e.note
                    for e in reversed(d.timeline)
                    if e.kind == "status" and e.status == "completed"
                ),
                "",
            ),
            commitment=None
            if c is None
            else CommitmentFacts(
                c.number, c.plan, c.promised_date, c.responsible_unit, c.responsible_person
            ),
            callbacks=tuple(
                CallbackFacts(
                    cb.at,
                    cb.method,
                    cb.satisfaction,
                    cb.person_reached,
                    cb.comment,
                    self.staff_names.get(cb.username, cb.username),
                )
                for cb in d.callbacks
            ),
        )


def load_order(db: Database, actor: Actor, order: int | str) -> LoadedOrder:
    """One order by id, number or scanned ``WUYE:W:`` payload (NotFound names it otherwise)."""
    actor.require(Permission.DOCUMENTS_PRINT)
    detail = orders.get_order(db, actor, order)
    community = directory.get_community(db, actor, detail.community_id)
    household = (
        directory.get_household(db, actor, detail.household_id)
        if detail.household_id is not None
        else None
    )
    staff = users.display_names(db, actor, (cb.username for cb in detail.callbacks))
    return LoadedOrder(company_name(db), community, detail, household, staff)
