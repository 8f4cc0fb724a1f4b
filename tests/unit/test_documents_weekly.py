"""The weekly list of unfinished work: per community, as of the week's Friday 16:00."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit import pdf_support as pdf
from wuye_desktop.core import directory, orders
from wuye_desktop.core.errors import NotFound, ValidationError
from wuye_desktop.core.prints import weekly
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database

WEEK = "2026-W10"  # Friday 2026-03-06 16:00


def order(
    db: Database,
    actor: Actor,
    community_id: int,
    days_before: float,
    tier: str,
    text: str,
    household_id: int | None = None,
) -> str:
    oid = orders.create_order(
        db,
        actor,
        orders.OrderInput(
            community_id=community_id,
            household_id=household_id,
            location="" if household_id else "2号楼地下车库",
            category="drainage" if household_id is None else "water_leak",
            channel="property",
            source="phone",
            tier=tier,
            description=text,
            reported_at=orders.week_cutoff(WEEK) - timedelta(days=days_before),
        ),
    )
    return orders.get_order(db, actor, oid).row.number


@pytest.fixture
def two_sites(
    db: Database, admin: Actor, community: directory.CommunityView
) -> tuple[directory.CommunityView, directory.CommunityView]:
    other = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="崂山翠湖苑")
    )
    return community, other


def test_each_community_gets_its_section_with_what_was_open_that_friday(
    db: Database,
    admin: Actor,
    two_sites: tuple[directory.CommunityView, directory.CommunityView],
    tmp_path: Path,
) -> None:
    first, second = two_sites
    home = directory.get_household(db, admin, "QD001-3-2-1201").id
    late = order(db, admin, first.id, 3, "immediate", "卫生间渗水已三天", home)
    fresh = order(db, admin, first.id, 0.1, "time_limited", "车库排水沟堵塞")
    elsewhere = order(db, admin, second.id, 2, "time_limited", "翠湖苑路灯不亮")
    after = orders.create_order(  # taken after the cutoff: not on that week's list
        db,
        admin,
        orders.OrderInput(first.id, "lighting", "property", "phone", "immediate", "本周之后", home),
    )

    data = weekly.weekly_pdf(db, admin, WEEK)

    pdf.assert_fonts_embedded(data, tmp_path)
    assert pdf.page_size_pt(data, tmp_path) == pytest.approx((841.9, 595.3), abs=0.5)
    pages = [pdf.flat(t) for t in pdf.page_texts(data, tmp_path)]
    assert len(pages) == 2  # one page each; each community starts a page
    one, two = pages
    assert "海尔云谷（QD001）" in one and "崂山翠湖苑（QD002）" in two
    assert "未完成工单督办单（每周五16:00前）" in one
    assert "2026年3月6日（星期五）16:00" in one
    assert late in one and fresh in one and elsewhere not in one
    assert elsewhere in two and late not in two
    assert orders.get_order(db, admin, after).row.number not in one
    assert "未完成工单2件，其中已超时1件" in one
    assert "已超时" in one.split(late)[1]  # the late one is marked in its row
    assert "2026-W10-QD001" in one and "2026-W10-QD002" in two
    assert "项目经理（签字）" in one

    only = pdf.page_texts(weekly.weekly_pdf(db, admin, WEEK, "QD002"), tmp_path)
    assert len(only) == 1 and elsewhere in pdf.flat(only[0])


def test_many_orders_flow_over_pages_with_the_header_row_repeated(
    db: Database,
    admin: Actor,
    two_sites: tuple[directory.CommunityView, directory.CommunityView],
    tmp_path: Path,
) -> None:
    first, _ = two_sites
    numbers = [
        order(db, admin, first.id, 1 + i / 10, "time_limited", f"第{i}号问题，" + "描述" * 40)
        for i in range(40)
    ]
    data = weekly.weekly_pdf(db, admin, WEEK, "QD001")
    texts = [pdf.flat(t) for t in pdf.page_texts(data, tmp_path)]
    assert len(texts) >= 3
    assert all("督办意见" in t and "海尔云谷（QD001）" in t for t in texts)
    joined = "".join(texts)
    assert all(n in joined for n in numbers)
    assert pdf.overlapping_lines(pdf.lines(data, tmp_path)) == []


def test_bad_week_or_community(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    with pytest.raises(ValidationError):
        weekly.weekly_pdf(db, admin, "2026-47")
    with pytest.raises(NotFound):
        weekly.weekly_pdf(db, admin, WEEK, "QD404")
