"""``%`` and ``_`` typed into any search box are plain characters (DESIGN §3, Search), on SQLite
and on PostgreSQL: the directory, the ledger register and the audit log."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import make_user
from wuye_desktop.core import audit, directory, orders
from wuye_desktop.core.ledger import queries, services
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database

OWNERS = {
    ("3", "2", "1201"): "张三",
    ("3", "1", "101"): "李_四",
    ("5", "1", "502"): "王%五",
    ("7", "1", "701"): "赵六",
}


@pytest.fixture
def households(any_db: Database, any_admin: Actor) -> dict[str, int]:
    """Owner name → household id, in community QD001."""
    c = directory.create_community(
        any_db, any_admin, directory.CommunityInput(code="QD001", name="海尔云谷", project_code="")
    )
    ids = {}
    for i, ((b, u, r), name) in enumerate(OWNERS.items()):
        phone = f"1381234{i:04d}"
        h = directory.create_household(
            any_db,
            any_admin,
            c.id,
            directory.HouseholdInput(b, u, r, [directory.OwnerInput(name, phone)]),
        )
        ids[name] = h.id
    return ids


def search(db: Database, actor: Actor, text: str) -> set[int]:
    return set(directory.search_household_ids(db, actor, text))


@pytest.mark.parametrize(
    ("typed", "owners"),
    [
        ("%", []),  # a name is a whole name: "%" is no one's
        ("_", []),
        ("王%五", ["王%五"]),
        ("李_四", ["李_四"]),
        ("张_", []),  # not "张三"
        ("QD001-3-_", []),  # a code prefix: not QD001-3-1-101 or QD001-3-2-1201
        ("QD001-3-%", []),
        ("QD001-3-2", ["张三"]),  # a real prefix still works
        ("%-1-101", []),  # not a room either
    ],
)
def test_directory_search_takes_percent_and_underscore_literally(
    any_db: Database, any_admin: Actor, households: dict[str, int], typed: str, owners: list[str]
) -> None:
    assert search(any_db, any_admin, typed) == {households[o] for o in owners}


def test_ledger_register_search_takes_them_literally(any_db: Database, any_admin: Actor) -> None:
    directory.create_community(
        any_db, any_admin, directory.CommunityInput(code="QD001", name="海尔云谷", project_code="")
    )
    fin = make_user(any_db, any_admin, Role.FINANCE, "caiwu")
    services.open_account(
        any_db, fin, "QD001", AccountInput("工商银行", "6222020202021234", "0.00", date(2026, 1, 1))
    )
    for i, (voucher, party, note) in enumerate(
        [("V1", "分众传媒", "停车"), ("V_2", "新潮传媒", ""), ("V3", "丰巢", "折扣10%")]
    ):
        services.post_entry(
            any_db,
            fin,
            "QD001",
            EntryInput(date(2026, 2, 1 + i), "income", "parking", "1.00", voucher, party, note),
        )

    def found(text: str) -> list[str]:
        flt = queries.RegisterFilter(text=text)
        rows = queries.register_page(any_db, fin, "QD001", flt, limit=100)[0]
        assert queries.register_count(any_db, fin, "QD001", flt) == len(rows)
        return [r.voucher_no for r in rows]

    assert found("%") == ["V3"]
    assert found("_") == ["V_2"]
    assert found("V_") == ["V_2"]
    assert found("V") == ["V1", "V_2", "V3"]


def test_audit_search_takes_them_literally(
    any_db: Database, any_admin: Actor, households: dict[str, int]
) -> None:
    rows = audit.audit_rows(any_db, any_admin, audit.audit_ids(any_db, any_admin))
    assert rows  # the households' creation was audited

    def expected(text: str) -> set[int]:
        return {
            r.id
            for r in rows
            if text in r.username or text in r.action or text in r.detail or r.entity_id == text
        }

    for text in ("%", "_", "%五", "王%", "李_四", "张_"):
        assert set(audit.audit_ids(any_db, any_admin, text)) == expected(text), text
    assert set(audit.audit_ids(any_db, any_admin, "%")) != {r.id for r in rows}


def test_order_search_takes_them_literally(any_db: Database, any_admin: Actor) -> None:
    # No orders at all: "%" must not turn into "every order" through the search's text column.
    f = orders.OrderFilter(text="%")
    assert orders.order_count(any_db, any_admin, f) == 0
