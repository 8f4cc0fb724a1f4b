"""Characters the first font lacks: drawn from the fallback fonts, or shown and named.

Names with rare characters (刘䶮) and descriptions with Extension A to E characters must print
and come back out of the PDF's text; a character no font has prints as 〓 and is named before
the print is counted (the preview says so, ``wuye print`` warns on stderr).
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from tests.unit import pdf_support as pdf
from tests.unit.test_documents_commitment import promised_order
from wuye_desktop.cli import main
from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.documents.callback_form import render_filled
from wuye_desktop.documents.commitment import CommitmentLetter, render_commitment
from wuye_desktop.documents.coverage import PLACEHOLDER, Undrawable, undrawable_of
from wuye_desktop.documents.facts import CallbackFacts, OrderFacts
from wuye_desktop.documents.fonts import FONT, draw_bold, register_fonts, text_width, undrawable
from wuye_desktop.documents.slip import render_slip
from wuye_desktop.storage.db import Database

OWNER = "刘䶮"  # 䶮 U+4DAE, Extension A
# 㛃 U+36C3 (A), 𠮷 U+20BB7 (B), 𫖯 U+2B5AF (C), 𬌗 U+2C317 (E), 𠀁 U+20001 (B, in
# Hanazono Mincho B only)
RARE = "㛃𠮷𫖯𬌗𠀁"
PRIVATE = "\ue000"  # a private-use character: no font has it
AT = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)


def order(description: str = f"墙面渗水{RARE}", contact: str = OWNER) -> OrderFacts:
    return OrderFacts(
        company="青岛安居物业服务有限公司",
        community_name="海尔云谷",
        number="GD20261120-0001",
        status="completed",
        tier="time_limited",
        category="water_leak",
        channel="property",
        source="phone",
        place="3号楼2单元1201室",
        contact_name=contact,
        caller_phone="138****5678",
        handler="李师傅",
        description=description,
        reported_at=AT,
        completed_at=AT,
        callbacks=(CallbackFacts(AT, "phone", "satisfied", contact, "满意", "kefu"),),
    )


def letter(owner: str = OWNER, problem: str = f"墙面渗水{RARE}") -> CommitmentLetter:
    return CommitmentLetter(
        company="青岛安居物业服务有限公司",
        community="海尔云谷",
        number="CN20261120-0001",
        order_number="GD20261120-0001",
        household_code="QD001-3-2-1201",
        place="3号楼2单元1201室",
        owner=owner,
        category="渗漏",
        channel="开发商",
        reported_at=AT,
        problem=problem,
        plan="外墙注浆",
        promised_date=date(2026, 12, 1),
        responsible_unit="青岛房修公司",
        responsible_person="李工",
        issued_at=AT,
    )


def dark_cells(pdf_file: Path, tmp: Path, line_text: str, cells: int) -> list[int]:
    """Dark pixels in each of *cells* equal parts of the line reading *line_text* (one
    ideograph each), rasterised as a printer would."""
    line = next(ln for ln in pdf.lines(pdf_file, tmp) if ln.text == line_text)
    dpi = 144
    prefix = tmp / "page"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(line.page), "-l", str(line.page),
         "-singlefile", str(pdf_file), str(prefix)],
        check=True,
    )  # fmt: skip
    scale = dpi / 72
    width = (line.x1 - line.x0) / cells
    counts = []
    with Image.open(prefix.with_suffix(".png")) as page:
        for i in range(cells):
            box = (
                round((line.x0 + i * width) * scale),
                round(line.y0 * scale),
                round((line.x0 + (i + 1) * width) * scale),
                round(line.y1 * scale),
            )
            counts.append(sum(page.crop(box).convert("L").histogram()[:128]))
    return counts


@pytest.mark.parametrize(
    "make",
    [
        lambda: render_commitment(letter(problem=RARE)),
        lambda: render_slip(order(description=RARE)),
        lambda: render_filled(order(description=RARE)),
    ],
    ids=["commitment", "slip", "callback"],
)
def test_rare_characters_print_from_the_fallback_fonts(
    make: Callable[[], bytes], tmp_path: Path
) -> None:
    data = make()
    target = tmp_path / "doc.pdf"
    target.write_bytes(data)

    text = pdf.flat(pdf.text(target, tmp_path))
    assert OWNER in text
    assert RARE in text
    assert PLACEHOLDER not in text
    fonts = pdf.fonts(target, tmp_path)
    names = {f.name.split("+", 1)[1].split("-")[0] for f in fonts}
    assert names == {"WenQuanYiMicroHei", "HanaMinA", "HanaMinB"}, fonts
    assert all(f.embedded and "+" in f.name for f in fonts), fonts  # embedded subsets
    # Each rare character is drawn: ink in its place, not a blank.
    assert all(n > 20 for n in dark_cells(target, tmp_path, RARE, len(RARE)))
    assert undrawable_of(data) == ()


def test_the_fallback_keeps_documents_small(tmp_path: Path) -> None:
    plain = render_slip(order(description="墙面渗水", contact="张三"))
    rare = render_slip(order())
    # Only the glyphs used are embedded: a few kB, not the fonts' 53 MB.
    assert len(rare) - len(plain) < 12_000, (len(plain), len(rare))


def test_fallback_fonts_cover_extensions_a_and_b() -> None:
    extension_a = "".join(map(chr, range(0x3400, 0x4DC0)))
    extension_b = "".join(map(chr, range(0x20000, 0x2A6E0)))
    # Hanazono Mincho lacks 10 of Extension A's 6,592 and 9 of B's 42,720.
    assert len(undrawable(extension_a)) <= 10
    assert len(undrawable(extension_b)) <= 9
    assert undrawable(OWNER + RARE) == ""


def test_a_character_no_font_has_prints_as_the_placeholder_and_is_named(tmp_path: Path) -> None:
    data = render_slip(order(description=f"墙面{PRIVATE}渗水", contact=f"刘{PRIVATE}"))

    text = pdf.flat(pdf.text(data, tmp_path))
    assert f"墙面{PLACEHOLDER}渗水" in text
    assert f"刘{PLACEHOLDER}" in text
    assert undrawable_of(data) == (
        Undrawable("contact_name", PRIVATE, f"刘{PRIVATE}"),
        Undrawable("description", PRIVATE, f"墙面{PRIVATE}渗水"),
        Undrawable("callbacks[0].person_reached", PRIVATE, f"刘{PRIVATE}"),
    )
    assert undrawable_of(data)[0].codes == "U+E000"
    # The placeholder is ink, not a gap.
    line = f"墙面{PLACEHOLDER}渗水"
    target = tmp_path / "slip.pdf"
    target.write_bytes(data)
    assert dark_cells(target, tmp_path, line, len(line))[2] > 20


def test_wuye_print_names_undrawable_characters_before_counting(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
) -> None:
    _oid, number = promised_order(db, admin, community, description=f"外墙渗水{RARE}{PRIVATE}")
    assert db.sqlite_path is not None
    target = tmp_path / "letter.pdf"
    code = main(["--db", str(db.sqlite_path), "print", "commitment", "--order", number,
                 "--out", str(target)])  # fmt: skip
    _out, err = capsys.readouterr()

    assert code == 0, err
    assert "wuye: warning: problem: no font has U+E000" in err, err
    assert f"外墙渗水{RARE}{PLACEHOLDER}" in pdf.flat(pdf.text(target, tmp_path))


def test_a_letter_without_rare_characters_warns_of_nothing() -> None:
    data = render_commitment(replace(letter(), owner="张三", problem="墙面渗水"))
    assert undrawable_of(data) == ()


def test_canvas_strings_and_bold_headings_fall_back_too(tmp_path: Path) -> None:
    """The signage, the footers and the form headings draw on the canvas, not in paragraphs."""
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, initialFontName=FONT)
    c.setFont(FONT, 12)
    c.drawString(50, 700, f"业主{OWNER}")
    c.drawRightString(500, 650, f"{RARE}号楼")
    draw_bold(c, 300, 600, f"{OWNER}{RARE}", 20, anchor="center")
    c.showPage()
    c.save()
    target = tmp_path / "canvas.pdf"
    target.write_bytes(buffer.getvalue())

    lines = [ln.text for ln in pdf.lines(target, tmp_path)]
    assert lines == [f"业主{OWNER}", f"{RARE}号楼", f"{OWNER}{RARE}"], lines
    assert all(n > 20 for n in dark_cells(target, tmp_path, f"{OWNER}{RARE}", 7))
    # Widths come from the font that draws each character: right-aligned text ends at 500.
    right = next(ln for ln in pdf.lines(target, tmp_path) if ln.text.endswith("号楼"))
    assert abs(right.x1 - 500) < 1.5, right
    assert abs(text_width(RARE, 12) - 12 * len(RARE)) < 1
