"""A SearchQuery as SQL over households: the same reading of the text as the order list's
(:func:`~wuye_desktop.core.search.query.parse`), for intake and the directory.

What a text names among households, each through an index (200,000 households answer in
a few milliseconds): an owner's phone or its last 4+ digits (the reversed-digit
``owner.phone_key``), an owner's exact name, a room as building-unit-room, a household code
or its prefix at part boundaries, a community, a scanned household or building code, and a
scanned or typed order number (that order's household). An order-number tail and words of a
description name orders, not homes: they find no household here, and the label says what
was read. :func:`household_ids` is also what the order search joins its orders to.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, select
from sqlalchemy.orm import InstrumentedAttribute

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.search.query import Kind, SearchQuery
from wuye_desktop.storage.models import Building, Community, Household, Owner, Unit, WorkOrder

# Where households give a kind another meaning than orders do, its label says so.
_LABELS = {
    Kind.ORDER_NUMBER: QT_TRANSLATE_NOOP("core", "Household of order {value}"),
    Kind.DIGITS: QT_TRANSLATE_NOOP("core", "Phone ending {value}"),
    Kind.NUMBER_TAIL: QT_TRANSLATE_NOOP("core", "{value}: a phone number needs 4 digits or more"),
    Kind.NAME_OR_WORDS: QT_TRANSLATE_NOOP("core", "Owner named {value}"),
}


def label_template(q: SearchQuery) -> str:
    """The label of *q* read as a household search (its parameters are ``q.label_params``)."""
    return _LABELS.get(q.kind, q.label_template)


def _digit_prefix_range(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """Digit strings starting with *prefix*, as a range an index serves on any collation:
    between the prefix and the prefix with its last digit raised (no bound after 9…9)."""
    stripped = prefix.rstrip("9")
    if not stripped:
        return column >= prefix
    upper = stripped[:-1] + str(int(stripped[-1]) + 1)
    return and_(column >= prefix, column < upper)


def owners_with_phone_ending(digits: str) -> Select[Any]:
    """Households whose owner's phone ends in *digits*, through the reversed-digit key."""
    return select(Owner.household_id).where(_digit_prefix_range(Owner.phone_key, digits[::-1]))


def household_ids(q: SearchQuery) -> Select[Any] | None:
    """Ids of the households *q* names by what belongs to them (owners, rooms, codes); None
    for the kinds that name no household by itself (what the order search reads elsewhere)."""
    homes = (
        select(Household.id)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
    )
    if q.kind is Kind.DIGITS:
        return owners_with_phone_ending(q.value)
    if q.kind is Kind.NAME_OR_WORDS:
        return select(Owner.household_id).where(Owner.name == q.value)
    if q.kind is Kind.HOUSEHOLD:
        return select(Household.id).where(Household.code == q.value)
    if q.kind is Kind.ROOM:
        building, unit, room = q.parts
        return homes.where(Building.number == building, Unit.number == unit, Household.room == room)
    if q.kind is Kind.CODE_PREFIX:
        community, *rest = q.parts
        stmt = homes.join(Community, Community.id == Building.community_id).where(
            Community.code == community, Building.number == rest[0]
        )
        return stmt.where(Unit.number == rest[1]) if len(rest) > 1 else stmt
    return None


def household_condition(q: SearchQuery) -> ColumnElement[bool] | None:
    """The condition on Household for *q*, or None when nothing was typed."""
    if q.kind is Kind.NONE:
        return None
    if q.kind is Kind.COMMUNITY:
        return Household.community_id.in_(q.community_ids)
    if q.kind is Kind.ORDER_NUMBER:
        return Household.id.in_(
            select(WorkOrder.household_id).where(
                WorkOrder.number == q.value, WorkOrder.household_id.is_not(None)
            )
        )
    ids = household_ids(q)
    return false() if ids is None else Household.id.in_(ids)
