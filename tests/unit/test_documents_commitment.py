"""The commitment letter: what it says, original then copies, long texts over pages, refusals."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import make_user
from tests.unit import pdf_support as pdf
from tests.unit.document_support import reported_leak
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.errors import NotFound, PermissionDenied, StateError
from wuye_desktop.core.prints import commitment
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Commitment

MM = 72 / 25.4


def promised_order(
    db: Database,
    actor: Actor,
    community: directory.CommunityView,
    description: str = "外墙渗水导致次卧墙面发霉，需搭设吊篮从外墙处理",
    plan: str = "搭设吊篮，外墙裂缝注浆并重做防水层，室内铲除霉斑后重新刷漆",
    issue: bool = True,
) -> tuple[int, str]:
    oid = reported_leak(db, actor, community, description, channel="developer", tier="promised")
    if issue:
        orders.issue_commitment(
            db,
            actor,
            oid,
            orders.get_order(db, actor, oid).version,
            orders.CommitmentInput(plan, promised_day(), "青岛房修公司", "李工", "139 1111 2222"),
        )
    return oid, orders.get_order(db, actor, oid).row.number


def promised_day() -> date:
    return to_local(now_utc()).date() + timedelta(days=20)


def test_the_letter_says_everything_and_embeds_its_font(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    oid, number = promised_order(db, admin, community)
    letter = commitment.write_commitment(db, admin, tmp_path / "l.pdf", number).read_bytes()

    assert pdf.pages(letter, tmp_path) == 1
    pdf.assert_fonts_embedded(letter, tmp_path)
    text = pdf.flat(pdf.text(letter, tmp_path))
    detail = orders.get_order(db, admin, oid)
    assert detail.commitment is not None
    promised = promised_day()
    for words in (
        "维修承诺书",
        detail.commitment.number,
        number,
        "海尔云谷",
        "3号楼2单元1201室",
        "QD001-3-2-1201",
        "尊敬的张三",
        "外墙渗水导致次卧墙面发霉",
        "搭设吊篮，外墙裂缝注浆并重做防水层",
        f"{promised.year}年{promised.month}月{promised.day}日",
        "青岛房修公司",
        "李工",
        "业主（签字）",
        "物业服务企业（盖章）",
        "青岛安居物业服务有限公司",
        "第1页/共1页",
        # The unit that does the work seals the promise too, its person signs.
        "责任单位（盖章）",
        "责任人：",
        # Whom the owner calls: the responsible person, and the community's service centre.
        "责任人电话13911112222",
        "服务中心电话0532-88881234",
    ):
        assert words in text, words
    assert "副本" not in text and "COPY" not in text
    # The unit's name is printed in its box as well as in the grid.
    assert text.count("青岛房修公司") == 2
    assert text.count("（盖章处）") == 2  # the company's and the responsible unit's seals
    assert len(letter) < 300_000


def test_the_first_print_is_the_original_and_every_later_one_a_copy(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    _, number = promised_order(db, admin, community)
    desk = make_user(db, admin, Role.DESK, "desk1")
    # Looking at it first counts nothing: the preview is what the print will be.
    preview = pdf.flat(pdf.text(commitment.preview_commitment(db, desk, number), tmp_path))
    assert "维修承诺书" in preview and "副本" not in preview
    first = pdf.flat(
        pdf.text(commitment.write_commitment(db, desk, tmp_path / "1.pdf", number), tmp_path)
    )
    preview = pdf.flat(pdf.text(commitment.preview_commitment(db, desk, number), tmp_path))
    assert "副本" in preview  # the original is out: the next print will be a copy
    second = pdf.flat(
        pdf.text(commitment.write_commitment(db, desk, tmp_path / "2.pdf", number), tmp_path)
    )
    assert "副本" not in first
    assert "副本" in second
    with db.read() as s:
        record = s.scalar(select(Commitment))
        assert record is not None and record.printed_count == 2
        prints = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "document.print")))
    assert [json.loads(p.detail)["copy"] for p in prints] == [False, True]
    assert {p.username for p in prints} == {"desk1"}


def test_a_copy_can_be_asked_for_even_first(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    _, number = promised_order(db, admin, community)
    target = tmp_path / "letter.pdf"
    commitment.write_commitment(db, admin, target, "WUYE:W:" + number, copy=True)
    assert "副本" in pdf.flat(pdf.text(target, tmp_path))


def test_a_long_description_flows_onto_a_second_page_without_overlap(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    sentence = "卫生间与主卧相邻墙体自地面起约一米高处持续渗水，墙纸起鼓脱落，踢脚线发黑。"
    description = (sentence * 60)[: orders.MAX_DESCRIPTION - 4] + "结尾标记"
    assert len(description) == orders.MAX_DESCRIPTION
    plan = "一、拆除卫生间地面及墙面瓷砖，检查防水层与给水管接口；" * 12 + "方案结束"
    _, number = promised_order(db, admin, community, description, plan)

    letter = commitment.preview_commitment(db, admin, number)

    n = pdf.pages(letter, tmp_path)
    assert n >= 2
    texts = [pdf.flat(t) for t in pdf.page_texts(letter, tmp_path)]
    assert "结尾标记" in "".join(texts[1:])  # the end of the description is on a later page
    assert "方案结束" in "".join(texts[1:])
    # Who answers for the work and the signatures stay together, never a signature page alone.
    assert "四、责任单位及责任人" in texts[-1] and "责任人电话" in texts[-1]
    assert "业主（签字）" in texts[-1]
    assert f"第{n}页/共{n}页" in texts[-1]
    # Nothing of the description is lost at the page break or the edges.
    everything = "".join(texts)
    assert description[:400] in everything
    assert description[-400:] in everything
    assert everything.count("踢脚线发黑") == description.count("踢脚线发黑")
    layout = pdf.lines(letter, tmp_path)
    assert pdf.overlapping_lines(layout) == []
    assert pdf.outside_page(layout, pdf.page_size_pt(letter, tmp_path)) == []
    # Each page has its letterhead and footer, and the story stays between them.
    height = pdf.page_size_pt(letter, tmp_path)[1]
    furniture = ("青岛安居物业服务有限公司", "海尔云谷", "维修承诺书", "编号", "打印时间", "第 ")
    for page in range(1, n + 1):
        on_page = [ln for ln in layout if ln.page == page]
        top = [ln.text for ln in on_page if ln.y1 < 35 * MM]
        bottom = [ln.text for ln in on_page if ln.y0 > height - 16 * MM]
        assert top[:1] == ["青岛安居物业服务有限公司"] and "维修承诺书" in top
        assert any(t.startswith("打印时间") for t in bottom)
        assert any(t.startswith(f"第 {page} 页") for t in bottom)
        story = [ln for ln in on_page if not ln.text.startswith(furniture)]
        assert story
        assert all(ln.y0 >= 35 * MM and ln.y1 <= height - 16 * MM for ln in story)


def test_refusals_name_the_order(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    _, waiting = promised_order(db, admin, community, issue=False)
    with pytest.raises(StateError) as caught:
        commitment.write_commitment(db, admin, tmp_path / "x.pdf", waiting)
    assert waiting in str(caught.value) and "no commitment yet" in str(caught.value)

    home = directory.get_household(db, admin, "QD001-3-2-1201")
    oid = orders.create_order(
        db,
        admin,
        orders.OrderInput(
            community.id, "lighting", "property", "phone", "immediate", "灯不亮", home.id
        ),
    )
    other = orders.get_order(db, admin, oid).row.number
    with pytest.raises(StateError) as caught:
        commitment.write_commitment(db, admin, tmp_path / "x.pdf", other)
    assert "not a promised-tier order" in str(caught.value)

    with pytest.raises(NotFound) as missing:
        commitment.write_commitment(db, admin, tmp_path / "x.pdf", "GD20000101-0001")
    assert "GD20000101-0001" in str(missing.value)
    assert not (tmp_path / "x.pdf").exists()


def test_finance_may_not_print_letters(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    _, number = promised_order(db, admin, community)
    finance = make_user(db, admin, Role.FINANCE, "fin")
    with pytest.raises(PermissionDenied):
        commitment.preview_commitment(db, finance, number)
    with pytest.raises(PermissionDenied):
        commitment.write_commitment(db, finance, tmp_path / "x.pdf", number)
    assert not (tmp_path / "x.pdf").exists()
