"""What every printed document says of itself, read as its reader's tools read it: the PDF's
title, author and subject (a viewer's "document properties", a file list's columns), the 副本
stamp on a grayscale printer, and ``--out`` without ``.pdf``."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from tests.unit import pdf_support as pdf
from wuye_desktop.cli import main
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment, Household, WorkOrder


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A small demo database and what the documents are printed of."""
    path = tmp_path_factory.mktemp("properties") / "demo.sqlite3"
    argv = ["--db", str(path), "demo", "--households", "60", "--work-orders", "200"]
    assert main([*argv, "--ledger-entries", "80", "--seed", "2"]) == 0
    db = Database(str(path))
    with db.read() as s:
        promised = s.scalar(
            select(WorkOrder.number).join(Commitment, Commitment.order_id == WorkOrder.id)
        )
        completed = s.scalar(select(WorkOrder.number).where(WorkOrder.status == "closed"))
        household = s.scalar(select(Household.code).order_by(Household.id))
    db.dispose()
    assert promised and completed and household
    today = to_local(now_utc()).date()
    last_quarter = today.replace(day=1) - timedelta(days=92)
    yield {
        "db": str(path),
        "promised": promised,
        "completed": completed,
        "household": household,
        "community": household.split("-")[0],
        "period": f"{last_quarter.year}Q{(last_quarter.month - 1) // 3 + 1}",
    }


DOCUMENTS = {
    "signage": ["signage", "--community", "{community}"],
    "signage home A3": [
        "signage",
        "--community",
        "{community}",
        "--location",
        "home",
        "--size",
        "A3",
    ],
    "commitment": ["commitment", "--order", "{promised}"],
    "commitment copy": ["commitment", "--order", "{promised}", "--copy"],
    "closeout": ["closeout", "--household", "{household}"],
    "callback": ["callback", "--order", "{completed}"],
    "callback blank": ["callback", "--blank", "2", "--community", "{community}"],
    "slip": ["slip", "--order", "{completed}"],
    "weekly": ["weekly"],
    "disclosure": ["disclosure", "--community", "{community}", "--period", "{period}"],
}


def print_document(
    capsys: pytest.CaptureFixture[str], facts: dict[str, str], kind: str, out: Path
) -> None:
    argv = [a.format(**facts) for a in DOCUMENTS[kind]]
    code = main(["--db", facts["db"], "print", *argv, "--out", str(out)])
    _, err = capsys.readouterr()
    assert code == 0, err


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_every_document_has_a_title_an_author_and_a_subject(
    capsys: pytest.CaptureFixture[str], demo_db: dict[str, str], tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "doc.pdf"
    print_document(capsys, demo_db, kind, target)
    info = pdf.info(target, tmp_path)
    for field in ("Title", "Author", "Subject"):
        value = info.get(field, "")
        assert value, f"{kind}: no {field}"
        assert value.lower() not in ("untitled", "anonymous", "unspecified"), (kind, field, value)
    assert info["Author"] == "青岛海湾物业服务有限公司", info  # the demo company prints it


def _contrast(grey: int) -> float:
    """WCAG contrast of an ink of grey level *grey* (0..255) on white paper."""
    c = grey / 255
    luminance = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 1.05 / (luminance + 0.05)


def test_the_copy_stamp_is_chinese_and_plain_in_grayscale(
    capsys: pytest.CaptureFixture[str], demo_db: dict[str, str], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.pdf"
    print_document(capsys, demo_db, "commitment copy", copy)
    text = pdf.flat(pdf.text(copy, tmp_path))
    assert "副本" in text and "COPY" not in text.upper()

    dpi = 100
    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(copy),
         str(tmp_path / "grey")],
        check=True,
    )  # fmt: skip
    [page] = tmp_path.glob("grey-*.png")
    px = dpi / 25.4  # pixels per mm
    with Image.open(page) as im:
        # The stamp stands left of the title: 16 mm from the left, 19 to 30 mm from the top.
        stamp = im.convert("L").crop((int(14 * px), int(17 * px), int(48 * px), int(32 * px)))
        inked = [v for v in stamp.tobytes() if v < 200]
    assert len(inked) > 100, "no stamp where the stamp should be"
    # As dark as body text needs to be read at a glance (WCAG AAA, 7:1), on a grey printer.
    assert _contrast(min(inked)) >= 7, min(inked)


def test_out_without_pdf_gets_it(
    capsys: pytest.CaptureFixture[str], demo_db: dict[str, str], tmp_path: Path
) -> None:
    code = main(
        ["--db", demo_db["db"], "print", "slip", "--order", demo_db["completed"],
         "--out", str(tmp_path / "report")]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    written = tmp_path / "report.pdf"
    assert out.strip() == f"{written}: 1 page(s)"  # the message names the file written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    assert pdf.pages(written, tmp_path) == 1
    # A name that has .pdf in any case keeps it.
    assert main(
        ["--db", demo_db["db"], "print", "slip", "--order", demo_db["completed"],
         "--out", str(tmp_path / "Slip.PDF")]
    ) == 0  # fmt: skip
    capsys.readouterr()
    assert (tmp_path / "Slip.PDF").exists() and not (tmp_path / "Slip.PDF.pdf").exists()
