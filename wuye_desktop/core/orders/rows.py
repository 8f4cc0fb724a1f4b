"""Work orders as rows of a list: a page of the filtered list (:mod:`.list_query` gives the
ids), a household's orders beside intake, and its open orders of one category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.orders.status import OPEN_VALUES
from wuye_desktop.core.orders.urgency import Urgency, urgency
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import due_soon_minutes
from wuye_desktop.core.validation import mask_phone
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Building, Community, Household, Unit, WorkOrder


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    status: str
    tier: str
    category: str
    channel: str
    source: str
    community: str
    place: str  # 3-2-1201, or the common-area location
    description: str
    caller_phone: str  # always masked in lists
    handler: str
    reported_at: datetime
    completion_due: datetime | None
    paused: bool
    urgency: Urgency
    version: int
    # The earliest deadline of the regulator's supervision notices (督办), if any.
    supervision_due: datetime | None = None


def places(s: Session, household_ids: set[int]) -> dict[int, str]:
    """Each household's place as lists show it: building-unit-room (3-2-1201)."""
    if not household_ids:
        return {}
    rows = s.execute(
        select(Household.id, Building.number, Unit.number, Household.room)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(Household.id.in_(household_ids))
    )
    return {hid: f"{b}-{u}-{r}" for hid, b, u, r in rows}


def order_rows(
    db: Database, actor: Actor, ids: Sequence[int], now: datetime | None = None
) -> list[OrderRow]:
    """The rows of *ids*, in that order (a page of the lazy list)."""
    actor.require(Permission.WORK_ORDERS_READ)
    wanted = list(ids)
    if not wanted:
        return []
    now = now or now_utc()
    with db.read() as s:
        soon = timedelta(minutes=due_soon_minutes(s))
        orders = list(s.scalars(select(WorkOrder).where(WorkOrder.id.in_(wanted))))
        names = dict(s.execute(select(Community.id, Community.name)).all())
        place_of = places(s, {o.household_id for o in orders if o.household_id is not None})
        rows = {
            o.id: OrderRow(
                o.id,
                o.number,
                o.status,
                o.tier,
                o.category,
                o.channel,
                o.source,
                names.get(o.community_id, ""),
                place_of.get(o.household_id, "") if o.household_id is not None else o.location,
                o.description,
                mask_phone(o.caller_phone),
                o.handler,
                o.reported_at,
                o.completion_due,
                o.paused_since is not None,
                urgency(o, now, soon),
                o.version,
                o.supervision_due,
            )
            for o in orders
        }
    return [rows[i] for i in wanted if i in rows]


def household_orders(
    db: Database, actor: Actor, household_id: int, limit: int = 20
) -> list[OrderRow]:
    """A household's open orders first, then its most recent ones (shown beside intake)."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        is_open = WorkOrder.status.in_(OPEN_VALUES)
        ids = list(
            s.scalars(
                select(WorkOrder.id)
                .where(WorkOrder.household_id == household_id)
                .order_by(is_open.desc(), WorkOrder.reported_at.desc())
                .limit(limit)
            )
        )
    return order_rows(db, actor, ids)


def open_duplicates(db: Database, actor: Actor, household_id: int, category: str) -> list[str]:
    """Numbers of the household's open orders of this category: intake warns about them."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        return list(
            s.scalars(
                select(WorkOrder.number).where(
                    WorkOrder.household_id == household_id,
                    WorkOrder.category == category,
                    WorkOrder.status.in_(OPEN_VALUES),
                )
            )
        )
