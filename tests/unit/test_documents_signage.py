""" "4个3" signage: every sheet's text, fonts, page count and QR code, read back from the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import make_user, valid_credit_code
from tests.unit import pdf_support as pdf
from wuye_desktop.core import directory
from wuye_desktop.core.deadlines import ClockMode, TierRule, default_rules
from wuye_desktop.core.errors import PermissionDenied, ValidationError
from wuye_desktop.core.prints import signage
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.settings import save_rules
from wuye_desktop.core.vocab import Channel
from wuye_desktop.documents.output import Cancelled
from wuye_desktop.storage.db import Database

A4_PT = (595.3, 841.9)


@pytest.fixture
def site(db: Database, admin: Actor, community: directory.CommunityView) -> directory.CommunityView:
    """QD001: building 3 (1 elevator, home 3-2-1201) and building 5 (2 elevators, 2 homes)."""
    [b3] = directory.list_buildings(db, admin, community.id)
    directory.update_building(
        db, admin, b3.id, directory.BuildingInput("3", "3号楼", 18, 1), b3.version
    )
    directory.create_building(db, admin, community.id, directory.BuildingInput("5", "5号楼", 26, 2))
    for room in ("101", "102"):
        directory.create_household(
            db, admin, community.id, directory.HouseholdInput("5", "1", room)
        )
    return directory.get_community(db, admin, community.id)


def test_a_whole_community_pack(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    data = signage.signage_pdf(db, admin, "QD001")

    # A lobby poster per entrance (3-2, 5-1), a notice per elevator of each entrance (1 + 2),
    # 3 in-home cards, in that order.
    assert pdf.pages(data, tmp_path) == 8
    pdf.assert_fonts_embedded(data, tmp_path)
    texts = [pdf.flat(t) for t in pdf.page_texts(data, tmp_path)]
    assert all("房屋质量维修服务" in t and "海尔云谷" in t for t in texts)
    titles = ["房屋维修服务公示牌"] * 2 + ["住户报修服务公示"] * 3 + ["房屋维修户内服务卡"] * 3
    assert [title in t for title, t in zip(titles, texts, strict=True)] == [True] * 8
    assert "3号楼2单元" in texts[0] and "5号楼1单元" in texts[1]
    assert "3号楼2单元·1号电梯" in texts[2] and "5号楼1单元·2号电梯" in texts[4]
    assert "3号楼2单元1201室" in texts[5] and "5号楼1单元102室" in texts[7]
    for t in texts:
        # The 3 channels with unit, contact, phone and hours ...
        for words in (
            ("物业单位", "安居物业", "王经理", "0532-88881234", "24小时"),
            ("房修单位", "青岛房修公司", "李工", "13911112222", "8:00-18:00"),
            ("建设单位", "海尔地产", "赵主任", "400-888-1234", "9:00-17:00"),
        ):
            assert all(w in t for w in words), words
        # ... the 3 tiers with the default rules' deadlines, and the 4个3 structure.
        for words in (
            "小问题马上修",
            "30分钟内响应",
            "24小时内修复",
            "一般问题限时修",
            "2小时内响应",
            "72小时内修复",
            "电梯：2小时内响应，24小时内修复",
            "复杂问题承诺修",
            "48小时内出具书面承诺书",
            "最长不超过30天",
            "如：灯不亮",
            "如：管道漏水",
            "如：外墙或屋面渗漏",
            "超过时限未处理，可投诉",
            "12345政务服务便民热线",
            "三个报修渠道",
            "三级维修时限",
            "承诺书",
            "销项表",
            "回访单",
        ):
            assert words in t, words
    assert pdf.qr_codes(data, tmp_path) == [
        ["WUYE:B:QD001-3-2"],
        ["WUYE:B:QD001-5-1"],
        ["WUYE:B:QD001-3-2"],
        ["WUYE:B:QD001-5-1"],
        ["WUYE:B:QD001-5-1"],
        ["WUYE:H:QD001-3-2-1201"],
        ["WUYE:H:QD001-5-1-101"],
        ["WUYE:H:QD001-5-1-102"],
    ]
    size = pdf.page_size_pt(data, tmp_path)
    assert size == pytest.approx(A4_PT, abs=0.5)
    layout = pdf.lines(data, tmp_path)
    assert pdf.overlapping_lines(layout) == []
    assert pdf.outside_page(layout, size) == []


def test_one_location_a3_and_some_buildings(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    b5 = next(b for b in directory.list_buildings(db, admin, site.id) if b.number == "5")
    data = signage.signage_pdf(db, admin, "QD001", location="home", size="A3", building_ids=[b5.id])
    assert pdf.pages(data, tmp_path) == 2
    assert pdf.page_size_pt(data, tmp_path) == pytest.approx((841.9, 1190.6), abs=0.5)
    assert pdf.qr_codes(data, tmp_path) == [["WUYE:H:QD001-5-1-101"], ["WUYE:H:QD001-5-1-102"]]
    pdf.assert_fonts_embedded(data, tmp_path)
    data = signage.signage_pdf(db, admin, "QD001", location=["lobby", "elevator"])
    assert pdf.pages(data, tmp_path) == 5


def test_the_deadlines_printed_follow_the_company_rules(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    before = pdf.flat(pdf.text(signage.signage_pdf(db, admin, "QD001", location="lobby"), tmp_path))
    assert "30分钟内响应" in before and "72小时内修复" in before

    rules = default_rules()
    hour = timedelta(hours=1)
    rules.tiers["immediate"] = TierRule(timedelta(minutes=15), 8 * hour)
    rules.tiers["time_limited"] = TierRule(4 * hour, 48 * hour, ClockMode.WORKING)
    rules.tiers["promised"] = TierRule(24 * hour, timedelta(days=20))
    rules.overrides.clear()
    rules.overrides[("time_limited", "water_leak")] = TierRule(hour, 12 * hour)
    save_rules(db, admin, replace(rules, promised_max_days=20))

    after = pdf.flat(pdf.text(signage.signage_pdf(db, admin, "QD001", location="lobby"), tmp_path))
    for gone in ("30分钟内响应", "24小时内修复", "72小时内修复", "电梯：", "最长不超过30天"):
        assert gone not in after, gone
    for shown in (
        "15分钟内响应",
        "8小时内修复",
        "4小时内响应（按工作时间计）",
        "48小时内修复（按工作时间计）",
        "渗漏：1小时内响应，12小时内修复",
        "24小时内出具书面承诺书",
        "最长不超过20天",
    ):
        assert shown in after, shown


def test_in_home_cards_carry_the_reporting_address_when_the_company_has_one(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    company = directory.get_company(db)
    assert company is not None
    directory.update_company(
        db,
        admin,
        directory.CompanyInput(
            company.name,
            valid_credit_code(),
            report_url_template="https://report.example.cn/r?h={household}",
        ),
        company.version,
    )
    data = signage.signage_pdf(db, admin, "QD001", location="home")
    assert pdf.qr_codes(data, tmp_path)[0] == ["https://report.example.cn/r?h=QD001-3-2-1201"]


def test_missing_channel_details_stop_it_naming_exactly_what_to_fill_in(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    directory.set_channels(
        db,
        admin,
        site.id,
        [directory.ChannelInput(Channel.DEVELOPER, "海尔地产", "赵主任", "", "9:00-17:00")],
    )
    with pytest.raises(ValidationError) as caught:
        signage.write_signage(db, admin, tmp_path / "s.pdf", "QD001")
    assert [e.field for e in caught.value.errors] == ["developer.phone"]
    assert "QD001" in str(caught.value) and "phone" in str(caught.value)
    assert not (tmp_path / "s.pdf").exists()

    bare = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="新小区")
    )
    with pytest.raises(ValidationError) as caught:
        signage.signage_pdf(db, admin, bare.code)
    assert len(caught.value.errors) == 12  # 3 channels x unit, contact, phone, hours
    assert {e.field for e in caught.value.errors} >= {
        "property.unit_name",
        "repair_contractor.contact",
        "developer.service_hours",
    }


def test_long_names_shrink_and_wrap_inside_their_boxes(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    long_unit = "青岛市崂山区海尔云谷片区第一物业服务中心暨业主委员会联合维修协调办公室" * 3
    directory.set_channels(
        db,
        admin,
        site.id,
        [
            directory.ChannelInput(
                Channel.PROPERTY,
                long_unit,
                "王经理" * 10,
                "0532-88881234",
                "全年无休24小时值守" * 4,
            )
        ],
    )
    data = signage.signage_pdf(db, admin, "QD001", location="lobby")
    assert pdf.pages(data, tmp_path) == 2  # still one sheet per building
    layout = pdf.lines(data, tmp_path)
    assert pdf.overlapping_lines(layout) == []
    assert pdf.outside_page(layout, pdf.page_size_pt(data, tmp_path)) == []
    assert long_unit[:40] in pdf.flat(pdf.text(data, tmp_path))


def test_progress_is_reported_and_raising_cancels_without_a_file(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    signage.signage_pdf(db, admin, "QD001", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(i, 8) for i in range(1, 9)]

    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the earlier pack")

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        signage.write_signage(db, admin, target, "QD001", progress=cancel)
    assert target.read_bytes() == b"the earlier pack"
    assert not list(tmp_path.glob("*.partial"))


def test_roles_and_bad_choices(db: Database, admin: Actor, site: directory.CommunityView) -> None:
    finance = make_user(db, admin, Role.FINANCE, "fin")
    with pytest.raises(PermissionDenied):
        signage.signage_pdf(db, finance, "QD001")
    desk = make_user(db, admin, Role.DESK, "desk1")
    assert signage.signage_pdf(db, desk, "QD001", location="lobby").startswith(b"%PDF")
    with pytest.raises(ValidationError):
        signage.signage_pdf(db, admin, "QD001", location="roof")
    with pytest.raises(ValidationError):
        signage.signage_pdf(db, admin, "QD001", size="B5")
