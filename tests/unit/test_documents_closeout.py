"""The close-out list (销项表) as printed: every item, its state, over as many pages as needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import make_user
from tests.unit import pdf_support as pdf
from wuye_desktop.core import closeout as co
from wuye_desktop.core import directory
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.errors import NotFound, PermissionDenied
from wuye_desktop.core.prints import closeout
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.documents.closeout import BLANK_ROWS
from wuye_desktop.storage.db import Database

HOME = "QD001-3-2-1201"


def test_the_list_shows_each_item_and_how_it_was_closed(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    today = to_local(now_utc()).date()
    a = co.add_item(
        db,
        admin,
        HOME,
        co.ItemInput(
            "主卧窗户密封条脱落",
            "主卧窗台",
            "青岛房修公司",
            date(2026, 12, 10),
            note="业主要求更换整窗",
        ),
    )
    co.add_item(
        db, admin, HOME, co.ItemInput("入户门划痕", "入户门", "海尔地产", origin="open_day")
    )
    co.close_item(db, admin, a.id, a.version, closed_on=today, checker="王建国")
    desk = make_user(db, admin, Role.DESK, "desk1")  # the desk may print it

    target = tmp_path / "xx.pdf"
    closeout.write_closeout(db, desk, target, "WUYE:H:" + HOME)

    assert pdf.pages(target, tmp_path) == 1
    pdf.assert_fonts_embedded(target, tmp_path)
    assert pdf.page_size_pt(target, tmp_path) == pytest.approx((841.9, 595.3), abs=0.5)
    text = pdf.flat(pdf.text(target, tmp_path))
    for words in (
        "房屋质量问题销项表",
        "编号：" + HOME,
        "海尔云谷",
        "3号楼2单元1201室",
        "张三",
        "共2项：已销项1项，未销项1项",
        "主卧窗户密封条脱落",
        "主卧窗台",
        "青岛房修公司",
        "2026-12-10",
        today.isoformat(),
        "王建国",
        "分户验收",
        "开放日",
        "未销项",
        "业主签字",
        "备注",
        "业主要求更换整窗",  # each item's remark
        "建设单位海尔地产",  # the developer of the community's channels, in its box
        "业主确认（签字）",
        "建设单位（盖章）",
        "物业服务企业（盖章）",
    ):
        assert words in text, words
    # The developer's name: the second item's unit, the grid, and printed in its stamp box.
    assert text.count("海尔地产") == 3
    assert text.count("（盖章处）") == 2  # the developer seals as well as the company
    assert "XX" not in text  # the number reads as a number, not a placeholder


def test_a_long_list_flows_over_pages_with_its_header_row(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    for i in range(1, 41):
        co.add_item(
            db,
            admin,
            HOME,
            co.ItemInput(
                f"第{i}项：" + "墙面涂料开裂起皮，需铲除后重新批刮腻子并涂刷" * (1 + i % 3), "客厅"
            ),
        )
    data = closeout.closeout_pdf(db, admin, HOME)
    texts = [pdf.flat(t) for t in pdf.page_texts(data, tmp_path)]
    assert len(texts) >= 3
    with_items = [t for t in texts if "项：墙面" in t]
    assert len(with_items) >= 3
    assert all("序号" in t and "问题描述" in t and "业主签字" in t for t in with_items)
    joined = "".join(texts)
    assert all(f"第{i}项：" in joined for i in range(1, 41))
    assert "物业服务企业（盖章）" in texts[-1]
    layout = pdf.lines(data, tmp_path)
    assert pdf.overlapping_lines(layout) == []
    assert pdf.outside_page(layout, pdf.page_size_pt(data, tmp_path)) == []


def test_an_empty_list_still_prints_and_strangers_are_refused(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    data = closeout.closeout_pdf(db, admin, HOME)
    text = pdf.flat(pdf.text(data, tmp_path))
    assert "暂无问题项" in text and "共0项" in text
    # Numbered empty rows to write the inspection's findings in by hand, signatures below.
    layout = pdf.text(data, tmp_path, layout=True).splitlines()
    numbered = [line.strip() for line in layout if line.strip().isdigit()]
    assert numbered == [str(n) for n in range(1, BLANK_ROWS + 1)] and BLANK_ROWS >= 5
    assert pdf.pages(data, tmp_path) == 1 and "物业服务企业（盖章）" in text
    with pytest.raises(NotFound):
        closeout.closeout_pdf(db, admin, "QD001-1-1-101")
    with pytest.raises(PermissionDenied):
        closeout.closeout_pdf(db, make_user(db, admin, Role.FINANCE, "fin"), HOME)
