"""Work orders as rows of a list: a page of the filtered list (:mod:`.list_query` gives the
ids), a household's orders beside intake, and its open orders of one category."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

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

R = TypeVar("R")


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


class Whereabouts:
    """Where each of some orders is, as lists show it: its community's name, and the
    household's place (3-2-1201) or, for a common area, the location the caller gave.
    Read once for a whole page of rows."""

    def __init__(self, s: Session, orders: Sequence[WorkOrder]) -> None:
        self._names = dict(s.execute(select(Community.id, Community.name)).all())
        self._place_of = places(s, {o.household_id for o in orders if o.household_id is not None})

    def community(self, o: WorkOrder) -> str:
        return self._names.get(o.community_id, "")

    def place(self, o: WorkOrder) -> str:
        if o.household_id is None:
            return o.location
        return self._place_of.get(o.household_id, "")


def orders_of(s: Session, ids: Sequence[int]) -> list[WorkOrder]:
    """The orders of a page of a lazy list, in no particular order (:func:`in_order` puts the
    rows made of them back in the list's order)."""
    return list(s.scalars(select(WorkOrder).where(WorkOrder.id.in_(ids))))


def in_order(ids: Sequence[int], rows: Mapping[int, R]) -> list[R]:
    """The rows of *ids* in that order, leaving out those no longer there (deleted since)."""
    return [rows[i] for i in ids if i in rows]


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
        orders = orders_of(s, wanted)
        where = Whereabouts(s, orders)
        rows = {
            o.id: OrderRow(
                o.id,
                o.number,
                o.status,
                o.tier,
                o.category,
                o.channel,
                o.source,
                where.community(o),
                where.place(o),
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
    return in_order(wanted, rows)


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
