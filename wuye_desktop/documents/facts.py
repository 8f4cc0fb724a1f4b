"""What the order documents (letter, slip, callback form) read about one order.

Loaded through the core's own queries, so roles and phone masking apply as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from wuye_desktop.core import directory
from wuye_desktop.core import order_queries as q
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.output import company_name
from wuye_desktop.storage.db import Database


@dataclass(frozen=True)
class OrderFacts:
    company: str
    community_code: str
    community_name: str
    detail: q.OrderDetail
    household: directory.HouseholdView | None

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

    @property
    def contact_name(self) -> str:
        return self.detail.caller_name or self.owner_names


def order_facts(db: Database, actor: Actor, order: int | str) -> OrderFacts:
    """One order by id, number or scanned ``WUYE:W:`` payload (NotFound names it otherwise)."""
    actor.require(Permission.DOCUMENTS_PRINT)
    detail = q.get_order(db, actor, order)
    community = directory.get_community(db, actor, detail.community_id)
    household = (
        directory.get_household(db, actor, detail.household_id)
        if detail.household_id is not None
        else None
    )
    return OrderFacts(company_name(db), community.code, community.name, detail, household)
