"""The owners' reporting page: a report lands as an order like any other (source 扫码报修, its
outbox event and audit entry), once per form, never as a duplicate, and is followed and rated
through its private link."""

from __future__ import annotations

import json
import secrets
import threading

import pytest
from sqlalchemy import event, func, select

from tests.conftest import make_community
from tests.unit import portal_support
from tests.unit.portal_support import (
    Serve,
    follow_link,
    make_keys,
    order_number,
    report,
    token_of,
)
from wuye_desktop.core import directory, orders, portal
from wuye_desktop.core.portal import config, reports
from wuye_desktop.core.portal.reports import Duplicate, Filed, ReportInput, file_report
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor
from wuye_desktop.portal.app import PortalConfig
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Callback, OutboxEvent, Setting, WorkOrder

client = portal_support.client


def test_a_household_report_files_one_order_with_source_qr_code(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    status, page = report(c, f"/h/{keys.home}", name="李女士")
    assert status == 200, page
    number = order_number(page)
    assert "前修好" in page and "/f/" in page
    with db.read() as s:
        o = s.scalar(select(WorkOrder).where(WorkOrder.number == number))
        assert o is not None
        assert (o.source, o.category, o.tier) == ("qr_code", "water_leak", "immediate")
        assert o.caller_phone == "13912345678" and o.caller_name == "李女士"
        assert s.scalar(select(func.count()).select_from(OutboxEvent)) == 1
        assert s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "order.create", AuditEntry.username == "owner-portal")
        )
    # The desk's list finds it by the source filter.
    page_ids, _ = orders.order_page(db, SYSTEM_ACTOR, orders.OrderFilter(sources=["qr_code"]))
    assert len(page_ids) == 1


def test_the_same_form_sent_twice_files_one_order_and_shows_the_same_link(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    token = token_of(c.get(f"/h/{keys.home}").text)
    first = report(c, f"/h/{keys.home}", token=token)
    second = report(c, f"/h/{keys.home}", token=token)
    assert first[0] == second[0] == 200
    assert order_number(first[1]) == order_number(second[1])
    assert follow_link(first[1]) == follow_link(second[1])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == 1


def test_an_open_order_of_the_same_problem_is_shown_instead_of_a_duplicate(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    first = order_number(report(c, f"/h/{keys.home}")[1])
    status, page = report(c, f"/h/{keys.home}", description="还在漏")
    assert status == 200 and "已有同类报修" in page and first in page
    # Another problem of the same household is a new order.
    assert "报修已提交" in report(c, f"/h/{keys.home}", category="doors_windows")[1]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == 2


def test_an_entrance_sign_reports_for_a_room_or_the_common_area(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    form = c.get(f"/e/{keys.entrance}").text
    assert "公共区域" in form and "1201室" in form and "1202室" in form
    status, page = report(c, f"/e/{keys.entrance}", category="lighting", description="楼道灯坏了")
    assert status == 200, page
    with db.read() as s:
        o = s.scalar(select(WorkOrder))
        assert o is not None and o.household_id is None and "公共区域" in o.location
    # A room of another entrance is refused.
    status, page = report(c, f"/e/{keys.entrance}", room="999999")
    assert status == 400 and "请选择房号" in page


def test_follow_link_shows_the_order_and_the_rating_becomes_its_callback(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    page = report(c, f"/h/{keys.home}")[1]
    link = follow_link(page)
    followed = c.get(link)
    assert followed.status_code == 200
    assert "已收到" in followed.text and "安居物业" in followed.text
    assert "139****5678" in followed.text and "13912345678" not in followed.text
    assert "请评价" not in followed.text
    with db.read() as s:
        o = s.scalar(select(WorkOrder))
        assert o is not None
        order_id = o.id
    version = orders.get_order(db, admin, order_id).version
    orders.dispatch(db, admin, order_id, version, channel="property", handler="王师傅")
    orders.start_work(db, admin, order_id, orders.get_order(db, admin, order_id).version)
    orders.complete(db, admin, order_id, orders.get_order(db, admin, order_id).version, "换了")
    assert "请评价这次维修" in c.get(link).text
    # Dissatisfied needs words; then it counts.
    r = c.post(link, data={"satisfaction": "dissatisfied"})
    assert r.status_code == 400 and "哪里没修好" in r.text
    r = c.post(link, data={"satisfaction": "satisfied"})
    assert r.status_code == 200 and "您的评价：满意" in r.text
    with db.read() as s:
        cb = s.scalar(select(Callback))
        assert cb is not None and cb.satisfaction == "satisfied"
        assert s.scalar(select(WorkOrder.status)) == "closed"
    # Rated once only.
    r = c.post(link, data={"satisfaction": "dissatisfied", "comment": "x"})
    assert r.status_code == 400 and "不能评价" in r.text


def test_the_desk_switches_the_page_off(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    portal.configure_portal(db, admin, enabled=False)
    c = client(db, PortalConfig(settings_ttl_s=-1))
    r = c.get(f"/h/{keys.home}")
    assert r.status_code == 503 and "暂停使用" in r.text
    portal.configure_portal(db, admin, enabled=True)
    assert c.get(f"/h/{keys.home}").status_code == 200


def test_signs_printed_once_the_page_has_an_address_open_it_with_their_keys(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    from wuye_desktop.core.prints.signage import load_signage

    before = load_signage(db, admin, "QD001", "all")
    assert all(s.qr_payload.startswith("WUYE:") for s in before.sheets)
    portal.configure_portal(db, admin, public_url="https://bx.example.com/")
    after = load_signage(db, admin, "QD001", "all")
    payloads = {s.location.value: s.qr_payload for s in after.sheets}
    assert payloads["home"].startswith("https://bx.example.com/h/")
    assert payloads["lobby"].startswith("https://bx.example.com/e/")
    assert "QD001" not in payloads["home"]
    # Printed again: the same keys.
    again = load_signage(db, admin, "QD001", "all")
    assert [s.qr_payload for s in again.sheets] == [s.qr_payload for s in after.sheets]


def test_a_report_is_filed_in_one_transaction_of_few_statements(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    """50 owners' reports go in one after another under the database's write lock (SQLite: the
    whole transaction), so each holds it for as few statements as its rules need: the form
    sent before, an open order of the same problem, the hour's reports, the place and the
    deadline rules, the number, then the order, its timeline entry, outbox event, audit entry
    and the page's record; and opening the household's key is one statement."""
    keys = make_keys(db, admin, community)
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement.split(None, 1)[0].upper())

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        place = portal.open_key(db, "h", keys.home)
        assert place is not None
        assert statements == ["BEGIN", "SELECT"]
        statements.clear()
        data = ReportInput(
            category="water_leak",
            description="卫生间天花板漏水",
            phone="13912345678",
            form_token="t" * 24,
            household_id=place.rooms[0].household_id,
        )
        filed = file_report(db, place, data, b"s" * 32)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert isinstance(filed, Filed)
    assert statements.count("BEGIN") == 1  # BEGIN IMMEDIATE: one write transaction
    assert len(statements) - 1 <= 12, statements
    assert statements.count("INSERT") == 6  # the counter's upsert and the five rows


@pytest.mark.parametrize(
    "any_db", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_secret_another_service_stored_meanwhile_is_taken_not_overwritten(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two services (or the first 50 requests of one) making the page's secret at once on
    PostgreSQL: the one stored first is everyone's, or the forms signed with it come back
    页面已过期."""
    theirs = "ab" * 32
    make = secrets.token_hex

    def another_service_first(n: int) -> str:
        # The other service stores its secret between this one's read and its write.
        with any_db.transaction() as s:
            s.add(Setting(key=config.SECRET_KEY, value=json.dumps(theirs)))
        return make(n)

    monkeypatch.setattr(secrets, "token_hex", another_service_first)
    assert portal.portal_secret(any_db) == bytes.fromhex(theirs)


def test_two_reports_of_one_problem_at_once_file_one_order(
    any_db: Database, any_admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two owners of one household report the same leak at the same moment (two forms): one
    order, and the other is shown it. On PostgreSQL both once passed the duplicate check."""
    keys = make_keys(any_db, any_admin, make_community(any_db, any_admin))
    place = portal.open_key(any_db, "h", keys.home)
    assert place is not None

    def form(token: str) -> ReportInput:
        return ReportInput(
            category="water_leak",
            description="卫生间天花板漏水",
            phone="13912345678",
            form_token=token * 24,
            household_id=place.rooms[0].household_id,
        )

    results: list[object] = []
    other = threading.Thread(
        target=lambda: results.append(file_report(any_db, place, form("b"), b"s" * 32))
    )
    check_rate = reports._check_rate

    def neighbour_reports_meanwhile(*args: object) -> None:
        # The first report passed its duplicate check: the second is sent now, and given a
        # second to get through before the first commits.
        if not other.is_alive() and not results:
            other.start()
            other.join(timeout=1.0)
        check_rate(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reports, "_check_rate", neighbour_reports_meanwhile)
    first = file_report(any_db, place, form("a"), b"s" * 32)
    other.join(timeout=30)
    assert not other.is_alive()
    assert isinstance(first, Filed)
    [second] = results
    assert isinstance(second, Duplicate) and second.number == first.number
    with any_db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == 1
