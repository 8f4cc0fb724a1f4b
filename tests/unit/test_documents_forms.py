"""The work-order slip and the callback forms (filled in, and blank in numbered batches)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit import pdf_support as pdf
from tests.unit.document_support import reported_leak
from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.errors import NotFound, StateError, ValidationError
from wuye_desktop.core.prints import callback_form, slip
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.documents.output import Cancelled
from wuye_desktop.storage.db import Database


def leak(db: Database, actor: Actor, community: directory.CommunityView, text: str = "") -> int:
    return reported_leak(db, actor, community, text or "卫生间天花板渗水，楼上住户不在家")


def completed(db: Database, actor: Actor, oid: int) -> None:
    orders.dispatch(
        db,
        actor,
        oid,
        orders.get_order(db, actor, oid).version,
        channel="property",
        handler="李师傅",
    )
    orders.start_work(db, actor, oid, orders.get_order(db, actor, oid).version)
    orders.complete(
        db, actor, oid, orders.get_order(db, actor, oid).version, "更换了楼上卫生间的存水弯"
    )


def test_the_slip_carries_the_order_and_its_qr_code(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    oid = leak(db, admin, community)
    number = orders.get_order(db, admin, oid).row.number
    target = tmp_path / "slip.pdf"
    slip.write_slip(db, admin, target, number)

    assert pdf.pages(target, tmp_path) == 1
    pdf.assert_fonts_embedded(target, tmp_path)
    assert pdf.qr_codes(target, tmp_path) == [[f"WUYE:W:{number}"]]
    text = pdf.flat(pdf.text(target, tmp_path))
    for words in (
        "维修派工单",
        number,
        "3号楼2单元1201室",
        "渗漏",
        "限时修",
        "卫生间天花板渗水，楼上住户不在家",
        "张三",
        "138****5678",
        "维修人员（签字）",
    ):
        assert words in text, words
    assert "13812345678" not in text  # the slip leaves the office: the number stays masked


def test_a_long_slip_flows_over_pages(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    oid = leak(db, admin, community, ("楼上卫生间防水失效导致本户顶棚大面积渗水。" * 100)[:2000])
    data = slip.slip_pdf(db, admin, oid)
    assert pdf.pages(data, tmp_path) == 2
    layout = pdf.lines(data, tmp_path)
    assert pdf.overlapping_lines(layout) == []
    assert pdf.qr_codes(data, tmp_path, last=1)[0] == [
        "WUYE:W:" + orders.get_order(db, admin, oid).row.number
    ]


def test_the_callback_form_of_an_order_shows_its_callback(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    oid = leak(db, admin, community)
    completed(db, admin, oid)
    waiting = pdf.flat(pdf.text(callback_form.callback_pdf(db, admin, oid), tmp_path))
    assert "回访记录" in waiting and "更换了楼上卫生间的存水弯" in waiting
    assert "▣" not in waiting  # nothing ticked yet: to be filled in by hand

    # The caller-back logs in as "desk1"; the owner knows her as 王丽.
    users.create_user(
        db, admin, username="desk1", display_name="王丽", role=Role.DESK, password="desk1-pass-1"
    )
    desk, _ = users.login(db, "desk1", "desk1-pass-1")
    orders.record_callback(
        db,
        desk,
        oid,
        orders.get_order(db, admin, oid).version,
        orders.CallbackInput("visit", "basically_satisfied", "张三", "维修及时，但墙面还有水渍"),
    )
    data = callback_form.callback_pdf(db, admin, oid)
    pdf.assert_fonts_embedded(data, tmp_path)
    assert pdf.pages(data, tmp_path) == 1
    text = pdf.flat(pdf.text(data, tmp_path))
    number = orders.get_order(db, admin, oid).row.number
    for words in (
        "维修回访单",
        "HF-" + number,
        "▣上门",
        "□电话",
        "▣基本满意",
        "□满意",
        "维修及时，但墙面还有水渍",
        "已办结",
        "业主（签字）",
        "回访人（签字）",
        "回访人王丽",  # the staff's name, not the login name
        "备注",
    ):
        assert words in text, words
    assert "desk1" not in text


def test_an_order_not_yet_completed_has_no_callback_form(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    oid = leak(db, admin, community)
    with pytest.raises(StateError) as caught:
        callback_form.callback_pdf(db, admin, oid)
    assert "accepted" in str(caught.value)
    with pytest.raises(NotFound):
        callback_form.callback_pdf(db, admin, "GD19990101-0001")


def test_blank_forms_are_numbered_two_to_a_page_and_never_twice(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    day = to_local(now_utc()).strftime("%Y%m%d")
    preview = pdf.flat(pdf.text(callback_form.preview_blank(db, admin, "QD001", 3), tmp_path))
    assert f"No.HF{day}-0001" in preview and f"No.HF{day}-0003" in preview
    first = callback_form.write_blank(db, admin, tmp_path / "1.pdf", "QD001", 3).read_bytes()
    assert pdf.pages(first, tmp_path) == 2
    pdf.assert_fonts_embedded(first, tmp_path)
    pages = [pdf.flat(t) for t in pdf.page_texts(first, tmp_path)]
    assert f"No.HF{day}-0001" in pages[0] and f"No.HF{day}-0002" in pages[0]
    assert f"No.HF{day}-0003" in pages[1]
    assert all("海尔云谷" in p and "业主签字" in p and "备注" in p for p in pages)

    # A cancelled batch uses no numbers; the next batch goes on where the last one ended.
    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        callback_form.write_blank(db, admin, tmp_path / "2.pdf", "QD001", 2, cancel)
    assert not (tmp_path / "2.pdf").exists()
    second = pdf.flat(
        pdf.text(callback_form.write_blank(db, admin, tmp_path / "2.pdf", "QD001", 2), tmp_path)
    )
    assert f"No.HF{day}-0004" in second and f"No.HF{day}-0005" in second
    assert f"No.HF{day}-0003" not in second

    for bad in (0, callback_form.MAX_BLANK + 1):
        with pytest.raises(ValidationError):
            callback_form.write_blank(db, admin, tmp_path / "x.pdf", "QD001", bad)
        with pytest.raises(ValidationError):
            callback_form.preview_blank(db, admin, "QD001", bad)
    with pytest.raises(NotFound):
        callback_form.write_blank(db, admin, tmp_path / "x.pdf", "QD999", 1)
