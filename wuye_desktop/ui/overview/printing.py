"""Printing and saving the overview as it is on screen: to a printer or a PDF (the widgets
drawn, so charts stay sharp), or to a PNG picture. Pages break between sections where they can,
so a card or a chart is not cut in two."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QRegion
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget


def page_slices(height: int, page: int, breaks: Sequence[int]) -> list[tuple[int, int]]:
    """(top, bottom) of each page over a widget *height* tall: a page ends at the last break
    that fits on it, or where the page is full when no break does."""
    out: list[tuple[int, int]] = []
    top = 0
    candidates = sorted(b for b in breaks if 0 < b < height)
    while top < height:
        limit = top + page
        if limit >= height:
            out.append((top, height))
            break
        fitting = [b for b in candidates if top < b <= limit]
        bottom = fitting[-1] if fitting else limit
        out.append((top, bottom))
        top = bottom
    return out


def render_pages(widget: QWidget, printer: QPrinter, breaks: Sequence[int]) -> int:
    """Draw *widget* onto *printer*, scaled to the page's width; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = area.width() / max(1, widget.width())
        slices = page_slices(widget.height(), int(area.height() / scale), breaks)
        for number, (top, bottom) in enumerate(slices):
            if number:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            widget.render(
                painter,
                QPoint(0, 0),
                QRegion(QRect(0, top, widget.width(), bottom - top)),
            )
            painter.restore()
        return len(slices)
    finally:
        painter.end()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def save_picture(widget: QWidget, path: Path, breaks: Sequence[int]) -> bool:
    """A .pdf is drawn page by page; anything else is saved as a picture of the widget."""
    if path.suffix.lower() == ".pdf":
        return render_pages(widget, pdf_printer(path), breaks) > 0
    return widget.grab().save(str(path))
