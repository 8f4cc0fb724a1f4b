"""The desk's search box reads the owners' page's own addresses back: an owner holds up the
sign (or the phone showing its page), the desk scans it, and the search finds that household's
or that entrance's orders, its label saying what the address was read as."""

from __future__ import annotations

from sqlalchemy import select

from tests.unit.portal_support import PUBLIC_URL, make_keys
from wuye_desktop.core import directory, orders, portal
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.search.find import find_orders
from wuye_desktop.core.search.query import Kind
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Household


def _order(db: Database, admin: Actor, community_id: int, household: str | None) -> None:
    with db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.code == household))
    orders.create_order(
        db,
        admin,
        orders.OrderInput(
            community_id=community_id,
            category=Category.WATER_LEAK.value,
            channel=Channel.PROPERTY.value,
            source=Source.PHONE.value,
            tier=Tier.TIME_LIMITED.value,
            description="漏水",
            household_id=hid,
            location="" if household else "3号楼 2单元 大堂",
            caller_phone="13912345678",
        ),
    )


def test_a_scanned_page_address_finds_its_household_or_entrance(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    keys = make_keys(db, admin, community)
    _order(db, admin, community.id, "QD001-3-2-1201")
    _order(db, admin, community.id, "QD001-3-2-1202")
    _order(db, admin, community.id, None)

    home = find_orders(db, admin, f"{PUBLIC_URL}/h/{keys.home}")
    assert home.query.kind is Kind.HOUSEHOLD and home.query.value == "QD001-3-2-1201"
    assert home.query.label() == "Owners' page of household QD001-3-2-1201"
    assert [o.household for o in home.orders] == ["QD001-3-2-1201"]

    entrance = find_orders(db, admin, f"{PUBLIC_URL}/e/{keys.entrance}")
    assert entrance.query.kind is Kind.CODE_PREFIX and entrance.query.value == "QD001-3-2"
    assert entrance.query.label() == "Owners' page of entrance QD001-3-2"
    assert sorted(o.household for o in entrance.orders) == ["QD001-3-2-1201", "QD001-3-2-1202"]


def test_what_the_page_does_not_open_finds_nothing(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    keys = make_keys(db, admin, community)
    _order(db, admin, community.id, "QD001-3-2-1201")
    for text in (
        f"{PUBLIC_URL}/h/{'A' * 22}",  # a key never made
        f"{PUBLIC_URL}/e/{keys.home}",  # a household's key as an entrance's
        f"{PUBLIC_URL}/h/{keys.entrance}",
        f"{PUBLIC_URL}/f/{keys.home}",  # not a sign's address
        f"{PUBLIC_URL}/h/{keys.home}?x=1",
        f"https://elsewhere.example.com/h/{keys.home}",
    ):
        found = find_orders(db, admin, text)
        assert found.query.kind is Kind.UNREADABLE, text
        assert found.orders == (), text
    # The page's address changed: the old signs' addresses are no longer the company's.
    portal.configure_portal(db, admin, public_url="https://new.example.com")
    assert find_orders(db, admin, f"{PUBLIC_URL}/h/{keys.home}").query.kind is Kind.UNREADABLE
    moved = find_orders(db, admin, f"https://NEW.example.com/h/{keys.home}/")
    assert moved.query.value == "QD001-3-2-1201"
