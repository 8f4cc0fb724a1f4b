"""Signage QR codes an owner's phone can read from where the sign hangs, and keys the owners'
page understands: an entrance's key on lobby and elevator signs, a household's on in-home cards.

Reading distances (issue 15): a lobby or elevator sign is scanned from 1-2 m, an in-home card at
arm's length (0.4 m). The phone is modelled in ``pdf_support.codes_seen_from``: a 70° horizontal
field of view decoded at 1500 px across, the page downscaled to the pixels it covers, no blur.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import valid_credit_code
from tests.unit import pdf_support as pdf
from wuye_desktop.core import directory
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.prints import signage
from wuye_desktop.core.roles import Actor
from wuye_desktop.documents.qr import draw_qr
from wuye_desktop.documents.signage import Location
from wuye_desktop.storage.db import Database

HOUSEHOLD_URL = "https://report.example.cn/r?h={household}"
ENTRANCE_URL = "https://report.example.cn/e?k={entrance}"


@pytest.fixture
def site(db: Database, admin: Actor, community: directory.CommunityView) -> directory.CommunityView:
    """QD001: building 3 with 2 elevators per entrance and entrances 1 and 2 (homes 3-1-101,
    3-2-1201); building 7 with no unit recorded yet."""
    [b3] = directory.list_buildings(db, admin, community.id)
    directory.update_building(
        db, admin, b3.id, directory.BuildingInput("3", "3号楼", 18, 2), b3.version
    )
    directory.create_household(db, admin, community.id, directory.HouseholdInput("3", "1", "101"))
    directory.create_building(db, admin, community.id, directory.BuildingInput("7", "7号楼", 6, 0))
    return directory.get_community(db, admin, community.id)


def _configure(db: Database, admin: Actor, **signs: str) -> None:
    company = directory.get_company(db)
    assert company is not None
    directory.update_company(
        db,
        admin,
        directory.CompanyInput(
            company.name,
            valid_credit_code(),
            phone="0532-88886666",
            report_url_template=HOUSEHOLD_URL,
            **signs,
        ),
        company.version,
    )


def test_a_29_mm_code_cannot_be_read_from_1_5_m(tmp_path: Path) -> None:
    """The model's control: the lobby code signs had before (a 40 mm square with its quiet
    zone, 29 mm of modules) is lost at 1.5 m, though it reads at arm's length."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    draw_qr(canvas, "WUYE:B:QD001-3", 150 * mm, 24 * mm, 40 * mm)
    canvas.save()
    data = buffer.getvalue()
    [code] = pdf.printed_codes(data, tmp_path)
    assert code.size_mm == pytest.approx(29, abs=1)
    assert pdf.codes_seen_from(data, tmp_path, 0.4) == ["WUYE:B:QD001-3"]
    assert pdf.codes_seen_from(data, tmp_path, 1.5) == []


@pytest.mark.parametrize("size", ["A4", "A3"])
@pytest.mark.parametrize("where", ["lobby", "elevator"])
def test_sign_codes_read_from_2_m(
    db: Database,
    admin: Actor,
    site: directory.CommunityView,
    tmp_path: Path,
    size: str,
    where: str,
) -> None:
    _configure(db, admin, entrance_url_template=ENTRANCE_URL)
    data = signage.signage_pdf(db, admin, "QD001", location=where, size=size)
    [code] = pdf.printed_codes(data, tmp_path)
    assert code.text == "https://report.example.cn/e?k=QD001-3-1"
    assert code.size_mm >= (80 if size == "A4" else 110), code
    assert pdf.codes_seen_from(data, tmp_path, 2.0) == [code.text]


def test_in_home_cards_read_at_arms_length(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    _configure(db, admin)
    data = signage.signage_pdf(db, admin, "QD001", location="home")
    [code] = pdf.printed_codes(data, tmp_path)
    assert code.text == "https://report.example.cn/r?h=QD001-3-1-101"
    assert 25 <= code.size_mm <= 45, code
    assert pdf.codes_seen_from(data, tmp_path, 0.4) == [code.text]


def test_one_lobby_sign_per_entrance_and_one_elevator_sign_per_elevator_of_each(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    plan = signage.plan_signage(db, admin, "QD001")
    # Entrances 3-1, 3-2 and building 7 (no unit yet); 2 elevators in each of 3's entrances.
    assert plan.pages == {Location.LOBBY: 3, Location.ELEVATOR: 4, Location.HOME: 2}
    assert plan.total == 9
    data = signage.signage_pdf(db, admin, "QD001", location=["lobby", "elevator"])
    assert pdf.pages(data, tmp_path) == 7
    texts = [pdf.flat(t) for t in pdf.page_texts(data, tmp_path)]
    assert ["3号楼1单元" in t for t in texts[:3]] == [True, False, False]
    assert "3号楼2单元" in texts[1] and "7号楼" in texts[2]
    assert [t for t in texts[3:] if "3号楼2单元·2号电梯" in t]
    assert pdf.qr_codes(data, tmp_path) == [
        ["WUYE:B:QD001-3-1"],
        ["WUYE:B:QD001-3-2"],
        ["WUYE:B:QD001-7"],
        ["WUYE:B:QD001-3-1"],
        ["WUYE:B:QD001-3-1"],
        ["WUYE:B:QD001-3-2"],
        ["WUYE:B:QD001-3-2"],
    ]
    # The elevator's notice is about the homes' repairs, not the car's maintenance.
    assert all("住户报修服务公示" in t and "电梯公示" not in t for t in texts[3:])
    assert all("维保" not in t for t in texts)


def test_an_entrance_is_never_given_the_household_address(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    """Nothing configured: every code is text, and the plan says so for every place. With the
    household address only, the in-home cards open it and the entrances stay text (said)."""
    assert signage.plan_signage(db, admin, "QD001").text_only == (
        Location.LOBBY,
        Location.ELEVATOR,
        Location.HOME,
    )
    _configure(db, admin)
    plan = signage.plan_signage(db, admin, "QD001")
    assert plan.text_only == (Location.LOBBY, Location.ELEVATOR)
    data = signage.signage_pdf(db, admin, "QD001", location="lobby")
    assert pdf.qr_codes(data, tmp_path, last=1) == [["WUYE:B:QD001-3-1"]]
    _configure(db, admin, entrance_url_template=ENTRANCE_URL)
    assert signage.plan_signage(db, admin, "QD001").text_only == ()


def _lines(data: bytes, tmp: Path) -> list[str]:
    """The first page's lines as placed, without spaces (a name and its number are one line)."""
    return [pdf.flat(line) for line in pdf.text(data, tmp, last=1, layout=True).splitlines()]


def test_signs_give_the_lines_to_complain_to(
    db: Database, admin: Actor, site: directory.CommunityView, tmp_path: Path
) -> None:
    data = signage.signage_pdf(db, admin, "QD001", location="lobby")
    first = _lines(data, tmp_path)
    assert "超过时限未处理，可投诉：" in first and "12345政务服务便民热线12345" in first
    assert not [line for line in first if "本公司服务热线" in line]  # none on record
    _configure(db, admin, complaint_name="市南区住房和城乡建设局", complaint_phone="0532 8287 1234")
    company = directory.get_company(db)
    assert company is not None and company.complaint_phone == "0532-82871234"
    for where in ("lobby", "elevator", "home"):
        data = signage.signage_pdf(db, admin, "QD001", location=where)
        lines = _lines(data, tmp_path)
        assert "本公司服务热线0532-88886666" in lines, where
        assert "市南区住房和城乡建设局0532-82871234" in lines, where
        assert not [line for line in lines if "12345" in line], where
        layout = pdf.lines(data, tmp_path)
        assert pdf.overlapping_lines(layout) == []
        assert pdf.outside_page(layout, pdf.page_size_pt(data, tmp_path)) == []


def test_the_signs_settings_are_checked(db: Database, admin: Actor) -> None:
    company = directory.get_company(db)
    assert company is not None
    assert (company.complaint_name, company.complaint_phone) == ("12345政务服务便民热线", "12345")
    with pytest.raises(ValidationError) as caught:
        _configure(
            db,
            admin,
            entrance_url_template=HOUSEHOLD_URL,  # an entrance is not a household
            complaint_phone="call us",
            complaint_name=" ",
        )
    assert sorted(e.field for e in caught.value.errors) == [
        "complaint_name",
        "complaint_phone",
        "entrance_url_template",
    ]
