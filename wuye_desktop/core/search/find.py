"""The search as one service call, for scripts and administrators (``wuye order find``): what
was understood and the matching orders, newest first, each with what identifies it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from wuye_desktop.core.finding import find_community
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.search.orders import order_condition, understand
from wuye_desktop.core.search.query import SearchQuery
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, Household, WorkOrder


@dataclass(frozen=True)
class FoundOrder:
    number: str
    status: str
    community: str  # code
    household: str  # code, "" for a common-area order


@dataclass(frozen=True)
class Found:
    query: SearchQuery
    orders: tuple[FoundOrder, ...]


def find_orders(
    db: Database,
    actor: Actor,
    text: str,
    statuses: Sequence[str] = (),
    community: str | None = None,
    limit: int = 100,
) -> Found:
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        query = understand(s, text)
        stmt = (
            select(WorkOrder.number, WorkOrder.status, Community.code, Household.code)
            .join(Community, Community.id == WorkOrder.community_id)
            .outerjoin(Household, Household.id == WorkOrder.household_id)
        )
        condition = order_condition(s, query)
        if condition is not None:
            stmt = stmt.where(condition)
        if statuses:
            stmt = stmt.where(WorkOrder.status.in_(list(statuses)))
        if community is not None:
            stmt = stmt.where(WorkOrder.community_id == find_community(s, community).id)
        stmt = stmt.order_by(WorkOrder.reported_at.desc(), WorkOrder.id.desc()).limit(limit)
        rows = tuple(FoundOrder(n, st, c, h or "") for n, st, c, h in s.execute(stmt))
    return Found(query, rows)
