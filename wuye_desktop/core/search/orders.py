"""A SearchQuery as SQL over work orders: one condition to add to the list's other filters.

Each kind becomes one set of order ids over indexes: the order's own keys through the text
index of its ``search_text`` (FTS5 on SQLite, a GIN index of ``to_tsvector`` on
PostgreSQL), and what belongs to households (owners' phones and names, rooms, codes) through
the directory's indexes, then the orders' household index. A community is its column.
How the set joins the list's other filters depends on its size (:data:`FEW_ORDERS`).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    any_,
    false,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from wuye_desktop.core.search.households import household_ids
from wuye_desktop.core.search.query import Kind, SearchHints, SearchQuery, parse
from wuye_desktop.core.settings import read_value
from wuye_desktop.storage import search_index
from wuye_desktop.storage.models import Community, Company, WorkOrder
from wuye_desktop.storage.search_keys import digits_key, name_key, word_phrase

FTS_TABLE = search_index.FTS_TABLE
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")


def hints(s: Session) -> SearchHints:
    """Community codes and names, the reporting URL template and the owners' page's address
    with its keys' lookup in *s*, for the parser."""
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    for cid, code, name in s.execute(select(Community.id, Community.code, Community.name)):
        codes[code.upper()] = cid
        names.setdefault(name, cid)
    template = s.scalar(select(Company.report_url_template).order_by(Company.id).limit(1)) or ""
    # Here, not at the top: core.portal files orders, and core.orders searches.
    from wuye_desktop.core.portal import config as portal_config
    from wuye_desktop.core.portal import keys as portal_keys

    page = read_value(s, portal_config.SETTINGS_KEY)
    page_url = str(page.get("public_url", "")) if isinstance(page, dict) else ""
    return SearchHints(
        codes, names, template, page_url, lambda kind, key: portal_keys.key_code(s, kind, key)
    )


def understand(s: Session, text: str) -> SearchQuery:
    if not text.strip():
        # No text, nothing to read the hints for: every page of an unsearched list asks, and
        # on a server each of the hints' three reads is a round trip.
        return SearchQuery(Kind.NONE)
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


# A text naming at most this many orders is answered from their ids, looked up one by one
# (a few tens of milliseconds at this many); one naming more is a membership test on the
# list's own index walk, newest first, which finds a page of common matches at once.
FEW_ORDERS = 2000
# Common description words are tested on each row the walk reads (a substring of the
# description or location: exactly what their keys mean, for words without case) rather than
# gathering every matching id first, which alone takes longer than the target.


def _words_in_row(q: SearchQuery) -> ColumnElement[bool] | None:
    """*q*'s words as substrings of the row, when that means what the keys mean: every
    character without case (Chinese, digits, punctuation), so no lower-casing is involved."""
    chars = "".join(q.words)
    if not chars or not all(
        unicodedata.category(c)[0] in "LNPS" and c.lower() == c == c.upper() for c in chars
    ):
        return None
    return and_(
        *(
            or_(
                WorkOrder.description.contains(w, autoescape=True),
                WorkOrder.location.contains(w, autoescape=True),
            )
            for w in q.words
        )
    )


def _walked_id() -> ColumnElement[Any]:
    """The order's id as SQLite must not use it to drive the query ("+id")."""
    return literal_column(f"+{WorkOrder.__tablename__}.id")


# Words found this often among the newest orders are common: tested row by row on the walk.
SAMPLE_ORDERS = 2000
COMMON_IN_SAMPLE = 40  # 2 %: a page of 200 within the newest 10,000 rows walked


def _common_words(s: Session, q: SearchQuery) -> ColumnElement[bool] | None:
    """For a name-or-words query whose words are common: the name through its keys and the
    owners, the words row by row. Decided on the newest orders, before any index is asked:
    PostgreSQL's text index alone takes seconds to gather a common word's rows."""
    words = _words_in_row(q)
    if q.kind is not Kind.NAME_OR_WORDS or words is None:
        return None
    newest = (
        select(WorkOrder.description, WorkOrder.location)
        .order_by(WorkOrder.reported_at.desc(), WorkOrder.id.desc())
        .limit(SAMPLE_ORDERS)
        .subquery()
    )
    sampled = newest.c
    condition = and_(
        *(or_(sampled.description.contains(w, autoescape=True),
              sampled.location.contains(w, autoescape=True)) for w in q.words)
    )  # fmt: skip
    seen = s.scalar(select(func.count()).select_from(newest).where(condition)) or 0
    if seen < COMMON_IN_SAMPLE:
        return None
    by_name = SearchQuery(Kind.NAME_OR_WORDS, q.value)
    named = _keyed_ids(s, by_name)
    homes = household_ids(by_name)
    assert named is not None and homes is not None
    sqlite = s.get_bind().dialect.name == "sqlite"
    return or_(
        (_walked_id() if sqlite else WorkOrder.id).in_(named),
        WorkOrder.household_id.in_(homes),
        words,
    )


def _among(s: Session, ids: list[int]) -> ColumnElement[bool]:
    """The order's id is one of *ids* (up to :data:`FEW_ORDERS` of them, read just now).

    On PostgreSQL one array literal in the statement rather than a bound parameter per id:
    expanding, sending and parsing a thousand parameters took more than the query itself (a
    3-digit number tail: 114 ms against a 40 ms floor), and a single array parameter would let
    a prepared statement's generic plan guess its length. The ids are integers read from the
    table, so the literal holds nothing typed by anyone.
    """
    if s.get_bind().dialect.name == "sqlite":
        return WorkOrder.id.in_(ids)
    array = "'{" + ",".join(str(int(i)) for i in ids) + "}'::integer[]"
    return WorkOrder.id == any_(literal_column(array))


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
    homes = household_ids(q)
    if homes is not None:
        parts.append(select(WorkOrder.id).where(WorkOrder.household_id.in_(homes)))
    if not parts:
        return false()
    common = _common_words(s, q)
    if common is not None:
        return common
    # One set of ids (UNION ALL, not an OR of two conditions, which no index serves whole).
    ids = parts[0] if len(parts) == 1 else union_all(*parts)
    found = list(s.scalars(ids.limit(FEW_ORDERS + 1)))
    if len(found) <= FEW_ORDERS:
        return _among(s, sorted(set(found))) if found else false()
    if s.get_bind().dialect.name == "sqlite":
        # "+id": SQLite must not drive the query from this set (thousands of ids, each read
        # and sorted) but test it against the rows the filters' index walks, newest first.
        return _walked_id().in_(ids)
    return WorkOrder.id.in_(ids)
