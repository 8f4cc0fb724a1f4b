"""A SearchQuery as SQL over work orders: one condition to add to the list's other filters.

Each kind becomes ``work_order.id IN (…)`` over an index: the order's own keys through the
text index of its ``search_text`` (FTS5 on SQLite, a GIN index of ``to_tsvector`` on
PostgreSQL), and what belongs to households (owners' phones and names, rooms, codes) through
the directory's indexes, then the orders' household index. A community is its column.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, literal_column, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import InstrumentedAttribute, Session

from wuye_desktop.core.search.query import Kind, SearchHints, SearchQuery, parse
from wuye_desktop.storage import search_index
from wuye_desktop.storage.models import (
    Building,
    Community,
    Company,
    Household,
    Owner,
    Unit,
    WorkOrder,
)
from wuye_desktop.storage.search_keys import digits_key, name_key, word_phrase

FTS_TABLE = search_index.FTS_TABLE
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")


def hints(s: Session) -> SearchHints:
    """Community codes and names and the reporting URL template, for the parser."""
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    for cid, code, name in s.execute(select(Community.id, Community.code, Community.name)):
        codes[code.upper()] = cid
        names.setdefault(name, cid)
    template = s.scalar(select(Company.report_url_template).order_by(Company.id).limit(1)) or ""
    return SearchHints(codes, names, template)


def understand(s: Session, text: str) -> SearchQuery:
    return parse(text, hints(s))


# --- the text index, one query language per engine -----------------------------------------


def _fts5(q: SearchQuery) -> str:
    """The FTS5 query of the order's own keys (None-like "" when there is none)."""
    terms: list[str] = []
    if q.kind is Kind.DIGITS:
        terms += [digits_key("q", q.value) + "*", digits_key("r", q.value) + "*"]
    elif q.kind is Kind.NUMBER_TAIL:
        terms.append(digits_key("r", q.value) + "*")
    elif q.kind is Kind.NAME_OR_WORDS:
        terms.append(f'"{name_key(q.value)}"')
        if q.words:
            phrases = [f'"{" ".join(word_phrase(w))}"' for w in q.words]
            terms.append("(" + " AND ".join(phrases) + ")")
    return " OR ".join(terms)


def _tsquery(q: SearchQuery) -> str:
    terms: list[str] = []
    if q.kind is Kind.DIGITS:
        terms += [digits_key("q", q.value) + ":*", digits_key("r", q.value) + ":*"]
    elif q.kind is Kind.NUMBER_TAIL:
        terms.append(digits_key("r", q.value) + ":*")
    elif q.kind is Kind.NAME_OR_WORDS:
        terms.append(name_key(q.value))
        if q.words:
            phrases = ["(" + " <-> ".join(word_phrase(w)) + ")" for w in q.words]
            terms.append("(" + " & ".join(phrases) + ")")
    return " | ".join(terms)


def _keyed_ids(s: Session, q: SearchQuery) -> Select[Any] | None:
    """Ids of the orders whose own keys match, through the engine's text index."""
    if s.get_bind().dialect.name == "sqlite":
        match = _fts5(q)
        if not match:
            return None
        return (
            select(literal_column("rowid"))
            .select_from(sql_text(FTS_TABLE))
            .where(literal_column(FTS_TABLE).op("MATCH")(match))
        )
    query = _tsquery(q)
    if not query:
        return None
    vector = func.to_tsvector(_SIMPLE, WorkOrder.search_text)
    return select(WorkOrder.id).where(vector.bool_op("@@")(func.to_tsquery(_SIMPLE, query)))


# --- households ------------------------------------------------------------------------------


def _digit_prefix_range(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """Digit strings starting with *prefix*, as a range an index serves on any collation:
    between the prefix and the prefix with its last digit raised (no bound after 9…9)."""
    stripped = prefix.rstrip("9")
    if not stripped:
        return column >= prefix
    upper = stripped[:-1] + str(int(stripped[-1]) + 1)
    return and_(column >= prefix, column < upper)


def _household_ids(q: SearchQuery) -> Select[Any] | None:
    """Ids of the households the query names (their orders match)."""
    homes = (
        select(Household.id)
        .join(Unit, Unit.id == Household.unit_id)
        .join(Building, Building.id == Unit.building_id)
    )
    if q.kind is Kind.DIGITS:
        reversed_digits = q.value[::-1]
        return select(Owner.household_id).where(
            _digit_prefix_range(Owner.phone_key, reversed_digits)
        )
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


def order_condition(s: Session, q: SearchQuery) -> ColumnElement[bool] | None:
    """The condition on WorkOrder for *q*, or None when nothing was typed."""
    if q.kind is Kind.NONE:
        return None
    if q.kind is Kind.UNREADABLE:
        return false()
    if q.kind is Kind.ORDER_NUMBER:
        return WorkOrder.number == q.value
    if q.kind is Kind.COMMUNITY:
        return WorkOrder.community_id.in_(q.community_ids)
    parts: list[Select[Any]] = []
    keyed = _keyed_ids(s, q)
    if keyed is not None:
        parts.append(keyed)
    homes = _household_ids(q)
    if homes is not None:
        parts.append(select(WorkOrder.id).where(WorkOrder.household_id.in_(homes)))
    if not parts:
        return false()
    if len(parts) == 1:
        return WorkOrder.id.in_(parts[0])
    return or_(*(WorkOrder.id.in_(p) for p in parts))
