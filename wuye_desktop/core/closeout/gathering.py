"""Gathering a household's in-home work orders onto its close-out list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.clock import to_local
from wuye_desktop.core.closeout._shared import find_household, new_item
from wuye_desktop.core.closeout.records import ItemInput, ItemView, Origin, item_view
from wuye_desktop.core.orders import Status
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.vocab import COMMON_AREA_CATEGORIES
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    ChannelContact,
    CloseoutItem,
    Commitment,
    OrderEvent,
    User,
    WorkOrder,
)


def gather_from_orders(db: Database, actor: Actor, household: int | str) -> list[ItemView]:
    """Add the household's in-home orders not yet on its list (cancelled ones and common-area
    problems it reported excepted); the new items.

    An item takes the order's description, its commitment's responsible unit (else the unit of
    the channel it was sent to) and its completion deadline. A closed order's item is closed on
    the day the order was, by the user who closed it.
    """
    actor.require(Permission.DOCUMENTS_ISSUE)
    with db.transaction() as s:
        h = find_household(s, household, lock=True)
        taken = select(CloseoutItem.order_id).where(CloseoutItem.order_id.is_not(None))
        orders = list(
            s.scalars(
                select(WorkOrder)
                .where(
                    WorkOrder.household_id == h.id,
                    WorkOrder.status != Status.CANCELLED.value,
                    WorkOrder.category.not_in([c.value for c in COMMON_AREA_CATEGORIES]),
                    WorkOrder.id.not_in(taken),
                )
                .order_by(WorkOrder.reported_at, WorkOrder.id)
            )
        )
        units = dict(
            s.execute(
                select(ChannelContact.channel, ChannelContact.unit_name).where(
                    ChannelContact.community_id == h.community_id
                )
            ).all()
        )
        added: list[ItemView] = []
        for o in orders:
            promise = s.scalar(select(Commitment).where(Commitment.order_id == o.id))
            item = new_item(
                s,
                actor,
                h.id,
                ItemInput(
                    item=o.description,
                    location=o.location,
                    responsible_unit=(
                        promise.responsible_unit if promise else units.get(o.channel, "")
                    ),
                    deadline=(
                        date.fromisoformat(promise.promised_date)
                        if promise
                        else to_local(o.completion_due).date()
                    ),
                    origin=Origin.ORDER.value,
                ),
            )
            item.order_id = o.id
            if o.status == Status.CLOSED.value and o.closed_at is not None:
                closer = s.execute(
                    select(OrderEvent.username, User.display_name)
                    .outerjoin(User, User.id == OrderEvent.user_id)
                    .where(OrderEvent.order_id == o.id, OrderEvent.status == Status.CLOSED.value)
                    .order_by(OrderEvent.id.desc())
                    .limit(1)
                ).first()
                item.closed_on = to_local(o.closed_at).date().isoformat()
                item.checker = (closer[1] or closer[0]) if closer else ""
            s.flush()
            added.append(item_view(item, o.number))
        audit.record(
            s,
            actor,
            "closeout.gather",
            "household",
            h.code,
            orders=[v.order_number for v in added],
        )
        return added
