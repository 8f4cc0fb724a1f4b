"""The shared preview: pages shown, navigation, printing painted page by page, save as PDF."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.doc_support import close_previews, open_previews, save_as_pdf, wait_for_preview
from tests.gui.shell_support import context
from wuye_desktop.core.clock import now_utc, today_local
from wuye_desktop.core.errors import NotFound, WuyeError
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor
from wuye_desktop.documents.callback_form import BlankBatch, render_blank
from wuye_desktop.documents.output import page_count
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import workers
from wuye_desktop.ui.documents import PdfPreviewDialog, paint_pdf, preview_document


@pytest.fixture(autouse=True)
def tidy(qtbot: QtBot) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=10000)
    close_previews()


def forms(count: int) -> bytes:
    numbers = tuple(f"HF20261120-{n:04d}" for n in range(1, count + 1))
    return render_blank(BlankBatch("青岛安居物业服务有限公司", "海尔云谷", numbers, now_utc()))


def pdfinfo_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def test_the_preview_shows_every_page_and_moves_between_them(qtbot: QtBot) -> None:
    data = forms(7)
    expected = page_count(data)
    assert expected >= 3
    dialog = PdfPreviewDialog(data, "回访单")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.page_count == expected
    assert dialog.page_box.maximum() == expected
    assert dialog.pages_label.text() == f"of {expected}"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.current_page() == 1)
    assert dialog.page_box.value() == 2
    dialog.page_box.selectAll()
    qtbot.keyClicks(dialog.page_box, str(expected))
    qtbot.waitUntil(lambda: dialog.current_page() == expected - 1)
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.current_page() == expected - 2)


def test_zoom_choices_change_the_view(qtbot: QtBot) -> None:
    dialog = PdfPreviewDialog(forms(1), "回访单")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.zoom_box.setCurrentIndex(dialog.zoom_box.findText("200%"))
    assert dialog.view.zoomFactor() == pytest.approx(2.0)
    dialog.zoom_box.setCurrentIndex(0)
    assert dialog.view.zoomMode() == dialog.view.ZoomMode.FitToWidth


def test_printing_paints_every_page_at_the_printers_resolution(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = forms(5)
    dialog = PdfPreviewDialog(data, "回访单")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))

    assert paint_pdf(dialog.document, printer) == page_count(data)
    assert pdfinfo_pages(target) == page_count(data)
    # Pages are painted on white: the printed page is not blank and not black.
    png = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "20", "-f", "1", "-l", "1", "-png", str(target), str(png)], check=True
    )
    from PySide6.QtGui import QImage

    image = QImage(str(next(tmp_path.glob("page*.png"))))
    corner = image.pixelColor(2, 2)
    assert (corner.red(), corner.green(), corner.blue()) == (255, 255, 255)
    dark = [
        (x, y)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).lightness() < 128
    ]
    assert dark, "the page was printed blank"
    assert len(dark) < image.width() * image.height() // 8, "transparency printed as black"


def test_save_as_pdf_writes_the_same_bytes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = forms(2)
    target = tmp_path / "saved"
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, name, _f: offered.append(name) or (str(target), "PDF files (*.pdf)"),
    )
    dialog = PdfPreviewDialog(data, "回访单 GD20261206-0007", file_name=None)
    qtbot.addWidget(dialog)
    save_as_pdf(qtbot, dialog)
    assert (tmp_path / "saved.pdf").read_bytes() == data
    # The name offered says what and whose (the title) and when; the notice says where.
    assert offered == [f"回访单 GD20261206-0007-{today_local():%Y%m%d}.pdf"]
    assert not dialog.saved_notice.isHidden()
    assert str(tmp_path / "saved.pdf") in dialog.saved_notice.label.text()


def test_preview_document_makes_the_pdf_in_the_background(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    ctx = context(db, admin)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    calls: list[tuple[int, int]] = []

    def make(progress: Progress) -> bytes:
        progress(1, 1)
        calls.append((1, 1))
        return forms(3)

    shown: list[PdfPreviewDialog] = []
    preview_document(parent, ctx, "回访单", make, on_shown=shown.append)
    dialog = wait_for_preview(qtbot)
    assert shown == [dialog] and calls == [(1, 1)]
    assert dialog.windowTitle() == "回访单" and dialog.page_count == page_count(forms(3))


def test_a_refusal_goes_to_on_error_and_no_preview_opens(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    refused: list[WuyeError] = []

    def make(_progress: Progress) -> bytes:
        raise NotFound("No such work order: {id}", id="GD1")

    task = preview_document(parent, context(db, admin), "x", make, on_error=refused.append)
    qtbot.waitUntil(lambda: not task.is_running, timeout=5000)
    assert len(refused) == 1 and isinstance(refused[0], NotFound)
    assert open_previews() == []


def test_the_preview_names_characters_no_font_draws(qtbot: QtBot) -> None:
    numbers = ("HF20261120-0001",)
    data = render_blank(
        BlankBatch("青岛安居物业服务有限公司", "海尔云谷\ue000", numbers, now_utc())
    )
    dialog = PdfPreviewDialog(data, "回访单")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.undrawable_label.isVisible()
    warning = dialog.undrawable_label.text()
    assert "print as 〓" in warning and "U+E000 in community" in warning, warning

    plain = PdfPreviewDialog(forms(1), "回访单")
    qtbot.addWidget(plain)
    plain.show()
    qtbot.waitExposed(plain)
    assert not plain.undrawable_label.isVisible()
