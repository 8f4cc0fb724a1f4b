"""One preview for every printed document: the PDF shown page by page, printed through Qt's
print dialog or saved as a file.

Documents are made by the core (``wuye_desktop.documents``) as PDF bytes; printing renders
each page with QtPdf at the printer's resolution, so what comes out of the printer is what the
preview shows, with the embedded Chinese font, on any machine.

A document that is counted or numbered when printed (the commitment letter's original, blank
callback forms' serial numbers) is previewed without counting anything; "Print…" and "Save as
PDF…" then print it through the core (*issue*), which counts only once the printer has taken
it or the file is written (``core/printing.py``). A failure there is a message, and uses up
nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.file_names import suggested_file_name
from wuye_desktop.core.printing import Output
from wuye_desktop.core.progress import Progress
from wuye_desktop.documents.coverage import PLACEHOLDER, undrawable_of
from wuye_desktop.documents.output import PendingFile, write_atomic
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.saved_notice import SavedNotice
from wuye_desktop.ui.workers import Task, run_in_background

log = logging.getLogger(__name__)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PrintFailed(Exception):
    """The printer refused to start (no such printer, unwritable output file)."""


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of *document* onto *printer*, each rendered at the printer's resolution
    and scaled to fit its page; returns the number of pages printed.

    QtPdf renders onto a transparent image, so each page is first laid onto white: some
    printer drivers print transparency as black.
    """
    pages = document.pageCount()
    if pages <= 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed
    try:
        dpi = printer.resolution()
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            rendered = document.render(page, size)
            image = QImage(size, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            with_white = QPainter(image)
            with_white.drawImage(0, 0, rendered)
            with_white.end()
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                target.x() + (target.width() - scaled.width()) // 2,
                target.y() + (target.height() - scaled.height()) // 2,
                image.scaled(
                    scaled,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                ),
            )
    finally:
        painter.end()
    return pages


Issue = Callable[[Output], bytes]


class PrinterOutput:
    """A counted print's output on a printer: :meth:`write` paints every page (the step that
    may fail, raising :class:`PrintFailed`); the job is the printer's once it has ended."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer

    def write(self, data: bytes) -> None:
        held = QByteArray(data)
        buffer = QBuffer(held)
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        try:
            paint_pdf(document, self.printer)
        finally:
            document.close()
            buffer.close()

    def publish(self) -> None:
        """Nothing to do: the pages went to the printer in :meth:`write`."""

    def discard(self) -> None:
        """Nothing to undo: a job that failed to start printed nothing."""


class PdfPreviewDialog(Retranslating, QDialog):
    """Shows PDF bytes: page navigation, zoom, "Print…" and "Save as PDF…".

    With *issue*, the bytes are only a preview: printing and saving call ``issue(output)``,
    which makes the document again, counted, into that output, and ``printed`` is emitted
    with what was printed.
    """

    printed = Signal(bytes)

    def __init__(
        self,
        data: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        file_name: str | None = None,
        issue: Issue | None = None,
    ) -> None:
        super().__init__(parent)
        self.data = data
        # Offered when saving: the title names the document and whose it is, then the day.
        self.file_name = file_name or suggested_file_name(title, ext="pdf")
        self.issue = issue
        self._title = title
        self.setWindowTitle(title)
        self.resize(900, 960)

        # The buffer must outlive the document, which reads from it.
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #6b7280; }")

        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(max(1, self.page_count))
        self.page_box.valueChanged.connect(self._go_to_page)
        self.pages_label = QLabel()
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.previous_button = QPushButton()
        self.previous_button.setAutoDefault(False)
        self.previous_button.clicked.connect(lambda: self.page_box.stepBy(-1))
        self.next_button = QPushButton()
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(lambda: self.page_box.stepBy(1))
        self.zoom_box = QComboBox()
        self.zoom_box.currentIndexChanged.connect(self._zoom_changed)
        self.print_button = QPushButton()
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton()
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)

        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_box)
        bar.addWidget(self.pages_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_box)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        # Characters no font draws print as the placeholder: said here, before a counted
        # print (the preview comes first), so the user can correct the text or print anyway.
        self.undrawable_label = QLabel()
        self.undrawable_label.setWordWrap(True)
        self.undrawable_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undrawable_label.setStyleSheet(
            "QLabel { background: #fef3c7; color: #78350f; padding: 6px; }"
        )
        self.undrawable_label.setVisible(bool(undrawable_of(data)))
        self.saved_notice = SavedNotice()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.saved_notice)
        layout.addWidget(self.undrawable_label)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.print_button.setFocus()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return self.view.pageNavigator().currentPage()

    def _go_to_page(self, number: int) -> None:
        if self.current_page() != number - 1:
            self.view.pageNavigator().jump(number - 1, QPointF(), self.view.zoomFactor())

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def _zoom_changed(self, index: int) -> None:
        if index <= 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif index == 1:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(ZOOMS[index - 2])

    # -- output --------------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self.issue is not None:
            self._issue(PrinterOutput(printer), self.tr("Print"))
            return
        try:
            paint_pdf(self.document, printer)
        except PrintFailed:
            self._printer_failed()

    def _printer_failed(self) -> None:
        QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))

    def _cannot_write(self, path: str, error: OSError) -> None:
        QMessageBox.warning(
            self,
            self.tr("Save as PDF"),
            self.tr("Cannot write {path}: {error}").format(path=path, error=error.strerror),
        )

    def _issue(self, output: Output, title: str) -> None:
        """Print the counted document on the printer; on failure say why, counting nothing.

        On the GUI thread, because Qt paints a printer's pages only there; the transaction that
        counts the print stays open until the job has started (see core.printing)."""
        assert self.issue is not None
        try:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            try:
                data = self.issue(output)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except WuyeError as error:
            messages.show_error(self, error)
            return
        except PrintFailed:
            self._printer_failed()
            return
        self._printed(data, title)

    def _printed(self, data: bytes, title: str) -> None:
        log.info("%s: printed (%d bytes)", title, len(data))
        self.data = data
        self.printed.emit(data)

    def _issue_to_file(self, path: str) -> None:
        """The counted document into a file, off the GUI thread: it writes to the database and
        the disk. Counted only once the file is safely written (see core.printing)."""
        issue = self.issue
        assert issue is not None
        title = self.tr("Save as PDF")

        def work(_progress: Progress) -> bytes | OSError:
            try:
                return issue(PendingFile(path))
            except OSError as error:  # a PendingFile's WriteFailed names the file chosen
                return error

        def done(result: bytes | OSError) -> None:
            if isinstance(result, OSError):
                self._cannot_write(str(result.filename or path), result)
            else:
                self._printed(result, title)
                self.saved_notice.show_saved(path)

        run_in_background(
            self, work, label=self.tr("Saving the document…"), on_done=done, cancellable=False
        )

    def save_as(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.file_name, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if self.issue is not None:
            self._issue_to_file(path)
            return
        try:
            write_atomic(Path(path), self.data)
        except OSError as error:
            self._cannot_write(path, error)
        else:
            self.saved_notice.show_saved(path)

    def undrawable_warning(self) -> str:
        """What the document prints as the placeholder, and where; empty when nothing."""
        found = undrawable_of(self.data)
        if not found:
            return ""
        lines = [
            self.tr("No font of the documents has these characters; they print as {mark}:").format(
                mark=PLACEHOLDER
            )
        ]
        lines += [
            self.tr("{codes} in {field}: “{text}”").format(
                codes=item.codes, field=item.field, text=item.text
            )
            for item in found
        ]
        return "\n".join(lines)

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.pages_label.setText(self.tr("of {n}").format(n=self.page_count))
        self.previous_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self.undrawable_label.setText(self.undrawable_warning())
        current = max(0, self.zoom_box.currentIndex())
        self.zoom_box.blockSignals(True)
        self.zoom_box.clear()
        self.zoom_box.addItem(self.tr("Fit width"))
        self.zoom_box.addItem(self.tr("Whole page"))
        for zoom in ZOOMS:
            self.zoom_box.addItem(f"{round(zoom * 100)}%")
        self.zoom_box.setCurrentIndex(current)
        self.zoom_box.blockSignals(False)


def preview_document(
    parent: QWidget,
    ctx: AppContext,
    title: str,
    make_pdf: Callable[[Progress], bytes],
    *,
    file_name: str | None = None,
    on_shown: Callable[[PdfPreviewDialog], None] | None = None,
    on_error: Callable[[WuyeError], None] | None = None,
    issue: Issue | None = None,
    on_printed: Callable[[bytes], None] | None = None,
) -> Task:
    """Make a document off the GUI thread (progress after half a second, Cancel), then show it.

    Every print action goes through here. Core errors (a missing commitment, channel data to
    fill in) are shown as the core's message unless *on_error* takes them; *on_shown* receives
    the open dialog. With *issue*, *make_pdf* is a preview that counts nothing, and printing
    or saving goes through ``issue(output)`` (see :class:`PdfPreviewDialog`), and *on_printed*
    hears of each print that counted.
    """
    # ctx is taken so that every print action calls this the same way; make_pdf already
    # holds the database and the actor.
    _ = ctx

    def show(data: bytes) -> None:
        dialog = PdfPreviewDialog(data, title, parent, file_name=file_name, issue=issue)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_printed is not None:
            dialog.printed.connect(on_printed)
        dialog.show()
        if on_shown is not None:
            on_shown(dialog)

    return run_in_background(
        parent,
        make_pdf,
        label=QCoreApplication.translate("PdfPreviewDialog", "Preparing {title}…").format(
            title=title
        ),
        on_done=show,
        on_error=on_error,
    )
