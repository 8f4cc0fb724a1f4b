"""Names offered when saving: what, whose, when; safe on Windows and Linux."""

from __future__ import annotations

from datetime import date

from wuye_desktop.core.file_names import suggested_file_name

DAY = date(2026, 12, 6)


def test_parts_then_the_day() -> None:
    assert suggested_file_name("公示牌", "QD001", "A4", ext="pdf", day=DAY) == (
        "公示牌-QD001-A4-20261206.pdf"
    )
    assert suggested_file_name("销项表", "", "QD001-1-1-101", ext=".pdf", day=DAY) == (
        "销项表-QD001-1-1-101-20261206.pdf"
    )


def test_characters_a_file_system_refuses_are_replaced() -> None:
    name = suggested_file_name('每周督办单 2026/W49: "A"?', ext="pdf", day=DAY)
    assert name == "每周督办单 2026_W49_ _A_-20261206.pdf"
    assert not set('\\/:*?"<>|') & set(name.removesuffix(".pdf"))


def test_nothing_but_the_day_when_there_is_no_title() -> None:
    assert suggested_file_name("", " . ", ext="xlsx", day=DAY) == "20261206.xlsx"
    assert len(suggested_file_name("长" * 500, ext="pdf", day=DAY)) <= 120 + 13
